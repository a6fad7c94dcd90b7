"""Build the search index from the store: segment what is new, build beside the old index, swap.

Article tokens are cached in the table `article_tokens` (dropped with their article, or when its
text changes), so re-importing one law segments only that law; they are written in short
transactions, one chunk at a time, so other writers never wait long. Readers find the live index
through the pointer file `index.current`; a new index is complete on disk before the pointer
moves, so an interrupted build (even kill -9) leaves the old index in use. Re-imports keep
article ids (kb.store), so the old index keeps answering with full-text hits while the store is
re-imported. The previous index stays on disk after a swap, so readers that still have it open
finish their queries; older ones are removed.

One build at a time per data directory: `build_index` holds the data-directory lock
(kb.lock), and segmentation workers end with the process that started them.

Sharing and living across re-imports: a `search.live.LiveSearcher` (what
`fazhi.composition.open_searcher` returns) may be shared by the threads of one process. Each
query checks the pointer file (one stat); after a swap the next query opens the new index and
the store's new laws, then serves from them. The index records the store revision it was built
from (`revision` file), so `index_lag` tells when the store holds more than the index.
"""

import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterable

from kb import workers as worker_pool
from kb.lock import data_lock
from kb.models import Law
from kb.store import Store
from search import citing, names, open_cache, place_table, segment
from search.engine import Engine, IndexDoc
from search.tantivy_engine import TantivyEngine

POINTER = "index.current"
FORMAT_FILE = "format"
REVISION_FILE = "revision"      # the store revision the index was built from
WORDS_FILE = "words"            # names the word table (search.word_table) the index was built with
INDEX_FORMAT = "3"              # raise when the fields of index documents change
PENALTY_SECTION = "法律责任"
PENALTY_CHAPTERS = ("法律责任", "罚则")   # chapter names of the articles that set penalties
QUESTIONS = "questions"         # sub-directory of an index: the recorded questions, one document each
QUESTION = "问题"                # their kind
TOKENS_SCHEMA = """
CREATE TABLE IF NOT EXISTS article_tokens (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    tokens TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS article_citations (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    cited TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS article_tokens_stale AFTER UPDATE OF paragraphs ON articles
    WHEN old.paragraphs IS NOT new.paragraphs
    BEGIN DELETE FROM article_tokens WHERE article_id = old.id; END;
CREATE TRIGGER IF NOT EXISTS article_citations_stale AFTER UPDATE OF paragraphs ON articles
    WHEN old.paragraphs IS NOT new.paragraphs
    BEGIN DELETE FROM article_citations WHERE article_id = old.id; END;
"""
TOKENS_VERSION = "+t3"          # raise when the cache's contents or invalidation change (t2: text-change
                                # trigger; t3: each article's citations, search.citing, cached beside its tokens)
CHUNK = 500                     # articles per worker task and per token write transaction


class IndexMissing(RuntimeError):
    """No usable index in this data directory; the message says which command builds one."""

# Extra documents (standard items, cases) come from providers registered by the composition root.
DocProvider = Callable[[Store], Iterable[IndexDoc]]


def current_index_dir(data: Path) -> Path | None:
    """Return the directory of the live index, or None when none was built yet."""
    try:
        name = (data / POINTER).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    directory = data / name
    return directory if name.startswith("index-") and "/" not in name and directory.is_dir() else None


def live_index_dir(data: Path) -> Path:
    """Return the directory of the live index; raise IndexMissing saying what to run when there
    is none, when the pointer or the directory is damaged, or when it is of an older format."""
    directory = current_index_dir(data)
    if directory is None:
        if (data / POINTER).exists():
            raise IndexMissing("索引已损坏或已被删除：请运行 fazhi learn 重建索引（无需重新导入）")
        raise IndexMissing("该数据目录还没有索引：请先运行 fazhi import 导入法规")
    if not is_current_format(directory):
        raise IndexMissing("索引由旧版本的 fazhi 建立：请运行 fazhi learn 重建索引（无需重新导入）")
    return directory


def index_word_table(directory: Path) -> Path | None:
    """The word table the index in `directory` was built with, or None (older index, or removed)."""
    try:
        name = (directory / WORDS_FILE).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    path = directory.parent / name
    return path if name.startswith(segment.WORD_TABLE_PREFIX) and "/" not in name and path.is_file() else None


