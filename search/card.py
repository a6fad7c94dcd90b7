"""The penalty card: for a question that describes a violation, one card above the hits with the
penalty article and item the hits lead to, the duty violated, the statutory range for each party
(kb.penalties), the discretion standard's item and tiers when one is loaded, and the most similar
typical cases — each with its citation.

A card is made only when the question describes an act (one item of the penalty article, or the
article itself, holds enough of the question) and the penalty article is among the first hits;
the duty is the one the penalty article names (违反本法第X条), or the one a standard item or a
case gives for that penalty item, or a duty article of the same law among the first hits.
"""

import re
from dataclasses import asdict, dataclass, field

from kb.cases.store import CaseStore
from kb.models import Article, Law
from kb.numerals import chinese_to_int
from kb.refs import Ref
from kb.standards.penalty_text import render
from kb.standards.store import StandardStore
from search import passages, segment
from search.knowledge import CASE, STANDARD
from search.hits import Hit
from search.index import PENALTY_CHAPTERS
from search.query import PENALTY_RE, SearchOptions

CARD_HITS = 5           # the penalty article must be one of the first hits
ITEM_SHARE = 0.3        # least share of the question's weight one act (项) must hold to be the act asked
ARTICLE_SHARE = 0.45    # … the whole penalty article, when it lists no items
CASES = 3
CASE_POOL = 200        # cases ranked for the question, among which those applying the article are kept
BASIC = "基本情形"
CITED_DUTY = re.compile(r"违反本(?:法|条例|规定|办法)第([一二三四五六七八九十百零〇]+)条")


@dataclass
class Cited:
    """An article (or one of its items) with its citation, its text and why it is on the card."""

    citation: str
    text: str
    source: str = ""
    article_id: int | None = None   # the article's id in the store, for a link to it


@dataclass
class PartyRange:
    """What the statute provides for one party in one situation (基本情形, 逾期未改正 …)."""

    situation: str
    party: str
    sanctions: list[str]


@dataclass
class StandardTier:
    """One tier (阶次) of a discretion-standard item: its conditions and its 具体标准."""

    name: str
    conditions: list[str]
    standard: str


@dataclass
class StandardEntry:
    """The discretion-standard item for the penalty item, with its tiers."""

    citation: str
    code: str
    title: str
    tiers: list[StandardTier]


@dataclass
class CaseEntry:
    """A typical case that applied the same penalty article."""

    code: str
    title: str
    citation: str
    decision: str
    basis: list[str]


@dataclass
class Card:
    """Everything the card shows; `to_json` is what `--json` prints as `card`."""

    act: str
    penalty: Cited
    duty: Cited | None
    ranges: list[PartyRange]
    state: str
    doubts: list[str] = field(default_factory=list)
    standard: StandardEntry | None = None
    cases: list[CaseEntry] = field(default_factory=list)

    def to_json(self) -> dict:
        """Return the card as a JSON-ready dict."""
        return asdict(self)


def penalty_card(searcher, question: str, hits: list[Hit]) -> Card | None:
    """The card for `question` from its ranked `hits`, or None when the question describes no act
    or no penalty article is among the first hits."""
    analysis = searcher.analyze(question)
    if not (analysis.penalty or analysis.asked.violation):
        return None
    found = _penalty_article(searcher, hits)
    if found is None:
        return None
    article, law, number, applied = found
    matcher = _act_matcher(searcher, analysis)
    if applied:
        act = next((text for _, n, text in article.items if n == number), passages.lead_sentence(article.paragraphs))
        if max(matcher.share(act), matcher.share(applied)) < ITEM_SHARE:
            return None
    else:
        described = _act(article, matcher)
        if described is None:
            return None
        number, act = described
    from kb.penalties import read_article   # the penalty reader is loaded only when a card is made

    ref = Ref(law=law.title, number=article.number, suffix=article.suffix, item=number)
    provision = read_article(article, item=number, citation=ref.text)
    store = searcher.store
    standard = _standard(store, law, ref)
    return Card(act=act, penalty=Cited(ref.text, provision.text, "检索结果", article.id),
                duty=_duty(searcher, law, article, provision.text, ref, hits),
                ranges=_ranges(provision), state=provision.state, doubts=list(provision.doubts),
                standard=standard, cases=_cases(searcher, question, law, ref))


def _penalty_article(searcher, hits: list[Hit]) -> tuple[Article, Law, int | None, str] | None:
    """The first penalty article the first hits lead to: a hit in a penalty chapter, or the
    penalty article (and item) a standard item or a case among them applies (处罚依据), with the
    text of that standard item or case."""
    for hit in hits[:CARD_HITS]:
        if hit.kind == "条文" and any(name in hit.chapter for name in PENALTY_CHAPTERS):
            return searcher.store.article(hit.doc_id), searcher.laws[hit.law_id], None, ""
        if hit.kind == STANDARD and hit.doc_id in searcher.hits.knowledge.items:
            basis = searcher.hits.knowledge.items[hit.doc_id][1].basis
        elif hit.kind == CASE and hit.doc_id in searcher.hits.knowledge.cases:
            basis = searcher.hits.knowledge.cases[hit.doc_id].basis
        else:
            continue
        for ref in basis:
            found = searcher.store.find_article(ref.law, ref.number, ref.suffix, None)
            if found and any(name in found[1].chapter for name in PENALTY_CHAPTERS):
                return found[1], found[0], ref.item, hit.text
    return None


