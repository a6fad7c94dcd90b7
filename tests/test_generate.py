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
from generator.review_voice import ASPECT_TITLES
from generator.documents import KINDS, generate
from generator.draft_report import write_draft_report
from generator.review import ledger
from generator.review.casefile import CaseFileError, read_data
from generator.review.citing import parse_cited
from generator.review.draft_check import check_draft
from generator.review.findings import LEGALITY_ASPECTS
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


def body_text(document) -> str:
    """The text before the appendix."""
    lines = texts(document)
    return "\n".join(lines[:lines.index("附件")] if "附件" in lines else lines)


def test_every_kind_has_a_sample_case_file():
    assert {kind_of(path).key for path in SAMPLE_CASES} == set(KINDS)


def headings(document, level):
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def item_titles(document):
    """The run-in headings of 审核意见 items: （一）执法主体与权限 …"""
    return [run.text.rstrip("。") for p in document.paragraphs for run in p.runs
            if run.style is not None and run.style.name == "小标题"]


@pytest.mark.parametrize("name", samples_of("opinion"))
def test_opinion_has_the_structure_reviewers_use(generated, name):
    result, document = generated[name]
    case = result.review.case
    lines = texts(document)
    assert lines[0] == f"{case.authority}\n法制审核意见书"
    assert lines[1] == case.number
    assert f"{case.office}：" in lines
    opening = lines[lines.index(f"{case.office}：") + 1]
    for part in (case.cause, case.case_number, case.party.name, "2026年", "第五十八条"):
        assert part in opening
    assert headings(document, 1)[:3] == ["一、案件基本情况", "二、审核意见", "三、审核结论"]
    titles = [re.sub(r"^（.+?）", "", h) for h in item_titles(document)]
    order = list(ASPECT_TITLES.values())
    assert titles == sorted(titles, key=order.index) and "定性与法律适用" in titles and "程序" in titles
    assert f"当事人：{case.party.name}，统一社会信用代码：{case.party.credit_code}" in full_text(document)
    notice = case.procedure.notice_date
    assert f"{notice.year}年{notice.month}月{notice.day}日，{case.office}向当事人送达行政处罚告知书" in full_text(document)
    signature = [p for p in document.paragraphs if p.style.name == STYLE_SIGNATURE and p.text]
    reviewed = case.reviewed
    assert [p.text for p in signature] == [f"{case.authority}法制科", f"{reviewed.year}年{reviewed.month}月{reviewed.day}日"]
    assert all(p.paragraph_format.right_indent and p.paragraph_format.right_indent.pt > 0 for p in signature)
    after = lines[lines.index(signature[-1].text) + 1:]
    assert any(line.startswith(f"审核人：{case.reviewer}") and line.endswith("签名：") for line in after)
    assert any(line.startswith("法制机构负责人：") and line.endswith("签名：") for line in after)
    assert document.styles[STYLE_SIGNATURE].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_an_approved_opinion_uses_the_standard_form_and_restates_the_penalty(generated):
    _, document = generated["示例-法制审核-某化工有限公司.yaml"]
    lines = texts(document)
    agreed = next(line for line in lines if line.startswith("审核结论："))
    assert agreed == ("审核结论：同意。经审核，本案事实清楚、证据确凿、定性准确、适用依据正确、程序合法、裁量适当，"
                      "同意对当事人处以罚款人民币肆万元整（40,000元）的行政处罚，并责令当事人限期改正。")
    assert any(line.endswith("权利。当事人在法定期限内未提出陈述、申辩。") for line in lines)
    assert "四、建议" not in lines


def test_an_opinion_with_problems_names_them_and_answers_the_defence(generated):
    _, document = generated["示例-法制审核-某危险化学品仓储有限公司.yaml"]
    lines, text = texts(document), body_text(document)
    assert any(line.endswith("权利。当事人提出已于3月5日分区存放并修复报警装置，请求从轻处罚。") for line in lines)
    assert "当事人提出了陈述、申辩，送审材料未写明复核情况及是否采纳" in text
    lead = next(line for line in lines if line.startswith("审核结论："))
    assert lead.startswith("审核结论：不同意。经审核，本案事实清楚、证据确凿，但法律依据、")
    # what failed is 不符合规定; what the machine could not check (需核实) is named apart
    assert lead.endswith("事先告知与陈述申辩、负责人集体讨论不符合规定，"
                         "且法定处罚种类和幅度、违法行为与所引条款尚需核实，具体见审核意见。")
    assert "四、建议" in lines
    assert not any("处以责令" in line or "罚款、责令" in line for line in lines)


