"""The citation check of a draft: a .docx built here with python-docx, checked against the samples."""

from datetime import date

import docx
import pytest
from click.testing import CliRunner

from fazhi.cli import main
from generator.review import findings as fd
from generator.review.draft_check import (
    DraftError,
    check_draft,
    check_paragraphs,
    compare_quote,
    read_draft,
    render_report,
)
from kb.models import Article, Law
from kb.samples import load_samples
from kb.store import Store

DRAFT = [
    "示例市应急管理局行政处罚决定书（草稿）",
    "第三条　本决定书共三页。",
    "当事人违反了《中华人民共和国安全生产法》第二十八条第一款“生产经营单位应当对从业人员进行安全生产教育和培训，"
    "保证从业人员具备必要的安全生产知识”的规定。",
    "依照《中华人民共和国行政处罚法》第二十九条规定：“对当事人的同一个违法行为，不得给予二次以上罚款的行政处罚。”",
    "依据本法第二百条，当事人有3条整改措施。",
    "依据《中华人民共和国安全生产法》（2014年修正）第九十四条第（三）项，决定处以罚款。",
    "另依照《示例省安全生产条例》第十条。",
]




@pytest.fixture
def draft_docx(tmp_path):
    document = docx.Document()
    for text in DRAFT:
        document.add_paragraph(text)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "处罚依据"
    table.cell(0, 1).text = "《中华人民共和国安全生产法》第九十七条第（三）项"
    path = tmp_path / "决定书草稿.docx"
    document.save(path)
    return path


def test_every_citation_of_a_docx_is_found_in_reading_order(store, draft_docx):
    report = check_draft(store, draft_docx)
    assert report.source == "决定书草稿.docx"
    assert [c.written for c in report.citations] == [
        "《中华人民共和国安全生产法》第二十八条第一款",
        "《中华人民共和国行政处罚法》第二十九条",
        "本法第二百条",
        "《中华人民共和国安全生产法》（2014年修正）第九十四条第（三）项",
        "《示例省安全生产条例》第十条",
        "《中华人民共和国安全生产法》第九十七条第（三）项",
    ]
    assert report.citations[-1].location == "“《中华人民共和国安全生产法》…”一段"
    assert report.citations[-1].outcome == fd.PASS


def test_a_correct_quotation_passes(store, draft_docx):
    first = check_draft(store, draft_docx).citations[0]
    assert (first.outcome, first.exists, first.current) == (fd.PASS, True, True)
    assert first.quote.matches


def test_a_misquoted_article_is_flagged_with_the_difference(store, draft_docx):
    item = check_draft(store, draft_docx).citations[1]
    assert item.exists and item.outcome == fd.PROBLEM
    assert not item.quote.matches
    assert item.quote.differences == ["条文“两”，引文写作“二”"]
    assert item.quote.statute == "对当事人的同一个违法行为，不得给予两次以上罚款的行政处罚"


def test_a_non_existent_article_resolved_through_this_law_is_flagged(store, draft_docx):
    # The sample store holds an excerpt of 行政处罚法: a missing article is to be checked by hand.
    item = check_draft(store, draft_docx).citations[2]
    assert (item.outcome, item.exists) == (fd.NOTE, None)
    assert "《中华人民共和国行政处罚法》为节选本，未收录第二百条" in item.message


def test_a_superseded_version_and_an_unknown_law_are_reported(store, draft_docx):
    report = check_draft(store, draft_docx)
    old, unknown = report.citations[3], report.citations[4]
    assert (old.outcome, old.current) == (fd.PROBLEM, False) and "所引为2014年版本" in old.message
    assert (unknown.outcome, unknown.exists) == (fd.NOTE, None)


def test_the_plain_text_report_can_be_attached(store, draft_docx):
    text = render_report(check_draft(store, draft_docx))
    assert text.startswith("条文引用核对报告\n文件：决定书草稿.docx\n共核对引用 6 处：通过 2 处，提示 2 处，问题 2 处。")
    assert "2. 【问题】“依照《中华人民共和国行政处罚…”一段 《中华人民共和国行政处罚法》第二十九条" in text
    assert "     - 条文“两”，引文写作“二”" in text


