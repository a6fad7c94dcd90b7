"""A map that keeps its most recently used entries, shared by threads (the in-memory article and
law caches of a searcher)."""

import threading
from collections import OrderedDict


class LRU:
    """At most `size` entries; the least recently used goes first."""

    def __init__(self, size: int):
        self.size = size
        self._values: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, default=None):
        """The value of `key` (now the most recently used), or `default`."""
        with self._lock:
            if key not in self._values:
                return default
            self._values.move_to_end(key)
            return self._values[key]

    def update(self, values: dict) -> None:
        """Add or replace entries, dropping the least recently used beyond `size`."""
        with self._lock:
            self._values.update(values)
            while len(self._values) > self.size:
                self._values.popitem(last=False)
