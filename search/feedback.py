"""Pseudo-relevance feedback: the words the best first-pass articles share, added to the query
with a low weight, so a second pass reaches articles that say the same thing in the statute's
words rather than the question's (借条 → 借款合同)."""

from collections import Counter

from kb.store import Store

DOCS = 10                       # best first-pass articles whose words are looked at
TERMS = 10                      # words added to the query
MIN_DOCS = 3                    # … each held by at least this many of those articles


def expansion(store: Store, article_ids: list[int], weights: dict[str, float], idf,
              weight: float) -> dict[str, float]:
    """Words (not in the query) that at least MIN_DOCS of the best first-pass articles hold,
    the TERMS rarest-and-most-shared ones, each with `weight` times its share of those articles."""
    ids = article_ids[:DOCS]
    if not ids:
        return {}
    rows = store.db.execute(
        f"SELECT tokens FROM article_tokens WHERE article_id IN ({','.join('?' * len(ids))})", ids)
    held = Counter(token for (tokens,) in rows for token in set(tokens.split()) if token not in weights)
    scored = {token: count * idf(token) for token, count in held.items()
              if count >= MIN_DOCS and len(token) > 1}
    best = sorted(scored, key=scored.get, reverse=True)[:TERMS]
    return {token: weight * held[token] / len(ids) for token in best}
