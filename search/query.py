"""Query understanding and the search API the CLI and the web layer call.

A query goes through: quoted phrases (must appear literally, unless no result has them) →
citations (jump straight to the article) → analysis (whole words over sub-words, lay-to-legal
synonyms — also a lay phrase said in pieces, search.lay_terms —, a law the query names, whether it
asks about punishment) → weighted BM25 over chapter
and body (the body holds the words of the questions users chose the article for), plus a second
pass inside the named law → re-ranking of the candidates by level of authority, version status,
the 法律责任 chapter for questions about punishment or describing a violation, the penalty article
a dictionary line of the question's lay words was written from (search.line_sources), the laws whose
subject the question names (search.intent), how often users chose the article, its chapter and
its law for earlier questions, which chapters and laws users chose for the recorded questions most
like this one (search.votes), and the evidence of the article's own passages — lead sentence, best
款/项, whole text (search.passages) — with the wording of the kind of answer asked (search.answers),
the question's neighbouring words side by side (search.adjacent) and the party asked about;
below the first ten, the articles of the law most of the best hits come from (search.leading_law)
and those next to the best hits in their chapter (search.nearby).

`SearchOptions(plain=True)` turns all query understanding off (plain tokens, BM25 on the text,
no re-ranking): the baseline the benchmark compares against.
"""

import math
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date
from pathlib import Path

from kb.models import CURRENT, Article, Law
from kb.numerals import article_label
from kb.store import Store
from search import (adjacent, answers, card_laws, citation_hits, citing, domain, intent, lay_terms, leading_law,
                    learning, limits, names, nearby, open_cache, passages, place_table, segment)
from search.article_cache import ArticleCache, Prepared
from search.candidates import national_first
from search.engine import EngineHit, EngineQuery
from search.hits import Hit, HitMaker
from search.law_articles import LawArticles, is_penalty
from search.line_sources import LineSources
from search.lru import LRU
from search.options import (QUOTE_RE, STATUSES, QueryError, SearchOptions, SearchResult, day_number,
                            engine_filters, free_text)
from search.index import PENALTY_CHAPTERS, PENALTY_SECTION, QUESTIONS, IndexMissing, live_index_dir
from search.tantivy_engine import TantivyEngine
from search.votes import Votes, neighbour_votes, with_article_votes

# Tuned on the tuning part of STARD train (see bench/README.md); the held-out part is never used.
FIELD_WEIGHTS = {"body": 1.0, "chapter": 0.3}   # title BM25 hurt: whole laws float up
LAW_MENTION_BOOST = 4.0         # articles of a law the query names
PENALTY_CHAPTER_BOOST = 1.3     # articles of a 法律责任/罚则 chapter, for questions about punishment
ITEM_FOCUS = 2.0                # … times the share of the query's weight one act (项) of it describes
VIOLATION_CHAPTER_BOOST = 1.3   # articles of a penalty chapter, for questions that describe a violation
OTHER_QUESTION_WEIGHT = 0.8   # … for questions neither about punishment nor describing a violation
ROUTE_BOOST = 2.0               # articles of a law whose subject the question names (intent.route)
ROUTED_LAWS = 3                 # … of which this many are also searched on their own
LEAD_WEIGHT = 0.5               # per share of the question's weight in the article's lead sentence
PASSAGE_WEIGHT = 0.7            # … in its best passage (款, or 项 with its opening words)
WHOLE_WEIGHT = 0.3              # … anywhere in the article
CUE_BOOST = 0.2                 # the article has the wording of the kind of answer asked (期限 → 日内)
PAIR_WEIGHT = 0.5               # per share of the question's neighbouring word pairs the article holds
SUBJECT_BOOST = 0.1             # its lead sentence names the party the question is about
DENIED_WEIGHT = 0.3             # a remedy the question says its case goes without (不走复议: 复议)
NAMED_WEIGHT = 0.3              # a word of the name of a law the question names or routes to: the
                                # law boost stands for it, its articles need not repeat it
