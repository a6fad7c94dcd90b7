"""Both reports from a year of ledgers the test writes itself (with bad rows), checked against an independent count."""

import csv
import random
import re
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn
from openpyxl import Workbook

from fazhi.cli import main
from generator.review import ledger as review_ledger
from generator.reports.charts import draw_charts, find_cjk_font
from generator.reports.stats import compute_stats
from kb.ledgers.kinds import KINDS
from kb.store import Store
from templates import COMMENTARY, LEGALITY, OPINION

NARRATIVE = Path(__file__).resolve().parents[1] / "kb" / "samples" / "ledgers" / "示例市应急管理局-2025年度报告叙述.md"
LAW = "《中华人民共和国安全生产法》"
ACTS = [("未如实记录安全生产教育和培训情况", "第九十七条第四项"), ("未采取措施消除事故隐患", "第一百零二条"),
        ("未为从业人员提供符合国家标准或者行业标准的劳动防护用品", "第九十九条第五项"),
        ("特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业", "第九十七条第七项")]
UNITS = {"甲县": ("区县", 12), "乙县": ("区县", 9), "丙园区": ("园区", 5), "执法科": ("科室", 4)}


def _cases(year: int, count: int, rng: random.Random) -> list[dict]:
    rows = []
    for n in range(1, count + 1):
        act, article = rng.choice(ACTS)
        court = rng.random() < 0.15
        rows.append({"案件编号": f"罚{year}-{n:03d}", "立案日期": date(year, 1, 2) + timedelta(days=rng.randrange(30)),
                     "决定日期": date(year, 2, 1) + timedelta(days=rng.randrange(300)),
                     "执法单位": rng.choice(list(UNITS)), "当事人": f"测试{n}号有限公司", "当事人类型": "单位",
                     "违法行为": act, "处罚依据": LAW + article, "罚没款（元）": rng.choice([5000, 12000, 30000, 60000]),
                     "是否法制审核": rng.choice(["是", "否"]), "法核意见书文号": "", "是否听证": rng.choice(["是", "否", "否"]),
                     "复议结果": rng.choice(["", "", "", "", "维持", "撤销", "审理中"]),
                     "诉讼结果": rng.choice([""] * 8 + ["驳回", "败诉"]),
                     "移送法院强制执行": "是" if court else "否", "追缴金额（元）": 3000 if court else None,
                     "移送司法机关": rng.choice([None] * 12 + ["公安机关", "检察机关"])})
        if rows[-1]["是否法制审核"] == "是" and n % 3 == 0:
            rows[-1]["法核意见书文号"] = f"法审{year}-{n:03d}"
    return rows


BAD_CASES = [  # (row values, column the report must name)
    ({"决定日期": "2025-02-30"}, "决定日期"),
    ({"罚没款（元）": "-100"}, "罚没款（元）"),
    ({"是否听证": "也许"}, "是否听证"),
    ({"复议结果": "胜诉了"}, "复议结果"),
    ({"执法单位": ""}, "执法单位"),
    ({"移送法院强制执行": "否", "追缴金额（元）": 500}, "追缴金额（元）"),
]


def _write_cases(path: Path, good: list[dict], bad: list[dict]) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "案件"
    sheet.append(["测试执法案件台账"])  # a title row above the header
    columns = [column.name for column in KINDS["cases"].columns]
    sheet.append(columns)
    for row in good[:5] + bad + good[5:]:
        sheet.append([row.get(name) for name in columns])
    sheet.append([good[0].get(name) for name in columns])  # a duplicate 案件编号
    workbook.save(path)


def _write_csv(path: Path, kind: str, rows: list[dict], encoding: str = "utf-8-sig") -> None:
    columns = [column.name for column in KINDS[kind].columns]
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows([["" if row.get(name) is None else row.get(name) for name in columns] for row in rows])


