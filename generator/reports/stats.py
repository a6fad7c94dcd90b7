"""The statistics of one year, computed from the ledgers and the review ledger: one call, one result.

``compute_stats`` gathers every figure the two reports use (by name, as the
narrative Markdown refers to them), the per-unit table with ranking and plan
completion, the most frequent violations and penalty articles, and the
multi-year trend.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from generator.reports import activities, enforcement
from generator.reports.enforcement import UnitRow
from generator.reports.figures import Figure, figure, wan
from generator.review import ledger as review_ledger
from kb.ledgers import store as ledger_store
from kb.ledgers.kinds import CASES, INSPECTIONS, LEGALITY, PLANS, PUBLICITY, TRAINING
from kb.store import Store
from templates import COMMENTARY, LEGALITY as LEGALITY_DOC, OPINION

TREND_YEARS = 5
MIN_TREND_YEARS = 2


@dataclass
class TrendPoint:
    """One year of the trend: cases, fines (万元), inspections (None when not recorded), court-enforcement
    transfers and the amount recovered (万元; None when a transfer lacks it)."""

    year: int
    cases: int
    fines: Decimal
    inspections: int | None
    transfers: int = 0
    recovered: Decimal | None = None


@dataclass
class Stats:
    """Every statistic of one year; ``figures`` by name, in the order they were computed."""

    year: int
    figures: dict[str, Figure]
    units: list[UnitRow] = field(default_factory=list)
    violations: list[tuple[str, int]] = field(default_factory=list)
    articles: list[tuple[str, int]] = field(default_factory=list)
    trend: list[TrendPoint] = field(default_factory=list)

    @property
    def gaps(self) -> list[Figure]:
        """The figures without data."""
        return [f for f in self.figures.values() if not f.known]

    def __getitem__(self, name: str) -> Figure:
        return self.figures[name]


def compute_stats(store: Store, year: int) -> Stats:
    """Compute the statistics of ``year`` from the ledgers in ``store`` and its review ledger."""
    load = lambda kind, years: ledger_store.rows(store, kind, years)
    cases, previous = load(CASES, [year]), load(CASES, [year - 1])
    plans, inspections = load(PLANS, [year]), load(INSPECTIONS, [year])
    reviewed = review_ledger.entries(store, year)
    of_type = lambda name: [entry for entry in reviewed if entry.doc_type == name]
    units = enforcement.unit_rows(cases, previous, plans, inspections)
    trend = _trend(store, year)
    figures = {"年度": figure("年度", "报告年度", year), "上年度": figure("上年度", "上一年度", year - 1),
               "下年度": figure("下年度", "下一年度", year + 1)}
    figures |= enforcement.case_figures(year, cases, previous, of_type(OPINION))
    figures |= enforcement.inspection_figures(year, inspections, cases, load(INSPECTIONS, [year - 1]))
    figures |= enforcement.plan_figures(year, units, plans)
    figures |= _average_figures(year, trend)
    figures |= activities.legality_figures(year, load(LEGALITY, [year]), of_type(LEGALITY_DOC), of_type(COMMENTARY))
    figures |= activities.training_figures(year, load(TRAINING, [year]))
    figures |= activities.publicity_figures(year, load(PUBLICITY, [year]))
    return Stats(year, figures, units, enforcement.top_violations(cases), enforcement.top_articles(cases), trend)


def _trend(store: Store, year: int) -> list[TrendPoint]:
    """The years up to ``year`` (at most TREND_YEARS) for which the case ledger holds rows."""
    years = [y for y in ledger_store.years(store, CASES) if year - TREND_YEARS < y <= year]
    cases = ledger_store.rows(store, CASES, years) if years else []
    inspections = ledger_store.rows(store, INSPECTIONS, years) if years else []
    points = []
    for y in years:
        of_year = [c for c in cases if c["年"] == y]
        checked = [row["检查次数"] for row in inspections if row["年"] == y]
        transfers = [c["追缴金额（元）"] for c in of_year if c["移送法院强制执行"]]
        recovered = None if None in transfers else wan(sum(transfers, Decimal(0)))
        points.append(TrendPoint(y, len(of_year), wan(sum((c["罚没款（元）"] for c in of_year), Decimal(0))),
                                 sum(checked) if checked else None, len(transfers), recovered))
    return points


def _average_figures(year: int, trend: list[TrendPoint]) -> dict[str, Figure]:
    """Averages and totals over the trend years; they need at least MIN_TREND_YEARS years."""
    none = (f"执法案件台账中没有{year}年及以前的记录" if not trend
            else f"执法案件台账中只有{len(trend)}年的记录，至少需要{MIN_TREND_YEARS}年")
    count = len(trend) if len(trend) >= MIN_TREND_YEARS else 0
    recent = f"近{count}年" if count else "近年"
    figures = [
        figure("统计年数", "计算年均数的年数", count or None, "年", CASES.name, none),
        figure("年均案件数", f"{recent}年均行政处罚案件数",
               int(Decimal(sum(p.cases for p in trend) / Decimal(count)).quantize(1, ROUND_HALF_UP)) if count else None,
               "件", CASES.name, none),
        figure("年均罚没款万元", f"{recent}年均罚没款",
               (sum(p.fines for p in trend) / count).quantize(Decimal("0.01"), ROUND_HALF_UP) if count else None,
               "万元", CASES.name, none),
        figure("累计移送强制执行数", f"{recent}移送人民法院强制执行案件数",
               sum(p.transfers for p in trend) if count else None, "件", CASES.name, none),
        figure("累计追缴金额万元", f"{recent}移送强制执行追缴金额",
               sum((p.recovered for p in trend), Decimal(0)) if count and all(p.recovered is not None for p in trend)
               else None, "万元", CASES.name,
               none if not count else "有移送强制执行的案件未填写追缴金额"),
    ]
    return {f.name: f for f in figures}
