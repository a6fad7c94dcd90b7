"""适用的法律版本 (行政处罚法第三十七条): the version in force when the act was committed applies; when
the law changed before the decision and the new provision punishes more lightly, the new one applies
(从旧兼从轻). Versions are those the store holds; a version it lacks is said to be missing."""

from datetime import date
from decimal import Decimal

from generator.review import findings as fd
from generator.review.checks.common import PENALTY_LAW, cn_date, combine, detail_lines, finding
from generator.review.checks.statutory import ROLES, choose_situations
from generator.review.citing import article_in, closest_unit, ref_label
from generator.review.versions import cited_version, in_force
from generator.review.violations import Violation
from kb import penalties as pen
from kb.models import Law
from kb.refs import Ref


def check_version(ctx) -> fd.Finding:
    """Name the version that applies to each cited penalty provision."""
    case = ctx.case
    citations = [ctx.cite(PENALTY_LAW, 37)]
    day = case.act_end or case.act_date
    if day is None:
        return finding(fd.VERSION, fd.NOTE, "送审材料未写明违法行为发生日期，无法确定应当适用的法律版本",
                       citations=citations, unverified=True, remedy="查明违法行为发生（或者终了）日期")
    decided = case.decision_date
    lines: list[tuple[str, str, bool]] = []
    said = []
    for number, violation in enumerate(case.violations, 1):
        label = f"{violation.label(number)}：" if case.several else ""
        for cited in violation.basis:
            result = _one(ctx, violation, cited, day, decided)
            if result:
                lines.append((result[0], label + result[1], result[2]))
                said += _version_said(cited, result[1])
    if not lines:
        return finding(fd.VERSION, fd.PASS, "所引条文所属法律在违法行为发生后未被修改", citations=citations)
    outcome, unverified = combine(lines)
    message = "；".join(line for o, line, _ in lines if o == outcome or outcome == fd.PASS)
    return finding(fd.VERSION, outcome, message, details=detail_lines(message, lines), citations=citations,
                   implies=fd.AGREE_IF_AMENDED if outcome == fd.PROBLEM else None, unverified=unverified, said=said,
                   remedy="按第三十七条确定应当适用的版本并改引" if outcome == fd.PROBLEM else
                   ("补充导入违法行为发生时有效的法律版本后重新核对" if unverified else ""))


def _version_said(cited, line: str) -> list[fd.Said]:
    """The version a line says the citation names (所引为2014年版本), which the 法律依据 check says too."""
    if not cited.version:
        return []
    version = f"所引为{cited.version.label}版本"
    opening = f"{cited.written}{version}，"
    return [fd.Said(cited.written, version, opening)] if line.startswith(opening) else []


def _one(ctx, violation: Violation, cited, day: date, decided: date) -> tuple[str, str, bool] | None:
    store, ref = ctx.store, cited.ref
    then, every = in_force(store, ref.law, day)
    if not every:
        return None
    now, _ = in_force(store, ref.law, decided)
    named = next((law for law, _ in every if cited.version and cited.version.matches(law.version)), None)
    if then is None:
        first, start = every[0]
        return (fd.NOTE, f"违法行为发生于{cn_date(day)}，法规库收录的{first.display_title}最早为{first.version_text}"
                         f"（{cn_date(start)}起施行），未收录违法行为发生时有效的版本，无法比对新旧规定，需人工核实", True)
    if now is None or then.id == now.id:
        if cited.version and named is None and then.version and cited.version.year >= then.version.year:
            return (fd.NOTE, f"{cited.written}所引版本法规库未收录；违法行为发生时和作出决定时有效的均为"
                             f"{then.display_title}（{then.version_text}），请核对", True)
        if cited.version and named is None:
            return (fd.PROBLEM, f"{cited.written}所引为{cited.version.label}版本，违法行为发生时和作出决定时有效的均为"
                                f"{then.display_title}（{then.version_text}）", False)
        if named and named.id != then.id:
            return (fd.PROBLEM, f"{cited.written}所引为{named.version_text}，违法行为发生时和作出决定时有效的均为"
                                f"{then.display_title}（{then.version_text}）", False)
        return None
    source = cited_version(store, cited, day) or now
    old, new = _article_pair(store, cited, then, now, source)
    if old is None or new is None:
        return (fd.NOTE, f"违法行为发生后{then.display_title}已修改（{then.version_text}→{now.version_text}），"
                         "无法在两个版本中对应所引条文，需人工核实应当适用的规定", True)
    lighter = _lighter(old, new, violation, ctx.case)
    if lighter is None:
        return (fd.NOTE, f"违法行为发生时有效的是{old.citation}（{then.version_text}），作出决定时有效的是"
                         f"{new.citation}（{now.version_text}），新旧规定的轻重无法自动比较，需人工核实", True)
    applies, which = (now, "新的规定处罚较轻，应当适用新的规定") if lighter == "new" else (
        then, "新的规定处罚不轻于旧的规定，应当适用违法行为发生时的规定")
    line = (f"违法行为发生时有效的是{old.citation}（{then.version_text}），作出决定时有效的是{new.citation}"
            f"（{now.version_text}）；{which}")
    if source.id != applies.id:
        return fd.PROBLEM, f"{line}，所引{cited.written}与应当适用的版本不一致", False
    return fd.PASS, line, False


def _article_pair(store, cited, then: Law, now: Law, source: Law):
    """The cited provision read in the old and the new version (the other version's provision is the
    one whose text is closest)."""
    ref = cited.ref
    article = article_in(store, source, ref.number, ref.suffix)
    if article is None:
        return None, None
    own = pen.read_article(article, ref.paragraph, ref.item, citation=f"{source.display_title}{ref_label(ref)}")
    other_law = then if source.id == now.id else now
    other = closest_unit(store, other_law, own.text.splitlines()[-1] if own.text else "", penalty=True)
    if other is None:
        return None, None
    other_ref: Ref = other.ref
    counterpart = pen.read_article(other.article, other_ref.paragraph, other_ref.item,
                                   citation=f"{other_law.display_title}{ref_label(other_ref)}")
    return (own, counterpart) if source.id == then.id else (counterpart, own)


def _lighter(old: pen.Provision, new: pen.Provision, violation: Violation, case) -> str | None:
    """'new' when the new provision's fine for the parties fined is lighter, 'old' otherwise; None
    when the ranges cannot be compared."""
    roles = [ROLES[case.party.kind]] * (violation.decision.fine is not None) + [
        ROLES.get(p.role, p.role) for p in violation.decision.person_fines]
    spans = []
    for provision in (old, new):
        situations, note = choose_situations([provision], violation)
        if note or not provision.certain:
            return None
        ranges = [s.fine for sit in situations for s in sit.fines() if s.fine and s.fine.base == pen.YUAN
                  and s.party in roles + [pen.OFFENDER]]
        if not ranges:
            return None
        spans.append((max((r.high or Decimal("Infinity")) for r in ranges), min(r.low for r in ranges)))
    return "new" if spans[1] < spans[0] else "old"
