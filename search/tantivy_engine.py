"""The tantivy engine: BM25 over pre-segmented text (whitespace tokenizer, positions kept)."""

import atexit
import json
import math
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterable

import tantivy
from tantivy import Occur, Query

from search.engine import KEYWORD_FIELDS, TEXT_FIELDS, EngineHit, EngineQuery, IndexDoc

WRITER_HEAP = 256_000_000
KINDS_FILE = "kinds.json"       # kind → the number its documents hold in the fast field kind_no
VALUES_FILE = "values.json"     # field → value → documents, for the fields every document has one value of
COUNTED_FIELDS = ("kind", "status", "category")
# What each filter adds to the score of the documents it keeps. Filters were once clauses that
# scored 1 each, and re-ranking (search.query) was tuned on those scores: the constant damps the
# weights' effect on low BM25 scores, so it stays, now added after the search.
FILTER_SCORE = 1.0


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    for name in TEXT_FIELDS:
        builder.add_text_field(name, stored=False, tokenizer_name="whitespace", index_option="position")
    for name in KEYWORD_FIELDS:
        builder.add_text_field(name, stored=True, tokenizer_name="raw")
    builder.add_integer_field("doc_id", stored=True, indexed=True, fast=True)
    builder.add_integer_field("kind_no", stored=False, indexed=False, fast=True)
    builder.add_integer_field("version", stored=False, indexed=True, fast=True)
    return builder.build()


