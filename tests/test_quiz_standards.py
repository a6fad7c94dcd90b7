"""Questions from the sample discretion standard: keys are the tier's fines, distractors the other
tiers' fines for the same party; a new version of the standard retires the questions on a changed tier."""

import pytest

from kb.quiz.bank import generate_bank, standards_named
from kb.quiz.check import SUPPORTED, check_question
from kb.quiz.models import BLANK, RETIRED, SINGLE, STANDARD, TRUE
from kb.quiz.refresh import refresh
from kb.quiz.store import QuizStore
from kb.samples import STANDARD_FILE, load_samples
from kb.standards.importer import import_standard
from kb.store import Store
from tests.quiz_helpers import plain


@pytest.fixture
def standard_bank(tmp_path):
    store = Store(tmp_path / "fazhi.sqlite")
    load_samples(store)
    bank = QuizStore(store)
    made = generate_bank(store, bank, [], standards=standards_named(store, []))
    yield store, bank, made
    store.close()


def test_standard_questions_are_proved_by_their_tier(standard_bank):
    store, _, made = standard_bank
    assert len(made) > 20 and all(q.source.kind == STANDARD for q in made)
    for question in made:
        assert plain(question.context.replace(BLANK, question.fill)) == plain(question.source.text)
        if question.kind == SINGLE:
            wrong = [o for o in question.options if o != question.fill]
            assert len(wrong) == 3 and not any(plain(w) in plain(question.source.text) for w in wrong)
        if question.kind == "判断":
            assert (question.options[0] == question.fill) == (question.answer == TRUE)
        assert check_question(store, question).outcome == SUPPORTED


def test_a_changed_tier_retires_its_questions(standard_bank, tmp_path):
    store, bank, made = standard_bank
    text = STANDARD_FILE.read_text(encoding="utf-8")
    changed = text.replace("发布日期: 2024-03-01", "发布日期: 2025-01-01").replace(
        "对主要负责人处二万元以上三万元以下的罚款", "对主要负责人处二万元以上二万五千元以下的罚款")
    path = tmp_path / "新版基准.yaml"
    path.write_text(changed, encoding="utf-8")
    import_standard(store, path)
    done = refresh(store, bank)
    assert {q.source.label for q in done.retired} == {"AQ-094（轻微）"}
    assert all(q.status == RETIRED and "修改了AQ-094（轻微）" in q.note for q in done.retired)
    assert done.moved and all(q.source.version.year == 2025 for q in done.moved)


def test_standard_questions_go_through_a_spreadsheet(standard_bank, tmp_path):
    from kb.quiz.check import CONTRADICTED
    from kb.quiz.xlsx import read_bank, write_bank
    store, _, made = standard_bank
    write_bank(made, tmp_path / "题库.xlsx")
    read = read_bank(store, tmp_path / "题库.xlsx")
    assert [q.source.label for q in read] == [q.source.label for q in made]
    outcomes = [check_question(store, q).outcome for q in read]
    assert CONTRADICTED not in outcomes and outcomes.count(SUPPORTED) >= 0.85 * len(outcomes)
