"""The enforcement analysis report (执法分析报告) of one year as an official-format .docx.

Written in code from the statistics: overall figures and the change against
the previous year, the ranking of the units, plan completion, the
inspections-to-penalties ratio (against 重检查、轻执法), the most frequent
violations and penalty articles, 复议/诉讼 and transfers, with the charts
embedded.  Figures without data are written as 【待补充：…】 and listed as gaps.
"""

from __future__ import annotations

from datetime import date
from os import PathLike
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentType

from generator import official_format as of
from generator.filters import date_text
from generator.render import save_atomically
from generator.reports import charts as ch
from generator.reports.docx_parts import add_chart, add_signature, add_table
from generator.reports.enforcement import UnitRow, type_totals
from generator.reports.figures import GAP_CLOSE, GAP_OPEN, Figure, format_decimal, wan
from generator.reports.result import Gap, ReportResult
from generator.reports.stats import Stats, compute_stats
from generator.signature import define_signature_style
from kb.store import Store

AGENCY_LABEL = "报告机关名称"
RANK_SHOWN = 3
UNIT_HEADERS = ["排名", "单位", "类别", "检查次数", "处罚案件数", "上年案件数", "罚没款（万元）", "计划数", "完成率"]
UNIT_WEIGHTS = [0.7, 3, 0.8, 1, 1, 1, 1.1, 0.9, 1.1]
LIST_WEIGHTS = [0.7, 6, 1.1]
TYPE_NAMES = {"区县": "各县区", "园区": "各园区", "科室": "局机关科室"}


class _Writer:
    """Writes the report's paragraphs and remembers which figures it used."""

    def __init__(self, stats: Stats, charts: ch.ChartSet) -> None:
        self.stats, self.charts = stats, charts
        self.used: dict[str, Figure] = {}
        self.document = Document()
        of.setup_document(self.document)
        define_signature_style(self.document)
        self.numberer = of.HeadingNumberer()

    def f(self, name: str) -> str:
        """The text of figure ``name`` (recorded as used)."""
        figure = self.stats[name]
        self.used[name] = figure
        return figure.text()

    def heading(self, text: str) -> None:
        """A level-1 heading with the next label (一、 二、 …)."""
        of.add_heading(self.document, 1, self.numberer.next_label(1) + text)

    def body(self, text: str) -> None:
        """A body paragraph."""
        of.add_body(self.document, text)

    def chart(self, name: str) -> None:
        """The chart ``name`` with its caption, when it was drawn."""
        if name in self.charts.paths:
            year = "" if name == ch.TREND else f"{self.stats.year}年"
            add_chart(self.document, self.charts.paths[name], f"图：{year}{ch.TITLES[name]}")


def build_enforcement_analysis(store: Store, year: int, out: str | PathLike, agency: str | None = None,
                               chart_dir: str | PathLike | None = None, stats: Stats | None = None,
                               today: date | None = None) -> ReportResult:
    """Write the enforcement analysis report of ``year`` to ``out``; the charts go to ``chart_dir``.

    ``chart_dir`` defaults to a folder beside ``out`` named after it (…-图表).
    """
    out = Path(out)
    stats = stats or compute_stats(store, year)
    charts = ch.draw_charts(stats, chart_dir or out.with_name(f"{out.stem}-图表"))
    writer = _Writer(stats, charts)
    name = agency or f"{GAP_OPEN}{AGENCY_LABEL}{GAP_CLOSE}"
    title = f"{name}{year}年度行政执法分析报告"
    of.add_title(writer.document, title)
    _overall(writer)
    _ranking(writer)
    _plans(writer)
    _ratio(writer)
    _violations(writer)
    _litigation(writer)
    _suggestions(writer)
    add_signature(writer.document, name, date_text(today or date.today()))
    writer.document.core_properties.title = title
    save_atomically(writer.document, out)
    gaps = ([] if agency else [Gap(AGENCY_LABEL, "未指定报告机关（--agency）")])
    gaps += [Gap.of(figure) for figure in writer.used.values() if not figure.known]
    notices = [charts.message] if charts.message else []
    return ReportResult(title, out, writer.document, gaps, dict(charts.paths), [], notices)


def _overall(w: _Writer) -> None:
    year = w.stats.year
    w.heading("总体情况")
    w.body(f"{year}年，全系统共开展执法检查{w.f('检查次数')}次，其中“双随机、一公开”抽查{w.f('双随机检查次数')}次、"
           f"联合执法检查{w.f('联合检查次数')}次，检查次数较上年{w.f('检查次数变化')}；办理行政处罚案件{w.f('案件数')}件，较上年{w.f('案件数变化')}；"
           f"罚没款{w.f('罚没款万元')}万元，较上年{w.f('罚没款变化')}。")
    w.body(f"法制审核案件{w.f('法核案件数')}件，出具法制审核意见书{w.f('法核意见数')}件；组织听证{w.f('听证案件数')}件；"
           f"移送人民法院强制执行{w.f('移送强制执行数')}件，追缴罚没款{w.f('追缴金额万元')}万元；"
           f"涉嫌犯罪移送司法机关{w.f('移送司法机关数')}件。")
    if w.stats["法核结论"].known:
        w.body(f"审核台账记录的法制审核意见书中，{w.f('法核结论')}。")
    if len(w.stats.trend) >= 2:
        w.body("近年行政处罚案件数和罚没款：" + "；".join(
            f"{point.year}年{point.cases}件、{format_decimal(point.fines)}万元" for point in w.stats.trend) + "。")
    w.chart(ch.TREND)


