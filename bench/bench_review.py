"""The review scenario table: every scenario of tests/scenarios/ run against the sample store, with
the expected and actual status of each check and the proposed conclusion. Prints one table and
writes its section of bench/RESULTS.md.

    python bench/bench_review.py
"""

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from bench.results import write_section  # noqa: E402
from kb.samples import load_samples  # noqa: E402
from kb.store import Store  # noqa: E402
from scenario_cases import run, scenarios  # noqa: E402


def main() -> None:
    """Run every scenario and print the table."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder) / "fazhi.sqlite")
        load_samples(store)
        rows, passed, start = [], 0, time.perf_counter()
        for scenario in scenarios():
            review, outcomes, conclusion_ok = run(store, scenario)
            ok = conclusion_ok and all(o.ok for o in outcomes)
            passed += ok
            checks = "；".join(f"{o.expectation.check} {o.expectation.status}"
                              + ("" if o.ok else f"（实为：{o.why}）") for o in outcomes)
            rows.append(f"| {scenario.name} | {scenario.description} | {checks} | {review.proposed.result} | "
                        f"{'✓' if ok else '✗'} |")
        seconds = time.perf_counter() - start
        store.close()
    lines = ["# Review scenarios (tests/scenarios)", "", f"Measured {date.today().isoformat()}.", "",
             f"{passed} of {len(rows)} scenarios give the expected status, article and wording "
             f"({seconds:.1f} s for all, sample store; 2-core machine shared with other jobs).", "",
             "| scenario | what it shows | expected findings | proposed conclusion | ok |",
             "| --- | --- | --- | --- | :-: |", *rows]
    text = "\n".join(lines)
    print(text)
    write_section(ROOT / "bench" / "RESULTS.md", text)


if __name__ == "__main__":
    main()
