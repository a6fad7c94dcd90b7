"""The JSON API for the bureau's other systems: /api/search, /api/article, /api/review.
Every call carries `Authorization: Bearer TOKEN` (tokens: `fazhi user token NAME`)."""

import functools
from datetime import date

from flask import Blueprint, g, jsonify, request

from generator.review.casefile import KIND_NAMES, CaseFileError, parse_case
from generator.review.checks import review_case
from generator.review.thresholds import ThresholdError
from kb.cases.crossref import citing_article
from search.query import IndexMissing, QueryError
from web import users
from web.auth import client_address
from web.audit import log
from web.review_flow import Checked, review_json
from web.case_form import FormState
from web.services import searcher, store, web_db
from web.views.search import options_from

bp = Blueprint("api", __name__, url_prefix="/api")
MAX_LIMIT = 100


def token_required(role: str):
    """The call needs a valid token of a user holding `role` or higher."""
    def decorate(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            header = request.headers.get("Authorization", "")
            user = users.token_user(web_db(), header[7:].strip()) if header.startswith("Bearer ") else None
            if user is None:
                return _error("缺少有效的访问令牌（Authorization: Bearer TOKEN）", 401)
            if not user.may(role):
                return _error(f"此接口需要“{role}”或更高角色", 403)
            g.api_user = user
            return view(*args, **kwargs)
        return wrapper
    return decorate


def _error(message: str, status: int):
    return jsonify({"error": message}), status


@bp.route("/search")
@token_required(users.READER)
def search():
    """?q= plus the search page's filters (kind, category, region, status, year, law), limit ≤ 100."""
    query = request.args.get("q", "").strip()
    limit = max(1, min(MAX_LIMIT, request.args.get("limit", 10, type=int) or 10))
    try:
        result = searcher().search(query, options_from(request.args, limit))
    except (QueryError, IndexMissing) as error:
        return _error(str(error), 400)
    return jsonify({"query": query, "jumped": result.jumped, "notes": result.notes,
                    "hits": [hit.to_json() for hit in result.hits]})


@bp.route("/article")
@token_required(users.READER)
def article():
    """?citation=安全生产法第九十七条 (&version=YYYY-MM-DD) or ?id=ARTICLE_ID."""
    db = store()
    if request.args.get("id"):
        found = db.article(request.args.get("id", 0, type=int))
        law = db.law(found.law_id) if found else None
        if found is None:
            return _error("没有这一条文", 404)
    else:
        try:
            version = date.fromisoformat(request.args["version"]) if request.args.get("version") else None
            law, found = searcher().show(request.args.get("citation", ""), version)
        except ValueError as error:
            return _error(str(error), 404 if isinstance(error, QueryError) else 400)
        except IndexMissing as error:
            return _error(str(error), 400)
    refs = citing_article(db, law, found)
    return jsonify({"law": law.title, "part": law.part, "law_id": law.id, "version": law.version and law.version.isoformat(),
                    "status": law.status, "category": law.category, "region": law.region,
                    "article": found.label, "id": found.id, "number": found.number, "chapter": found.chapter,
                    "paragraphs": found.paragraphs, "citation": f"{law.display_title}{found.label}",
                    "versions": [{"law_id": v.id, "version": v.version and v.version.isoformat(), "status": v.status}
                                 for v in db.versions(law.key)],
                    "standard_items": [{"code": item.code, "title": item.title, "role": role,
                                        "standard": owner.display_title} for owner, item, role in refs.items],
                    "cases": [{"code": case.code, "title": case.title, "role": role} for case, role in refs.cases]})


@bp.route("/review", methods=["POST"])
@token_required(users.CLERK)
def review():
    """The machine's review of a case file sent as JSON (the case-file keys of CASEFILE.md)."""
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        return _error("请求体应为 JSON 对象（案件文件的字段）", 400)
    kind = request.args.get("kind")
    try:
        case = parse_case(data, KIND_NAMES.get(kind, kind) if kind else None, "案件文件")
        result = review_case(store(), case)
    except CaseFileError as error:
        return jsonify({"problems": error.problems, "findings": [], "conclusion": None}), 422
    except ThresholdError as error:
        return _error(f"听证标准：{error}", 422)
    log(web_db(), g.api_user.name, client_address(), "接口审核", str(data.get("文号") or data.get("标题") or ""))
    body = review_json(Checked(data, FormState(), result))
    return jsonify({"problems": [], "findings": body["findings"], "conclusion": body["conclusion"]})
