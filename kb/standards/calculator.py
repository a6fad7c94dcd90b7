"""The discretion calculator: the applicable fine ranges of an item's tier, with reasons and
citations, the statutory effect of the circumstances, and a check of a proposed amount.

Rules implemented (all amounts Decimal 元):

* The tier's 具体标准 gives the range; amounts against income or illegal gains are computed from
  the income / gains given. The statutory range is the 法定幅度 of the tier's 法定情形.
* 《行政处罚法》第三十二条 (应当从轻或者减轻): 从轻 — the fine stays inside the tier and inside the
  statutory range, in the lower half of the tier's range (tier minimum up to its midpoint);
  减轻 — a fine below the statutory minimum is allowed as well; where the statute sets no
  minimum (…以下的罚款) there is nothing to go below, so only 从轻 applies to the amount.
* 第三十三条第一款: 违法行为轻微 + 及时改正 + 没有造成危害后果 → 不予行政处罚 (no range);
  初次违法 + 危害后果轻微 + 及时改正 → 可以不予行政处罚 (首违不罚; the range still shown);
  第三十三条第二款: 没有主观过错 (with evidence) → 不予行政处罚. 第三款: the party is educated.
* A proposed amount is compared with the applicable range (within / below / above, by how much)
  and separately with the statutory range.
* 第六十三条: measures such as 责令停产停业 or 吊销 and fines reaching the standard's 较大数额罚款
  mean the party must be told of the right to a hearing.
"""

from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from kb.errors import KnowledgeError
from kb.numerals import int_to_chinese
from kb.refs import Ref
from kb.standards import factors as fc
from kb.standards import penalty_text
from kb.standards.models import (
    INCOME,
    PARTIES,
    UNIT,
    FineRule,
    Standard,
    StandardItem,
    Tier,
)
from kb.standards.money import CENT, chinese_money, format_yuan
from kb.standards.store import StandardStore
from kb.store import Store

PUNISH = "处罚"
NO_PENALTY = "不予处罚"
MAY_WAIVE = "可以不予处罚"
WITHIN, BELOW, ABOVE = "within", "below", "above"
POSITION_WORDS = {WITHIN: "在幅度内", BELOW: "低于幅度", ABOVE: "高于幅度"}
HEARING_MEASURES = {"停产停业": 4, "关闭": 4, "限制从业": 4, "吊销": 3, "降低资质": 3}
HALF = Decimal("0.5")


@dataclass
class FineRange:
    """The fine for one party: the tier's range, the applicable one, and the statutory one."""

    party: str
    low: Decimal                    # applicable range (after 从轻)
    high: Decimal
    tier_low: Decimal               # the tier's 具体标准
    tier_high: Decimal
    statutory_low: Decimal          # the 法定幅度
    statutory_high: Decimal
    reducible: bool = False         # 减轻 allowed: amounts below statutory_low are lawful
    basis: str = ""                 # how income/gains-based amounts were computed

    @property
    def text(self) -> str:
        """One line: party, applicable range and the statutory range."""
        line = f"{self.party}：{_span(self.low, self.high)}（法定幅度 {_span(self.statutory_low, self.statutory_high)}）"
        return line + (f"；可减轻至 {format_yuan(self.statutory_low)} 以下" if self.reducible else "")


@dataclass
class Comparison:
    """A proposed amount against the applicable and the statutory range of one party."""

    party: str
    proposed: Decimal
    position: str                   # within / below / above the applicable range
    difference: Decimal             # how far outside it (0 when within)
    statutory_position: str         # within / below / above the statutory range
    statutory_difference: Decimal
    text: str


@dataclass
class Assessment:
    """What the calculator found for one item, tier and set of circumstances."""

    standard: str
    item_code: str
    item_title: str
    tier: str
    band: str
    outcome: str                                # 处罚 / 不予处罚 / 可以不予处罚
    mitigated: bool                             # 第三十二条 applies (从轻或者减轻)
    ranges: list[FineRange] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    hearing: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """A JSON-ready dict (amounts as strings)."""
        return _plain(asdict(self))


