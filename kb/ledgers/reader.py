"""Read ledger spreadsheets (.xlsx, .csv) into checked rows and row errors.

A sheet's kind is recognised by its header row (the first of the first ten
rows that holds every required column of a kind), or given by the caller.
Every bad cell is reported with sheet, row, column and reason; a row with
any bad cell is left out, the good rows are kept.  Two rows of one file with
the same key are an error on the later one.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

from openpyxl import load_workbook

from kb.ledgers.kinds import CASES, INSPECTIONS, KINDS, TRAINING, LedgerKind
from kb.ledgers.values import CellError, blank, parse_cell

HEADER_SEARCH_ROWS = 10
CSV_ENCODINGS = ("utf-8-sig", "gb18030")


class LedgerFileError(ValueError):
    """A ledger file that cannot be read at all (missing, wrong format, no recognisable sheet)."""


@dataclass(frozen=True)
class RowError:
    """One problem in a ledger: where (sheet, spreadsheet row number, column) and why."""

    sheet: str
    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        column = f"“{self.column}”列" if self.column else ""
        return f"工作表“{self.sheet}”第{self.row}行{column}：{self.reason}"


@dataclass
class LedgerRow:
    """One good row: its kind, key, year and values by column name."""

    kind: LedgerKind
    key: str
    year: int
    values: dict
    sheet: str = ""
    row: int = 0


@dataclass
class SheetResult:
    """What one sheet held: its kind (None when not recognised), good rows and errors."""

    sheet: str
    kind: LedgerKind | None
    rows: list[LedgerRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def read_ledger(path: str | PathLike, kind: LedgerKind | None = None) -> list[SheetResult]:
    """Read every sheet of the .xlsx or .csv file at ``path``; ``kind`` forces the kind of each sheet.

    Raises LedgerFileError when the file cannot be read or no sheet is a ledger.
    """
    path = Path(path)
    if not path.is_file():
        raise LedgerFileError(f"{path}：找不到文件")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        sheets = [(path.stem, _csv_rows(path))]
    elif suffix in (".xlsx", ".xlsm"):
        sheets = _xlsx_sheets(path)
    else:
        raise LedgerFileError(f"{path}：只能导入 .xlsx 或 .csv 文件")
    results = [_read_sheet(name, rows, kind) for name, rows in sheets]
    if not any(result.kind for result in results):
        wanted = [kind] if kind else list(KINDS.values())
        raise LedgerFileError(f"{path}：没有找到{kind.name if kind else '台账'}的表头（前{HEADER_SEARCH_ROWS}行中应有一行"
                              "包含全部必填列）。必填列：" + "；".join(f"{k.name}（{'、'.join(k.required)}）" for k in wanted)
                              + "。可用 fazhi ledger template 下载空白模板。")
    return results


def _xlsx_sheets(path: Path) -> list[tuple[str, list[tuple]]]:
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises several unrelated types for a damaged file
        raise LedgerFileError(f"{path}：无法读取 Excel 文件（{error}）") from None
    try:
        return [(sheet.title, list(sheet.iter_rows(values_only=True))) for sheet in workbook.worksheets]
    finally:
        workbook.close()


def _csv_rows(path: Path) -> list[tuple]:
    for encoding in CSV_ENCODINGS:
        try:
            with path.open(encoding=encoding, newline="") as handle:
                return [tuple(row) for row in csv.reader(handle)]
        except UnicodeDecodeError:
            continue
    raise LedgerFileError(f"{path}：无法识别文件编码（应为 UTF-8 或 GB18030）")


def _read_sheet(sheet: str, rows: list[tuple], forced: LedgerKind | None) -> SheetResult:
    found = _find_header(rows, forced)
    if found is None:
        return SheetResult(sheet, None)
    kind, header_index, positions = found
    result = SheetResult(sheet, kind)
    seen: dict[str, int] = {}
    for index in range(header_index + 1, len(rows)):
        cells = rows[index]
        if all(blank(cell) for cell in cells):
            continue
        number = index + 1
        row, errors = _read_row(kind, sheet, number, cells, positions)
        if row and row.key in seen:
            errors.append(RowError(sheet, number, "/".join(kind.key_columns),
                                   f"与第{seen[row.key]}行重复（{row.key}），只导入第{seen[row.key]}行"))
        if errors:
            result.errors.extend(errors)
            continue
        seen[row.key] = number
        result.rows.append(row)
    return result


def _find_header(rows: list[tuple], forced: LedgerKind | None):
    """(kind, index of the header row, {column name: cell position}) or None."""
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = {_header(cell): position for position, cell in enumerate(cells) if not blank(cell)}
        matching = [kind for kind in ([forced] if forced else KINDS.values())
                    if all(name in names for name in kind.required)]
        if matching:  # the kind with most of its columns in the header
            kind = max(matching, key=lambda k: sum(c.name in names for c in k.columns) / len(k.columns))
            return kind, index, {c.name: names[c.name] for c in kind.columns if c.name in names}
    return None


def _header(cell) -> str:
    """A header cell's column name: whitespace dropped, half-width brackets made full-width, ``*`` dropped."""
    return "".join(str(cell).split()).replace("(", "（").replace(")", "）").rstrip("*＊")


def _read_row(kind: LedgerKind, sheet: str, number: int, cells: tuple, positions: dict[str, int]):
    values, errors = {}, []
    for column in kind.columns:
        position = positions.get(column.name)
        cell = cells[position] if position is not None and position < len(cells) else None
        try:
            values[column.name] = parse_cell(column, cell)
        except CellError as error:
            errors.append(RowError(sheet, number, column.name, str(error)))
            continue
        if column.required and values[column.name] is None:
            errors.append(RowError(sheet, number, column.name, "必填，不能为空"))
    if errors:
        return None, errors
    errors = [RowError(sheet, number, column, reason) for column, reason in _row_checks(kind, values)]
    if errors:
        return None, errors
    year_value = values[kind.year_column]
    year = year_value if isinstance(year_value, int) else year_value.year
    key = "|".join("" if values[name] is None else str(values[name]) for name in kind.key_columns)
    return LedgerRow(kind, key, year, values, sheet, number), []


def _row_checks(kind: LedgerKind, values: dict) -> Iterator[tuple[str, str]]:
    """Checks across the columns of one row: (column, reason) per problem."""
    if kind is CASES:
        if values["立案日期"] and values["立案日期"] > values["决定日期"]:
            yield "立案日期", "立案日期晚于决定日期"
        if values["法核意见书文号"] and not values["是否法制审核"]:
            yield "法核意见书文号", "填写了法核意见书文号，但“是否法制审核”为“否”"
        if values["追缴金额（元）"] is not None and not values["移送法院强制执行"]:
            yield "追缴金额（元）", "填写了追缴金额，但“移送法院强制执行”不是“是”"
        if values["追缴金额（元）"] is not None and values["追缴金额（元）"] > values["罚没款（元）"]:
            yield "追缴金额（元）", "追缴金额大于罚没款"
    elif kind is INSPECTIONS:
        for part in ("双随机检查次数", "联合检查次数"):
            if values[part] is not None and values[part] > values["检查次数"]:
                yield part, f"{part}大于检查次数"
    elif kind is TRAINING and values["类别"] == "企业人员考试":
        for part in ("考试场次", "考核人次"):
            if values[part] is None:
                yield part, "企业人员考试必须填写"
