"""The article page (its law, chapter path, neighbours, table of contents, other versions, what
cites it, citations to copy) and the side-by-side comparison of two versions of a law."""

from datetime import date

from flask import Blueprint, abort, redirect, render_template, request, url_for
from markupsafe import Markup

from kb.cases.crossref import citing_article
from kb.numerals import int_to_chinese
from kb.versions_diff import UNCHANGED, counterpart, match_articles
from web.services import services, store

bp = Blueprint("article", __name__)
UNDATED = "版本日期不详"


def citations(law, article) -> list[tuple[str, str]]:
    """(what, citation) for the article, each 款 and each 项, as 复制引用 offers them:
    《中华人民共和国安全生产法》第九十七条第（三）项."""
    base = f"{law.display_title}{article.label}"
    found = [("本条", base)]
    items = {index: number for index, number, _ in article.items}
    paragraph = 0
    for index, _ in enumerate(article.paragraphs):
        if index in items:
            found.append((f"第（{int_to_chinese(items[index])}）项",
                          f"{base}{_paragraph(paragraph, article)}第（{int_to_chinese(items[index])}）项"))
        else:
            paragraph += 1
            if _paragraph_count(article) > 1:
                found.append((f"第{int_to_chinese(paragraph)}款", f"{base}第{int_to_chinese(paragraph)}款"))
    return found


def _paragraph_count(article) -> int:
    items = {index for index, _, _ in article.items}
    return sum(1 for index in range(len(article.paragraphs)) if index not in items)


def _paragraph(number: int, article) -> str:
    return f"第{int_to_chinese(number)}款" if _paragraph_count(article) > 1 else ""


def contents(articles) -> list[tuple[str, list]]:
    """The table of contents: (chapter path, its articles) in order."""
    groups: list[tuple[str, list]] = []
    for article in articles:
        if not groups or groups[-1][0] != article.chapter:
            groups.append((article.chapter, []))
        groups[-1][1].append(article)
    return groups


def _law_view(law_id: int) -> tuple:
    """(law, its articles, its other versions) — read once per data change."""
    def read():
        law = store().law(law_id)
        return law, _articles(law.id), [other for other in store().versions(law.key) if other.id != law.id]
    return services().memo(("law", law_id), read)


def _articles(law_id: int) -> list:
    """The articles of one law version, in order — read once per data change."""
    return services().memo(("articles", law_id), lambda: store().articles(law_id))


def article_path(law, article) -> str:
    """The stable address of an article: law, version and label (ids change when a law is
    imported again; this address does not)."""
    return url_for("article.by_label", key=law.key, version=law.version.isoformat() if law.version else UNDATED,
                   label=article.label)


bp.add_app_template_global(article_path, "article_path")


@bp.route("/article/<int:article_id>")
def article(article_id: int):
    """One article by id (as the API and search hits return it): redirect to its stable address."""
    found = store().article(article_id)
    if found is None:
        abort(404, description="没有这一条文（可能已被重新导入）。")
    return redirect(article_path(store().law(found.law_id), found))


@bp.route("/statute/<path:key>/<version>/<label>")
def by_label(key: str, version: str, label: str):
    """One article in its law: chapter path, neighbours, contents, other versions, what cites it.
    The page below the header is rendered once per article and kept until the data changes
    (web.cache): after a re-import the next request reads the article again."""
    title, body = services().article_pages.get(("article", key, version, label), services().stamp(),
                                       lambda: render_body(key, version, label))
    return render_template("article.html", title=title, body=body)


def render_body(key: str, version: str, label: str) -> tuple[str, Markup]:
    """(page title, the article page below the header) of one article; 404 when there is none."""
    chosen = next((law for law in store().versions(key)
                   if (law.version.isoformat() if law.version else UNDATED) == version), None)
    if chosen is None:
        abort(404, description=f"法规库中没有《{key}》的这一版本。")
    law, siblings, others = _law_view(chosen.id)
    position = next((i for i, a in enumerate(siblings) if a.label == label), None)
    if position is None:
        abort(404, description=f"{law.display_title}（{law.version_text}）中没有{label}。")
    found = siblings[position]
    refs = citing_article(store(), law, found)
    return law.short_title + found.label, Markup(render_template(
        "_article_body.html", law=law, article=found, refs=refs,
        previous=siblings[position - 1] if position else None,
        following=siblings[position + 1] if position + 1 < len(siblings) else None,
        contents=services().memo(("contents", law.id), lambda: contents(siblings)), others=others,
        citations=citations(law, found), base=article_path(law, found).rsplit("/", 1)[0] + "/"))


@bp.route("/counterpart")
def counterpart_in():
    """The article (?article= id) in another version of its law (?other= law id): a redirect to it,
    or a page saying that version has none. Matched when asked for, not on every article page:
    matching the versions of a long law takes seconds."""
    db = store()
    found, other = db.article(request.args.get("article", 0, type=int)), db.law(request.args.get("other", 0, type=int))
    law = db.law(found.law_id) if found else None
    if law is None or other is None or other.key != law.key or other.id == law.id:
        abort(404, description="请从条文页面选择同一法规的另一版本。")
    law, siblings, _ = _law_view(law.id)
    article = next(a for a in siblings if a.id == found.id)
    match = services().memo(("counterpart", article.id, other.id), lambda: counterpart(
        article, siblings, _articles(other.id), (other.version or date.min) < (law.version or date.min)))
    if match is None:
        return render_template("error.html", title="没有对应条文",
                               message=f"{other.display_title}（{other.version_text}）中没有与{law.version_text}"
                                       f"{article.label}对应的条文。"), 404
    return redirect(article_path(other, match))


@bp.route("/compare")
def compare():
    """Two versions of a law side by side (?left=&right= law ids; ?article= to open at one)."""
    db = store()
    left, right = db.law(request.args.get("left", 0, type=int)), db.law(request.args.get("right", 0, type=int))
    if left is None or right is None or left.key != right.key:
        abort(404, description="请选择同一部法规的两个版本进行比较。")
    if (left.version or date.min) > (right.version or date.min):
        left, right = right, left
    rows = services().memo(("compare", left.id, right.id),
                           lambda: match_articles(db.articles(left.id), db.articles(right.id)))
    focus = request.args.get("article", 0, type=int)
    show_all = request.args.get("all") == "1"
    changed = sum(1 for row in rows if row.status != UNCHANGED)
    return render_template("compare.html", left=left, right=right, rows=rows, focus=focus, show_all=show_all,
                           changed=changed, versions=db.versions(left.key), same=UNCHANGED)
