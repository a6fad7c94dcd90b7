"""Caches of one server process that forget everything when the data changes.

A `StampedCache` holds computed values under a key, as long as the data they were computed from
has not changed: each lookup passes the current stamp of the data (what `Services.stamp` returns:
the live index, the store's files on disk and the searcher generation); a different stamp empties
the cache first. So a re-import, whichever process ran it, is seen by the next request of every
server process, and nothing read before it is served after it. Least recently used entries go
first when the cache is full.
"""

import threading
from collections import OrderedDict


class StampedCache:
    """At most `size` values, valid for one stamp of the data."""

    def __init__(self, size: int):
        self.size = size
        self._values: OrderedDict = OrderedDict()
        self._stamp = None
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key, stamp, compute):
        """The value of `key` for data of `stamp`, computed by `compute()` when not held."""
        with self._lock:
            if stamp != self._stamp:
                self._values.clear()
                self._stamp = stamp
            if key in self._values:
                self._values.move_to_end(key)
                self.hits += 1
                return self._values[key]
            self.misses += 1
        value = compute()          # outside the lock: other requests go on meanwhile
        with self._lock:
            if stamp == self._stamp:
                self._values[key] = value
                while len(self._values) > self.size:
                    self._values.popitem(last=False)
        return value
