"""Pick the part of a text that best shows why it matched, and mark the matched terms.

A single character of the question (没, 用, the 化 of 危化品) is found inside any word (没收, 使用,
化工), so it neither places the window nor is marked while the question has a longer term."""

import re
from functools import lru_cache

WINDOW = 120


def best_window(text: str, terms: list[str], width: int = WINDOW) -> str:
    """Return the `width`-character window of `text` holding the most term occurrences."""
    if len(text) <= width:
        return text
    positions = sorted(m.start() for pattern in _patterns(tuple(shown_terms(terms))) for m in pattern.finditer(text))
    if not positions:
        return text[:width] + "…"
    best, best_count, first = positions[0], 0, 0
    for last, position in enumerate(positions):
        while position - positions[first] >= width:
            first += 1
        if last - first + 1 > best_count:
            best, best_count = positions[first], last - first + 1
    begin = max(0, min(best - 20, len(text) - width))
    return ("…" if begin else "") + text[begin:begin + width] + ("…" if begin + width < len(text) else "")


def shown_terms(terms: list[str]) -> list[str]:
    """The terms that place the window and are marked: those of two characters or more, or all of
    them when none is longer than one character."""
    terms = [t for t in terms if t]
    longer = [t for t in terms if len(t) > 1]
    return longer or terms


@lru_cache(maxsize=64)
def _patterns(terms: tuple[str, ...]) -> list[re.Pattern]:
    """One compiled pattern per term (the terms of one query are looked for in many texts)."""
    return [re.compile(re.escape(term)) for term in terms if term]


def segments(text: str, terms: list[str]) -> list[tuple[str, bool]]:
    """Split text into (piece, matched) pairs, longest terms first, for any renderer to mark."""
    terms = sorted(set(shown_terms(terms)), key=len, reverse=True)
    if not terms:
        return [(text, False)]
    pattern = re.compile("|".join(re.escape(t) for t in terms))
    pieces, last = [], 0
    for match in pattern.finditer(text):
        if match.start() > last:
            pieces.append((text[last:match.start()], False))
        pieces.append((match.group(0), True))
        last = match.end()
    if last < len(text):
        pieces.append((text[last:], False))
    return pieces
