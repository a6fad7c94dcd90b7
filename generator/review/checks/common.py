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
    fd.STATUTORY: ("法定处罚种类和幅度", "裁量"),
    fd.CIRCUMSTANCE: ("法定从轻、减轻和不予处罚情节", "裁量"),
    fd.ACT_FIT: ("违法行为与所引条款", "法律适用"),
    fd.VERSION: ("适用的法律版本", "法律适用"),
    fd.STATEMENT: ("事先告知与陈述申辩", "程序"),
    fd.REFERRAL: ("涉嫌犯罪案件移送", "程序"),
    fd.REVIEW_LIMIT: ("法制审核期限", "程序"),
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
    _items: dict[tuple, tuple] = field(default_factory=dict)

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

    def standard_item(self, given=None) -> tuple[Standard, StandardItem] | None:
        """The discretion-standard item named by `given` (a 裁量; default the case's first), in force
        on the decision date."""
        given = given or getattr(self.case, "discretion", None)
        if given is None:
            return None
        key = (given.code, given.standard)
        if key not in self._items:
            self._items[key] = (StandardStore(self.store).find_item(given.code, given.standard or None,
                                                                    self.case.decision_date),)
        return self._items[key][0]


def finding(check_id: str, outcome: str, message: str, **extra) -> fd.Finding:
    """A Finding of check `check_id` with its title and review aspect filled in; an unverified one
    calls for 补充调查 unless it calls for something more severe."""
    title, aspect = CHECKS[check_id]
    if extra.get("unverified") and not extra.get("implies"):
        extra["implies"] = fd.INVESTIGATE          # never 同意 on what could not be checked
    return fd.Finding(check_id=check_id, title=title, aspect=aspect, outcome=outcome, message=message, **extra)


def combine(lines: list[tuple[str, str, bool]]) -> tuple[str, bool]:
    """The outcome and unverified flag of several (outcome, line, unverified) results: the worst
    outcome; unverified when any line could not be checked and none is a problem."""
    outcome = worst(o for o, _, _ in lines)
    unverified = outcome != fd.PROBLEM and any(u for _, _, u in lines)
    return (fd.NOTE if unverified and outcome == fd.PASS else outcome), unverified


def detail_lines(message: str, lines: list[tuple[str, str, bool]]) -> list[str]:
    """The detail lines of a finding: every line, unless the message already is the only one."""
    texts = [line for _, line, _ in lines]
    return [] if len(texts) == 1 and texts[0].rstrip("。") == message.rstrip("。") else texts


def distinct(authorities: list[fd.Authority]) -> list[fd.Authority]:
    """Authorities without repeats (the same reference once), in order."""
    seen, kept = set(), []
    for authority in authorities:
        if authority.ref not in seen:
            seen.add(authority.ref)
            kept.append(authority)
    return kept


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
