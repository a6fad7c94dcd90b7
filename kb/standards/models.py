"""Dataclasses of a discretion standard (行政处罚裁量基准).

The structure follows what 《应急管理行政裁量权基准暂行规定》 asks for: per violation (事项)
违法行为 | 法律规定 | 处罚依据 | 裁量阶次 | 适用条件 | 具体标准. Each item also records the
statutory ranges (法定幅度) its tiers must stay inside, one per statutory situation (法定情形,
e.g. 责令限期改正 / 逾期未改正).
"""

from dataclasses import dataclass, field
from datetime import date

from kb.dates import date_text
from kb.refs import Ref

UNIT = "单位"
INDIVIDUAL = "个人"
# Who a fine is imposed on: role -> (party kind, how the statute names the role after 对).
PARTIES = {
    "单位": (UNIT, "单位"),
    "主要负责人": (INDIVIDUAL, "主要负责人"),
    "直接责任人员": (INDIVIDUAL, "其直接负责的主管人员和其他直接责任人员"),
    "个人": (INDIVIDUAL, "个人"),
}
INCOME = "上一年年收入"
GAINS = "违法所得"
LEVELS = ("国家", "省级", "市级", "县级")


@dataclass(frozen=True)
class FineRule:
    """One fine of a tier or statutory range, on one party.

    Exactly one way of stating the amount: a fixed range in 元 (`high` set; `low` 0 for
    "X元以下"), a percentage range of the last year's income, or a multiple range of the illegal
    gains. `gains_at_least` / `gains_below` restrict a rule to illegal gains of at least / below an
    amount (违法所得十万元以上的 … ；没有违法所得或者违法所得不足十万元的 …).
    """

    party: str = UNIT
    low: int = 0
    high: int | None = None
    income_percent: tuple[int, int] | None = None
    gains_times: tuple[int, int] | None = None
    gains_at_least: int | None = None
    gains_below: int | None = None

    @property
    def kind(self) -> str:
        """'fixed', INCOME or GAINS: what the amounts are measured against."""
        if self.income_percent:
            return INCOME
        return GAINS if self.gains_times else "fixed"

    @property
    def party_kind(self) -> str:
        """单位 or 个人."""
        return PARTIES[self.party][0]

    @property
    def bounds(self) -> tuple[int, int]:
        """The (low, high) pair in the rule's own unit: 元, percent or times."""
        return self.income_percent or self.gains_times or (self.low, self.high)

    def same_slot(self, other: "FineRule") -> bool:
        """True when both rules fine the same party in the same way under the same condition."""
        return (self.party, self.kind, self.gains_at_least, self.gains_below) == \
            (other.party, other.kind, other.gains_at_least, other.gains_below)


@dataclass
class Band:
    """A statutory range (法定幅度) for one statutory situation (法定情形) of an item."""

    name: str                                   # 责令限期改正, 逾期未改正, 拒不改正 …
    fines: list[FineRule] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)


@dataclass
class Tier:
    """One 裁量阶次: when it applies and what it imposes."""

    name: str                                   # 轻微 / 一般 / 较重 / 严重 …
    band: str                                   # the 法定情形 whose range it must stay inside
    conditions: list[str] = field(default_factory=list)    # 适用条件
    fines: list[FineRule] = field(default_factory=list)    # 具体标准: fines
    measures: list[str] = field(default_factory=list)      # 具体标准: other measures
    note: str = ""


@dataclass
class StandardItem:
    """One violation (事项) of a standard with its ordered tiers."""

    code: str
    title: str                                  # 违法行为
    provisions: list[Ref] = field(default_factory=list)    # 法律规定: the duty breached
    basis: list[Ref] = field(default_factory=list)         # 处罚依据: the penalty article
    bands: list[Band] = field(default_factory=list)        # 法定幅度
    tiers: list[Tier] = field(default_factory=list)        # 裁量阶次, lightest first
    note: str = ""

    def tier(self, name: str) -> Tier | None:
        """Return the tier called `name`, or None."""
        return next((t for t in self.tiers if t.name == name), None)

    def band(self, name: str) -> Band | None:
        """Return the statutory range called `name`, or None."""
        return next((b for b in self.bands if b.name == name), None)

    @property
    def citations(self) -> list[tuple[str, Ref]]:
        """(role, ref) for every cited article: 法律规定 then 处罚依据."""
        return [("法律规定", r) for r in self.provisions] + [("处罚依据", r) for r in self.basis]

    @property
    def full_text(self) -> str:
        """The text to search in: code, violation, notes, tier names and conditions."""
        return "\n".join([self.code, self.title, self.note,
                          *(f"{t.name} {' '.join(t.conditions)} {t.note}" for t in self.tiers)])


@dataclass
class Standard:
    """One version of a discretion standard, identified by `key` and its issue date."""

    key: str                                    # 标识: what all versions share
    title: str                                  # 名称
    issued: date                                # 发布日期: the version
    issuer: str = ""                            # 发布机关
    level: str = "省级"                         # 层级: 国家 / 省级 / 市级 / 县级
    base: str = ""                              # 基础基准: key of the standard it supplements
    effective: date | None = None               # 施行日期
    sample: bool = False                        # 示例: written by us, not an official standard
    note: str = ""
    hearing_amounts: dict[str, int] = field(default_factory=dict)   # 较大数额罚款 per party kind
    items: list[StandardItem] = field(default_factory=list)
    inherited: set[str] = field(default_factory=set)   # item codes taken unchanged from the base
    id: int | None = None
    file: str = ""

    def item(self, code: str) -> StandardItem | None:
        """Return the item with `code`, or None."""
        return next((i for i in self.items if i.code == code), None)

    @property
    def display_title(self) -> str:
        """《title》 with the version date."""
        return f"《{self.title.strip('《》')}》（{date_text(self.issued)}）"
