"""Wire the layers together: which engine, which document providers, which learned terms."""

from pathlib import Path

from kb.store import Store
from search import index, learning, lexicon, segment
from search.knowledge import knowledge_docs
from search.live import LiveSearcher
from search.tantivy_engine import TantivyEngine


def build_index(store: Store, data: Path) -> dict:
    """Rebuild the search index of the data directory from the store (build beside, then swap):
    articles with their learned terms, standard items, cases, and the recorded questions."""
    questions = {question_id: past.text for question_id, past in learning.past_questions(store).items()}
    return index.build_index(store, data, providers=[knowledge_docs], learned=learning.learned_terms(store),
                             questions=questions)


def refresh_index(store: Store, data: Path) -> dict | None:
    """Rebuild the live index after standards or cases changed (tokens of articles are cached, so
    only the build itself takes time); None when no index was built yet (nothing to refresh)."""
    if index.current_index_dir(data) is None:
        return None
    return build_index(store, data)


def open_searcher(store: Store, data: Path, short_lived: bool = False) -> LiveSearcher:
    """Return a searcher over the live index of the data directory; it may be shared by threads
    and follows the index across re-imports (search.live). A short-lived process (one command)
    segments with the index's word table instead of loading the whole dictionary, and keeps the
    merged lay-to-legal dictionary in the data directory (search.lexicon.use_cache)."""
    if short_lived:
        lexicon.use_cache(data)
        directory = index.current_index_dir(data)
        table = index.index_word_table(directory) if directory else None
        if table:
            segment.use_word_table(table)
    return LiveSearcher(store, data)


def index_status(store: Store, data: Path) -> str | None:
    """A sentence when the index lags the store or cannot be used (what to run), else None."""
    try:
        TantivyEngine().open(index.live_index_dir(data))
    except index.IndexMissing as missing:
        return str(missing)
    except (OSError, ValueError):
        return "索引已损坏：请运行 fazhi learn 重建索引（无需重新导入）"
    lag = index.index_lag(store, data)
    if lag:
        return (f"索引落后于知识库（其后又写入了 {lag} 部法规，检索还找不到它们的条文）："
                "请运行 fazhi learn 重建索引（导入被中断时也会这样）")
    return None
