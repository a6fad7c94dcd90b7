"""The review workflow: the unit (承办) submits a case through the form, the 法制科 (审核) sees the
machine's findings live, writes the opinions, chooses the conclusion and generates the document;
the unit sees the result. Case files import into and export from the form."""

import json
import tempfile
from datetime import date
from pathlib import Path

from flask import Blueprint, Response, abort, jsonify, redirect, render_template, request, send_file, url_for

from generator.review.casefile import OPINION, CaseFileError, read_data
from web import doc_templates, review_flow, submissions, uploads
from web.auth import current_user, record, role_required
from web.case_form import FormState, from_case_file, read_form
from web.form_specs import FORMS, REVIEW_KEYS, REVIEWER
from web.services import services, store, web_db

bp = Blueprint("review", __name__)
ATTACHMENT_TYPES = (uploads.PDF, uploads.DOCX, uploads.XLSX, uploads.PNG, uploads.JPEG, uploads.TEXT)


@bp.route("/review")
@role_required("承办")
def listing():
    """The cases the user may see: all for 审核, the unit's own for 承办."""
    user = current_user()
    status = request.args.get("status", "")
    rows = (submissions.listed(web_db(), status=status) if user.may("审核")
            else submissions.listed(web_db(), user.unit, user.name, status))
    return render_template("review_list.html", rows=rows, status=status,
                           statuses=(submissions.SUBMITTED, submissions.RETURNED, submissions.DECIDED))


@bp.route("/review/new", methods=["GET", "POST"])
@role_required("承办")
def new():
    """The submission form of one document type (?kind=); a YAML/JSON case file can be loaded."""
    user = current_user()
    kind = _requested_kind()
    if request.method == "GET":
        state = FormState(values={"送审日期": date.today().isoformat(), "送审科室": user.unit})
        return _form(state, None, kind)
    if request.form.get("load"):
        return _load_file(None, kind)
    data, accepted, refused = _validated(kind, None)
    if refused:
        return refused
    unit = data.get("送审科室") or data.get("起草单位") or user.unit
    made = submissions.create(web_db(), kind, _title(data), unit, user.name, data)
    _store_attachments(made.id, accepted)
    record("提交送审", f"#{made.id} {made.title}")
    return redirect(url_for("review.detail", submission_id=made.id))


@bp.route("/review/<int:submission_id>/edit", methods=["GET", "POST"])
@role_required("承办")
def edit(submission_id: int):
    """The unit corrects a case not yet decided (or sent back)."""
    found = _visible(submission_id)
    if found.status == submissions.DECIDED:
        abort(403, description="该案件已审核完毕，不能再修改。")
    kind = found.kind
    if request.method == "GET":
        return _form(from_case_file(found.data, kind), found, kind)
    if request.form.get("load"):
        return _load_file(found, kind)
    data, accepted, refused = _validated(kind, found)
    if refused:
        return refused
    submissions.update(web_db(), found.id, current_user().name, "修改后重新提交", _title(data), data=data,
                       title=_title(data), status=submissions.SUBMITTED)
    _store_attachments(found.id, accepted)
    record("修改送审", f"#{found.id}")
    return redirect(url_for("review.detail", submission_id=found.id))


@bp.route("/review/check", methods=["POST"])
@role_required("承办")
def live_check():
    """The live view: the form as it stands → problems per field and the machine's findings (JSON)."""
    submitting = request.form.get("_stage") != "review"
    if submitting:
        kind = _requested_kind()
        values = read_form(request.form, FORMS[kind][0])
    else:
        if not current_user().may("审核"):
            abort(403, description="审核意见只能由“审核”角色填写。")
        found = _visible(request.form.get("_submission", 0, type=int))
        kind, values = found.kind, _merged(found)
    return jsonify(review_flow.review_json(review_flow.check(store(), values, kind, submitting)))


