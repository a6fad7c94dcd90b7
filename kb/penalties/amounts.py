"""Fine amounts as statutes write them: 十万元以下, 二万元以上五万元以下, 10万元以上20万元以下,
违法所得二倍以上五倍以下, 货值金额一倍以上三倍以下, 上一年年收入百分之四十至百分之六十 / 60%至100%."""

import re
from decimal import Decimal

from kb.numerals import chinese_to_int
from kb.penalties.models import BASES, INCOME, YUAN, FineRange
from kb.standards.money import MONEY, parse_money

NUM = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+)"
PERCENT = rf"(?:百分之{NUM}|{NUM}%)"
TIMES = rf"{NUM}倍"
PLAIN = rf"{NUM}(?=至{NUM}倍)"                  # 一至三倍: the first number takes the unit of the second
RANGE_WORDS = r"(?:以上|至|到)"
BASE_WORDS = "|".join(re.escape(b) for b in BASES + ("违法生产、经营的货值金额", "货值", "前款规定的罚款数额",
                                                     "前款罚款数额", "上一年度年收入"))
BASE_ALIASES = {"违法生产、经营的货值金额": "货值金额", "货值": "货值金额", "前款规定的罚款数额": "前款罚款数额",
                "上一年度年收入": INCOME}
FIXED_RES = (re.compile(rf"^(?P<a>{MONEY}){RANGE_WORDS}(?P<b>{MONEY})(?:以下)?$"),
             re.compile(rf"^(?P<b>{MONEY})以下$"),
             re.compile(rf"^(?P<a>{MONEY})以上$"),
             re.compile(rf"^(?P<x>{MONEY})$"))
# Any other base an article measures a fine against (违法经营额, 建设工程造价 …): read, but its amount
# must come from the case.
OTHER_BASE = r"(?:(?!百分之|以上|以下|倍|至)[\u4e00-\u9fff、]){2,24}?"
SCALED_RE = re.compile(
    rf"^(?:(?P<base>{BASE_WORDS}|{OTHER_BASE})的?)(?:(?P<a>{PERCENT}|{TIMES}|{PLAIN}){RANGE_WORDS}(?P<b>{PERCENT}|{TIMES})(?:以下)?"
    rf"|(?P<bonly>{PERCENT}|{TIMES})以下|(?P<aonly>{PERCENT}|{TIMES})以上|(?P<x>{PERCENT}|{TIMES}))$")


def number(text: str) -> Decimal:
    """A number written in Arabic or Chinese numerals (百分之四十 -> 40, 60% -> 60, 二倍 -> 2)."""
    text = text.removeprefix("百分之").removesuffix("%").removesuffix("倍")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return Decimal(text)
    return Decimal(chinese_to_int(text))


def money(text: str) -> Decimal:
    """An amount in 元 from 十万元, 10万元, 5000元, 1.5万元."""
    return Decimal(parse_money(text))


def parse_amount(text: str) -> FineRange | None:
    """Read the amount of a fine (the words between 处 and 罚款); None when it cannot be read."""
    text = text.strip().removesuffix("的")
    for regex in FIXED_RES:
        found = regex.match(text)
        if found:
            groups = found.groupdict()
            if groups.get("x"):
                low = high = money(groups["x"])
            else:
                low = money(groups["a"]) if groups.get("a") else Decimal(0)
                high = money(groups["b"]) if groups.get("b") else None
            return FineRange(YUAN, low, high, text=text)
    found = SCALED_RE.match(text)
    if not found:
        return None
    base = BASE_ALIASES.get(found.group("base"), found.group("base"))
    if found.group("x"):
        low = high = number(found.group("x"))
    elif found.group("bonly"):
        low, high = Decimal(0), number(found.group("bonly"))
    elif found.group("aonly"):
        low, high = number(found.group("aonly")), None
    else:
        low_text, high_text = found.group("a"), found.group("b")
        if base == INCOME and "倍" in low_text + high_text:
            return None
        low, high = _times(base, low_text), _times(base, high_text)
        return FineRange(base, low, high, text=text)
    single = found.group("x") or found.group("bonly") or found.group("aonly")
    if base != INCOME and _is_percent(single):
        low, high = low / 100, (None if high is None else high / 100)
    return FineRange(base, low, high, text=text)


def _is_percent(text: str) -> bool:
    return "%" in text or "百分之" in text


def _times(base: str, text: str) -> Decimal:
    """A number of the range in the base's unit: percent for 上一年年收入, times otherwise."""
    value = number(text)
    return value / 100 if base != INCOME and _is_percent(text) else value


def gains_condition(clause: str) -> dict | None:
    """The illegal-gains condition a clause states ({'gains_at_least': …} / {'gains_below': …} /
    {} for 有违法所得的), or None when the clause is not one."""
    clause = clause.removesuffix("的")
    found = re.fullmatch(rf"(?:违法所得|违法生产、经营的货值金额|货值金额)(?:在)?(?P<m>{MONEY})以上", clause)
    if found:
        return {"gains_at_least": money(found.group("m"))}
    found = re.fullmatch(rf"(?:没有违法所得或者)?(?:违法所得|违法生产、经营的货值金额|货值金额)(?:不足|在)?(?P<m>{MONEY})(?:以下)?",
                         clause)
    if found:
        return {"gains_below": money(found.group("m"))}
    if clause in ("有违法所得", "没有违法所得"):
        return {}
    return None


def with_condition(fine: FineRange, condition: dict) -> FineRange:
    """The same fine restricted by a gains condition."""
    return FineRange(fine.base, fine.low, fine.high, condition.get("gains_at_least"),
                     condition.get("gains_below"), fine.text)


def describe(fine: FineRange) -> str:
    """The range for people: 100,000元以下, 20,000元至50,000元, 违法所得2倍至5倍, 上一年年收入40%至60%."""
    fraction = fine.base not in (YUAN, INCOME) and (fine.high or fine.low) < 1      # 百分之五 of a base

    def show(value: Decimal) -> str:
        if fine.base == YUAN:
            return f"{value:,.0f}"
        return f"{(value * 100 if fraction else value).normalize():f}"
    unit = "%" if fraction else fine.unit
    prefix = "" if fine.base == YUAN else fine.base
    if fine.high is None:
        text = f"{prefix}{show(fine.low)}{unit}以上（未规定上限）"
    elif fine.low == 0:
        text = f"{prefix}{show(fine.high)}{unit}以下"
    elif fine.low == fine.high:
        text = f"{prefix}{show(fine.low)}{unit}"
    else:
        text = f"{prefix}{show(fine.low)}{unit}至{show(fine.high)}{unit}"
    if fine.gains_at_least is not None:
        text = f"违法所得{fine.gains_at_least:,.0f}元以上的，{text}"
    elif fine.gains_below is not None:
        text = f"没有违法所得或者违法所得不足{fine.gains_below:,.0f}元的，{text}"
    return text