@pytest.fixture(scope="module")
def year_data(tmp_path_factory):
    """A data directory with 2024 and 2025 ledgers imported (bad rows among them) and review-ledger entries."""
    rng = random.Random(12)
    folder = tmp_path_factory.mktemp("ledgers")
    cases = {2024: _cases(2024, 25, rng), 2025: _cases(2025, 34, rng)}
    bad = [dict(cases[2025][0], 案件编号=f"坏{i}", **change) for i, (change, _) in enumerate(BAD_CASES)]
    _write_cases(folder / "cases-2025.xlsx", cases[2025], bad)
    _write_cases(folder / "cases-2024.xlsx", cases[2024], [])
    inspections = [{"年度": 2025, "月份": m, "执法单位": unit, "检查次数": 10 + m, "双随机检查次数": 3, "联合检查次数": m % 3}
                   for unit in UNITS for m in range(1, 13)]
    inspections.append({"年度": 2025, "月份": 1, "执法单位": "甲县", "检查次数": 2, "双随机检查次数": 5})  # bad; and a dup
    _write_csv(folder / "inspections.csv", "inspections", inspections)
    _write_csv(folder / "plans.csv", "plans", [{"年度": 2025, "执法单位": u, "单位类别": t, "预防性处罚案件计划数": p}
                                               for u, (t, p) in UNITS.items()], encoding="gb18030")
    _write_csv(folder / "legality.csv", "legality", [
        {"编号": "合审1", "类别": "重大行政决策", "名称": "某办法", "审查日期": "2025-03-01", "风险评估": "是"},
        {"编号": "合审2", "类别": "规范性文件", "名称": "某细则", "审查日期": "2025/5/6"},
        {"编号": "合审3", "类别": "规范性文件", "名称": "某通知", "审查日期": "2025年7月8日"}])
    _write_csv(folder / "training.csv", "training", [
        *({"编号": f"学{i}", "日期": f"2025-0{i}-10", "类别": "党组中心组学法", "主题": "学法"} for i in range(1, 6)),
        {"编号": "培1", "日期": "2025-04-01", "类别": "专题培训", "主题": "讲座", "参加人次": 80},
        {"编号": "培2", "日期": "2025-05-01", "类别": "执法人员培训", "主题": "培训", "参加人次": 45},
        {"编号": "考1", "日期": "2025-06-01", "类别": "企业人员考试", "主题": "考试", "考试场次": 40, "考核人次": 900},
        {"编号": "考2", "日期": "2025-09-01", "类别": "企业人员考试", "主题": "考试", "考试场次": 25, "考核人次": 610},
        {"编号": "考3", "日期": "2025-10-01", "类别": "企业人员考试", "主题": "缺场次"}])  # bad
    _write_csv(folder / "publicity.csv", "publicity", [
        {"编号": "宣1", "日期": "2025-06-01", "类别": "安全生产月", "活动名称": "启动仪式", "参与人次": 500},
        *({"编号": f"七{i}", "日期": "2025-08-01", "类别": "七进", "活动名称": "七进", "七进场所": p, "参与人次": 100}
          for i, p in enumerate(("进企业", "进学校", "进社区")))])
    data = folder / "data"
    runner = CliRunner()
    files = sorted(str(p) for p in folder.glob("*.*"))
    first = runner.invoke(main, ["--data", str(data), "ledger", "import", *files])
    again = runner.invoke(main, ["--data", str(data), "ledger", "import", *files])
    store = Store(data / "fazhi.sqlite")
    opinions = [c["法核意见书文号"] for c in cases[2025] if c["法核意见书文号"]]
    for number in opinions[:2] + ["法审2025-单独1", "法审2025-单独2"]:  # two linked to cases, two not
        review_ledger.record(store, review_ledger.LedgerEntry(OPINION, number, "案由", "审核人", date(2025, 6, 1),
                                                              "修改后同意" if "单独1" in number else "同意"))
    review_ledger.record(store, review_ledger.LedgerEntry(LEGALITY, "合审1", "某办法", "审查人", date(2025, 3, 2), "合法"))
    review_ledger.record(store, review_ledger.LedgerEntry(LEGALITY, "合审-台账外", "另一办法", "审查人", date(2025, 8, 2), "合法"))
    review_ledger.record(store, review_ledger.LedgerEntry(COMMENTARY, "评析一", "评析一", "作者", date(2025, 9, 1), ""))
    store.close()
    return {"data": data, "cases": cases, "first": first, "again": again, "folder": folder,
            "extra_opinions": 2, "linked_opinions": len(set(opinions))}


