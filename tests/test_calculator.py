"""The discretion calculator on every sample item and tier, income- and gains-based rules,
proposed amounts, and the statutory rules of 《行政处罚法》第三十二条、第三十三条."""

import json
from decimal import Decimal

import click
import pytest
from click.testing import CliRunner

from fazhi.cli_knowledge import COMMANDS
from kb.cases.store import CaseStore
from kb.errors import KnowledgeError
from kb.samples import load_samples
from kb.standards.calculator import (
    ABOVE,
    BELOW,
    MAY_WAIVE,
    NO_PENALTY,
    PUNISH,
    WITHIN,
    assess,
    assess_code,
)
from kb.standards.store import StandardStore
from kb.store import Store

INCOME = Decimal(200000)
# Inputs a sample case needs beyond its recorded fields (from its facts).
CASE_INPUTS = {"SL-2025-10": {"income": Decimal(186000)}}




def _sample_tiers():
    store = Store(":memory:")
    load_samples(store)
    pairs = [(item.code, tier.name) for _, item in StandardStore(store).iter_items() for tier in item.tiers]
    store.close()
    return pairs


@pytest.mark.parametrize("code, tier", _sample_tiers())
def test_every_sample_item_and_tier(store, code, tier):
    standard, item = StandardStore(store).find_item(code)
    needs = {}
    if any(rule.income_percent for rule in item.tier(tier).fines):
        needs["income"] = INCOME
    if any(rule.gains_times or rule.gains_below for rule in item.tier(tier).fines):
        needs["gains"] = Decimal(0)      # 没有违法所得: the rules 违法所得十万元以上的 do not apply
    result = assess(standard, item, tier, **needs)
    assert result.outcome == PUNISH and not result.mitigated
    assert result.reasons[0].startswith("适用《示例省") and f"裁量阶次“{tier}”" in result.reasons[0]
    assert result.citations[0] == item.basis[0].text
    assert result.measures == item.tier(tier).measures
    assert len(result.ranges) == len([r for r in item.tier(tier).fines if r.gains_at_least is None])
    for fine in result.ranges:
        assert fine.statutory_low <= fine.low <= fine.high <= fine.statutory_high
        middle = (fine.low + fine.high) / 2
        for proposed, position, legal in ((middle, WITHIN, WITHIN),
                                          (fine.statutory_high + 1, ABOVE, ABOVE)):
            checked = assess(standard, item, tier, party=fine.party, proposed=proposed, **needs)
            comparison = next(c for c in checked.comparisons if c.party == fine.party)
            assert (comparison.position, comparison.statutory_position) == (position, legal)
        above = assess(standard, item, tier, party=fine.party, proposed=fine.statutory_high + 1, **needs)
        assert "超过法定最高额" in above.comparisons[0].text


def test_amount_above_the_statutory_maximum(store):
    result = assess_code(store, "AQ-097-3", "较重", proposed=Decimal(120000))
    comparison = result.comparisons[0]
    assert (comparison.position, comparison.difference) == (ABOVE, Decimal(20000))
    assert (comparison.statutory_position, comparison.statutory_difference) == (ABOVE, Decimal(20000))
    assert "超过法定最高额 100,000元，超出 20,000元" in comparison.text


def test_amount_above_the_tier_but_within_the_statute(store):
    comparison = assess_code(store, "AQ-097-3", "一般", proposed=Decimal(70000)).comparisons[0]
    assert (comparison.position, comparison.difference, comparison.statutory_position) == (ABOVE, 10000, WITHIN)
    assert "高于适用幅度上限 60,000元，超出 10,000元" in comparison.text


def test_amount_below_and_within(store):
    below = assess_code(store, "AQ-108", "较重", proposed=Decimal(40000)).comparisons[0]
    assert (below.position, below.difference, below.statutory_position) == (BELOW, 10000, WITHIN)
    within = assess_code(store, "AQ-108", "较重", proposed=Decimal(50000)).comparisons[0]
    assert (within.position, within.difference) == (WITHIN, 0)


