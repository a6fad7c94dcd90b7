"""Votes of the recorded questions most like a query, for the chapters and laws of the articles
chosen for them (see search.learning)."""

from dataclasses import dataclass, field

from kb.models import Law
from search.engine import EngineQuery

NEIGHBOURS = 20                 # recorded questions most like the query, who vote for chapters and laws


@dataclass
class Votes:
    """How the recorded questions most like a query voted: the share of the votes per
    (law key, chapter) and per law key of the articles chosen for them."""

    chapters: dict[tuple[str, str], float] = field(default_factory=dict)
    laws: dict[str, float] = field(default_factory=dict)


def neighbour_votes(questions, chosen: dict[int, list[tuple[int, str]]], laws: dict[int, Law],
                    weights: dict[str, float], engine_query: EngineQuery) -> Votes:
    """How the NEIGHBOURS recorded questions most like the query voted. Each votes with its BM25
    score relative to the best neighbour's, for the chapters and laws of the articles chosen for it
    (`chosen`: question id → (law version id, chapter)) that pass the query's filters; votes are
    returned as shares of all votes. `questions` is the engine of the recorded questions, or None."""
    votes = Votes()
    if questions is None:
        return votes
    neighbours = questions.search(EngineQuery(terms={"body": weights}), NEIGHBOURS)
    total = 0.0
    for neighbour in neighbours:
        places = [(laws[law_id], chapter) for law_id, chapter in chosen.get(neighbour.doc_id, ())
                  if allowed(laws[law_id], engine_query)]
        if not places:
            continue
        vote = neighbour.score / neighbours[0].score
        total += vote
        for key in {(law.key, chapter) for law, chapter in places}:
            votes.chapters[key] = votes.chapters.get(key, 0.0) + vote
        for key in {law.key for law, _ in places}:
            votes.laws[key] = votes.laws.get(key, 0.0) + vote
    for shares in (votes.chapters, votes.laws):
        for key in shares:
            shares[key] /= total
    return votes


def allowed(law: Law, engine_query: EngineQuery) -> bool:
    """Whether articles of `law` pass the filters of the query."""
    fields = {"kind": "条文", "category": law.category, "status": law.status, "region": law.region,
              "law_key": law.key}
    version = int(law.version.strftime("%Y%m%d")) if law.version else 0
    return (all(fields[name] in values for name, values in engine_query.must.items())
            and version >= engine_query.version_from
            and (not engine_query.version_to or version <= engine_query.version_to))
