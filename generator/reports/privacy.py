"""Points for the 保密审查 before a report is published: personal names and details of individual cases.

The text of the report is searched for the parties and case numbers of the
year's case ledger, for identity-card, mobile-phone and unified social
credit numbers, and for personal names (jieba's part-of-speech tagger,
and 张某 / 李某某 forms).  Every point is one for a person to decide; none is
removed automatically.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jieba.posseg

_PATTERNS = (
    ("身份证号码", re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")),
    ("手机号码", re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")),
    ("统一社会信用代码", re.compile(r"(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Z])")),
    ("化名的个人", re.compile(r"[\u4e00-\u9fa5]某某?")),
)
_PERSON_TAG = "nr"
SURNAMES_FILE = Path(__file__).with_name("surnames.txt")


@dataclass(frozen=True)
class PrivacyPoint:
    """One place to check: what kind of detail, the text found, and the sentence around it."""

    kind: str
    found: str
    context: str

    def __str__(self) -> str:
        return f"{self.kind}“{self.found}”：{self.context}"


def privacy_points(paragraphs: list[str], cases: list[dict]) -> list[PrivacyPoint]:
    """The 保密审查 points of ``paragraphs`` given the year's case-ledger rows; each text found once, by its most specific kind."""
    points: dict[str, PrivacyPoint] = {}

    def add(kind: str, found: str, text: str, start: int) -> None:
        points.setdefault(found, PrivacyPoint(kind, found, _context(text, start, len(found))))

    parties = {case["当事人"]: case for case in cases if case.get("当事人")}
    numbers = {case["案件编号"] for case in cases}
    for text in paragraphs:
        for party, case in parties.items():
            if party in text:
                kind = "个人当事人姓名" if case.get("当事人类型") == "个人" else "案件当事人名称"
                add(kind, party, text, text.index(party))
        for number in numbers:
            if number in text:
                add("案件编号", number, text, text.index(number))
        for kind, pattern in _PATTERNS:
            for match in pattern.finditer(text):
                add(kind, match.group(), text, match.start())
        for name, start in _person_names(text):
            add("人员姓名", name, text, start)
    return list(points.values())


def _person_names(text: str) -> list[tuple[str, int]]:
    """Personal names jieba tags in ``text`` (a lone surname is joined with the one or two characters after it)."""
    tokens = list(jieba.posseg.cut(text))
    found, position = [], 0
    for index, (word, tag) in enumerate(tokens):
        if tag == _PERSON_TAG:
            following = tokens[index + 1].word if index + 1 < len(tokens) else ""
            joined = word + following if word in _surnames() and _is_han(following) else word
            if _looks_like_name(joined):
                found.append((joined, position))
        position += len(word)
    return found


def _is_han(word: str) -> bool:
    return 1 <= len(word) <= 2 and all("\u4e00" <= char <= "\u9fff" for char in word)


@cache
def _surnames() -> tuple[str, ...]:
    lines = SURNAMES_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def _looks_like_name(word: str) -> bool:
    """A person-name guess of jieba that begins with a common surname followed by one or two characters."""
    surname = max((name for name in _surnames() if word.startswith(name)), key=len, default="")
    return bool(surname) and 1 <= len(word) - len(surname) <= 2


def _context(text: str, start: int, length: int, around: int = 20) -> str:
    """The text around a match, with … where it was cut."""
    left, right = max(0, start - around), min(len(text), start + length + around)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")
