"""Adjacent words of a question found together in an article: "定期检验" and "继续使用" side by
side ("未经定期检验继续使用") say more than the same words anywhere. Bag-of-words BM25 and passage
coverage cannot tell the two apart; a literal look-up of each pair of neighbouring words can."""

import re

from search import segment

CLAUSE_END = re.compile(r"[，。；：、,.;:!?！？\s]+")

MIN_PAIR = 3                    # characters: shorter pairs (两个单字) are found by chance


def pairs(text: str) -> list[str]:
    """The pairs of neighbouring whole words of a question (inside one clause; a pair that spans a dropped stop word is simply not found),
    as the strings an article would hold."""
    found = []
    for clause in CLAUSE_END.split(segment.normalize(text)):
        run = segment.words(clause)
        found += [a + b for a, b in zip(run, run[1:]) if len(a + b) >= MIN_PAIR]
    return list(dict.fromkeys(found))


def share(question_pairs: list[str], text: str) -> float:
    """The share (0 … 1) of the question's pairs that `text` holds literally."""
    if not question_pairs:
        return 0.0
    return sum(1 for pair in question_pairs if pair in text) / len(question_pairs)
