"""The law the best hits come from: a question is mostly answered inside one law (a contract
question in 民法典 合同编, a dismissal in 劳动合同法), so below the first ten an article of the law
that holds most of the best hits' score is worth more than one of a law that holds none, even when
the question's words match it less.

An article below the first `nearby.BELOW` hits is scored up by `WEIGHT` times the share of the
score of the `LEADERS` best articles that its law holds, never enough to enter the first ten: it
reorders the list below them and does not change what the user reads first (STARD tuning part,
product: R@100 0.777 → 0.789, with learning 0.864 → 0.866, R@1…R@10 and the inspector questions
unchanged; a weight of 2 or more, or 20 leaders, lowered the figure with learning; boosting the
whole list lowered R@10; see bench/README.md).
"""

from search.engine import EngineHit
from search.nearby import BELOW

LEADERS = 10        # the best articles whose laws share the score
WEIGHT = 1.0        # score-up per share of the leaders' score held by the article's law


def with_leading_laws(ranked: list[EngineHit], law_of: dict[int, int],
                      also: dict[int, float] | None = None) -> list[EngineHit]:
    """`ranked` (best first) with the articles below the first BELOW scored up by the share of
    the LEADERS best articles' score that their law holds, plus the share `also` gives their law
    (law version id → share: the laws the question's lay phrases imply); `law_of` maps article id
    → law version id for the articles of `ranked`."""
    articles = [c for c in ranked if c.kind == "条文" and c.doc_id in law_of]
    if len(articles) <= BELOW:
        return ranked
    leaders = articles[:LEADERS]
    total = sum(c.score for c in leaders)
    if total <= 0:
        return ranked
    shares: dict[int, float] = {}
    for leader in leaders:
        law = law_of[leader.doc_id]
        shares[law] = shares.get(law, 0.0) + leader.score / total
    for law, share in (also or {}).items():
        shares[law] = shares.get(law, 0.0) + share
    ceiling = articles[BELOW - 1].score * 0.999
    lifted = {}
    for c in articles[BELOW:]:
        score = min(ceiling, c.score * (1 + WEIGHT * shares.get(law_of[c.doc_id], 0.0)))
        if score != c.score:
            lifted[c.doc_id] = score
    if not lifted:
        return ranked
    return sorted((EngineHit(c.kind, c.doc_id, lifted[c.doc_id]) if c.kind == "条文" and c.doc_id in lifted
                   else c for c in ranked), key=lambda c: c.score, reverse=True)