def test_import_reports_bad_rows_and_keeps_good_ones(year_data):
    result = year_data["first"]
    assert result.exit_code == 0, result.output
    for _, column in BAD_CASES:
        assert re.search(rf"工作表“案件”第\d+行“{re.escape(column)}”列：", result.output), column
    assert "与第3行重复" in result.output
    assert "“双随机检查次数”列：双随机检查次数大于检查次数" in result.output
    assert "“考试场次”列：企业人员考试必须填写" in result.output
    assert "cases-2025.xlsx：执法案件台账 新增 34 行" in result.output
    assert "plans.csv：案件计划台账 新增 4 行" in result.output  # GB18030 read
    assert "新增 0 行，更新 0 行，未变 34 行" in year_data["again"].output  # re-import counts nothing twice


def _expected(cases: list[dict], previous: list[dict], extra_opinions: int) -> dict[str, str]:
    """The figures counted here, independently of generator.reports."""
    wan = lambda amount: f"{Decimal(amount) / 10000:.2f}".rstrip("0").rstrip(".")
    reviewed = sum(1 for c in cases if c["是否法制审核"] == "是")
    linked = {c["法核意见书文号"] for c in cases if c["法核意见书文号"]}
    court = [c for c in cases if c["移送法院强制执行"] == "是"]
    change = (len(cases) - len(previous)) * 100 / len(previous)
    return {
        "案件数": str(len(cases)), "罚没款万元": wan(sum(c["罚没款（元）"] for c in cases)),
        "法核案件数": str(reviewed + extra_opinions), "法核意见数": str(len(linked) + extra_opinions),
        "听证": str(sum(c["是否听证"] == "是" for c in cases)), "移送强制执行": str(len(court)),
        "追缴": wan(sum(c["追缴金额（元）"] for c in court)), "移送司法": str(sum(bool(c["移送司法机关"]) for c in cases)),
        "案件数变化": f"{'增长' if change > 0 else '下降'}{abs(change):.1f}%".replace(".0%", "%"),
        "复议": str(sum(bool(c["复议结果"]) for c in cases)),
        "完成率": _one_place(Decimal(len(cases) * 100) / sum(plan for _, plan in UNITS.values())),
        "完成单位": str(sum(sum(c["执法单位"] == unit for c in cases) >= plan for unit, (_, plan) in UNITS.items())),
        "年均案件": str((Decimal(len(cases) + len(previous)) / 2).quantize(1, ROUND_HALF_UP)),
        "累计移送": str(len(court) + sum(c["移送法院强制执行"] == "是" for c in previous)),
    }


def _one_place(value: Decimal) -> str:
    return str(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)).removesuffix(".0")


