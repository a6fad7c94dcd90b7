"""A figure of a report: a named value with its unit and source, or the reason it has no data.

A figure without data is never written as 0: its text is
``【待补充：…】`` and it appears in the report's gap summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

GAP_OPEN, GAP_CLOSE = "【待补充：", "】"
GAP_RE = re.compile(f"{GAP_OPEN}(.*?){GAP_CLOSE}")
WAN = Decimal(10000)


@dataclass(frozen=True)
class Figure:
    """One figure: ``name`` is the variable a narrative uses, ``label`` what it is, ``source`` the ledger.

    ``value`` is an int, a Decimal (an amount in 万元 or a ratio), a str (a
    sentence fragment) or None when there is no data; ``missing`` then says why.
    """

    name: str
    label: str
    value: int | Decimal | str | None
    unit: str = ""
    source: str = ""
    missing: str = ""

    @property
    def known(self) -> bool:
        """Tell whether the figure has data."""
        return self.value is not None

    def text(self) -> str:
        """The figure as written in a report: the number (no unit), or the gap mark."""
        if self.value is None:
            return f"{GAP_OPEN}{self.label}{GAP_CLOSE}"
        if isinstance(self.value, Decimal):
            return format_decimal(self.value)
        return str(self.value)

    def with_unit(self) -> str:
        """The figure followed by its unit (the gap mark alone when there is no data)."""
        return self.text() + (self.unit if self.known else "")


def format_decimal(value: Decimal, places: int = 2) -> str:
    """Round half up to ``places`` and drop trailing zeros: 12.50 → 12.5, 3.00 → 3."""
    rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def wan(amount: Decimal) -> Decimal:
    """An amount in 元 as 万元, rounded to two places."""
    return (amount / WAN).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def ratio(numerator, denominator, places: int = 1) -> Decimal | None:
    """numerator / denominator rounded to ``places``, or None when the denominator is 0."""
    if not denominator:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def percent(numerator, denominator, places: int = 1) -> Decimal | None:
    """numerator / denominator as a percentage rounded to ``places``, or None when the denominator is 0."""
    if not denominator:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal(1).scaleb(-places),
                                                                      rounding=ROUND_HALF_UP)


def change_text(current, previous) -> str | None:
    """The change from ``previous`` to ``current`` in words: 增长12.5%, 下降3%, 持平; None without a base."""
    if previous is None or current is None or not previous:
        return None
    change = percent(Decimal(current) - Decimal(previous), previous)
    if change == 0:
        return "持平"
    return f"{'增长' if change > 0 else '下降'}{format_decimal(abs(change), 1)}%"


def figure(name: str, label: str, value, unit: str = "", source: str = "", missing: str = "") -> Figure:
    """Build a Figure; ``missing`` is kept only when ``value`` is None."""
    return Figure(name, label, value, unit, source, missing if value is None else "")
