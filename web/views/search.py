"""The search page: one box, facets, highlighted snippets, pages of results."""

from datetime import date

from flask import Blueprint, render_template, request
from markupsafe import Markup

from kb.categories import CATEGORIES
from search.answer import answer
from search.query import QueryError, SearchOptions
from search.snippets import segments
from web.services import searcher, services

bp = Blueprint("search", __name__)
PAGE_SIZE = 10
MAX_PAGES = 20
KINDS = ("条文", "裁量基准", "案例")
STATUSES = {"current": "仅现行有效", "all": "包括已被修订的版本"}


def options_from(args, limit: int) -> SearchOptions:
    """SearchOptions from the query string (the same filters as `fazhi search`)."""
    year = args.get("year", "").strip()
    span = (date(int(year), 1, 1), date(int(year), 12, 31)) if year.isdigit() and len(year) == 4 else (None, None)
    return SearchOptions(limit=limit, kinds=tuple(k for k in args.getlist("kind") if k in KINDS),
                         categories=tuple(c for c in args.getlist("category") if c in CATEGORIES),
                         regions=tuple(r for r in args.getlist("region") if r),
                         status=args.get("status", "current") if args.get("status") in STATUSES else "current",
                         law=args.get("law") or None, date_from=span[0], date_to=span[1])


def marked(hit) -> list[tuple[str, bool]]:
    """The snippet of a hit as (piece, matched) pairs; the template marks the matched pieces."""
    return segments(hit.snippet, hit.terms)


@bp.route("/search")
def search():
    """Search results for ?q=, filtered by the facets, PAGE_SIZE per page. The page below the
    header is rendered once per query string and kept until a new index is swapped in (web.cache):
    a re-import, a standard or case imported, `fazhi learn` is seen at the next request."""
    found = searcher()
    generation = found.reloads            # read before the searcher: see body
    current = found.current
    body = services().search_pages.get(("search", tuple(request.args.items(multi=True))), services().index_stamp(generation),
                                lambda: render_body(current))
    return render_template("search.html", query=request.args.get("q", "").strip(), body=body)


def render_body(found) -> Markup:
    """The search page below the header for the request's query string, searched with `found`
    (the searcher of the index generation the cache key names: a searcher read after its
    generation is never older than it, so an index swap never leaves old results cached)."""
    query = request.args.get("q", "").strip()
    page = max(1, min(MAX_PAGES, request.args.get("page", 1, type=int) or 1))
    shown = {"query": query, "args": request.args,
             "facets": {"kinds": KINDS, "categories": CATEGORIES, "statuses": STATUSES,
                        "regions": sorted({law.region for law in found.laws.values() if law.region})}}
    if not query:
        return Markup(render_template("_search_body.html", **shown))
    try:
        asked = answer(found, query, options_from(request.args, page * PAGE_SIZE + 1))
    except QueryError as error:
        return Markup(render_template("_search_body.html", error=str(error), **shown))
    result = asked.result
    hits = result.hits[(page - 1) * PAGE_SIZE:page * PAGE_SIZE]
    card = asked.card if page == 1 else None
    return Markup(render_template("_search_body.html", result=result, hits=hits, page=page, card=card,
                                  more=len(result.hits) > page * PAGE_SIZE and page < MAX_PAGES,
                                  pieces_of=marked, first=(page - 1) * PAGE_SIZE, **shown))
