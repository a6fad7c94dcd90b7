"""违法行为与所引条款: the facts and 案由 of each violation against the act its 处罚依据 describes and
the duty its 违反条款 states. A clear mismatch is flagged with the likely right penalty provision,
found with the product's own search (the index of the data directory; without an index, by
comparing the law's penalty provisions with the facts)."""

import re

from generator.review import findings as fd
from generator.review.checks.common import combine, detail_lines, distinct, finding
from generator.review.citing import PENALTY_CHAPTER, ref_label, resolve_in, similarity, units
from generator.review.versions import cited_version
from generator.review.violations import Violation
from kb.refs import Ref
from search.query import IndexMissing, Searcher, SearchOptions

# Fit of an act with a violation: the mean of the share of the act's character pairs found in the
# facts and the share of the 案由's pairs found in the act (0 to 1).
FITS, CLEAR_MISMATCH, BETTER_BY = 0.4, 0.25, 0.25
ACT_END = re.compile(r"^(.*?的)[，,]")
WHAT = {True: "违法行为", False: "义务"}     # what a penalty provision and a violated one state


def check_act_fit(ctx) -> fd.Finding:
    """Each violation's facts describe the act of its cited penalty provision and the duty of its
    violated provision."""
    case = ctx.case
    lines: list[tuple[str, str, bool]] = []
    citations, said = [], []
    for number, violation in enumerate(case.violations, 1):
        label = f"{violation.label(number)}：" if case.several else ""
        probe, name = _probe(case, violation)
        for group, penalty in ((violation.basis, True), (violation.violated, False)):
            for cited in group:
                outcome, line, relied, unverified = _one(ctx, cited, probe, name, penalty)
                lines.append((outcome, label + line, unverified))
                citations += relied
                if unverified:
                    said.append(fd.Said(cited.written, fd.UNREAD, label + line, f"核对其规定的{WHAT[penalty]}与本案事实是否相符"))
    outcome, unverified = combine(lines)
    message = ("本案违法事实与所引违反条款规定的义务、处罚依据规定的违法行为相符" if outcome == fd.PASS
               else "；".join(line for o, line, _ in lines if o == outcome))
    return finding(fd.ACT_FIT, outcome, message, details=detail_lines(message, lines), citations=distinct(citations),
                   implies=fd.AGREE_IF_AMENDED if outcome == fd.PROBLEM else None, unverified=unverified, said=said,
                   remedy="核对违法事实与所引条款，改引与违法行为相符的条款" if outcome != fd.PASS else "")


def _one(ctx, cited, probe: str, name: str, penalty: bool):
    """(outcome, line, authorities, unverified) for one citation."""
    law = cited_version(ctx.store, cited, ctx.case.act_date)
    resolved = resolve_in(ctx.store, law, cited.ref) if law else None
    what = WHAT[penalty]
    if resolved is None:
        held = "法规库未收录该法律" if not ctx.store.find_laws(cited.ref.law) else "法规库未收录所引条文或所引版本"
        return (fd.NOTE, f"{cited.written}：{held}，无法核对其规定的{what}与本案事实是否相符",
                [ctx.cite_ref(cited.ref)], True)
    authority = fd.Authority(cited.ref, resolved)
    act = act_text(resolved.excerpt) if penalty else resolved.excerpt.splitlines()[-1]
    score = fit(probe, name, act)
    if score >= FITS:
        return fd.PASS, f"{cited.written}规定的{what}与本案事实相符", [authority], False
    better = likely_provision(ctx, resolved.law, probe, name, cited.ref, penalty)
    if better is None or better[2] < score + BETTER_BY:
        return fd.PASS, f"{cited.written}规定的{what}与本案事实基本相符", [authority], False
    ref, text, _ = better
    outcome = fd.PROBLEM if score < CLEAR_MISMATCH else fd.NOTE
    role = "处罚依据" if penalty else "违反条款"
    return (outcome, f"{cited.written}规定的{what}是“{_short(act)}”，与本案事实不相符；与本案事实最接近的是"
                     f"{resolved.law.display_title}{ref_label(ref)}“{_short(text)}”，请核对{role}",
            [authority, ctx.cite_ref(ref)], False)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "……"


def act_text(excerpt: str) -> str:
    """The act a penalty provision describes: the cited 项 without its number, or the opening
    clause of the 款 (生产经营单位的主要负责人未履行本法规定的安全生产管理职责的)."""
    lines = excerpt.splitlines()
    if len(lines) > 1:
        return re.sub(r"^[（(][一二三四五六七八九十]+[）)]", "", lines[-1]).rstrip("。；;")
    found = ACT_END.match(lines[0])
    return found.group(1) if found else lines[0]


def fit(probe: str, name: str, act: str) -> float:
    """How well an act describes a violation: facts covering the act, and the act covering the 案由."""
    return (similarity(probe, act) + similarity(act, name)) / 2


def likely_provision(ctx, law, probe: str, name: str, cited: Ref, penalty: bool = True) -> tuple[Ref, str, float] | None:
    """The provision (款/项) of `law` — in its penalty chapter, or outside it for a duty — whose text
    is closest to the facts, other than the cited one: candidates from the search index when there
    is one, else the whole chapter."""
    articles = _searched(ctx, law, probe, penalty) or [
        a for a in ctx.store.articles(law.id) if (PENALTY_CHAPTER in a.chapter) == penalty]
    best = None
    for article in articles:
        for paragraph, item, text in units(article):
            if item is None and article.items and any(i for _, i, _ in units(article)):
                continue
            ref = Ref(law.title, article.number, article.suffix, paragraph, item)
            if (ref.number, ref.paragraph, ref.item) == (cited.number, cited.paragraph, cited.item):
                continue
            act = act_text(text if item is None else f"-\n{text}") if penalty else text
            score = fit(probe, name, act)
            if best is None or score > best[2]:
                best = (ref, act, score)
    return best


def _searched(ctx, law, probe: str, penalty: bool) -> list:
    """Articles of `law` (in its penalty chapter or outside it) the search finds for the facts
    (empty without an index)."""
    try:
        searcher = Searcher(ctx.store, ctx.store.path.parent)
    except IndexMissing:
        return []
    hits = searcher.search(probe[:200], SearchOptions(limit=10, law=law.title)).hits
    found = [ctx.store.article(h.doc_id) for h in hits
             if h.kind == "条文" and (PENALTY_CHAPTER in h.chapter) == penalty]
    return [a for a in found if a]


def _probe(case, violation: Violation) -> tuple[str, str]:
    """(name and facts, name) of a violation: its 案由 and facts (the case's for a single violation)."""
    name = violation.name if case.several else violation.name or case.cause
    return f"{name}\n{violation.facts or case.facts}", name
