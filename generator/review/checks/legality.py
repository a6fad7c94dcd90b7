"""Checks of a legality review of a major administrative decision (重大行政决策程序暂行条例
第二十五条至第二十七条): the authority's legal basis and the procedure steps."""

from datetime import date, timedelta

from generator.review import findings as fd
from generator.review.casefile import STEPS
from generator.review.checks.basis import CitationGroup, assess_citations, basis_finding
from generator.review.checks.common import DECISION_RULES, cn_date, finding, worst

REVIEW_WORKING_DAYS = 7
OWN_STEP = "合法性审查"
DISCUSSION = "集体讨论"


def check_authority(ctx) -> fd.Finding:
    """The cited basis of the deciding body's authority exists in current law (第二十七条第（一）项)."""
    case = ctx.case
    result = assess_citations(ctx.store, [CitationGroup("法定权限依据", case.basis)],
                              probe=f"{case.matter}\n{case.content}")
    return basis_finding(fd.AUTHORITY, result, fd.LAWFUL_IF_AMENDED,
                         extra_citations=[ctx.cite(DECISION_RULES, 27, item=1)])


def check_procedure(ctx) -> fd.Finding:
    """Every step is described or excused; the review comes before the discussion and had the time
    第二十六条第二款 asks for (第二十五条, 第二十七条第（二）项)."""
    case = ctx.case
    outcomes, details = [], []
    for step in (s for s in STEPS if s != OWN_STEP):
        recorded = case.steps.get(step)
        if recorded is None:
            outcomes.append(fd.NOTE)
            details.append(f"{step}：送审材料未说明是否履行")
        elif recorded.not_applicable:
            details.append(f"{step}：不适用（{recorded.not_applicable}）")
        else:
            details.append(f"{step}：{cn_date(recorded.day) + '，' if recorded.day else ''}{recorded.summary}")
    discussion = case.steps.get(DISCUSSION)
    implies = None
    if discussion and discussion.day:
        if discussion.day < case.reviewed:
            outcomes.append(fd.PROBLEM)
            implies = fd.LAWFUL_IF_AMENDED
            details.append(f"集体讨论日期 {cn_date(discussion.day)} 早于合法性审查日期 {cn_date(case.reviewed)}："
                           "决策草案应当在提交讨论前经合法性审查（第二十五条）")
        days = working_days_between(case.submitted, discussion.day)
        if days < REVIEW_WORKING_DAYS:
            outcomes.append(fd.NOTE)
            details.append(f"自送审（{cn_date(case.submitted)}）至集体讨论约 {days} 个工作日，少于"
                           f"第二十六条第二款一般不少于{REVIEW_WORKING_DAYS}个工作日的审查时间（按周一至周五估算，未扣除法定节假日）")
    outcome = worst(outcomes)
    message = {fd.PASS: "各法定程序环节均已说明", fd.NOTE: "部分程序环节未说明或审查时间不足，见明细",
               fd.PROBLEM: "程序顺序不符合规定，见明细"}[outcome]
    citations = [ctx.cite(DECISION_RULES, 25), ctx.cite(DECISION_RULES, 26, 2), ctx.cite(DECISION_RULES, 27, item=2)]
    return finding(fd.PROCEDURE, outcome, message, details=details, citations=citations, implies=implies,
                   remedy="完成合法性审查后再提交集体讨论" if implies else "")


def working_days_between(start: date, end: date) -> int:
    """Weekdays strictly between two dates (public holidays are not known and not deducted)."""
    days = (start + timedelta(days=n) for n in range(1, (end - start).days))
    return sum(1 for day in days if day.weekday() < 5)