def test_what_could_not_be_read_is_said_once(generated):
    """The 2014 text the 处罚依据 cites is not in the store: three findings (法律依据, 违法行为与所引条款,
    法定处罚) could not check it and two name its version. The opinion says each once — one sentence
    naming all that could not be checked — keeps each finding's own conclusion, is not 同意, and
    suggests re-citing once."""
    result, document = generated["示例-法制审核-某危险化学品仓储有限公司.yaml"]
    text = body_text(document)
    cited = "《安全生产法》（2014年修正）第九十八条第一项"
    unread = f"{cited}的条文未能取得，无法比对原条文、核对其规定的违法行为与本案事实是否相符，也无法读取其处罚规定。"
    assert text.count(unread) == 1 and text.count("未能取得") == 1 and text.count("无法") == 2
    assert text.count("所引为2014年版本") == 1
    law = next(line for line in texts(document) if line.startswith("（二）定性与法律适用。"))
    assert law == (f"（二）定性与法律适用。处罚依据{cited}所引为2014年版本，不是现行《安全生产法》（2021年6月10日版）；"
                   "所适用裁量基准的处罚依据为《安全生产法》第一百零一条第一项。")
    assert texts(document)[texts(document).index(law) + 1].startswith(unread)
    version = "违法行为发生时和作出决定时有效的均为《安全生产法》（2021年6月10日版），依照《行政处罚法》第三十七条应当适用该版本。"
    assert text.index(law) < text.index(unread) < text.index(version) < text.index("（三）程序。")
    assert "（四）裁量。拟对当事人罚款120,000元，超过适用幅度上限和法定最高额100,000元，超出20,000元。" in text
    assert result.review.conclusion.result != "同意" and "审核结论：不同意。" in text
    assert "按《行政处罚法》第三十七条确定应当适用的版本并改引" in text and "按现行有效版本更正所引条文" not in text


def test_orders_to_correct_are_not_written_as_penalties(generated):
    for name in samples_of("opinion"):
        text = body_text(generated[name][1])
        assert "的行政处罚，并责令当事人限期改正" in text


def test_legality_conclusion_answers_the_three_points_of_article_27(generated):
    for name in samples_of("legality"):
        result, document = generated[name]
        lines = texts(document)
        assert lines[0].endswith("重大行政决策合法性审查意见书")
        assert [re.sub(r"^（.+?）", "", h) for h in item_titles(document)] == list(LEGALITY_ASPECTS)
        start = lines.index("经审查：")
        assert lines[start + 1:start + 4] == [
            "（一）决策事项符合法定权限；",
            "（二）决策草案的形成已履行相关法定程序；",
            "（三）决策草案内容符合有关法律、法规、规章和国家政策的规定。",
        ]
        assert lines[start + 4].startswith(f"审查结论：{result.review.conclusion.result}。")


def appendix_entries(document):
    """(heading text, following paragraph texts) of every article in the appendix."""
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "附件" and p.style.name == "附件")
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
    case = result.review.case
    cited = [*getattr(case, "violated", []), *getattr(case, "basis", []), *getattr(case, "citations", [])]
    resolved = {resolve_cited(store, c)[1].id for c in cited if resolve_cited(store, c)}
    assert set(quoted) == resolved  # only the articles the document relies on


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
    assert any(line.startswith(f"当事人：{SPECIAL}，") for line in lines)
    assert data["违法事实"].replace(" ", "") in lines


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
        bullets = [line for line in texts(document) if line.startswith("•\u3000")]
        assert bullets and all("1." not in line[:3] for line in bullets)
        assert "五、引用法律依据" not in texts(document)  # the appendix quotes every citation


@pytest.mark.parametrize("name", [path.name for path in SAMPLE_CASES])
def test_official_format_page_setup_fonts_and_page_numbers(generated, name):
    _, document = generated[name]
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    assert tuple(round(m.mm) for m in margins) == (37, 35, 28, 26)
    for style in OFFICIAL_STYLES:
        assert document.styles[style].element.rPr.rFonts.get(qn("w:eastAsia"))
    title = document.paragraphs[0]
    assert title.style.element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    assert all(run.element.rPr is None or run.element.rPr.rFonts is None for run in title.runs)
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
    assert any(line.startswith("审核人：王某") for line in texts(Document(out)))
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


