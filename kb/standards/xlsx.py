"""The spreadsheet form standards are published in: one row per violation × 裁量阶次.

Sheet 基准信息 holds the standard's fields as 项目 | 内容 rows. The data sheet (named 裁量基准, or
the first other sheet) has a header row with 编号 违法行为 法律规定 处罚依据 法定情形 法定幅度
裁量阶次 适用条件 具体标准, optionally 说明 (the tier's note) and 事项说明 (the item's note). Empty
编号…处罚依据 cells continue the item of the row above, as merged cells do. Several citations or conditions in one cell go on separate lines.
"""

import re
from pathlib import Path
from zipfile import BadZipFile

import openpyxl

from kb.errors import KnowledgeError
from kb.standards import fields as f
from kb.standards.models import INDIVIDUAL, UNIT, Standard
from kb.standards.yamlfile import item_to_dict, standard_to_dict, text_list

INFO_SHEET = "基准信息"
ITEM_NOTE = "事项说明"
DATA_SHEET = "裁量基准"
ITEM_COLUMNS = (f.CODE, f.VIOLATION, f.PROVISIONS, f.BASIS)
COLUMNS = ITEM_COLUMNS + (f.TIER_BAND, f.BANDS, f.TIERS, f.CONDITIONS, f.PENALTY)
INFO_FIELDS = (f.KEY, f.TITLE, f.ISSUED, f.EFFECTIVE, f.ISSUER, f.LEVEL, f.BASE, f.SAMPLE, f.NOTE)
HEARING_ROWS = {f"{f.HEARING}（{kind}）": kind for kind in (UNIT, INDIVIDUAL)}


def read_xlsx(path: Path) -> dict:
    """Read a standard workbook into the dict form of the YAML format; errors name sheet and row."""
    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except FileNotFoundError:
        raise KnowledgeError(f"文件不存在：{path}") from None
    except (BadZipFile, KeyError, OSError) as error:
        raise KnowledgeError(f"{path}：不是有效的 .xlsx 文件（{error}）") from None
    if INFO_SHEET not in book.sheetnames:
        raise KnowledgeError(f"{path}：缺少工作表“{INFO_SHEET}”（项目 | 内容：{'、'.join(INFO_FIELDS)}）")
    data = _info(book[INFO_SHEET], path)
    others = [name for name in book.sheetnames if name != INFO_SHEET]
    if not others:
        raise KnowledgeError(f"{path}：缺少裁量基准数据工作表")
    sheet = book[DATA_SHEET] if DATA_SHEET in others else book[others[0]]
    data[f.ITEMS] = _items(sheet, path)
    return data


def write_xlsx(standard: Standard, path: Path) -> None:
    """Write a standard as a workbook that `read_xlsx` reads back to the same standard."""
    book = openpyxl.Workbook()
    info = book.active
    info.title = INFO_SHEET
    info.append(["项目", "内容"])
    meta = standard_to_dict(standard)
    for name in INFO_FIELDS:
        if name in meta:
            value = meta[name]
            info.append([name, value.isoformat() if hasattr(value, "isoformat") else str(value)])
    for label, kind in HEARING_ROWS.items():
        if kind in standard.hearing_amounts:
            info.append([label, standard.hearing_amounts[kind]])
    sheet = book.create_sheet(DATA_SHEET)
    sheet.append(list(COLUMNS) + [f.NOTE, ITEM_NOTE])
    for item in standard.items:
        data = item_to_dict(item)
        bands = {b[f.BAND_NAME]: b[f.PENALTY] for b in data[f.BANDS]}
        for tier in data[f.TIERS]:
            sheet.append([item.code, item.title, "\n".join(data[f.PROVISIONS]), "\n".join(data[f.BASIS]),
                          tier[f.TIER_BAND], bands[tier[f.TIER_BAND]], tier[f.TIER_NAME],
                          "\n".join(tier.get(f.CONDITIONS, [])), tier[f.PENALTY], tier.get(f.NOTE, ""), item.note])
    book.save(path)


def _info(sheet, path: Path) -> dict:
    data = {}
    for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
        if not row or row[0] in (None, "项目"):
            continue
        name, value = str(row[0]).strip(), row[1] if len(row) > 1 else None
        if name in HEARING_ROWS:
            data.setdefault(f.HEARING, {})[HEARING_ROWS[name]] = value
        elif name in INFO_FIELDS:
            data[name] = _bool(value) if name == f.SAMPLE else value
        else:
            raise KnowledgeError(f"{path} 工作表“{INFO_SHEET}”第 {number} 行：未知项目“{name}”，"
                                 f"可用：{'、'.join(INFO_FIELDS + tuple(HEARING_ROWS))}")
    return data


def _items(sheet, path: Path) -> list[dict]:
    rows = list(sheet.iter_rows(values_only=True))
    header_at = next((i for i, row in enumerate(rows) if f.CODE in row and f.TIERS in row), None)
    if header_at is None:
        raise KnowledgeError(f"{path} 工作表“{sheet.title}”：找不到含“{f.CODE}”和“{f.TIERS}”的表头行")
    header = [str(cell).strip() if cell else "" for cell in rows[header_at]]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        raise KnowledgeError(f"{path} 工作表“{sheet.title}”：表头缺少列 {'、'.join(missing)}")
    items: dict[str, dict] = {}
    current: dict = {}
    for number, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        cells = {name: _cell(row[i]) if i < len(row) else "" for i, name in enumerate(header) if name}
        if not any(cells.values()):
            continue
        where = f"{path} 工作表“{sheet.title}”第 {number} 行"
        if cells[f.CODE]:
            current = items.setdefault(cells[f.CODE], {
                f.CODE: cells[f.CODE], f.VIOLATION: cells[f.VIOLATION],
                f.PROVISIONS: _citations(cells[f.PROVISIONS]), f.BASIS: _citations(cells[f.BASIS]),
                f.BANDS: [], f.TIERS: []} | ({f.NOTE: cells[ITEM_NOTE]} if cells.get(ITEM_NOTE) else {}))
        elif not current:
            raise KnowledgeError(f"{where}：缺少“{f.CODE}”")
        _add_band(current, cells, where)
        tier = {f.TIER_NAME: cells[f.TIERS], f.TIER_BAND: cells[f.TIER_BAND],
                f.CONDITIONS: text_list(cells[f.CONDITIONS]), f.PENALTY: cells[f.PENALTY]}
        if cells.get(f.NOTE):
            tier[f.NOTE] = cells[f.NOTE]
        current[f.TIERS].append(tier)
    return list(items.values())


def _add_band(item: dict, cells: dict, where: str) -> None:
    name, text = cells[f.TIER_BAND], cells[f.BANDS]
    known = next((b for b in item[f.BANDS] if b[f.BAND_NAME] == name), None)
    if known is None:
        if not text:
            raise KnowledgeError(f"{where}：法定情形“{name}”第一次出现，需要填写“{f.BANDS}”")
        item[f.BANDS].append({f.BAND_NAME: name, f.PENALTY: text})
    elif text and text != known[f.PENALTY]:
        raise KnowledgeError(f"{where}：法定情形“{name}”的法定幅度与前面的行不一致")


def _citations(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[\n；;]", text) if part.strip()]


def _cell(value) -> str:
    return "" if value is None else str(value).strip()


def _bool(value) -> bool:
    return str(value).strip().lower() in ("true", "1", "是", "yes")
