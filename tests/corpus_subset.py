"""A data directory holding some real statutes of the shared corpus (../shared/corpus/laws), for
the tests that need real text but not the whole corpus."""

from pathlib import Path

import pytest

from kb.importers.files import import_files
from kb.store import Store
from search.index import build_index
from search.query import Searcher

LAWS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "laws"


def subset_searcher(folder: Path, files: list[str]):
    """Import `files` (paths below LAWS) into a fresh data directory `folder`, build its index and
    yield a searcher over it; the store is closed afterwards. Every file must import."""
    store = Store(folder / "fazhi.sqlite")
    summary = import_files(store, [LAWS / name for name in files])
    assert (len(summary.imported), summary.skipped, summary.failed) == (len(files), [], [])
    build_index(store, folder)
    yield Searcher(store, folder)
    store.close()


def subset_fixture(name: str, files: list[str]):
    """A module-scoped pytest fixture yielding a searcher over `files` (see subset_searcher), skipped
    where the shared corpus is absent: `searcher = subset_fixture("lay-phrases", FILES)`."""
    @pytest.fixture(scope="module")
    def searcher(tmp_path_factory):
        if not LAWS.is_dir():
            pytest.skip("共享语料 ../shared/corpus/laws 不存在")
        yield from subset_searcher(tmp_path_factory.mktemp(name), files)
    return searcher
