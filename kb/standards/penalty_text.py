"""具体标准 / 法定幅度 as text, the way published standards write them, and back.

    责令限期改正，处一万元以上三万元以下的罚款；对其直接负责的主管人员和其他直接责任人员处一万元以下的罚款
    违法所得十万元以上的，处违法所得二倍以上三倍以下的罚款；没有违法所得或者违法所得不足十万元的，处十万元以上十五万元以下的罚款
    对主要负责人处上一年年收入百分之六十至百分之七十的罚款

Segments are separated by ；, clauses by ，. A clause "（对 PARTY）处 AMOUNT 的罚款" is a fine
(without 对 … it fines the unit); a segment may start with an illegal-gains condition; every
other clause is a non-monetary measure (责令限期改正, 责令停产停业整顿 …).
"""

import re

from kb.numerals import chinese_to_int, int_to_chinese
from kb.standards.models import PARTIES, UNIT, FineRule
from kb.standards.money import MONEY, chinese_money, parse_money

NUM = r"[零〇一二两三四五六七八九十百\d]+"
FINE_RE = re.compile(r"^(?:对(?P<party>[^，；]+?))?(?:可以)?(?:单处或者并|并)?处(?P<amount>.+?)的罚款$")
FIXED_RES = [re.compile(rf"^(?P<a>{MONEY})(?:以上|至)(?P<b>{MONEY})(?:以下)?$"),
             re.compile(rf"^(?P<b>{MONEY})以下$"),
             re.compile(rf"^(?P<a>{MONEY})$")]
INCOME_RE = re.compile(rf"^上一年年收入百分之(?P<a>{NUM})(?:(?:以上|至)百分之(?P<b>{NUM})(?:以下)?)?$")
GAINS_RE = re.compile(rf"^违法所得(?P<a>{NUM})倍(?:(?:以上|至)(?P<b>{NUM})倍(?:以下)?)?$")
AT_LEAST_RE = re.compile(rf"^违法所得(?P<m>{MONEY})以上的[，,]")
BELOW_RE = re.compile(rf"^没有违法所得或者违法所得不足(?P<m>{MONEY})的[，,]")
PARTY_PHRASES = {phrase: role for role, (_, phrase) in PARTIES.items()} | {
    role: role for role in PARTIES} | {
    "生产经营单位": "单位", "生产经营单位的主要负责人": "主要负责人",
    "直接负责的主管人员和其他直接责任人员": "直接责任人员"}


def amount_text(rule: FineRule) -> str:
    """The amount part of a fine: 二万元以上五万元以下, 上一年年收入百分之四十, 违法所得二倍以上五倍以下."""
    if rule.income_percent:
        low, high = rule.income_percent
        return f"上一年年收入百分之{int_to_chinese(low)}" + (
            f"至百分之{int_to_chinese(high)}" if high != low else "")
    if rule.gains_times:
        low, high = rule.gains_times
        return f"违法所得{int_to_chinese(low)}倍" + (f"以上{int_to_chinese(high)}倍以下" if high != low else "")
    if rule.low == 0:
        return f"{chinese_money(rule.high)}以下"
    if rule.low == rule.high:
        return chinese_money(rule.low)
    return f"{chinese_money(rule.low)}以上{chinese_money(rule.high)}以下"


def fine_text(rule: FineRule) -> str:
    """One fine as a clause, with its party and illegal-gains condition."""
    condition = ""
    if rule.gains_at_least is not None:
        condition = f"违法所得{chinese_money(rule.gains_at_least)}以上的，"
    elif rule.gains_below is not None:
        condition = f"没有违法所得或者违法所得不足{chinese_money(rule.gains_below)}的，"
    party = "" if rule.party == UNIT else f"对{PARTIES[rule.party][1]}"
    return f"{condition}{party}处{amount_text(rule)}的罚款"


def render(fines: list[FineRule], measures: list[str]) -> str:
    """Write fines and measures as one 具体标准 text (empty when there is neither)."""
    segments = ["，".join(measures)] + [fine_text(rule) for rule in fines]
    return "；".join(s for s in segments if s)


def parse(text: str) -> tuple[list[FineRule], list[str]]:
    """Read a 具体标准 text into (fines, measures); raise ValueError naming the clause not understood."""
    fines, measures = [], []
    for segment in re.split(r"[；;]", str(text or "").strip().rstrip("。")):
        segment = segment.strip()
        condition = {}
        for regex, key in ((AT_LEAST_RE, "gains_at_least"), (BELOW_RE, "gains_below")):
            match = regex.match(segment)
            if match:
                condition[key] = parse_money(match.group("m"))
                segment = segment[match.end():]
        for clause in re.split(r"[，,]", segment):
            clause = clause.strip()
            if not clause:
                continue
            if "罚款" in clause:
                fines.append(_fine(clause, condition))
            else:
                measures.append(clause.removeprefix("并"))
    return fines, measures


def _fine(clause: str, condition: dict) -> FineRule:
    match = FINE_RE.match(clause)
    if not match:
        raise ValueError(f"无法识别的罚款表述“{clause}”")
    phrase = (match.group("party") or UNIT).strip()
    if phrase not in PARTY_PHRASES:
        raise ValueError(f"“{clause}”中的处罚对象“{phrase}”不认识，可用：{'、'.join(PARTIES)}")
    party, amount = PARTY_PHRASES[phrase], match.group("amount")
    for regex, key in ((INCOME_RE, "income_percent"), (GAINS_RE, "gains_times")):
        found = regex.match(amount)
        if found:
            low = chinese_to_int(found.group("a"))
            high = chinese_to_int(found.group("b")) if found.group("b") else low
            return FineRule(party=party, **{key: (low, high)}, **condition)
    for regex in FIXED_RES:
        found = regex.match(amount)
        if found:
            groups = found.groupdict()
            low = parse_money(groups["a"]) if groups.get("a") else 0
            high = parse_money(groups["b"]) if groups.get("b") else low
            return FineRule(party=party, low=low, high=high, **condition)
    raise ValueError(f"无法识别的罚款金额“{amount}”")
