"""Worker processes for the CPU-bound steps of an import (parsing statute files) and of an index
build (segmentation): a pool whose workers end with the process that started them, and an
ordered map that keeps only a bounded number of results waiting.

Only pure work runs in a worker; every write to the store stays in the calling process, in its
own transactions, so an interrupted run leaves what a run without workers would have left.
"""

import os
import threading
import time
from collections import deque
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Callable, Iterable, Iterator, TypeVar

PARENT_POLL = 1.0               # seconds between a worker's checks that its parent still lives

Item = TypeVar("Item")
Result = TypeVar("Result")


def _watch_parent(parent: int) -> None:
    """Run in each worker: end the worker as soon as its parent is gone (killed), instead of
    finishing work nobody will collect."""
    def watch():
        while os.getppid() == parent:
            time.sleep(PARENT_POLL)
        os._exit(1)
    threading.Thread(target=watch, daemon=True).start()


def worker_count() -> int:
    """How many workers a pool gets: one per CPU."""
    return os.cpu_count() or 1


def pool(workers: int) -> ProcessPoolExecutor:
    """A process pool of `workers` whose workers end with this process (use it in a with block)."""
    return ProcessPoolExecutor(max_workers=workers, initializer=_watch_parent, initargs=(os.getpid(),))


def ordered_map(executor: Executor, function: Callable[[Item], Result], items: Iterable[Item],
                ahead: int) -> Iterator[Result]:
    """`function` of each item, in the items' order, computed by `executor` with at most `ahead`
    items submitted and not yet taken (so results never pile up in memory)."""
    waiting: deque = deque()
    for item in items:
        waiting.append(executor.submit(function, item))
        if len(waiting) >= ahead:
            yield waiting.popleft().result()
    while waiting:
        yield waiting.popleft().result()
