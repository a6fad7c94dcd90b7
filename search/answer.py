"""What a user is shown for a question: the hits and, for a question that describes a violation,
the penalty card (search.card) — with the card's penalty article first among the hits.

The card reads the first hits more closely than ranking does (the act each penalty item names,
the party, the duty it restates), so when it cites an article of the hits, that article leads
the list: the list then agrees with the card above it. The CLI, the web page and the benchmarks
all ask through `answer`."""

from dataclasses import dataclass, replace

from search.card import Card, penalty_card
from search.card_choice import CARD_HITS
from search.query import SearchOptions, SearchResult


@dataclass
class Answer:
    """The search result (hits in the order shown) and the card, if any."""

    result: SearchResult
    card: Card | None


def answer(searcher, question: str, options: SearchOptions) -> Answer:
    """Search `question` and make its card; the card's penalty article, when it is among the hits,
    is moved first. The card reads the first CARD_HITS hits whatever the number of hits asked
    for (`--limit 1` gets the same card). A citation that led straight to its article gets no card."""
    result = searcher.search(question, replace(options, limit=max(options.limit, CARD_HITS)))
    if result.jumped:
        result.hits = result.hits[:options.limit]
        return Answer(result, None)
    card = penalty_card(searcher, question, result.hits)
    if card and card.penalty.article_id:
        result.hits = _first(result.hits, card.penalty.article_id)
    result.hits = result.hits[:options.limit]
    return Answer(result, card)


def _first(hits: list, article_id: int) -> list:
    """`hits` with the statute hit of `article_id` moved to the front (unchanged when absent)."""
    at = next((i for i, hit in enumerate(hits) if hit.kind == "条文" and hit.doc_id == article_id), None)
    if not at:
        return hits
    return [hits[at], *hits[:at], *hits[at + 1:]]
