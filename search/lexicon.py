"""The lay-to-legal synonym dictionary (lexicon/synonyms.tsv) used to expand plain questions."""

from functools import lru_cache

from search.segment import LEXICON, normalize

SYNONYMS_FILE = LEXICON / "synonyms.tsv"


@lru_cache(maxsize=1)
def synonyms() -> dict[str, tuple[str, ...]]:
    """Return lay word → legal terms, as written in lexicon/synonyms.tsv."""
    table = {}
    for number, line in enumerate(SYNONYMS_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        lay, _, legal = line.partition("\t")
        if not legal.strip():
            raise ValueError(f"{SYNONYMS_FILE.name} 第 {number} 行：缺少制表符后的法律用语")
        table[normalize(lay.strip())] = tuple(legal.split())
    return table


def expand(query: str) -> list[str]:
    """Return the legal terms for every lay word found in the (normalized) query."""
    text = normalize(query)
    return [term for lay, legal in synonyms().items() if lay in text for term in legal]
