"""Money amounts as written in documents: figures (30,000元) and capitals (人民币叁万元整).

Capital amounts follow the People's Bank of China rules for writing amounts
on payment instruments (《支付结算办法》附件《正确填写票据和结算凭证的基本规定》):

- 整 after 元 when there are no 角 and 分; nothing after 角 or 分;
- a single 零 for one or more zeros between non-zero digits (壹仟零壹元);
- no 零 for a zero 万 or 元 digit when the next digit is non-zero
  (壹拾万柒仟元), the first form the rules give;
- 零 after 元 when the 元 digit or the 角 digit is zero and a smaller unit
  follows (壹仟陆佰捌拾元零叁角贰分, 壹仟万元零伍分);
- 壹拾 rather than 拾 at the start (壹拾万元整).

Amounts are rounded half-up to the 分.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

Amount = int | float | Decimal | str

_CAPITAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_DIGIT_UNITS = ("", "拾", "佰", "仟")
_GROUP_UNITS = ("", "万", "亿")
_MAX_AMOUNT = Decimal(10) ** (4 * len(_GROUP_UNITS))
_CENT = Decimal("0.01")


def to_decimal(amount: Amount) -> Decimal:
    """Return ``amount`` as a Decimal rounded half-up to the 分 (floats go through their shortest repr)."""
    value = Decimal(str(amount)) if isinstance(amount, float) else Decimal(amount)
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def format_yuan(amount: Amount) -> str:
    """Write an amount in figures with thousands separators; 角/分 only when non-zero.

    >>> format_yuan(30000), format_yuan(1234.5)
    ('30,000元', '1,234.50元')
    """
    value = to_decimal(amount)
    if value == value.to_integral_value():
        return f"{value:,.0f}元"
    return f"{value:,.2f}元"


def capital_yuan(amount: Amount, prefix: str = "人民币") -> str:
    """Write an amount in capital (大写) characters, e.g. 30000 -> 人民币叁万元整.

    Raises ValueError for negative amounts and for amounts of 1 万亿 or more.
    """
    value = to_decimal(amount)
    if value < 0 or value >= _MAX_AMOUNT:
        raise ValueError(f"capital amounts go from 0 to under 1 万亿, got {amount}")
    yuan, cents = divmod(int(value * 100), 100)
    jiao, fen = divmod(cents, 10)
    if cents == 0:
        return f"{prefix}{_capital_integer(yuan)}元整"
    parts = [f"{_capital_integer(yuan)}元"] if yuan else []
    if yuan and (jiao == 0 or yuan % 10 == 0):
        parts.append("零")
    if jiao:
        parts.append(f"{_CAPITAL_DIGITS[jiao]}角")
    if fen:
        parts.append(f"{_CAPITAL_DIGITS[fen]}分")
    return prefix + "".join(parts)


def _capital_integer(number: int) -> str:
    """Capital characters of a whole number below 1 万亿, grouped by 万 and 亿."""
    if number == 0:
        return _CAPITAL_DIGITS[0]
    groups = [number // 10 ** (4 * index) % 10000 for index in range(len(_GROUP_UNITS))]
    parts: list[str] = []
    needs_zero = False
    for index in reversed(range(len(groups))):
        group = groups[index]
        needs_zero = needs_zero or (bool(parts) and group < 1000)
        if group == 0:
            continue
        if needs_zero:
            parts.append(_CAPITAL_DIGITS[0])
            needs_zero = False
        parts.append(_capital_group(group) + _GROUP_UNITS[index])
    return "".join(parts)


def _capital_group(group: int) -> str:
    """Capital characters of 1-9999, with one 零 for inner zeros and none for leading or trailing ones."""
    parts: list[str] = []
    pending_zero = False
    for position in reversed(range(len(_DIGIT_UNITS))):
        digit = group // 10**position % 10
        if digit == 0:
            pending_zero = bool(parts)
            continue
        if pending_zero:
            parts.append(_CAPITAL_DIGITS[0])
            pending_zero = False
        parts.append(_CAPITAL_DIGITS[digit] + _DIGIT_UNITS[position])
    return "".join(parts)