def _ranking(w: _Writer) -> None:
    w.heading("各单位执法情况排名")
    units = w.stats.units
    if not units:
        _no_cases(w, "各单位执法数据")
        return
    ranked = [row for row in units if row.cases]
    if ranked:
        top = "、".join(f"{row.unit}（{row.cases}件）" for row in ranked[:RANK_SHOWN])
        text = f"按行政处罚案件数排名，居前{min(RANK_SHOWN, len(ranked))}位的是{top}"
        low = [row for row in units[::-1] if row not in ranked[:RANK_SHOWN]][:RANK_SHOWN]
        if low:
            text += f"；居后{len(low)}位的是" + "、".join(f"{row.unit}（{row.cases}件）" for row in low[::-1])
        w.body(text + "。")
    totals = type_totals(units)
    if totals:
        w.body("按单位类别，" + "，".join(f"{TYPE_NAMES[unit_type]}办理{cases}件、罚没款{format_decimal(wan(fines))}万元"
                                      for unit_type, cases, fines in totals) + "。")
    add_table(w.document, UNIT_HEADERS, [_unit_cells(row) for row in units], UNIT_WEIGHTS)
    w.chart(ch.UNITS)


def _no_cases(w: _Writer, what: str) -> None:
    """The sentence for a section without cases: none were decided, or the case ledger is missing."""
    cases = w.stats["案件数"]
    w.used["案件数"] = cases
    w.body("全年未办理行政处罚案件。" if cases.known else f"{GAP_OPEN}{w.stats.year}年{what}{GAP_CLOSE}")


def _unit_cells(row: UnitRow) -> list[str]:
    dash = "—"
    return [str(row.rank), row.unit, row.unit_type or dash, dash if row.inspections is None else str(row.inspections),
            str(row.cases), dash if row.previous_cases is None else str(row.previous_cases),
            format_decimal(wan(row.fines)), dash if row.plan is None else str(row.plan),
            dash if row.completion is None else f"{format_decimal(row.completion, 1)}%"]


def _plans(w: _Writer) -> None:
    w.heading("预防性处罚案件计划完成情况")
    w.body(f"全年向{w.f('计划单位数')}个单位下达预防性处罚案件计划{w.f('计划案件数')}件，计划完成率{w.f('计划完成率')}%，"
           f"{w.f('完成计划单位数')}个单位完成计划。未完成计划的单位：{w.f('未完成计划单位')}。")
    w.chart(ch.COMPLETION)


def _ratio(w: _Writer) -> None:
    w.heading("检查与处罚对比分析")
    w.body(f"全系统执法检查次数与行政处罚案件数之比为{w.f('检查处罚比')}，即平均每{w.f('检查处罚比')}次执法检查实施一次行政处罚。")
    overall = w.stats["检查处罚比"]
    if overall.known:
        high = [row for row in w.stats.units if row.ratio is not None and row.ratio > overall.value]
        zero = [row.unit for row in w.stats.units if row.inspections and not row.cases]
        if high:
            w.body("比值高于全系统的单位有" + "、".join(f"{row.unit}（{format_decimal(row.ratio, 1)}）" for row in high)
                   + "，存在重检查、轻执法的倾向，应当在检查中依法查处违法行为。")
        if zero:
            w.body("开展了执法检查但未办理行政处罚案件的单位有" + "、".join(zero) + "。")
    w.chart(ch.RATIO)


def _violations(w: _Writer) -> None:
    w.heading("违法行为和处罚依据分析")
    if not w.stats.violations:
        _no_cases(w, "违法行为和处罚依据")
        return
    w.body("行政处罚案件涉及的违法行为中，出现最多的是" + "、".join(
        f"{name}（{count}件）" for name, count in w.stats.violations[:RANK_SHOWN]) + "。")
    add_table(w.document, ["序号", "违法行为", "案件数"],
              [[str(index), name, str(count)] for index, (name, count) in enumerate(w.stats.violations, 1)], LIST_WEIGHTS)
    w.chart(ch.VIOLATIONS)
    w.body("适用最多的处罚依据如下表。")
    add_table(w.document, ["序号", "处罚依据", "案件数"],
              [[str(index), name, str(count)] for index, (name, count) in enumerate(w.stats.articles, 1)], LIST_WEIGHTS)


def _litigation(w: _Writer) -> None:
    w.heading("行政复议、行政诉讼和案件移送情况")
    w.body(f"全年{w.f('复议结果')}，{w.f('诉讼结果')}；{w.f('复议诉讼纠错情况')}。移送人民法院强制执行{w.f('移送强制执行数')}件，"
           f"追缴罚没款{w.f('追缴金额万元')}万元；涉嫌犯罪移送公安机关{w.f('移送公安数')}件、移送检察机关{w.f('移送检察数')}件。")


def _suggestions(w: _Writer) -> None:
    w.heading("存在的问题和工作建议")
    stats = w.stats
    points = []
    missed = stats["未完成计划单位"]
    if missed.known and missed.value != "无":
        points.append(f"{missed.value}未完成年度预防性处罚案件计划，应督促其加大执法力度，确保计划完成。")
    overall = stats["检查处罚比"]
    if overall.known and any(row.ratio is not None and row.ratio > overall.value for row in stats.units):
        points.append("部分单位检查次数多、处罚案件少，应对检查中发现的违法行为依法立案查处，扭转重检查、轻执法现象。")
    if any(stats[name].known and stats[name].value for name in ("复议纠错数", "诉讼纠错数")):
        points.append("本年度有行政复议、行政诉讼纠错案件，应逐案分析原因，改进执法程序和证据收集。")
    if any(not figure.known for figure in w.used.values()):
        points.append("部分台账数据尚未报送或填写不全，应按台账模板及时报送，保证统计数据完整准确。")
    for index, text in enumerate(points or ["全年执法工作总体规范，应继续保持执法力度，提升执法质量。"], start=1):
        w.body(f"{of.heading_label(3, index)}{text}")
