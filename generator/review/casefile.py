"""Review case files: what a reviewer writes once (YAML or JSON, Chinese keys) for a legal-review
opinion, a legality review of a major decision, or a case commentary. See CASEFILE.md.

`load_case` reads and validates a file and raises CaseFileError listing every problem, each with
its field path, before anything is generated.
"""

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

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
from generator.review.parts import (  # noqa: F401  (the parts are part of this module's interface)
    ADOPTED,
    HANDLINGS,
    PARTLY,
    PARTY_KINDS,
    PERSON_ROLES,
    REJECTED,
    Decision,
    DiscretionInput,
    Extension,
    Measure,
    Party,
    PersonFine,
    Procedure,
    Step,
    in_order,
)
from generator.review.schema import Problems, build, spec
from generator.review.violations import ACCIDENTS, Violation, check_factors, merged_decision, unique

# 案件情形: circumstances the reviewer states, each tied to the article that gives it effect.
PUBLIC_INTEREST = "涉及重大公共利益"
COMPLEX_CASE = "案件情况疑难复杂"
REVIEW_BY_LAW = "法律法规规定应当法制审核"
COMPLEX_FACTS = "情节复杂"
SERIOUS = "重大违法行为"
LIFE_SAFETY = "涉及公民生命健康安全"
FINANCIAL = "涉及金融安全"
HARM = "有危害后果"
CRIME = "涉嫌犯罪"
CIRCUMSTANCES = (PUBLIC_INTEREST, COMPLEX_CASE, REVIEW_BY_LAW, COMPLEX_FACTS, SERIOUS, LIFE_SAFETY,
                 FINANCIAL, HARM, CRIME)

OPINION, LEGALITY, COMMENTARY = "法制审核意见书", "重大行政决策合法性审查意见书", "案例评析"
KIND_NAMES = {"opinion": OPINION, "legality": LEGALITY, "commentary": COMMENTARY}
STEPS = ("公众参与", "专家论证", "风险评估", "合法性审查", "集体讨论")


class CaseFileError(ValueError):
    """A case file that cannot be used; `problems` lists every problem with its field path."""

    def __init__(self, source: str, problems: list[str]):
        self.source, self.problems = source, problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{source}：案件文件有 {len(problems)} 处问题：\n{lines}")


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
    violated: list[CitedRef] = spec("违反条款", factory=list)
    basis: list[CitedRef] = spec("处罚依据", factory=list)
    discretion: DiscretionInput | None = spec("裁量")
    decision: Decision = spec("拟处罚", factory=Decision)
    situation: str = spec("法定情形", "")
    accident: str = spec("事故等级", "", choices=ACCIDENTS)
    violations: list[Violation] = spec("违法行为", factory=list)
    factors: list[str] = spec("情节", factory=list)
    aggravating: list[str] = spec("从重情节", factory=list)
    planned: date | None = spec("拟决定日期")
    procedure: Procedure = spec("程序", factory=Procedure)
    circumstances: list[str] = spec("案件情形", factory=list, choices=CIRCUMSTANCES)
    hearing_region: str = spec("听证标准", "")
    notes: dict[str, str] = spec("审查意见", factory=dict, choices=ASPECTS)
    reviewer: str = spec("审核人", "", required=True)
    reviewed: date | None = spec("审核日期", required=True)
    conclusion: str = spec("结论", "", choices=OPINION_CONCLUSIONS)
    reasons: list[str] = spec("理由", factory=list)
    overrides: dict[str, str] = spec("人工判断", factory=dict, choices=OPINION_CHECKS)
    legacy: bool = field(default=False, init=False, repr=False)
    mixed: bool = field(default=False, init=False, repr=False)

    def __post_init__(self) -> None:
        """One model for both forms: a single-violation file (违反条款, 处罚依据, 裁量, 拟处罚 at the top)
        becomes one Violation; a file with 违法行为 gets the top-level attributes as their union."""
        self.legacy = not self.violations
        self.mixed = not self.legacy and bool(self.violated or self.basis or self.discretion
                                              or self.decision != Decision())
        if self.legacy:
            if self.violated or self.basis:
                self.violations = [Violation(name=self.cause, violated=self.violated, basis=self.basis,
                                             situation=self.situation, accident=self.accident,
                                             discretion=self.discretion, decision=self.decision)]
            return
        self.violated = unique([c for v in self.violations for c in v.violated])
        self.basis = unique([c for v in self.violations for c in v.basis])
        self.discretion = next((v.discretion for v in self.violations if v.discretion), None)
        self.decision = merged_decision(self.violations, self.planned)

    @property
    def decision_date(self) -> date | None:
        """The date the decision is to be made: 拟决定日期, else the review date."""
        return self.planned or self.decision.planned or self.reviewed

    @property
    def several(self) -> bool:
        """True when the case has more than one violation (分别裁量)."""
        return len(self.violations) > 1

    def check(self, problems: Problems, path: str) -> None:
        """Either one violation at the top level or a list of 违法行为; dates in order."""
        if self.legacy:
            for key, value in (("违反条款", self.violated), ("处罚依据", self.basis)):
                if not value:
                    problems.add(key, "缺少必填字段（或改用“违法行为”列表逐项写明）")
            if self.decision == Decision() and not any(p.startswith("拟处罚") for p in problems.items):
                problems.add("拟处罚", "缺少必填字段")
        elif self.mixed:
            problems.add("违法行为", "已按“违法行为”逐项写明的，顶层不再写“违反条款”“处罚依据”“裁量”“拟处罚”")
        check_factors(problems, "情节", self.factors)
        in_order(problems, [("违法行为发生日期", self.act_date), ("违法行为终了日期", self.act_end)])
        in_order(problems, [("违法行为发生日期", self.act_date), ("发现日期", self.discovered),
                             ("立案日期", self.filed)])
        in_order(problems, [("立案日期", self.filed), ("送审日期", self.submitted), ("审核日期", self.reviewed)])
        in_order(problems, [("立案日期", self.filed), ("拟决定日期", self.decision_date if self.decision.planned
                                                        or self.planned else None)])


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
        in_order(problems, [("送审日期", self.submitted), ("审查日期", self.reviewed)])


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