def index_lag(store: Store, data: Path) -> int | None:
    """How many law writes the store has seen since the live index was built (0: up to date);
    None when there is no usable index."""
    directory = current_index_dir(data)
    if directory is None:
        return None
    try:
        built = int((directory / REVISION_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        built = 0
    return max(store.revision() - built, 0)


def is_current_format(directory: Path) -> bool:
    """Whether the index in `directory` was built with today's document fields."""
    try:
        return (directory / FORMAT_FILE).read_text(encoding="utf-8").strip() == INDEX_FORMAT
    except (OSError, UnicodeDecodeError):
        return False


def _segment_chunk(rows: list[tuple[int, str]]) -> list[tuple[int, str, str]]:
    return [(article_id, " ".join(segment.tokens(text)), citing.citations_of(text)) for article_id, text in rows]


def ensure_tokens(store: Store, workers: int | None = None) -> int:
    """Segment every article that has no cached tokens yet (all of them when the dictionaries
    changed since the cache was made), reading its citations in the same pass; return how many
    were segmented."""
    store.db.executescript(TOKENS_SCHEMA)
    _drop_stale_tokens(store)
    rows = store.db.execute(
        "SELECT id, paragraphs FROM articles"
        " WHERE id NOT IN (SELECT article_id FROM article_tokens)").fetchall()
    if not rows:
        return 0
    chunks = [[(r[0], r[1]) for r in rows[i:i + CHUNK]] for i in range(0, len(rows), CHUNK)]
    workers = workers or worker_pool.worker_count()
    if workers > 1 and len(chunks) > 1:
        with worker_pool.pool(workers) as executor:
            _save_tokens(store, executor.map(_segment_chunk, chunks))
    else:
        _save_tokens(store, map(_segment_chunk, chunks))
    return len(rows)


def _drop_stale_tokens(store: Store) -> None:
    current = segment.fingerprint() + TOKENS_VERSION
    row = store.db.execute("SELECT value FROM search_meta WHERE key = 'tokens'").fetchone()
    if row and row[0] == current:
        return
    with store.transaction() as db:
        db.execute("DELETE FROM article_tokens")
        db.execute("DELETE FROM article_citations")
        db.execute("INSERT OR REPLACE INTO search_meta VALUES ('tokens', ?)", (current,))


_SAVE = "INSERT OR REPLACE INTO {table} SELECT ?, ? WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?)"


def _save_tokens(store: Store, results: Iterable[list[tuple[int, str]]]) -> None:
    """Write each chunk's tokens and citations in its own short transaction (those of articles
    deleted meanwhile are dropped), so other writers wait for one chunk at most. An article that
    cites nothing has no row of citations: its tokens say it was read."""
    for result in results:
        with store.transaction() as db:
            db.executemany(_SAVE.format(table="article_tokens"),
                           [(article_id, tokens, article_id) for article_id, tokens, _ in result])
            db.executemany(_SAVE.format(table="article_citations"),
                           [(article_id, cited, article_id) for article_id, _, cited in result if cited != citing.NO_CITATIONS])


ArticleRow = tuple[int, int, int, str, int | None, int]    # id, law version id, position, chapter, number, suffix


def article_docs(store: Store, learned: dict[int, str] | None = None,
                 rows_seen: list[ArticleRow] | None = None) -> Iterable[IndexDoc]:
    """Yield one IndexDoc per article, from the cached tokens; an article's learned terms
    (article id → tokens) are appended to its body, so BM25 weighs them like its own words.
    `rows_seen`, when given, receives the ArticleRow of each article (for the tables written
    beside the index, so the build reads the articles once)."""
    learned = learned or {}
    laws = {law.id: law for law in store.laws()}
    titles = {law.id: " ".join(segment.tokens(f"{law.title} {law.part}")) for law in laws.values()}
    chapters: dict[str, str] = {}
    rows = store.db.execute(
        "SELECT a.id, a.law_id, a.position, a.chapter, a.number, a.suffix, t.tokens FROM articles a"
        " JOIN article_tokens t ON t.article_id = a.id")
    for article_id, law_id, position, chapter, number, suffix, tokens in rows:
        if rows_seen is not None:
            rows_seen.append((article_id, law_id, position, chapter, number, suffix))
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


def _write_citing(store: Store, target: Path, seen: list[ArticleRow]) -> None:
    """Write the citation links between articles (search.citing) into the new index."""
    laws = {law.id: law for law in store.laws()}
    law_names, _ = open_cache.law_tables(target, laws.values())
    rows = store.db.execute("SELECT c.article_id, a.law_id, c.cited FROM article_citations c"
                            " JOIN articles a ON a.id = c.article_id")
    citing.write(target, rows, laws, law_names, names.code_parts(laws.values()),
                 [(row[0], row[1], row[4], row[5]) for row in seen])


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
    with data_lock(data):
        return _build(store, data, engine or TantivyEngine(), providers, learned, questions)


def _build(store: Store, data: Path, engine: Engine, providers: Iterable[DocProvider],
           learned: dict[int, str] | None, questions: dict[int, str] | None) -> dict:
    started = time.perf_counter()
    revision = store.revision()
    segmented = ensure_tokens(store)
    target = Path(tempfile.mkdtemp(prefix=f"index-{time.strftime('%Y%m%d%H%M%S')}-", dir=data))
    name = target.name
    try:
        seen: list[ArticleRow] = []
        docs = list(article_docs(store, learned, seen))
        for provider in providers:
            docs.extend(provider(store))
        count = engine.build(target, docs)
        if questions:
            (target / QUESTIONS).mkdir()
            engine.build(target / QUESTIONS, question_docs(questions))
        place_table.write(target, [row[:4] for row in seen])
        _write_citing(store, target, seen)
        (target / REVISION_FILE).write_text(str(revision), encoding="utf-8")
        (target / WORDS_FILE).write_text(segment.word_table(data).name, encoding="utf-8")
        (target / FORMAT_FILE).write_text(INDEX_FORMAT, encoding="utf-8")
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
    return {"documents": count, "segmented": segmented, "seconds": time.perf_counter() - started}
