"""Generated documents from the sample case files, checked in the saved .docx with python-docx."""

import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from fazhi.cli_generate import generate_group
from generator.appendix import resolve_cited, version_text
from generator.contexts import OUTCOME_WORDS
from generator.documents import KINDS, generate
from generator.draft_report import write_draft_report
from generator.review import ledger
from generator.review.casefile import CaseFileError, read_data
from generator.review.citing import parse_cited
from generator.review.draft_check import check_draft
from generator.review.findings import ASPECTS, LEGALITY_ASPECTS
from generator.signature import STYLE_SIGNATURE
from kb.samples import ROOT as SAMPLES
from kb.samples import load_samples
from kb.store import Store

SAMPLE_CASES = sorted((SAMPLES / "review").glob("*.yaml"))
KIND_BY_NAME = {kind.name: kind for kind in KINDS.values()}
OFFICIAL_STYLES = ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3")
SPECIAL = 'A&B<甲>“乙”"丙"公司'


def kind_of(path: Path):
    return KIND_BY_NAME[read_data(path)["文书类型"]]




@pytest.fixture(scope="module")
def generated(store, tmp_path_factory):
    """{case file name: (Generated, reopened Document)} for every sample case file."""
    out = tmp_path_factory.mktemp("out")
    results = {}
    for path in SAMPLE_CASES:
        result = generate(store, kind_of(path), path, out / f"{path.stem}.docx")
        results[path.name] = (result, Document(result.path))
    return results


def samples_of(kind_key: str) -> list[str]:
    return [path.name for path in SAMPLE_CASES if kind_of(path).key == kind_key]


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def full_text(document) -> str:
    return "\n".join(texts(document))


def test_every_kind_has_a_sample_case_file():
    assert {kind_of(path).key for path in SAMPLE_CASES} == set(KINDS)


@pytest.mark.parametrize("name", samples_of("opinion"))
def test_opinion_prints_header_sections_findings_conclusion_and_signature(generated, name):
    result, document = generated[name]
    case, review = result.review.case, result.review
    lines = texts(document)
    text = full_text(document)
    assert lines[0] == f"{case.authority}\n法制审核意见书"
    assert lines[1] == case.number
    for label, value in (("送审科室", case.office), ("案　　由", case.cause), ("当 事 人", case.party.name),
                         ("送审日期", f"{case.submitted.year}年{case.submitted.month}月{case.submitted.day}日")):
        assert f"{label}：{value}" in lines
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert [re.sub(r"^（.+?）", "", h) for h in headings] == list(ASPECTS)
    for finding in review.findings:
        assert re.search(rf"\d\.{finding.title}（{OUTCOME_WORDS[finding.outcome]}）：{re.escape(finding.message)}", text)
        for detail in finding.details:
            assert detail in text
    for note in filter(None, (section.note for section in review.sections)):
        assert note.rstrip("。") in text
    assert f"审核结论：{review.conclusion.result}。理由如下：" in lines
    assert f"审核人：{case.reviewer}" in lines
    signature = [p for p in document.paragraphs if p.style.name == STYLE_SIGNATURE and p.text]
    reviewed = case.reviewed
    assert [p.text for p in signature] == [case.authority, f"{reviewed.year}年{reviewed.month}月{reviewed.day}日"]
    assert all(p.paragraph_format.right_indent and p.paragraph_format.right_indent.pt > 0 for p in signature)
    assert document.styles[STYLE_SIGNATURE].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_opinion_states_the_fine_in_capitals_and_grouped_figures(generated):
    _, document = generated["示例-法制审核-某化工有限公司.yaml"]
    assert "1.对当事人处以罚款人民币肆万元整（40,000元）；" in texts(document)
    assert "2.责令限期改正。" in texts(document)


def test_legality_review_has_its_three_aspects_and_conclusion(generated):
    for name in samples_of("legality"):
        result, document = generated[name]
        headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
        assert [re.sub(r"^（.+?）", "", h) for h in headings] == list(LEGALITY_ASPECTS)
        assert f"审查结论：{result.review.conclusion.result}。理由如下：" in texts(document)
        assert texts(document)[0].endswith("重大行政决策合法性审查意见书")


