"""Rules every generated document follows, checked in the saved files: wording, citations, Word format."""

import re
import stat
from pathlib import Path
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from generator.documents import KINDS, generate
from generator.draft_report import write_draft_report
from generator.review.casefile import read_data
from generator.review.draft_check import check_draft
from generator.wording import CitationStyle, Mentions, no_spaces_beside_chinese
from kb.samples import ROOT as SAMPLES

LONG_CASE = Path(__file__).parent / "fixtures" / "review" / "长案-四个违法行为.yaml"
SAMPLE_CASES = sorted((SAMPLES / "review").glob("*.yaml")) + [LONG_CASE]
KIND_BY_NAME = {kind.name: kind for kind in KINDS.values()}
CHINESE = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”]"
WORKING_WORDS = ("配置", "法规库", "AQ-", "审核人员未填写", "见明细", "{{", "{%", "None", "案例库", "python-docx")


@pytest.fixture(scope="module")
def documents(store, tmp_path_factory):
    """{name: (path, Document, case)} for every sample and the citation check report of one opinion."""
    out = tmp_path_factory.mktemp("rules")
    found = {}
    for path in SAMPLE_CASES:
        kind = KIND_BY_NAME[read_data(path)["文书类型"]]
        result = generate(store, kind, path, out / f"{path.stem}.docx")
        found[path.stem] = (result.path, Document(result.path), result.review.case)
    opinion = found["示例-法制审核-某危险化学品仓储有限公司"][0]
    report = out / "引用核对报告.docx"
    write_draft_report(check_draft(store, opinion), report)
    found["引用核对报告"] = (report, Document(report), None)
    return found


NAMES = [path.stem for path in SAMPLE_CASES] + ["引用核对报告"]


def body_lines(document) -> list[str]:
    lines = []
    for paragraph in document.paragraphs:
        if paragraph.style.name == "附件":
            break
        lines.append(paragraph.text)
    return lines


@pytest.mark.parametrize("name", NAMES)
def test_no_ascii_space_beside_a_chinese_character(documents, name):
    for line in body_lines(documents[name][1]):
        assert not re.search(f"{CHINESE} | {CHINESE}", line), line


@pytest.mark.parametrize("name", NAMES)
def test_one_citation_style_full_title_first_short_after(documents, name):
    text = "\n".join(body_lines(documents[name][1]))
    assert not re.search(r"第[（(][一二三四五六七八九十]+[）)]项", text)
    for short in set(re.findall(r"《中华人民共和国([^》]+)》", text)):
        full = text.index(f"《中华人民共和国{short}》")
        assert text.count(f"《中华人民共和国{short}》") == 1
        assert f"《{short}》" not in text[:full]


@pytest.mark.parametrize("name", NAMES)
def test_machine_words_and_repetition_never_reach_the_document(documents, name):
    lines = body_lines(documents[name][1])
    text = "\n".join(lines)
    for word in WORKING_WORDS:
        assert word not in text, word
    sentences = Counter(s.strip() for line in lines for s in re.split("[。；]", line) if len(s.strip()) > 12)
    assert [s for s, n in sentences.items() if n > 1] == []


@pytest.mark.parametrize("name", NAMES)
def test_grid_language_widow_control_and_file_mode(documents, name):
    path, document, _ = documents[name]
    grid = document.sections[0]._sectPr.find(qn("w:docGrid"))
    assert (grid.get(qn("w:type")), grid.get(qn("w:linePitch"))) == ("linesAndChars", "579")
    width = document.sections[0].page_width - document.sections[0].left_margin - document.sections[0].right_margin
    assert int(width / 12700 / (16 + int(grid.get(qn("w:charSpace"))) / 4096)) == 28
    lang = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:eastAsia")) == "zh-CN"
    assert document.settings.element.find(qn("w:themeFontLang")).get(qn("w:eastAsia")) == "zh-CN"
    assert document.styles["Normal"].paragraph_format.widow_control is True
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


@pytest.mark.parametrize("name", NAMES)
def test_core_properties_name_the_document_and_its_agency(documents, name):
    _, document, case = documents[name]
    props = document.core_properties
    assert props.title and props.created
    assert datetime.now(timezone.utc) - props.created.replace(tzinfo=timezone.utc) < timedelta(hours=1)
    if case is not None:
        assert props.author == (getattr(case, "authority", None) or case.author)
    values = [props.title, props.author, props.comments, props.keywords, props.subject, props.last_modified_by]
    assert not any("python-docx" in (value or "") or "fazhi" in (value or "") for value in values)


@pytest.mark.parametrize("name", NAMES)
def test_changing_the_body_style_restyles_every_body_paragraph(documents, name, tmp_path):
    path, _, _ = documents[name]
    document = Document(path)
    document.styles["Normal"].font.size = Pt(12)
    document.save(tmp_path / "restyled.docx")
    restyled = Document(tmp_path / "restyled.docx")
    body = [p for p in restyled.paragraphs if p.style.name == "Normal" and p.text.strip()]
    assert body
    for paragraph in body:
        for run in paragraph.runs:
            assert run.font.size is None and (run.element.rPr is None or run.element.rPr.rFonts is None), paragraph.text
        assert paragraph.style.font.size == Pt(12)


def test_citation_style_is_configurable():
    bracketed = Mentions(CitationStyle(bracketed_items=True, short_titles=False))
    assert bracketed.cite("《中华人民共和国安全生产法》第九十七条第三项") == "《中华人民共和国安全生产法》第九十七条第（三）项"
    plain = Mentions(CitationStyle())
    first = plain.cite("依据《中华人民共和国安全生产法》第九十七条第（三）项")
    assert first == "依据《中华人民共和国安全生产法》第九十七条第三项"
    assert plain.cite("《中华人民共和国安全生产法》第二十八条") == "《安全生产法》第二十八条"
    assert no_spaces_beside_chinese("第 44 日 ABC 公司") == "第44日ABC公司"
