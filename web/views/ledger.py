"""The review ledger (审核台账) with filters by year, document type, unit and conclusion; XLSX export."""

from datetime import date

from flask import Blueprint, Response, render_template, request
from werkzeug.datastructures import MultiDict

from generator.review import ledger as review_ledger
from web import ledger_export
from web.auth import record, role_required
from web.services import store, web_db

bp = Blueprint("ledger", __name__)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _rows(args):
    """(entry, unit) pairs passing the filters; the unit is known for cases submitted in the web app."""
    year = args.get("year", type=int)
    units = {row[0]: row[1] for row in web_db().execute(
        "SELECT json_extract(data, '$.文号'), unit FROM submissions")}
    rows = [(entry, units.get(entry.number, "")) for entry in
            review_ledger.entries(store(), year, args.get("doc_type") or None, voided=args.get("voided") == "1")]
    if args.get("conclusion"):
        rows = [(e, u) for e, u in rows if e.conclusion == args["conclusion"]]
    if args.get("unit"):
        rows = [(e, u) for e, u in rows if u == args["unit"]]
    return rows


@bp.route("/ledger")
@role_required("审核")
def ledger():
    """The ledger table."""
    rows = _rows(request.args)
    everything = _rows(MultiDict()) if request.args else rows
    choices = {"years": sorted({e.reviewed.year for e, _ in everything if e.reviewed}, reverse=True)
               or [date.today().year],
               "doc_types": sorted({e.doc_type for e, _ in everything}),
               "conclusions": sorted({e.conclusion for e, _ in everything if e.conclusion}),
               "units": sorted({u for _, u in everything if u})}
    total = sum(e.amount for e, _ in rows)
    return render_template("ledger.html", rows=rows, choices=choices, args=request.args, total=total)


@bp.route("/ledger.xlsx")
@role_required("审核")
def export():
    """The filtered ledger as an .xlsx file."""
    rows = _rows(request.args)
    record("导出台账", f"{len(rows)} 条")
    return Response(ledger_export.workbook(rows), mimetype=XLSX,
                    headers={"Content-Disposition": "attachment; filename*=UTF-8''%E5%AE%A1%E6%A0%B8%E5%8F%B0%E8%B4%A6.xlsx"})
