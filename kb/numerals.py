"""Chinese numerals as used in article labels (第一百零一条) and their integer values."""

import re

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL = "零一二三四五六七八九"

CHINESE_NUMBER = "[零〇一二两三四五六七八九十百千]+"
_D = "[一二两三四五六七八九]"
# A well-formed numeral below ten thousand: units descend, each at most once, 零 only between.
_WELL_FORMED = re.compile(
    rf"(?:(?P<thousands>{_D})千)?(?:零?(?P<hundreds>{_D})百)?(?:零?(?P<tens>{_D})?(?P<ten>十))?"
    rf"(?:零?(?P<ones>{_D}))?")
_POSITIONAL = re.compile("[零〇一二三四五六七八九]+")     # 二〇二一: digit by digit


def chinese_to_int(text: str) -> int:
    """Return the value of a well-formed Chinese numeral below ten thousand, or of Arabic digits;
    raise ValueError for anything else (第十百千条 is refused, not read as 1110).

    >>> chinese_to_int("一百零一"), chinese_to_int("十二"), chinese_to_int("97")
    (101, 12, 97)
    """
    text = text.strip()
    if text.isdecimal():
        return int(text)
    match = _WELL_FORMED.fullmatch(text) if text else None
    if match and text.strip("零"):
        values = {name: _DIGITS[value] for name, value in match.groupdict().items() if value and value != "十"}
        tens = values.get("tens", 1 if match.group("ten") else 0)
        return (values.get("thousands", 0) * 1000 + values.get("hundreds", 0) * 100 + tens * 10
                + values.get("ones", 0))
    if _POSITIONAL.fullmatch(text):
        return int("".join(str(_DIGITS[char]) for char in text))
    raise ValueError(f"不是中文数字：{text!r}")


def int_to_chinese(number: int) -> str:
    """Return the Chinese numeral for 0 < number < 10000 as written in statutes (十二, 一百零一)."""
    if not 0 < number < 10000:
        raise ValueError(f"编号超出范围（应为 1 至 9999）：{number}")
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
