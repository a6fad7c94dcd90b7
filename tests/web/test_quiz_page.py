"""In the browser: a trainer assembles a paper from reviewed questions, a reader takes it and sees
the score and each answer with its article and the sentence proving it; the result is recorded and
counted as an exam of the year. The search page shows the penalty card for a question describing a
violation and none for a question that names no act."""

from datetime import date

import pytest
from playwright.sync_api import expect

from kb.quiz.bank import Edit, generate_bank, laws_named, review
from kb.quiz.models import APPROVED, TRUE_FALSE
from kb.quiz.papers import training_figures
from kb.quiz.store import QuizStore
from kb.store import Store
from tests.web.shots import screenshots

LAW = "中华人民共和国安全生产法"


@pytest.fixture(scope="module")
def bank(live_data):
    """The sample statutes' question bank, every question reviewed (已审核)."""
    store = Store(live_data / "fazhi.sqlite")
    bank = QuizStore(store)
    for question in generate_bank(store, bank, laws_named(store, [LAW])):
        review(store, bank, question.id, Edit(status=APPROVED))
    yield bank
    store.close()


def test_assemble_take_and_score_a_paper(server, login, bank):
    trainer = login("李审核")
    trainer.click("nav.main a:text('知识测试')")
    expect(trainer.locator("h1")).to_have_text("知识测试")
    trainer.fill("input[name=title]", "安全生产法知识测试")
    trainer.fill("input[name=count_单选]", "2")
    trainer.fill("input[name=count_判断]", "2")
    trainer.fill("input[name=count_填空]", "1")
    trainer.select_option("select[name=law]", label=f"《{LAW}》")
    screenshots(trainer, "quiz-index")
    trainer.click("button:text('组卷')")
    expect(trainer.locator("h1")).to_have_text("安全生产法知识测试")
    paper_url = trainer.url

    page = login("查阅员")
    page.goto(paper_url)
    questions = page.locator("fieldset.quiz-question")
    expect(questions).to_have_count(5)
    assert page.locator("text=答案").count() == 0
    paper_id = int(paper_url.rsplit("/", 1)[1])
    keys = [bank.get(i) for i in bank.paper(paper_id).question_ids]
    true_false = [q for q in keys if q.kind == TRUE_FALSE]
    # answer the two 判断 questions right and leave the rest blank
    for question in true_false:
        page.check(f"input[name=q{question.id}][value={question.answer}]")
    page.fill("input[name=session]", "2026年安全生产月知识竞赛")
    screenshots(page, "quiz-paper")
    # without a name nothing is recorded, and the answers given stay on the form
    page.fill("input[name=person]", "")
    page.evaluate("document.querySelector('input[name=person]').removeAttribute('required')")
    page.click("button:text('交卷')")
    expect(page.locator(".flash.error")).to_contain_text("考生姓名")
    expect(page.locator(f"input[name=q{true_false[0].id}][value={true_false[0].answer}]")).to_be_checked()
    assert bank.results() == []
    page.fill("input[name=person]", "查阅员")
    page.click("button:text('交卷')")
    expect(page.locator(".score")).to_have_text("查阅员：2 分（满分 8 分）")
    marks = page.locator(".quiz-mark")
    expect(marks).to_have_count(5)
    assert page.locator(".quiz-mark.right").count() == 2
    first = keys[0]
    proof = marks.first.locator(".proof")
    expect(proof).to_contain_text(first.source.citation)
    expect(proof).to_contain_text((first.context.replace("（　　）", first.fill) if first.context else first.source.text)[:20])
    screenshots(page, "quiz-result")
    proof.locator("a").click()
    expect(page.locator("h1")).to_have_text(first.source.citation)

    figures = training_figures(bank, date(date.today().year, 1, 1), date(date.today().year, 12, 31))
    assert figures == {"考试场次": 1, "考核人次": 1}


def test_a_reader_cannot_assemble_a_paper(server, login, bank):
    page = login("查阅员")
    page.goto(f"{server}/quiz")
    assert page.locator("button:text('组卷')").count() == 0


def test_penalty_card_for_a_described_violation_only(server, login):
    page = login("查阅员")
    page.fill("input[name=q]", "仓库叉车司机没有特种作业操作证怎么罚")
    page.click(".searchbox button")
    card = page.locator(".penalty-card")
    expect(card).to_be_visible()
    expect(card.locator(".card-penalty")).to_have_text("《中华人民共和国安全生产法》第九十七条第七项")
    expect(card).to_contain_text("第三十条")
    expect(card.locator(".card-ranges")).to_contain_text("直接责任人员")
    expect(card.locator(".card-tiers")).to_contain_text("较重")
    assert card.locator(".card-cases li").count() >= 1
    # the card sits above the hits
    assert page.evaluate("document.querySelector('.penalty-card').compareDocumentPosition("
                         "document.querySelector('ol.hits')) & Node.DOCUMENT_POSITION_FOLLOWING")
    screenshots(page, "search-card")
    card.locator(".card-penalty").click()
    expect(page.locator("h1")).to_have_text("《中华人民共和国安全生产法》第九十七条")

    page.goto(f"{server}/search?q=生产经营单位的主要负责人有哪些职责")
    expect(page.locator("ol.hits > li").first).to_be_visible()
    assert page.locator(".penalty-card").count() == 0
