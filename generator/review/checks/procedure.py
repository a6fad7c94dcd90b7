"""法制审核范围 (行政处罚法第五十八条) and 负责人集体讨论 (第五十七条第二款)."""

from generator.review import casefile as cf
from generator.review import findings as fd
from generator.review.checks.common import PENALTY_LAW, cn_date, finding
from generator.review.checks.hearing import hearing_triggers
from kb.numerals import int_to_chinese

# 第五十八条第一款: item -> the circumstance that brings a case under it.
SCOPE_ITEMS = {1: cf.PUBLIC_INTEREST, 3: cf.COMPLEX_CASE, 4: cf.REVIEW_BY_LAW}
HEARING_ITEM = 2


def check_review_scope(ctx) -> fd.Finding:
    """Whether 第五十八条 makes this review mandatory (and the decision conditional on passing it)."""
    case = ctx.case
    reasons = {item: f"案件情形“{name}”" for item, name in SCOPE_ITEMS.items() if name in case.circumstances}
    if case.procedure.hearing_held:
        reasons[HEARING_ITEM] = "本案经过听证程序"
    if not reasons:
        return finding(fd.REVIEW_SCOPE, fd.PASS,
                       "不属于第五十八条第一款规定的应当法制审核的情形，本次审核按本机关规定进行",
                       citations=[ctx.cite(PENALTY_LAW, 58, 1)])
    items = sorted(reasons)
    details = [f"{reasons[i]}：属于第五十八条第一款第（{int_to_chinese(i)}）项" for i in items]
    return finding(fd.REVIEW_SCOPE, fd.NOTE,
                   "依照第五十八条第一款应当进行法制审核；未经法制审核或者审核未通过的，不得作出决定",
                   details=details, citations=[ctx.cite(PENALTY_LAW, 58, 1, i) for i in items])


def check_collective(ctx) -> fd.Finding:
    """第五十七条第二款: 情节复杂 or 重大违法行为 needs the heads' collective discussion."""
    case = ctx.case
    citation = [ctx.cite(PENALTY_LAW, 57, 2)]
    required = [name for name in (cf.COMPLEX_FACTS, cf.SERIOUS) if name in case.circumstances]
    done = case.procedure.collective
    when = f"（{cn_date(case.procedure.collective_date)}）" if case.procedure.collective_date else ""
    if required and not done:
        return finding(fd.COLLECTIVE, fd.PROBLEM,
                       f"本案属于{'、'.join(required)}，应当由行政机关负责人集体讨论决定，送审材料中没有集体讨论记录",
                       citations=citation, implies=fd.AGREE_IF_AMENDED,
                       remedy="作出处罚决定前提请行政机关负责人集体讨论决定")
    if required:
        return finding(fd.COLLECTIVE, fd.PASS, f"本案属于{'、'.join(required)}，已经负责人集体讨论{when}",
                       citations=citation)
    triggers, _ = hearing_triggers(ctx)
    if triggers and not done:
        return finding(fd.COLLECTIVE, fd.NOTE,
                       "拟处罚达到听证告知标准，请确认是否属于重大违法行为；属于的，应当集体讨论决定",
                       details=[t.reason for t in triggers], citations=citation)
    return finding(fd.COLLECTIVE, fd.PASS,
                   f"已经负责人集体讨论{when}" if done else "未写明情节复杂或者重大违法行为，无须集体讨论",
                   citations=citation)
