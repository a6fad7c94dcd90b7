"""Query understanding and the search API the CLI and the web layer call.

A query goes through: quoted phrases (must appear literally) → citations (jump straight to the
article) → analysis (whole words over sub-words, lay-to-legal synonyms, a law the query names,
whether it asks about punishment) → weighted BM25 over chapter, body and learned terms, plus a
second pass inside the named law and the laws users consult most → re-ranking of the candidates by
level of authority, version status, the 法律责任 chapter for punishment questions and how often
users chose the article, its chapter and its law for earlier questions (search.learning).

`SearchOptions(plain=True)` turns all query understanding off (plain tokens, BM25 on the text,
no re-ranking): the baseline the benchmark compares against.
"""

import math
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from kb.citations import Citation, parse_citations, resolve_law_name
from kb.models import CURRENT, Article, Law
from kb.store import Store
from search import knowledge, learning, lexicon, segment, snippets
from search.engine import EngineHit, EngineQuery
from search.index import current_index_dir
from search.knowledge import KnowledgeIndex
from search.tantivy_engine import TantivyEngine

# Tuned on the tuning part of STARD train (see bench/README.md); the held-out part is never used.
FIELD_WEIGHTS = {"body": 1.0, "chapter": 0.3, "learned": 1.2}   # title BM25 hurt: whole laws float up
SUBWORD_WEIGHT = 0.5            # a sub-word cut_for_search adds inside a longer query word
SYNONYM_WEIGHT = 0.5            # a legal term the lay-to-legal dictionary added
LAW_MENTION_BOOST = 4.0         # articles of a law the query names
PENALTY_CHAPTER_BOOST = 1.3     # articles of a 法律责任/罚则 chapter, for questions about punishment
PENALTY_RE = re.compile(r"罚|处分|判刑|判几年|坐牢|拘留|吊销|刑事责任|法律责任|追究|处理")
PENALTY_CHAPTERS = ("法律责任", "罚则")
CATEGORY_WEIGHTS = {"法律": 1.0, "宪法": 0.9, "行政法规": 0.8, "司法解释": 0.85, "部门规章": 0.7,
                    "地方性法规": 0.45, "地方政府规章": 0.4, "案例": 0.4, "其他": 0.4}
SUPERSEDED_WEIGHT = 0.7
PRIOR_WEIGHT = 0.25             # per log1p of the recorded questions that led to the article
CHAPTER_PRIOR_WEIGHT = 0.2      # … to its chapter
LAW_PRIOR_WEIGHT = 0.1          # … to its law
CONSULTED_LAWS = 10             # the laws most often consulted are also searched on their own
CANDIDATES = 200
QUOTE_RE = re.compile(r"[\"“”「『]([^\"“”「」『』]+)[\"“”」』]")
STATUSES = {"current": (CURRENT,), "all": ()}


class QueryError(ValueError):
    """The query cannot be run; the message tells the user how to fix it."""


class IndexMissing(RuntimeError):
    """No index was built yet in this data directory."""


@dataclass
class SearchOptions:
    """Filters and size of one search."""

    limit: int = 10
    categories: tuple[str, ...] = ()
    law: str | None = None
    status: str = "current"         # current | all
    date_from: date | None = None
    date_to: date | None = None
    kinds: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    plain: bool = False             # benchmark baseline: plain BM25 on the text, no query understanding


@dataclass
class Hit:
    """One result as shown to the user and printed by --json."""

    kind: str
    title: str
    file: str
    version: str | None
    article: str
    number: int | None
    category: str
    status: str
    score: float
    text: str
    chapter: str = ""
    part: str = ""
    region: str = ""
    snippet: str = ""
    terms: list[str] = field(default_factory=list)
    doc_id: int = 0
    law_id: int = 0

    def to_json(self) -> dict:
        """Return the hit as a JSON-ready dict."""
        return asdict(self)


@dataclass
class SearchResult:
    """Hits of a query; `jumped` is true when a citation led straight to its article."""

    query: str
    hits: list[Hit]
    jumped: bool = False
    notes: list[str] = field(default_factory=list)


