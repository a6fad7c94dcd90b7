"""Review case files: what a reviewer writes once (YAML or JSON, Chinese keys) for a legal-review
opinion, a legality review of a major decision, or a case commentary. See CASEFILE.md.

`load_case` reads and validates a file and raises CaseFileError listing every problem, each with
its field path, before anything is generated.
"""

import json
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import yaml

from generator.amounts import format_yuan
from generator.review.citing import CitedRef
from generator.review.findings import (
    ASPECTS,
    COMMENTARY_CHECKS,
    LEGALITY_ASPECTS,
    LEGALITY_CHECKS,
    LEGALITY_CONCLUSIONS,
    OPINION_CHECKS,
    OPINION_CONCLUSIONS,
)
from generator.review.schema import Problems, build, join, spec
from kb.dates import date_text
from kb.standards.models import INDIVIDUAL, PARTIES, UNIT

PARTY_KINDS = (UNIT, INDIVIDUAL)
PERSON_ROLES = tuple(role for role, (kind, _) in PARTIES.items() if kind == INDIVIDUAL)
CREDIT_CODE_CHARS = set("0123456789ABCDEFGHJKLMNPQRTUWXY")

# 案件情形: circumstances the reviewer states, each tied to the article that gives it effect.
PUBLIC_INTEREST = "涉及重大公共利益"
COMPLEX_CASE = "案件情况疑难复杂"
REVIEW_BY_LAW = "法律法规规定应当法制审核"
COMPLEX_FACTS = "情节复杂"
SERIOUS = "重大违法行为"
LIFE_SAFETY = "涉及公民生命健康安全"
FINANCIAL = "涉及金融安全"
HARM = "有危害后果"
CIRCUMSTANCES = (PUBLIC_INTEREST, COMPLEX_CASE, REVIEW_BY_LAW, COMPLEX_FACTS, SERIOUS, LIFE_SAFETY,
                 FINANCIAL, HARM)

OPINION, LEGALITY, COMMENTARY = "法制审核意见书", "重大行政决策合法性审查意见书", "案例评析"
KIND_NAMES = {"opinion": OPINION, "legality": LEGALITY, "commentary": COMMENTARY}
STEPS = ("公众参与", "专家论证", "风险评估", "合法性审查", "集体讨论")


class CaseFileError(ValueError):
    """A case file that cannot be used; `problems` lists every problem with its field path."""

    def __init__(self, source: str, problems: list[str]):
        self.source, self.problems = source, problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{source}：案件文件有 {len(problems)} 处问题：\n{lines}")


# -- parts -------------------------------------------------------------------------------------

@dataclass
class Party:
    """当事人: a unit or an individual."""

    name: str = spec("名称", "", required=True)
    kind: str = spec("类型", "", required=True, choices=PARTY_KINDS)
    credit_code: str = spec("统一社会信用代码", "")
    id_number: str = spec("身份证号", "")
    address: str = spec("地址", "")
    legal_representative: str = spec("法定代表人", "")
    principal: str = spec("主要负责人", "")

    @property
    def identifier(self) -> str:
        """The credit code of a unit or the ID number of an individual ('' when not given)."""
        return self.credit_code or self.id_number

    def check(self, problems: Problems, path: str) -> None:
        """The identifier fits the kind of party and has the right form."""
        if self.credit_code and (len(self.credit_code) != 18 or not set(self.credit_code) <= CREDIT_CODE_CHARS):
            problems.add(join(path, "统一社会信用代码"), f"应为18位数字或大写字母，实为“{self.credit_code}”")
        if self.id_number and not (len(self.id_number) == 18 and self.id_number[:17].isdigit()
                                   and self.id_number[17] in "0123456789X"):
            problems.add(join(path, "身份证号"), f"应为18位（末位可为X），实为“{self.id_number}”")
        if self.kind == UNIT and self.id_number and not self.credit_code:
            problems.add(join(path, "身份证号"), "当事人为单位时应填写“统一社会信用代码”")
        if self.kind == INDIVIDUAL and self.credit_code and not self.id_number:
            problems.add(join(path, "统一社会信用代码"), "当事人为个人时应填写“身份证号”")


