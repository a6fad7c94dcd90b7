"""Typical cases (典型案例): list, one case with the articles it cites, similar cases from facts."""

from flask import Blueprint, Response, abort, render_template, request

from kb.cases.crossref import case_articles
from kb.cases.similar import similar_cases
from kb.cases.store import CaseStore
from kb.cases.yamlfile import dump_case
from kb.errors import KnowledgeError
from web.services import store

bp = Blueprint("cases", __name__)
MAX_FACTS = 5000


@bp.route("/cases")
def cases():
    """Every case, newest first."""
    found = sorted(CaseStore(store()).all(), key=lambda case: case.decided, reverse=True)
    return render_template("cases.html", cases=found)


@bp.route("/cases/<code>")
def case(code: str):
    """One case and the full text of the articles it cites."""
    found = _case(code)
    try:
        cited = case_articles(store(), found)
    except KnowledgeError as error:
        cited, problem = [], str(error)
    else:
        problem = ""
    similar = similar_cases(store(), found.facts, limit=4, exclude=found.code)
    return render_template("case.html", case=found, cited=cited, problem=problem, similar=similar)


@bp.route("/cases/<code>/export.yaml")
def export(code: str):
    """The case as a YAML file (as `fazhi case export`)."""
    found = _case(code)
    return Response(dump_case(found), mimetype="application/x-yaml",
                    headers={"Content-Disposition": f"attachment; filename={found.code}.yaml"})


@bp.route("/cases/similar", methods=["GET", "POST"])
def similar():
    """Similar cases for pasted facts."""
    facts = (request.form.get("facts") or "").strip()[:MAX_FACTS]
    hits = similar_cases(store(), facts, limit=10) if facts else None
    return render_template("similar.html", facts=facts, hits=hits)


def _case(code: str):
    found = CaseStore(store()).get(code)
    if found is None:
        abort(404, description=f"没有编号或案号为“{code}”的案例。")
    return found
