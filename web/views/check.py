"""Citation check of an uploaded draft: every citation exists, is current, quotes the wording."""

import tempfile
from pathlib import Path

from flask import Blueprint, abort, render_template, request, send_file, session

from generator.draft_report import write_draft_report
from generator.review import findings as fd
from generator.review.draft_check import DraftError, check_draft
from web import uploads
from web.auth import record, role_required
from web.services import services, store

bp = Blueprint("check", __name__)
REPORTS = "reports"


@bp.route("/check", methods=["GET", "POST"])
@role_required("承办")
def check():
    """Upload a draft (.docx or .txt); see its citation report and download it as .docx."""
    if request.method == "GET":
        return render_template("check.html")
    file = request.files.get("draft")
    if file is None or not file.filename:
        return render_template("check.html", error="请选择要核对的草稿文件（.docx 或 .txt）。"), 400
    try:
        upload = uploads.accept(file, (uploads.DOCX, uploads.TEXT))
    except uploads.UploadRejected as error:
        return render_template("check.html", error=str(error)), 400
    folder = Path(tempfile.mkdtemp(dir=_reports()))
    path = uploads.save(upload, folder)
    try:
        report = check_draft(store(), path)
    except DraftError as error:
        return render_template("check.html", error=str(error).replace(str(path), upload.name)), 400
    report.source = upload.name
    out = folder / "引用核对报告.docx"
    write_draft_report(report, out)
    session["check_report"] = str(out.relative_to(_reports()))
    record("引用核对", upload.name)
    return render_template("check.html", report=report, problems=report.count(fd.PROBLEM),
                           notes=report.count(fd.NOTE), outcomes=fd)


@bp.route("/check/report.docx")
@role_required("承办")
def report():
    """The last report of this session as .docx."""
    relative = session.get("check_report")
    if not relative:
        abort(404, description="没有可下载的核对报告：请先上传草稿。")
    path = (_reports() / relative).resolve()
    if not path.is_file() or _reports().resolve() not in path.parents:
        abort(404, description="核对报告已不存在：请重新上传草稿。")
    return send_file(path, as_attachment=True, download_name="引用核对报告.docx")


def _reports() -> Path:
    folder = services().data / "web" / REPORTS
    folder.mkdir(parents=True, exist_ok=True)
    return folder
