"""The statistics of a year as JSON-ready data, as printable tables and as an .xlsx workbook."""

from __future__ import annotations

from decimal import Decimal
from os import PathLike

from openpyxl import Workbook

from generator.reports.figures import format_decimal, wan
from generator.reports.stats import Stats

UNIT_COLUMNS = ("排名", "单位", "类别", "检查次数", "处罚案件数", "上年案件数", "罚没款（万元）", "计划数", "完成率（%）",
                "检查处罚比")


def stats_data(stats: Stats) -> dict:
    """Every statistic as plain JSON values (numbers as numbers, missing figures as null with the reason)."""
    return {
        "年度": stats.year,
        "数据项": {name: {"说明": f.label, "值": _plain(f.value), "单位": f.unit, "来源": f.source,
                        **({"缺少原因": f.missing} if not f.known else {})}
                for name, f in stats.figures.items()},
        "各单位": [dict(zip(UNIT_COLUMNS, _unit_values(row))) for row in stats.units],
        "常见违法行为": [{"违法行为": name, "案件数": count} for name, count in stats.violations],
        "常用处罚依据": [{"处罚依据": name, "案件数": count} for name, count in stats.articles],
        "历年": [{"年度": p.year, "案件数": p.cases, "罚没款（万元）": float(p.fines), "检查次数": p.inspections}
               for p in stats.trend],
    }


def stats_lines(stats: Stats) -> list[str]:
    """The statistics as lines of text for the terminal."""
    lines = [f"{stats.year}年执法与法治工作统计", ""]
    lines += [f"{f.label}：{f.with_unit()}" for name, f in stats.figures.items() if name not in ("年度", "上年度", "下年度")]
    if stats.units:
        lines += ["", "各单位（按处罚案件数排名）：", "　".join(UNIT_COLUMNS)]
        lines += ["　".join("—" if value is None else str(value) for value in _unit_values(row)) for row in stats.units]
    for title, rows in (("常见违法行为", stats.violations), ("常用处罚依据", stats.articles)):
        if rows:
            lines += ["", f"{title}："] + [f"  {index}. {name}　{count}件" for index, (name, count) in enumerate(rows, 1)]
    if stats.trend:
        lines += ["", "历年："] + [f"  {p.year}年　案件{p.cases}件　罚没款{format_decimal(p.fines)}万元"
                                  + (f"　检查{p.inspections}次" if p.inspections is not None else "") for p in stats.trend]
    return lines


def write_stats_xlsx(stats: Stats, path: str | PathLike) -> None:
    """Write the statistics to an .xlsx workbook: figures, units, violations, articles, trend."""
    data = stats_data(stats)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "数据项"
    sheet.append(["名称", "说明", "值", "单位", "来源", "缺少原因"])
    for name, item in data["数据项"].items():
        sheet.append([name, item["说明"], item["值"], item["单位"], item["来源"], item.get("缺少原因", "")])
    for title, rows in (("各单位", data["各单位"]), ("常见违法行为", data["常见违法行为"]),
                        ("常用处罚依据", data["常用处罚依据"]), ("历年", data["历年"])):
        sheet = workbook.create_sheet(title)
        if rows:
            sheet.append(list(rows[0]))
            for row in rows:
                sheet.append(list(row.values()))
    workbook.save(path)


def _unit_values(row) -> list:
    return [row.rank, row.unit, row.unit_type, row.inspections, row.cases, row.previous_cases, float(wan(row.fines)),
            row.plan, _plain(row.completion), _plain(row.ratio)]


def _plain(value):
    return float(value) if isinstance(value, Decimal) else value
