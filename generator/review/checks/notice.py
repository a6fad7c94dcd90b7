"""事先告知与陈述申辩 (行政处罚法第四十四条、第四十五条、第六十二条) and 涉嫌犯罪案件移送 (第二十七条)."""

from decimal import Decimal

from generator.amounts import format_yuan
from generator.review import casefile as cf
from generator.review import findings as fd
from generator.review.checks.common import PENALTY_LAW, cn_date, finding


def check_statement(ctx) -> fd.Finding:
    """The party was told of the proposed penalty and its rights before the decision, what the party
    said was reviewed and adopted or answered with reasons, and the statement did not make the
    penalty heavier."""
    case = ctx.case
    procedure = case.procedure
    citations = [ctx.cite(PENALTY_LAW, 44), ctx.cite(PENALTY_LAW, 45, 1), ctx.cite(PENALTY_LAW, 62)]
    if procedure.notice_date is None:
        return finding(fd.STATEMENT, fd.PROBLEM,
                       "送审材料未写明已告知当事人拟作出的行政处罚内容及事实、理由、依据和陈述、申辩等权利；"
                       "未依法告知的，不得作出行政处罚决定",
                       citations=citations, implies=fd.DISAGREE, remedy="依法履行事先告知程序后重新送审")
    if case.decision_date and procedure.notice_date > case.decision_date:
        return finding(fd.STATEMENT, fd.PROBLEM,
                       f"告知日期（{cn_date(procedure.notice_date)}）晚于拟决定日期（{cn_date(case.decision_date)}），"
                       "应当在作出行政处罚决定之前告知", citations=citations, implies=fd.DISAGREE,
                       remedy="在作出决定前依法告知并听取陈述、申辩")
    details = [f"{cn_date(procedure.notice_date)}告知当事人拟作出的行政处罚及其权利"]
    heavier = _heavier(case)
    if heavier:
        citations.append(ctx.cite(PENALTY_LAW, 45, 2))
        why = "当事人提出陈述、申辩后" if procedure.statement_made else ""
        return finding(fd.STATEMENT, fd.PROBLEM,
                       f"{why}拟罚款合计 {format_yuan(heavier[1])}，重于告知的 {format_yuan(heavier[0])}；"
                       "行政机关不得因当事人陈述、申辩而给予更重的处罚，拟加重处罚的应当重新告知",
                       details=details, citations=citations, implies=fd.AGREE_IF_AMENDED,
                       remedy="按告知的处罚内容作出决定，或者重新履行告知程序")
    if not procedure.statement_made:
        said = "明确放弃陈述、申辩权利" if procedure.waived else "未提出陈述、申辩"
        return finding(fd.STATEMENT, fd.PASS, f"已于{cn_date(procedure.notice_date)}依法告知，当事人{said}",
                       details=details, citations=citations)
    details.append(f"当事人陈述、申辩：{procedure.statement}")
    if not procedure.handling:
        return finding(fd.STATEMENT, fd.PROBLEM,
                       "当事人提出了陈述、申辩，送审材料未写明复核情况及是否采纳", details=details,
                       citations=citations, implies=fd.AGREE_IF_AMENDED,
                       remedy="对当事人提出的事实、理由和证据进行复核，写明采纳与否及理由")
    if procedure.handling != cf.ADOPTED and not procedure.handling_reason:
        return finding(fd.STATEMENT, fd.PROBLEM,
                       f"对当事人的陈述、申辩{procedure.handling}，但未说明理由", details=details,
                       citations=citations, implies=fd.AGREE_IF_AMENDED,
                       remedy="写明不予采纳（或者部分采纳）的事实和法律理由")
    reason = f"，理由：{procedure.handling_reason}" if procedure.handling_reason else ""
    details.append(f"复核意见：{procedure.handling}{reason}")
    return finding(fd.STATEMENT, fd.PASS,
                   f"已于{cn_date(procedure.notice_date)}依法告知；当事人提出的陈述、申辩经复核{procedure.handling}，并说明了理由"
                   if procedure.handling_reason else f"已于{cn_date(procedure.notice_date)}依法告知；当事人的陈述、申辩经复核予以采纳",
                   details=details, citations=citations)


def check_referral(ctx) -> fd.Finding:
    """第二十七条: a case suspected of a crime is transferred to the judicial authorities."""
    case, procedure = ctx.case, ctx.case.procedure
    citations = [ctx.cite(PENALTY_LAW, 27, 1)]
    if cf.CRIME not in case.circumstances:
        return finding(fd.REFERRAL, fd.PASS, "送审材料未反映违法行为涉嫌犯罪", citations=citations)
    if not procedure.referred:
        return finding(fd.REFERRAL, fd.PROBLEM, "违法行为涉嫌犯罪，应当及时将案件移送司法机关，送审材料中没有移送记录",
                       citations=citations, implies=fd.DISAGREE,
                       remedy="依法将案件移送司法机关；司法机关决定不追究刑事责任但应当给予行政处罚的，再依法处理")
    when = f"（{cn_date(procedure.referral_date)}）" if procedure.referral_date else ""
    return finding(fd.REFERRAL, fd.PASS, f"违法行为涉嫌犯罪，已移送司法机关{when}", citations=citations)


def _heavier(case) -> tuple[Decimal, Decimal] | None:
    """(notified, proposed) total fines when the proposal is heavier than what was notified."""
    notified = case.procedure.notice_fine
    if notified is None:
        return None
    proposed = (case.decision.fine or Decimal(0)) + sum((p.amount or Decimal(0) for p in case.decision.person_fines),
                                                         Decimal(0))
    return (notified, proposed) if proposed > notified else None
