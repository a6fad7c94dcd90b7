"""Small statute folders and child processes for the robustness tests (tests/test_robust_*.py).

The laws are copies of the 安全生产法 fixture under test titles (测试用安全条例…), so a folder of
any size is made in milliseconds; child processes run real imports and are killed at chosen points.
"""

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from fazhi.cli import main
from kb.numerals import int_to_chinese

ROOT = Path(__file__).parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "statutes" / "安全生产法（节选）.txt"
QUERY = "安全生产教育和培训"          # words of the fixture's article text
TITLE = "测试用安全条例"


def make_laws(folder: Path, count: int, start: int = 1) -> list[Path]:
    """Write `count` statute files into `folder` (测试用安全条例一 …), each the fixture's text."""
    folder.mkdir(parents=True, exist_ok=True)
    body = FIXTURE.read_text(encoding="utf-8").split("\n", 1)[1]
    paths = []
    for number in range(start, start + count):
        path = folder / f"{TITLE}{int_to_chinese(number)}.txt"
        path.write_text(f"{TITLE}{int_to_chinese(number)}\n{body}", encoding="utf-8")
        paths.append(path)
    return paths


def fazhi(*args: str, data: Path, **kwargs) -> subprocess.CompletedProcess:
    """Run the fazhi command line in a child process; return it with its output as text."""
    return subprocess.run([sys.executable, "-m", "fazhi.cli", "--data", str(data), *args],
                          capture_output=True, text=True, cwd=ROOT, env=child_env(), **kwargs)


def cli(*args: str, data: Path) -> subprocess.CompletedProcess:
    """Run the fazhi command line in this process (faster than a child; same outcome shape)."""
    result = CliRunner().invoke(main, ["--data", str(data), *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


def child_env() -> dict:
    """The environment of a child: this checkout importable, no colours."""
    return {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}


def start_python(code: str, **kwargs) -> subprocess.Popen:
    """Start a Python child running `code` (with this checkout importable)."""
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=child_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)
