"""The import page: statute files, standards, cases or the samples, with progress and a result
per file."""

import tempfile
from pathlib import Path

from flask import Blueprint, abort, jsonify, redirect, render_template, request, url_for

from web import import_jobs, uploads
from web.auth import client_address, current_user, record, role_required
from web.services import services

bp = Blueprint("imports", __name__)
ALLOWED = {import_jobs.STATUTES: (uploads.TEXT, uploads.DOCX),
           import_jobs.STANDARDS: (uploads.TEXT, uploads.XLSX),
           import_jobs.CASES: (uploads.TEXT, uploads.DOCX)}


@bp.route("/import", methods=["GET", "POST"])
@role_required("审核")
def import_page():
    """Choose files and what they are; rejected files are listed with the reason, the rest imported."""
    if request.method == "GET":
        return render_template("import.html", kinds=import_jobs.KINDS)
    data = services().data
    if request.form.get("samples"):
        job = import_jobs.start(data, import_jobs.SAMPLES, [], current_user().name, client_address())
        record("导入", "示例内容")
        return redirect(url_for("imports.progress", job_id=job.id))
    kind = request.form.get("kind", "")
    if kind not in ALLOWED:
        return render_template("import.html", kinds=import_jobs.KINDS, error="请选择导入的内容类型。"), 400
    files = [f for f in request.files.getlist("files") if f.filename]
    if not files:
        return render_template("import.html", kinds=import_jobs.KINDS, error="请选择要导入的文件。"), 400
    folder = Path(tempfile.mkdtemp(dir=_uploads(data)))
    accepted, rejected = [], []
    for file in files:
        try:
            upload = uploads.accept(file, ALLOWED[kind])
        except uploads.UploadRejected as error:
            rejected.append(str(error))
            continue
        accepted.append((upload.name, uploads.save(upload, folder)))
    if not accepted:
        return render_template("import.html", kinds=import_jobs.KINDS, rejected=rejected,
                               error="没有可导入的文件，未导入任何内容。"), 400
    job = import_jobs.start(data, kind, accepted, current_user().name, client_address())
    record("导入", f"{kind}：" + "、".join(name for name, _ in accepted))
    return render_template("import_progress.html", job=job, rejected=rejected)


@bp.route("/import/<job_id>")
@role_required("审核")
def progress(job_id: str):
    """The progress page of one import."""
    job = import_jobs.get(services().data, job_id) or abort(404, description=f"没有这次导入（导入记录保留 {import_jobs.KEEP_DAYS} 天）。")
    return render_template("import_progress.html", job=job, rejected=[])


@bp.route("/import/<job_id>/state")
@role_required("审核")
def state(job_id: str):
    """The state of one import as JSON, polled by the progress page."""
    job = import_jobs.get(services().data, job_id) or abort(404)
    return jsonify(job.state())


def _uploads(data: Path) -> Path:
    folder = data / "web" / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