BUREAU_BOOST = 0.21             # articles of a law of the bureau's own work (search.domain)
SCOPE_BOOST = 0.7               # … whose own scope the question names (search.domain)
CITED_WEIGHT = 0.3              # a penalty article a line of the question's lay words was written from,
                                # for a question about a violation (search.line_sources)
LINED_LAWS = 3                  # laws of the lines of the question's lay phrases, searched on their own
LINED_SHARE = 0.6               # … and below the first ten weighing as if they held this share of the
                                # best hits (search.leading_law)
SCOPE_VIOLATION_BOOST = 0.3     # … for a question about a violation (the card reads the scopes too)
COVERED = 60                    # candidates whose passages are looked at (100: the same figures, +1 ms)
PENALTY_RE = intent.PENALTY_RE
CATEGORY_WEIGHTS = {"法律": 1.0, "宪法": 0.9, "行政法规": 0.8, "司法解释": 0.7, "部门规章": 0.7,
                    "地方性法规": 0.45, "地方政府规章": 0.4, "案例": 0.4, "其他": 0.4}
SUPERSEDED_WEIGHT = 0.7
PRIOR_WEIGHT = 0.05             # per log1p of the recorded questions that led to the article
CHAPTER_PRIOR_WEIGHT = 0.05     # … to its chapter
LAW_PRIOR_WEIGHT = 0.05         # … to its law
NEIGHBOUR_CHAPTER_WEIGHT = 0.3  # per share of their votes that went to the article's chapter
NEIGHBOUR_LAW_WEIGHT = 0.05     # … to its law
NEIGHBOUR_LAWS = 5              # the laws with most votes are also searched on their own
CANDIDATES = 200                # engine candidates re-ranked, at least
POOL_PER_HIT = 4                # … and this many per hit asked for (100 hits: 400; 3 gave STARD R@100 −0.002)
ANALYSES = 64                   # analyses of the latest queries kept per searcher


@dataclass
class Analysis:
    """What query understanding made of the free text of a query."""

    weights: dict[str, float]       # query token → weight (words, sub-words, synonym terms)
    terms: list[str]                # words to mark in snippets
    law_key: str | None = None      # a law named in the query
    penalty: bool = False           # the question asks about punishment
    asked: intent.Intent = field(default_factory=intent.Intent)
    pairs: list[str] = field(default_factory=list)   # neighbouring words of the question (search.adjacent)
    scoped: list[str] = field(default_factory=list)  # keys of the bureau's laws whose scope it names
    unsaid: list[str] = field(default_factory=list)  # tokens of lay words said only by their legal terms
    pieced: list[str] = field(default_factory=list)  # tokens only a lay phrase said in pieces added
    cited: list[str] = field(default_factory=list)   # articles the dictionary lines of its lay words cite
    lined: list[str] = field(default_factory=list)   # keys of the laws of the lines of its lay phrases


