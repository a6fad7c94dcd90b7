"""Wire the layers together: which engine, which document providers, which learned terms."""

from pathlib import Path

from kb.store import Store
from search import index, learning
from search.knowledge import knowledge_docs
from search.query import Searcher


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


def open_searcher(store: Store, data: Path) -> Searcher:
    """Return a searcher over the live index of the data directory."""
    return Searcher(store, data)
