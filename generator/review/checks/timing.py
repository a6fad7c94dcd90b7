"""办案期限 (行政处罚法第六十条: decision within 90 days of 立案 unless extended) and 追责时效
(第三十六条: 2 years from the act, or its end, to discovery; 5 years where 公民生命健康安全 or
金融安全 is concerned and there were harmful consequences)."""

from datetime import timedelta

from generator.review import bureau_config
from generator.review import casefile as cf
from generator.review import findings as fd
from generator.review.calendar import CalendarError
from generator.review.checks.common import PENALTY_LAW, add_years, cn_date, finding

DECISION_DAYS = 90
WARN_DAYS = 7
YEARS, LONG_YEARS = 2, 5
YEAR_WORDS = {YEARS: "二年", LONG_YEARS: "五年"}


def check_time_limit(ctx) -> fd.Finding:
    """The decision date (拟决定日期, else the review date) is within 90 days of 立案, or within an
    approved extension."""
    case = ctx.case
    citations = [ctx.cite(PENALTY_LAW, 60)]
    deadline = case.filed + timedelta(days=DECISION_DAYS)
    details = [f"立案日期 {cn_date(case.filed)}，九十日期限届满日 {cn_date(deadline)}"]
    if case.extension:
        original, deadline = deadline, case.extension.deadline(deadline)
        details.append(f"经批准延期（{cn_date(case.extension.approved)}，理由：{case.extension.reason}）至 {cn_date(deadline)}")
        if case.extension.approved > original:
            return finding(fd.TIME_LIMIT, fd.PROBLEM,
                           f"延期于{cn_date(case.extension.approved)}批准，晚于九十日期限届满日（{cn_date(original)}）；"
                           "办案期限届满后的批准不能延长已经届满的期限",
                           details=details, citations=citations, implies=fd.AGREE_IF_AMENDED,
                           remedy="说明超期原因，报负责人决定；今后应当在期限届满前报请延期")
    decided = case.decision_date
    what = "拟决定日期" if case.decision.planned else "审核日期（未写明拟决定日期）"
    details.append(f"{what} {cn_date(decided)}，为立案后第 {(decided - case.filed).days} 日")
    left = (deadline - decided).days
    if left < 0:
        return finding(fd.TIME_LIMIT, fd.PROBLEM,
                       f"超过办案期限 {-left} 日" + ("" if case.extension else "，且没有延期批准记录"),
                       details=details, citations=citations, implies=fd.AGREE_IF_AMENDED,
                       remedy="核实是否有经批准的延期并补入案卷；没有的，说明超期原因，报负责人决定")
    if left <= WARN_DAYS:
        return finding(fd.TIME_LIMIT, fd.NOTE, f"距办案期限届满仅剩 {left} 日，请及时作出决定",
                       details=details, citations=citations)
    return finding(fd.TIME_LIMIT, fd.PASS, f"在办案期限内（届满日 {cn_date(deadline)}）",
                   details=details, citations=citations)


def check_limitation(ctx) -> fd.Finding:
    """The act was discovered within the limitation period of 第三十六条."""
    case = ctx.case
    citations = [ctx.cite(PENALTY_LAW, 36, 1), ctx.cite(PENALTY_LAW, 36, 2)]
    if case.continuing and not case.act_end:
        return finding(fd.LIMITATION, fd.PASS, "违法行为仍处于连续或者继续状态，追责时效尚未起算",
                       citations=citations)
    start = case.act_end if case.act_end else case.act_date
    if start is None:
        return finding(fd.LIMITATION, fd.NOTE, "送审材料未写明违法行为发生日期，无法核对追责时效",
                       citations=citations, implies=fd.INVESTIGATE, remedy="查明违法行为发生（或者终了）日期")
    discovered = case.discovered or case.filed
    long = {cf.LIFE_SAFETY, cf.FINANCIAL} & set(case.circumstances)
    years = LONG_YEARS if long and cf.HARM in case.circumstances else YEARS
    limit = add_years(start, years)
    which = "终了" if case.act_end else "发生"
    details = [f"违法行为{which}日期 {cn_date(start)}，"
               f"{'发现日期' if case.discovered else '立案日期（未写明发现日期）'} {cn_date(discovered)}，"
               f"时效{YEAR_WORDS[years]}，届满日 {cn_date(limit)}"]
    if long and years == YEARS:
        details.append(f"案件情形写明“{'、'.join(sorted(long))}”，但未写明“{cf.HARM}”，不适用五年期限")
    if discovered > limit:
        return finding(fd.LIMITATION, fd.PROBLEM,
                       f"违法行为在{YEAR_WORDS[years]}内未被发现，依照第三十六条不再给予行政处罚",
                       details=details, citations=citations, implies=fd.DISAGREE,
                       remedy="不予行政处罚；法律另有规定的，写明该规定")
    return finding(fd.LIMITATION, fd.PASS, f"违法行为在{YEAR_WORDS[years]}内被发现，未超过追责时效",
                   details=details, citations=citations)


def check_review_limit(ctx) -> fd.Finding:
    """The review was completed within the configured number of working days of the submission
    (holiday calendar and time limit are configuration); a year the calendar lacks is 需核实."""
    case = ctx.case
    citations = [ctx.cite(PENALTY_LAW, 58, 1)]
    try:
        calendar = bureau_config.read(ctx.store, bureau_config.HOLIDAY_CALENDAR)
        limit = bureau_config.read(ctx.store, bureau_config.REVIEW_TIME_LIMIT)
    except CalendarError as error:
        return finding(fd.REVIEW_LIMIT, fd.NOTE, f"无法读取审核期限配置：{error}", unverified=True, citations=citations)
    days = limit.days + (limit.extra if case.procedure.review_extended else 0)
    deadline = calendar.add_working_days(case.submitted, days)
    source = f"审核期限为{days}个工作日（{limit.source}）"
    if deadline is None:
        return finding(fd.REVIEW_LIMIT, fd.NOTE,
                       f"节假日安排中没有{case.submitted.year}年或者其后一年的记录，无法计算工作日，需人工核实审核期限",
                       details=[source], unverified=True, citations=citations)
    details = [source, f"送审日期 {cn_date(case.submitted)}，审核期限届满日 {cn_date(deadline)}，"
                       f"审核日期 {cn_date(case.reviewed)}"]
    if case.reviewed > deadline:
        return finding(fd.REVIEW_LIMIT, fd.PROBLEM, f"审核日期晚于审核期限届满日（{cn_date(deadline)}）",
                       details=details, citations=citations, remedy="说明超过审核期限的原因" + (
                           "" if case.procedure.review_extended else "；情况复杂的，应当在期限内报请延长"))
    return finding(fd.REVIEW_LIMIT, fd.PASS, f"在审核期限内完成审核（届满日 {cn_date(deadline)}）", details=details,
                   citations=citations)
