"""The lay-to-legal synonym dictionary (lexicon/synonyms.tsv) used to expand plain questions."""

from functools import lru_cache

from search import segment
from search.segment import LEXICON, normalize

SYNONYMS_FILE = LEXICON / "synonyms.tsv"
LAY_SEPARATOR = "、"


@lru_cache(maxsize=1)
def synonyms() -> dict[str, tuple[str, ...]]:
    """Return lay word → legal terms, as written in lexicon/synonyms.tsv.

    A line holds lay words separated by 、, a tab, and legal terms separated by spaces; a lay word
    on several lines gets the legal terms of all of them.
    """
    table: dict[str, list[str]] = {}
    for number, line in enumerate(SYNONYMS_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        lay, _, legal = line.partition("\t")
        if not legal.strip() or not lay.strip():
            raise ValueError(f"{SYNONYMS_FILE.name} 第 {number} 行：应为“通俗说法、…<制表符>法律用语 …”")
        for word in lay.split(LAY_SEPARATOR):
            terms = table.setdefault(normalize(word.strip()), [])
            terms.extend(t for t in legal.split() if t not in terms)
    return {word: tuple(terms) for word, terms in table.items() if word}


def expand(query: str, words: list[str] | None = None) -> list[str]:
    """Return the legal terms for every lay word found in the query, without repeats.

    A lay word of two or more characters matches anywhere in the normalized query; a single
    character (罚, 偷) only when it is a word of its own in `words` (the query's segmentation).
    A lay word inside a longer one that matched gives way to it (监护 inside 现场监护: the sense
    of the longer word decides).
    """
    text = normalize(query)
    words = set(words if words is not None else segment.words(text))
    matched = [lay for lay in synonyms() if (lay in words if len(lay) == 1 else lay in text)]
    kept = [lay for lay in matched if not any(lay != other and lay in other for other in matched)]
    return list(dict.fromkeys(term for lay in kept for term in synonyms()[lay]))
