"""Build the search index from the store: segment what is new, build beside the old index, swap.

Article tokens are cached in the table `article_tokens` (dropped with their article), so
re-importing one law segments only that law. Readers find the live index through the pointer
file `index.current`; a new index is complete on disk before the pointer moves, so an interrupted
build leaves the old index in use.
"""

import os
import shutil
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable, Iterable

from kb.models import Law
from kb.store import Store
from search import segment
from search.engine import Engine, IndexDoc
from search.tantivy_engine import TantivyEngine

POINTER = "index.current"
FORMAT_FILE = "format"
INDEX_FORMAT = "2"              # raise when the fields of index documents change
PENALTY_SECTION = "法律责任"
PENALTY_CHAPTERS = ("法律责任", "罚则")   # chapter names of the articles that set penalties
QUESTIONS = "questions"         # sub-directory of an index: the recorded questions, one document each
QUESTION = "问题"                # their kind
TOKENS_SCHEMA = """
CREATE TABLE IF NOT EXISTS article_tokens (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    tokens TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
CHUNK = 2000

# Extra documents (standard items, cases) come from providers registered by the composition root.
DocProvider = Callable[[Store], Iterable[IndexDoc]]


def current_index_dir(data: Path) -> Path | None:
    """Return the directory of the live index, or None when none was built yet."""
    pointer = data / POINTER
    if not pointer.exists():
        return None
    directory = data / pointer.read_text(encoding="utf-8").strip()
    return directory if directory.is_dir() else None


def is_current_format(directory: Path) -> bool:
    """Whether the index in `directory` was built with today's document fields."""
    marker = directory / FORMAT_FILE
    return marker.exists() and marker.read_text(encoding="utf-8").strip() == INDEX_FORMAT


def _segment_chunk(rows: list[tuple[int, str]]) -> list[tuple[int, str]]:
    return [(article_id, " ".join(segment.tokens(text))) for article_id, text in rows]


def ensure_tokens(store: Store, workers: int | None = None) -> int:
    """Segment every article that has no cached tokens yet (all of them when the dictionaries
    changed since the cache was made); return how many were segmented."""
    store.db.executescript(TOKENS_SCHEMA)
    _drop_stale_tokens(store)
    rows = store.db.execute(
        "SELECT id, paragraphs FROM articles"
        " WHERE id NOT IN (SELECT article_id FROM article_tokens)").fetchall()
    if not rows:
        return 0
    chunks = [[(r[0], r[1]) for r in rows[i:i + CHUNK]] for i in range(0, len(rows), CHUNK)]
    workers = workers or os.cpu_count() or 1
    if workers > 1 and len(chunks) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = pool.map(_segment_chunk, chunks)
            _save_tokens(store, results)
    else:
        _save_tokens(store, map(_segment_chunk, chunks))
    return len(rows)


def _drop_stale_tokens(store: Store) -> None:
    current = segment.fingerprint()
    row = store.db.execute("SELECT value FROM search_meta WHERE key = 'tokens'").fetchone()
    if row and row[0] == current:
        return
    with store.transaction() as db:
        db.execute("DELETE FROM article_tokens")
        db.execute("INSERT OR REPLACE INTO search_meta VALUES ('tokens', ?)", (current,))


def _save_tokens(store: Store, results: Iterable[list[tuple[int, str]]]) -> None:
    with store.transaction() as db:
        for result in results:
            db.executemany("INSERT OR REPLACE INTO article_tokens VALUES (?, ?)", result)


def article_docs(store: Store, learned: dict[int, str] | None = None) -> Iterable[IndexDoc]:
    """Yield one IndexDoc per article, from the cached tokens; an article's learned terms
    (article id → tokens) are appended to its body, so BM25 weighs them like its own words."""
    learned = learned or {}
    laws = {law.id: law for law in store.laws()}
    titles = {law.id: " ".join(segment.tokens(f"{law.title} {law.part}")) for law in laws.values()}
    chapters: dict[str, str] = {}
    rows = store.db.execute(
        "SELECT a.id, a.law_id, a.chapter, a.label, t.tokens FROM articles a"
        " JOIN article_tokens t ON t.article_id = a.id")
    for article_id, law_id, chapter, label, tokens in rows:
        law = laws[law_id]
        if chapter not in chapters:
            chapters[chapter] = " ".join(segment.tokens(chapter))
        yield IndexDoc(doc_id=article_id, kind="条文", title=titles[law_id],
                       chapter=chapters[chapter], body=f"{tokens} {learned.get(article_id, '')}".rstrip(),
                       category=law.category, status=law.status, region=law.region,
                       section=PENALTY_SECTION if any(n in chapter for n in PENALTY_CHAPTERS) else "",
                       law_key=law.key, version=_yyyymmdd(law))


def question_docs(questions: dict[int, str]) -> Iterable[IndexDoc]:
    """Yield one IndexDoc per recorded question (id → text), its tokens as the body (the
    questions are few and short: they are segmented at every build, not cached)."""
    for question_id, text in questions.items():
        yield IndexDoc(doc_id=question_id, kind=QUESTION, title="", chapter="",
                       body=" ".join(segment.tokens(text)))


def _yyyymmdd(law: Law) -> int:
    return int(law.version.strftime("%Y%m%d")) if law.version else 0


def build_index(store: Store, data: Path, engine: Engine | None = None,
                providers: Iterable[DocProvider] = (), learned: dict[int, str] | None = None,
                questions: dict[int, str] | None = None) -> dict:
    """Segment new articles, build a complete new index beside the live one and swap to it.

    `learned` adds usage terms to articles; `questions` (id → text of recorded questions) become a
    second index in the sub-directory QUESTIONS of the new index, where a query finds the recorded
    questions most like it.

    Returns figures of the build: documents, segmented articles and seconds taken.
    """
    started = time.perf_counter()
    engine = engine or TantivyEngine()
    segmented = ensure_tokens(store)
    target = Path(tempfile.mkdtemp(prefix=f"index-{time.strftime('%Y%m%d%H%M%S')}-", dir=data))
    name = target.name
    try:
        docs = list(article_docs(store, learned))
        for provider in providers:
            docs.extend(provider(store))
        count = engine.build(target, docs)
        (target / FORMAT_FILE).write_text(INDEX_FORMAT, encoding="utf-8")
        if questions:
            (target / QUESTIONS).mkdir()
            engine.build(target / QUESTIONS, question_docs(questions))
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    old = current_index_dir(data)
    temporary = data / (POINTER + ".tmp")
    temporary.write_text(name, encoding="utf-8")
    os.replace(temporary, data / POINTER)
    for stale in data.glob("index-*"):
        if stale.is_dir() and stale.name != name and stale != old:
            shutil.rmtree(stale, ignore_errors=True)
    if old and old.name != name:
        shutil.rmtree(old, ignore_errors=True)
    return {"documents": count, "segmented": segmented, "seconds": time.perf_counter() - started}
