"""The question bank on the sample statutes: every key proved by its source article, no distractor
true, no duplicates, retirement when the source article is amended, xlsx export/import and checks."""

import openpyxl
import pytest

from kb.importers.files import import_files
from kb.quiz.bank import Edit, generate_bank, laws_named, review
from kb.quiz.check import CONTRADICTED, NOT_FOUND, SUPPORTED, check_question
from kb.quiz.models import APPROVED, BLANK, FILL, LETTERS, MULTIPLE, RETIRED, SINGLE, TRUE, TRUE_FALSE
from kb.quiz.papers import assemble_paper, record_result, score_answers, take_paper, training_figures
from kb.quiz.refresh import refresh
from kb.quiz.store import QuizStore
from kb.quiz.xlsx import read_bank, write_bank
from kb.samples import load_samples
from kb.store import Store
from tests.quiz_helpers import amended_law, plain


@pytest.fixture(scope="module")
def bank(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("quiz") / "fazhi.sqlite")
    load_samples(store)
    bank = QuizStore(store)
    generate_bank(store, bank, laws_named(store, []))
    yield store, bank
    store.close()


def _article_text(store, question) -> str:
    return next(a.text for a in store.articles(question.source.ref_id) if a.label == question.source.label)


def _in(statement: str, text: str) -> bool:
    return all(plain(piece) in plain(text) for piece in statement.split("……") if plain(piece))


def test_every_kind_is_generated_from_enforcement_facts(bank):
    _, bank = bank
    questions = bank.questions()
    assert {q.kind for q in questions} == {SINGLE, MULTIPLE, TRUE_FALSE, FILL}
    assert {"金额", "期限", "主管机关", "责任主体", "列举事项"} <= {q.fact for q in questions}
    assert all(q.source.label and q.source.version for q in questions)


def test_every_key_stands_in_the_source_article_and_no_distractor_does(bank):
    store, bank = bank
    for question in bank.questions():
        text = _article_text(store, question)
        if question.kind == MULTIPLE:
            keys = [question.options[LETTERS.index(letter)] for letter in question.answer]
            assert keys and all(_in(key, text) for key in keys), question.stem
            assert not any(_in(o, text) for o in question.options if o not in keys), question.stem
            continue
        assert BLANK in question.context
        assert _in(question.context.replace(BLANK, question.fill), text), question.context
        if question.kind == SINGLE:
            assert len(question.answer) == 1 and len(set(question.options)) == 4
            assert question.options[LETTERS.index(question.answer)] == question.fill
            wrong = [o for o in question.options if o != question.fill]
            assert not any(_in(question.context.replace(BLANK, o), text) for o in wrong), question.stem
        elif question.kind == TRUE_FALSE:
            shown = question.context.replace(BLANK, question.options[0])
            assert _in(shown, text) == (question.answer == TRUE)
            assert question.options[0] in question.stem
        else:
            assert question.answer == question.fill and BLANK in question.stem
        assert check_question(store, question).outcome == SUPPORTED


def test_a_distractor_is_true_nowhere_in_the_law(bank):
    store, bank = bank
    for question in bank.questions(kind=SINGLE):
        texts = [a.text for a in store.articles(question.source.ref_id)]
        for option in question.options:
            if option != question.fill:
                assert not any(_in(question.context.replace(BLANK, option), t) for t in texts), option


def test_a_stem_names_the_article_when_the_law_says_the_sentence_twice(bank):
    _, bank = bank
    stems = {q.stem for q in bank.questions() if "第九十七条" in q.stem and q.kind != MULTIPLE}
    # 第九十七条 and 第一百零一条 open with the same words as 第九十九条 (五万元以下 there).
    assert any("十万元以下" in q.fill for q in bank.questions() if q.stem in stems)


def test_no_two_questions_ask_the_same_thing(bank):
    store, bank = bank
    questions = bank.questions()
    assert len({q.slot for q in questions}) == len(questions)
    assert len({plain(q.stem) for q in questions}) == len(questions)
    assert generate_bank(store, bank, laws_named(store, [])) == []


def test_review_edits_and_checks_again(bank):
    store, bank = bank
    question = bank.questions(kind=FILL)[0]
    edited, verdict = review(store, bank, question.id, Edit(answer="一万元以下"))
    assert verdict.outcome == CONTRADICTED and edited.status != APPROVED
    edited, verdict = review(store, bank, question.id, Edit(answer=question.fill, status=APPROVED, note="已核"))
    assert verdict.outcome == SUPPORTED and bank.get(question.id).status == APPROVED


def test_xlsx_round_trip_and_import_check(bank, tmp_path):
    store, bank = bank
    path = tmp_path / "题库.xlsx"
    write_bank(bank.questions(), path)
    imported = read_bank(store, path)
    assert len(imported) == len(bank.questions())
    outcomes = [check_question(store, q).outcome for q in imported]
    assert CONTRADICTED not in outcomes and outcomes.count(SUPPORTED) >= 0.9 * len(outcomes)


