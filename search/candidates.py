"""Gathering the engine's candidates for re-ranking, national laws first.

Re-ranking weighs a law's authority itself (national laws 0.7–1.0, local ones 0.4–0.45), so a
local regulation that merely repeats the question's words a little more often than the national
article would be ranked below it anyway — but it can take the national article's place among the
candidates the engine returns, and then re-ranking never sees that article. The engine therefore
adds a bonus to the score of articles of national laws while it gathers candidates, and the bonus
is taken off again before re-ranking, so their scores are their BM25 scores. The bureau's own
standard items and cases get the same bonus, so national articles never crowd them out either.
"""

from dataclasses import replace
from typing import Callable

from kb.models import NATIONAL_LEVELS
from search.engine import EngineHit, EngineQuery
from search.knowledge import CASE, STANDARD

NATIONAL_BONUS = 0.3            # per unit of the query's idf-weighted weight (tuned on STARD's tuning part)
FIRST = (*NATIONAL_LEVELS, STANDARD, CASE)     # categories gathered first (standard items and cases
                                               # hold their kind as their category)


def national_first(engine, query: EngineQuery, weights: dict[str, float], want: int,
                   category: Callable[[list[int]], dict[int, str]]) -> list[EngineHit]:
    """The engine's `want` best documents for `query`, articles of national laws gathered first;
    `weights` are the query's token weights and `category(article ids)` the category of each
    article's law. A query already narrowed to categories is searched as it is."""
    if "category" in query.must:
        return engine.search(query, want)
    bonus = NATIONAL_BONUS * sum(weight * engine.idf(token) for token, weight in weights.items())
    found = engine.search(replace(query, bonus={"category": (list(FIRST), bonus)}), want)
    categories = category([c.doc_id for c in found if c.kind == "条文"])
    return [EngineHit(c.kind, c.doc_id, c.score - bonus)
            if (categories.get(c.doc_id) if c.kind == "条文" else c.kind) in FIRST else c for c in found]
