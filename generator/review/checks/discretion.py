"""处罚裁量: each violation's proposed fines against the discretion standard's tier (within / above /
below, by how much) and the statutory range, with the calculator of kb.standards. Violations with no
standard item are checked against the statute alone (法定处罚种类和幅度)."""

from decimal import Decimal

from generator.amounts import format_yuan
from generator.review import findings as fd
from generator.review.checks.common import PENALTY_LAW, finding, worst
from generator.review.citing import article_key
from generator.review.violations import Violation, circumstances
from kb.errors import KnowledgeError
from kb.refs import parse_ref
from kb.standards import calculator as calc
from kb.standards.factors import find_factors
from kb.standards.models import INDIVIDUAL, UNIT

HEARING_ARTICLE = (PENALTY_LAW, 63)      # cited by the hearing check, not here


def check_discretion(ctx) -> fd.Finding:
    """Compare the proposed fines of every violation with the standard item and tier applied."""
    case = ctx.case
    given = [v for v in case.violations if v.discretion]
    standard_article = ctx.cite(PENALTY_LAW, 34)
    if not given:
        return finding(fd.DISCRETION, fd.NOTE, "送审材料未写明适用的裁量基准事项和阶次，已按处罚依据规定的法定幅度核对",
                       citations=[standard_article], remedy="本机关裁量基准有对应事项的，写明事项编号和裁量阶次")
    results = [_one(ctx, v, f"{v.label(n)}：" if case.several else "") if v.discretion
               else _statute_only(f"{v.label(n)}：") for n, v in enumerate(case.violations, 1)]
    outcome = worst(r[0] for r in results)
    implies = max((r[3] for r in results if r[3]), key=fd.OPINION_CONCLUSIONS.index, default=None)
    details = [line for r in results for line in r[1]]
    citations = [c for r in results for c in r[2]] or [standard_article]
    flagged = [line for r in results for line in r[4]]
    passed = "；".join(r[5] for r in results if r[5])
    message = passed if outcome == fd.PASS else "；".join(flagged)
    unverified = implies == fd.INVESTIGATE and outcome == fd.NOTE
    return finding(fd.DISCRETION, outcome, message, details=details, citations=citations, implies=implies,
                   unverified=unverified, remedy="核对裁量基准事项编号和阶次" if unverified else (
                       "按裁量基准和法定幅度调整罚款，或写明偏离基准的理由" if implies else ""))


def _statute_only(label: str):
    """The result of a violation of a case of several for which the standard has no item: checked
    against the statutory range alone (the statutory check), and said so in the opinion."""
    line = f"{label}裁量基准没有对应事项，已按处罚依据规定的法定幅度核对"
    return fd.PASS, [line], [], None, [], line


def _one(ctx, violation: Violation, label: str):
    """(outcome, details, citations, conclusion called for, flagged lines, pass text) of one violation."""
    given = violation.discretion
    found = ctx.standard_item(given)
    if found is None:
        where = f"“{given.standard}”" if given.standard else "现行裁量基准"
        line = f"{label}{where}中没有编号为“{given.code}”的事项，无法按裁量基准核对，需人工核实"
        return fd.NOTE, [line], [], fd.INVESTIGATE, [line], ""
    standard, item = found
    fines = _fines(ctx.case, violation)
    factors = [f for f in circumstances(ctx.case, violation) if _calculable(f)]
    try:
        assessments = [calc.assess(standard, item, given.tier, party=party, factors=factors,
                                   income=income, gains=violation.gains or given.gains, proposed=amount)
                       for party, amount, income in fines]
    except KnowledgeError as error:
        line = f"{label}无法按裁量基准计算：{error}，需人工核实"
        return fd.NOTE, [line], [], fd.INVESTIGATE, [line], ""
    judged = [_judge(a, party, amount, given.deviation) for a, (party, amount, _) in zip(assessments, fines)]
    mismatch = _basis_mismatch(violation, item)
    outcome = worst([o for o, _, _ in judged] + ([fd.NOTE] if mismatch else []))
    implies = max((w for _, _, w in judged if w), key=fd.OPINION_CONCLUSIONS.index, default=None)
    details = [label + line for line in assessments[0].reasons + [line for _, line, _ in judged] + mismatch]
    refs = dict.fromkeys(parse_ref(text) for a in assessments for text in a.citations)
    citations = [ctx.cite_ref(ref) for ref in refs if (ref.law, ref.number) != HEARING_ARTICLE]
    flagged = [label + line.rstrip("。") for o, line, _ in judged if o == outcome] + (
        [label + m for m in mismatch] if outcome == fd.NOTE else [])
    passed = f"{label}拟处罚符合{standard.display_title}事项 {item.code}“{given.tier}”阶次"
    return outcome, details, citations, implies, flagged, passed


def _calculable(name: str) -> bool:
    try:
        find_factors([name])
    except KnowledgeError:
        return False
    return True


def _fines(case, violation: Violation) -> list[tuple[str, Decimal, Decimal | None]]:
    """(party role, proposed amount, income) for the party's fine and each person's fine."""
    party = UNIT if case.party.kind == UNIT else INDIVIDUAL
    decision, income = violation.decision, violation.income
    fines = [(party, decision.fine, income)] if decision.fine is not None else []
    fines += [(p.role, p.amount, p.income) for p in decision.person_fines]
    return fines or [(party, Decimal(0), income)]


def _judge(assessment: calc.Assessment, party: str, amount: Decimal, reasons: str) -> tuple[str, str, str | None]:
    """(outcome, detail line, conclusion called for) for one proposed fine."""
    if assessment.outcome == calc.NO_PENALTY:
        if amount:
            return fd.PROBLEM, f"{party}：依法应当不予行政处罚，但拟罚款 {format_yuan(amount)}", fd.DISAGREE
        return fd.PASS, f"{party}：依法不予行政处罚", None
    comparison = next((c for c in assessment.comparisons if c.party == party), None) or \
        next(iter(assessment.comparisons), None)
    if comparison is None:
        if amount:
            return fd.PROBLEM, f"{party}：所选阶次对{party}不处罚款，拟罚款 {format_yuan(amount)} 没有依据", fd.AGREE_IF_AMENDED
        return fd.PASS, f"{party}：不处罚款", None
    waiver = "；符合首违不罚条件，可以不予行政处罚" if assessment.outcome == calc.MAY_WAIVE else ""
    text = comparison.text.rstrip("。")
    reducible = any(r.reducible for r in assessment.ranges if r.party == comparison.party)
    if comparison.statutory_position == calc.ABOVE or (
            comparison.statutory_position == calc.BELOW and not reducible):
        return fd.PROBLEM, f"{text}。", fd.AGREE_IF_AMENDED
    if comparison.position != calc.WITHIN:
        if reasons:
            return fd.NOTE, f"{text}；已说明偏离基准的理由：{reasons}{waiver}。", None
        return fd.PROBLEM, f"{text}；未说明偏离裁量基准的理由{waiver}。", fd.AGREE_IF_AMENDED
    return (fd.NOTE if waiver else fd.PASS), f"{text}{waiver}。", None


def _basis_mismatch(violation: Violation, item) -> list[str]:
    """A note when the item's 处罚依据 is not among the violation's."""
    cited = {article_key(c.ref) for c in violation.basis}
    wanted = [r for r in item.basis if article_key(r) not in cited]
    if not wanted:
        return []
    return [f"注意：事项 {item.code} 的处罚依据为{'、'.join(r.text for r in wanted)}，送审的处罚依据中没有"]
