"""The ledger import page: upload the bureau's ledgers (.xlsx/.csv) for the reports, see each bad
row with its sheet, row, column and reason, and download the blank template of each kind."""

import tempfile
from pathlib import Path

from flask import Blueprint, abort, render_template, request, send_file

from kb.ledgers import KINDS
from kb.ledgers import store as ledger_store
from kb.ledgers.template import write_template
from web import uploads
from web.auth import record, role_required
from web.ledger_upload import import_upload
from web.services import services, store

bp = Blueprint("ledger_import", __name__)


def _page(status: int = 200, **shown):
    return render_template("ledger_import.html", kinds=KINDS, counts=ledger_store.counts(store()), **shown), status


@bp.route("/reports/ledgers", methods=["GET", "POST"])
@role_required("审核")
def ledgers():
    """What the ledgers hold per year; upload ledger files and see the result of each."""
    if request.method == "GET":
        return _page()
    forced = KINDS.get(request.form.get("kind", ""))
    files = [f for f in request.files.getlist("files") if f.filename]
    if not files:
        return _page(400, error="请选择要导入的台账文件（.xlsx 或 .csv）。")
    folder = _uploads()
    outcomes, rejected = [], []
    for file in files:
        try:
            upload = uploads.accept(file, (uploads.XLSX, uploads.TEXT))
        except uploads.UploadRejected as error:
            rejected.append(str(error))
            continue
        outcome = import_upload(store(), upload, folder, forced)
        record("导入台账", outcome.summary)
        outcomes.append(outcome)
    return _page(200 if outcomes else 400, outcomes=outcomes, rejected=rejected)


@bp.route("/reports/ledgers/template/<key>.xlsx")
@role_required("审核")
def template(key: str):
    """The blank template of one ledger kind, with its drop-down lists and instructions."""
    kind = KINDS.get(key) or abort(404, description="没有这种台账。")
    path = write_template(kind, Path(tempfile.mkdtemp(dir=_uploads())) / f"{key}.xlsx")
    return send_file(path, as_attachment=True, download_name=f"{kind.name}.xlsx")


def _uploads() -> Path:
    folder = services().data / "web" / "ledgers"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
