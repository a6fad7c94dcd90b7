"""The report pages: the annual rule-of-law report and the enforcement analysis report of a year,
each with its gap summary, 保密审查 points, due dates, charts and the .docx download."""

import tempfile
from pathlib import Path

from flask import Blueprint, abort, render_template, request, send_file, session

from generator.reports.annual import write_starting_narrative
from generator.reports.narrative import NarrativeError
from web import report_runs as runs
from web import uploads
from web.auth import record, role_required
from web.services import services, store

bp = Blueprint("reports", __name__)
SESSION_KEY = "report_runs"


def _page(kind: str, year: int, status: int = 200, run: runs.Run | None = None, **shown):
    data = services().data
    stored = runs.narrative_path(data, year)
    choice = runs.STORED if stored.exists() else runs.DEFAULT
    if run is None:
        choice = request.form.get("narrative", choice)
    return render_template("report.html", kind=kind, name=runs.NAMES[kind], year=year,
                           years=runs.report_years(store()), stored=stored.exists(),
                           agency=request.form.get("agency", runs.stored_agency(data, year)), choice=choice,
                           run=run, result=run.result if run else None, **shown), status


def _year() -> int:
    year = request.values.get("year", type=int)
    return year if year and 1990 <= year <= 2100 else runs.default_year()


@bp.route("/reports/annual", methods=["GET", "POST"])
@role_required("审核")
def annual():
    """Choose the year and the narrative; generate the annual report and show what it lacks."""
    year = _year()
    if request.method == "GET":
        return _page(runs.ANNUAL, year)
    data, choice = services().data, request.form.get("narrative", runs.DEFAULT)
    try:
        if choice == runs.UPLOADED:
            file = request.files.get("narrative_file")
            if file is None or not file.filename:
                return _page(runs.ANNUAL, year, 400, error="请选择要上传的叙述文件（Markdown，.md）。")
            upload = uploads.accept(file, (uploads.TEXT,))
            runs.store_narrative(data, year, upload.data)
            record("上传年度报告叙述文件", f"{year}年度：{upload.name}")
            choice = runs.STORED
        run = runs.run_annual(data, store(), year, choice)
    except (uploads.UploadRejected, NarrativeError) as error:
        return _page(runs.ANNUAL, year, 400, error=str(error))
    return _generated(runs.ANNUAL, year, run)


@bp.route("/reports/analysis", methods=["GET", "POST"])
@role_required("审核")
def analysis():
    """Choose the year and the reporting agency; generate the enforcement analysis report."""
    year = _year()
    if request.method == "GET":
        return _page(runs.ANALYSIS, year)
    run = runs.run_analysis(services().data, store(), year, request.form.get("agency", ""))
    return _generated(runs.ANALYSIS, year, run)


def _generated(kind: str, year: int, run: runs.Run):
    kept = dict(session.get(SESSION_KEY) or {})
    kept[kind] = {"folder": run.folder, "year": year}
    session[SESSION_KEY] = kept
    record("生成报告", f"{run.result.title}（待补充 {len(run.result.gaps)} 项）")
    return _page(kind, year, run=run)


def _kept(kind: str) -> dict:
    if kind not in runs.NAMES:
        abort(404)
    kept = (session.get(SESSION_KEY) or {}).get(kind)
    if not kept:
        abort(404, description=f"没有可下载的{runs.NAMES[kind]}：请先生成。")
    return kept


@bp.route("/reports/<kind>/report.docx")
@role_required("审核")
def download(kind: str):
    """The last report of this kind generated in this session."""
    kept = _kept(kind)
    path = runs.run_file(services().data, kept["folder"], runs.DOCX)
    if path is None:
        abort(404, description=f"{runs.NAMES[kind]}已不存在：请重新生成。")
    return send_file(path, as_attachment=True, download_name=runs.download_name(kind, kept["year"]))


@bp.route("/reports/<kind>/chart/<name>.png")
@role_required("审核")
def chart(kind: str, name: str):
    """A chart of the last report of this kind generated in this session."""
    path = runs.run_file(services().data, _kept(kind)["folder"], name)
    if path is None:
        abort(404, description="统计图已不存在：请重新生成报告。")
    return send_file(path, mimetype="image/png")


@bp.route("/reports/annual/narrative.md")
@role_required("审核")
def starting_narrative():
    """The shipped starting narrative for the chosen year, to fill in and upload."""
    year = _year()
    folder = Path(tempfile.mkdtemp(dir=runs.reports_folder(services().data)))
    path = write_starting_narrative(folder / "narrative.md", year)
    return send_file(path, as_attachment=True, download_name=f"{year}年度报告叙述.md", mimetype="text/markdown")
