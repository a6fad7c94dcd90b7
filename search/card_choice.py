"""Which penalty article (and item) a penalty card cites, and which others it offers beside it.

Candidates come only from the first hits: a hit in a penalty chapter (法律责任, 罚则, or a penalty
article of a law without chapters), the penalty article a standard item or a case among the hits
applies, and the penalty articles that punish the breach of a duty article among the hits
(违反本法第X条). Only current versions of the laws of lexicon/card_laws.tsv are cited, and a law of
narrow scope (特种设备, 危险化学品, 消防 …) only when the question names its scope; the general
law gives way to a law whose scope the question names (安全生产法第二条).

Each candidate's act — the item (项) the question describes, or the article when it lists none —
must hold enough of the question's words, or a little of them when a duty article among the hits
restates the item, and be done by the party asked about (search.card_acts). Candidates are scored
by that fit, the authority of the law, the rank of the hit that brought them and whether the act
is done by the party asked about — or by the unit, for a question about a worker it employs
(search.card_acts.answers_for). The best is the card's penalty; close ones of other laws, and the
best of a law whose scope the question names that the hits did not reach (searched inside that
law, and restating a duty article that search found), are its alternatives — or the penalty, when
the best came from the general law, which gives way to it, or punishes only under another law
(依照…有关规定追究法律责任) while an alternative sets the penalty itself. A penalty that no duty among the hits
restates takes the item of its article that a duty article found inside its law restates (the
duty the card shows). No candidate: no card.
"""

from dataclasses import dataclass, replace

from kb.models import Article, Law
from search import intent, passages, segment
from search.card_acts import (OFFICIALS, ActFitter, Fit, acts_of, answers_for, doer, other_doer, parties_doing,
                              party_paragraph, unit_kind, workers)
from search.card_laws import cited_law, scope_of, scopes
from search.hits import Hit
from search.knowledge import CASE, STANDARD
from search.law_articles import cited_duties, is_penalty
from search.query import CATEGORY_WEIGHTS, SearchOptions

CARD_HITS = 10          # the penalty article, or the duty it punishes, must be one of the first hits
ITEM_SHARE = 0.3        # least share of the question's act words (of those its law has) an act must hold
WHOLE_SHARE = 0.15      # … and of all of them
WORDS_SHARE = 0.2       # … and of those of two characters or more
MIN_WORDS = 2           # … and at least this many of those words (an act is more than one word)
LINKED_SHARE = 0.2      # … of those its law has, when a duty article among the hits restates the act
LINKED_WHOLE = 0.08     # … and of all of them, and of those of two characters or more
LINK_SHARE = 0.5        # least share of the act's own words a duty article holds to restate it
LINK_WEIGHT = 0.5       # weight of that restating beside the question's share
CLEARER = 0.15          # how much more of the act's words a duty found by searching for the act must
                        # hold to replace the duty among the hits
RANK_DECAY = 0.1        # a candidate from the n-th hit (0-based) counts 1 / (1 + RANK_DECAY · n)
PARTY_BOOST = 0.2       # the act is done by the party the question is about
GIVES_WAY = 0.6         # the general law beside a law whose scope the question names; an act
                        # punished under another law beside one punished by its own article
ALTERNATIVE_SHARE = 0.6  # least score, as a share of the best, of an alternative of another law
ALTERNATIVES = 2
FROM_HITS, FROM_STANDARD, FROM_CASE = "检索结果", "裁量基准", "典型案例"


@dataclass
class Choice:
    """One penalty article (and item) the card may cite, with why."""

    law: Law
    article: Article
    paragraph: int | None       # the paragraph (款) of the act, for an article of several without items
    item: int | None            # the item (项) of the act, None for an article without items
    act: str                    # the text of the act
    duty: Article | None        # the duty article among the hits that restates it, if any
    rank: int                   # rank (0-based) of the hit that brought it
    source: str                 # FROM_HITS, FROM_STANDARD, FROM_CASE or 检索《…》
    scope: str = ""             # the word of the law's own scope the question names
    score: float = 0.0
    elsewhere: bool = False     # the act is punished under another law (依照《…》有关规定), not here


