"""The review ledger: one row per generated document in the store's database, counted by year."""

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

import kb.samples
from fazhi.cli import main
from generator.review import findings as fd
from generator.review import decisions, ledger
from generator.review.casefile import load_case, parse_case, read_data
from generator.review.checks import run_opinion_checks
from kb.samples import load_samples
from kb.store import Store

SAMPLES = Path(kb.samples.__file__).parent / "review"
OPINION = SAMPLES / "示例-法制审核-某化工有限公司.yaml"
WHEN = datetime(2026, 3, 23, 15, 30)


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "fazhi.sqlite")
    yield store
    store.close()


def opinion(**changes):
    """The sample opinion case with some top-level fields replaced."""
    return parse_case(read_data(OPINION) | changes)


def test_an_opinion_is_recorded_with_who_when_what_and_the_conclusion(store):
    entry = ledger.record(store, ledger.entry_for(opinion(), fd.AGREE, WHEN))
    [stored] = ledger.entries(store)
    assert stored.id == entry.id
    assert (stored.doc_type, stored.number, stored.cause) == ("法制审核意见书", "示例应急法审〔2026〕8号",
                                                              "未按照规定对从业人员进行安全生产教育和培训")
    assert (stored.party, stored.party_code) == ("示例市某化工有限公司", "91000000MA0000001X")
    assert (stored.reviewer, stored.reviewed, stored.recorded_at) == ("李某", date(2026, 3, 23), WHEN)
    assert (stored.conclusion, stored.amount) == (fd.AGREE, Decimal(40000))
    assert stored.articles == ["安全生产法第二十八条"] and stored.act_date == date(2026, 1, 5)
    assert stored.unit == "危险化学品安全监督管理科"
    row = store.db.execute("SELECT count(*) FROM review_ledger").fetchone()[0]
    assert row == 1


def test_person_fines_are_added_to_the_amount(store):
    data = read_data(OPINION)
    data["拟处罚"]["个人罚款"] = [{"姓名": "王某", "身份": "主要负责人", "罚款": "1.5万"}]
    entry = ledger.record(store, ledger.entry_for(parse_case(data), fd.AGREE_IF_AMENDED, WHEN))
    assert entry.amount == Decimal(55000)


def test_generating_again_for_the_same_number_replaces_the_entry(store):
    ledger.record(store, ledger.entry_for(opinion(), fd.AGREE_IF_AMENDED, WHEN))
    ledger.record(store, ledger.entry_for(opinion(), fd.AGREE, WHEN))
    assert [e.conclusion for e in ledger.entries(store)] == [fd.AGREE]


def test_entries_are_counted_by_review_year_and_document_type(store):
    ledger.record(store, ledger.entry_for(opinion(), fd.AGREE, WHEN))
    ledger.record(store, ledger.entry_for(opinion(文号="示例应急法审〔2025〕40号", 审核日期=date(2025, 12, 30),
                                                  立案日期=date(2025, 11, 1), 送审日期=date(2025, 12, 20),
                                                  违法行为发生日期=date(2025, 10, 1), 发现日期=date(2025, 10, 30)),
                                          fd.DISAGREE, WHEN))
    ledger.record(store, ledger.entry_for(opinion(文号="示例应急法审〔2026〕9号"), fd.DISAGREE, WHEN))
    ledger.record(store, ledger.entry_for(load_case(SAMPLES / "示例-合法性审查-重大事故隐患治理督办办法.yaml"),
                                          fd.LAWFUL, WHEN))
    ledger.record(store, ledger.entry_for(load_case(SAMPLES / "示例-案例评析-锁闭安全出口.yaml"), "", WHEN))
    assert [e.number for e in ledger.entries(store, 2025)] == ["示例应急法审〔2025〕40号"]
    assert len(ledger.entries(store, 2026)) == 4
    assert len(ledger.entries(store, 2026, "法制审核意见书")) == 2
    assert [e.unit for e in ledger.entries(store, 2026, unit="危险化学品安全监督管理科", conclusion=fd.DISAGREE)] == [
        "危险化学品安全监督管理科"]
    assert ledger.entries(store, unit="法规科") == []
    assert ledger.year_summary(store, 2026) == {"法制审核意见书": {fd.AGREE: 1, fd.DISAGREE: 1},
                                                "重大行政决策合法性审查意见书": {fd.LAWFUL: 1},
                                                "案例评析": {"": 1}}


