"""Heading labels of official documents: 一、 （一） 1. （1）, handed out in document order."""

from __future__ import annotations

import re

STYLE_LEVELS = (1, 2, 3, 4)
MAX_HEADING_LEVEL = max(STYLE_LEVELS)
_LABEL_FORMATS = {1: "{}、", 2: "（{}）", 3: "{}.", 4: "（{}）"}
_CHINESE_DIGITS = "零一二三四五六七八九"
_LABEL_RE = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])")


def heading_label(level: int, index: int) -> str:
    """Return the label of the ``index``-th heading of ``level``: 一、 （一） 1. （1）.

    >>> heading_label(1, 3), heading_label(2, 1), heading_label(3, 2), heading_label(4, 1)
    ('三、', '（一）', '2.', '（1）')
    """
    check_level(level)
    if index < 1:
        raise ValueError(f"heading index must be at least 1, got {index}")
    number = _chinese_numeral(index) if level <= 2 else str(index)
    return _LABEL_FORMATS[level].format(number)


def starts_with_label(text: str) -> bool:
    """Tell whether ``text`` already begins with a heading label such as 一、 （二） 3. （4）."""
    return _LABEL_RE.match(text) is not None


class HeadingNumberer:
    """Hands out heading labels in document order.

    A heading restarts the numbering of every deeper level, so after 二、
    the next level-2 label is （一） again.
    """

    def __init__(self) -> None:
        self._counts = dict.fromkeys(STYLE_LEVELS, 0)

    def next_label(self, level: int) -> str:
        """Count one more heading of ``level`` and return its label."""
        check_level(level)
        self._counts[level] += 1
        for deeper in range(level + 1, MAX_HEADING_LEVEL + 1):
            self._counts[deeper] = 0
        return heading_label(level, self._counts[level])


def check_level(level: int) -> None:
    """Raise ValueError unless ``level`` is a heading level 1-4."""
    if level not in STYLE_LEVELS:
        raise ValueError(f"heading level must be 1-{MAX_HEADING_LEVEL}, got {level}")


def _chinese_numeral(number: int) -> str:
    """Write 1-99 in Chinese numerals: 1 -> 一, 10 -> 十, 12 -> 十二, 40 -> 四十."""
    if not 1 <= number <= 99:
        raise ValueError(f"Chinese heading numbers go from 1 to 99, got {number}")
    tens, ones = divmod(number, 10)
    tens_text = "" if tens == 0 else ("" if tens == 1 else _CHINESE_DIGITS[tens]) + "十"
    return tens_text + (_CHINESE_DIGITS[ones] if ones else "")


