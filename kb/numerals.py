"""Chinese numerals as used in article labels (第一百零一条) and their integer values."""

import re

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_SMALL = "零一二三四五六七八九"

CHINESE_NUMBER = "[零〇一二两三四五六七八九十百千]+"


def chinese_to_int(text: str) -> int:
    """Return the value of a Chinese numeral below ten thousand, or of Arabic digits.

    >>> chinese_to_int("一百零一"), chinese_to_int("十二"), chinese_to_int("97")
    (101, 12, 97)
    """
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or not re.fullmatch(CHINESE_NUMBER, text):
        raise ValueError(f"不是中文数字：{text!r}")
    total, digit = 0, None
    for char in text:
        if char in _DIGITS:
            digit = _DIGITS[char]
        else:
            total += (1 if digit is None else digit) * _UNITS[char]
            digit = None
    return total + (digit or 0)


def int_to_chinese(number: int) -> str:
    """Return the Chinese numeral for 0 < number < 10000 as written in statutes (十二, 一百零一)."""
    if not 0 < number < 10000:
        raise ValueError(f"超出范围：{number}")
    parts, zero_pending = [], False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // unit_value % 10
        if digit == 0:
            zero_pending = bool(parts)
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        parts.append(_SMALL[digit] + unit)
    text = "".join(parts)
    return text[1:] if text.startswith("一十") else text


def suffix_number(text: str) -> int:
    """Return the integer of an article suffix such as 之一 (1) or 之二 (2); 0 when empty."""
    return chinese_to_int(text[1:]) if text else 0


def article_label(number: int, suffix: int = 0) -> str:
    """Return the label of an article: article_label(97) == "第九十七条", (10, 1) -> "第十条之一"."""
    label = f"第{int_to_chinese(number)}条"
    return label + (f"之{int_to_chinese(suffix)}" if suffix else "")
