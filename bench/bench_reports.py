"""Benchmark of the ledgers and the two reports on a large synthetic bureau.

Run by hand:

    python bench/bench_reports.py [--cases 3000] [--years 5] [--append bench/RESULTS.md]

Writes synthetic case ledgers (.xlsx, one per year, ``--cases`` rows each, 20 units) and inspection
and plan ledgers (.csv), then times the product's own calls: the first import, a re-import of the
same files (nothing counted twice), ``compute_stats`` of the last year, the annual report (shipped
sample narrative) and the enforcement analysis with its charts.
"""

import argparse
import csv
import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from openpyxl import Workbook  # noqa: E402
from bench_search import machine  # noqa: E402
from results import write_section  # noqa: E402

from generator.reports.analysis import build_enforcement_analysis  # noqa: E402
from generator.reports.annual import build_annual_report  # noqa: E402
from generator.reports.stats import compute_stats  # noqa: E402
from kb.ledgers import KINDS, import_ledger  # noqa: E402
from kb.store import Store  # noqa: E402

HEADING = "# Ledger and report benchmark"
NARRATIVE = REPO / "kb" / "samples" / "ledgers" / "示例市应急管理局-2025年度报告叙述.md"
LAST_YEAR = 2025
UNITS = [f"第{n}区" for n in range(1, 17)] + ["甲园区", "乙园区", "危化科", "工贸科"]
ACTS = [("未采取措施消除事故隐患", "第一百零二条"), ("未如实记录安全生产教育和培训情况", "第九十七条第四项"),
        ("未为从业人员提供符合国家标准或者行业标准的劳动防护用品", "第九十九条第五项")]
TARGETS = {"import": 10.0, "stats": 2.0, "annual": 5.0, "analysis": 10.0}  # annual: includes loading jieba


def write_ledgers(folder: Path, years: int, cases: int) -> list[Path]:
    """The synthetic ledger files of ``years`` years ending with LAST_YEAR."""
    rng, files = random.Random(1), []
    columns = [column.name for column in KINDS["cases"].columns]
    for year in range(LAST_YEAR - years + 1, LAST_YEAR + 1):
        workbook = Workbook()
        sheet = workbook.active
        sheet.append(columns)
        for n in range(cases):
            act, article = rng.choice(ACTS)
            court = rng.random() < 0.05
            row = {"案件编号": f"{year}-{n:05d}", "决定日期": date(year, 1, 1) + timedelta(days=rng.randrange(360)),
                   "执法单位": rng.choice(UNITS), "违法行为": act, "处罚依据": f"《中华人民共和国安全生产法》{article}",
                   "罚没款（元）": rng.choice([5000, 20000, 50000]), "是否法制审核": rng.choice(["是", "否"]),
                   "是否听证": "否", "移送法院强制执行": "是" if court else "否", "追缴金额（元）": 5000 if court else None}
            sheet.append([row.get(name) for name in columns])
        files.append(folder / f"cases-{year}.xlsx")
        workbook.save(files[-1])
    with (folder / "inspections.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["年度", "月份", "执法单位", "检查次数"])
        writer.writerows([y, m, unit, rng.randint(10, 60)] for y in range(LAST_YEAR - years + 1, LAST_YEAR + 1)
                         for m in range(1, 13) for unit in UNITS)
    with (folder / "plans.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["年度", "执法单位", "单位类别", "预防性处罚案件计划数"])
        writer.writerows([LAST_YEAR, unit, "区县" if "区" in unit and "园" not in unit else "园区" if "园" in unit
                          else "科室", cases // len(UNITS)] for unit in UNITS)
    return files + [folder / "inspections.csv", folder / "plans.csv"]


def timed(call):
    """(seconds, result) of one call."""
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def run(cases: int, years: int) -> str:
    """Run the benchmark and return its Markdown section."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = write_ledgers(folder, years, cases)
        store = Store(folder / "fazhi.sqlite")
        first, _ = timed(lambda: [import_ledger(store, path) for path in files])
        again, reports = timed(lambda: [import_ledger(store, path) for path in files])
        unchanged = sum(sum(report.written.unchanged.values()) for report in reports)
        stats_s, stats = timed(lambda: compute_stats(store, LAST_YEAR))
        annual_s, _ = timed(lambda: build_annual_report(store, LAST_YEAR, folder / "annual.docx", NARRATIVE, stats))
        analysis_s, result = timed(lambda: build_enforcement_analysis(store, LAST_YEAR, folder / "analysis.docx",
                                                                      "测试局", folder / "charts", stats))
        store.close()
    rows = [("first import of all files", TARGETS["import"], first),
            (f"re-import (unchanged rows: {unchanged})", TARGETS["import"], again),
            (f"compute_stats {LAST_YEAR}", TARGETS["stats"], stats_s),
            ("annual report (.docx)", TARGETS["annual"], annual_s),
            (f"enforcement analysis with {len(result.charts)} charts", TARGETS["analysis"], analysis_s)]
    return "\n".join([
        HEADING, "",
        f"- date: {datetime.now():%Y-%m-%d %H:%M}",
        f"- machine: {machine()}, load average {os.getloadavg()[0]:.1f} at the start",
        f"- ledgers: {years} years × {cases} cases (.xlsx), {len(UNITS)} units, monthly inspections and plans (.csv)",
        "", "| step | target | measured |", "| --- | ---: | ---: |",
        *(f"| {name} | ≤ {target:g} s | {seconds:.2f} s |" for name, target, seconds in rows), ""])


def main() -> None:
    """Parse the command line, run the benchmark, print the table and optionally append it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=3000, help="每年的案件数")
    parser.add_argument("--years", type=int, default=5, help="年数")
    parser.add_argument("--append", type=Path, help="把结果表写入该 Markdown 文件（如 bench/RESULTS.md）")
    args = parser.parse_args()
    text = run(args.cases, args.years)
    print(text)
    if args.append:
        write_section(args.append, text)


if __name__ == "__main__":
    main()
