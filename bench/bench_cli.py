"""Wall time of one `fazhi search` from the command line, start-up included, on a whole-corpus
data directory. Run by hand:

    python bench/bench_cli.py --data DIR [--runs 7] [--out bench/RESULTS.md]

Each way of starting is run `--runs` times after one warm-up run (min and median reported):
`python -m fazhi.cli` with this interpreter and the installed entry point script beside it
(`bin/fazhi` of the environment). A `fazhi` found on PATH that is a pyenv shim runs whatever
fazhi pyenv's Python has installed, so only what the shim itself adds is measured: `fazhi --help`
through the shim against the script it dispatches to, run directly.
Bytecode: without .pyc files of fazhi's own modules (their __pycache__ folders removed and
PYTHONDONTWRITEBYTECODE=1: each start compiles them, as in a shell that sets that variable — the
library modules keep theirs), then with them written and reused, as an installed package runs.
`--tree` names the source tree whose __pycache__ folders are removed (default: this repository). The load average of the machine
before and after is printed: the machine may be shared.
"""

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from results import write_section  # noqa: E402

QUESTION = "仓库叉车司机没有特种作业操作证怎么罚"


def timed(command: list[str], env: dict, runs: int) -> list[float]:
    """Wall seconds of `runs` runs of `command` (after one warm-up run)."""
    subprocess.run(command, env=env, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return times


def shim_rows(runs: int, env: dict) -> list[str]:
    """What a pyenv shim on PATH adds: `fazhi --help` through it and through its target."""
    shim = shutil.which("fazhi")
    if not shim or "shims" not in shim:
        return []
    target = subprocess.run(["pyenv", "which", "fazhi"], capture_output=True, text=True, env=env)
    if target.returncode:
        return []
    rows = []
    for name, command in ((f"pyenv shim {shim} --help", [shim, "--help"]),
                          (f"its target {target.stdout.strip()} --help", [target.stdout.strip(), "--help"])):
        times = timed(command, env, runs)
        rows.append(f"| {name} | with .pyc | {runs} | {min(times):.3f} | {statistics.median(times):.3f} |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="a data directory holding the whole corpus")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tree", type=Path, default=REPO, help="the source tree the commands import fazhi from")
    parser.add_argument("--out", type=Path, help="write the table into this RESULTS.md")
    args = parser.parse_args()
    search = ["--data", str(args.data), "search", QUESTION]
    starts = [("python -m fazhi.cli", [sys.executable, "-m", "fazhi.cli", *search])]
    beside = Path(sys.executable).with_name("fazhi")
    if beside.exists():
        starts.append((f"entry point {beside.parent.name}/fazhi", [str(beside), *search]))
    compiled = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    for cache in args.tree.rglob("__pycache__"):
        if ".venv" not in cache.parts:
            shutil.rmtree(cache)
    modes = [("no .pyc", compiled | {"PYTHONDONTWRITEBYTECODE": "1"}), ("with .pyc", compiled)]
    before = os.getloadavg()
    rows = []
    for mode, env in modes:         # no .pyc first: the runs with .pyc write them
        for name, command in starts:
            times = timed(command, env, args.runs)
            rows.append(f"| {name} | {mode} | {args.runs} | {min(times):.3f} | {statistics.median(times):.3f} |")
    rows += shim_rows(args.runs, compiled)
    after = os.getloadavg()
    text = "\n".join([
        "# Command-line search start-up (bench_cli.py)", "",
        f"- date: {datetime.now():%Y-%m-%d %H:%M}; machine: {os.cpu_count()} CPU, Python {platform.python_version()}; "
        f"data: whole corpus ({args.data.name}); question: {QUESTION}",
        f"- load average before {before[0]:.2f}, after {after[0]:.2f} (1 min; the machine is shared)", "",
        "| start | bytecode | runs | min s | median s |", "| --- | --- | ---: | ---: | ---: |", *rows])
    print(text)
    if args.out:
        write_section(args.out, text)


if __name__ == "__main__":
    main()
