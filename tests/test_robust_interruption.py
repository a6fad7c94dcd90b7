"""Interrupted imports (kill -9 and Ctrl-C at chosen points), a reader living across a re-import,
concurrent importers and writers, and segmentation workers that end with their parent."""

import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

from fazhi.composition import build_index, index_status, open_searcher
from kb.store import Store
from robust_corpus import QUERY, TITLE, cli, make_laws, start_python
from search import learning
from search.query import Searcher, SearchOptions

ALL = SearchOptions(limit=200)

# Child: re-import FOLDER into DATA and kill itself (signal SIG) at POINT.
KILLED_IMPORT = """
import os, signal, sys
import kb.store, search.index
from search.tantivy_engine import TantivyEngine
from fazhi.cli import main

point, signum = {point!r}, {signum}
def die():
    os.kill(os.getpid(), signum)

if point.startswith("law:"):
    after, written, put = int(point[4:]), [], kb.store.Store.put_law
    def put_law(self, law, **kwargs):
        result = put(self, law, **kwargs)
        written.append(law)
        if len(written) == after:
            die()
        return result
    kb.store.Store.put_law = put_law
elif point == "tokens":
    save = search.index._save_tokens
    def save_tokens(store, results):
        def first_then_die():
            for result in results:
                yield result            # the first chunk of tokens is committed, then the kill
                die()
        save(store, first_then_die())
    search.index._save_tokens = save_tokens
elif point == "documents":
    docs = search.index.article_docs
    def article_docs(*args, **kwargs):
        for number, doc in enumerate(docs(*args, **kwargs)):
            if number == 50:
                die()
            yield doc
    search.index.article_docs = article_docs
elif point == "built":
    build = TantivyEngine.build
    def built(self, directory, documents):
        count = build(self, directory, documents)
        die()
    TantivyEngine.build = built
elif point == "swapped":
    replace = os.replace
    def swapped(source, target):
        replace(source, target)
        if str(target).endswith("index.current"):
            die()
    search.index.os.replace = swapped
main(["--data", {data!r}, "import", *{folders!r}])
"""


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """A data directory with 20 laws imported and indexed; the folder they came from."""
    root = tmp_path_factory.mktemp("imported")
    folder, data = root / "laws", root / "data"
    make_laws(folder, 20)
    assert cli("import", str(folder), data=data).returncode == 0
    return folder, data


def copy_data(source: Path, target: Path) -> Path:
    """A copy of a data directory (store and index), so each interruption starts from the same state."""
    os.system(f"cp -a '{source}' '{target}'")
    return target


def full_text_hits(data: Path) -> list[tuple[str, str]]:
    store = Store(data / "fazhi.sqlite")
    try:
        return [(hit.title, hit.article) for hit in Searcher(store, data).search(QUERY, ALL).hits]
    finally:
        store.close()


@pytest.mark.parametrize("point, signum", [
    ("law:12", signal.SIGKILL), ("law:12", signal.SIGINT),
    ("tokens", signal.SIGKILL), ("documents", signal.SIGKILL), ("built", signal.SIGKILL),
    ("swapped", signal.SIGKILL)])
def test_search_answers_in_full_at_every_point_of_an_interrupted_reimport(imported, tmp_path, point, signum):
    folder, original = imported
    data = copy_data(original, tmp_path / "data")
    before = full_text_hits(data)
    assert len(before) >= 20
    more = tmp_path / "more"
    make_laws(more, 3, start=21)                     # the re-import also brings three new laws
    child = start_python(KILLED_IMPORT.format(point=point, signum=int(signum), data=str(data),
                                              folders=[str(folder), str(more)]))
    _, errors = child.communicate(timeout=60)
    assert child.returncode in (-signum, 130, 1), errors
    assert "Traceback" not in errors

    after = full_text_hits(data)
    assert len(after) >= len(before)                 # a complete state, old or new: nothing lost
    assert set(before) <= set(after)
    store = Store(data / "fazhi.sqlite")
    status = index_status(store, data)
    if point != "swapped":
        assert "索引落后于知识库" in status and "fazhi learn" in status
    store.close()

    store = Store(data / "fazhi.sqlite")
    build_index(store, data)                         # what `fazhi learn` does
    assert index_status(store, data) is None
    laws = store.counts()["laws"]
    store.close()
    assert len(full_text_hits(data)) == len(before) // 20 * laws      # what the store holds, all found


def test_a_searcher_living_across_a_reimport_keeps_answering_and_picks_up_the_new_index(imported, tmp_path):
    folder, original = imported
    data = copy_data(original, tmp_path / "data")
    make_laws(folder.parent / "more", 3, start=21)
    store = Store(data / "fazhi.sqlite")
    searcher = open_searcher(store, data)
    answered, empty, errors = 0, 0, []
    child = start_python(f"from fazhi.cli import main; main(['--data', {str(data)!r}, 'import', "
                         f"{str(folder)!r}, {str(folder.parent / 'more')!r}])")

    def ask():
        nonlocal answered, empty
        try:
            hits = searcher.search(QUERY, ALL).hits
            answered += 1
            empty += not hits
        except Exception as error:      # every error counts against the test
            errors.append(repr(error))

    while child.poll() is None:
        threads = [threading.Thread(target=ask) for _ in range(2)]     # two threads share the searcher
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert child.returncode == 0, child.stderr.read()
    ask()
    assert errors == [] and empty == 0 and answered > 2
    assert searcher.reloads >= 1
    found = searcher.search(QUERY, SearchOptions(law=f"{TITLE}二十二")).hits
    assert found and found[0].title == f"{TITLE}二十二"
    store.close()


