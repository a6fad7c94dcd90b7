"""Bad files are reported and skipped, re-imports replace a law atomically, versions are linked,
and an interrupted index build leaves the old index answering."""

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from fazhi.cli import main
from kb.importers import files
from kb.importers.files import import_files
from kb.models import CURRENT, SUPERSEDED
from kb.store import Store
from search.index import build_index, current_index_dir
from search.query import Searcher, SearchOptions
from search.tantivy_engine import TantivyEngine
from tests.robust_corpus import make_laws

FIXTURES = Path(__file__).parent / "fixtures" / "statutes"
SAFETY_TXT = FIXTURES / "安全生产法（节选）.txt"
TITLE = "中华人民共和国安全生产法"


@pytest.fixture
def store(tmp_path):
    """An empty store in a temporary data directory."""
    store = Store(tmp_path / "fazhi.sqlite")
    yield store
    store.close()


def copy_fixture(folder: Path, name: str, text: str | None = None) -> Path:
    """Put the 安全生产法 fixture (or a changed text of it) into `folder` under `name`."""
    target = folder / name
    target.write_text(text if text is not None else SAFETY_TXT.read_text(encoding="utf-8"), encoding="utf-8")
    return target


def _bad_folder(folder: Path) -> None:
    folder.mkdir()
    copy_fixture(folder, "安全生产法.txt")
    (folder / "空文件.txt").write_bytes(b"")
    (folder / "乱码.txt").write_bytes(bytes(range(128, 256)) * 4)
    (folder / "二进制.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (folder / "假文档.docx").write_text("中华人民共和国安全生产法\n第一条　为了加强安全生产工作", encoding="utf-8")
    (folder / "只有标题.txt").write_text("中华人民共和国安全生产法\n（2021年6月10日修正）\n第一章　总　　则\n",
                                      encoding="utf-8")
    (folder / "无标题.txt").write_text("　　第一条　为了加强安全生产工作，防止和减少生产安全事故。\n", encoding="utf-8")
    (folder / "说明.txt").write_text("本文件夹存放法制科收集的法规文本。\n请勿删除。\n", encoding="utf-8")
    (folder / "~$安全生产法.docx").write_bytes(b"\x00" * 162)


def test_bad_files_are_reported_by_name_and_the_rest_is_imported(store, tmp_path):
    folder = tmp_path / "laws"
    _bad_folder(folder)
    summary = import_files(store, [folder])

    assert [law.title for law in summary.imported] == [TITLE]
    failed = {Path(path).name: reason for path, reason in summary.failed}
    assert set(failed) == {"空文件.txt", "乱码.txt", "二进制.txt", "假文档.docx", "只有标题.txt", "无标题.txt"}
    assert failed["空文件.txt"] == "文件为空"
    assert "UTF-8" in failed["乱码.txt"]
    assert "二进制" in failed["二进制.txt"]
    assert "不是有效的 Word 文件" in failed["假文档.docx"]
    assert "没有找到条文" in failed["只有标题.txt"]
    assert failed["无标题.txt"].startswith("缺少标题")
    skipped = {Path(path).name: reason for path, reason in summary.skipped}
    assert set(skipped) == {"说明.txt", "~$安全生产法.docx"}
    assert "不是法规文本" in skipped["说明.txt"]
    assert store.counts() == {"laws": 1, "current": 1, "articles": 7}


def test_a_large_import_parsed_by_workers_stores_and_reports_what_a_serial_one_does(tmp_path, monkeypatch):
    folder = tmp_path / "laws"
    _bad_folder(folder)
    count = files.PARALLEL_FROM
    make_laws(folder, count)
    monkeypatch.setattr(files.workers, "worker_count", lambda: 2)   # workers even on a one-CPU machine
    outcomes = []
    for name, parallel_from in (("workers", count), ("serial", 10 ** 6)):
        monkeypatch.setattr(files, "PARALLEL_FROM", parallel_from)
        (tmp_path / name).mkdir()
        store = Store(tmp_path / name / "fazhi.sqlite")
        seen = []
        summary = import_files(store, [folder], progress=lambda path: seen.append(path.name))
        rows = store.db.execute("SELECT l.id, l.title, a.label, a.paragraphs FROM laws l"
                                " JOIN articles a ON a.law_id = l.id ORDER BY a.id").fetchall()
        outcomes.append(([law.title for law in summary.imported], summary.failed, summary.skipped, seen,
                         [tuple(row) for row in rows]))
        store.close()
    assert outcomes[0] == outcomes[1]
    assert len(outcomes[0][0]) == count + 1 and len(outcomes[0][1]) == 6


def test_reimport_of_a_changed_file_replaces_the_law(store, tmp_path):
    path = copy_fixture(tmp_path, "安全生产法.txt")
    import_files(store, [path])
    changed = SAFETY_TXT.read_text(encoding="utf-8").split("　　第九十六条")[0]
    copy_fixture(tmp_path, "安全生产法.txt", changed)

    summary = import_files(store, [path])

    assert len(summary.imported) == 1
    laws = store.laws()
    assert len(laws) == 1 and laws[0].status == CURRENT
    labels = [article.label for article in store.articles(laws[0].id)]
    assert labels == ["第一条", "第二条", "第三条", "第九十四条", "第九十五条"]
    assert store.counts()["articles"] == 5


def test_a_failing_write_keeps_the_previous_import(store, tmp_path):
    path = copy_fixture(tmp_path, "安全生产法.txt")
    law = import_files(store, [path]).imported[0]
    law.articles[-1].paragraphs.append(object())      # cannot be stored: the write fails midway
    with pytest.raises(TypeError):
        store.put_law(law)
    laws = store.laws()
    assert len(laws) == 1 and laws[0].status == CURRENT
    assert len(store.articles(laws[0].id)) == 7


def two_versions(store: Store, data: Path) -> tuple[Path, Path]:
    """Import the fixture as the 2021 version and, under a dated name, as the 2014 version."""
    current = copy_fixture(data, "安全生产法.txt")
    older = copy_fixture(data, "中华人民共和国安全生产法(2014-08-31).txt")
    import_files(store, [older, current])
    return current, older


def test_versions_are_linked_and_search_shows_the_current_one(store, tmp_path):
    two_versions(store, tmp_path)
    statuses = {law.version.isoformat(): law.status for law in store.versions(TITLE)}
    assert statuses == {"2021-06-10": CURRENT, "2014-08-31": SUPERSEDED}
    build_index(store, tmp_path)
    searcher = Searcher(store, tmp_path)

    current = searcher.search("未如实记录安全生产教育和培训情况")
    assert current.hits and {hit.version for hit in current.hits} == {"2021-06-10"}
    every = searcher.search("未如实记录安全生产教育和培训情况", SearchOptions(status="all"))
    assert {hit.version for hit in every.hits} == {"2021-06-10", "2014-08-31"}
    cited = searcher.search("安全生产法第九十七条", SearchOptions(status="all"))
    assert cited.jumped and [(h.article, h.status) for h in cited.hits] == [
        ("第九十七条", CURRENT), ("第九十七条", SUPERSEDED)]


def test_retitled_file_relinks_the_law_it_held(store, tmp_path):
    current, _ = two_versions(store, tmp_path)
    retitled = SAFETY_TXT.read_text(encoding="utf-8").replace(TITLE, "中华人民共和国矿山安全法", 1)
    copy_fixture(tmp_path, current.name, retitled)
    import_files(store, [current])
    assert [(law.version.isoformat(), law.status) for law in store.versions(TITLE)] == [("2014-08-31", CURRENT)]


class FailingEngine(TantivyEngine):
    """A real tantivy engine whose build breaks down after a few documents (fault injection)."""

    def build(self, directory, docs):
        """Write documents until the third, then fail as a crash or a full disk would."""
        def until_failure():
            for number, doc in enumerate(docs):
                if number == 2:
                    raise OSError("磁盘已满")
                yield doc
        return super().build(directory, until_failure())


def test_interrupted_index_build_keeps_the_old_index(store, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    import_files(store, [copy_fixture(tmp_path, "安全生产法.txt")])
    build_index(store, data)
    old = current_index_dir(data)
    import_files(store, [FIXTURES / "刑法（节选）.txt"])

    with pytest.raises(OSError, match="磁盘已满"):
        build_index(store, data, engine=FailingEngine())

    assert current_index_dir(data) == old
    assert [path.name for path in data.glob("index-*")] == [old.name]
    hits = Searcher(store, data).search("安全生产法第九十七条").hits
    assert hits[0].title == TITLE and hits[0].article == "第九十七条"


def test_next_build_removes_what_an_interrupted_build_left(store, tmp_path):
    import_files(store, [SAFETY_TXT])
    build_index(store, tmp_path)
    previous = current_index_dir(tmp_path)
    (tmp_path / "index-20240101000000-killed").mkdir()      # a build whose process was killed
    build_index(store, tmp_path)
    # the previous index stays for readers that still have it open; the killed build's is gone
    assert sorted(path.name for path in tmp_path.glob("index-*")) == sorted(
        [current_index_dir(tmp_path).name, previous.name])
    build_index(store, tmp_path)
    assert previous not in tmp_path.glob("index-*")
    shutil.rmtree(current_index_dir(tmp_path))
    assert current_index_dir(tmp_path) is None


def test_show_names_the_other_versions_and_shows_an_older_one_by_date(store, tmp_path):
    files = two_versions(store, tmp_path)
    data = tmp_path / "data"
    runner = CliRunner()
    assert runner.invoke(main, ["--data", str(data), "import", *map(str, files)]).exit_code == 0
    current = runner.invoke(main, ["--data", str(data), "show", "安全生产法第九十七条"])
    assert "（2021-06-10 版，现行有效）" in current.output
    assert "其他版本：2014-08-31 版（已被修订）" in current.output
    older = runner.invoke(main, ["--data", str(data), "show", "安全生产法第九十七条", "--version", "2015-01-01"])
    assert "（2014-08-31 版，已被修订）" in older.output