def test_income_percentage_fixed_by_accident_grade(store):
    result = assess_code(store, "AQ-095", "一般事故", income=Decimal(186000), proposed=Decimal(74400))
    fine = result.ranges[0]
    assert (fine.party, fine.low, fine.high) == ("主要负责人", Decimal(74400), Decimal(74400))
    assert result.comparisons[0].position == WITHIN
    assert "上一年年收入 186,000元" in fine.basis


def test_income_percentage_range(store):
    result = assess_code(store, "AQ-110", "较重", income=Decimal("253600.50"))
    fine = result.ranges[0]
    assert (fine.low, fine.high) == (Decimal("177520.35"), Decimal("215560.43"))
    assert (fine.statutory_low, fine.statutory_high) == (Decimal("152160.3"), Decimal("253600.5"))
    assert any("百分之七十至百分之八十五" in reason for reason in result.reasons)


def test_income_is_required_for_income_rules(store):
    with pytest.raises(KnowledgeError, match="事项 AQ-110 阶次“严重”.*上一年年收入.*--income"):
        assess_code(store, "AQ-110", "严重")


@pytest.mark.parametrize("gains, low, high", [(Decimal(120000), 240000, 360000), (Decimal(50000), 100000, 150000),
                                              (Decimal(0), 100000, 150000)])
def test_illegal_gains_rules(store, gains, low, high):
    result = assess_code(store, "AQ-103", "一般", gains=gains, party="单位")
    assert [(r.low, r.high) for r in result.ranges] == [(low, high)]
    assert result.measures == ["责令限期改正", "没收违法所得"]


def test_gains_are_required_for_gains_rules(store):
    with pytest.raises(KnowledgeError, match="违法所得.*--gains"):
        assess_code(store, "AQ-103", "严重")


def test_article_32_lenient_where_the_statute_has_no_minimum(store):
    result = assess_code(store, "AQ-097-7", "一般", factors=["主动消除危害后果"], proposed=Decimal(35000))
    fine = result.ranges[0]
    assert result.mitigated and (fine.low, fine.high, fine.reducible) == (30000, 45000, False)
    assert "《中华人民共和国行政处罚法》第三十二条第一项" in result.citations
    assert any("没有可以减轻的下限" in reason for reason in result.reasons)
    assert result.comparisons[0].position == WITHIN


def test_article_32_reduction_below_the_statutory_minimum(store):
    result = assess_code(store, "AQ-108", "一般", party="单位", factors=["主动供述"], proposed=Decimal(15000))
    fine, comparison = result.ranges[0], result.comparisons[0]
    assert (fine.low, fine.high, fine.reducible) == (20000, 35000, True)
    assert (comparison.statutory_position, comparison.statutory_difference) == (BELOW, 5000)
    assert "属于减轻处罚" in comparison.text
    plain = assess_code(store, "AQ-108", "一般", party="单位", proposed=Decimal(15000)).comparisons[0]
    assert "不得低于法定最低额" in plain.text


def test_article_33_no_penalty(store):
    result = assess_code(store, "AQ-097-3", "轻微", factors=["违法行为轻微", "及时改正", "没有造成危害后果"],
                         proposed=Decimal(10000))
    assert result.outcome == NO_PENALTY and result.ranges == []
    assert result.comparisons[0].position == ABOVE and "不应罚款" in result.comparisons[0].text
    assert "《中华人民共和国行政处罚法》第三十三条第一款" in result.citations
    assert any("应当对当事人进行教育" in reason for reason in result.reasons)
    assert result.hearing == []


def test_article_33_first_offence_may_be_waived(store):
    result = assess_code(store, "AQ-097-6", "轻微", factors=["初次违法", "危害后果轻微", "及时改正"])
    assert result.outcome == MAY_WAIVE and result.ranges[0].high == 30000
    assert any("首违不罚" in reason for reason in result.reasons)


