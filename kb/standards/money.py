"""Money in 元: parsing amounts written in Arabic or Chinese numerals, and writing them back.

Amounts are int (whole 元) in standards and cases, Decimal where they are computed from an income
or illegal gains. Never float.
"""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from kb.numerals import chinese_to_int, int_to_chinese

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal(10) ** 12  # 一万亿元: far above any fine or income a bureau assesses
MONEY = r"(?:[\d.,，]+万?元|[零〇一二两三四五六七八九十百千万]+元)"


def to_decimal(value, what: str) -> Decimal:
    """Return a non-negative Decimal amount from an int, a numeric string or '3万'; raise
    ValueError naming `what` otherwise (floats are refused: money must be exact)."""
    if isinstance(value, bool) or isinstance(value, float):
        raise ValueError(f"{what}应为整数或数字字符串，不能是 {value!r}")
    text = str(value).strip().replace(",", "").removesuffix("元")
    if len(text) > 40:
        raise ValueError(f"{what}不是合理的金额：{str(value)[:40]}…")
    try:
        amount = Decimal(text[:-1]) * 10000 if text.endswith("万") else Decimal(text)
    except InvalidOperation:
        raise ValueError(f"{what}不是金额：{value!r}") from None
    if not amount.is_finite():
        raise ValueError(f"{what}不是金额：{value!r}")
    if amount < 0:
        raise ValueError(f"{what}不能为负数：{value!r}")
    if amount > MAX_AMOUNT:
        raise ValueError(f"{what}超出合理范围（最多 {MAX_AMOUNT:,} 元）：{value!r}")
    return amount


def to_yuan(value, what: str) -> int:
    """Return a whole-元 amount as int; raise ValueError for fractions or non-amounts."""
    amount = to_decimal(value, what)
    if amount != amount.to_integral_value():
        raise ValueError(f"{what}应为整数元：{value!r}")
    return int(amount)


def parse_money(text: str) -> int:
    """Parse '二万元', '十万零五千元', '1.5万元' or '15000元' into whole 元."""
    text = text.strip().removesuffix("元").replace(",", "").replace("，", "")
    if re.fullmatch(r"[\d.]+万?", text):
        return to_yuan(text, "金额")
    wan, _, rest = text.rpartition("万")
    total = chinese_to_int(wan) * 10000 if wan else 0
    rest = rest.lstrip("零〇")
    return total + (chinese_to_int(rest) if rest else 0)


def chinese_money(amount: int) -> str:
    """Write whole 元 the way statutes do: 20000 -> 二万元, 105000 -> 十万零五千元, 0 -> 零元."""
    if amount == 0:
        return "零元"
    wan, rest = divmod(amount, 10000)
    text = int_to_chinese(wan) + "万" if wan else ""
    if rest:
        text += ("零" if wan and rest < 1000 else "") + int_to_chinese(rest)
    return text + "元"


def format_yuan(amount: Decimal | int) -> str:
    """Write an amount for people: 30,000元 or 1,234.50元."""
    amount = Decimal(amount)
    if amount == amount.to_integral_value():
        return f"{int(amount):,}元"
    return f"{amount.quantize(CENT, ROUND_HALF_UP):,}元"
