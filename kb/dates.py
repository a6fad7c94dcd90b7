"""Dates as Chinese documents write them."""

from datetime import date


def date_text(day: date) -> str:
    """Write a date as 2026年1月5日 (Arabic numerals, as GB/T 9704 prescribes for dates)."""
    return f"{day.year}年{day.month}月{day.day}日"