@dataclass
class PersonFine:
    """A fine on a named individual (主要负责人, 直接责任人员 …)."""

    name: str = spec("姓名", "", required=True)
    role: str = spec("身份", "主要负责人", choices=PERSON_ROLES)
    amount: Decimal | None = spec("罚款", required=True)
    income: Decimal | None = spec("上一年年收入")


@dataclass
class Measure:
    """A penalty other than the party's fine: 责令停产停业整顿, 没收违法所得 (with its amount) …"""

    SCALAR = "kind"

    kind: str = spec("种类", "", required=True)
    amount: Decimal | None = spec("金额")
    term: str = spec("期限", "")

    @property
    def text(self) -> str:
        """The measure as one phrase, with its amount or term."""
        extra = format_yuan(self.amount) if self.amount is not None else self.term
        return f"{self.kind}（{extra}）" if extra else self.kind


@dataclass
class Decision:
    """拟处罚: the proposed penalty decision."""

    fine: Decimal | None = spec("罚款")
    person_fines: list[PersonFine] = spec("个人罚款", factory=list)
    measures: list[Measure] = spec("其他处罚", factory=list)
    planned: date | None = spec("拟决定日期")

    def check(self, problems: Problems, path: str) -> None:
        """A decision imposes something."""
        if self.fine is None and not self.person_fines and not self.measures:
            problems.add(path, "应至少写明“罚款”“个人罚款”或“其他处罚”之一")


@dataclass
class Procedure:
    """程序: what was done before the review."""

    notice_date: date | None = spec("告知日期")
    hearing_notified: bool = spec("告知听证", False)
    hearing_requested: bool = spec("要求听证", False)
    hearing_held: bool = spec("举行听证", False)
    hearing_date: date | None = spec("听证日期")
    statement: str = spec("陈述申辩", "")
    collective: bool = spec("集体讨论", False)
    collective_date: date | None = spec("集体讨论日期")

    def check(self, problems: Problems, path: str) -> None:
        """A hearing needs a notice of the right to one."""
        if (self.hearing_held or self.hearing_requested) and not self.hearing_notified:
            problems.add(join(path, "告知听证"), "已记录要求或举行听证，但“告知听证”为“否”")


@dataclass
class Extension:
    """延期: an approved extension of the 90-day time limit."""

    approved: date | None = spec("批准日期", required=True)
    until: date | None = spec("延长至")
    days: int | None = spec("延长日数")
    approver: str = spec("批准人", "")
    reason: str = spec("理由", "", required=True)

    def deadline(self, original: date) -> date:
        """The extended deadline from the original one."""
        return self.until or original + timedelta(days=self.days or 0)

    def check(self, problems: Problems, path: str) -> None:
        """An extension says how long."""
        if self.until is None and not self.days:
            problems.add(path, "应写明“延长至”日期或“延长日数”")


@dataclass
class DiscretionInput:
    """裁量: the standard item and tier the office applied, and the circumstances."""

    standard: str = spec("基准", "")
    code: str = spec("事项编号", "", required=True)
    tier: str = spec("阶次", "", required=True)
    factors: list[str] = spec("情节", factory=list)
    gains: Decimal | None = spec("违法所得")
    income: Decimal | None = spec("上一年年收入")
    explanation: str = spec("说明", "")
    deviation: str = spec("偏离理由", "")


@dataclass
class Step:
    """One procedure step of a major decision: when and how it was done, or why it does not apply."""

    day: date | None = spec("日期")
    summary: str = spec("情况", "")
    not_applicable: str = spec("不适用理由", "")

    def check(self, problems: Problems, path: str) -> None:
        """A step is described or excused."""
        if not self.summary and not self.not_applicable:
            problems.add(path, "应写明“情况”，或写明“不适用理由”")


