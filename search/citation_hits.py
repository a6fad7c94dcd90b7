"""A query that cites an article (安全生产法第九十七条, 《行政处罚法》第五十八条) jumps straight to it:
which laws a query's citations name, and the hits of the cited articles in the versions asked for."""

from datetime import date

from kb.citations import Citation, parse_citations, resolve_law_name
from kb.models import Law
from kb.store import Store
from search.hits import Hit, HitMaker


def resolved(text: str, names: dict[str, str]) -> list[tuple[str, Citation]]:
    """(law name, citation) of each citation of `text` whose law is in `names` (a citation of the
    same law written without its name, 第X条 after 安全生产法第Y条, takes the law before it)."""
    found, last_law = [], None
    for citation in parse_citations(text):
        name = resolve_law_name(citation.law, names.__contains__) if citation.law else None
        name = name or (last_law if citation.refers_to_context else None)
        if name:
            found.append((name, citation))
            last_law = name
    return found


def citation_hits(store: Store, hits: HitMaker, cited: list[tuple[list[Law], Citation]]) -> list[Hit]:
    """The hits of the cited articles: for each (versions of its law, newest first; citation)."""
    found = []
    for laws, citation in cited:
        for law in laws:
            row = store.db.execute("SELECT id FROM articles WHERE law_id = ? AND number = ? AND suffix = ?",
                                   (law.id, citation.number, citation.suffix)).fetchone()
            if row:
                found.append(hits.article_hit(store.article(row[0]), 1.0, []))
    return found


def newest_first(laws: list[Law], statuses: tuple[str, ...]) -> list[Law]:
    """The versions of one law with one of `statuses` (any when empty), newest first."""
    chosen = [law for law in laws if not statuses or law.status in statuses]
    return sorted(chosen, key=lambda law: law.version or date.min, reverse=True)
