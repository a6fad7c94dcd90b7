"""一事不再罚 (行政处罚法第二十九条): the same party already fined for the same act, found among the
penalties decided (the decision ledger) or the cases of the knowledge base. Review opinions are not
fines: earlier opinions on the same 案件编号 only mark this review as a re-review."""

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from generator.amounts import format_yuan
from generator.review import findings as fd
from generator.review import decisions, ledger
from generator.review.checks.common import PENALTY_LAW, cn_date, finding
from generator.review.citing import article_key
from kb.cases.store import CaseStore


@dataclass
class EarlierFine:
    """A fine already imposed on the party, from the ledger or the case base."""

    source: str
    reference: str
    decided: date | None
    act_date: date | None
    articles: set[str]
    amount: Decimal

    def same_act(self, articles: set[str], act_date: date | None) -> bool:
        """Same provision breached, and the act is the one fined: the same act date when both are
        known, otherwise an act that began no later than the earlier decision."""
        if not self.articles & articles:
            return False
        if self.act_date and act_date:
            return self.act_date == act_date
        return act_date is None or self.decided is None or act_date <= self.decided

    @property
    def text(self) -> str:
        """One line for the finding."""
        return (f"{self.source}：{self.reference}，{cn_date(self.decided)}，罚款 {format_yuan(self.amount)}，"
                f"违反{'、'.join(sorted(self.articles))}")


def check_double_fine(ctx) -> fd.Finding:
    """No earlier fine of the same party for the same act."""
    case = ctx.case
    citations = [ctx.cite(PENALTY_LAW, 29)]
    if case.decision.fine is None and not case.decision.person_fines:
        return finding(fd.DOUBLE_FINE, fd.PASS, "拟处罚不含罚款，不涉及一事不再罚", citations=citations)
    articles = set(ledger.violated_articles(case))
    earlier = _from_ledger(ctx) + _from_cases(ctx)
    same = [e for e in earlier if e.same_act(articles, case.act_date)]
    others = [e for e in earlier if e not in same]
    details = [e.text for e in same] + [f"（其他违法行为）{e.text}" for e in others]
    details += [f"本案为重新审核：此前已出具审核意见 {e.number}（{cn_date(e.reviewed)}，结论：{e.conclusion or '未写明'}），"
                "审核意见不是处罚决定，不计为已给予的罚款" for e in ledger.earlier_opinions(ctx.store, case)]
    if same:
        return finding(fd.DOUBLE_FINE, fd.PROBLEM,
                       f"当事人的同一违法行为已被罚款（{len(same)} 条记录），不得再次给予罚款",
                       details=details, citations=citations, implies=fd.DISAGREE,
                       remedy="核实是否为同一违法行为；是的，不得再次罚款")
    decided = decisions.of_case(ctx.store, case)
    if decided:
        first = decided[0]
        return finding(fd.DOUBLE_FINE, fd.NOTE,
                       f"本案（{case.case_number}）已于{cn_date(first.decided)}作出处罚决定（{first.number}，"
                       f"罚款 {format_yuan(first.amount)}），请核实本次送审是否为依法重新作出决定；"
                       "对同一违法行为不得再次罚款", details=details, citations=citations)
    message = "决定台账和案例库中没有当事人因同一违法行为被罚款的记录"
    if others:
        message += f"；另有 {len(others)} 条其他违法行为的处罚记录，可作为裁量参考"
    return finding(fd.DOUBLE_FINE, fd.PASS, message, details=details, citations=citations)


def _from_ledger(ctx) -> list[EarlierFine]:
    return [EarlierFine("决定台账", f"{d.number}（{d.cause}）", d.decided, d.act_date, set(d.articles), d.amount)
            for d in decisions.earlier_fines(ctx.store, ctx.case)]


def _from_cases(ctx) -> list[EarlierFine]:
    case = ctx.case
    name = _bare(case.party.name)
    found = []
    for known in CaseStore(ctx.store).all():
        total = sum(fine.amount for fine in known.fines)
        if _bare(known.party) != name or not total or (case.case_number and known.number == case.case_number):
            continue
        articles = {article_key(r) for r in known.violated}
        found.append(EarlierFine("案例库", f"{known.number or known.code}（{known.title}）", known.decided, None,
                                 articles, Decimal(total)))
    return found


def _bare(name: str) -> str:
    """A party name without a trailing parenthetical (张某（某厂主要负责人） -> 张某)."""
    return re.sub(r"[（(][^（）()]*[）)]$", "", name.strip()).strip()