def test_quotes_ignore_spacing_punctuation_width_and_ellipses(store):
    law, article = store.find_article("安全生产法", 97)
    assert compare_quote("未按照规定对从业人员、被派遣劳动者、实习学生进行安全生产教育和培训,或者 未按照规定如实告知"
                         "有关的安全生产事项", article).matches
    assert compare_quote("生产经营单位有下列行为之一的……（三）未按照规定对从业人员", article).matches
    wrong = compare_quote("未按规定对从业人员进行安全生产教育培训", article)
    assert not wrong.matches and "引文漏写“、被派遣劳动者、实习学生”" in wrong.differences


def test_a_bare_article_without_a_named_law_is_listed_as_unresolved(store):
    report = check_paragraphs(store, ["根据第五条的规定。", "依据安全生产法第九十七条第（三）项和第二十八条。"])
    assert report.unresolved == ["“根据第五条的规定。”一段：第五条（无法确定所指法规）"]
    assert [c.written for c in report.citations] == ["安全生产法第九十七条第（三）项", "第二十八条"]
    assert all(c.outcome == fd.PASS for c in report.citations)


def test_a_quote_of_an_older_version_is_recognised(tmp_path):
    store = Store(tmp_path / "versions.sqlite")
    for version, text in ((date(2010, 1, 1), "测试用旧条文，罚款一万元。"), (date(2020, 1, 1), "测试用新条文，罚款二万元。")):
        store.put_law(Law(title="测试用安全条例", category="地方性法规", version=version, file=f"{version}.md",
                          articles=[Article(label="第五条", number=5, paragraphs=[text])]))
    item = check_paragraphs(store, ["《测试用安全条例》第五条规定：“测试用旧条文，罚款一万元。”"]).citations[0]
    assert item.outcome == fd.PROBLEM and item.current is False
    assert item.quote.older_version == "2010-01-01"
    store.close()


def test_txt_drafts_are_read_and_other_files_refused(tmp_path):
    text = tmp_path / "草稿.txt"
    text.write_text("第一行\n第二行\n", encoding="utf-8")
    assert read_draft(text) == ["第一行", "第二行"]
    pdf = tmp_path / "草稿.pdf"
    pdf.write_bytes(b"%PDF")
    with pytest.raises(DraftError, match="不支持的文件类型 .pdf"):
        read_draft(pdf)
    with pytest.raises(DraftError, match="缺.docx：文件不存在"):
        read_draft(tmp_path / "缺.docx")
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(DraftError, match="坏.docx：无法读取 Word 文件"):
        read_draft(broken)


def test_fazhi_check_writes_the_report(tmp_path, draft_docx):
    store = Store(tmp_path / "fazhi.sqlite")
    load_samples(store)
    store.close()

    out = tmp_path / "报告.txt"
    result = CliRunner().invoke(main, ["--data", str(tmp_path), "check", str(draft_docx), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "问题 2 处，提示 2 处" in result.output
    assert out.read_text(encoding="utf-8").startswith("条文引用核对报告")


def test_wording_of_another_article_points_to_it(store):
    quoted = "未按照规定对从业人员、被派遣劳动者、实习学生进行安全生产教育和培训"
    item = check_paragraphs(store, [f"《中华人民共和国安全生产法》第九十四条“{quoted}”"]).citations[0]
    assert item.outcome == fd.PROBLEM
    assert item.quote.differences == ["引文与该条内容差异较大，请核对所引条文"]
    assert item.suggestion == "引文见于《中华人民共和国安全生产法》第九十七条，请核对是否引错了条文"


def test_a_superseded_citation_gets_the_current_article_from_the_facts_around_it(store):
    report = check_paragraphs(store, [
        "经查，当事人储存危险物品未采取可靠的安全措施，甲醇与氧化剂混存。",
        "依据《中华人民共和国安全生产法》（2014年修正）第九十八条第（一）项，决定处以罚款。",
    ])
    [item] = report.citations
    assert item.outcome == fd.PROBLEM and item.current is False
    assert item.suggestion.startswith("改引《中华人民共和国安全生产法》第一百零一条")