@bp.route("/review/<int:submission_id>")
@role_required("承办")
def detail(submission_id: int):
    """A case: its file, attachments, history, the machine's findings; the reviewer's form for 审核."""
    found = _visible(submission_id)
    state = from_case_file(found.data, found.kind)
    reviewer, day = REVIEWER[found.kind]
    state.values[reviewer] = state.values.get(reviewer) or current_user().name
    state.values[day] = state.values.get(day) or date.today().isoformat()
    checked = review_flow.check(store(), found.data, found.kind, submitting=found.status != submissions.DECIDED)
    return _detail(found, state, checked)


@bp.route("/review/<int:submission_id>/decide", methods=["POST"])
@role_required("审核")
def decide(submission_id: int):
    """The reviewer's opinions and conclusion → the document, the ledger entry and the result."""
    found = _visible(submission_id)
    if found.status == submissions.DECIDED and not request.form.get("again"):
        abort(403, description="该案件已审核完毕。")
    values = _merged(found)
    checked = review_flow.check(store(), values, found.kind, submitting=False)
    if checked.review is None:
        state = from_case_file(values, found.kind)
        state.errors, state.general = checked.state.errors, checked.state.general
        return _detail(found, state, checked), 400
    folder = submissions.folder(services().data, found.id)
    template = doc_templates.active(services().data, review_flow.document_kind(found.kind))
    made = review_flow.generate(store(), checked.data, found.kind, folder, template)
    conclusion = made.review.conclusion.result
    submissions.update(web_db(), found.id, current_user().name, "审核完毕", f"结论：{conclusion}",
                       data=checked.data, status=submissions.DECIDED, conclusion=conclusion,
                       reviewer=current_user().name, document=made.path.name)
    record("生成文书", f"#{found.id} {found.kind} {checked.data.get('文号', '')}（{conclusion}）")
    return redirect(url_for("review.detail", submission_id=found.id))


@bp.route("/review/<int:submission_id>/return", methods=["POST"])
@role_required("审核")
def send_back(submission_id: int):
    """Send a case back to the unit for more investigation or corrections."""
    found = _visible(submission_id)
    reason = request.form.get("reason", "").strip() or "请补充完善后重新提交。"
    submissions.update(web_db(), found.id, current_user().name, "退回补充", reason, status=submissions.RETURNED)
    record("退回补充", f"#{found.id}：{reason}")
    return redirect(url_for("review.detail", submission_id=found.id))


@bp.route("/review/<int:submission_id>/document")
@role_required("承办")
def document(submission_id: int):
    """The generated document (.docx)."""
    found = _visible(submission_id)
    if not found.document:
        abort(404, description="该案件尚未生成文书。")
    path = submissions.folder(services().data, found.id) / found.document
    return send_file(path, as_attachment=True, download_name=f"{found.kind}-{found.id}.docx")


@bp.route("/review/<int:submission_id>/case.<fmt>")
@role_required("承办")
def export(submission_id: int, fmt: str):
    """The case file as YAML or JSON, for `fazhi review` / `fazhi generate`."""
    found = _visible(submission_id)
    if fmt == "json":
        body, mimetype = json.dumps(found.data, ensure_ascii=False, indent=2), "application/json"
    elif fmt == "yaml":
        body, mimetype = review_flow.dump(found.data), "application/x-yaml"
    else:
        abort(404)
    return Response(body, mimetype=mimetype,
                    headers={"Content-Disposition": f"attachment; filename=case-{found.id}.{fmt}"})


@bp.route("/review/<int:submission_id>/attachment/<int:attachment_id>")
@role_required("承办")
def attachment(submission_id: int, attachment_id: int):
    """One attachment of a case."""
    found = _visible(submission_id)
    chosen = next((a for a in submissions.attachments(web_db(), found.id) if a.id == attachment_id), None)
    if chosen is None:
        abort(404, description="没有这个附件。")
    path = submissions.folder(services().data, found.id) / "attachments" / chosen.stored
    return send_file(path, as_attachment=True, download_name=chosen.name)


# -- helpers -----------------------------------------------------------------------------------