# -- documents ---------------------------------------------------------------------------------

@dataclass
class CaseFile:
    """Fields every case file has."""

    doc_type: str = spec("文书类型", "")
    sample: bool = spec("示例", False)


@dataclass
class OpinionCase(CaseFile):
    """法制审核意见书: a proposed penalty decision sent for legal review (行政处罚法第五十八条)."""

    KIND = OPINION

    authority: str = spec("机关", "", required=True)
    number: str = spec("文号", "", required=True)
    case_number: str = spec("案件编号", "")
    office: str = spec("送审科室", "", required=True)
    cause: str = spec("案由", "", required=True)
    party: Party = spec("当事人", factory=Party, required=True)
    submitted: date | None = spec("送审日期", required=True)
    filed: date | None = spec("立案日期", required=True)
    act_date: date | None = spec("违法行为发生日期")
    act_end: date | None = spec("违法行为终了日期")
    continuing: bool = spec("连续或者继续状态", False)
    discovered: date | None = spec("发现日期")
    extension: Extension | None = spec("延期")
    facts: str = spec("违法事实", "", required=True)
    evidence: list[str] = spec("证据", factory=list, required=True)
    violated: list[CitedRef] = spec("违反条款", factory=list, required=True)
    basis: list[CitedRef] = spec("处罚依据", factory=list, required=True)
    discretion: DiscretionInput | None = spec("裁量")
    decision: Decision = spec("拟处罚", factory=Decision, required=True)
    procedure: Procedure = spec("程序", factory=Procedure)
    circumstances: list[str] = spec("案件情形", factory=list, choices=CIRCUMSTANCES)
    hearing_region: str = spec("听证标准", "")
    notes: dict[str, str] = spec("审查意见", factory=dict, choices=ASPECTS)
    reviewer: str = spec("审核人", "", required=True)
    reviewed: date | None = spec("审核日期", required=True)
    conclusion: str = spec("结论", "", choices=OPINION_CONCLUSIONS)
    reasons: list[str] = spec("理由", factory=list)
    overrides: dict[str, str] = spec("人工判断", factory=dict, choices=OPINION_CHECKS)

    @property
    def decision_date(self) -> date | None:
        """The date the decision is to be made: 拟决定日期, else the review date."""
        return self.decision.planned or self.reviewed

    def check(self, problems: Problems, path: str) -> None:
        """Dates in order."""
        _in_order(problems, [("违法行为发生日期", self.act_date), ("违法行为终了日期", self.act_end)])
        _in_order(problems, [("违法行为发生日期", self.act_date), ("发现日期", self.discovered),
                             ("立案日期", self.filed)])
        _in_order(problems, [("立案日期", self.filed), ("送审日期", self.submitted), ("审核日期", self.reviewed)])
        _in_order(problems, [("立案日期", self.filed), ("拟处罚.拟决定日期", self.decision.planned)])


@dataclass
class LegalityCase(CaseFile):
    """重大行政决策合法性审查意见书 (重大行政决策程序暂行条例第二十五条至第二十七条)."""

    KIND = LEGALITY

    authority: str = spec("机关", "", required=True)
    number: str = spec("文号", "", required=True)
    matter: str = spec("决策事项", "", required=True)
    drafter: str = spec("起草单位", "", required=True)
    submitted: date | None = spec("送审日期", required=True)
    basis: list[CitedRef] = spec("法定权限依据", factory=list, required=True)
    authority_note: str = spec("法定权限说明", "")
    steps: dict[str, Step] = spec("程序", factory=dict, choices=STEPS)
    content: str = spec("决策内容", "", required=True)
    notes: dict[str, str] = spec("审查意见", factory=dict, choices=LEGALITY_ASPECTS)
    reviewer: str = spec("审查人", "", required=True)
    reviewed: date | None = spec("审查日期", required=True)
    conclusion: str = spec("结论", "", choices=LEGALITY_CONCLUSIONS)
    reasons: list[str] = spec("理由", factory=list)
    overrides: dict[str, str] = spec("人工判断", factory=dict, choices=LEGALITY_CHECKS)

    def check(self, problems: Problems, path: str) -> None:
        """The review follows the submission."""
        _in_order(problems, [("送审日期", self.submitted), ("审查日期", self.reviewed)])


