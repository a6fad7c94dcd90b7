"""Articles that cite a strong hit, and articles a strong hit cites: a judicial interpretation
applies the code article it cites (依照民法典第一千一百六十五条…), a penalty article punishes the duty it
names (违反本法第二十条…), so an article linked so to one of the best hits is worth a place below the
first ten even when the question's words miss it (STARD tuning part, product: R@100 0.801 → 0.804
with the citing articles, 0.807 with the cited ones too; everything above the tenth hit unchanged;
bench/README.md, round 12).

The citations of every article are parsed when it is segmented (search.index, in the
segmentation workers) and kept with its tokens; an index build resolves their law names and writes
the links both ways beside the index (`FILE`). A citation names its law
(《安全生产法》第九十七条), the law it stands in (本法第二十条, 本条例…; 本编 the part of a code it stands in),
or, written bare (第三十条), the law the same article named last; a bare citation with no law named
before it is left out (it may mean another text's article).
"""

import json
import marshal
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable

from kb.citations import CONTEXT_WORDS, parse_citations, resolve_law_name
from kb.models import Law
from search.article_cache import ArticleCache
from search.engine import EngineHit, EngineQuery
from search.nearby import with_related
from search.votes import allowed

FILE = "citing.marshal"     # marshal: a third of JSON's reading time for these plain dicts, and no code runs
SOURCES = 10        # the best articles whose citing articles are looked at
WEIGHT = 0.5        # share of a source's score for an article it cites or citing it (0.4: R@100 −0.003, 0.7: −0.001)
PART_WORD = "本编"   # the part of a code, where 本法 is the whole code

NO_CITATIONS = "[]"         # the stored citations of an article that cites nothing
Cited = tuple[str, int, int]        # (law key, article number, suffix)


def citations_of(text: str) -> str:
    """The citations of an article's text as stored with its tokens: a JSON list of [law as
    written or "", number, suffix] (NO_CITATIONS when it cites nothing)."""
    return json.dumps([[c.law or "", c.number, c.suffix] for c in parse_citations(text)], ensure_ascii=False)


def cited_articles(stored: str, law: Law, names: dict[str, str], parts: dict[str, list[str]]) -> set[Cited]:
    """The articles the stored citations of an article of `law` cite, by law key (`names`: law
    name → key; `parts`: a code's title → the keys of its parts)."""
    found, last = set(), None
    for written, number, suffix in json.loads(stored):
        if written.endswith(PART_WORD):
            keys = [law.key]
        elif written.endswith(CONTEXT_WORDS):
            keys = parts.get(law.title, [law.key])
        elif written:
            name = resolve_law_name(written, names.__contains__)
            if not name:
                continue
            last = parts.get(names[name], [names[name]])
            keys = last
        elif last:
            keys = last
        else:
            continue
        found.update((key, number, suffix) for key in keys)
    return found


@dataclass
class CitingTable:
    """Citation links between articles, by article id: the articles citing each article (every
    version of the cited law's article of that number), and the articles each article cites."""

    citing: dict[int, list[int]] = field(default_factory=dict)
    cites: dict[int, list[int]] = field(default_factory=dict)


def write(directory: Path, rows: Iterable[tuple[int, int, str]], laws: dict[int, Law],
          names: dict[str, str], parts: dict[str, list[str]], numbered: Iterable[tuple[int, int, int, int]]) -> None:
    """Write the citation links into the index `directory`, from the rows (article id, law version
    id, stored citations) and the (id, law version id, number, suffix) of every article."""
    versions: dict[Cited, list[int]] = {}
    for article_id, law_id, number, suffix in numbered:
        versions.setdefault((laws[law_id].key, number, suffix), []).append(article_id)
    table = CitingTable()
    for article_id, law_id, stored in rows:
        for cited in cited_articles(stored, laws[law_id], names, parts):
            for cited_id in versions.get(cited, ()):
                table.citing.setdefault(cited_id, []).append(article_id)
                table.cites.setdefault(article_id, []).append(cited_id)
    (directory / FILE).write_bytes(marshal.dumps({"citing": table.citing, "cites": table.cites}))


def read(directory: Path) -> CitingTable:
    """The links of the index in `directory` (none for an index built without them, by another
    Python, or damaged)."""
    try:
        data = marshal.loads((directory / FILE).read_bytes())
        return CitingTable(data["citing"], data["cites"])
    except (OSError, ValueError, EOFError, KeyError, TypeError):
        return CitingTable()


def with_citing(ranked: list[EngineHit], table: CitingTable, articles: ArticleCache,
                laws: dict[int, Law], engine_query: EngineQuery) -> list[EngineHit]:
    """`ranked` (best first) with the articles that cite one of its SOURCES best articles, or that
    one of them cites, scored up or added below the first ten (search.nearby.with_related): those
    that pass the query's filters and whose versions fit (a citing text is not older than the
    version it cites). `laws`: law version id → law; `articles` gives the articles' places."""
    shares = {}
    sources = [c.doc_id for c in ranked if c.kind == "条文"][:SOURCES]
    for source, (law_id, _) in articles.places(sources).items():
        since = laws[law_id].version
        if not since:
            continue
        citing = articles.places(i for i in table.citing.get(source, []) if i != source)
        cited = articles.places(i for i in table.cites.get(source, []) if i != source)
        found = {i: WEIGHT for i, (law_id, _) in citing.items() if _fits(laws[law_id], engine_query, since, None)}
        found.update({i: WEIGHT for i, (law_id, _) in cited.items() if _fits(laws[law_id], engine_query, None, since)})
        if found:
            shares[source] = found
    return with_related(ranked, shares)


def _fits(law: Law, engine_query: EngineQuery, since: date | None, until: date | None) -> bool:
    """Whether `law` passes the query's filters and its version date is known and within since…until."""
    return bool(law.version) and (not since or law.version >= since) and (not until or law.version <= until) \
        and allowed(law, engine_query)