HOLD_LOCK = """
import sys
from kb.lock import data_lock
with data_lock({data!r}):
    print("held", flush=True)
    sys.stdin.readline()
"""


def test_a_second_import_is_told_the_pid_of_the_first_or_waits_for_it(imported, tmp_path):
    folder, original = imported
    data = copy_data(original, tmp_path / "data")
    holder = start_python(HOLD_LOCK.format(data=str(data)), stdin=subprocess.PIPE)
    assert holder.stdout.readline().strip() == "held", holder.stderr.read()
    refused = cli("import", str(folder), data=data)
    assert refused.returncode == 1
    assert f"另一个导入正在进行（PID {holder.pid}）" in refused.stderr
    assert "Traceback" not in refused.stderr
    waiting = start_python(f"from fazhi.cli import main; main(['--data', {str(data)!r}, 'import', "
                           f"{str(folder)!r}, '--wait', '60'])")
    time.sleep(1)
    holder.communicate("done\n", timeout=10)           # the first import ends: the second goes on
    assert waiting.wait(timeout=60) == 0, waiting.stderr.read()


def test_two_importers_started_together_leave_one_consistent_index(imported, tmp_path):
    folder, original = imported
    data = copy_data(original, tmp_path / "data")
    more = make_laws(tmp_path / "more", 2, start=31)
    code = "from fazhi.cli import main; main(['--data', {data!r}, 'import', {folder!r}])"
    children = [start_python(code.format(data=str(data), folder=str(path))) for path in (folder, more[0].parent)]
    outcomes = [(child.wait(timeout=60), child.stderr.read()) for child in children]
    for code_, errors in outcomes:
        assert "Traceback" not in errors and "database is locked" not in errors
        assert code_ == 0 or "另一个导入正在进行" in errors
    assert cli("import", str(more[0].parent), "--wait", "30", data=data).returncode == 0
    store = Store(data / "fazhi.sqlite")
    assert index_status(store, data) is None
    assert store.counts()["laws"] == 22
    store.close()


def test_other_writers_do_not_fail_while_an_import_segments(tmp_path):
    folder, data = tmp_path / "laws", tmp_path / "data"
    make_laws(folder, 150)                              # 1,050 articles: several chunks for the workers
    child = start_python(f"from fazhi.cli import main; main(['--data', {str(data)!r}, 'import', {str(folder)!r}])")
    while not (data / "fazhi.sqlite").exists() and child.poll() is None:
        time.sleep(0.05)
    store = Store(data / "fazhi.sqlite")
    writes, slowest = 0, 0.0
    while child.poll() is None:
        started = time.perf_counter()
        learning.record(store, "工人没有培训", f"{TITLE}一", "第一条", source="test")
        slowest = max(slowest, time.perf_counter() - started)
        writes += 1
        time.sleep(0.02)
    assert child.returncode == 0, child.stderr.read()
    assert writes > 5 and slowest < 5
    store.close()


SLOW_WORKERS = """
import time, sys
import search.index
segment = search.index._segment_chunk
def slow(rows):
    time.sleep(60)
    return segment(rows)
search.index._segment_chunk = slow
from kb.store import Store
from search.index import ensure_tokens
ensure_tokens(Store({path!r}), workers=2)
"""


def children_of(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def test_segmentation_workers_end_with_a_killed_parent(tmp_path):
    folder, data = tmp_path / "laws", tmp_path / "data"
    make_laws(folder, 150)
    from kb.importers.files import import_files
    data.mkdir()
    store = Store(data / "fazhi.sqlite")
    import_files(store, [folder])
    store.close()
    parent = start_python(SLOW_WORKERS.format(path=str(data / "fazhi.sqlite")))
    deadline = time.monotonic() + 20
    while len(children_of(parent.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = children_of(parent.pid)
    assert len(workers) >= 2
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 5
    while any(Path(f"/proc/{pid}").exists() and "Z" not in _state(pid) for pid in workers):
        assert time.monotonic() < deadline, "segmentation workers outlived their killed parent"
        time.sleep(0.1)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def test_search_says_when_the_index_lags_the_store(imported, tmp_path):
    folder, original = imported
    data = copy_data(original, tmp_path / "data")
    store = Store(data / "fazhi.sqlite")
    from kb.importers.files import import_files
    import_files(store, make_laws(tmp_path / "more", 1, start=40))      # written, not yet indexed
    store.close()
    result = cli("search", QUERY, "--limit", "1", data=data)
    assert result.returncode == 0 and "索引落后于知识库" in result.stderr and "fazhi learn" in result.stderr
    assert "索引落后于知识库" in cli("status", data=data).stdout