def appendix_entries(document):
    """(heading text, following paragraph texts) of every article in the appendix."""
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "附件" and p.paragraph_format.page_break_before)
    entries = []
    for paragraph in paragraphs[start + 2:]:
        if paragraph.style.name == "Heading 3":
            entries.append((paragraph, []))
        elif entries:
            entries[-1][1].append(paragraph.text)
    return paragraphs[start + 1], entries


@pytest.mark.parametrize("name", [path.name for path in SAMPLE_CASES])
def test_appendix_quotes_every_article_in_full_with_title_and_version(generated, store, name):
    result, document = generated[name]
    title, entries = appendix_entries(document)
    assert title.text == "引用法律条文" and title.style.name == "Title"
    assert entries
    quoted = {}
    for heading, body in entries:
        assert heading.paragraph_format.keep_with_next
        match = re.fullmatch(r"\d+\.(《.+?》)(第.+?条(?:之.+?)?)（(.+)）", heading.text)
        law = next(law for law in store.find_laws(match.group(1)) if version_text(law) == match.group(3))
        article = next(a for a in store.articles(law.id) if a.label == match.group(2))
        assert "\n".join(body) == article.text
        quoted[article.id] = article
    relied_on = {r.article.id for r in result.review.appendix}
    assert relied_on <= set(quoted)
    case = result.review.case
    cited = [*getattr(case, "violated", []), *getattr(case, "basis", []), *getattr(case, "citations", [])]
    for citation in cited:
        law = store.find_laws(citation.ref.law)[0]
        if citation.version is None:
            assert any(a.law_id == law.id and a.number == citation.ref.number for a in quoted.values())


def test_a_citation_of_a_version_the_store_lacks_is_not_quoted(store):
    current = resolve_cited(store, parse_cited("《中华人民共和国安全生产法》第二十八条"))
    assert current and version_text(current[0]) == "2021年6月10日修正"
    assert resolve_cited(store, parse_cited("《中华人民共和国安全生产法》（2021年修正）第二十八条")) == current
    assert resolve_cited(store, parse_cited("《中华人民共和国安全生产法》（2014年修正）第二十八条")) is None


def test_text_with_markup_characters_survives(store, tmp_path):
    data = yaml.safe_load((SAMPLES / "review" / "示例-法制审核-某化工有限公司.yaml").read_text(encoding="utf-8"))
    data["当事人"]["名称"] = SPECIAL
    data["违法事实"] = f"当事人{SPECIAL}在 <甲类> 仓库 & 装卸区作业，称“不知道”。"
    data["文号"] = "示例应急法审〔2026〕99号"
    case = tmp_path / "special.yaml"
    case.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = generate(store, KINDS["opinion"], case, tmp_path / "special.docx")
    lines = texts(Document(result.path))
    assert f"当 事 人：{SPECIAL}" in lines
    assert data["违法事实"] in lines


def test_commentary_analysis_markdown_becomes_word_headings_and_bold_runs(generated):
    for name in samples_of("commentary"):
        _, document = generated[name]
        text = full_text(document)
        assert "**" not in text and "###" not in text
        level2 = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
        assert level2 and all(h.startswith(("（一）", "（二）", "（三）", "（四）")) for h in level2)
        assert any(run.bold for p in document.paragraphs for run in p.runs if p.style.name == "Normal")
        for heading in ("一、基本案情", "二、争议焦点", "三、评析", "四、启示"):
            assert heading in texts(document)


@pytest.mark.parametrize("name", [path.name for path in SAMPLE_CASES])
def test_official_format_page_setup_fonts_and_page_numbers(generated, name):
    _, document = generated[name]
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert tuple(round(m.mm) for m in margins) == (37, 35, 28, 26)
    for style in OFFICIAL_STYLES:
        assert document.styles[style].element.rPr.rFonts.get(qn("w:eastAsia"))
    title_run = document.paragraphs[0].runs[0]
    assert title_run.element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    assert document.settings.odd_and_even_pages_header_footer
    for footer in (section.footer, section.even_page_footer):
        instructions = "".join(t.text for t in footer._element.iter(qn("w:instrText")))
        assert "PAGE" in instructions


