"""What a request works with: the web database, the statute store and the shared searcher.

The store and the web database are one SQLite connection each per server thread, kept open
between requests. The searcher is expensive to open and shared by all requests; when an import swaps
in a new index, the next request opens a searcher over it while requests already running finish
on the old one. Rendered pages and what article pages are built from are kept per process until
the data they come from changes (web.cache, `stamp` and `index_stamp`).
"""

import threading
from pathlib import Path

from flask import current_app

from fazhi.composition import open_searcher
from fazhi.settings import DB_NAME
from kb.store import Store
from search.index import current_index_dir
from search.live import LiveSearcher
from search.query import IndexMissing
from web import db as webdb
from web.cache import StampedCache

MEMO_SIZE = 2000        # laws, versions and citations of article pages kept per process
PAGES_SIZE = 1000       # rendered search pages, and article pages, kept per process
_local = threading.local()


class Services:
    """The data directory of one app and its shared searcher."""

    def __init__(self, data: Path):
        self.data = Path(data)
        self._lock = threading.Lock()
        self._searcher: LiveSearcher | None = None
        self._memo = StampedCache(MEMO_SIZE)
        self.search_pages = StampedCache(PAGES_SIZE)
        self.article_pages = StampedCache(PAGES_SIZE)

    def searcher(self) -> LiveSearcher:
        """The shared searcher over the live index; it follows the index across re-imports
        (search.live), so it is opened once, by the first request that needs it."""
        if self._searcher is None:
            with self._lock:
                if self._searcher is None:
                    self._searcher = open_searcher(Store(self.data / DB_NAME), self.data)
        return self._searcher

    def memo(self, key, compute):
        """`compute()` once per `key` until the data changes (a write to the store, or a new live
        index): what article pages show of a law and its versions, without reading it again."""
        return self._memo.get(key, self.stamp(), compute)

    def stamp(self) -> tuple:
        """What identifies the data an article page is computed from: the live index and the
        store's files (any write to the store changes them)."""
        return (current_index_dir(self.data), _modified(self.data / DB_NAME), _modified(self.data / f"{DB_NAME}-wal"))

    def index_stamp(self, generation: int) -> tuple:
        """What identifies the data a search page is computed from: the live index and the
        generation of this process's searcher over it. A search page shows the index and what
        imports write to the store (articles, standards, cases); every import and `fazhi learn`
        ends by swapping in a new index, so after it the next request searches anew. While an
        import runs, the pages computed before it are shown, as the old index is still searched
        (an import killed midway is followed by `fazhi learn`, which swaps in a new index)."""
        return (current_index_dir(self.data), generation)

    def has_index(self) -> bool:
        """Whether an index was built in the data directory."""
        return current_index_dir(self.data) is not None


def _modified(path: Path) -> tuple[int, int]:
    """When the file was last written, and its size ((0, 0) when it does not exist: SQLite removes
    its WAL file when the last connection closes, at any moment). The size tells apart two
    commits within one tick of the file system's clock: each commit appends to the WAL file."""
    try:
        info = path.stat()
    except OSError:
        return 0, 0
    return info.st_mtime_ns, info.st_size


def services() -> Services:
    """The services of the current app."""
    return current_app.extensions["fazhi"]


def store() -> Store:
    """The statute store for this thread (one SQLite connection per server thread, kept open)."""
    return _per_thread("store", lambda data: Store(data / DB_NAME))


def web_db():
    """The web database connection for this thread."""
    return _per_thread("web_db", webdb.connect)


def _per_thread(name: str, connect):
    data = services().data
    opened = getattr(_local, name, None)
    if opened is None:
        opened = {}
        setattr(_local, name, opened)
    if data not in opened:
        opened[data] = connect(data)
    return opened[data]


def searcher() -> LiveSearcher:
    """The shared searcher; raises IndexMissing when nothing was imported yet."""
    return services().searcher()


def close(_error=None) -> None:
    """End of a request: leave no transaction open on this thread's connections."""
    for name in ("store", "web_db"):
        for connection in getattr(_local, name, {}).values():
            db = getattr(connection, "db", connection)
            if db.in_transaction:
                db.rollback()


__all__ = ["Services", "services", "store", "web_db", "searcher", "close", "IndexMissing"]
