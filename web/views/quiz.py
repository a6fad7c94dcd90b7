"""The quiz page: a trainer assembles a paper from reviewed questions; anyone logged in takes it
and gets the score and each answer with its article and the sentence that proves it. Every result
is recorded, and counts as an exam (考试场次, 考核人次) in the annual report."""

import secrets
from datetime import date

from flask import Blueprint, abort, redirect, render_template, request, url_for

from kb.errors import KnowledgeError
from kb.quiz.models import KINDS, MULTIPLE, STATUTE, TRUE_FALSE
from kb.quiz.papers import approved_pool, assemble_paper, record_result, score_answers, take_paper
from kb.quiz.store import QuizStore
from web.auth import current_user, record, role_required
from web.services import store
from web.views.article import UNDATED

bp = Blueprint("quiz", __name__)
MAX_PER_KIND = 100


def _bank() -> QuizStore:
    return QuizStore(store())


def _index(status: int = 200, **shown):
    bank = _bank()
    counts, laws = approved_pool(bank)
    return render_template("quiz.html", papers=bank.papers()[::-1], counts=counts, laws=laws, kinds=KINDS,
                           form=request.form, **shown), status


@bp.route("/quiz")
def index():
    """The papers to take, and for trainers the form that assembles a new one."""
    return _index()


@bp.route("/quiz/papers", methods=["POST"])
@role_required("审核")
def assemble():
    """Assemble a paper of reviewed questions: how many of each kind, from all laws or one."""
    counts = {kind: max(0, min(MAX_PER_KIND, request.form.get(f"count_{kind}", 0, type=int) or 0)) for kind in KINDS}
    title = request.form.get("title", "").strip() or "法律知识测试卷"
    try:
        paper = assemble_paper(_bank(), title, counts, request.form.get("law") or None,
                               seed=secrets.randbelow(2 ** 31))
    except KnowledgeError as error:
        return _index(400, error=str(error))
    record("组卷", f"{paper.title}（{len(paper.question_ids)} 题）")
    return redirect(url_for("quiz.paper", paper_id=paper.id))


@bp.route("/quiz/<int:paper_id>", methods=["GET", "POST"])
def paper(paper_id: int):
    """Take a paper; on submission, the recorded score and every answer with its proof."""
    bank = _bank()
    try:
        questions = take_paper(bank, paper_id)
    except KnowledgeError as error:
        abort(404, description=str(error))
    title = bank.paper(paper_id).title
    user = current_user()
    if request.method == "GET":
        return render_template("quiz_paper.html", paper_id=paper_id, title=title, questions=questions,
                               person=user.name, unit=user.unit, session=title)
    answers = {q["id"]: _answer(q) for q in questions}
    person, unit = request.form.get("person", "").strip(), request.form.get("unit", "").strip()
    session_name = request.form.get("session", "").strip() or title
    try:
        result = record_result(bank, paper_id, person, answers, date.today(), session_name, unit)
    except KnowledgeError as error:
        return render_template("quiz_paper.html", paper_id=paper_id, title=title, questions=questions,
                               person=person, unit=unit, session=session_name, answers=answers, error=str(error)), 400
    record("参加考试", f"{title}：{result.person} {result.score:g}/{result.total:g} 分")
    return render_template("quiz_result.html", title=title, result=result, marks=score_answers(bank, paper_id, answers),
                           source_link=_source_link)


def _answer(question: dict) -> str:
    """What the form gave for one question: letters for choices, 正确/错误, or the words of the blank."""
    name = f"q{question['id']}"
    if question["kind"] == MULTIPLE:
        return "".join(sorted(request.form.getlist(name)))
    given = request.form.get(name, "").strip()
    return given if question["kind"] != TRUE_FALSE or given in ("正确", "错误") else ""


def _source_link(source) -> str | None:
    """The article page of a question's source (statutes only)."""
    if source.kind != STATUTE:
        return None
    return url_for("article.by_label", key=source.key, version=source.version.isoformat() if source.version else UNDATED,
                   label=source.label)
