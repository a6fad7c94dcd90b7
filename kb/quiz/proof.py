"""Proof of an answer by the source text: does a statement stand in the article, what stands in a blank.

Texts are compared without whitespace and punctuation (kb.versions_diff.normalized), so a
question's 。 where the statute has ； does not matter; a context cut with …… must have each of
its pieces in the text.
"""

import re
from collections.abc import Iterable

from kb.quiz.models import BLANK
from kb.versions_diff import normalized

OTHER = "\x00"                      # something else stands where the fact should be
MAX_FILL = 60


def filled(context: str, text: str) -> str:
    """The context with its blank filled."""
    return context.replace(BLANK, text)


def holds(statement: str, source: str) -> bool:
    """True when every piece of `statement` (split at ……) stands in the source text."""
    text = normalized(source)
    pieces = [normalized(piece) for piece in statement.split("……")]
    return all(piece in text for piece in pieces if piece)


def fills_at(context: str, sources: Iterable[str], fill: str) -> set[str]:
    """What the sources have where the context's blank is: `fill`, other words, or OTHER when the
    blank ends or starts the context and something else follows (or precedes) its anchor."""
    left, right = context.split(BLANK, 1)
    left, right, want = normalized(left.split("……")[-1]), normalized(right.split("……")[0]), normalized(fill)
    found = set()
    for source in sources:
        text = normalized(source)
        if left and right:
            pattern = re.escape(left) + f"(.{{1,{MAX_FILL}}}?)" + re.escape(right)
            found |= set(re.findall(pattern, text))
        elif left:
            found |= {want if text.startswith(want, m.end()) else OTHER
                      for m in re.finditer(re.escape(left), text)}
        elif right:
            found |= {want if text.endswith(want, 0, m.start()) else OTHER
                      for m in re.finditer(re.escape(right), text)}
    return found


def similar(one: str, other: str) -> bool:
    """True when two listed items say nearly the same (one holds the other, or most characters agree)."""
    a, b = normalized(one), normalized(other)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    common = sum(1 for char in set(a) if char in b)
    return common / max(len(set(a)), len(set(b))) > 0.8
