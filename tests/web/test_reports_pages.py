"""In the browser, as 审核: import the sample ledgers (and a file with a bad row) on the ledger
import page, download a blank template, generate both reports from them and check the downloaded
.docx against counts made here from the ledger files; a year without ledgers lists its 待补充 items."""

import csv
import re
from pathlib import Path

import openpyxl
from docx import Document
from playwright.sync_api import expect

from kb.samples import ROOT as SAMPLES
from tests.web.shots import screenshots
from web import audit
from web import db as webdb

LEDGERS = SAMPLES / "ledgers"
NARRATIVE = LEDGERS / "示例市应急管理局-2025年度报告叙述.md"
AGENCY = "示例市应急管理局"


def _text(path: Path) -> str:
    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _download(page, selector: str, folder: Path) -> Path:
    with page.expect_download() as info:
        page.click(selector)
    target = folder / info.value.suggested_filename
    info.value.save_as(target)
    return target


def _cases_2025() -> list[dict]:
    """The 2025 case ledger counted with openpyxl: rows under the header row that have a 案件编号."""
    sheet = openpyxl.load_workbook(LEDGERS / "示例市-执法案件台账-2025.xlsx", read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    start = next(i for i, row in enumerate(rows) if "案件编号" in row)
    header = rows[start]
    return [dict(zip(header, row)) for row in rows[start + 1:] if row[header.index("案件编号")]]


def _exams_2025() -> tuple[int, int]:
    with (LEDGERS / "示例市-学法培训台账-2025.csv").open(encoding="utf-8-sig", newline="") as handle:
        exams = [row for row in csv.DictReader(handle) if row["类别"] == "企业人员考试"]
    return sum(int(r["考试场次"]) for r in exams), sum(int(r["考核人次"]) for r in exams)


def test_ledger_import_lists_the_bad_row_and_imports_the_rest(server, login, tmp_path):
    bad = tmp_path / "普法宣传台账-补报.csv"
    bad.write_text("编号,日期,类别,活动名称,七进场所,参与人次\n"
                   "PF-2025-90,2025-09-01,七进,安全生产法律进企业宣讲,进企业,120\n"
                   "PF-2025-91,2025-02-30,其他,安全生产宣传,,80\n"
                   "PF-2025-92,2025-10-08,<script>alert(1)</script>,安全生产宣传,,60\n", encoding="utf-8")
    page = login("李审核")
    page.click("nav.main a:text('报告')")
    page.click("nav.tabs a:text('台账导入')")
    expect(page.locator("h1")).to_have_text("台账导入")
    template = _download(page, ".ledger-kinds tr:has-text('执法案件台账') a", tmp_path)
    header = [cell.value for cell in openpyxl.load_workbook(template).worksheets[0][1]]
    assert header[:3] == ["案件编号", "立案日期", "决定日期"] and "罚没款（元）" in header

    page.set_input_files("input[name=files]", sorted(LEDGERS.glob("*.xlsx")) + sorted(LEDGERS.glob("*.csv")) + [bad])
    page.click("button:text('上传并导入')")
    expect(page.locator(".ledger-files tr", has_text=bad.name)).to_contain_text("普法宣传台账：新增 1 行")
    expect(page.locator(".ledger-files tr", has_text=bad.name)).to_contain_text("2 行有问题")
    outcome = page.locator(".ledger-outcome", has_text=bad.name)
    errors = outcome.locator("table.row-errors tbody tr")
    expect(errors).to_have_count(2)
    cells = [errors.first.locator("td").nth(i).inner_text() for i in range(4)]
    assert cells == [bad.stem, "3", "日期", "“2025-02-30”不是有效日期"]
    # a cell's own text is shown as text, never as markup
    assert errors.nth(1).locator("td").nth(2).inner_text() == "类别"
    assert "<script>alert(1)</script>" in errors.nth(1).locator("td").nth(3).inner_text()
    assert page.locator("main script").count() == 0
    expect(page.locator(".ledger-outcome")).to_have_count(1)
    expect(page.locator(".ledger-files tr", has_text="示例市-执法案件台账-2025.xlsx")).to_contain_text(
        f"执法案件台账：新增 {len(_cases_2025())} 行")
    expect(page.locator(".ledger-kinds tr:has-text('学法培训台账')")).to_contain_text("2025年 24 行")
    screenshots(page, "ledger-import")
    # importing the same ledger again changes nothing and counts nothing twice
    page.set_input_files("input[name=files]", LEDGERS / "示例市-学法培训台账-2025.csv")
    page.click("button:text('上传并导入')")
    expect(page.locator(".ledger-files")).to_contain_text("学法培训台账：新增 0 行，更新 0 行，未变 24 行")
    expect(page.locator(".ledger-kinds tr:has-text('学法培训台账')")).to_contain_text("2025年 24 行")


def test_annual_report_from_the_uploaded_narrative(server, login, tmp_path):
    page = login("李审核")
    page.goto(f"{server}/reports/annual?year=2025")
    page.set_input_files("input[name=narrative_file]", NARRATIVE)
    expect(page.locator("input[name=narrative][value=upload]")).to_be_checked()
    page.click("button:text('生成法治政府建设年度报告')")
    expect(page.locator(".report-result h2")).to_have_text(f"{AGENCY}关于2025年度法治政府建设情况的报告")
    expect(page.locator("ul.notices")).to_contain_text("2026年3月1日前报送")
    expect(page.locator("ul.notices")).to_contain_text("2026年4月1日前向社会公开")
    expect(page.locator(".privacy h2")).to_contain_text("保密审查")
    images = page.locator(".charts img")
    expect(images.first).to_be_visible()
    assert images.count() >= 3
    assert page.evaluate("[...document.querySelectorAll('.charts img')].every(i => i.complete && i.naturalWidth > 0)")
    screenshots(page, "report-annual")
    text = _text(_download(page, "a:text('下载 法治政府建设年度报告（.docx）')", tmp_path))
    sessions, people = _exams_2025()
    assert f"全年组织企业人员考试{sessions}场次，考核{people}人次" in text
    # the one figure the sample ledgers lack is marked, listed on the page, and never printed as 0
    assert re.findall(r"【待补充：([^】]+)】", text) == ["2025年撰写典型案例评析篇数"]
    expect(page.locator(".gaps tbody tr")).to_have_count(1)
    expect(page.locator(".gaps tbody tr")).to_contain_text("审核台账")
    expect(page.locator(".privacy tbody")).to_contain_text("张某")
    assert text.startswith(f"{AGENCY}关于2025年度法治政府建设情况的报告")
    # the narrative is stored for the year: the page offers it next time
    page.goto(f"{server}/reports/annual?year=2025")
    expect(page.locator("input[name=narrative][value=stored]")).to_be_checked()


def test_enforcement_analysis_with_charts(server, login, tmp_path):
    page = login("李审核")
    page.goto(f"{server}/reports/analysis?year=2025")
    expect(page.locator("input[name=agency]")).to_have_value(AGENCY)
    page.click("button:text('生成执法分析报告')")
    expect(page.locator(".report-result h2")).to_have_text(f"{AGENCY}2025年度行政执法分析报告")
    assert page.locator(".charts img").count() >= 4
    screenshots(page, "report-analysis")
    path = _download(page, "a:text('下载 执法分析报告（.docx）')", tmp_path)
    text = _text(path)
    cases = _cases_2025()
    assert f"办理行政处罚案件{len(cases)}件" in text
    assert len(Document(str(path)).inline_shapes) >= 4
    units = {row["执法单位"] for row in cases}
    assert all(unit in text for unit in units)


def test_a_year_without_ledgers_lists_what_to_supply(server, login, live_data, tmp_path):
    page = login("李审核")
    page.goto(f"{server}/reports/annual?year=2025")
    page.select_option("select[name=year]", "2026")
    page.wait_for_url(re.compile(r"year=2026"))
    page.check("input[name=narrative][value=default]")
    page.click("button:text('生成法治政府建设年度报告')")
    gaps = page.locator(".gaps tbody tr")
    expect(gaps.first).to_be_visible()
    expect(page.locator(".gaps h2")).to_contain_text("待补充")
    expect(page.locator(".gaps")).to_contain_text("执法案件台账中没有2026年")
    expect(page.locator(".gaps")).to_contain_text("报告机关名称")
    screenshots(page, "report-gaps")
    db = webdb.connect(live_data)
    logged = [entry.detail for entry in audit.recent(db, action="生成报告")]
    db.close()
    assert any("2026年度法治政府建设情况的报告" in detail for detail in logged)
    text = _text(_download(page, "a:text('下载 法治政府建设年度报告（.docx）')", tmp_path))
    assert "【待补充：" in text
    marked = set(re.findall(r"【待补充：([^】]+)】", text))
    listed = set(page.locator(".gaps tbody td:nth-child(2)").all_inner_texts())
    assert "2026年行政处罚案件数" in listed and marked <= listed | {"报告机关名称", "本级人民政府名称", "上一级主管部门名称"}


def test_report_pages_need_the_reviewer_role(server, login):
    page = login("张承办")
    assert page.locator("nav.main a:text('报告')").count() == 0
    response = page.goto(f"{server}/reports/annual")
    assert response.status == 403
    response = page.goto(f"{server}/reports/ledgers")
    assert response.status == 403
