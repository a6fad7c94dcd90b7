"""Faults of the data directory get one clear Chinese sentence each: read-only (search still
works), disk full (nothing half-written), corrupt or foreign store, damaged index, older schema."""

import os
import shutil
import sqlite3
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest

from kb.store import Store
from robust_corpus import QUERY, cli, fazhi, make_laws, start_python

FULL_DISK = """
import resource, signal
from fazhi.cli import main
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)       # writes past the limit fail with EFBIG, as on a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))
main(["--data", {data!r}, "import", {folder!r}])
"""


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """A folder of 10 laws and a data directory holding them and their index."""
    root = tmp_path_factory.mktemp("imported")
    make_laws(root / "laws", 10)
    assert cli("import", str(root / "laws"), data=root / "data").returncode == 0
    return root


def fresh_copy(imported: Path, tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(imported / "data", target)
    return target


@contextmanager
def read_only(data: Path):
    """The data directory as a user cannot write it: a read-only bind mount when the tests run
    as root (root may write anything else), otherwise with the write permissions removed."""
    if os.geteuid() == 0:
        mount = data.parent / "read-only"
        mount.mkdir()
        if subprocess.run(["mount", "--bind", str(data), str(mount)], capture_output=True).returncode:
            pytest.skip("running as root without permission to mount: cannot make a read-only directory")
        try:
            subprocess.run(["mount", "-o", "remount,bind,ro", str(mount)], check=True)
            yield mount
        finally:
            subprocess.run(["umount", str(mount)], check=True)
        return
    modes = {path: path.stat().st_mode for path in [data, *data.rglob("*")]}
    for path in modes:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield data
    finally:
        for path, mode in modes.items():
            path.chmod(mode)


def test_a_read_only_data_directory_still_searches_and_refuses_writes_in_one_sentence(imported, tmp_path):
    with read_only(fresh_copy(imported, tmp_path)) as data:
        searched = cli("search", QUERY, "--limit", "3", data=data)
        status = cli("status", data=data)
        refused = cli("import", str(imported / "laws"), data=data)
    assert searched.returncode == 0, searched.stderr
    assert "测试用安全条例" in searched.stdout
    assert status.returncode == 0 and "（只读）" in status.stdout
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "数据目录是只读的" in refused.stderr and refused.stderr.count("\n") == 1


def test_a_full_disk_stops_the_import_with_one_sentence_and_loses_nothing(imported, tmp_path):
    data = fresh_copy(imported, tmp_path)
    more = make_laws(tmp_path / "more", 60, start=11)[0].parent
    size = max(path.stat().st_size for path in data.rglob("*")     # the word table is written once
               if path.is_file() and not path.name.startswith("words-"))
    child = start_python(FULL_DISK.format(limit=size + 200_000, data=str(data), folder=str(more)))
    _, errors = child.communicate(timeout=120)
    assert child.returncode == 1, errors
    assert "Traceback" not in errors and "磁盘已满" in errors and "已保存的法规完整无损" in errors
    store = Store(data / "fazhi.sqlite")
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    laws = store.laws()
    assert all(store.articles(law.id) for law in laws)     # no law half-written
    store.close()
    searched = cli("search", QUERY, "--json", data=data)
    assert searched.returncode == 0 and "测试用安全条例" in searched.stdout


def test_a_corrupt_or_foreign_store_is_named_in_one_sentence(tmp_path):
    corrupt = tmp_path / "corrupt"
    corrupt.mkdir()
    (corrupt / "fazhi.sqlite").write_bytes(b"this is not a database at all" * 100)
    result = cli("status", data=corrupt)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "已损坏或不是数据库" in result.stderr
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    db = sqlite3.connect(foreign / "fazhi.sqlite")
    db.execute("CREATE TABLE invoices (id INTEGER, total REAL)")
    db.commit()
    db.close()
    result = cli("search", "安全", data=foreign)
    assert result.returncode == 1 and "不是 fazhi 的知识库" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("damage", ["pointer", "deleted", "meta"])
def test_a_damaged_index_says_to_run_learn(imported, tmp_path, damage):
    data = fresh_copy(imported, tmp_path)
    live = data / (data / "index.current").read_text(encoding="utf-8")
    if damage == "pointer":
        (data / "index.current").write_bytes(b"\xff\xfe garbage")
    elif damage == "deleted":
        shutil.rmtree(live)
    else:
        (live / "meta.json").write_text("{ not json", encoding="utf-8")
    result = fazhi("search", QUERY, data=data)          # a child: the real output, no traceback
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "索引已损坏" in result.stderr and "fazhi learn" in result.stderr
    assert "旧版本" not in result.stderr
    assert "fazhi learn" in cli("status", data=data).stdout
    assert cli("learn", data=data).returncode == 0
    assert cli("search", QUERY, data=data).returncode == 0


def test_an_older_store_schema_is_migrated(imported, tmp_path):
    data = fresh_copy(imported, tmp_path)
    db = sqlite3.connect(data / "fazhi.sqlite")
    db.execute("ALTER TABLE laws DROP COLUMN preamble")         # as fazhi stores were before it existed
    db.execute("ALTER TABLE articles DROP COLUMN items")
    db.commit()
    db.close()
    status = cli("status", data=data)
    assert status.returncode == 0, status.stderr
    assert "知识库已从旧版本升级（补充了 laws.preamble、articles.items）" in status.stdout
    shown = cli("show", "《测试用安全条例一》第九十七条", data=data)
    assert shown.returncode == 0 and "第九十七条" in shown.stdout


def test_a_data_directory_that_cannot_be_created_is_named(tmp_path):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    result = cli("status", data=tmp_path / "a-file" / "data")
    assert result.returncode == 1 and "无法创建数据目录" in result.stderr and "--data" in result.stderr