def test_article_33_no_fault(store):
    result = assess_code(store, "AQ-099-5", "一般", factors=["有证据足以证明没有主观过错"])
    assert result.outcome == NO_PENALTY
    assert "《中华人民共和国行政处罚法》第三十三条第二款" in result.citations


def test_article_33_missing_conditions_are_named(store):
    result = assess_code(store, "AQ-099-5", "一般", factors=["及时改正"])
    assert result.outcome == PUNISH
    assert any("尚缺：初次违法、危害后果轻微、违法行为轻微、没有造成危害后果" in reason for reason in result.reasons)


def test_prompt_correction_contradicts_an_overdue_tier(store):
    result = assess_code(store, "AQ-097-3", "严重", factors=["初次违法", "危害后果轻微", "及时改正"])
    assert any("与“及时改正”矛盾" in reason for reason in result.reasons)


def test_hearing_notice(store):
    closing = assess_code(store, "AQ-101-1", "严重")
    assert any("停产停业整顿" in note and "第四项" in note for note in closing.hearing)
    large = assess_code(store, "AQ-097-3", "较重", proposed=Decimal(60000))
    assert any("较大数额罚款" in note for note in large.hearing)
    assert assess_code(store, "AQ-097-3", "轻微", proposed=Decimal(20000)).hearing == []


@pytest.mark.parametrize("code, tier, options, message", [
    ("AQ-000", "一般", {}, "没有编号为“AQ-000”的事项"),
    ("AQ-097-3", "很重", {}, "没有裁量阶次“很重”，可选：轻微、一般、较重、严重"),
    ("AQ-097-3", "一般", {"factors": ["态度好"]}, "未知的裁量情节“态度好”"),
    ("AQ-097-3", "一般", {"party": "路人"}, "处罚对象“路人”不认识"),
])
def test_input_errors(store, code, tier, options, message):
    with pytest.raises(KnowledgeError, match=message):
        assess_code(store, code, tier, **options)


def test_sample_cases_agree_with_the_calculator(store):
    """Every sample decision is what the calculator allows for its item, tier and circumstances."""
    for case in CaseStore(store).all():
        if not case.item_code:
            continue
        result = assess_code(store, case.item_code, case.tier, factors=case.factors,
                             **CASE_INPUTS.get(case.code, {}))
        if result.outcome == MAY_WAIVE:
            assert not case.fines and "不予行政处罚" in case.decision, case.code
        for fine in case.fines:
            allowed = next(r for r in result.ranges if r.party == fine.party)
            assert allowed.low <= fine.amount <= allowed.high, case.code


def test_json_output_is_plain(store):
    data = assess_code(store, "AQ-097-3", "较重", proposed=Decimal(120000)).to_dict()
    assert data["ranges"][0]["low"] == "60000" and data["comparisons"][0]["position"] == ABOVE
    json.dumps(data, ensure_ascii=False)


def test_cli_discretion(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    sample_store = Store(data / "fazhi.sqlite")
    load_samples(sample_store)
    sample_store.close()
    group = click.Group(commands={c.name: c for c in COMMANDS})
    run = lambda *args: CliRunner().invoke(group, list(args), obj={"data": str(data)})  # noqa: E731
    result = run("discretion", "AQ-097-7", "--tier", "一般", "--factor", "主动消除危害后果", "--proposed", "35000")
    assert result.exit_code == 0, result.output
    assert "单位：30,000元至45,000元" in result.output and "在适用幅度" in result.output
    result = run("discretion", "AQ-110", "--tier", "较重", "--income", "253600", "--json")
    assert json.loads(result.output)["ranges"][0]["high"] == "215560"
    result = run("discretion", "AQ-110", "--tier", "较重")
    assert result.exit_code == 1 and "--income" in result.output and "Traceback" not in result.output
    result = run("discretion", "AQ-110", "--tier", "较重", "--income", "很多")
    assert result.exit_code == 2 and "上一年年收入不是金额" in result.output
