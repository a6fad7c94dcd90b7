"""What an article says about punishment, as data: who may be punished, with what, within which
range and under which condition."""

from dataclasses import dataclass, field
from decimal import Decimal

# What a fine is measured against.
YUAN = "元"
GAINS = "违法所得"
GOODS = "货值金额"
INCOME = "上一年年收入"
PREVIOUS_FINE = "前款罚款数额"
BASES = (YUAN, GAINS, GOODS, INCOME, PREVIOUS_FINE)

# Party roles as the product names them (kb.standards.models.PARTIES uses the same four).
UNIT = "单位"
PRINCIPAL = "主要负责人"
RESPONSIBLE = "直接责任人员"
INDIVIDUAL = "个人"
OFFENDER = "违法行为人"        # the article names no party: whoever committed the act, unit or individual

# Kinds of sanction.
FINE = "罚款"
WARNING = "警告"
CONFISCATE_GAINS = "没收违法所得"
CONFISCATE = "没收非法财物"
SUSPEND_BUSINESS = "责令停产停业"
SUSPEND_LICENCE = "暂扣许可证件"
REVOKE_LICENCE = "吊销许可证件"
LOWER_GRADE = "降低资质等级"
CLOSE = "责令关闭"
RESTRICT = "限制从业"
DETENTION = "行政拘留"
DISCIPLINE = "处分"
DISMISSAL = "撤职"
CORRECT = "责令改正"
CRITICISM = "通报批评"
# Kinds that are not penalties under 行政处罚法第九条 but orders the article attaches.
NOT_PENALTIES = (CORRECT,)

# Reading states of a provision.
READ = "已读取"
UNCERTAIN = "需人工核实"
NO_PENALTY = "未规定处罚"
ELSEWHERE = "依照其他规定处罚"


@dataclass(frozen=True)
class FineRange:
    """The amount of a fine: fixed 元, or a multiple / percentage of a base.

    `low`/`high` are 元 for YUAN, times for GAINS/GOODS/PREVIOUS_FINE, percent for INCOME;
    `low` is 0 for "X以下"; `high` is None when the text states no upper limit. `gains_at_least` and
    `gains_below` restrict the fine to illegal gains of at least / below an amount (元).
    """

    base: str = YUAN
    low: Decimal = Decimal(0)
    high: Decimal | None = None
    gains_at_least: Decimal | None = None
    gains_below: Decimal | None = None
    text: str = ""

    @property
    def unit(self) -> str:
        """元, 倍 or % — the unit of low and high."""
        return {YUAN: "元", INCOME: "%"}.get(self.base, "倍")

    def applies(self, gains: Decimal | None) -> bool:
        """Whether a gains-conditioned fine applies to these illegal gains (None: unknown, applies)."""
        if gains is None:
            return True
        if self.gains_at_least is not None and gains < self.gains_at_least:
            return False
        return not (self.gains_below is not None and gains >= self.gains_below)

    def bounds(self, gains: Decimal | None = None, income: Decimal | None = None,
               goods: Decimal | None = None) -> tuple[Decimal, Decimal | None] | None:
        """(lowest, highest) in 元, or None when the base amount is needed and not given."""
        if self.base == YUAN:
            return self.low, self.high
        amount = {GAINS: gains, INCOME: income, GOODS: goods}.get(self.base)
        if amount is None:
            return None
        factor = Decimal(100) if self.base == INCOME else Decimal(1)
        return (amount * self.low / factor,
                None if self.high is None else amount * self.high / factor)


@dataclass(frozen=True)
class Sanction:
    """One sanction on one party: its kind, the fine range for a 罚款, the text it was read from,
    and whether the article only allows it (可以, 单处或者并处)."""

    party: str
    kind: str
    fine: FineRange | None = None
    text: str = ""
    optional: bool = False
    alternative: bool = False           # 单处或者并处: may be imposed alone or together


@dataclass
class Situation:
    """The sanctions for one statutory situation: the basic case ('') or a condition such as
    逾期未改正, 情节严重, 导致发生生产安全事故, 发生较大事故."""

    condition: str = ""
    accident: str = ""                  # 一般事故 / 较大事故 / 重大事故 / 特别重大事故 when stated
    sanctions: list[Sanction] = field(default_factory=list)

    def fines(self, party: str | None = None) -> list[Sanction]:
        """The fines of this situation (on `party` when given)."""
        return [s for s in self.sanctions if s.kind == FINE and (party is None or s.party == party)]


@dataclass
class Provision:
    """The penalty an article (款, 项) provides, read from its text.

    `state` is READ, UNCERTAIN (see `doubts`), NO_PENALTY or ELSEWHERE (the article punishes
    "依照…的规定"); `criminal` is True when the article refers 构成犯罪 cases to criminal law.
    """

    citation: str
    text: str
    subject: str = ""
    situations: list[Situation] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)
    criminal: bool = False
    elsewhere: str = ""

    @property
    def state(self) -> str:
        """How far the text could be read."""
        if self.doubts:
            return UNCERTAIN
        if self.elsewhere and not self.sanctions():
            return ELSEWHERE
        return READ if self.sanctions() else NO_PENALTY

    @property
    def certain(self) -> bool:
        """True when every sanction of the text was read without doubt."""
        return not self.doubts

    def sanctions(self, condition: str | None = None) -> list[Sanction]:
        """Every sanction, or those of one situation."""
        return [s for sit in self.situations if condition is None or sit.condition == condition
                for s in sit.sanctions]

    def situation(self, condition: str = "") -> Situation | None:
        """The situation with this condition ('' the basic one), or None."""
        return next((s for s in self.situations if s.condition == condition), None)

    @property
    def parties(self) -> list[str]:
        """Everyone the article may punish, in order of mention."""
        return list(dict.fromkeys(s.party for s in self.sanctions()))

    def kinds(self, party: str | None = None) -> list[str]:
        """The kinds of sanction provided (for `party` when given), penalties and orders alike."""
        return list(dict.fromkeys(s.kind for s in self.sanctions() if party is None or s.party == party))

    @property
    def has_fine(self) -> bool:
        """True when some situation provides a fine."""
        return any(s.kind == FINE for s in self.sanctions())
