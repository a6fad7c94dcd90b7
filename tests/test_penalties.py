"""The structured penalty reader on real statute text: the sample excerpt of 安全生产法 in the store,
and the 法律责任 articles of the shared corpus (skipped when ../shared is absent)."""

import os
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from fazhi.cli import main
from kb import penalties as p
from kb.importers.lawrefbook import parse

SHARED = Path(os.environ.get("FAZHI_SHARED") or Path(__file__).resolve().parents[2] / "shared")
LAWS = SHARED / "corpus" / "laws"


def corpus_article(name: str, number: int):
    """One article of a law from the shared corpus (newest file)."""
    files = sorted(LAWS.glob(f"*/{name}(*.md"))
    if not files:
        pytest.skip("共享语料 ../shared/corpus/laws 不存在")
    law = parse(files[-1].read_text(encoding="utf-8"), files[-1])
    return next(a for a in law.articles if a.number == number)


def fines(provision, condition=""):
    return {(s.party, s.fine.low, s.fine.high) for s in provision.situation(condition).fines()}


def test_item_of_a_list_article_takes_the_lead_sentence_penalty(store):
    found = p.find(store, "安全生产法第九十七条第三项")
    provision = found.provision
    assert provision.state == p.READ and provision.subject == p.UNIT
    assert fines(provision) == {(p.UNIT, 0, 100000)}
    assert fines(provision, "逾期未改正") == {(p.UNIT, 100000, 200000), (p.RESPONSIBLE, 20000, 50000)}
    assert "责令停产停业" in provision.kinds(p.UNIT)


def test_principal_article_names_the_principal_and_its_situations(store):
    provision = p.find(store, "《中华人民共和国安全生产法》第九十四条").provision
    assert provision.parties == [p.PRINCIPAL, p.UNIT]        # 责令生产经营单位停产停业整顿
    assert {s.party for s in provision.sanctions() if s.kind == p.FINE} == {p.PRINCIPAL}
    assert fines(provision) == {(p.PRINCIPAL, 20000, 50000)}
    assert provision.situation("导致发生生产安全事故").sanctions[0].kind == "撤职"
    assert provision.criminal


def test_missing_law_article_and_item_are_told_not_hidden(store):
    with pytest.raises(LookupError, match="法规库中没有《消防法》"):
        p.find(store, "消防法第六十条")
    provision = p.find(store, "安全生产法第九十七条第九项").provision
    assert provision.state == p.UNCERTAIN and "没有第九项" in provision.doubts[0]


def test_income_percentages_per_accident_grade():
    article = corpus_article("安全生产法", 95)
    provision = p.read_article(article, item=2)
    assert provision.situations[-1].accident == "较大事故"
    fine = provision.situations[-1].fines()[0].fine
    assert (fine.base, fine.low, fine.high) == (p.INCOME, 60, 60)
    assert fine.bounds(income=Decimal(200000)) == (Decimal(120000), Decimal(120000))


def test_gains_multiples_and_single_or_combined_fines():
    provision = p.read_article(corpus_article("安全生产法", 103), paragraph=1)
    unit = provision.situation("").fines(p.UNIT)
    multiple = next(s.fine for s in unit if s.fine.base == p.GAINS)
    fixed = next(s for s in unit if s.fine.base == p.YUAN)
    assert (multiple.low, multiple.high, multiple.gains_at_least) == (2, 5, 100000)
    assert (fixed.fine.low, fixed.fine.high, fixed.fine.gains_below, fixed.alternative) == (100000, 200000, 100000, True)
    assert not multiple.applies(Decimal(5000)) and fixed.fine.applies(Decimal(5000))
    assert "没收违法所得" in provision.kinds(p.UNIT)


def test_arabic_amounts_warning_or_fine_and_unnamed_offender():
    provision = p.read_article(corpus_article("危险化学品安全管理条例", 82), paragraph=2)
    assert fines(provision) == {(p.OFFENDER, 0, 10000)}
    fire = p.read_article(corpus_article("消防法", 60), paragraph=2)
    assert fire.subject == p.INDIVIDUAL and fire.kinds() == ["警告", "罚款"]
    assert fines(fire) == {(p.INDIVIDUAL, 0, 500)}


def test_text_that_cannot_be_read_is_uncertain():
    provision = p.read_text("生产经营单位有下列行为之一的，处相当数额的罚款")
    assert provision.state == p.UNCERTAIN and "相当数额" in provision.doubts[0]


def test_penalty_command_prints_the_structured_range(sample_data):
    result = CliRunner().invoke(main, ["--data", str(sample_data), "penalty", "安全生产法第九十七条第三项"])
    assert result.exit_code == 0, result.output
    assert "【逾期未改正】" in result.output and "直接责任人员：罚款 20,000元至50,000元" in result.output
    result = CliRunner().invoke(main, ["--data", str(sample_data), "penalty", "消防法第六十条"])
    assert result.exit_code != 0 and "法规库中没有《消防法》" in result.output


def test_accident_grades_in_items_without_de_are_situations():
    provision = p.read_article(corpus_article("特种设备安全法", 90))
    assert [s.accident for s in provision.situations] == ["一般事故", "较大事故", "重大事故"]
    assert fines(provision, "发生较大事故") == {(p.UNIT, 200000, 500000)}


def test_a_paragraph_punishing_two_acts_is_uncertain():
    provision = p.read_article(corpus_article("安全生产法", 103), paragraph=3)
    assert provision.state == p.UNCERTAIN and "不止一种违法行为" in provision.doubts[0]


def test_an_article_that_punishes_under_another_law_says_so():
    """生产安全事故应急条例第三十条 sets no penalty of its own: it punishes 依照《安全生产法》有关规定,
    so the reader says 依照其他规定处罚 and names that law, not 未规定处罚."""
    provision = p.read_article(corpus_article("生产安全事故应急条例", 30))
    assert provision.state == p.ELSEWHERE
    assert provision.elsewhere == "《中华人民共和国安全生产法》"
