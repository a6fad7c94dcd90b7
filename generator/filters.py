"""The Jinja environment of the document templates and the filters it registers.

Templates keep no formatting logic: amounts and dates are written by these
filters, so that a template says ``{{ fine|capital }}（{{ fine|yuan }}）`` and
gets “人民币叁万元整（30,000元）”.

- ``yuan``: figures with thousands separators, 30,000元;
- ``capital``: capital numerals, 人民币叁万元整;
- ``date``: 2026年11月26日 — Arabic numerals, as GB/T 9704 writes dates;
- ``cn_date``: 二〇二六年十一月二十六日, for the rare text that wants Chinese numerals.

Autoescaping is on: text from case files containing & < > or quotes is
written as XML entities and reads correctly in Word.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache

from jinja2 import Environment, StrictUndefined

from generator.amounts import capital_yuan, format_yuan
from kb.dates import date_text as kb_date_text

_CN_DIGITS = "〇一二三四五六七八九"


def as_date(value: date | datetime | str) -> date:
    """Return ``value`` as a date (datetimes lose their time; strings must be ISO, 2026-11-26)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value).strip())


def date_text(value: date | datetime | str | None) -> str:
    """Write a date as 2026年11月26日; None or empty gives an empty string.

    >>> date_text(date(2026, 1, 5))
    '2026年1月5日'
    """
    return "" if value in (None, "") else kb_date_text(as_date(value))


def chinese_date_text(value: date | datetime | str | None) -> str:
    """Write a date in Chinese numerals: 二〇二六年十一月二十六日; None or empty gives ''.

    >>> chinese_date_text(date(2026, 11, 26))
    '二〇二六年十一月二十六日'
    """
    if value in (None, ""):
        return ""
    day = as_date(value)
    year = "".join(_CN_DIGITS[int(digit)] for digit in str(day.year))
    return f"{year}年{_small_number(day.month)}月{_small_number(day.day)}日"


def _small_number(number: int) -> str:
    """1-31 in Chinese numerals: 十, 十一, 二十, 三十一."""
    tens, ones = divmod(number, 10)
    tens_text = "" if tens == 0 else ("" if tens == 1 else _CN_DIGITS[tens]) + "十"
    return tens_text + (_CN_DIGITS[ones] if ones else "")


FILTERS = {
    "yuan": format_yuan,
    "capital": capital_yuan,
    "date": date_text,
    "cn_date": chinese_date_text,
}


@cache
def jinja_env() -> Environment:
    """Return the one Jinja environment of the templates: autoescape on, the filters above registered.

    Undefined variables are errors rather than silently empty text, so a
    misspelt tag in an edited template is reported instead of printing nothing.
    """
    env = Environment(autoescape=True, undefined=StrictUndefined)
    env.filters.update(FILTERS)
    return env
