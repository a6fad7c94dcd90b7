"""Where each article stands (law version, chapter, position), written beside the index when it
is built, so that a query looks up the places and neighbours of its candidates in memory instead
of reading hundreds of article rows from SQLite.

The file holds a header (counts and the chapter names) and five int32 arrays: the article ids in
(law version, position) order, their law version ids, positions and chapter numbers, and for each
article id its index in the others (-1 for ids no article has). An article the table does not
hold (imported after the index was built) is looked up in the store by the caller
(search.article_cache), so the table only ever saves reads.
"""

import json
import sys
from array import array
from pathlib import Path


FILE = "places.bin"
MAGIC = b"FZPL1\n"


class PlaceTable:
    """Articles by id: their law version, chapter and neighbours, as of the index build."""

    def __init__(self, ids: array, laws: array, positions: array, chapters: array, rank: array,
                 names: list[str]):
        self.ids, self.laws, self.positions, self.chapters = ids, laws, positions, chapters
        self.rank, self.names = rank, names

    def _index(self, article_id: int) -> int:
        index = self.rank[article_id] if 0 <= article_id < len(self.rank) else -1
        return index if index < len(self.ids) and 0 <= self.chapters[index] < len(self.names) else -1

    def place(self, article_id: int) -> tuple[int, str] | None:
        """(law version id, chapter) of the article, or None when the table does not hold it."""
        index = self._index(article_id)
        return (self.laws[index], self.names[self.chapters[index]]) if index >= 0 else None

    def nearby(self, article_id: int, distance: int) -> dict[int, int] | None:
        """The articles at most `distance` places before or after it in the same law version and
        chapter ({id: places apart}), or None when the table does not hold it."""
        index = self._index(article_id)
        if index < 0:
            return None
        law, chapter, position = self.laws[index], self.chapters[index], self.positions[index]
        found = {}
        for other in range(max(index - distance, 0), min(index + distance + 1, len(self.ids))):
            apart = abs(self.positions[other] - position)
            if other != index and self.laws[other] == law and self.chapters[other] == chapter \
                    and apart <= distance:
                found[self.ids[other]] = apart
        return found


def write(directory: Path, places: list[tuple[int, int, int, str]]) -> None:
    """Write the place table of the articles (id, law version id, position, chapter) into the
    index `directory`."""
    rows = sorted(places, key=lambda place: (place[1], place[2]))
    ids, laws, positions, chapters = zip(*rows) if rows else ((), (), (), ())
    numbers = {name: number for number, name in enumerate(dict.fromkeys(chapters))}
    rank = array("i", [-1]) * ((max(ids) + 1) if ids else 0)
    for index, article_id in enumerate(ids):
        rank[article_id] = index
    columns = [array("i", ids), array("i", laws), array("i", positions),
               array("i", map(numbers.__getitem__, chapters)), rank]
    if sys.byteorder != "little":
        for column in columns:
            column.byteswap()
    header = json.dumps({"sizes": [len(column) for column in columns], "chapters": list(numbers)},
                        ensure_ascii=False).encode()
    with open(directory / FILE, "wb") as out:      # the directory is not live yet: no reader sees it
        out.write(MAGIC + len(header).to_bytes(4, "little") + header)
        for column in columns:
            out.write(column.tobytes())


def read(directory: Path) -> PlaceTable | None:
    """The place table of the index in `directory`, or None when it has none (an index built
    before the table existed) or the file is damaged."""
    try:
        data = (directory / FILE).read_bytes()
        if not data.startswith(MAGIC):
            return None
        start = len(MAGIC) + 4
        end = start + int.from_bytes(data[len(MAGIC):start], "little")
        header = json.loads(data[start:end])
        sizes, names = header["sizes"], header["chapters"]
        columns = []
        for size in sizes:
            column = array("i")
            column.frombytes(data[end:end + column.itemsize * size])
            end += column.itemsize * size
            if sys.byteorder != "little":
                column.byteswap()
            columns.append(column)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if len(columns) != 5 or [len(column) for column in columns] != sizes or len(set(sizes[:4])) != 1 \
            or end != len(data):
        return None
    return PlaceTable(*columns, names)

