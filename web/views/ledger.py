"""The review ledger (审核台账) with filters by year, document type, unit and conclusion; XLSX export."""

from datetime import date

from flask import Blueprint, Response, render_template, request
from werkzeug.datastructures import MultiDict

from generator.review import ledger as review_ledger
from web import ledger_export
from web.auth import record, role_required
from web.services import store

bp = Blueprint("ledger", __name__)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _rows(args):
    """Ledger entries passing the page's filters."""
    return review_ledger.entries(store(), args.get("year", type=int), args.get("doc_type") or None,
                                 voided=args.get("voided") == "1", unit=args.get("unit") or None,
                                 conclusion=args.get("conclusion") or None)


@bp.route("/ledger")
@role_required("审核")
def ledger():
    """The ledger table."""
    rows = _rows(request.args)
    everything = _rows(MultiDict()) if request.args else rows
    choices = {"years": sorted({e.reviewed.year for e in everything if e.reviewed}, reverse=True)
               or [date.today().year],
               "doc_types": sorted({e.doc_type for e in everything}),
               "conclusions": sorted({e.conclusion for e in everything if e.conclusion}),
               "units": sorted({e.unit for e in everything if e.unit})}
    total = sum(e.amount for e in rows)
    return render_template("ledger.html", rows=rows, choices=choices, args=request.args, total=total)


@bp.route("/ledger.xlsx")
@role_required("审核")
def export():
    """The filtered ledger as an .xlsx file."""
    rows = _rows(request.args)
    record("导出台账", f"{len(rows)} 条")
    return Response(ledger_export.workbook(rows), mimetype=XLSX,
                    headers={"Content-Disposition": "attachment; filename*=UTF-8''%E5%AE%A1%E6%A0%B8%E5%8F%B0%E8%B4%A6.xlsx"})