@dataclass
class Analysis:
    """What query understanding made of the free text of a query."""

    weights: dict[str, float]       # query token → weight (words, sub-words, synonym terms)
    terms: list[str]                # words to mark in snippets
    law_key: str | None = None      # a law named in the query
    penalty: bool = False           # the question asks about punishment


class Searcher:
    """Answer queries from the live index of one data directory."""

    def __init__(self, store: Store, data: Path, engine=None):
        directory = current_index_dir(data)
        if directory is None:
            raise IndexMissing("该数据目录还没有索引：请先运行 fazhi import 导入法规")
        self.store = store
        self.engine = (engine or TantivyEngine()).open(directory)
        self.laws = {law.id: law for law in store.laws()}
        self.names = _law_names(self.laws.values())
        self.priors = learning.priors(store)
        self.law_weights = {law.id: self._law_weight(law) for law in self.laws.values()}
        self.names_by_start = _names_by_start(self.names)
        self.knowledge = KnowledgeIndex(store)

    # -- public API --------------------------------------------------------------------------

    def search(self, query: str, options: SearchOptions | None = None) -> SearchResult:
        """Run a query: a citation jumps to its article, anything else is ranked full-text search."""
        options = options or SearchOptions()
        text = segment.normalize(query).strip()
        if not text:
            raise QueryError("查询为空：请输入问题、关键词或条文引用（如“安全生产法第九十七条”）")
        citations = [] if options.plain else self._resolved_citations(text)
        if citations:
            hits = self._citation_hits(citations, options)
            if hits:
                return SearchResult(query, hits[:options.limit], jumped=True)
        return self._full_text(query, text, options)

    def show(self, citation: str, version: date | None = None) -> tuple[Law, Article]:
        """Return the law version and article a citation names; raise QueryError if there is none."""
        resolved = self._resolved_citations(segment.normalize(citation))
        if not resolved:
            raise QueryError(f"无法识别条文引用“{citation}”：请写成“安全生产法第九十七条”或“《行政处罚法》第五十八条”")
        name, cited = resolved[0]
        found = self.store.find_article(name, cited.number, cited.suffix, version)
        if not found:
            raise QueryError(f"《{name}》中没有{_label(cited)}")
        return found

    def law(self, law_id: int) -> Law:
        """Return a law version known to this searcher."""
        return self.laws[law_id]

    def analyze(self, free: str, plain: bool = False) -> Analysis:
        """Return the weighted tokens and signals of a query's free text (quoted phrases removed)."""
        words = segment.words(free)
        if plain:
            return Analysis({t: 1.0 for t in segment.tokens(free)}, words)
        weights = {t: 1.0 if t in words else SUBWORD_WEIGHT for t in segment.tokens(free)}
        legal = lexicon.expand(free, words)
        for term in legal:
            whole = segment.words(term)
            for token in segment.tokens(term):
                weight = SYNONYM_WEIGHT * (1.0 if token in whole else SUBWORD_WEIGHT)
                weights[token] = max(weights.get(token, 0.0), weight)
        return Analysis(weights, list(dict.fromkeys(words + legal)), self._mentioned_law(free),
                        bool(PENALTY_RE.search(free)))

    # -- citations ---------------------------------------------------------------------------

    def _resolved_citations(self, text: str) -> list[tuple[str, Citation]]:
        found, last_law = [], None
        for citation in parse_citations(text):
            name = resolve_law_name(citation.law, self.names.__contains__) if citation.law else None
            name = name or (last_law if citation.refers_to_context else None)
            if name:
                found.append((name, citation))
                last_law = name
        return found

    def _citation_hits(self, citations, options: SearchOptions) -> list[Hit]:
        hits = []
        for name, citation in citations:
            for law in self._versions(self.names[name], options):
                row = self.store.db.execute(
                    "SELECT id FROM articles WHERE law_id = ? AND number = ? AND suffix = ?",
                    (law.id, citation.number, citation.suffix)).fetchone()
                if row:
                    hits.append(self._article_hit(self.store.article(row[0]), 1.0, []))
        return hits

    def _versions(self, key: str, options: SearchOptions) -> list[Law]:
        laws = [law for law in self.laws.values() if law.key == key]
        wanted = STATUSES.get(options.status, ())
        chosen = [law for law in laws if not wanted or law.status in wanted]
        return sorted(chosen, key=lambda law: law.version or date.min, reverse=True)

    # -- full text ---------------------------------------------------------------------------

    def _full_text(self, query: str, text: str, options: SearchOptions) -> SearchResult:
        phrases = [segment.normalize(p) for p in QUOTE_RE.findall(text)]
        free = QUOTE_RE.sub(" ", text)
        analysis = self.analyze(free, options.plain)
        required = [t for phrase in phrases for t in segment.tokens(phrase)]
        if not analysis.weights and not required:
            raise QueryError(f"“{query}”中没有可检索的词：请换用具体的词语，或用引号检索短语")
        weights = analysis.weights | {t: 1.0 for t in required}
        engine_query = EngineQuery(terms=self._engine_terms(weights, options.plain),
                                   phrases=[[t] for t in required],
                                   must=self._filters(options),
                                   version_from=_yyyymmdd(options.date_from),
                                   version_to=_yyyymmdd(options.date_to))
        want = max(CANDIDATES, options.limit * 3) * (5 if phrases else 1)
        candidates = self.engine.search(engine_query, want)
        if not options.plain:
            candidates = self._with_preferred_laws(candidates, engine_query, analysis, want)
            candidates = self._rerank(candidates, analysis)
        terms = analysis.terms + phrases
        hits = []
        for candidate in candidates:
            hit = self._load(candidate.kind, candidate.doc_id, candidate.score, terms)
            if hit and all(p in segment.normalize(hit.text) for p in phrases):
                hits.append(hit)
                if len(hits) == options.limit:
                    break
        return SearchResult(query, hits)

    def _with_preferred_laws(self, candidates: list[EngineHit], engine_query: EngineQuery,
                             analysis: Analysis, want: int) -> list[EngineHit]:
        """Add the best matches inside the law the query names and the laws users consulted
        most (from the usage log), so re-ranking can reach articles the first pass ranked low."""
        preferred = [key for key, _ in self.priors.laws.most_common(CONSULTED_LAWS)]
        if analysis.law_key:
            preferred.append(analysis.law_key)
        if not preferred or "law_key" in engine_query.must:
            return candidates
        inside = EngineQuery(engine_query.terms, engine_query.phrases,
                             engine_query.must | {"law_key": preferred},
                             engine_query.version_from, engine_query.version_to)
        merged = {(c.kind, c.doc_id): c for c in self.engine.search(inside, min(want, CANDIDATES))}
        merged.update({(c.kind, c.doc_id): c for c in candidates})
        return list(merged.values())

    def _engine_terms(self, weights: dict[str, float], plain: bool) -> dict[str, dict[str, float]]:
        if plain:
            return {"body": dict(weights)}
        return {name: {token: weight * field_weight for token, weight in weights.items()}
                for name, field_weight in FIELD_WEIGHTS.items()}

    def _rerank(self, candidates: list[EngineHit], analysis: Analysis) -> list[EngineHit]:
        """Multiply engine scores by the article's authority, status, chapter and usage priors."""
        ids = [c.doc_id for c in candidates if c.kind == "条文"]
        rows = self.store.db.execute(
            f"SELECT id, law_id, chapter FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids)
        weights = {row[0]: self._article_weight(row[0], self.laws[row[1]], row[2], analysis) for row in rows}
        rescored = [EngineHit(c.kind, c.doc_id, c.score * weights.get(c.doc_id, 1.0)) if c.kind == "条文"
                    else c for c in candidates]
        return sorted(rescored, key=lambda c: c.score, reverse=True)

    def _law_weight(self, law: Law) -> float:
        """The part of an article's weight its law decides: authority, status and usage."""
        weight = CATEGORY_WEIGHTS.get(law.category, 0.5) * (1 if law.status == CURRENT else SUPERSEDED_WEIGHT)
        return weight * (1 + LAW_PRIOR_WEIGHT * math.log1p(self.priors.laws.get(law.key, 0)))

    def _article_weight(self, article_id: int, law: Law, chapter: str, analysis: Analysis) -> float:
        weight = self.law_weights[law.id]
        if self.priors.chapters:
            weight *= (1 + PRIOR_WEIGHT * math.log1p(self.priors.articles.get(article_id, 0))
                       + CHAPTER_PRIOR_WEIGHT * math.log1p(self.priors.chapters.get((law.key, chapter), 0)))
        if analysis.law_key and law.key == analysis.law_key:
            weight *= LAW_MENTION_BOOST
        if analysis.penalty and any(name in chapter for name in PENALTY_CHAPTERS):
            weight *= PENALTY_CHAPTER_BOOST
        return weight

    def _mentioned_law(self, text: str) -> str | None:
        """The key of the law whose name (3+ characters) the text mentions; the longest name wins."""
        best = ""
        for start, char in enumerate(text):
            for name in self.names_by_start.get(char, ()):
                if len(name) > len(best) and text.startswith(name, start):
                    best = name
        return self.names[best] if best else None

    def _filters(self, options: SearchOptions) -> dict[str, list[str]]:
        must = {}
        if options.kinds:
            must["kind"] = list(options.kinds)
        if options.categories:
            must["category"] = list(options.categories)
        if options.regions:
            must["region"] = list(options.regions)
        if STATUSES.get(options.status):
            must["status"] = list(STATUSES[options.status])
        elif options.status not in STATUSES:
            raise QueryError(f"状态只能是 current（现行有效）或 all（全部版本），而不是“{options.status}”")
        if options.law:
            key = self.names.get(segment.normalize(options.law).strip("《》 "))
            if not key:
                raise QueryError(f"知识库中没有名为《{options.law}》的法规")
            must["law_key"] = [key]
        return must

    # -- hits --------------------------------------------------------------------------------

    def _load(self, kind: str, doc_id: int, score: float, terms: list[str]) -> Hit | None:
        """Turn one ranked document of any kind into a Hit (None when it no longer exists)."""
        if kind != "条文":
            return self._knowledge_hit(kind, doc_id, score, terms)
        article = self.store.article(doc_id)
        return self._article_hit(article, score, terms) if article else None

    def _knowledge_hit(self, kind: str, doc_id: int, score: float, terms: list[str]) -> Hit | None:
        found = self.knowledge.find(kind, doc_id)
        if not found:
            return None
        return Hit(kind=kind, title=found.title, file=found.source, version=found.version,
                   article=found.label, number=None, category=kind, status=CURRENT,
                   score=round(score, 4), text=found.text, region=found.region,
                   snippet=knowledge.snippet(found, terms), terms=terms, doc_id=doc_id)

    def _article_hit(self, article: Article, score: float, terms: list[str]) -> Hit:
        law = self.laws[article.law_id]
        return Hit(kind="条文", title=law.title, file=law.file,
                   version=law.version.isoformat() if law.version else None,
                   article=article.label, number=article.number, category=law.category,
                   status=law.status, score=round(score, 4), text=article.text,
                   chapter=article.chapter, part=law.part, region=law.region,
                   snippet=snippets.best_window(article.text, terms), terms=terms,
                   doc_id=article.id, law_id=law.id)


def _law_names(laws) -> dict[str, str]:
    """Every name a law may be cited by → its key; national laws win over same-named others."""
    names: dict[str, str] = {}
    for law in sorted(laws, key=lambda law: not law.is_national):
        for name in {law.title, law.short_title, law.title + law.part, law.short_title + law.part}:
            names.setdefault(segment.normalize(name), law.key)
    return names


def _names_by_start(names: dict[str, str]) -> dict[str, list[str]]:
    """Law names of 3+ characters grouped by their first character, to find mentions quickly."""
    grouped: dict[str, list[str]] = {}
    for name in names:
        if len(name) >= 3:
            grouped.setdefault(name[0], []).append(name)
    return grouped


def _label(citation: Citation) -> str:
    from kb.numerals import article_label
    return article_label(citation.number, citation.suffix)


def _yyyymmdd(value: date | None) -> int:
    return int(value.strftime("%Y%m%d")) if value else 0
