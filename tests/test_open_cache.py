"""The law tables a searcher computes at open are kept in the live index directory and used again
only for the same laws and code (search.open_cache)."""

import dataclasses
import json

from fazhi.settings import DB_NAME
from kb.store import Store
from search import intent, names, open_cache
from search.index import live_index_dir
from search.query import Searcher


def test_the_tables_are_written_once_and_read_again(sample_data):
    store = Store(sample_data / DB_NAME)
    directory = live_index_dir(sample_data)
    first = Searcher(store, sample_data)
    cached = json.loads((directory / open_cache.CACHE_FILE).read_text(encoding="utf-8"))
    laws = list(first.laws.values())
    assert cached["names"] == names.law_names(laws) == first.names
    assert cached["routes"] == intent.routes(laws) == first.routes
    assert "安全生产法" in first.names
    second = Searcher(store, sample_data)
    assert (second.names, second.routes) == (first.names, first.routes)


def test_other_laws_or_a_damaged_file_are_computed_again(sample_data, tmp_path):
    store = Store(sample_data / DB_NAME)
    laws = list(Searcher(store, sample_data).laws.values())
    renamed = [dataclasses.replace(law, title="示例安全条例") if law.title.endswith("安全生产法") else law for law in laws]
    table, _ = open_cache.law_tables(live_index_dir(sample_data), renamed)
    assert "示例安全条例" in table and table == names.law_names(renamed)
    (tmp_path / open_cache.CACHE_FILE).write_text("{not json", encoding="utf-8")
    assert open_cache.law_tables(tmp_path, laws)[0] == names.law_names(laws)
    assert json.loads((tmp_path / open_cache.CACHE_FILE).read_text(encoding="utf-8"))["names"]


def test_a_directory_that_cannot_be_written_still_gives_the_tables(sample_data, tmp_path):
    laws = list(Searcher(Store(sample_data / DB_NAME), sample_data).laws.values())
    missing = tmp_path / "gone"
    assert open_cache.law_tables(missing, laws) == (names.law_names(laws), intent.routes(laws))
    assert not missing.exists()
