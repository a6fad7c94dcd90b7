"""Votes of the recorded questions most like a query, for the articles chosen for them and for
their chapters and laws (see search.learning)."""

from dataclasses import dataclass, field
from functools import cache

from kb.models import Law
from search.engine import EngineHit, EngineQuery
from search.learning import PastQuestion

NEIGHBOURS = 40                 # recorded questions most like the query, who vote for chapters and laws
SHARPNESS = 2                   # a neighbour votes with (its score / the best one's) to this power
ARTICLE_VOTE_WEIGHT = 0.5       # per share of their votes that went to the article (STARD tuning part)


@dataclass
class Votes:
    """How the recorded questions most like a query voted: the share of the votes per article id,
    per (law key, chapter) and per law key of the articles chosen for them."""

    articles: dict[int, float] = field(default_factory=dict)
    chapters: dict[tuple[str, str], float] = field(default_factory=dict)
    laws: dict[str, float] = field(default_factory=dict)


def neighbour_votes(questions, chosen: dict[int, PastQuestion], laws: dict[int, Law],
                    weights: dict[str, float], engine_query: EngineQuery) -> Votes:
    """How the NEIGHBOURS recorded questions most like the query voted. Each votes with its BM25
    score relative to the best neighbour's, squared (SHARPNESS: the closest count most), for the
    articles chosen for it (`chosen`: question id → the recorded question), their chapters and
    their laws, where they pass the query's filters;
    votes are returned as shares of all votes. `questions` is the engine of the recorded
    questions, or None."""
    votes = Votes()
    if questions is None:
        return votes
    neighbours = questions.search(EngineQuery(terms={"body": weights}), NEIGHBOURS)
    total = 0.0
    passing = cache(lambda law_id: allowed(laws[law_id], engine_query))   # law version id → bool
    for neighbour in neighbours:
        past = chosen.get(neighbour.doc_id)
        places = [(laws[law_id], chapter) for law_id, chapter in past.places if passing(law_id)] if past else []
        if not places:
            continue
        vote = (neighbour.score / neighbours[0].score) ** SHARPNESS
        total += vote
        for article_id in {a for a, law_id in past.articles if passing(law_id)}:
            votes.articles[article_id] = votes.articles.get(article_id, 0.0) + vote
        for key in {(law.key, chapter) for law, chapter in places}:
            votes.chapters[key] = votes.chapters.get(key, 0.0) + vote
        for key in {law.key for law, _ in places}:
            votes.laws[key] = votes.laws.get(key, 0.0) + vote
    for shares in (votes.articles, votes.chapters, votes.laws):
        for key in shares:
            shares[key] /= total
    return votes


def with_article_votes(candidates: list[EngineHit], votes: Votes) -> list[EngineHit]:
    """Candidates whose articles the similar recorded questions chose, scored up by their share of
    the votes (adding the voted articles the engine did not return was tried: no better, and
    re-ranking them cost about 2 ms a query)."""
    if not votes.articles:
        return candidates
    return [EngineHit(c.kind, c.doc_id, c.score * (1 + ARTICLE_VOTE_WEIGHT * votes.articles[c.doc_id]))
            if c.kind == "条文" and c.doc_id in votes.articles else c for c in candidates]


def allowed(law: Law, engine_query: EngineQuery) -> bool:
    """Whether articles of `law` pass the filters of the query."""
    fields = {"kind": "条文", "category": law.category, "status": law.status, "region": law.region,
              "law_key": law.key}
    version = int(law.version.strftime("%Y%m%d")) if law.version else 0
    return (all(fields[name] in values for name, values in engine_query.must.items())
            and version >= engine_query.version_from
            and (not engine_query.version_to or version <= engine_query.version_to))
