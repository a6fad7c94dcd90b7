"""Importers on small fixtures of real statute text: plain text (flk layout), .docx and Markdown.

The fixtures in tests/fixtures/statutes are excerpts whose articles are copied word for word from
the LawRefBook corpus; the .txt ones are laid out as the national law database prints them (the
history entries joined into one parenthesised note, 目录, ideographic spaces). The .docx files
are written from the same text by the tests.
"""

from datetime import date
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from kb.importers import plaintext
from kb.importers.docx import parse as parse_docx
from kb.importers.errors import SkipFile
from kb.importers.files import parse_file

FIXTURES = Path(__file__).parent / "fixtures" / "statutes"
SAFETY_TXT = FIXTURES / "安全生产法（节选）.txt"
CRIMINAL_TXT = FIXTURES / "刑法（节选）.txt"
SHANGHAI_TXT = FIXTURES / "上海市安全生产条例（节选）.txt"
EMERGENCY_MD = FIXTURES / "生产安全事故应急条例(2019-02-17).md"
# The lead paragraph of 安全生产法 第九十七条 exactly as published (with its ASCII colon).
ARTICLE_97_LEAD = ("生产经营单位有下列行为之一的，责令限期改正，处十万元以下的罚款；逾期未改正的，责令停产停业整顿，"
                   "并处十万元以上二十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处二万元以上五万元以下的罚款：")
# (the fixture, like the LawRefBook text it was taken from, ends that lead with an ASCII colon: it is
# read as the official text sets it, full-width; kb.punctuation)


def by_label(law):
    """The law's articles keyed by label."""
    return {article.label: article for article in law.articles}


def test_plaintext_title_history_and_version():
    law = parse_file(SAFETY_TXT)
    assert law.title == "中华人民共和国安全生产法"
    assert law.category == "法律" and law.region == ""
    assert law.history.startswith("（2002年6月29日") and law.history.endswith("第三次修正）")
    assert law.version == date(2021, 6, 10)
    assert law.preamble == ""


def test_plaintext_table_of_contents_makes_no_headings():
    law = parse_file(SAFETY_TXT)
    assert [a.label for a in law.articles] == [
        "第一条", "第二条", "第三条", "第九十四条", "第九十五条", "第九十六条", "第九十七条"]
    assert {a.chapter for a in law.articles} == {"第一章 总则", "第六章 法律责任"}
    assert [a.position for a in law.articles] == list(range(7))


def test_plaintext_paragraphs_and_items():
    articles = by_label(parse_file(SAFETY_TXT))
    assert len(articles["第三条"].paragraphs) == 3 and articles["第三条"].items == []
    assert len(articles["第九十四条"].paragraphs) == 3
    article = articles["第九十七条"]
    assert article.number == 97 and article.suffix == 0
    assert article.paragraphs[0] == ARTICLE_97_LEAD
    assert [(index, number) for index, number, _ in article.items] == [(n, n) for n in range(1, 8)]
    assert article.items[2][2] == ("（三）未按照规定对从业人员、被派遣劳动者、实习学生进行安全生产教育和培训，"
                                   "或者未按照规定如实告知有关的安全生产事项的；")


def test_plaintext_parts_sections_suffixes_and_bare_appendix_heading():
    law = parse_file(CRIMINAL_TXT)
    articles = by_label(law)
    assert law.version == date(2023, 12, 29)
    assert len(law.history.splitlines()) == 16
    assert articles["第一条"].chapter == "第一编 总则 / 第一章 刑法的任务、基本原则和适用范围"
    assert articles["第十七条之一"].chapter == "第一编 总则 / 第二章 犯罪 / 第一节 犯罪和刑事责任"
    article = articles["第一百三十四条之一"]
    assert (article.number, article.suffix) == (134, 1)
    assert article.chapter == "第二编 分则 / 第二章 危害公共安全罪"
    assert [number for _, number, _ in article.items] == [1, 2, 3]
    assert (articles["第一百三十九条之一"].number, articles["第一百三十九条之一"].suffix) == (139, 1)
    assert len(articles["第一百三十四条"].paragraphs) == 2
    assert articles["第四百五十二条"].chapter == "附则"
    assert articles["第一百三十九条之一"].paragraphs[-1].endswith("处三年以上七年以下有期徒刑。")