@dataclass
class CommentaryCase(CaseFile):
    """案例评析: a case commentary for leadership and study sessions."""

    KIND = COMMENTARY

    title: str = spec("标题", "", required=True)
    author: str = spec("作者", "")
    written: date | None = spec("日期")
    case: str = spec("案例", "")
    facts: str = spec("基本案情", "", required=True)
    issues: list[str] = spec("争议焦点", factory=list, required=True)
    analysis: str = spec("评析", "", required=True)
    rule: str = spec("启示", "", required=True)
    citations: list[CitedRef] = spec("引用", factory=list)
    overrides: dict[str, str] = spec("人工判断", factory=dict, choices=COMMENTARY_CHECKS)


KINDS = {cls.KIND: cls for cls in (OpinionCase, LegalityCase, CommentaryCase)}


# -- loading -----------------------------------------------------------------------------------

def read_data(path: Path) -> dict:
    """Read a YAML (.yaml/.yml) or JSON (.json) case file into a dict; raise CaseFileError
    naming the file and, for syntax errors, the line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
        data = json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except FileNotFoundError:
        raise CaseFileError(str(path), ["文件不存在"]) from None
    except UnicodeDecodeError:
        raise CaseFileError(str(path), ["不是 UTF-8 编码的文本"]) from None
    except json.JSONDecodeError as error:
        raise CaseFileError(str(path), [f"JSON 格式错误（第 {error.lineno} 行）：{error.msg}"]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"（第 {mark.line + 1} 行）" if mark else ""
        raise CaseFileError(str(path), [f"YAML 格式错误{where}：{getattr(error, 'problem', error)}"]) from None
    except ValueError as error:
        raise CaseFileError(str(path), [f"含有不存在的日期或数值：{error}"]) from None
    if not isinstance(data, dict):
        raise CaseFileError(str(path), ["顶层应为“字段: 值”的映射"])
    return data


def parse_case(data: dict, kind: str | None = None, source: str = "案件文件"):
    """Build the case of the document type `kind` (法制审核意见书 … or opinion/legality/commentary;
    default: the file's 文书类型); raise CaseFileError with every problem found."""
    wanted = KIND_NAMES.get(kind, kind) if kind else None
    written = str(data.get("文书类型") or "").strip()
    problems = Problems()
    if wanted and written and written != wanted:
        problems.add("文书类型", f"应为“{wanted}”，实为“{written}”")
    chosen = wanted or written
    if chosen not in KINDS:
        problems.add("文书类型", (f"应为{'、'.join(f'“{k}”' for k in KINDS)}之一，实为“{chosen}”" if chosen
                                 else f"缺少必填字段（{'、'.join(KINDS)}）"))
        raise CaseFileError(source, problems.items)
    case = build(KINDS[chosen], data, "", problems)
    if problems:
        raise CaseFileError(source, problems.items)
    case.doc_type = chosen
    return case


def load_case(path: Path | str, kind: str | None = None):
    """Read and validate a case file; return an OpinionCase, LegalityCase or CommentaryCase."""
    return parse_case(read_data(Path(path)), kind, str(path))


def _in_order(problems: Problems, dates: list[tuple[str, date | None]]) -> None:
    given = [(name, value) for name, value in dates if value]
    for (first, early), (second, late) in zip(given, given[1:]):
        if late < early:
            problems.add(second, f"不应早于{first}（{date_text(early)}），实为{date_text(late)}")
