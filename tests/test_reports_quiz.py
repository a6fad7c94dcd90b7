"""The annual statistics count the exams recorded on the quiz page with the training ledger's exams:
a quiz session the ledger already lists (by 编号 or 主题) is counted once, by the ledger."""

import csv
from datetime import date

import pytest

from generator.reports.stats import compute_stats
from kb.ledgers import import_ledger
from kb.quiz.bank import Edit, generate_bank, laws_named, review
from kb.quiz.models import APPROVED, SINGLE, TRUE_FALSE
from kb.quiz.papers import assemble_paper, record_result
from kb.quiz.store import QuizStore
from kb.samples import ROOT as SAMPLES
from kb.samples import load_samples
from kb.store import Store

TRAINING_SAMPLE = SAMPLES / "ledgers" / "示例市-学法培训台账-2025.csv"


@pytest.fixture(scope="module")
def quiz_store(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("stats-quiz") / "fazhi.sqlite")
    load_samples(store)
    import_ledger(store, TRAINING_SAMPLE)
    bank = QuizStore(store)
    for question in generate_bank(store, bank, laws_named(store, ["中华人民共和国安全生产法"])):
        review(store, bank, question.id, Edit(status=APPROVED))
    paper = assemble_paper(bank, "安全生产法律知识测试", {SINGLE: 2, TRUE_FALSE: 1}, seed=3)
    record_result(bank, paper.id, "王某", {}, date(2025, 6, 16), session="2025年安全生产月知识竞赛")
    record_result(bank, paper.id, "赵某", {}, date(2025, 6, 16), session="2025年安全生产月知识竞赛")
    record_result(bank, paper.id, "钱某", {}, date(2025, 6, 17), session="2025年安全生产月知识竞赛")
    record_result(bank, paper.id, "孙某", {}, date(2025, 1, 20), session="XF-2025-13")
    record_result(bank, paper.id, "李某", {}, date(2026, 3, 2), session="2026年执法人员考试")
    yield store
    store.close()


def _ledger_exams() -> tuple[int, int]:
    """The exams of the sample training ledger, counted from the file itself."""
    with TRAINING_SAMPLE.open(encoding="utf-8-sig", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["类别"] == "企业人员考试"]
    return sum(int(row["考试场次"]) for row in rows), sum(int(row["考核人次"]) for row in rows)


def test_quiz_sessions_add_to_the_ledger_without_double_counting(quiz_store):
    sessions, people = _ledger_exams()
    stats = compute_stats(quiz_store, 2025)
    # two sessions on the quiz page (16 and 17 June) with 3 people; the XF-2025-13 one is the ledger's
    assert stats["企业考试场次"].value == sessions + 2
    assert stats["企业考核人次"].value == people + 3
    assert "在线考试记录" in stats["企业考试场次"].source


def test_quiz_results_alone_give_the_figures_and_no_ledger_figure_is_invented(quiz_store):
    stats = compute_stats(quiz_store, 2026)
    assert (stats["企业考试场次"].value, stats["企业考核人次"].value) == (1, 1)
    assert not stats["中心组学法次数"].known
    none = compute_stats(quiz_store, 2024)
    assert not none["企业考试场次"].known and not none["企业考核人次"].known
