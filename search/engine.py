"""The engine interface: what the rest of search needs from a full-text engine.

Documents arrive already segmented (space-joined tokens), so any engine sees the same tokens.
An engine is built into a fresh directory and opened read-only; `search.index` swaps
directories, so an engine never has to update an index in place.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Protocol

TEXT_FIELDS = ("title", "chapter", "body")
KEYWORD_FIELDS = ("kind", "category", "status", "region", "law_key", "section")


@dataclass
class IndexDoc:
    """One searchable unit: an article, a standard item or a case."""

    doc_id: int                     # article id, standard-item id or case id (unique per kind)
    kind: str                       # 条文 / 裁量基准 / 案例
    title: str                      # segmented tokens, space-joined
    chapter: str
    body: str
    category: str = ""
    status: str = ""
    region: str = ""
    section: str = ""               # 法律责任 for articles of a penalty chapter
    law_key: str = ""
    version: int = 0                # yyyymmdd, 0 when unknown


@dataclass
class EngineQuery:
    """A query in engine terms: weighted terms per field, phrases that must match, and filters."""

    terms: dict[str, dict[str, float]] = field(default_factory=dict)   # field -> term -> boost
    phrases: list[list[str]] = field(default_factory=list)             # token lists, each required
    must: dict[str, list[str]] = field(default_factory=dict)          # keyword field -> allowed values
    version_from: int = 0
    version_to: int = 0
    bonus: dict[str, tuple[list[str], float]] = field(default_factory=dict)  # keyword field ->
                                    # (values, score added to documents that have one of them)


@dataclass
class EngineHit:
    """One result: which document and its engine score."""

    kind: str
    doc_id: int
    score: float


class Engine(Protocol):
    """A full-text engine behind the search layer (tantivy today)."""

    def build(self, directory: Path, docs: Iterable[IndexDoc]) -> int:
        """Write a new index of `docs` into the empty `directory`; return the document count."""

    def open(self, directory: Path) -> "Engine":
        """Return a reader for the index in `directory`."""

    def search(self, query: EngineQuery, limit: int) -> list[EngineHit]:
        """Return up to `limit` hits, best first."""

    def idf(self, token: str) -> float:
        """Return how rare a body token is: log(1 + documents / (documents holding it + 1))."""

    def holds(self, token: str) -> bool:
        """Whether any document's body holds the token."""
