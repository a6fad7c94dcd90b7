"""What every check shares: the case under review, article citations resolved from the store, and
building a Finding from the check's id."""

from dataclasses import dataclass, field
from datetime import date

from generator.review import findings as fd
from generator.review.casefile import LegalityCase, OpinionCase
from generator.review.thresholds import Thresholds
from kb.refs import Ref, resolve_ref
from kb.standards.models import Standard, StandardItem
from kb.standards.store import StandardStore
from kb.store import Store

PENALTY_LAW = "中华人民共和国行政处罚法"
DECISION_RULES = "重大行政决策程序暂行条例"

# check id -> (title, review aspect)
CHECKS = {
    fd.LEGAL_BASIS: ("法律依据", "法律适用"),
    fd.DISCRETION: ("处罚裁量", "裁量"),
    fd.HEARING: ("听证权利告知", "程序"),
    fd.REVIEW_SCOPE: ("法制审核范围", "程序"),
    fd.COLLECTIVE: ("负责人集体讨论", "程序"),
    fd.TIME_LIMIT: ("办案期限", "程序"),
    fd.LIMITATION: ("追责时效", "事实与证据"),
    fd.DOUBLE_FINE: ("一事不再罚", "法律适用"),
    fd.AUTHORITY: ("法定权限", "法定权限"),
    fd.PROCEDURE: ("法定程序", "法定程序"),
}


@dataclass
class Context:
    """One review: the store, the case and the 较大数额 thresholds in use; resolved articles and the
    discretion-standard item are looked up once."""

    store: Store
    case: OpinionCase | LegalityCase
    thresholds: Thresholds | None = None
    _cited: dict[Ref, fd.Authority] = field(default_factory=dict)
    _item: tuple | None = None

    def cite(self, law: str, number: int, paragraph: int | None = None, item: int | None = None) -> fd.Authority:
        """An article a finding relies on, resolved from the store when it is there."""
        return self.cite_ref(Ref(law, number, paragraph=paragraph, item=item))

    def cite_ref(self, ref: Ref) -> fd.Authority:
        """An authority for a parsed reference: resolved in the current version, or unresolved when
        the store lacks it."""
        if ref not in self._cited:
            try:
                self._cited[ref] = fd.Authority(ref, resolve_ref(self.store, ref))
            except ValueError:
                self._cited[ref] = fd.Authority(ref)
        return self._cited[ref]

    def standard_item(self) -> tuple[Standard, StandardItem] | None:
        """The discretion-standard item the case names (裁量.事项编号), in force on the decision date."""
        given = getattr(self.case, "discretion", None)
        if given is None:
            return None
        if self._item is None:
            self._item = (StandardStore(self.store).find_item(given.code, given.standard or None,
                                                              self.case.decision_date),)
        return self._item[0]


def finding(check_id: str, outcome: str, message: str, **extra) -> fd.Finding:
    """A Finding of check `check_id` with its title and review aspect filled in."""
    title, aspect = CHECKS[check_id]
    return fd.Finding(check_id=check_id, title=title, aspect=aspect, outcome=outcome, message=message, **extra)


def worst(outcomes) -> str:
    """The most serious of some outcomes (通过 when there are none)."""
    return max(outcomes, key=fd.OUTCOMES.index, default=fd.PASS)


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later (28 February for 29 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def cn_date(day: date | None) -> str:
    """A date as YYYY年M月D日 for messages."""
    return f"{day.year}年{day.month}月{day.day}日" if day else "（未写明）"
