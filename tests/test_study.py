"""Study pack (.docx), slides (.pptx) and paper (.docx) from the sample content, opened and read;
the version diff on an amended sample law and, when ../shared is there, on a real law."""

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from pptx import Presentation

from generator.study.content import build_pack, choose_articles, default_title
from generator.study.pack import write_pack
from generator.study.paper import write_paper
from generator.study.slides import write_slides
from kb.importers.files import import_files
from kb.quiz.bank import Edit, generate_bank, laws_named, review
from kb.quiz.check import SUPPORTED, check_question
from kb.quiz.models import APPROVED, KINDS
from kb.quiz.papers import assemble_paper, paper_questions
from kb.quiz.store import QuizStore
from kb.samples import load_samples
from kb.store import Store
from kb.versions_diff import ADDED, MODIFIED, REMOVED, UNCHANGED, latest_amendment
from tests.quiz_helpers import amended_law

SHARED_LAWS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "laws"
LAW = "中华人民共和国安全生产法"


@pytest.fixture(scope="module")
def amended(tmp_path_factory):
    folder = tmp_path_factory.mktemp("study")
    store = Store(folder / "fazhi.sqlite")
    load_samples(store)
    import_files(store, [amended_law(folder / "new")])
    yield store
    store.close()


def _text(doc) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def test_articles_are_matched_across_versions_even_when_renumbered(amended):
    diff = latest_amendment(amended, LAW)
    kinds = {(c.old.label if c.old else None, c.new.label if c.new else None): c.kind for c in diff.changes}
    assert kinds[("第九十七条", "第九十七条")] == MODIFIED
    assert 0.9 < next(c for c in diff.changes if c.new and c.new.label == "第九十七条").similarity < 1
    assert kinds[("第九十九条", "第一百条")] == UNCHANGED
    assert kinds[("第一百零八条", None)] == REMOVED
    assert diff.counts() == {UNCHANGED: 22, MODIFIED: 1, ADDED: 0, REMOVED: 1, "重新编号": 1}


def test_pack_has_articles_amendment_cases_and_discussion(amended, tmp_path):
    parts = choose_articles(amended, ["安全生产法"], ["法律责任"])
    pack = build_pack(amended, parts, default_title(parts, None))
    doc = write_pack(pack, tmp_path / "学习材料.docx")
    text = _text(Document(tmp_path / "学习材料.docx"))
    assert doc.paragraphs[0].text == "《安全生产法》学习材料"
    assert "第九十七条　生产经营单位有下列行为之一的，责令限期改正，处二十万元以下的罚款" in text
    assert "修改条文1条、新增0条、删除1条" in text and "修改前（第九十七条）" in text
    amended_words = [r.text for p in doc.paragraphs if p.text.startswith("生产经营单位有下列行为之一的，责令限期改正，处二十万元")
                     for r in p.runs if r.bold]
    assert amended_words == ["二"]                       # 十万元 → 二十万元: the added character in bold
    assert "第三十条" not in text.split("典型案例")[0]        # only the chapter 法律责任
    assert "某建筑安装工程有限公司特种作业人员未取得相应资格上岗作业案" in text
    assert "评析：从轻情节应在决定书中说明理由" in text
    assert "讨论题" in text and "第九十七条修改后" in text
    assert "{{" not in text and "None" not in text


def test_pack_says_when_there_is_one_version(samples, tmp_path):
    parts = choose_articles(samples, ["行政处罚法"], [])
    write_pack(build_pack(samples, parts, "学习材料"), tmp_path / "p.docx")
    assert "只有本法2021年1月22日修订一个版本，未能比对修改内容" in _text(Document(tmp_path / "p.docx"))


def test_slides_carry_articles_changes_and_cases(amended, tmp_path):
    parts = choose_articles(amended, ["安全生产法"], ["法律责任"])
    write_slides(build_pack(amended, parts, "《安全生产法》学习材料"), tmp_path / "课件.pptx")
    deck = Presentation(tmp_path / "课件.pptx")
    titles = [s.shapes.title.text for s in deck.slides]
    assert titles[0] == "《安全生产法》学习材料"
    assert "《中华人民共和国安全生产法》第九十七条" in titles
    comparison = next(s for s in deck.slides if s.shapes.title.text == "第九十七条修改对照")
    columns = [shape.text_frame for shape in comparison.shapes if shape.has_text_frame and shape != comparison.shapes.title]
    assert columns[0].text.startswith("修改前（2021年6月10日版）") and "处十万元以下的罚款" in columns[0].text
    assert columns[1].text.startswith("修改后（2030年1月1日版）") and "处二十万元以下的罚款" in columns[1].text
    assert [r.text for p in columns[1].paragraphs for r in p.runs if r.font.bold] == ["二"]
    assert "讨论题" in titles
    for slide in deck.slides:
        for shape in (s for s in slide.shapes if s.has_text_frame):
            for paragraph in shape.text_frame.paragraphs:
                for run in paragraph.runs:
                    assert run._r.rPr.find(qn("a:ea")).get("typeface") in ("黑体", "仿宋")
    body = "".join(s.placeholders[1].text_frame.text for s in deck.slides if s.shapes.title.text.startswith("《中华人民共和国"))
    assert len(body) > 1000


def test_paper_with_answer_sheet_citing_each_article(tmp_path):
    store = Store(tmp_path / "fazhi.sqlite")
    load_samples(store)
    bank = QuizStore(store)
    for question in generate_bank(store, bank, laws_named(store, [])):
        review(store, bank, question.id, Edit(status=APPROVED))
    paper = assemble_paper(bank, "安全生产法律知识测试卷", dict.fromkeys(KINDS, 2), seed=3)
    questions = paper_questions(bank, paper.id)
    write_paper(paper, questions, tmp_path / "试卷.docx")
    doc = Document(tmp_path / "试卷.docx")
    text = _text(doc)
    exam, answers = text.split("参考答案及依据")
    assert "一、单项选择题" in exam and "四、填空题" in exam and "本卷共8题，满分16分" in exam
    for question in questions:
        assert question.stem.split("（　　）")[0] in exam
        assert question.source.citation in answers
    sheet = next(p for p in doc.paragraphs if p.text == "参考答案及依据")
    assert sheet.paragraph_format.page_break_before
    assert answers.count("依据：") == 8
    store.close()


@pytest.mark.skipif(not SHARED_LAWS.is_dir(), reason="../shared/corpus/laws 不存在")
def test_real_amendment_is_matched_and_questions_follow_or_retire(tmp_path):
    store = Store(tmp_path / "fazhi.sqlite")
    folder = SHARED_LAWS / "行政法"
    import_files(store, [folder / "突发事件应对法(2007-08-30).md"])
    bank = QuizStore(store)
    old = generate_bank(store, bank, laws_named(store, ["突发事件应对法"]))
    assert len(old) >= 15
    assert all(check_question(store, q).outcome == SUPPORTED for q in old)
    import_files(store, [folder / "突发事件应对法(2024-06-28).md"])
    diff = latest_amendment(store, "中华人民共和国突发事件应对法")
    pairs = {(c.old.label, c.new.label): c.kind for c in diff.changes if c.old and c.new}
    assert pairs[("第二十四条", "第三十七条")] == UNCHANGED       # renumbered, word for word the same
    assert diff.counts()["重新编号"] > 40
    from kb.quiz.refresh import refresh
    done = refresh(store, bank)
    assert done.retired and len(done.retired) + len(done.moved) == len(old)
    assert all(q.source.version.year == 2024 for q in done.moved)
    store.close()
