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


def test_rjieba_cuts_like_jieba_with_our_dictionary():
    """The index segments with jieba-rs (rjieba) for speed; its tokens must be jieba's own, with
    the legal user dictionary, on real statute text (here every sample statute line)."""
    import jieba

    from kb.samples import STATUTES
    from search import segment

    reference = jieba.Tokenizer()
    reference.load_userdict(str(segment.USER_DICT))
    lines = [segment.normalize(line) for path in sorted(STATUTES.rglob("*.md"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) > 100
    fast = segment._full_tokenizer()[0]
    for line in lines:
        assert fast.cut_for_search(line, False) == reference.lcut_for_search(line, HMM=False), line
        assert fast.cut(line, False) == reference.lcut(line, HMM=False), line