@dataclass
class Link:
    """A duty article among the hits that restates an act: how far (share), that share counted
    down by the duty's rank among the hits (weight, what the score uses), and the duty."""

    share: float = 0.0
    weight: float = 0.0
    duty: Article | None = None


@dataclass
class _Found:
    rank: int
    law: Law
    article: Article
    source: str
    item: int | None = None     # given by a standard item or case (处罚依据)
    applied: str = ""           # the text of that standard item or case


def choose(searcher, analysis, question: str, hits: list[Hit]) -> list[Choice]:
    """The card's penalty first, then its alternatives; [] when the hits support none."""
    if not all(cited_law(key) for key in analysis.asked.routed):
        return []       # the question names the subject of a law no card cites (工伤保险 → 工伤保险条例)
    text = segment.normalize(question)
    fitter = ActFitter(searcher, analysis, [intent.subject_of(s.title) for s in scopes().values() if not s.general],
                       text)
    found, duties = _candidates(searcher, hits[:CARD_HITS])
    chosen = _rank(_judged(searcher, found, duties, fitter, text, analysis))
    if not chosen:
        return []
    first = _restated(searcher, question, text, chosen[0], fitter, analysis)
    laws = {c.law.key for c in chosen}
    reached = _scoped(searcher, question, text, laws, fitter, analysis, _authority(first.law))
    # an alternative that punishes under another law is weighed without the discount that made it
    # give the card's place to the article setting the penalty
    close = [c for c in chosen[1:] if c.law.key != first.law.key
             and c.score / (GIVES_WAY if c.elsewhere else 1) >= ALTERNATIVE_SHARE * first.score]
    best, *rest = _rank([first] + reached) if reached and scope_of(first.law).general else [first] + reached
    others = _one_per_article(rest + close, {best.article.id})
    ranked = _own_penalty_first([best] + others[:ALTERNATIVES])
    if ranked[0] is not best:
        ranked[0] = _restated(searcher, question, text, ranked[0], fitter, analysis)
    ranked[0] = _clearer_duty(searcher, ranked[0])
    own = party_paragraph(ranked[0].article, ranked[0].paragraph, ranked[0].item, analysis.asked.subjects)
    if own:             # the act stays the item the question describes; the 款 punishes its party
        ranked[0] = replace(ranked[0], paragraph=own, item=None)
    return ranked


def _clearer_duty(searcher, best: Choice) -> Choice:
    """The card's penalty with the duty it shows: the duty among the hits when it is addressed to the
    party that does the act; else (or when none was found) a duty article that restates the act
    clearly better (CLEARER), found by searching the penalty's law for the act's own words — never
    an article on what the authorities do (第六十五条: 应急管理部门……行使以下职权) for an act of a
    unit. A duty the penalty text names stays."""
    if cited_duties(best.article.text) or (best.duty and _same_doer(best.duty, best.act, best.article)):
        return best
    try:
        hits = searcher.search(passages.ITEM_START.sub("", best.act),
                               SearchOptions(limit=CARD_HITS, law=best.law.title, kinds=("条文",))).hits
    except ValueError:          # an act too long or without searchable words: keep what was found
        return best
    duties = _candidates(searcher, hits)[1]
    if not OFFICIALS.search(doer(best.act, best.article)):    # the act words also find the powers of the
        duties = [(rank, d) for rank, d in duties if not OFFICIALS.search(doer(d.text, d))]  # authorities
        if best.duty and OFFICIALS.search(doer(best.duty.text, best.duty)):
            best = replace(best, duty=None)
    found = _link(best.article, best.act, duties, searcher.engine.idf)
    shown = _link(best.article, best.act, [(0, best.duty)], searcher.engine.idf).share if best.duty else 0.0
    if found.duty and found.share >= shown + CLEARER:
        return replace(best, duty=found.duty)
    return best


