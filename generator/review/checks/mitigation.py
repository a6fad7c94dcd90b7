"""法定从轻、减轻和不予处罚情节 (行政处罚法第三十条至第三十三条): the circumstances of the case, as
facts, with the effect the article gives them in its own words (应当 / 可以 / 不予).

The article's words are quoted only from the statute store; when the store lacks the article the
finding says so and is 需核实. Without a discretion standard, 应当从轻 is checked against the
statutory range: the fine must stay in its lower half.
"""

from decimal import Decimal

from generator.amounts import format_yuan
from generator.review import findings as fd
from generator.review.checks.common import combine, detail_lines, distinct, finding
from generator.review.checks.statutory import choose_situations, proposed_fines, read_basis
from generator.review.citing import ref_label
from generator.review.circumstances import (
    MAY_MITIGATE,
    MAY_NOT_PUNISH,
    MITIGATE,
    NOT_PUNISHED,
    PENALTY_LAW,
    Rule,
    applicable,
)
from generator.review.violations import Violation, circumstances
from kb import penalties as pen
from kb.penalties.parties import kind_of

HALF = Decimal(2)


def check_mitigation(ctx) -> fd.Finding:
    """Apply 第三十条至第三十三条 to each violation's circumstances."""
    case = ctx.case
    lines: list[tuple[str, str, bool]] = []
    citations, implies = [], None
    for number, violation in enumerate(case.violations, 1):
        label = f"{violation.label(number)}：" if case.several else ""
        for rule in applicable(circumstances(case, violation)):
            authority = ctx.cite(PENALTY_LAW, rule.number, rule.paragraph, rule.item)
            citations.append(authority)
            if authority.resolved is None or rule.words not in authority.resolved.article.text:
                lines.append((fd.NOTE, f"{label}本案有“{'、'.join(rule.needs)}”情节，法规库未收录{authority.ref.text}"
                                       "原文，无法核对其效力，需人工核实", True))
                continue
            cited = f"{authority.resolved.law.display_title}{ref_label(authority.ref)}"
            outcome, line, wanted = _judge(ctx, violation, rule, cited)
            lines.append((outcome, label + line, False))
            if wanted and (implies is None or fd.OPINION_CONCLUSIONS.index(wanted) > fd.OPINION_CONCLUSIONS.index(implies)):
                implies = wanted
    aggravating = [f"送审材料写明的从重情节：{'、'.join(case.aggravating)}"] * bool(case.aggravating)
    if not lines:
        return finding(fd.CIRCUMSTANCE, fd.PASS, "送审材料未写明法定从轻、减轻或者不予处罚的情节", details=aggravating,
                       citations=[ctx.cite(PENALTY_LAW, 32), ctx.cite(PENALTY_LAW, 33)])
    outcome, unverified = combine(lines)
    message = "；".join(line.rstrip("。") for o, line, _ in lines if o == outcome or outcome == fd.PASS)
    details = detail_lines(message, lines) + aggravating
    return finding(fd.CIRCUMSTANCE, outcome, message, details=details, citations=distinct(citations),
                   implies=implies if outcome == fd.PROBLEM else None, unverified=unverified,
                   remedy=("依法不予行政处罚" if implies == fd.DISAGREE else
                           "依法从轻或者减轻处罚，或者说明理由" if outcome == fd.PROBLEM else ""))


def _judge(ctx, violation: Violation, rule: Rule, cited: str) -> tuple[str, str, str | None]:
    """(outcome, line, conclusion called for) of one applicable rule."""
    facts = f"本案有“{'、'.join(rule.needs)}”情节，依照{cited}“{rule.words}”"
    penalties = _penalties(violation)
    if rule.effect == NOT_PUNISHED:
        if penalties:
            return fd.PROBLEM, f"{facts}，但拟{penalties}", fd.DISAGREE
        return fd.PASS, f"{facts}，拟不予行政处罚", None
    if rule.effect == MAY_NOT_PUNISH:
        if penalties:
            return fd.NOTE, f"{facts}；拟{penalties}的，应当在审批材料中说明不适用不予处罚的理由", None
        return fd.PASS, f"{facts}，拟不予行政处罚", None
    if rule.effect == MITIGATE and violation.discretion is None:
        high = _upper_half(ctx, violation)
        if high:
            return fd.PROBLEM, f"{facts}，但{high}", fd.AGREE_IF_AMENDED
    if rule.effect in (MITIGATE, MAY_MITIGATE):
        how = "已按裁量基准核对从轻、减轻后的幅度" if violation.discretion else "拟罚款未超过法定幅度的中间值"
        return fd.PASS, f"{facts}，{how}", None
    return fd.PASS, facts, None


def _penalties(violation: Violation) -> str:
    """The penalties proposed (orders to correct left out), as one phrase; '' when none."""
    decision = violation.decision
    parts = [f"罚款 {format_yuan(decision.fine)}"] if decision.fine else []
    parts += [f"对{p.role}{p.name}罚款 {format_yuan(p.amount)}" for p in decision.person_fines if p.amount]
    parts += [m.kind for m in decision.measures if kind_of(m.kind) not in pen.NOT_PENALTIES]
    return "、".join(parts)


def _upper_half(ctx, violation: Violation) -> str:
    """Where 应当从轻 applies without a standard: the fines above the middle of the statutory range."""
    basis = read_basis(ctx, violation)
    situations, note = choose_situations(basis.provisions, violation) if basis.provisions else ([], "none")
    if note:
        return ""
    found = []
    for fine in proposed_fines(ctx.case, violation):
        ranges = [s.fine for sit in situations for s in sit.fines()
                  if s.fine and s.party in (fine.role, pen.OFFENDER) and s.fine.base == pen.YUAN and s.fine.high]
        if len(ranges) == 1 and fine.amount > (ranges[0].low + ranges[0].high) / HALF:
            middle = (ranges[0].low + ranges[0].high) / HALF
            found.append(f"拟对{fine.who}罚款 {format_yuan(fine.amount)}，高于法定幅度（{pen.describe(ranges[0])}）的中间值"
                         f" {format_yuan(middle)}，未体现从轻")
    return "；".join(found)