def test_earlier_fines_come_from_decisions_of_the_same_party(store):
    real = opinion(示例=False)
    decisions.record(store, decisions.from_case(real, "示例应急罚〔2026〕8号", date(2026, 3, 27)))
    ledger.record(store, ledger.entry_for(opinion(文号="示例应急法审〔2026〕10号"), fd.AGREE, WHEN))
    other_case = opinion(文号="示例应急法审〔2026〕11号", 案件编号="示例应急立〔2026〕99号")
    assert [d.number for d in decisions.earlier_fines(store, other_case)] == ["示例应急罚〔2026〕8号"]
    assert decisions.earlier_fines(store, opinion()) == []          # the decision of this very case
    renamed = opinion(文号="示例应急法审〔2026〕12号", 案件编号="示例应急立〔2026〕98号",
                      当事人={"名称": "示例市某化工股份有限公司", "类型": "单位", "统一社会信用代码": "91000000MA0000001X"})
    assert len(decisions.earlier_fines(store, renamed)) == 1
    other_code = opinion(文号="示例应急法审〔2026〕13号", 案件编号="示例应急立〔2026〕97号",
                         当事人={"名称": "示例市某化工有限公司", "类型": "单位", "统一社会信用代码": "91000000MA0000009X"})
    assert decisions.earlier_fines(store, other_code) == []
    with pytest.raises(ValueError, match="示例文件不记入决定台账"):
        decisions.from_case(opinion(), "示例应急罚〔2026〕9号", date(2026, 3, 27))


def test_a_second_review_of_the_same_case_lists_the_earlier_opinion(store):
    ledger.record(store, ledger.entry_for(opinion(), fd.AGREE_IF_AMENDED, WHEN))
    second = opinion(文号="示例应急法审〔2026〕30号")
    assert [e.number for e in ledger.earlier_opinions(store, second)] == ["示例应急法审〔2026〕8号"]
    assert ledger.earlier_opinions(store, opinion()) == []


def test_voided_entries_are_kept_marked_and_not_counted(store, tmp_path):
    ledger.record(store, ledger.entry_for(opinion(), fd.AGREE, WHEN))
    with pytest.raises(ValueError, match="须写明理由"):
        ledger.void(store, "示例应急法审〔2026〕8号", " ")
    [voided] = ledger.void(store, "示例应急法审〔2026〕8号", "文号重复，已另行编号")
    assert voided.voided and voided.voided_reason == "文号重复，已另行编号"
    assert ledger.entries(store) == [] and ledger.year_summary(store, 2026) == {}
    assert [e.number for e in ledger.entries(store, voided=True)] == ["示例应急法审〔2026〕8号"]
    with pytest.raises(LookupError, match="没有文号为"):
        ledger.void(store, "示例应急法审〔2026〕1号", "误录")


def test_fazhi_ledger_void_decide_and_decisions(tmp_path):
    real = tmp_path / "案件.yaml"
    real.write_text(OPINION.read_text(encoding="utf-8").replace("示例: true", "示例: false"), encoding="utf-8")
    runner, data = CliRunner(), ["--data", str(tmp_path)]
    result = runner.invoke(main, data + ["ledger", "decide", str(real), "--number", "示例应急罚〔2026〕8号",
                                         "--date", "2026-03-27"])
    assert result.exit_code == 0, result.output
    assert "已记入决定台账：示例应急罚〔2026〕8号" in result.output and "罚款 40000元" in result.output
    refused = runner.invoke(main, data + ["ledger", "decide", str(OPINION), "--number", "X", "--date", "2026-03-27"])
    assert refused.exit_code != 0 and "示例文件不记入决定台账" in refused.output
    result = runner.invoke(main, data + ["ledger", "void", "示例应急罚〔2026〕8号", "--decision", "--reason", "决定已撤销"])
    assert result.exit_code == 0, result.output
    listed = runner.invoke(main, data + ["ledger", "decisions"])
    assert "【作废：决定已撤销】" in listed.output


def test_fazhi_ledger_lists_and_counts_a_year(tmp_path):
    store = Store(tmp_path / "fazhi.sqlite")
    ledger.record(store, ledger.entry_for(opinion(), fd.AGREE, WHEN))
    store.close()
    result = CliRunner().invoke(main, ["--data", str(tmp_path), "ledger", "--year", "2026"])
    assert result.exit_code == 0, result.output
    assert "2026-03-23　法制审核意见书　示例应急法审〔2026〕8号" in result.output
    assert "2026 年法制审核意见书共 1 件：同意 1 件" in result.output
    assert "示例应急法审〔2026〕8号　未按照规定对从业人员进行安全生产教育和培训　示例市某化工有限公司　危险化学品安全监督管理科" in result.output
    empty = CliRunner().invoke(main, ["--data", str(tmp_path), "ledger", "--year", "2024"])
    assert "没有 2024 年的记录" in empty.output
    other = CliRunner().invoke(main, ["--data", str(tmp_path), "ledger", "--unit", "法规科"])
    assert "审核台账中没有法规科的记录" in other.output


def test_a_decision_already_recorded_for_this_case_is_pointed_out(store):
    load_samples(store)
    decisions.record(store, decisions.from_case(opinion(示例=False), "示例应急罚〔2026〕8号", date(2026, 3, 27)))
    finding = next(f for f in run_opinion_checks(store, opinion()) if f.check_id == fd.DOUBLE_FINE)
    assert finding.outcome == fd.NOTE and "已于2026年3月27日作出处罚决定（示例应急罚〔2026〕8号" in finding.message