def assess_code(store: Store, code: str, tier: str, *, standard_key: str | None = None,
                on: date | None = None, **options) -> Assessment:
    """Find item `code` in the standards of the store (see StandardStore.find_item) and assess it;
    `options` are those of `assess`."""
    found = StandardStore(store).find_item(code, standard_key, on)
    if found is None:
        raise KnowledgeError(f"裁量基准中没有编号为“{code}”的事项" + (f"（基准 {standard_key}）" if standard_key else ""))
    return assess(*found, tier, **options)


def assess(standard: Standard, item: StandardItem, tier_name: str, *, party: str | None = None,
           factors=(), income: Decimal | None = None, gains: Decimal | None = None,
           proposed: Decimal | None = None) -> Assessment:
    """Assess one tier of an item.

    `party` narrows the ranges to 单位, 个人 or one role (主要负责人, 直接责任人员); `factors` are
    circumstance names (see kb.standards.factors); `income` is the individual's last-year income
    and `gains` the illegal gains, needed where the item measures fines against them; `proposed`
    is an amount to check (for `party`, else for the item's first fined party).
    """
    tier = item.tier(tier_name)
    if tier is None:
        raise KnowledgeError(f"事项 {item.code} 没有裁量阶次“{tier_name}”，可选：{'、'.join(t.name for t in item.tiers)}")
    if party and party not in PARTIES:
        raise KnowledgeError(f"处罚对象“{party}”不认识，可用：{'、'.join(PARTIES)}")
    chosen = fc.find_factors(factors)
    band = item.band(tier.band)
    result = Assessment(standard=standard.display_title, item_code=item.code, item_title=item.title,
                        tier=tier.name, band=band.name, outcome=PUNISH,
                        mitigated=any(f.effect == fc.MITIGATING for f in chosen), measures=list(tier.measures))
    result.reasons.append(f"适用{standard.display_title}事项 {item.code}“{item.title}”，裁量阶次“{tier.name}”"
                          f"（法定情形：{band.name}）。")
    if tier.conditions:
        result.reasons.append("适用条件：" + "；".join(tier.conditions) + "。")
    result.reasons.append(f"法定幅度：{penalty_text.render(band.fines, band.measures)}。")
    result.reasons.append(f"具体标准：{penalty_text.render(tier.fines, tier.measures) or '不处罚款'}。")
    result.citations = [r.text for r in item.basis + item.provisions]
    _apply_conditions(result, chosen, tier)
    if result.outcome != NO_PENALTY:
        money = {"income": income, "gains": gains}
        rules = [r for r in tier.fines if _party_matches(r, party) and _applies(r, gains, item, tier)]
        result.ranges = [_range(item, tier, rule, band.fines, money, result) for rule in rules]
        if result.mitigated:
            _mitigate(result, chosen)
    if proposed is not None:
        _compare(result, Decimal(proposed), party or _primary_party(tier))
    _hearing(result, standard, proposed)
    return result


def _apply_conditions(result: Assessment, chosen: list[fc.Factor], tier: Tier) -> None:
    """第三十三条: decide 不予处罚 / 可以不予处罚 and explain what is missing."""
    names = {f.name for f in chosen}
    conditions = [f for f in chosen if f.effect == fc.CONDITION]
    if not conditions:
        return
    law = f"《{fc.LAW}》"
    if names >= set(fc.NO_FAULT):
        result.outcome = NO_PENALTY
        result.reasons.append(f"当事人有证据足以证明没有主观过错，依照{law}第三十三条第二款不予行政处罚"
                              "（法律、行政法规另有规定的，从其规定）。")
    elif names >= set(fc.NO_PENALTY):
        result.outcome = NO_PENALTY
        result.reasons.append(f"违法行为轻微并及时改正，没有造成危害后果，依照{law}第三十三条第一款不予行政处罚。")
    elif names >= set(fc.FIRST_OFFENCE):
        result.outcome = MAY_WAIVE
        result.reasons.append(f"初次违法且危害后果轻微并及时改正，依照{law}第三十三条第一款可以不予行政处罚"
                              "（首违不罚）；决定处罚的，按下列幅度。")
    else:
        missing = [n for n in fc.FIRST_OFFENCE + fc.NO_PENALTY if n not in names]
        result.reasons.append(f"第三十三条第一款不予处罚须同时具备“{'、'.join(fc.NO_PENALTY)}”，首违不罚须同时具备"
                              f"“{'、'.join(fc.FIRST_OFFENCE)}”；尚缺：{'、'.join(dict.fromkeys(missing))}。")
    if result.outcome != PUNISH:
        result.reasons.append(f"决定不予行政处罚的，应当对当事人进行教育（{law}第三十三条第三款）。")
        if "及时改正" in names and ("逾期" in tier.band or "拒" in tier.band):
            result.reasons.append(f"注意：所选阶次的法定情形为“{tier.band}”，与“及时改正”矛盾，请核实。")
        paragraph = 2 if result.outcome == NO_PENALTY and names >= set(fc.NO_FAULT) else 1
        result.citations += [Ref(fc.LAW, 33, paragraph=paragraph).text, Ref(fc.LAW, 33, paragraph=3).text]


