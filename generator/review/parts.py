"""The parts of a review case file: 当事人, 拟处罚 (fines, measures), 程序, 延期, 裁量, procedure steps.

Each is a dataclass read by `generator.review.schema.build` from its Chinese keys (CASEFILE.md).
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from generator.amounts import format_yuan
from generator.review.schema import Problems, join, spec
from kb.dates import date_text
from kb.standards.models import INDIVIDUAL, PARTIES, UNIT

PARTY_KINDS = (UNIT, INDIVIDUAL)
PERSON_ROLES = tuple(role for role, (kind, _) in PARTIES.items() if kind == INDIVIDUAL)
CREDIT_CODE_CHARS = set("0123456789ABCDEFGHJKLMNPQRTUWXY")
ADOPTED, PARTLY, REJECTED = "采纳", "部分采纳", "不予采纳"
HANDLINGS = (ADOPTED, PARTLY, REJECTED)
NO_STATEMENT = ("未提出", "没有提出", "未进行陈述", "放弃")


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
    waived: bool = spec("不予处罚", False)

    @property
    def has_fine(self) -> bool:
        """True when a fine is proposed on the party or on a person."""
        return self.fine is not None or bool(self.person_fines)

    def check(self, problems: Problems, path: str) -> None:
        """A decision imposes something, or says that no penalty is proposed."""
        if self.fine is None and not self.person_fines and not self.measures and not self.waived:
            problems.add(path, "应至少写明“罚款”“个人罚款”或“其他处罚”之一，或写明“不予处罚: 是”")


@dataclass
class Procedure:
    """程序: what was done before the review (告知, 陈述申辩, 听证, 集体讨论, 移送)."""

    notice_date: date | None = spec("告知日期")
    notice_fine: Decimal | None = spec("告知罚款")
    hearing_notified: bool = spec("告知听证", False)
    hearing_requested: bool = spec("要求听证", False)
    request_date: date | None = spec("要求听证日期")
    hearing_notice_date: date | None = spec("听证通知日期")
    hearing_held: bool = spec("举行听证", False)
    hearing_date: date | None = spec("听证日期")
    statement: str = spec("陈述申辩", "")
    handling: str = spec("陈述申辩处理", "", choices=HANDLINGS)
    handling_reason: str = spec("处理理由", "")
    collective: bool = spec("集体讨论", False)
    collective_date: date | None = spec("集体讨论日期")
    referred: bool = spec("移送司法机关", False)
    referral_date: date | None = spec("移送日期")
    review_extended: bool = spec("延长审核", False)

    @property
    def statement_made(self) -> bool:
        """True when the party made a statement or defence (not 未提出 / 放弃)."""
        return bool(self.statement) and not any(word in self.statement for word in NO_STATEMENT)

    @property
    def waived(self) -> bool:
        """True when the party expressly gave up the right to state and defend (第六十二条但书)."""
        return "放弃" in self.statement

    def check(self, problems: Problems, path: str) -> None:
        """A hearing needs a notice of the right to one; a handled statement says how."""
        if (self.hearing_held or self.hearing_requested) and not self.hearing_notified:
            problems.add(join(path, "告知听证"), "已记录要求或举行听证，但“告知听证”为“否”")
        if self.handling and not self.statement_made:
            problems.add(join(path, "陈述申辩处理"), "写了处理结果，但“陈述申辩”未写明当事人提出的意见")
        in_order(problems, [("告知日期", self.notice_date), ("要求听证日期", self.request_date)], path)
        in_order(problems, [("听证通知日期", self.hearing_notice_date), ("听证日期", self.hearing_date)], path)


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


def in_order(problems: Problems, dates: list[tuple[str, date | None]], path: str = "") -> None:
    """Add a problem for every date earlier than the one before it."""
    given = [(name, value) for name, value in dates if value]
    for (first, early), (second, late) in zip(given, given[1:]):
        if late < early:
            problems.add(join(path, second), f"不应早于{first}（{date_text(early)}），实为{date_text(late)}")

