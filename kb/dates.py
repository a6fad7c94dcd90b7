"""Dates as Chinese documents write them, and as people write them in the files they fill in."""

import re
from datetime import date, datetime

WRITTEN_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


def date_text(day: date) -> str:
    """Write a date as 2026年1月5日 (Arabic numerals, as GB/T 9704 prescribes for dates)."""
    return f"{day.year}年{day.month}月{day.day}日"


def read_date(raw) -> date | None:
    """The date a cell or field holds (a date, 2026-03-05, 2026/3/5, 2026年3月5日), or None when it
    holds no valid date."""
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    match = WRITTEN_DATE.match(str(raw).strip())
    try:
        return date(*(int(g) for g in match.groups())) if match else None
    except ValueError:
        return None
