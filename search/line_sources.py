"""The articles the lines of the enforcement and the general dictionary were written from (their
third column, lexicon.sources), and their laws. A question about a violation told in the lay
words of a line is about the act that line's article punishes (许可证到期 → 《安全生产许可证条例》第二十条);
only penalty articles count: a line written from a duty or a definition names a topic, and a
question in its words may ask anything about it. A question told in the lay phrases of a law's
lines (situations of two or more words: 房东不退押金) is likely answered in that law."""

from kb.citations import Citation
from kb.models import CURRENT, Law
from kb.store import Store
from search import citation_hits, segment
from search.law_articles import is_penalty


class LineSources:
    """Resolves the citations of dictionary lines to their laws and current penalty articles, kept
    per searcher."""

    def __init__(self, store: Store, laws: dict[int, Law], names: dict[str, str]):
        self.store, self.laws, self.names = store, laws, names
        self._found: dict[str, int | None] = {}
        self._citations: dict[str, tuple[str, Citation] | None] = {}

    def penalty_ids(self, sources: list[str]) -> set[int]:
        """The ids of the current penalty articles among `sources` (as cited: 《消防法》第六十条)."""
        return {found for source in sources if (found := self._penalty_id(source))}

    def law_keys(self, sources: list[str]) -> list[str]:
        """The keys of the laws of `sources`, in their order, without repeats."""
        return list(dict.fromkeys(cited[0] for source in sources if (cited := self._cited(source))))

    def _cited(self, source: str) -> tuple[str, Citation] | None:
        """(law key, citation) of a line's source, or None when the store lacks its law."""
        if source not in self._citations:
            resolved = citation_hits.resolved(segment.normalize(source), self.names)
            self._citations[source] = (self.names[resolved[0][0]], resolved[0][1]) if resolved else None
        return self._citations[source]

    def _penalty_id(self, source: str) -> int | None:
        if source not in self._found:
            cited = self._cited(source)
            found = None
            if cited:
                key, citation = cited
                laws = citation_hits.newest_first([law for law in self.laws.values() if law.key == key], (CURRENT,))
                found = next((a.id for law in laws for a in self.store.articles(law.id)
                              if a.number == citation.number and a.suffix == citation.suffix and is_penalty(a)),
                             None)
            self._found[source] = found
        return self._found[source]
