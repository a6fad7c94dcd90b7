"""The token cache behind the index: reused when nothing changed, redone when the dictionaries did."""

from kb.samples import load_samples
from kb.store import Store
from search.index import ensure_tokens


def test_tokens_are_cached_and_redone_when_the_dictionaries_change(tmp_path):
    store = Store(tmp_path / "fazhi.sqlite")
    load_samples(store)
    articles = store.counts()["articles"]
    assert ensure_tokens(store, workers=1) == articles
    assert ensure_tokens(store, workers=1) == 0
    store.db.execute("UPDATE search_meta SET value = 'made with another dictionary' WHERE key = 'tokens'")
    assert ensure_tokens(store, workers=1) == articles
    assert ensure_tokens(store, workers=1) == 0