def _same_doer(duty: Article, act: str, article: Article) -> bool:
    """Whether the duty is addressed to the party that does the act (the unit, or the same person),
    and not to the authorities when the act is not theirs."""
    official = bool(OFFICIALS.search(doer(duty.text, duty))), bool(OFFICIALS.search(doer(act, article)))
    return official[0] == official[1] and set(parties_doing(duty.text, duty)) == set(parties_doing(act, article))


def _own_penalty_first(chosen: list[Choice]) -> list[Choice]:
    """An article that punishes only under another law (依照《安全生产法》有关规定追究法律责任) gives the
    card's place to an alternative that sets the penalty itself; it stays beside it."""
    if not chosen[0].elsewhere:
        return chosen
    own = next((c for c in chosen[1:] if not c.elsewhere), None)
    return [own] + [c for c in chosen if c is not own] if own else chosen


def _candidates(searcher, hits: list[Hit]) -> tuple[list[_Found], list[tuple[int, Article]]]:
    """Penalty articles the hits lead to, and the duty articles among them (rank, article)."""
    found, duties = [], []
    store = searcher.store
    for rank, hit in enumerate(hits):
        if hit.kind == "条文":
            article, law = store.article(hit.doc_id), searcher.laws[hit.law_id]
            if is_penalty(article):
                found.append(_Found(rank, law, article, FROM_HITS))
            else:
                duties.append((rank, article))
                found += [_Found(rank, law, a, FROM_HITS) for a in _punishing(searcher, law, article)]
            continue
        if hit.kind == STANDARD and hit.doc_id in searcher.hits.knowledge.items:
            basis, source = searcher.hits.knowledge.items[hit.doc_id][1].basis, FROM_STANDARD
        elif hit.kind == CASE and hit.doc_id in searcher.hits.knowledge.cases:
            basis, source = searcher.hits.knowledge.cases[hit.doc_id].basis, FROM_CASE
        else:
            continue
        for ref in basis:
            located = store.find_article(ref.law, ref.number, ref.suffix, None)
            if located and is_penalty(located[1]):
                found.append(_Found(rank, located[0], located[1], source, ref.item, hit.text))
    return found, duties


def _punishing(searcher, law: Law, duty: Article) -> tuple[Article, ...]:
    """The penalty articles of the duty's law that name it as breached (违反本法第X条)."""
    if scope_of(law) is None:
        return ()
    return searcher.law_articles.law(law.id).punishing.get(duty.number, ())


def _judged(searcher, found: list[_Found], duties, fitter: ActFitter, text: str, analysis) -> list[Choice]:
    """The candidates of laws the card may cite, each with its act, when the act fits."""
    chosen = []
    for candidate in found:
        scope = scope_of(candidate.law)
        if scope is None or not (scope.general or scope.named_in(text)):
            continue
        own = [(rank, d) for rank, d in duties if d.law_id == candidate.article.law_id]
        act = _act(candidate, own, fitter, searcher.engine.idf, analysis.asked.subjects, text)
        if act is None:
            continue
        paragraph, item, words, fit, link = act
        choice = Choice(candidate.law, candidate.article, paragraph, item, words, link.duty, candidate.rank,
                        candidate.source, scope.named_in(text))
        unpunished, elsewhere = _punished(choice.article, choice.paragraph, choice.item)
        if unpunished:
            continue
        score = _score(choice, fit.own + LINK_WEIGHT * link.weight, analysis)
        chosen.append(replace(choice, score=score * (GIVES_WAY if elsewhere else 1), elsewhere=elsewhere))
    return chosen


