"""Articles a searcher keeps in memory by id: parsed once from the store, with the passages
re-ranking looks at, so a query reads from SQLite only the articles no earlier query needed.

A searcher lives for one index generation (search.live opens a new one after a swap), and so
does its cache. Shared by threads.
"""

from dataclasses import dataclass
from typing import Iterable

from kb.models import Article
from kb.store import Store, article_from_row
from search import passages
from search.lru import LRU
from search.place_table import PlaceTable

SIZE = 20_000                   # prepared articles kept (about 60 MB on the whole corpus)
BATCH = 500                     # ids per SQL statement


@dataclass(frozen=True)
class Prepared:
    """An article and the texts its evidence is read from."""

    article: Article
    passages: tuple[str, ...]       # lead sentence first, then 款 and 项 (search.passages)
    whole: str                      # all paragraphs, one per line
    acts: tuple[str, ...]           # the items' texts (the acts a penalty article lists)


class ArticleCache:
    """Prepared articles by id (least recently used evicted), and the light place (law version
    id, chapter) of every article looked up, which is small enough to keep for all. Places and
    neighbours come from the index's place table when it holds the article."""

    def __init__(self, store: Store, size: int = SIZE, table: PlaceTable | None = None):
        self.store = store
        self.table = table
        self._prepared = LRU(size)
        self._places: dict[int, tuple[int, str]] = {}      # grows by dict updates, atomic under the GIL
        self._nearby: dict[tuple[int, int], dict[int, int]] = {}

    def places(self, ids: Iterable[int]) -> dict[int, tuple[int, str]]:
        """(law version id, chapter) of each id that is an article of the store."""
        ids = list(dict.fromkeys(ids))
        missing = [i for i in ids if i not in self._places]
        if self.table is not None:
            held = {i: place for i in missing if (place := self.table.place(i)) is not None}
            self._places.update(held)
            missing = [i for i in missing if i not in held]
        for chunk in _chunks(missing):
            self._places.update((row[0], (row[1], row[2])) for row in self.store.db.execute(
                f"SELECT id, law_id, chapter FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        return {i: self._places[i] for i in ids if i in self._places}

    def nearby(self, ids: Iterable[int], distance: int) -> dict[int, dict[int, int]]:
        """For each article id, the articles at most `distance` places before or after it in the
        same law version and chapter: {neighbour id: places apart}."""
        ids = list(dict.fromkeys(ids))
        missing = [i for i in ids if (i, distance) not in self._nearby]
        if self.table is not None:
            held = {i: found for i in missing if (found := self.table.nearby(i, distance)) is not None}
            self._nearby.update(((i, distance), found) for i, found in held.items())
            missing = [i for i in missing if i not in held]
        for chunk in _chunks(missing):
            found: dict[int, dict[int, int]] = {i: {} for i in chunk}
            for source, neighbour, apart in self.store.db.execute(
                    "SELECT a.id, b.id, abs(b.position - a.position) FROM articles a JOIN articles b"
                    " ON b.law_id = a.law_id AND b.chapter = a.chapter AND b.id != a.id"
                    " AND b.position BETWEEN a.position - ? AND a.position + ?"
                    f" WHERE a.id IN ({','.join('?' * len(chunk))})", [distance, distance, *chunk]):
                found[source][neighbour] = apart
            self._nearby.update(((i, distance), value) for i, value in found.items())
        return {i: self._nearby[(i, distance)] for i in ids}

    def prepared(self, ids: Iterable[int]) -> dict[int, Prepared]:
        """The prepared article of each id that is an article of the store."""
        found = {}
        missing = []
        for i in dict.fromkeys(ids):
            value = self._prepared.get(i)
            if value is None:
                missing.append(i)
            else:
                found[i] = value
        for chunk in _chunks(missing):
            rows = self.store.db.execute(
                f"SELECT * FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk).fetchall()
            loaded = {row["id"]: _prepare(article_from_row(row)) for row in rows}
            found.update(loaded)
            self._prepared.update(loaded)
            self._places.update((i, (p.article.law_id, p.article.chapter)) for i, p in loaded.items())
        return found

    def article(self, article_id: int) -> Article | None:
        """One article by id, or None when the store has no such article."""
        found = self.prepared([article_id]).get(article_id)
        return found.article if found else None


def _prepare(article: Article) -> Prepared:
    return Prepared(article, tuple(passages.passages(article.paragraphs, article.items)),
                    "\n".join(article.paragraphs), tuple(text for _, _, text in article.items))


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start:start + BATCH]
