"""What one search asks for and what it returns: the options (filters, size), the result, the
error a query that cannot run raises, and the engine filters the options make."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from kb.models import CURRENT
from search import segment
from search.hits import Hit

QUOTE_RE = re.compile(r"[\"“”「『]([^\"“”「」『』]+)[\"“”」』]")
STATUSES = {"current": (CURRENT,), "all": ()}


class QueryError(ValueError):
    """The query cannot be run; the message tells the user how to fix it."""


@dataclass
class SearchOptions:
    """Filters and size of one search."""

    limit: int = 10
    categories: tuple[str, ...] = ()
    law: str | None = None
    status: str = "current"         # current | all
    date_from: date | None = None
    date_to: date | None = None
    kinds: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    plain: bool = False             # benchmark baseline: plain BM25 on the text, no query understanding


@dataclass
class SearchResult:
    """Hits of a query; `jumped` is true when a citation led straight to its article."""

    query: str
    hits: list[Hit]
    jumped: bool = False
    notes: list[str] = field(default_factory=list)


def engine_filters(options: SearchOptions, law_keys: Callable[[str], list[str] | None]) -> dict[str, list[str]]:
    """The engine's filters for `options`; `law_keys(name)` gives the keys a law name stands for
    (None: no such law). Bad options raise QueryError with what to write instead."""
    must = {}
    if options.kinds:
        must["kind"] = list(options.kinds)
    if options.categories:
        must["category"] = list(options.categories)
    if options.regions:
        must["region"] = list(options.regions)
    if STATUSES.get(options.status):
        must["status"] = list(STATUSES[options.status])
    elif options.status not in STATUSES:
        raise QueryError(f"状态只能是 current（现行有效）或 all（全部版本），而不是“{options.status}”")
    if options.law:
        keys = law_keys(options.law)
        if not keys:
            raise QueryError(f"知识库中没有名为《{options.law}》的法规")
        must["law_key"] = keys
    return must


def free_text(query: str) -> str:
    """The text of a query that analysis reads: normalized, without its quoted phrases."""
    return QUOTE_RE.sub(" ", segment.normalize(query).strip())


def day_number(value: date | None) -> int:
    """A date as the engine stores it (20240301), 0 for none."""
    return int(value.strftime("%Y%m%d")) if value else 0