def _text(path: Path) -> str:
    document = Document(path)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_annual_report_figures_match_an_independent_count(year_data, tmp_path):
    out = tmp_path / "annual.docx"
    result = CliRunner().invoke(main, ["--data", str(year_data["data"]), "generate", "annual-report", "--year", "2025",
                                       "--narrative", str(NARRATIVE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "这是示例市应急管理局2025年度的法治政府建设年度报告" in result.output
    assert "应于2026年3月1日前报送示例市人民政府和示例省应急管理厅，于2026年4月1日前向社会公开" in result.output
    assert "保密审查" in result.output and "张某" in result.output
    text = _text(out)
    want = _expected(year_data["cases"][2025], year_data["cases"][2024], year_data["extra_opinions"])
    inspections = sum(10 + m for m in range(1, 13)) * len(UNITS)
    for sentence in (
        f"全年共法制审核案件{want['法核案件数']}件，出具法制审核意见书{want['法核意见数']}件",
        "撰写典型案例评析1篇",
        "全年对2件重大行政决策事项进行合法性审查，其中进行风险评估1件；对2件规范性文件进行合法性审核",
        f"全年共开展执法检查{inspections}次",
        f"下达年度预防性处罚案件计划{sum(p for _, p in UNITS.values())}件，全系统实际办理行政处罚案件{want['案件数']}件",
        f"罚没款{want['罚没款万元']}万元", f"案件数较上年{want['案件数变化']}",
        f"全年涉嫌犯罪移送司法机关案件{want['移送司法']}件", f"全年组织听证{want['听证']}件",
        f"全年移送人民法院强制执行案件{want['移送强制执行']}件，追缴罚没款{want['追缴']}万元",
        f"开展抽查{3 * 12 * len(UNITS)}次", f"联合执法检查{sum(m % 3 for m in range(1, 13)) * len(UNITS)}次",
        f"全年发生行政复议{want['复议']}件",
        "全年开展党组中心组学法5次", "举办法治专题培训1次、执法人员业务培训1次，参加125人次",
        "组织“安全生产月”活动1次、安全生产宣传“七进”活动3次，参与800人次",
        "全年组织企业人员考试65场次，考核1510人次",
        f"计划完成率{want['完成率']}%，{len(UNITS)}个单位中{want['完成单位']}个完成计划",
        f"近2年年均办理案件{want['年均案件']}件",
        f"近2年共移送人民法院强制执行案件{want['累计移送']}件",
        f"全年执法检查次数与行政处罚案件数之比为{_one_place(Decimal(inspections) / len(year_data['cases'][2025]))}",
    ):
        assert sentence in text, sentence
    assert "【待补充" not in text
    assert "示例市应急管理局关于2025年度法治政府建设情况的报告" in text
    document = Document(out)
    styles = [p.style.name for p in document.paragraphs if p.text]
    assert styles[0] == "Title" and styles.count("Heading 1") == 5 and styles.count("Heading 2") == 9
    fonts = {_east_asia(run) for p in document.paragraphs for run in p.runs if run.text}
    assert fonts <= {"方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"}


def test_analysis_report_tables_and_charts(year_data, tmp_path):
    out = tmp_path / "analysis.docx"
    result = CliRunner().invoke(main, ["--data", str(year_data["data"]), "generate", "enforcement-analysis",
                                       "--year", "2025", "--agency", "测试局", "-o", str(out)])
    assert result.exit_code == 0, result.output
    document = Document(out)
    cases = year_data["cases"][2025]
    table = document.tables[0]
    rows = {row.cells[1].text: [cell.text for cell in row.cells] for row in table.rows[1:]}
    for unit, (unit_type, plan) in UNITS.items():
        count = sum(c["执法单位"] == unit for c in cases)
        previous = sum(c["执法单位"] == unit for c in year_data["cases"][2024])
        completion = f"{Decimal(count * 100) / plan:.1f}".removesuffix(".0") + "%"
        assert rows[unit][2:] == [unit_type, str(sum(10 + m for m in range(1, 13))), str(count), str(previous),
                                  rows[unit][6], str(plan), completion], unit
    ranks = [int(row.cells[4].text) for row in table.rows[1:]]
    assert ranks == sorted(ranks, reverse=True)
    top_act, top_count = max(((a, sum(c["违法行为"] == a for c in cases)) for a, _ in ACTS), key=lambda x: x[1])
    text = _text(out)
    assert f"{top_act}（{top_count}件）" in text
    county = sum(UNITS[c["执法单位"]][0] == "区县" for c in cases)
    assert f"按单位类别，各县区办理{county}件" in text
    assert "检查次数较上年【待补充：2025年执法检查次数较上年的变化】" in text  # no 2024 inspection ledger
    if find_cjk_font():
        assert len(document.inline_shapes) == len(result.output.split("统计图：")[1].split("\n")[0].split("、"))
        assert len(document.inline_shapes) >= 4
    assert "测试局2025年度行政执法分析报告" in text
    assert "审核台账记录的法制审核意见书中，同意3件、修改后同意1件。" in text


def test_missing_ledgers_are_marked_not_zero(year_data, tmp_path):
    data = tmp_path / "data"
    runner = CliRunner()
    imported = runner.invoke(main, ["--data", str(data), "ledger", "import", str(year_data["folder"] / "cases-2025.xlsx")])
    assert imported.exit_code == 0, imported.output
    out = tmp_path / "annual.docx"
    result = runner.invoke(main, ["--data", str(data), "generate", "annual-report", "--year", "2025",
                                  "--narrative", str(NARRATIVE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = _text(out)
    assert "全年共开展执法检查【待补充：2025年执法检查次数】次" in text
    assert "全年开展党组中心组学法【待补充：2025年党组中心组学法次数】次" in text
    assert "案件数较上年【待补充：2025年案件数较上年的变化】" in text
    assert "执法检查0次" not in text and "学法0次" not in text and "近1年" not in text
    assert "近【待补充：计算年均数的年数】年年均办理案件【待补充：近年年均行政处罚案件数】件" in text
    assert "待补充（" in result.output
    assert "2025年执法检查次数：执法检查台账中没有2025年的记录（补充：执法检查台账）" in result.output
    analysis = runner.invoke(main, ["--data", str(data), "generate", "enforcement-analysis", "--year", "2025",
                                    "-o", str(tmp_path / "analysis.docx")])
    assert "【待补充：2025年执法检查次数】" in _text(tmp_path / "analysis.docx")
    assert "报告机关名称：未指定报告机关" in analysis.output


def test_stats_json_and_xlsx(year_data, tmp_path):
    import json

    from openpyxl import load_workbook
    out = tmp_path / "stats.xlsx"
    result = CliRunner().invoke(main, ["--data", str(year_data["data"]), "stats", "--year", "2025", "--json",
                                       "--xlsx", str(out)], catch_exceptions=False)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    cases = year_data["cases"][2025]
    assert data["数据项"]["案件数"]["值"] == len(cases)
    assert data["数据项"]["诉讼纠错数"]["值"] == sum(c["诉讼结果"] == "败诉" for c in cases)
    assert data["数据项"]["重大行政决策审查数"]["值"] == 2  # 合审1 in both ledgers counts once
    assert [row["处罚案件数"] for row in data["各单位"]] == sorted((row["处罚案件数"] for row in data["各单位"]), reverse=True)
    workbook = load_workbook(out)
    assert workbook.sheetnames == ["数据项", "各单位", "常见违法行为", "常用处罚依据", "历年"]
    assert workbook["历年"].max_row == 3  # header, 2024, 2025


def test_charts_without_a_chinese_font_say_so(year_data, tmp_path):
    store = Store(year_data["data"] / "fazhi.sqlite")
    stats = compute_stats(store, 2025)
    store.close()
    none = draw_charts(stats, tmp_path / "none", families=("没有这种字体",))
    assert none.paths == {} and "未找到可显示中文的字体" in none.message and not (tmp_path / "none").exists()
    if find_cjk_font():
        drawn = draw_charts(stats, tmp_path / "charts")
        assert set(drawn.paths) == {"trend", "units", "completion", "ratio", "violations"}
        assert all(path.read_bytes()[:4] == b"\x89PNG" for path in drawn.paths.values())


def test_a_new_years_narrative_starts_from_the_shipped_text(tmp_path):
    runner = CliRunner()
    data, story = tmp_path / "data", tmp_path / "2026.md"
    made = runner.invoke(main, ["--data", str(data), "generate", "annual-report", "--year", "2026",
                                "--new-narrative", str(story)])
    assert made.exit_code == 0, made.output
    again = runner.invoke(main, ["--data", str(data), "generate", "annual-report", "--year", "2026",
                                 "--new-narrative", str(story)])
    assert again.exit_code != 0 and "已存在，未覆盖" in again.output
    out = tmp_path / "r.docx"
    result = runner.invoke(main, ["--data", str(data), "generate", "annual-report", "--year", "2026",
                                  "--narrative", str(story), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = _text(out)
    assert "一、2026年推进法治政府建设的主要举措和成效" in text and "四、2027年推进法治政府建设的主要安排" in text
    assert "【待补充：报告机关名称】关于2026年度法治政府建设情况的报告" in text
    assert "报告机关名称：叙述文件开头未填写“机关”" in result.output
    assert "本年度法治政府建设存在的不足及其原因：叙述文件中尚未填写" in result.output
    assert "全年共法制审核案件【待补充：2026年法制审核案件数】件" in text


def test_the_api_lists_missing_parts_and_areas(year_data, tmp_path):
    from generator.reports.annual import build_annual_report

    story = tmp_path / "short.md"
    story.write_text("---\n年度: 2025\n机关: 测试局\n本级政府: 测试市人民政府\n上级部门: 测试省应急管理厅\n"
                     "成文日期: 2026-02-01\n---\n\n# 主要举措和成效\n\n## 强化法制审核工作\n\n审核{{法核案件数}}件。\n\n"
                     "# 存在的不足和原因\n\n执法力量不足。\n", encoding="utf-8")
    store = Store(year_data["data"] / "fazhi.sqlite")
    result = build_annual_report(store, 2025, tmp_path / "r.docx", story, today=date(2026, 3, 15))
    early = build_annual_report(store, 2025, tmp_path / "r.docx", story, today=date(2025, 12, 20))
    store.close()
    assert result.notices[-1] == "注意：报送期限（2026年3月1日）已过。"
    assert early.notices[-1] == "注意：2025年尚未结束，台账数据可能不完整。"
    missing = {gap.label for gap in result.gaps}
    assert "上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况" in missing
    assert "下一年度推进法治政府建设的主要安排" in missing and "其他需要报告的情况" in missing
    assert "主要举措和成效：法治教育" in missing and "主要举措和成效：法制审核" not in missing
    assert result.privacy == [] and result.path.exists()
    assert [p.text for p in result.document.paragraphs][-2:] == ["测试局", "2026年2月1日"]


def _east_asia(run):
    """The run's East Asian font: its own, else the nearest one up its paragraph style's chain."""
    if run.element.rPr is not None and run.element.rPr.rFonts is not None:
        return run.element.rPr.rFonts.get(qn("w:eastAsia"))
    style = run._parent.style
    while style.element.rPr is None or style.element.rPr.rFonts is None:
        style = style.base_style
    return style.element.rPr.rFonts.get(qn("w:eastAsia"))


def test_a_cjk_font_installed_after_matplotlib_first_ran_is_found(monkeypatch):
    """matplotlib keeps the font list it read when it first ran; a CJK font installed since (as the
    no-font message advises) must still be found, by looking at the system's fonts again."""
    from matplotlib import font_manager

    if not any("CJK" in path or "Han" in path for path in font_manager.findSystemFonts()):
        pytest.skip("no CJK font installed")
    manager = font_manager.fontManager
    stale = [entry for entry in manager.ttflist if "CJK" not in entry.name and "Han" not in entry.name]
    monkeypatch.setattr(manager, "ttflist", stale)
    assert find_cjk_font() is not None