def test_several_violations_are_presented_one_by_one_with_the_defence_answered(generated):
    result, document = generated["示例-法制审核-多个违法行为.yaml"]
    lines = texts(document)
    first = next(line for line in lines if line.startswith("（一）"))
    second = next(line for line in lines if line.startswith("（二）"))
    assert "违反了《中华人民共和国安全生产法》第二十八条第一款的规定" in first
    assert "拟对当事人处以罚款人民币肆万元整（40,000元）的行政处罚，并责令当事人限期改正" in first
    assert "依据《安全生产法》第九十四条第一款的规定，拟对主要负责人赵某处以罚款人民币叁万元整（30,000元）" in second
    assert "以上违法行为分别裁量、合并处罚，对当事人处以罚款合计人民币肆万元整（40,000元）" in "\n".join(lines)
    discretion = next(line for line in lines if line.startswith("（四）裁量。"))
    assert discretion.endswith("“一般”阶次；主要负责人未履行安全生产管理职责：裁量基准没有对应事项，"
                               "已按处罚依据规定的法定幅度核对。")
    answered = next(line for line in lines if "经复核" in line and line.startswith("2026年5月8日"))
    assert "对当事人的陈述、申辩意见不予采纳，理由是：事后完成培训属于依法应当履行的改正义务" in answered
    agreed = next(line for line in lines if line.startswith("审核结论："))
    assert result.review.conclusion.result == "同意" and agreed.startswith("审核结论：同意。经审核")
    assert agreed.endswith("对主要负责人赵某处以罚款合计人民币叁万元整（30,000元），并责令当事人限期改正。")


def test_a_long_case_of_four_violations_reads_as_one_opinion(store, tmp_path):
    case = Path(__file__).parent / "fixtures" / "review" / "长案-四个违法行为.yaml"
    result = generate(store, KINDS["opinion"], case, tmp_path / "长案.docx")
    lines = texts(Document(result.path))
    assert [line[:3] for line in lines if re.match(r"（[一二三四]）", line) and "的规定，拟" in line] == [
        "（一）", "（二）", "（三）", "（四）"]
    assert any("对直接责任人员钱某处以罚款人民币捌仟元整（8,000元）的行政处罚，并责令当事人限期改正" in line for line in lines)
    assert any("本机关依当事人申请举行了听证。经复核，危险化学品安全监督管理科对当事人的陈述、申辩意见部分采纳" in line
               for line in lines)
    discretion = next(line for line in lines if "“较重”阶次；" in line)
    assert discretion.count("《示例省安全生产行政处罚裁量基准") == 1 and "该基准“较重”阶次" in discretion
    assert "四、建议" not in lines


def test_each_provision_that_could_not_be_read_is_said_once_in_a_case_of_two_violations(store, tmp_path):
    """One violation cites a law the store lacks (消防法), the other an old version it lacks: one
    sentence for each provision, none left of the findings that said only that, the version once,
    and a discretion note without the standard's item code."""
    text = (SAMPLES / "review" / "示例-法制审核-多个违法行为.yaml").read_text(encoding="utf-8")
    text = text.replace("《中华人民共和国安全生产法》第九十七条第（三）项", "《中华人民共和国消防法》第六十条第一项")
    text = text.replace("《中华人民共和国安全生产法》第九十四条第一款", "《中华人民共和国安全生产法》（2014年修正）第九十一条第一款")
    case = tmp_path / "两个违法行为.yaml"
    case.write_text(text, encoding="utf-8")
    result = generate(store, KINDS["opinion"], case, tmp_path / "两个违法行为.docx")
    body = body_text(Document(result.path))
    assert body.count("未能取得") == 2 and body.count("所引为2014年版本") == 1
    assert body.count("《安全生产法》（2014年修正）第九十一条第一款的条文未能取得，无法比对原条文、"
                      "核对其规定的违法行为与本案事实是否相符，也无法读取其处罚规定。") == 1
    assert body.count("《消防法》第六十条第一项的条文未能取得，无法核对其规定的违法行为与本案事实是否相符，"
                      "也无法核对法定处罚。") == 1
    assert ("主要负责人未履行安全生产管理职责：违法行为发生时和作出决定时有效的均为《安全生产法》（2021年6月10日版），"
            "依照《行政处罚法》第三十七条应当适用该版本。") in body
    assert "：所适用裁量基准的处罚依据为《安全生产法》第九十七条第三项，送审的处罚依据中没有。" in body
    assert "注意" not in body and "审核结论：同意" not in body


def test_a_legality_review_without_the_content_reviewed_is_not_lawful(store, tmp_path):
    data = yaml.safe_load((SAMPLES / "review" / "示例-合法性审查-重大事故隐患治理督办办法.yaml").read_text(encoding="utf-8"))
    del data["审查意见"]["内容合法性"]
    case = tmp_path / "合法性.yaml"
    case.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    lines = texts(Document(generate(store, KINDS["legality"], case, tmp_path / "合法性.docx").path))
    assert "（三）决策草案内容是否符合有关法律、法规、规章和国家政策的规定尚待审查。" in lines
    assert next(line for line in lines if line.startswith("审查结论：")).startswith("审查结论：修改后合法。")
