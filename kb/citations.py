"""Find statute citations in text: 《行政处罚法》第五十八条第一款, 安全生产法 97条, 本法第十条.

Parsing is separate from resolving: `parse_citations` only reads the text; `resolve_law_name`
uses a predicate that says which names are real laws (the store knows them).
"""

import re
from dataclasses import dataclass
from typing import Callable

from kb.numerals import chinese_to_int, suffix_number

NUM = r"(?:\d+|[零〇一二两三四五六七八九十百千]+)"
NUMERAL_CHARS = r"\d零〇一二两三四五六七八九十百千"
MAX_NUMBER = 9999               # article, paragraph and item numbers run from 1 to MAX_NUMBER
# How a law's name ends; 编, 总则 and 附则 end the name of a part of a code (民法典合同编, 民法典总则).
LAW_ENDINGS = "法|法典|条例|规定|办法|细则|解释|决定|规则|准则|标准|通则|意见|编|总则|附则"
CITATION_RE = re.compile(
    rf"(?:《(?P<bracket>[^《》]{{2,80}})》|(?P<plain>(?<![第{NUMERAL_CHARS}])(?![第{NUMERAL_CHARS}])[\u4e00-\u9fff（）()]{{1,60}}?(?:{LAW_ENDINGS})))?"
    rf"[\s\u3000]*(?:的)?(?<![{NUMERAL_CHARS}])第?(?P<num>{NUM})(?:条)?(?:[至到]第?(?P<to>{NUM}))?条"
    rf"(?:之(?P<suffix>[一二三四五六七八九十]+))?"
    rf"(?:第(?P<para>{NUM})款)?"
    rf"(?:第[（(]?(?P<item>{NUM})[）)]?项)?")
ARTICLE_RE = re.compile(rf"[{NUMERAL_CHARS}]条")     # every citation holds one: a cheap test before CITATION_RE
CONTEXT_WORDS = ("本法", "本条例", "本规定", "本办法", "本细则", "本解释", "本决定", "本规则", "本编")


@dataclass
class Citation:
    """One cited article (or a range expanded into several citations)."""

    law: str | None           # the law name as written (without 《》), None when not named
    number: int
    suffix: int = 0
    paragraph: int | None = None
    item: int | None = None
    start: int = 0
    end: int = 0
    text: str = ""            # the citation as written

    @property
    def refers_to_context(self) -> bool:
        """True for 本法第X条 (依照本法第X条) and bare 第X条: the law comes from the surrounding
        document."""
        return self.law is None or self.law.endswith(CONTEXT_WORDS)


def parse_citations(text: str) -> list[Citation]:
    """Return every article citation in `text`, in order; ranges (第二十五条至第二十七条) are
    expanded to one citation per article.

    Numbers that are not well-formed numerals or lie outside 1–MAX_NUMBER (第0条, 第10000条,
    第十百千条) make no citation: they are refused, never misread.
    """
    found = []
    if not ARTICLE_RE.search(text):
        return found
    for match in CITATION_RE.finditer(text):
        try:
            numbers = _numbers(match)
        except ValueError:
            continue
        first, last, suffix, paragraph, item = numbers
        if last < first or last - first > 50:
            last = first
        law = match.group("bracket") or match.group("plain")
        for number in range(first, last + 1):
            found.append(Citation(
                law=law.strip() if law else None, number=number, suffix=suffix,
                paragraph=paragraph, item=item,
                start=match.start(), end=match.end(), text=match.group(0).strip()))
    return found


def _numbers(match: re.Match) -> tuple[int, int, int, int | None, int | None]:
    """(first, last, suffix, paragraph, item) of a citation; ValueError when one is not a
    well-formed number in range."""
    first = _in_range(chinese_to_int(match.group("num")))
    last = _in_range(chinese_to_int(match.group("to"))) if match.group("to") else first
    suffix = suffix_number("之" + match.group("suffix")) if match.group("suffix") else 0
    return first, last, suffix, _optional_int(match.group("para")), _optional_int(match.group("item"))


def _in_range(number: int) -> int:
    if not 1 <= number <= MAX_NUMBER:
        raise ValueError(f"编号超出范围：{number}")
    return number


def resolve_law_name(written: str, is_law: Callable[[str], bool]) -> str | None:
    """Return the law name inside a loosely written one ("根据安全生产法" -> "安全生产法"):
    the longest tail of `written` for which `is_law` is true, or None."""
    written = written.strip("《》 ")
    for start in range(len(written) - 1):
        candidate = written[start:]
        if is_law(candidate):
            return candidate
    return None


def _optional_int(value: str | None) -> int | None:
    return _in_range(chinese_to_int(value)) if value else None