def _act(candidate: _Found, duties: list[tuple[int, Article]], fitter: ActFitter, idf, asked: list[str], text: str):
    """(paragraph, item, act text, fit, link) of the act the question describes, or None."""
    article, law = candidate.article, candidate.law
    if candidate.applied:
        paragraph, act = next(((p, t) for p, n, t in acts_of(article) if n and n == candidate.item),
                              (None, passages.lead_sentence(article.paragraphs)))
        fit = max(fitter.fit(law, act), fitter.fit(law, candidate.applied), key=lambda f: f.own)
        link = _link(article, act, duties, idf)
        fitting = _fits(fit, link.share) and _done_by(article, paragraph, candidate.item, act, asked, text)
        return (paragraph, candidate.item, act, fit, link) if fitting else None
    best, best_score = None, 0.0
    for paragraph, number, act in acts_of(article):
        fit = fitter.fit(law, act)
        link = _link(article, act, duties, idf)
        score = fit.own + LINK_WEIGHT * link.weight
        if not _fits(fit, link.share) or not _done_by(article, paragraph, number, act, asked, text):
            continue
        if _punished(article, paragraph, number)[1]:   # an act punished here before one punished
            score *= GIVES_WAY                          # under another law (危化品条例第七十七条)
        if score > best_score:
            shown = act if paragraph or number else passages.lead_sentence(article.paragraphs)
            best, best_score = (paragraph, number, shown, fit, link), score
    return best


def _done_by(article: Article, paragraph: int | None, item: int | None, act: str, asked: list[str], text: str) -> bool:
    """Whether the act is one of the party asked about, or a later 款 punishes that party for it
    (消防法第六十条第二款: 个人有前款第五项行为)."""
    return not other_doer(act, article, asked, text) or bool(party_paragraph(article, paragraph, item, asked))


def _punished(article: Article, paragraph: int | None, item: int | None) -> tuple[bool, bool]:
    """(sets no penalty, punished elsewhere) for an act's 款 or 项, as the penalty reader
    reads it. A 款 that sets none (安全生产许可证条例第十四条第一款, in an article whose second 款 lets
    the authorities revoke) is no card's penalty; an act punished under another law (依照《…》的规定
    处罚), not by this article or the paragraph before it, gives way to an act punished here."""
    from kb.penalties import ELSEWHERE, NO_PENALTY, read_article   # loaded only when a card is considered

    provision = read_article(article, paragraph=paragraph, item=item)
    return (provision.state == NO_PENALTY,
            provision.state == ELSEWHERE and not provision.elsewhere.startswith(("前", "本")))


def _fits(fit: Fit, link: float) -> bool:
    """Whether an act holds enough of the question's act words — or a little when a duty article
    among the hits restates it."""
    if fit.found < MIN_WORDS:
        return False
    if fit.own >= ITEM_SHARE and fit.whole >= WHOLE_SHARE and fit.words >= WORDS_SHARE:
        return True
    return link >= LINK_SHARE and fit.own >= LINKED_SHARE and min(fit.whole, fit.words) >= LINKED_WHOLE


def _link(article: Article, act: str, duties: list[tuple[int, Article]], idf) -> Link:
    """How far a duty article among the hits restates the act: 1 when the penalty text names it as
    breached, else the share of the act's own words (weighted by rarity) it holds; the duty that
    restates it best for its rank among the hits. An act a worker does himself (lexicon/card_workers.txt:
    从业人员不服从管理) is restated only by a duty of that worker (第五十七条), not by the unit's duty
    towards its workers (第二十八条 培训). Nor does a duty of another kind of unit (使用单位, 经营单位,
    生产单位 …) than the one that does the act."""
    doing = set(parties_doing(act, article)) & workers()
    if doing:           # a worker's own act (从业人员不服从管理) breaches the worker's duty, not the unit's
        duties = [(rank, duty) for rank, duty in duties if set(parties_doing(duty.text, duty)) & doing]
    kind = unit_kind(act, article)
    if kind:            # 特种设备经营单位 does not breach a duty of the 特种设备使用单位
        duties = [(rank, duty) for rank, duty in duties if unit_kind(duty.text, duty) in (kind, "")]
    if not duties:
        return Link()
    named = cited_duties(article.text)
    rarity = {t: idf(t) for t in segment.tokens(act)}
    total = sum(rarity.values()) or 1.0
    shares = [(1.0 if duty.number in named else sum(w for t, w in rarity.items() if t in duty.text) / total,
               rank, duty) for rank, duty in duties]
    share, rank, duty = max(shares, key=lambda s: s[0] / (1 + RANK_DECAY * s[1]))
    return Link(share, share / (1 + RANK_DECAY * rank), duty) if share >= LINK_SHARE else Link()