def test_contexts_provide_exactly_the_declared_variables(generated, store):
    for result, _ in generated.values():
        kind = KIND_BY_NAME[result.review.case.doc_type]
        assert set(kind.build_context(store, result.review.case, result.review)) == kind.variables


def test_sample_files_never_enter_the_ledger_and_other_files_do(generated, store, tmp_path):
    assert all(result.entry is None for result, _ in generated.values()) and ledger.entries(store) == []
    for path in SAMPLE_CASES:
        real = tmp_path / path.name.removeprefix("示例-")
        real.write_text(path.read_text(encoding="utf-8").replace("示例: true", "示例: false"), encoding="utf-8")
        result = generate(store, kind_of(path), real, tmp_path / f"{real.stem}.docx")
        assert result.entry.conclusion == result.review.conclusion.result
    recorded = {(e.doc_type, e.number) for e in ledger.entries(store)}
    assert len(recorded) == len(SAMPLE_CASES)


def test_dry_run_writes_nothing_and_records_nothing(store, tmp_path):
    path = SAMPLES / "review" / "示例-法制审核-某化工有限公司.yaml"
    real = tmp_path / "审核.yaml"
    real.write_text(path.read_text(encoding="utf-8").replace("示例: true", "示例: false"), encoding="utf-8")
    before = len(ledger.entries(store))
    result = generate(store, kind_of(path), real, tmp_path / "审核.docx", dry_run=True)
    assert result.entry is None and not (tmp_path / "审核.docx").exists() and len(ledger.entries(store)) == before


def test_invalid_case_file_names_the_fields_and_writes_nothing(store, tmp_path):
    case = tmp_path / "bad.yaml"
    case.write_text("文书类型: 法制审核意见书\n机关: 示例市应急管理局\n送审日期: 明天\n", encoding="utf-8")
    before = len(ledger.entries(store))
    with pytest.raises(CaseFileError) as error:
        generate(store, KINDS["opinion"], case, tmp_path / "bad.docx")
    assert "送审日期" in str(error.value) and "文号：缺少必填字段" in str(error.value)
    assert not (tmp_path / "bad.docx").exists()
    assert list(tmp_path.iterdir()) == [case]
    assert len(ledger.entries(store)) == before


def test_cli_generates_with_reviewer_and_reports_invalid_files(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    store = Store(data / "fazhi.sqlite")
    load_samples(store)
    store.close()
    case = SAMPLES / "review" / "示例-法制审核-某化工有限公司.yaml"
    out = tmp_path / "意见书.docx"
    runner = CliRunner()
    result = runner.invoke(generate_group, ["opinion", str(case), "-o", str(out), "--reviewer", "王某"],
                           obj={"data": str(data)})
    assert result.exit_code == 0, result.output
    assert "已生成法制审核意见书" in result.output and "示例文件，未记入审核台账" in result.output
    assert "审核人：王某" in texts(Document(out))
    dry = runner.invoke(generate_group, ["opinion", str(case), "-o", str(tmp_path / "试.docx"), "--dry-run"],
                        obj={"data": str(data)})
    assert dry.exit_code == 0 and "试生成法制审核意见书成功，未写出文件" in dry.output
    assert not (tmp_path / "试.docx").exists()
    bad = tmp_path / "bad.yaml"
    bad.write_text("文书类型: 法制审核意见书\n", encoding="utf-8")
    result = runner.invoke(generate_group, ["opinion", str(bad), "-o", str(tmp_path / "bad.docx")],
                           obj={"data": str(data)})
    assert result.exit_code != 0
    assert "案由：缺少必填字段" in result.output and "未生成文书" in result.output
    assert not (tmp_path / "bad.docx").exists()


def test_draft_check_report_as_docx(generated, store, tmp_path):
    result, _ = generated["示例-法制审核-某化工有限公司.yaml"]
    report = check_draft(store, result.path)
    out = tmp_path / "报告.docx"
    write_draft_report(report, out)
    document = Document(out)
    assert texts(document)[0] == "条文引用核对报告"
    assert f"共核对条文引用{len(report.citations)}处" in full_text(document)
    assert sum(1 for p in document.paragraphs if p.style.name == "Heading 3") == len(report.citations)
