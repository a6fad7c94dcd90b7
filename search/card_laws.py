"""The laws a penalty card may cite (lexicon/card_laws.tsv): the laws whose penalty provisions the
bureau applies, each with the words that bring a question within its own scope, or 一般 for the
general law that gives way to them."""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kb.models import CURRENT, Law
from search.segment import LEXICON, normalize

CARD_LAWS_FILE = LEXICON / "card_laws.tsv"
GENERAL = "一般"
SEPARATOR = "、"
# The bureau's own name (应急管理局, 应急局, 应急管理部门 …) says who acts or whom a report is owed
# to, not what a question is about: its 应急 names no law's scope.
OWN_NAME = re.compile(r"应急(?:管理)?(?:部门|局|厅|部|办)")
TOGETHER = "+"          # a scope word of parts that must all be in the question: 复议+被告


@dataclass(frozen=True)
class Scope:
    """One law of the table: its title as cited and the words of its scope (empty: general)."""

    title: str
    words: tuple[str, ...]

    @property
    def general(self) -> bool:
        """Whether this is the general law, which applies unless a law of narrower scope does."""
        return not self.words

    def named_in(self, question: str) -> str:
        """The first word of the scope the (normalized) question names, or '' — not counting the
        bureau's own name (OWN_NAME)."""
        question = OWN_NAME.sub(" ", question)
        return next((word for word in self.words if said(word, question)), "")


def said(word: str, question: str) -> bool:
    """Whether the (normalized) question holds a scope word: each of its parts, for a word of
    parts joined by TOGETHER (复议+被告: a court case on a 复议 is 行政诉讼)."""
    return all(part in question for part in word.split(TOGETHER))


@lru_cache(maxsize=1)
def scopes() -> dict[str, Scope]:
    """Title (normalized, without 中华人民共和国) → Scope, as written in lexicon/card_laws.tsv."""
    return read_scopes(CARD_LAWS_FILE)


def read_scopes(path: Path) -> dict[str, Scope]:
    """Read a table of card laws (the format of lexicon/card_laws.tsv); a malformed line raises
    ValueError naming the file and the line."""
    table = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) != 2 or not all(cells):
            raise ValueError(f"{path.name} 第 {number} 行：应有 2 列（法规名称、调整范围用语或“一般”），以制表符分隔")
        words = () if cells[1] == GENERAL else tuple(normalize(w) for w in cells[1].split(SEPARATOR) if w)
        table[normalize(cells[0])] = Scope(cells[0], words)
    return table


def scope_of(law: Law) -> Scope | None:
    """The Scope of a current national law of the table, or None (another law, a local one, an
    older version: no card cites it)."""
    if law.status != CURRENT or not law.is_national:
        return None
    return _scope_named(law.short_title)


def cited_law(title: str) -> bool:
    """Whether the law of this title (with or without 中华人民共和国) is one of the table's, that a
    card may cite."""
    return _scope_named(normalize(title).removeprefix("中华人民共和国")) is not None


@lru_cache(maxsize=None)
def _scope_named(short_title: str) -> Scope | None:
    return scopes().get(normalize(short_title))
