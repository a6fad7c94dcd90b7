"""PNG charts of a year's statistics (matplotlib), with Chinese labels in a font found on the machine.

The font is looked up in matplotlib's font manager among the CJK families
named in ``CJK_FAMILIES`` (Noto CJK, Source Han, WenQuanYi, the Windows
fonts).  When none is installed no chart is drawn and ``ChartSet.message``
says which fonts to install; the reports are written without charts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager  # noqa: E402  (the backend is chosen first)
from matplotlib import pyplot as plt  # noqa: E402

from generator.reports.stats import Stats  # noqa: E402

CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "Source Han Sans CN",
                "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "SimSun",
                "Noto Sans CJK TC", "Noto Sans CJK JP")
DPI = 200
WIDTH_IN, HEIGHT_IN = 6.4, 3.6
BAR, LINE, GOAL = "#2f5597", "#c00000", "#7f7f7f"
HEADROOM = 1.3  # room above the highest bar for the labels and the legend
NO_FONT_MESSAGE = ("未找到可显示中文的字体，未生成图表。请安装中文字体（如 Noto Sans CJK SC：Debian/Ubuntu 执行 "
                   "apt install fonts-noto-cjk），然后重新生成。")

TREND, UNITS, COMPLETION, RATIO, VIOLATIONS = "trend", "units", "completion", "ratio", "violations"
TITLES = {TREND: "历年行政处罚案件数与罚没款", UNITS: "各单位行政处罚案件数", COMPLETION: "各单位预防性处罚案件计划完成率",
          RATIO: "各单位执法检查次数与处罚案件数之比", VIOLATIONS: "常见违法行为"}


@dataclass
class ChartSet:
    """The charts drawn, by name (trend, units, completion, ratio, violations), and a message when none could be."""

    paths: dict[str, Path] = field(default_factory=dict)
    font: str = ""
    message: str = ""


def find_cjk_font(families: tuple[str, ...] = CJK_FAMILIES) -> str | None:
    """The first of ``families`` that matplotlib's font manager knows, or None. When it knows none,
    the system's fonts are looked at again first: matplotlib keeps the list it read when it first
    ran, so a font installed since (as NO_FONT_MESSAGE advises) would stay unknown."""
    found = _known(families)
    if found is None:
        manager = font_manager.fontManager
        listed = {entry.fname for entry in manager.ttflist}
        for path in font_manager.findSystemFonts():
            if path not in listed:
                try:
                    manager.addfont(path)
                except (OSError, RuntimeError, ValueError):     # a file FreeType cannot read
                    continue
        found = _known(families)
    return found


def _known(families: tuple[str, ...]) -> str | None:
    known = {entry.name for entry in font_manager.fontManager.ttflist}
    return next((family for family in families if family in known), None)


def draw_charts(stats: Stats, folder: str | PathLike, families: tuple[str, ...] = CJK_FAMILIES) -> ChartSet:
    """Draw the charts of ``stats`` that have data into ``folder``, in the first of ``families`` installed."""
    family = find_cjk_font(families)
    if family is None:
        return ChartSet(message=NO_FONT_MESSAGE)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    charts = ChartSet(font=family)
    with plt.rc_context({"font.family": family, "axes.unicode_minus": False, "font.size": 9}):
        for name, draw in _DRAWERS.items():
            data = draw(stats)
            if data is None:
                continue
            figure, axes = data
            axes.set_title(TITLES[name].replace("历年", f"{stats.trend[0].year}—{stats.year}年") if name == TREND
                           else f"{stats.year}年{TITLES[name]}")
            figure.tight_layout()
            path = folder / f"{stats.year}-{name}.png"
            figure.savefig(path, dpi=DPI)
            plt.close(figure)
            charts.paths[name] = path
    return charts


def _trend(stats: Stats):
    if len(stats.trend) < 2:
        return None
    figure, axes = plt.subplots(figsize=(WIDTH_IN, HEIGHT_IN))
    years = [str(point.year) for point in stats.trend]
    bars = axes.bar(years, [point.cases for point in stats.trend], color=BAR, label="案件数（件）")
    axes.bar_label(bars, fontsize=8, label_type="center", color="white")
    axes.set_ylabel("案件数（件）")
    axes.set_ylim(0, max(point.cases for point in stats.trend) * HEADROOM or 1)
    money = axes.twinx()
    fines = [float(point.fines) for point in stats.trend]
    money.plot(years, fines, color=LINE, marker="o", label="罚没款（万元）")
    for year, amount in zip(years, fines):
        money.annotate(f"{amount:g}", (year, amount), textcoords="offset points", xytext=(0, 6), ha="center",
                       fontsize=8, color=LINE)
    money.set_ylabel("罚没款（万元）")
    money.set_ylim(0, max(fines) * HEADROOM or 1)
    handles = [bars, *money.get_lines()]
    axes.legend(handles, [handle.get_label() for handle in handles], loc="upper left", fontsize=8, ncols=2)
    return figure, axes


def _hbars(labels: list[str], values: list[float], texts: list[str], colours=BAR, unit: str = "件"):
    """A horizontal bar chart, one bar a row from the top down, each labelled with its text."""
    figure, axes = plt.subplots(figsize=(WIDTH_IN, max(HEIGHT_IN, 0.35 * len(labels) + 1)))
    colours = colours[::-1] if isinstance(colours, list) else colours
    bars = axes.barh(labels[::-1], values[::-1], color=colours)
    axes.bar_label(bars, labels=texts[::-1], fontsize=8, padding=2)
    axes.set_xlabel(unit)
    return figure, axes


def _units(stats: Stats):
    rows = [row for row in stats.units if row.cases or row.plan]
    if not rows:
        return None
    figure, axes = _hbars([row.unit for row in rows], [row.cases for row in rows], [str(row.cases) for row in rows])
    planned = [(row.unit, row.plan) for row in rows if row.plan]
    if planned:
        axes.scatter([plan for _, plan in planned], [unit for unit, _ in planned], marker="|", s=200,
                     color=LINE, label="计划数", zorder=3)
        axes.legend(fontsize=8, loc="lower right")
    return figure, axes


def _completion(stats: Stats):
    rows = sorted((row for row in stats.units if row.completion is not None), key=lambda row: -row.completion)
    if not rows:
        return None
    figure, axes = _hbars([row.unit for row in rows], [float(row.completion) for row in rows],
                          [f"{row.completion}%" for row in rows],
                          [BAR if row.completion >= 100 else LINE for row in rows], "完成率（%）")
    axes.axvline(100, color=GOAL, linestyle="--", linewidth=1)
    return figure, axes


def _ratio(stats: Stats):
    rows = sorted((row for row in stats.units if row.ratio is not None), key=lambda row: -row.ratio)
    if not rows:
        return None
    figure, axes = _hbars([row.unit for row in rows], [float(row.ratio) for row in rows],
                          [str(row.ratio) for row in rows], unit="检查次数 / 处罚案件数")
    overall = stats["检查处罚比"]
    if overall.known:
        axes.axvline(float(overall.value), color=LINE, linestyle="--", linewidth=1, label=f"全系统 {overall.text()}")
        axes.legend(fontsize=8, loc="lower right")
    return figure, axes


def _violations(stats: Stats):
    if not stats.violations:
        return None
    labels = [name if len(name) <= 18 else name[:17] + "…" for name, _ in stats.violations]
    return _hbars(labels, [count for _, count in stats.violations], [str(count) for _, count in stats.violations])


_DRAWERS = {TREND: _trend, UNITS: _units, COMPLETION: _completion, RATIO: _ratio, VIOLATIONS: _violations}
