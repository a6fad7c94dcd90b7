"""Reading one cell of a ledger: the value of a column type, or a reason in Chinese why it is not one.

Cells come from openpyxl (numbers, dates, text) or from CSV (text only).
Dates are accepted as spreadsheet dates, 2025-03-01, 2025/3/1, 2025.3.1 and
2025年3月1日; amounts as numbers, with thousands separators, 元 or 万元;
是否 columns as 是/否 (also Y/N, √/×, 有/无).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from kb.dates import WRITTEN_DATE, read_date
from kb.ledgers.kinds import CHOICE, COUNT, DATE, MONEY, MONTH, TEXT, YEAR, YESNO, Column
from kb.yes_no import read_yes_no

_MIN_YEAR, _MAX_YEAR = 1990, 2100


class CellError(ValueError):
    """A cell that does not hold a value of its column's type; the message says why."""


def blank(value) -> bool:
    """Tell whether a cell is empty (None or only whitespace)."""
    return value is None or (isinstance(value, str) and not value.strip())


def parse_cell(column: Column, value):
    """Return the cell's value for ``column`` (None when blank), or raise CellError with the reason."""
    if blank(value):
        return None
    parser = _PARSERS[column.type]
    return parser(column, value.strip() if isinstance(value, str) else value)


def to_json(value):
    """The value as stored (dates ISO, amounts as strings)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _text(column: Column, value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(column: Column, value) -> date:
    day = read_date(value)
    if day is None:
        if WRITTEN_DATE.match(str(value).strip()):
            raise CellError(f"“{value}”不是有效日期")
        raise CellError(f"“{value}”不是日期，应写作 2025-03-01 或 2025年3月1日")
    _check_year(day.year, value)
    return day


def _integer(value) -> int:
    if isinstance(value, bool):
        raise CellError(f"“{value}”不是整数")
    if isinstance(value, (int, float)) and float(value).is_integer():
        return int(value)
    text = str(value).replace(",", "").replace("，", "").strip()
    if not re.fullmatch(r"\d+", text):
        raise CellError(f"“{value}”不是非负整数")
    return int(text)


def _count(column: Column, value) -> int:
    number = _integer(value)
    if number < 0:
        raise CellError(f"“{value}”不能为负数")
    return number


def _year(column: Column, value) -> int:
    year = _integer(str(value).removesuffix("年"))
    _check_year(year, value)
    return year


def _month(column: Column, value) -> int:
    month = _integer(str(value).removesuffix("月"))
    if not 1 <= month <= 12:
        raise CellError(f"“{value}”不是 1-12 之间的月份")
    return month


def _money(column: Column, value) -> Decimal:
    text = str(value).replace(",", "").replace("，", "").strip()
    factor = Decimal(1)
    if text.endswith("万元") or text.endswith("万"):
        text, factor = text.removesuffix("元").removesuffix("万"), Decimal(10000)
    text = text.removesuffix("元").strip()
    try:
        amount = Decimal(text) * factor
    except InvalidOperation:
        raise CellError(f"“{value}”不是金额（元）") from None
    if not amount.is_finite() or amount < 0:
        raise CellError(f"“{value}”不是非负金额")
    return amount.quantize(Decimal("0.01"))


def _yesno(column: Column, value) -> bool:
    answer = read_yes_no(value)
    if answer is None:
        raise CellError(f"“{value}”应填“是”或“否”")
    return answer


def _choice(column: Column, value) -> str:
    text = str(value).strip()
    if text not in column.choices:
        raise CellError(f"“{text}”不是可选值，应为：{'、'.join(column.choices)}")
    return text


def _check_year(year: int, value) -> None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise CellError(f"“{value}”的年份不在 {_MIN_YEAR}-{_MAX_YEAR} 之间")


_PARSERS = {TEXT: _text, DATE: _date, YEAR: _year, MONTH: _month, COUNT: _count, MONEY: _money,
            YESNO: _yesno, CHOICE: _choice}
