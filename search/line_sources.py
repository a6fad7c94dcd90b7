"""The articles the lines of the enforcement and the general dictionary were written from (their
third column, lexicon.sources), and their laws. A question about a violation told in the lay
words of a line is about the act that line's article punishes (许可证到期 → 《安全生产许可证条例》第二十条);
only penalty articles count: a line written from a duty or a definition names a topic, and a
question in its words may ask anything about it. A question told in the lay phrases of a law's
lines (situations of two or more words: 房东不退押金) is likely answered in that law."""

from kb.store import Store
from search import citation_hits, segment
from search.law_articles import is_penalty


class LineSources:
    """Resolves the citations of dictionary lines to the current articles they name (in the right
    part of a code: 《民法典》第六百五十七条 is of 合同编), kept per searcher."""

    def __init__(self, store: Store, names: dict[str, str]):
        self.store, self.names = store, names
        self._found: dict[str, tuple[str, int, bool] | None] = {}

    def penalty_ids(self, sources: list[str]) -> set[int]:
        """The ids of the current penalty articles among `sources` (as cited: 《消防法》第六十条)."""
        return {found[1] for source in sources if (found := self._located(source)) and found[2]}

    def law_keys(self, sources: list[str]) -> list[str]:
        """The keys of the laws of `sources`, in their order, without repeats."""
        return list(dict.fromkeys(found[0] for source in sources if (found := self._located(source))))

    def _located(self, source: str) -> tuple[str, int, bool] | None:
        """(law key, article id, whether it sets a penalty) of the current article a line cites,
        or None when the store lacks it."""
        if source not in self._found:
            resolved = citation_hits.resolved(segment.normalize(source), self.names)
            located = resolved and self.store.find_article(resolved[0][0], resolved[0][1].number,
                                                           resolved[0][1].suffix)
            self._found[source] = (located[0].key, located[1].id, is_penalty(located[1])) if located else None
        return self._found[source]