def _act_matcher(searcher, analysis) -> passages.Matcher:
    """The question's words that describe the act: without the words asking about punishment and
    without the name of a law it names."""
    named = {t for name in analysis.asked.named for t in segment.tokens(name)}
    if analysis.law_key:
        named.update(segment.tokens(searcher.titles[analysis.law_key]))
    return passages.Matcher({t: w * searcher.engine.idf(t) for t, w in analysis.weights.items()
                             if t not in named and not PENALTY_RE.search(t)})


def _act(article: Article, matcher: passages.Matcher) -> tuple[int | None, str] | None:
    """(item number, its text) of the act the question describes; (None, lead) for an article
    without items that holds enough of the question; None when no act is described."""
    items = [(number, text) for _, number, text in article.items]
    if items:
        share, number, text = max((matcher.share(text), number, text) for number, text in items)
        return (number, text) if share >= ITEM_SHARE else None
    if matcher.share(article.text) >= ARTICLE_SHARE:
        return None, passages.lead_sentence(article.paragraphs)
    return None


def _ranges(provision) -> list[PartyRange]:
    from kb.penalties import describe

    ranges = []
    for situation in provision.situations:
        for party in dict.fromkeys(s.party for s in situation.sanctions):
            sanctions = [f"罚款 {describe(s.fine)}" if s.fine else s.kind
                         for s in situation.sanctions if s.party == party]
            ranges.append(PartyRange(situation.condition or BASIC, party, sanctions))
    return ranges


def _duty(searcher, law: Law, article: Article, text: str, ref: Ref, hits: list[Hit]) -> Cited | None:
    """The duty violated: named by the penalty text, given by a standard item or a case for the
    penalty item, or a duty article of the same law among the first hits."""
    named = CITED_DUTY.search(text)
    if named:
        found = searcher.store.find_article(law.title, chinese_to_int(named.group(1)), 0, None)
        if found:
            return Cited(f"{law.display_title}{found[1].label}", found[1].text, "罚则援引", found[1].id)
    store = searcher.store
    for _, item in _standard_items(store, law, ref):
        if item.provisions:
            return _resolved(store, item.provisions[0], "裁量基准")
    for case, _ in CaseStore(store).citing(law.key, article.number, article.suffix):
        if case.violated and _same(case.basis, ref):
            return _resolved(store, case.violated[0], "典型案例")
    duty = next((h for h in hits[:CARD_HITS] if h.kind == "条文" and h.law_id == article.law_id
                 and not any(name in h.chapter for name in PENALTY_CHAPTERS)), None)
    return Cited(f"《{duty.title}》{duty.article}", duty.text, "检索结果", duty.doc_id) if duty else None


def _resolved(store, ref: Ref, source: str) -> Cited | None:
    found = store.find_article(ref.law, ref.number, ref.suffix, None)
    if not found:
        return None
    law, article = found
    return Cited(f"{law.display_title}{Ref(law.title, ref.number, ref.suffix, ref.paragraph, ref.item).label}",
                 _excerpt(article, ref.item), source, article.id)


def _excerpt(article: Article, item: int | None) -> str:
    texts = [text for _, number, text in article.items if number == item]
    return texts[0] if item and texts else article.text


def _same(refs: list[Ref], ref: Ref) -> bool:
    """Whether `refs` cite the article of `ref` and, when both name one, the same item."""
    return any(r.number == ref.number and r.suffix == ref.suffix and (not r.item or not ref.item or r.item == ref.item)
               for r in refs)


def _standard_items(store, law: Law, ref: Ref):
    return [(standard, item) for standard, item, _ in StandardStore(store).citing(law.key, ref.number, ref.suffix)
            if _same(item.basis, ref)]


def _standard(store, law: Law, ref: Ref) -> StandardEntry | None:
    found = _standard_items(store, law, ref)
    if not found:
        return None
    standard, item = found[0]
    return StandardEntry(f"{standard.display_title}{item.code}", item.code, item.title,
                         [StandardTier(t.name, list(t.conditions), render(t.fines, t.measures)) for t in item.tiers])


def _cases(searcher, question: str, law: Law, ref: Ref) -> list[CaseEntry]:
    """The typical cases most like the question (searched as cases) among those that applied the
    penalty article and item."""
    applied = {case.id for case, _ in CaseStore(searcher.store).citing(law.key, ref.number, ref.suffix)
               if _same(case.basis, ref)}
    if not applied:
        return []
    hits = searcher.search(question, SearchOptions(limit=CASE_POOL, kinds=(CASE,))).hits
    cases = [searcher.hits.knowledge.cases[hit.doc_id] for hit in hits if hit.doc_id in applied][:CASES]
    return [CaseEntry(case.code, case.title, case.number or case.code, case.decision,
                      [r.text for r in case.basis]) for case in cases]


def card_lines(card: Card) -> list[str]:
    """The card as text lines for the command line."""
    lines = ["【处罚要点】", f"违法行为：{card.act}"]
    if card.duty:
        lines.append(f"违反条款：{card.duty.citation}")
    lines.append(f"处罚依据：{card.penalty.citation}（{card.state}）")
    lines += [f"  {r.situation}·{r.party}：{'；'.join(r.sanctions)}" for r in card.ranges]
    lines += [f"  需人工核实：{doubt}" for doubt in card.doubts]
    if card.standard:
        lines.append(f"裁量基准：{card.standard.citation} {card.standard.title}")
        lines += [f"  {t.name}：{'；'.join(t.conditions)} → {t.standard}" for t in card.standard.tiers]
    if card.cases:
        lines.append("典型案例：")
        lines += [f"  {c.title}（{c.citation}）：{c.decision}" for c in card.cases]
    return lines