def _mitigate(result: Assessment, chosen: list[fc.Factor]) -> None:
    """第三十二条: 从轻 = lower half of the tier's range; 减轻 = below the statutory minimum."""
    for factor in (f for f in chosen if f.effect == fc.MITIGATING):
        result.reasons.append(f"当事人{factor.name}，依照{factor.ref.text}应当从轻或者减轻行政处罚。")
        result.citations.append(factor.ref.text)
    for fine in result.ranges:
        fine.high = _money(fine.tier_low + (fine.tier_high - fine.tier_low) * HALF)
        fine.reducible = fine.statutory_low > 0
        line = f"从轻处罚：{fine.party}在本阶次幅度的下半段确定，即 {_span(fine.low, fine.high)}"
        if fine.reducible:
            line += f"；减轻处罚：可以低于法定最低额 {format_yuan(fine.statutory_low)}"
        else:
            line += "；法定罚款只规定上限，没有可以减轻的下限，按从轻处罚确定"
        result.reasons.append(line + "。")


def _range(item: StandardItem, tier: Tier, rule: FineRule, statutory_rules: list[FineRule], money: dict,
           result: Assessment) -> FineRange:
    statutory = next(r for r in statutory_rules if r.same_slot(rule))
    low, high = _amounts(item, tier, rule, money)
    statutory_low, statutory_high = _amounts(item, tier, statutory, money)
    basis = ""
    if rule.kind != "fixed":
        base = money["income"] if rule.kind == INCOME else money["gains"]
        basis = f"按{rule.kind} {format_yuan(base)} 计算：{penalty_text.amount_text(rule)}，即 {_span(low, high)}"
        result.reasons.append(f"{rule.party}罚款{basis}。")
    return FineRange(party=rule.party, low=low, high=high, tier_low=low, tier_high=high,
                     statutory_low=statutory_low, statutory_high=statutory_high, basis=basis)


def _amounts(item: StandardItem, tier: Tier, rule: FineRule, money: dict) -> tuple[Decimal, Decimal]:
    if rule.kind == "fixed":
        return Decimal(rule.low), Decimal(rule.high)
    key, option, unit = ("income", "--income", Decimal(100)) if rule.kind == INCOME else ("gains", "--gains", 1)
    base = money[key]
    if base is None:
        raise KnowledgeError(f"事项 {item.code} 阶次“{tier.name}”对{rule.party}的罚款按{rule.kind}计算，"
                             f"请提供{rule.kind}金额（{option}）")
    low, high = rule.bounds
    return _money(Decimal(base) * low / unit), _money(Decimal(base) * high / unit)


def _applies(rule: FineRule, gains: Decimal | None, item: StandardItem, tier: Tier) -> bool:
    """Whether an illegal-gains condition of the rule holds; other rules always apply."""
    if rule.gains_at_least is None and rule.gains_below is None:
        return True
    if gains is None:
        raise KnowledgeError(f"事项 {item.code} 阶次“{tier.name}”的罚款取决于违法所得，"
                             "请提供违法所得金额（--gains，没有违法所得填 0）")
    if rule.gains_at_least is not None:
        return Decimal(gains) >= rule.gains_at_least
    return Decimal(gains) < rule.gains_below