def _authority(law: Law) -> float:
    return CATEGORY_WEIGHTS.get(law.category, 0.5)


def _score(choice: Choice, fit: float, analysis) -> float:
    """Fit × authority × rank support; up for an act done by the party asked about, down for an
    act of a person (主要负责人 …) when the question names none (the unit is then asked about)."""
    score = fit * _authority(choice.law) / (1 + RANK_DECAY * choice.rank)
    doing = parties_doing(choice.act, choice.article)
    if answers_for(choice.act, choice.article, analysis.asked.subjects):
        score *= 1 + PARTY_BOOST
    elif doing and not analysis.asked.subjects:
        score /= 1 + PARTY_BOOST
    return score


def _rank(chosen: list[Choice]) -> list[Choice]:
    """Best first; the general law gives way when a law of the same rank whose scope the question
    names is there (a 行政法规 never displaces a 法律)."""
    special = max((_authority(c.law) for c in chosen if c.scope), default=None)
    ranked = [replace(c, score=c.score * GIVES_WAY)
              if special is not None and not c.scope and _authority(c.law) <= special else c for c in chosen]
    return sorted(ranked, key=lambda c: c.score, reverse=True)


def _scoped(searcher, question: str, text: str, laws: set[str], fitter: ActFitter, analysis,
            rank: float) -> list[Choice]:
    """For each law of at least `rank` whose scope the question names but which no candidate came
    from, the best penalty of a search for the question inside that law: the law that displaces
    the general one for its own subject (安全生产法第二条), even where the hits did not reach it —
    only an act that a duty article found by that search restates."""
    named = [law for law, scope in searcher.citable
             if law.key not in laws and _authority(law) >= rank and scope.named_in(text)]
    found = []
    for law in named:
        source = f"检索{law.display_title}"
        found += [replace(c, source=source) for c in _rank(_restating(searcher, question, text, law, fitter, analysis))[:1]]
    return found


def _restating(searcher, question: str, text: str, law: Law, fitter: ActFitter, analysis) -> list[Choice]:
    """The candidates of a search for the question inside `law` whose act a duty article found by
    that search restates."""
    hits = searcher.search(question, SearchOptions(limit=CARD_HITS, law=law.title, kinds=("条文",))).hits
    candidates, duties = _candidates(searcher, hits)
    return [c for c in _judged(searcher, candidates, duties, fitter, text, analysis) if c.duty]


def _restated(searcher, question: str, text: str, best: Choice, fitter: ActFitter, analysis) -> Choice:
    """The best candidate; when no duty article among the hits restates it and its text names none,
    the act of the same article that a duty article found by searching inside its law restates
    best (the item that duty describes, and the duty the card then shows)."""
    if best.duty or cited_duties(best.article.text):
        return best
    same = [c for c in _restating(searcher, question, text, best.law, fitter, analysis) if c.article.id == best.article.id]
    if not same:
        return best
    found = max(same, key=lambda c: c.score)
    return replace(best, paragraph=found.paragraph, item=found.item, act=found.act, duty=found.duty,
                   elsewhere=found.elsewhere)


def _one_per_article(chosen: list[Choice], taken: set[int]) -> list[Choice]:
    kept = []
    for choice in chosen:
        if choice.article.id not in taken:
            taken.add(choice.article.id)
            kept.append(choice)
    return kept
