"""Articles next to a strong hit: the rules of one matter stand side by side in a chapter (民法典
第一百五十三条 and 第一百五十四条 on void acts, 第一千一百六十五条 and 第一千一百六十六条 on fault and
strict liability), so an article one or two places from one of the best hits, in the same chapter,
is worth a place among the hits even when the question's words miss it.

A neighbour gets a share of the strong hit's score (`WEIGHT` for the next article, its square for
the one after) where that is more than its own, but never enough to enter the first `BELOW` hits:
it fills the list below them and does not change what the user reads first (STARD tuning part,
product: R@100 0.763 → 0.777, R@1…R@10 and the inspector questions unchanged; see bench/README.md).
"""

from search.engine import EngineHit

SOURCES = 20        # the best articles whose neighbours are looked at
DISTANCE = 2        # how many places before and after them
WEIGHT = 0.6        # share of a source's score for the next article (WEIGHT ** 2 for the one after)
BELOW = 10          # a neighbour never outranks the article at this place


def with_nearby(ranked: list[EngineHit], nearby) -> list[EngineHit]:
    """`ranked` (best first) with the neighbours of its SOURCES best articles scored up or added.
    `nearby(ids, distance)` gives, for each article id, {neighbour id: distance in places} within
    the same law version and chapter (search.article_cache.ArticleCache.nearby)."""
    sources = [c.doc_id for c in ranked if c.kind == "条文"][:SOURCES]
    around = nearby(sources, DISTANCE) if len(sources) > 1 else {}
    return with_related(ranked, {source: {article_id: WEIGHT ** distance for article_id, distance in near.items()}
                                 for source, near in around.items()})


def with_related(ranked: list[EngineHit], shares: dict[int, dict[int, float]]) -> list[EngineHit]:
    """`ranked` (best first) with the articles related to a source article scored up to their
    share of the source's score (`shares`: source id → {related article id: share}) where that is
    more than their own, but never to the article at place BELOW; related articles `ranked` does
    not hold are added. The related articles must pass the query's filters."""
    articles = [c for c in ranked if c.kind == "条文"]
    if len(articles) < 2 or not shares:
        return ranked
    ceiling = articles[min(BELOW, len(articles)) - 1].score * 0.999
    lifted: dict[int, float] = {}
    for source in articles:
        for article_id, share in shares.get(source.doc_id, {}).items():
            score = min(ceiling, share * source.score)
            lifted[article_id] = max(lifted.get(article_id, 0.0), score)
    merged = []
    for candidate in ranked:
        if candidate.kind == "条文" and candidate.doc_id in lifted:
            score = max(candidate.score, lifted.pop(candidate.doc_id))
            candidate = EngineHit(candidate.kind, candidate.doc_id, score)
        merged.append(candidate)
    merged += [EngineHit("条文", article_id, score) for article_id, score in lifted.items()]
    return sorted(merged, key=lambda c: c.score, reverse=True)
