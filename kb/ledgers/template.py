"""Blank ledger templates (.xlsx): the header row, drop-down lists for fixed values, and a sheet of instructions."""

from __future__ import annotations

from os import PathLike
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from kb.ledgers.kinds import CHOICE, YESNO, LedgerKind

_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_REQUIRED_FONT = Font(bold=True, color="C00000")
_FORMATS = {"文本": "文字", "日期": "日期，如 2025-03-01", "年度": "四位年份，如 2025", "月份": "1-12",
            "整数": "非负整数", "金额": "元，可保留两位小数", "是否": "是 / 否", "选项": "从下拉列表选择"}
_VALIDATION_ROWS = 2000


def write_template(kind: LedgerKind, path: str | PathLike) -> Path:
    """Write the blank template of ``kind`` to ``path`` (.xlsx) and return the path."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValueError(f"{path}：模板只能保存为 .xlsx 文件")
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = kind.name
    for index, column in enumerate(kind.columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column.name)
        cell.fill = _HEADER_FILL
        cell.font = _REQUIRED_FONT if column.required else Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(12, len(column.name) * 2 + 4)
        choices = ("是", "否") if column.type == YESNO else column.choices if column.type == CHOICE else ()
        if choices:
            validation = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True,
                                        showErrorMessage=True, error=f"请从列表中选择{column.name}")
            validation.add(f"{letter}2:{letter}{_VALIDATION_ROWS}")
            sheet.add_data_validation(validation)
    sheet.freeze_panes = "A2"
    _write_instructions(workbook.create_sheet("填写说明"), kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def _write_instructions(sheet, kind: LedgerKind) -> None:
    sheet.append([f"{kind.name}填写说明：第一行为表头，不要改动列名；红色列名为必填列；"
                  f"按“{'、'.join(kind.key_columns)}”识别同一条记录，重复导入时以新记录为准。"])
    sheet.append(["列名", "是否必填", "格式", "可选值", "说明"])
    for column in kind.columns:
        choices = "是、否" if column.type == YESNO else "、".join(column.choices)
        sheet.append([column.name, "必填" if column.required else "", _FORMATS[column.type], choices, column.note])
    for letter, width in zip("ABCDE", (22, 10, 22, 40, 60)):
        sheet.column_dimensions[letter].width = width
