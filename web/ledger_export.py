"""The review ledger as an .xlsx workbook (one row per document), for the ledger page's export."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

COLUMNS = (("审核日期", 12), ("文书类型", 22), ("文号", 26), ("案由/事项", 40), ("当事人", 28),
           ("送审科室", 20), ("结论", 12), ("罚款金额（元）", 14), ("审核人", 10), ("违反条款", 36), ("作废", 30))


def workbook(rows) -> bytes:
    """The ledger entries as .xlsx bytes."""
    book = Workbook()
    sheet = book.active
    sheet.title = "审核台账"
    sheet.append([name for name, _ in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for index, (_, width) in enumerate(COLUMNS, 1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
    for entry in rows:
        sheet.append([entry.reviewed.isoformat() if entry.reviewed else "", entry.doc_type, entry.number,
                      entry.cause, entry.party, entry.unit, entry.conclusion, int(entry.amount) if entry.amount == int(entry.amount)
                      else float(entry.amount), entry.reviewer, "、".join(entry.articles),
                      f"作废：{entry.voided_reason}" if entry.voided else ""])
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