def test_plaintext_local_regulation_has_category_and_region():
    law = parse_file(SHANGHAI_TXT)
    assert (law.title, law.category, law.region) == ("上海市安全生产条例", "地方性法规", "上海")
    assert law.version == date(2018, 5, 24)


def test_plaintext_history_as_dated_lines():
    text = SHANGHAI_TXT.read_text(encoding="utf-8")
    enclosed = next(line for line in text.splitlines() if line.startswith("（"))
    law = plaintext.parse(text.replace(enclosed, "\n".join(enclosed.strip("（）").split("\u3000"))), SHANGHAI_TXT)
    assert len(law.history.splitlines()) == 4 and law.history.startswith("2005年1月6日")
    assert law.version == date(2018, 5, 24)
    assert law.preamble == "" and [a.label for a in law.articles] == ["第一条", "第二条"]


def test_plaintext_overrides_and_file_name_date(tmp_path):
    text = SAFETY_TXT.read_text(encoding="utf-8")
    law = plaintext.parse(text, tmp_path / "安全生产法(2014-08-31).txt", category="部门规章", region="浦东")
    assert (law.category, law.region, law.version) == ("部门规章", "浦东", date(2014, 8, 31))
    with pytest.raises(ValueError, match="未知的效力级别"):
        plaintext.parse(text, SAFETY_TXT, category="红头文件")


def test_plaintext_version_is_publication_not_effective_date():
    text = ("生产安全事故报告和调查处理条例\n"
            "（2007年3月28日国务院第172次常务会议通过　2007年4月9日中华人民共和国国务院令第493号公布"
            "　自2007年6月1日起施行）\n"
            "　　第一条　为了规范生产安全事故的报告和调查处理，落实生产安全事故责任追究制度，防止和减少生产安全事故，"
            "根据《中华人民共和国安全生产法》和有关法律，制定本条例。\n")
    law = plaintext.parse(text, Path("生产安全事故报告和调查处理条例.txt"))
    assert law.version == date(2007, 4, 9)
    assert law.category == "行政法规"


def write_docx(source: Path, target: Path) -> Path:
    """Write the flk plain-text fixture as a .docx the way the national database lays it out:
    a left-aligned source line, the title and history centered, one paragraph per line, and
    the items of 第九十七条 kept in its paragraph with line breaks."""
    document = docx.Document()
    document.add_paragraph("国家法律法规数据库")
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    for index, line in enumerate(lines):
        previous = document.paragraphs[-1]
        if line.strip().startswith("（") and previous.text.strip().startswith("第九十七条"):
            previous.add_run().add_break()
            previous.add_run(line)
            continue
        paragraph = document.add_paragraph(line)
        if index < 2:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.save(target)
    return target


def test_docx_matches_the_plain_text(tmp_path):
    text_law = parse_file(SAFETY_TXT)
    docx_law = parse_docx(write_docx(SAFETY_TXT, tmp_path / "中华人民共和国安全生产法.docx"))
    assert (docx_law.title, docx_law.version, docx_law.category) == (
        text_law.title, text_law.version, text_law.category)
    assert docx_law.history == text_law.history
    assert [(a.label, a.chapter, a.paragraphs, a.items) for a in docx_law.articles] == [
        (a.label, a.chapter, a.paragraphs, a.items) for a in text_law.articles]


def test_docx_with_suffix_articles(tmp_path):
    law = parse_file(write_docx(CRIMINAL_TXT, tmp_path / "刑法.docx"))
    assert by_label(law)["第一百三十四条之一"].chapter == "第二编 分则 / 第二章 危害公共安全罪"
    assert law.version == date(2023, 12, 29)


def test_markdown_fixture():
    law = parse_file(EMERGENCY_MD, FIXTURES)
    assert (law.title, law.category, law.version) == ("生产安全事故应急条例", "行政法规", date(2019, 2, 17))
    assert "国务院令第708号公布" in law.history
    assert [a.number for a in law.articles] == [1, 2, 29, 30, 31]
    assert by_label(law)["第三十条"].chapter == "第四章 法律责任"


def test_markdown_that_is_not_a_statute_is_skipped_with_the_reason():
    readme = Path(__file__).parent.parent / "README.md"      # headings and prose, no 第X条
    with pytest.raises(SkipFile, match="不像是法规"):
        parse_file(readme, readme.parent)
