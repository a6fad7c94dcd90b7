"""听证告知 (行政处罚法第六十三条): a fine or confiscation of 较大数额 (thresholds from configuration)
or a measure such as 责令停产停业 / 吊销许可证件 requires telling the party of the right to a hearing."""

from dataclasses import dataclass

from generator.amounts import format_yuan
from generator.review import findings as fd
from generator.review.checks.common import PENALTY_LAW, cn_date, finding
from kb.numerals import int_to_chinese
from kb.standards.calculator import HEARING_MEASURES
from kb.standards.models import INDIVIDUAL

CONFISCATION = "没收"
REQUEST_DAYS, HEARING_NOTICE_DAYS = 5, 7          # 第六十四条第（一）项、第（二）项


@dataclass
class Trigger:
    """Why a hearing must be offered: the item of 第六十三条第一款 and the penalty concerned."""

    item: int
    reason: str


def hearing_triggers(ctx) -> tuple[list[Trigger], list[str]]:
    """(what requires a hearing, points the machine could not decide) for the proposed decision."""
    case, limits = ctx.case, ctx.thresholds
    triggers, undecided = [], []
    fines = [(case.party.name, case.party.kind, case.decision.fine)] + [
        (p.name, INDIVIDUAL, p.amount) for p in case.decision.person_fines]
    for name, kind, amount in fines:
        threshold = limits.fine_threshold(kind)
        if amount is not None and amount >= threshold:
            triggers.append(Trigger(1, f"对{name}拟罚款 {format_yuan(amount)}，达到{kind}较大数额罚款标准"
                                       f"（{format_yuan(threshold)}以上）"))
    for measure in case.decision.measures:
        item = next((n for word, n in HEARING_MEASURES.items() if word in measure.kind), None)
        if item:
            triggers.append(Trigger(item, f"拟{measure.kind}"))
        elif measure.kind.startswith(CONFISCATION):
            if limits.confiscation is None:
                undecided.append(f"拟{measure.text}：配置中没有没收违法所得、非法财物的较大数额标准，"
                                 "请人工判断是否属于《中华人民共和国行政处罚法》第六十三条第一款第（二）项")
            elif measure.amount is not None and measure.amount >= limits.confiscation:
                triggers.append(Trigger(2, f"拟{measure.text}，达到较大数额标准（{format_yuan(limits.confiscation)}以上）"))
    return triggers, undecided


def check_hearing(ctx) -> fd.Finding:
    """The party was told of the right to a hearing whenever 第六十三条 requires it, and a hearing
    was held when requested."""
    procedure = ctx.case.procedure
    triggers, undecided = hearing_triggers(ctx)
    details = [t.reason + f"（《中华人民共和国行政处罚法》第六十三条第一款第（{int_to_chinese(t.item)}）项）"
               for t in triggers] + undecided
    details.append(ctx.thresholds.caveat)
    items = sorted({t.item for t in triggers})
    citations = [ctx.cite(PENALTY_LAW, 63, 1, item) for item in items] or [ctx.cite(PENALTY_LAW, 63, 1)]
    if not triggers:
        outcome = fd.NOTE if undecided else fd.PASS
        message = ("拟处罚未达到较大数额标准，也不属于责令停产停业、吊销许可证件等应当告知听证的处罚"
                   + ("；没收部分须人工判断" if undecided else ""))
        return finding(fd.HEARING, outcome, message, details=details, citations=citations)
    why = "；".join(t.reason for t in triggers)
    if not procedure.hearing_notified:
        return finding(fd.HEARING, fd.PROBLEM, f"{why}，依法应当告知当事人有要求听证的权利，送审材料显示未告知",
                       details=details, citations=citations, implies=fd.DISAGREE,
                       remedy="告知当事人有要求听证的权利；当事人要求听证的，组织听证后重新送审")
    if procedure.hearing_requested and not procedure.hearing_held:
        return finding(fd.HEARING, fd.PROBLEM, "当事人要求听证，尚未组织听证", details=details,
                       citations=citations, implies=fd.DISAGREE, remedy="依法组织听证后重新送审")
    late = _hearing_timing(ctx, procedure, details, citations)
    if late:
        return late
    when = f"（{cn_date(procedure.notice_date)}）" if procedure.notice_date else ""
    held = "，已举行听证" if procedure.hearing_held else ("，当事人未要求听证" if not procedure.hearing_requested else "")
    return finding(fd.HEARING, fd.PASS, f"{why}，依法应当告知听证权利，已告知{when}{held}",
                   details=details, citations=citations)


def _hearing_timing(ctx, procedure, details: list[str], citations: list) -> fd.Finding | None:
    """第六十四条: a request within 5 days of the notice; the hearing notified 7 days before it."""
    if procedure.hearing_date and procedure.hearing_notice_date:
        notice_days = (procedure.hearing_date - procedure.hearing_notice_date).days
        if notice_days < HEARING_NOTICE_DAYS:
            return finding(fd.HEARING, fd.PROBLEM,
                           f"听证通知于{cn_date(procedure.hearing_notice_date)}送达，距举行听证（{cn_date(procedure.hearing_date)}）"
                           f"仅 {notice_days} 日，应当在举行听证的七日前通知",
                           details=details, citations=citations + [ctx.cite(PENALTY_LAW, 64, item=2)],
                           implies=fd.AGREE_IF_AMENDED, remedy="重新通知并组织听证")
    if procedure.request_date and procedure.notice_date:
        request_days = (procedure.request_date - procedure.notice_date).days
        if request_days > REQUEST_DAYS:
            return finding(fd.HEARING, fd.NOTE,
                           f"当事人于告知后第{request_days}日提出听证要求，超过第六十四条第（一）项规定的五日，"
                           "受理或者不予受理均应当在案卷中说明理由",
                           details=details, citations=citations + [ctx.cite(PENALTY_LAW, 64, item=1)],
                           remedy="在案卷中写明对逾期听证要求的处理及理由")
    return None
