"""The laws a penalty card may cite follow the live index: a law imported while a searcher is open
(the web app keeps one for its lifetime) can be cited once the new index is swapped in."""

import pytest

from fazhi.composition import build_index, open_searcher
from kb.importers.files import import_files
from kb.store import Store
from tests.corpus_subset import LAWS

if not LAWS.is_dir():
    pytest.skip("共享语料 ../shared/corpus/laws 不存在", allow_module_level=True)

SAFETY = "社会法/安全生产法(2021-06-10).md"
FIREWORKS = "行政法规/烟花爆竹安全管理条例(2016-02-06).md"


def test_a_law_imported_after_the_searcher_opened_becomes_citable(tmp_path):
    store = Store(tmp_path / "fazhi.sqlite")
    import_files(store, [LAWS / SAFETY])
    build_index(store, tmp_path)
    searcher = open_searcher(store, tmp_path)
    assert [law.short_title for law, _ in searcher.citable] == ["安全生产法"]

    import_files(store, [LAWS / FIREWORKS])
    build_index(store, tmp_path)
    assert sorted(law.short_title for law, _ in searcher.citable) == ["安全生产法", "烟花爆竹安全管理条例"]
    store.close()
