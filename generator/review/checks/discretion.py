"""处罚裁量: each proposed fine against the discretion standard's tier (within / above / below, by how
much) and against the statutory range, with the calculator of kb.standards."""

from decimal import Decimal

from generator.amounts import format_yuan
from generator.review import findings as fd
from generator.review.checks.common import PENALTY_LAW, finding, worst
from generator.review.citing import article_key
from kb.errors import KnowledgeError
from kb.refs import parse_ref
from kb.standards import calculator as calc
from kb.standards.models import INDIVIDUAL, UNIT

HEARING_ARTICLE = (PENALTY_LAW, 63)      # cited by the hearing check, not here


def check_discretion(ctx) -> fd.Finding:
    """Compare the proposed fines with the standard item and tier the office applied."""
    case, given = ctx.case, ctx.case.discretion
    if given is None:
        return finding(fd.DISCRETION, fd.NOTE, "送审材料未写明适用的裁量基准事项和阶次，无法按裁量基准核对罚款",
                       remedy="写明裁量基准事项编号和裁量阶次")
    found = ctx.standard_item()
    if found is None:
        where = f"“{given.standard}”" if given.standard else "现行裁量基准"
        return finding(fd.DISCRETION, fd.NOTE, f"{where}中没有编号为“{given.code}”的事项，无法核对裁量",
                       remedy="核对裁量基准事项编号")
    standard, item = found
    fines = _fines(case)
    try:
        assessments = [calc.assess(standard, item, given.tier, party=party, factors=given.factors,
                                   income=income, gains=given.gains, proposed=amount)
                       for party, amount, income in fines]
    except KnowledgeError as error:
        return finding(fd.DISCRETION, fd.NOTE, f"无法按裁量基准计算：{error}", remedy="补齐裁量所需的事项、阶次或金额")
    judged = [_judge(a, party, amount, given.deviation) for a, (party, amount, _) in zip(assessments, fines)]
    mismatch = _basis_mismatch(case, item)
    outcome = worst([o for o, _, _ in judged] + ([fd.NOTE] if mismatch else []))
    implies = max((w for _, _, w in judged if w), key=fd.OPINION_CONCLUSIONS.index, default=None)
    details = assessments[0].reasons + [line for _, line, _ in judged] + mismatch
    refs = dict.fromkeys(parse_ref(text) for a in assessments for text in a.citations)
    citations = [ctx.cite_ref(ref) for ref in refs if (ref.law, ref.number) != HEARING_ARTICLE]
    flagged = [line.rstrip("。") for o, line, _ in judged if o == outcome] + (mismatch if outcome == fd.NOTE else [])
    message = (f"拟处罚符合{standard.display_title}事项 {item.code}“{given.tier}”阶次" if outcome == fd.PASS
               else "；".join(flagged))
    return finding(fd.DISCRETION, outcome, message, details=details, citations=citations,
                   implies=implies, remedy="按裁量基准和法定幅度调整罚款，或写明偏离基准的理由" if implies else "")


def _fines(case) -> list[tuple[str, Decimal, Decimal | None]]:
    """(party role, proposed amount, income) for the party's fine and each person's fine."""
    party = UNIT if case.party.kind == UNIT else INDIVIDUAL
    fines = [(party, case.decision.fine, case.discretion.income)] if case.decision.fine is not None else []
    fines += [(p.role, p.amount, p.income) for p in case.decision.person_fines]
    return fines or [(party, Decimal(0), case.discretion.income)]


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


def _basis_mismatch(case, item) -> list[str]:
    """A note when the item's 处罚依据 is not among the case's."""
    cited = {article_key(c.ref) for c in case.basis}
    wanted = [r for r in item.basis if article_key(r) not in cited]
    if not wanted:
        return []
    return [f"注意：事项 {item.code} 的处罚依据为{'、'.join(r.text for r in wanted)}，送审的处罚依据中没有"]