class Searcher:
    """Answer queries from the live index of one data directory."""

    def __init__(self, store: Store, data: Path, engine=None):
        directory = live_index_dir(data)
        self.store = store
        engine = engine or TantivyEngine()
        try:
            self.engine = engine.open(directory)
            self.questions = engine.open(directory / QUESTIONS) if (directory / QUESTIONS).is_dir() else None
        except (OSError, ValueError):
            raise IndexMissing("索引已损坏：请运行 fazhi learn 重建索引（无需重新导入）") from None
        self.laws = {law.id: law for law in store.laws()}
        self.versions: dict[str, list[int]] = {}         # law key → the ids of its versions
        for law in self.laws.values():
            self.versions.setdefault(law.key, []).append(law.id)
        self.names, self.routes = open_cache.law_tables(directory, self.laws.values())
        self.priors = learning.priors(store)
        self.chosen = learning.past_questions(store)
        self.names_by_start = names.names_by_start(self.names)
        self.articles = ArticleCache(store, table=place_table.read(directory))
        self.directory = directory
        self.law_articles = LawArticles(store)
        self.hits = HitMaker(store, self.laws, self.articles)
        self.titles = {law.key: law.short_title for law in self.laws.values()}
        self.parts = names.code_parts(self.laws.values())        # a code's title → the keys of its parts
        self.titles.update({code: self.titles[keys[0]] for code, keys in self.parts.items()})
        self.bureau = domain.bureau_keys(self.names)
        self.scopes = domain.scope_keys(self.names)
        self._standings: dict[tuple[int, str], tuple[str, float, bool]] = {}
        self._analyses = LRU(ANALYSES)
        self.line_sources = LineSources(store, self.names)

    @cached_property
    def citing(self) -> citing.CitingTable:
        """The articles citing each article (search.citing), read on first use: a command that
        only shows an article does not read it."""
        return citing.read(self.directory)

    @cached_property
    def citable(self) -> list[tuple[Law, card_laws.Scope]]:
        """The laws of the store a penalty card may cite, with their scopes (search.card_laws);
        read on first use, once for this searcher's index."""
        return [(law, scope) for law in self.laws.values() if (scope := card_laws.scope_of(law))]

    # -- public API --------------------------------------------------------------------------

    def search(self, query: str, options: SearchOptions | None = None) -> SearchResult:
        """Run a query: a citation jumps to its article, anything else is ranked full-text search."""
        options = options or SearchOptions()
        if problem := limits.problem(query, options.limit):
            raise QueryError(problem)
        text = segment.normalize(query).strip()
        if not text:
            raise QueryError("查询为空：请输入问题、关键词或条文引用（如“安全生产法第九十七条”）")
        citations = [] if options.plain else citation_hits.resolved(text, self.names)
        if citations:
            statuses = STATUSES.get(options.status, ())
            hits = citation_hits.citation_hits(self.store, self.hits, [
                (citation_hits.newest_first([self.laws[law_id] for key in self.keys_of(self.names[name])
                                             for law_id in self.versions[key]], statuses), citation)
                for name, citation in citations])
            if hits:
                return SearchResult(query, hits[:options.limit], jumped=True)
        return self._full_text(query, text, options)

    def show(self, citation: str, version: date | None = None) -> tuple[Law, Article]:
        """Return the law version and article a citation names; raise QueryError if there is none."""
        resolved = citation_hits.resolved(segment.normalize(citation), self.names)
        if not resolved:
            raise QueryError(f"无法识别条文引用“{citation}”：请写成“安全生产法第九十七条”或“《行政处罚法》第五十八条”")
        name, cited = resolved[0]
        found = self.store.find_article(name, cited.number, cited.suffix, version)
        if not found:
            raise QueryError(f"《{name}》中没有{article_label(cited.number, cited.suffix)}")
        return found

    def analyze(self, free: str, plain: bool = False) -> Analysis:
        """Return the weighted tokens and signals of a query's free text (quoted phrases removed,
        see free_text); the last ANALYSES are kept, so the card reads what its search read."""
        found = self._analyses.get((free, plain))
        if found is None:
            found = self._analysis(free, plain)
            self._analyses.update({(free, plain): found})
        return found

    def _analysis(self, free: str, plain: bool) -> Analysis:
        words = segment.words(free)
        if plain:
            return Analysis({t: 1.0 for t in segment.tokens(free)}, words)
        weights = {t: 1.0 if t in words else lay_terms.SUBWORD_WEIGHT for t in segment.tokens(free)}
        lay = lay_terms.weigh(free, words, weights, self.engine.holds)
        law_key = names.mentioned(free, self.names, self.names_by_start)   # the longest name of 3+ characters
        normalized = segment.normalize(free)
        denied = domain.denied(normalized)
        asked = intent.read(normalized, self.routes, denied)
        asked.violation = asked.violation or intent.describes_violation(" ".join(lay.legal))
        for token in {token for word in denied for token in segment.tokens(word)} & weights.keys():
            weights[token] *= DENIED_WEIGHT
        for name in asked.named + ([self.titles[law_key]] if law_key else []):
            for token in segment.tokens(name):
                if token in weights:
                    weights[token] *= NAMED_WEIGHT
        return Analysis(weights, list(dict.fromkeys(words + lay.legal)), law_key,
                        intent.asks_punishment(normalized), asked, adjacent.pairs(free),
                        domain.scoped(normalized, self.scopes, denied), lay.unsaid, lay.pieced, lay.cited,
                        self.line_sources.law_keys(lay.phrased)[:LINED_LAWS])

    # -- full text ---------------------------------------------------------------------------

    def _full_text(self, query: str, text: str, options: SearchOptions) -> SearchResult:
        """Ranked search; quoted phrases must appear, unless no result has them (then a note says
        the results are without them)."""
        phrases = [segment.normalize(p) for p in QUOTE_RE.findall(text)]
        analysis = self.analyze(free_text(text), options.plain)
        if not analysis.weights and not any(segment.tokens(p) for p in phrases):
            raise QueryError(f"“{query}”中没有可检索的词：请换用具体的词语，或用引号检索短语")
        hits = self._ranked_hits(analysis, phrases, options, require=True)
        if hits or not phrases:
            return SearchResult(query, hits)
        hits = self._ranked_hits(analysis, phrases, options, require=False)
        quoted = "、".join(f"“{p}”" for p in phrases)
        notes = [f"没有结果含有{quoted}；以下结果不要求含有引号中的短语。"] if hits else []
        return SearchResult(query, hits, notes=notes)

    def _ranked_hits(self, analysis: Analysis, phrases: list[str], options: SearchOptions,
                     require: bool) -> list[Hit]:
        """The best `options.limit` hits: candidates from the engine, re-ranked unless plain; with
        `require`, only hits whose text holds every phrase."""
        phrase_tokens = [t for phrase in phrases for t in segment.tokens(phrase)]
        weights = analysis.weights | {t: 1.0 for t in phrase_tokens}
        required = phrases if require else []
        engine_query = EngineQuery(terms=self._engine_terms(weights, options.plain),
                                   phrases=[[t] for t in phrase_tokens] if require else [],
                                   must=engine_filters(options, self._law_keys),
                                   version_from=day_number(options.date_from),
                                   version_to=day_number(options.date_to))
        want = max(CANDIDATES, options.limit * POOL_PER_HIT) * (5 if required else 1)
        candidates = (self.engine.search(engine_query, want) if options.plain else
                      national_first(self.engine, engine_query, weights, want, self._categories))
        if not options.plain:
            votes = neighbour_votes(self.questions, self.chosen, self.laws, weights, engine_query)
            candidates = self._with_preferred_laws(candidates, engine_query, analysis, votes, want)
            candidates = with_article_votes(candidates, votes)
            candidates = self._rerank(candidates, analysis, votes, engine_query)
        terms = analysis.terms + phrases
        self.articles.prepared(c.doc_id for c in candidates[:options.limit] if c.kind == "条文")
        hits = []
        for candidate in candidates:
            hit = self.hits.load(candidate.kind, candidate.doc_id, candidate.score, terms)
            if hit and all(p in segment.normalize(hit.text) for p in required):
                hits.append(hit)
                if len(hits) == options.limit:
                    break
        return hits

    def _with_preferred_laws(self, candidates: list[EngineHit], engine_query: EngineQuery,
                             analysis: Analysis, votes: Votes, want: int) -> list[EngineHit]:
        """Add the best matches inside the law the query names, the laws whose subject or own scope
        it names and the laws the recorded questions most like this one led to (and, for questions
        about punishment, inside penalty chapters),
        so re-ranking can reach articles the first pass ranked low."""
        preferred = sorted(votes.laws, key=votes.laws.get, reverse=True)[:NEIGHBOUR_LAWS]
        preferred += analysis.asked.routed[:ROUTED_LAWS] + analysis.scoped + analysis.lined
        if analysis.law_key:
            preferred += self.keys_of(analysis.law_key)
        passes = []
        if preferred and "law_key" not in engine_query.must:
            passes.append({"law_key": list(dict.fromkeys(preferred))})
        if analysis.penalty or analysis.asked.violation:
            passes.append({"section": [PENALTY_SECTION]})
        merged = {}
        for narrowing in passes:
            inside = EngineQuery(engine_query.terms, engine_query.phrases, engine_query.must | narrowing,
                                 engine_query.version_from, engine_query.version_to)
            merged.update({(c.kind, c.doc_id): c for c in self.engine.search(inside, min(want, CANDIDATES))})
        merged.update({(c.kind, c.doc_id): c for c in candidates})
        return list(merged.values())

    def _engine_terms(self, weights: dict[str, float], plain: bool) -> dict[str, dict[str, float]]:
        if plain:
            return {"body": dict(weights)}
        return {name: {token: weight * field_weight for token, weight in weights.items()}
                for name, field_weight in FIELD_WEIGHTS.items()}

    def _rerank(self, candidates: list[EngineHit], analysis: Analysis, votes: Votes,
                engine_query: EngineQuery) -> list[EngineHit]:
        """Multiply engine scores by the article's authority, status, chapter, usage priors and the
        votes of similar recorded questions; then the COVERED best articles by the evidence of
        their passages (search.passages), the others by the least evidence any of those had; below
        the first ten, the leading laws, the neighbours and the citing articles of the best."""
        found = self.articles.places(c.doc_id for c in candidates if c.kind == "条文")
        places: dict[tuple[int, str], float] = {}
        weights = {}
        cited = self.line_sources.penalty_ids(analysis.cited) if analysis.penalty or analysis.asked.violation else set()
        for article_id, place in found.items():
            if place not in places:
                places[place] = self._place_weight(self.laws[place[0]], place[1], analysis, votes)
            weights[article_id] = places[place] * (
                1 + PRIOR_WEIGHT * math.log1p(self.priors.articles.get(article_id, 0))) * (
                1 + CITED_WEIGHT if article_id in cited else 1)
        scores = {c.doc_id: c.score * weights.get(c.doc_id, 1.0) for c in candidates if c.kind == "条文"}
        covered = sorted(scores, key=scores.get, reverse=True)[:COVERED]
        matcher = passages.Matcher({token: weight * self.engine.idf(token)
                                    for token, weight in analysis.weights.items()})
        evidence = {article_id: self._evidence(prepared, analysis, matcher)
                    for article_id, prepared in self.articles.prepared(covered).items()}
        least = min(evidence.values(), default=1.0)
        rescored = [EngineHit(c.kind, c.doc_id, scores[c.doc_id] * evidence.get(c.doc_id, least))
                    if c.kind == "条文" and c.doc_id in scores else c for c in candidates]
        lined = {law_id: LINED_SHARE for key in analysis.lined for law_id in self.versions.get(key, ())}
        ranked = leading_law.with_leading_laws(sorted(rescored, key=lambda c: c.score, reverse=True),
                                               {article_id: place[0] for article_id, place in found.items()}, lined)
        ranked = nearby.with_nearby(ranked, self.articles.nearby)
        return citing.with_citing(ranked, self.citing, self.articles, self.laws, engine_query)

    def _evidence(self, prepared: Prepared, analysis: Analysis, rarity: passages.Matcher) -> float:
        """The part of an article's weight its own text decides for this question: how much of the
        question its lead sentence, best passage and whole text hold, the wording of the kind of
        answer asked, the party asked about, and for punishment questions the act (项) described."""
        found = passages.coverage(prepared.passages, prepared.whole, rarity)
        weight = 1 + LEAD_WEIGHT * found.lead + PASSAGE_WEIGHT * found.best + WHOLE_WEIGHT * found.whole
        asked = analysis.asked
        weight *= (1 + CUE_BOOST) ** answers.answered(list(zip(asked.cues, asked.listed)),
                                                      prepared.article.paragraphs)
        weight *= 1 + PAIR_WEIGHT * adjacent.share(analysis.pairs, prepared.whole)
        if any(subject in prepared.passages[0] for subject in asked.subjects):
            weight *= 1 + SUBJECT_BOOST
        chapter = prepared.article.chapter
        if (analysis.penalty or asked.violation) and any(name in chapter for name in PENALTY_CHAPTERS):
            weight *= 1 + ITEM_FOCUS * passages.item_share(prepared.acts, rarity)
        elif not chapter and not asked.violation and not analysis.penalty \
                and is_penalty(prepared.article):       # a law without chapters: its text sets the penalty
            weight *= OTHER_QUESTION_WEIGHT
        return weight

    def _law_keys(self, name: str) -> list[str] | None:
        """The keys of the laws a name given as a filter stands for, or None for an unknown name."""
        key = self.names.get(segment.normalize(name).strip("《》 "))
        return self.keys_of(key) if key else None

    def keys_of(self, key: str) -> list[str]:
        """The keys of the laws a name's key stands for: the parts of a code named as a whole
        (民法典), else the key itself."""
        return self.parts.get(key, [key])

    def _categories(self, article_ids: list[int]) -> dict[int, str]:
        """The category of the law of each article id."""
        return {i: self.laws[place[0]].category for i, place in self.articles.places(article_ids).items()}

    def _law_weight(self, law: Law) -> float:
        """The part of an article's weight its law decides: authority, status and usage."""
        weight = CATEGORY_WEIGHTS.get(law.category, 0.5) * (1 if law.status == CURRENT else SUPERSEDED_WEIGHT)
        return weight * (1 + LAW_PRIOR_WEIGHT * math.log1p(self.priors.laws.get(law.key, 0)))

    def _place_weight(self, law: Law, chapter: str, analysis: Analysis, votes: Votes) -> float:
        """The part of an article's weight its law version and chapter decide, for this query."""
        key, weight, penalty_chapter = self._standing(law, chapter)
        weight *= ((1 + NEIGHBOUR_CHAPTER_WEIGHT * votes.chapters.get((key, chapter), 0.0))
                   * (1 + NEIGHBOUR_LAW_WEIGHT * votes.laws.get(key, 0.0)))
        if analysis.law_key and key in self.keys_of(analysis.law_key):
            weight *= LAW_MENTION_BOOST
        if key in analysis.asked.routed:
            weight *= ROUTE_BOOST
        if key in analysis.scoped:
            weight *= 1 + (SCOPE_VIOLATION_BOOST if analysis.penalty or analysis.asked.violation else SCOPE_BOOST)
        if penalty_chapter:
            if analysis.penalty:
                weight *= PENALTY_CHAPTER_BOOST
            elif analysis.asked.violation:
                weight *= VIOLATION_CHAPTER_BOOST
            else:
                weight *= OTHER_QUESTION_WEIGHT
        return weight

    def _standing(self, law: Law, chapter: str) -> tuple[str, float, bool]:
        """(law key, weight of authority, status, usage and the bureau's own work, whether a penalty
        chapter): what a law version and chapter weigh whatever the query, kept per searcher."""
        found = self._standings.get((law.id, chapter))
        if found is None:
            weight = (self._law_weight(law) * (1 + BUREAU_BOOST if law.key in self.bureau else 1)
                      * (1 + CHAPTER_PRIOR_WEIGHT * math.log1p(self.priors.chapters.get((law.key, chapter), 0))))
            found = self._standings[(law.id, chapter)] = (
                law.key, weight, any(name in chapter for name in PENALTY_CHAPTERS))
        return found