def _compare(result: Assessment, proposed: Decimal, party: str) -> None:
    ranges = [r for r in result.ranges if r.party == party or PARTIES[r.party][0] == party]
    if result.outcome == NO_PENALTY:
        text = f"依法不予行政处罚，不应罚款（拟罚款 {format_yuan(proposed)}）。" if proposed else "依法不予行政处罚。"
        result.comparisons.append(Comparison(party, proposed, ABOVE if proposed else WITHIN, proposed,
                                             WITHIN, Decimal(0), text))
        return
    if not ranges:
        result.reasons.append(f"本阶次对{party}不处罚款，拟罚款 {format_yuan(proposed)} 没有依据。")
        return
    for fine in ranges:
        position, difference = _position(proposed, fine.low, fine.high)
        legal, legal_difference = _position(proposed, fine.statutory_low, fine.statutory_high)
        text = f"{fine.party}拟罚款 {format_yuan(proposed)}，"
        if position == WITHIN:
            text += f"在适用幅度 {_span(fine.low, fine.high)} 之内"
        elif position == BELOW:
            text += f"低于适用幅度下限 {format_yuan(fine.low)}，差 {format_yuan(difference)}"
        else:
            text += f"高于适用幅度上限 {format_yuan(fine.high)}，超出 {format_yuan(difference)}"
        if legal == ABOVE:
            text += (f"；超过法定最高额 {format_yuan(fine.statutory_high)}，超出 {format_yuan(legal_difference)}，"
                     "违反处罚依据")
        elif legal == BELOW:
            text += f"；低于法定最低额 {format_yuan(fine.statutory_low)}，差 {format_yuan(legal_difference)}，" + (
                "当事人有法定减轻情节，属于减轻处罚" if fine.reducible else "没有法定减轻情节，不得低于法定最低额")
        result.comparisons.append(Comparison(fine.party, proposed, position, difference, legal,
                                             legal_difference, text + "。"))


def _hearing(result: Assessment, standard: Standard, proposed: Decimal | None) -> None:
    """第六十三条: note when the party must be told of the right to request a hearing."""
    if result.outcome == NO_PENALTY:
        return
    law = f"《{fc.LAW}》第六十三条第一款"
    for measure in result.measures:
        item = next((n for word, n in HEARING_MEASURES.items() if word in measure), None)
        if item:
            result.hearing.append(f"拟{measure}，依照{law}第{int_to_chinese(item)}项应当告知当事人有要求听证的权利。")
    for fine in result.ranges:
        threshold = standard.hearing_amounts.get(PARTIES[fine.party][0])
        compared = proposed is not None and any(c.party == fine.party for c in result.comparisons)
        amount = proposed if compared else fine.high
        if threshold is None or amount < threshold:
            continue
        standard_text = f"本基准的较大数额罚款标准（{chinese_money(threshold)}以上）"
        if compared:
            result.hearing.append(f"{fine.party}拟罚款 {format_yuan(amount)} 达到{standard_text}，"
                                  f"依照{law}第一项应当告知听证权利。")
        else:
            result.hearing.append(f"{fine.party}罚款幅度上限 {format_yuan(amount)} 达到{standard_text}："
                                  f"拟罚款达到该数额的，依照{law}第一项应当告知听证权利。")
    if result.hearing:
        result.citations.append(Ref(fc.LAW, 63, paragraph=1).text)


def _party_matches(rule: FineRule, party: str | None) -> bool:
    return party is None or rule.party == party or rule.party_kind == party


def _primary_party(tier: Tier) -> str:
    parties = [r.party for r in tier.fines]
    return UNIT if UNIT in parties or not parties else parties[0]


def _position(amount: Decimal, low: Decimal, high: Decimal) -> tuple[str, Decimal]:
    if amount < low:
        return BELOW, low - amount
    if amount > high:
        return ABOVE, amount - high
    return WITHIN, Decimal(0)


def _span(low: Decimal, high: Decimal) -> str:
    if low == high:
        return format_yuan(low)
    return f"{format_yuan(high)}以下" if low == 0 else f"{format_yuan(low)}至{format_yuan(high)}"


def _money(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, ROUND_HALF_UP).normalize() if amount % 1 else amount.quantize(Decimal(1))


def _plain(value):
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return str(value) if isinstance(value, Decimal) else value
