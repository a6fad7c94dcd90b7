"""The data-directory lock: one import or index build at a time, across processes and threads.

An advisory lock (flock) on `write.lock` in the data directory; the file holds the PID of the
holder, so a second writer can say who is busy. The lock is re-entrant within one thread (an
import holds it and the index build it starts takes it again) and ends with its process, so a
killed import never leaves a stale lock behind.
"""

import fcntl
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = "write.lock"
POLL = 0.2                      # seconds between tries while waiting


class Busy(Exception):
    """Another import or index build holds the lock; the message names its PID."""


_guard = threading.Lock()
_locks: dict[str, "_DataLock"] = {}


class _DataLock:
    def __init__(self, path: Path):
        self.path = path
        self.thread_lock = threading.RLock()
        self.depth = 0
        self.file = None

    def acquire(self, wait: float) -> None:
        deadline = time.monotonic() + wait
        acquired = (self.thread_lock.acquire(timeout=wait) if wait > 0
                    else self.thread_lock.acquire(blocking=False))
        if not acquired:
            raise Busy(_busy_message(os.getpid()))
        try:
            if self.depth == 0:
                self._lock_file(deadline)
            self.depth += 1
        except BaseException:
            self.thread_lock.release()
            raise

    def release(self) -> None:
        self.depth -= 1
        if self.depth == 0:
            self.file.close()
            self.file = None
        self.thread_lock.release()

    def _lock_file(self, deadline: float) -> None:
        file = open(self.path, "a+", encoding="utf-8")
        while True:
            try:
                fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    file.seek(0)
                    holder = file.read().strip()
                    file.close()
                    raise Busy(_busy_message(holder or "未知")) from None
                time.sleep(POLL)
        file.seek(0)
        file.truncate()
        file.write(str(os.getpid()))
        file.flush()
        self.file = file


def _busy_message(pid) -> str:
    return f"另一个导入正在进行（PID {pid}）：请等它结束后再运行，或加 --wait 等待"


@contextmanager
def data_lock(data: Path, wait: float = 0.0):
    """Hold the write lock of data directory `data` for the block; wait up to `wait` seconds
    for another holder, then raise Busy naming its PID."""
    path = (Path(data) / LOCK_FILE).resolve()
    with _guard:
        lock = _locks.setdefault(str(path), _DataLock(path))
    lock.acquire(wait)
    try:
        yield
    finally:
        lock.release()
