"""The laws of the bureau's own work (lexicon/bureau_laws.txt): a small prior for their articles,
so that a question in the bureau's words reaches the law the bureau applies before a law of
another field that shares them (起诉期限 → 行政诉讼法 before 民事诉讼法)."""

from functools import lru_cache

from search.segment import LEXICON, normalize

BUREAU_FILE = LEXICON / "bureau_laws.txt"
NATIONAL = "中华人民共和国"


@lru_cache(maxsize=1)
def bureau_titles() -> tuple[str, ...]:
    """The titles listed in lexicon/bureau_laws.txt, normalized, without 中华人民共和国."""
    lines = BUREAU_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(dict.fromkeys(normalize(line.strip()).removeprefix(NATIONAL)
                               for line in lines if line.strip() and not line.startswith("#")))


def bureau_keys(names: dict[str, str]) -> frozenset[str]:
    """The keys of the listed laws present in the store (`names`: law name → key); a title the
    store does not hold is skipped (a smaller corpus, a law not imported)."""
    return frozenset(key for title in bureau_titles()
                     for key in (names.get(title) or names.get(NATIONAL + title),) if key)
