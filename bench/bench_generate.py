"""Benchmark of document generation: one 法制审核意见书 with its appendix, and a batch of 100.

Run by hand:

    python bench/bench_generate.py [--count 100] [--append bench/RESULTS.md]

Start-up (imports, a fresh store with the sample content) is measured apart. Each opinion goes
through the product's whole path (`generator.documents.generate`): read and validate the case file,
run the review checks, render the template, apply the official format, write the .docx, record the
ledger row. The batch uses the sample opinion case files, each copy with its own 文号.
"""

import argparse
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

STARTED = time.perf_counter()
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import yaml  # noqa: E402
from docx import Document  # noqa: E402
from bench_search import machine  # noqa: E402
from results import write_section  # noqa: E402

from generator.documents import KINDS, generate  # noqa: E402
from kb.samples import ROOT as SAMPLES  # noqa: E402
from kb.samples import load_samples  # noqa: E402
from kb.store import Store  # noqa: E402

TARGETS = {"single": 0.3, "batch": 20.0}
HEADING = "# Document generation benchmark"


def opinion_cases(directory: Path, count: int) -> list[Path]:
    """Write `count` opinion case files into `directory`, cycling through the samples, each with its own 文号."""
    samples = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((SAMPLES / "review").glob("*.yaml"))]
    opinions = [data for data in samples if data["文书类型"] == KINDS["opinion"].name]
    paths = []
    for index in range(count):
        data = dict(opinions[index % len(opinions)], 文号=f"基准应急法审〔2026〕{index + 1}号")
        path = directory / f"case-{index + 1:03d}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        paths.append(path)
    return paths


def run(count: int) -> dict:
    """Generate one opinion cold, then `count` in a batch; return the figures in seconds."""
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-gen-") as temporary:
        root = Path(temporary)
        store = Store(root / "fazhi.sqlite")
        load_samples(store)
        cases = opinion_cases(root, count + 1)
        startup = time.perf_counter() - STARTED
        kind = KINDS["opinion"]
        started = time.perf_counter()
        first = generate(store, kind, cases[0], root / "first.docx")
        single = time.perf_counter() - started
        times = []
        batch_started = time.perf_counter()
        for index, case in enumerate(cases[1:], start=1):
            started = time.perf_counter()
            generate(store, kind, case, root / f"out-{index:03d}.docx")
            times.append(time.perf_counter() - started)
        batch = time.perf_counter() - batch_started
        figures = {"startup": startup, "single": single, "batch": batch, "count": count,
                   "median": statistics.median(times), "slowest": max(times),
                   "appendix": sum(p.style.name == "Heading 3" for p in Document(first.path).paragraphs),
                   "size_kib": first.path.stat().st_size / 1024}
        store.close()
    return figures


def report(figures: dict) -> str:
    """The Markdown section: date, machine and one table."""
    rows = [
        ("start-up: imports + fresh store with the sample content", "–", f"{figures['startup']:.2f} s"),
        ("one opinion with its appendix, first after start-up", f"≤ {TARGETS['single']} s",
         f"{figures['single']:.3f} s"),
        ("one opinion in the batch, median / slowest", "–",
         f"{figures['median']:.3f} s / {figures['slowest']:.3f} s"),
        (f"batch of {figures['count']} opinions in one process", f"≤ {TARGETS['batch']:.0f} s",
         f"{figures['batch']:.1f} s"),
    ]
    table = ["| measure | target | result |", "| --- | ---: | ---: |"] + [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join([
        HEADING,
        "",
        f"- date: {datetime.now():%Y-%m-%d %H:%M}",
        f"- machine: {machine()}",
        f"- document: 法制审核意见书 from the sample case files, appendix of {figures['appendix']} articles,"
        f" {figures['size_kib']:.0f} KiB .docx; whole path (validate, review checks, render, format, write, ledger)",
        "",
        *table,
        "",
    ])


def main() -> None:
    """Parse the command line, run the benchmark, print the table and optionally append it."""
    parser = argparse.ArgumentParser(description="法治文书生成基准：单份法制审核意见书与批量生成耗时。")
    parser.add_argument("--count", type=int, default=100, help="批量生成的份数（默认 100）")
    parser.add_argument("--append", type=Path, help="把结果表追加到该 Markdown 文件（如 bench/RESULTS.md）")
    args = parser.parse_args()
    text = report(run(args.count))
    print(text)
    if args.append:
        write_section(args.append, text)


if __name__ == "__main__":
    main()