def _visible(submission_id: int):
    found = submissions.get(web_db(), submission_id)
    if found is None:
        abort(404, description="没有这个案件。")
    user = current_user()
    if not (user.may("审核") or found.submitter == user.name or (found.unit and found.unit == user.unit)):
        abort(403, description="只能查看本科室提交的案件。")
    return found


def _merged(found) -> dict:
    """The stored case file with the reviewer's fields from the form."""
    base = {k: v for k, v in found.data.items() if k not in REVIEW_KEYS[found.kind]}
    return {**base, **read_form(request.form, FORMS[found.kind][1])}


def _validated(kind: str, found):
    """The submitted form checked: (case-file data without the reviewer's fields, accepted
    attachments, None), or (None, None, the form again with its problems)."""
    values = read_form(request.form, FORMS[kind][0])
    checked = review_flow.check(store(), values, kind, submitting=True)
    accepted, rejected = _attachments()
    if checked.state.errors or checked.state.general or rejected:
        return None, None, (_form(_with_values(checked, kind), found, kind, checked, rejected), 400)
    return {k: v for k, v in checked.data.items() if k not in REVIEW_KEYS[kind]}, accepted, None


def _requested_kind() -> str:
    kind = request.values.get("kind") or OPINION
    if kind not in FORMS:
        abort(404, description=f"没有“{kind}”这种文书类型。")
    return kind


def _title(data: dict) -> str:
    party = data.get("当事人", {}).get("名称", "") if isinstance(data.get("当事人"), dict) else ""
    named = data.get("案由") or data.get("决策事项") or data.get("标题") or ""
    return "　".join(x for x in (named, party) if x) or "未命名案件"


def _with_values(checked, kind: str) -> FormState:
    state = from_case_file(checked.data, kind)
    state.errors, state.general = checked.state.errors, checked.state.general
    return state


def _form(state: FormState, found, kind: str, checked=None, rejected=()):
    return render_template("review_form.html", state=state, found=found, sections=FORMS[kind][0], kind=kind,
                           checked=checked and review_flow.review_json(checked), rejected=list(rejected))


def _detail(found, state, checked):
    return render_template("review_detail.html", found=found, state=state, sections=FORMS[found.kind][0],
                           review_sections=FORMS[found.kind][1], checked=review_flow.review_json(checked),
                           history=submissions.history(web_db(), found.id),
                           attachments=submissions.attachments(web_db(), found.id), statuses=submissions)


def _load_file(found, kind: str):
    """Fill the form from an uploaded YAML/JSON case file."""
    file = request.files.get("casefile")
    try:
        if file is None or not file.filename:
            raise uploads.UploadRejected("请选择案件文件（.yaml 或 .json）")
        upload = uploads.accept(file, (uploads.TEXT,))
        with tempfile.TemporaryDirectory() as folder:
            path = uploads.save(upload, Path(folder))
            if path.suffix not in (".yaml", ".yml", ".json"):
                raise uploads.UploadRejected(f"“{upload.name}”：案件文件应为 .yaml、.yml 或 .json")
            data = read_data(path)
    except uploads.UploadRejected as error:
        return _form(FormState(general=[str(error)]), found, kind), 400
    except CaseFileError as error:
        return _form(FormState(general=[f"“{upload.name}”：{p}" for p in error.problems]), found, kind), 400
    written = str(data.get("文书类型") or kind)
    if found is None and written != kind and written in FORMS:
        kind = written
    state = from_case_file(data, kind)
    state.general = [f"已从“{upload.name}”载入案件信息，请核对后提交。"]
    return _form(state, found, kind)


def _attachments():
    accepted, rejected = [], []
    for file in request.files.getlist("attachments"):
        if not file.filename:
            continue
        try:
            accepted.append(uploads.accept(file, ATTACHMENT_TYPES))
        except uploads.UploadRejected as error:
            rejected.append(str(error))
    return accepted, rejected


def _store_attachments(submission_id: int, accepted) -> None:
    folder = submissions.folder(services().data, submission_id) / "attachments"
    for upload in accepted:
        path = uploads.save(upload, folder)
        submissions.add_attachment(web_db(), submission_id, upload.name, path, upload.kind, current_user().name)