class TantivyEngine:
    """Build and query a tantivy index in one directory."""

    def __init__(self, index: tantivy.Index | None = None, kinds: list[str] | None = None,
                 values: dict[str, dict[str, int]] | None = None):
        self.schema = index.schema if index else _schema()
        self.index = index
        self.searcher = index.searcher() if index else None
        self.kinds = kinds or []
        self.values = values or {}

    def build(self, directory: Path, docs: Iterable[IndexDoc]) -> int:
        """Write a new index of `docs` into `directory`; return the document count."""
        index = tantivy.Index(self.schema, path=str(directory))
        # One writer thread: one segment, in the order the documents come, so the same corpus gives
        # the same index and equal scores the same order (two threads wrote two segments whose doc
        # order varied between builds: STARD R@1 moved ±0.003 on unchanged code); a query over one
        # segment is also about 1 ms faster, for 0.8 s more per build (bench/README.md, round 9).
        writer = index.writer(heap_size=WRITER_HEAP, num_threads=1)
        count, kinds = 0, {}
        values: dict[str, dict[str, int]] = {name: {} for name in COUNTED_FIELDS}
        try:
            for doc in docs:
                for name, counts in values.items():
                    value = getattr(doc, name)
                    counts[value] = counts.get(value, 0) + 1
                writer.add_document(tantivy.Document(
                    doc_id=doc.doc_id, kind_no=kinds.setdefault(doc.kind, len(kinds)), kind=doc.kind, title=doc.title, chapter=doc.chapter,
                    body=doc.body, category=doc.category, status=doc.status,
                    region=doc.region, law_key=doc.law_key, section=doc.section, version=doc.version))
                count += 1
            writer.commit()
            (directory / KINDS_FILE).write_text(json.dumps(list(kinds), ensure_ascii=False), encoding="utf-8")
            counted = {name: counts for name, counts in values.items() if "" not in counts}
            (directory / VALUES_FILE).write_text(json.dumps(counted, ensure_ascii=False), encoding="utf-8")
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.wait_merging_threads()
        return count

    def open(self, directory: Path) -> "TantivyEngine":
        """Return a reader for the index in `directory`. Tantivy must write a lock file even to
        read, so an index in a directory that cannot be written (a read-only data directory) is
        read from a temporary copy, removed when the process ends."""
        kinds = json.loads((directory / KINDS_FILE).read_text(encoding="utf-8"))
        values = _counted_values(directory / VALUES_FILE)
        try:
            return TantivyEngine(tantivy.Index.open(str(directory)), kinds, values)
        except ValueError:
            if os.access(directory, os.W_OK) and not _read_only_mount(directory):
                raise
        copy = Path(tempfile.mkdtemp(prefix="fazhi-index-"))
        atexit.register(shutil.rmtree, copy, True)
        shutil.copytree(directory, copy, dirs_exist_ok=True)
        return TantivyEngine(tantivy.Index.open(str(copy)), kinds, values)

    def search(self, query: EngineQuery, limit: int) -> list[EngineHit]:
        """Return up to `limit` hits for `query`, best first."""
        found = self.searcher.search(self._query(query), limit).hits
        addresses = [address for _, address in found]
        ids = self.searcher.fast_field_values("doc_id", addresses)
        kinds = self.searcher.fast_field_values("kind_no", addresses)
        shift = FILTER_SCORE * len(query.must)
        return [EngineHit(kind=self.kinds[kind], doc_id=doc_id, score=score + shift)
                for (score, _), doc_id, kind in zip(found, ids, kinds)]

    def idf(self, token: str) -> float:
        """Return how rare a body token is: log(1 + documents / (documents holding it + 1))."""
        return math.log(1 + self.searcher.num_docs / (self.searcher.doc_freq("body", token) + 1))

    def holds(self, token: str) -> bool:
        """Whether any document's body holds the token."""
        return self.searcher.doc_freq("body", token) > 0

    def _query(self, query: EngineQuery) -> Query:
        should = [(Occur.Should, Query.boost_query(Query.term_query(self.schema, name, term), boost))
                  for name, terms in query.terms.items() for term, boost in terms.items()]
        clauses = [(Occur.Must, Query.boolean_query(should))] if should else []
        for phrase in query.phrases:
            clauses.append((Occur.Must, self._phrase(phrase)))
        for name, values in query.must.items():
            clauses += self._filter(name, values)
        for name, (values, score) in query.bonus.items():
            clauses.append((Occur.Should, self._any_of(name, values, score)))
        if query.version_from or query.version_to:
            clauses.append((Occur.Must, Query.range_query(
                self.schema, "version", tantivy.FieldType.Integer,
                query.version_from or 0, query.version_to or 99991231)))
        if not should and not query.phrases:
            clauses.append((Occur.Must, Query.all_query()))
        return Query.boolean_query(clauses)

    def _filter(self, name: str, values: list[str]) -> list[tuple[Occur, Query]]:
        """The clauses that keep the documents whose field `name` holds one of `values`, scoring
        nothing. For a field every document has one value of, the fewer documents are named: none
        when all are kept (every document is a 条文), else those to leave out when they are fewer
        (MustNot 已被修订 instead of Must 现行有效: a filter that keeps 95 % of the corpus made the
        engine visit its postings for every matching document, 0.9 ms a pass; bench/README.md)."""
        counts = self.values.get(name)
        if counts is None:
            return [(Occur.Must, self._any_of(name, values, 0.0))]
        others = [value for value in counts if value not in values]
        if not others:
            return []
        if sum(counts[value] for value in others) < sum(counts.get(value, 0) for value in values):
            return [(Occur.MustNot, self._any_of(name, others, 0.0))]
        return [(Occur.Must, self._any_of(name, values, 0.0))]

    def _any_of(self, name: str, values: list[str], score: float) -> Query:
        """Documents whose keyword field `name` holds one of `values`, each scored `score`. A union
        of term queries, not a term-set query: that one fills a bit set of every matching document
        before intersecting, 1.6 ms a filter on the whole corpus (search.query filters every pass
        by kind and status), where the postings of a term are skipped through (bench/README.md)."""
        terms = [Query.term_query(self.schema, name, value) for value in values]
        union = terms[0] if len(terms) == 1 else Query.boolean_query([(Occur.Should, t) for t in terms])
        return Query.const_score_query(union, score)

    def _phrase(self, tokens: list[str]) -> Query:
        if len(tokens) == 1:
            return Query.term_query(self.schema, "body", tokens[0])
        return Query.phrase_query(self.schema, "body", tokens)


def _counted_values(path: Path) -> dict[str, dict[str, int]]:
    """The value counts of an index; none (plain filters, the same hits) when the file is absent, as
    in an index written before they were counted, or cannot be read: they only make filters cheaper."""
    try:
        counted = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return counted if isinstance(counted, dict) else {}


def _read_only_mount(directory: Path) -> bool:
    return bool(os.statvfs(directory).f_flag & os.ST_RDONLY)
