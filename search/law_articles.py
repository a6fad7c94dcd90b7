"""Whole laws a searcher keeps in memory for the penalty card: a law version's articles, their
joined text, and which of its penalty articles name a duty article as breached (违反本法第X条).
Read from the store once per law version (the most recently used LAWS are kept); shared by
threads."""

import re
from dataclasses import dataclass

from kb.models import Article
from kb.numerals import chinese_to_int
from kb.store import Store
from search.index import PENALTY_CHAPTERS
from search.lru import LRU

LAWS = 64
PENALTY_TEXT = re.compile(r"罚款|吊销|没收|责令停产停业|警告|处分")
CITED = re.compile(r"违反本(?:法|条例|规定|办法)((?:第[一二三四五六七八九十百零〇]+条(?:第[一二三四五六七八九十]+款)?[、，和及或者]*)+)")
NUMBER = re.compile(r"第([一二三四五六七八九十百零〇]+)条")


def is_penalty(article: Article) -> bool:
    """Whether the article sets penalties: in a penalty chapter, or stating one in a law
    without chapters."""
    if article.chapter:
        return any(name in article.chapter for name in PENALTY_CHAPTERS)
    return bool(PENALTY_TEXT.search(article.text))


def cited_duties(text: str) -> list[int]:
    """The numbers of the articles of its own law a penalty text says were breached (违反本法第X条)."""
    return [chinese_to_int(n) for span in CITED.findall(text) for n in NUMBER.findall(span)]


@dataclass(frozen=True)
class LawText:
    """One law version read whole."""

    articles: tuple[Article, ...]
    text: str                                   # every article's text, one per line
    punishing: dict[int, tuple[Article, ...]]   # duty article number → penalty articles naming it


class LawArticles:
    """Law versions read whole, by law version id."""

    def __init__(self, store: Store, size: int = LAWS):
        self.store = store
        self._laws = LRU(size)

    def law(self, law_id: int) -> LawText:
        """The articles, text and duty links of one law version."""
        found = self._laws.get(law_id)
        if found:
            return found
        articles = tuple(self.store.articles(law_id))
        punishing: dict[int, list[Article]] = {}
        for article in articles:
            if is_penalty(article):
                for duty in dict.fromkeys(cited_duties(article.text)):
                    punishing.setdefault(duty, []).append(article)
        found = LawText(articles, "\n".join(a.text for a in articles),
                        {duty: tuple(named) for duty, named in punishing.items()})
        self._laws.update({law_id: found})
        return found
