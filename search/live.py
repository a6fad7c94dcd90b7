"""A searcher that lives across re-imports: it follows the live index of its data directory.

The web app keeps one searcher for its lifetime while imports run beside it. Each call checks
the index pointer (one stat of a small file); when a build has swapped in a new index, the next
call opens it (with the store's current laws) and serves from it. Until then the old index keeps
answering: re-imports keep article ids, and the previous index stays on disk after a swap.

Thread-safe: the current searcher is replaced as a whole by one thread while the others keep
using the old one; a query already running finishes on the searcher it started with.
"""

import threading
from pathlib import Path

from kb.store import Store
from search.index import POINTER, IndexMissing
from search.query import Searcher


class LiveSearcher:
    """A `search.query.Searcher` that reopens itself after an index swap (same public methods)."""

    def __init__(self, store: Store, data: Path, open_searcher=Searcher):
        self.store = store
        self.data = Path(data)
        self._open = open_searcher
        self._lock = threading.Lock()
        self._stamp = self._pointer_stamp()
        self._searcher = open_searcher(store, self.data)
        self.reloads = 0

    @property
    def current(self) -> Searcher:
        """The searcher over the live index (reopened when the index was swapped)."""
        stamp = self._pointer_stamp()
        if stamp != self._stamp and self._lock.acquire(blocking=False):
            try:        # one thread reopens; the others go on with the old searcher meanwhile
                if stamp != self._stamp:
                    self._stamp = stamp
                    self._searcher = self._open(self.store, self.data)
                    self.reloads += 1
            except IndexMissing:
                pass    # the new index cannot be opened: keep answering from the old one
            finally:
                self._lock.release()
        return self._searcher

    def search(self, query, options=None):
        """See `Searcher.search`."""
        return self.current.search(query, options)

    def show(self, citation, version=None):
        """See `Searcher.show`."""
        return self.current.show(citation, version)

    def analyze(self, free, plain=False):
        """See `Searcher.analyze`."""
        return self.current.analyze(free, plain)

    def __getattr__(self, name):
        return getattr(self.current, name)

    def _pointer_stamp(self) -> tuple:
        try:
            info = (self.data / POINTER).stat()
        except OSError:
            return ()
        return (info.st_ino, info.st_mtime_ns, info.st_size)