def test_imported_questions_are_supported_contradicted_or_not_found(bank, tmp_path):
    store, _ = bank
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["题型", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "依据"])
    sheet.append(["单选", "违法行为在（　）内未被发现的，不再给予行政处罚。", "一年", "二年", "三年", "五年", "B",
                  "《中华人民共和国行政处罚法》第三十六条"])
    sheet.append(["单选", "违法行为在（　）内未被发现的，不再给予行政处罚。", "一年", "二年", "三年", "五年", "A",
                  "《中华人民共和国行政处罚法》第三十六条"])
    sheet.append(["判断", "特种作业人员的范围由国务院应急管理部门会同国务院有关部门确定。", None, None, None, None,
                  "正确", "《中华人民共和国安全生产法》第三十条"])
    sheet.append(["填空", "烟花爆竹批发企业应当在（　）内完成备案。", None, None, None, None, "三十日", ""])
    path = tmp_path / "外来题库.xlsx"
    book.save(path)
    outcomes = [check_question(store, q).outcome for q in read_bank(store, path)]
    assert outcomes == [SUPPORTED, CONTRADICTED, SUPPORTED, NOT_FOUND]


def test_a_bad_row_is_named_and_nothing_is_read(bank, tmp_path):
    store, _ = bank
    book = openpyxl.Workbook()
    book.active.append(["题型", "题干", "选项A", "选项B", "答案"])
    book.active.append(["单选", "题干", "甲", "乙", "AB"])
    path = tmp_path / "坏.xlsx"
    book.save(path)
    with pytest.raises(Exception, match="第 2 行.*单选题只能有一个答案"):
        read_bank(store, path)


def test_paper_scoring_and_training_figures(bank):
    from datetime import date
    store, bank = bank
    for question in bank.questions():
        if question.status != RETIRED:
            review(store, bank, question.id, Edit(status=APPROVED))
    paper = assemble_paper(bank, "测试卷", {SINGLE: 2, MULTIPLE: 1, TRUE_FALSE: 2, FILL: 1}, seed=1)
    handed = take_paper(bank, paper.id)
    assert len(handed) == 6 and all("answer" not in q for q in handed)
    right = {q.id: q.answer for q in (bank.get(i) for i in paper.question_ids)}
    assert all(m.right for m in score_answers(bank, paper.id, right))
    record_result(bank, paper.id, "张三", right, date(2026, 6, 16), session="安全生产月知识竞赛")
    record_result(bank, paper.id, "李四", {}, date(2026, 6, 16), session="安全生产月知识竞赛")
    results = bank.results()
    assert results[0].score == results[0].total and results[1].score == 0
    assert training_figures(bank, date(2026, 1, 1), date(2026, 12, 31)) == {"考试场次": 1, "考核人次": 2}


def test_questions_on_an_amended_article_are_retired(tmp_path):
    store = Store(tmp_path / "fazhi.sqlite")
    load_samples(store)
    bank = QuizStore(store)
    made = generate_bank(store, bank, laws_named(store, ["安全生产法"]))
    by_label = lambda label: [q.id for q in made if q.source.label == label]
    assert by_label("第九十七条") and by_label("第九十九条") and by_label("第一百零八条")
    import_files(store, [amended_law(tmp_path / "new")])
    done = refresh(store, bank)
    retired = {q.id for q in done.retired}
    assert set(by_label("第九十七条")) | set(by_label("第一百零八条")) == retired
    for question_id in by_label("第九十七条"):
        assert "修改了第九十七条" in bank.get(question_id).note and bank.get(question_id).status == RETIRED
    assert all("已无第一百零八条" in bank.get(i).note for i in by_label("第一百零八条"))
    for question_id in by_label("第九十九条"):
        moved = bank.get(question_id)
        assert moved.status != RETIRED and moved.source.label == "第一百条"
        assert moved.source.version.year == 2030
    assert {q.id for q in bank.questions(status=RETIRED)} == retired
    assert refresh(store, bank).retired == []
    store.close()


def test_a_retired_question_corrected_by_the_reviewer_follows_the_new_version(tmp_path):
    store = Store(tmp_path / "fazhi.sqlite")
    load_samples(store)
    bank = QuizStore(store)
    made = generate_bank(store, bank, laws_named(store, ["安全生产法"]), kinds=(FILL,))
    asked = next(q for q in made if q.source.label == "第九十七条" and q.fill == "十万元以下")
    import_files(store, [amended_law(tmp_path / "new")])
    refresh(store, bank)
    assert bank.get(asked.id).status == RETIRED
    question, verdict = review(store, bank, asked.id, Edit(status=APPROVED))
    assert verdict.outcome == CONTRADICTED                    # the 2030 text says 二十万元以下
    question, verdict = review(store, bank, asked.id, Edit(answer="二十万元以下"))
    assert verdict.outcome == SUPPORTED and question.source.version.year == 2030
    assert refresh(store, bank).retired == [] and bank.get(asked.id).status == APPROVED
    store.close()
