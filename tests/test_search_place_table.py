"""The place table written beside the index (search.place_table) answers places and neighbours
exactly as the store does, and a searcher without it (older or damaged file) still answers."""

from array import array

from fazhi.composition import open_searcher
from kb.store import Store
from search import place_table
from search.article_cache import ArticleCache
from search.index import current_index_dir
from search.options import SearchOptions


def _all_ids(store: Store) -> list[int]:
    return [row[0] for row in store.db.execute("SELECT id FROM articles")]


def test_the_table_gives_every_article_the_place_and_neighbours_the_store_gives(sample_data):
    store = Store(sample_data / "fazhi.sqlite")
    table = place_table.read(current_index_dir(sample_data))
    ids = _all_ids(store)
    assert table is not None and len(table.ids) == len(ids) > 20
    from_store = ArticleCache(store)
    assert {i: table.place(i) for i in ids} == from_store.places(ids)
    for distance in (1, 2, 3):
        assert {i: table.nearby(i, distance) for i in ids} == from_store.nearby(ids, distance)
    assert table.place(max(ids) + 1) is None and table.nearby(-1, 2) is None
    store.close()


def test_an_article_the_table_does_not_hold_is_read_from_the_store(sample_data):
    store = Store(sample_data / "fazhi.sqlite")
    ids = _all_ids(store)
    table = place_table.read(current_index_dir(sample_data))
    table.rank = array("i", table.rank)
    table.rank[ids[0]] = -1                 # as for an article imported after the index was built
    cache = ArticleCache(store, table=table)
    assert cache.places(ids[:3]) == ArticleCache(store).places(ids[:3])
    assert cache.nearby(ids[:3], 2) == ArticleCache(store).nearby(ids[:3], 2)
    store.close()


def test_a_damaged_or_missing_table_is_ignored_and_search_still_answers(sample_data, tmp_path):
    directory = current_index_dir(sample_data)
    path = directory / place_table.FILE
    whole = path.read_bytes()
    question, options = "特种作业人员未持证上岗怎么处罚", SearchOptions(limit=10, kinds=("条文",))
    store = Store(sample_data / "fazhi.sqlite")
    expected = [(h.title, h.article, round(h.score, 9)) for h in open_searcher(store, sample_data).search(question, options).hits]
    assert expected
    try:
        for damaged in (whole[:len(whole) // 2], b"not a table", whole + b"\0\0\0\0"):
            path.write_bytes(damaged)
            assert place_table.read(directory) is None
            found = open_searcher(store, sample_data).search(question, options).hits
            assert [(h.title, h.article, round(h.score, 9)) for h in found] == expected
        path.unlink()
        assert place_table.read(directory) is None
    finally:
        path.write_bytes(whole)
        store.close()
