"""Every command README.md shows runs as written: its ```bash blocks, in order, in one fresh data directory.

Commands run in-process through the CLI (click's CliRunner with fazhi.cli.main) from a temporary
working directory that sees the repository's `kb/` and `templates/`, so the files the README names
must ship. Lines that cannot run here are listed in NOT_RUN with the reason; a line whose comment says
`# placeholder:` names a user's own file, which must not exist in the repository, and its command and
options must still exist; where the test stands in for the user's files (OWN_CASE, a sample case file
made the bureau's own, with its opinion in the review ledger) the line runs as written too.
`fazhi serve` runs in the background on a free port, where the README's curl lines must answer.
"""

import glob
import importlib.util
import re
import shlex
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from fazhi.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
LINKED = ("kb", "templates")          # the repository folders README commands read from
PLACEHOLDER = "# placeholder:"
PASSWORD = "readme-Test-pw-1\n"
OWN_CASE = ("我的案件.yaml", "kb/samples/review/示例-法制审核-某化工有限公司.yaml", "某应急法审〔2026〕8号")

# Line prefixes that are not run here, with the reason.
NOT_RUN = {
    "pip install": "installs the package and runs this suite (the lead's lines; CI runs them from .ci/run)",
    "fazhi serve": "runs until Ctrl+C: test_serve_… starts it in the background and stops it",
    "curl ": "needs the running server: test_serve_… runs these lines",
    "TOKEN=$(": "the token for the curl lines, taken in test_serve_…",
    "export FAZHI_DATA=": "the test's own temporary data directory stands in",
}


def readme_lines() -> list[str]:
    """The non-empty lines of README.md's ```bash blocks, in order."""
    blocks = re.findall(r"```bash\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def not_run(line: str) -> str | None:
    """The reason `line` is not run, or None."""
    return next((reason for prefix, reason in NOT_RUN.items() if line.startswith(prefix)), None)


def arguments(line: str) -> list[str]:
    """The words of a `fazhi …` line after `fazhi`, comments dropped and globs expanded as bash would."""
    words = shlex.split(line, comments=True)
    assert words[0] == "fazhi", f"README 命令行不是 fazhi 命令：{line}"
    expanded = []
    for word in words[1:]:
        matches = sorted(glob.glob(word)) if "*" in word else []
        expanded.extend(matches or [word])
    return expanded


def paths(words: list[str]) -> list[str]:
    """The words that name files or folders."""
    return [w for w in words if not w.startswith("-") and ("/" in w or Path(w).suffix in (".yaml", ".docx"))]


def check_placeholder(line: str) -> None:
    """A placeholder line names no file that ships, and its command and options exist."""
    words = arguments(line)
    for word in paths(words):
        assert not (ROOT / word).exists(), f"“{line}”标为 placeholder，但 {word} 随软件提供：应直接使用"
    command = [w for w in words if not w.startswith("-")][:2]
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0, f"{line}\n{result.output}"
    for option in (w.split("=")[0] for w in words if w.startswith("--")):
        assert option in result.output, f"“{line}”的选项 {option} 不存在：\n{result.output}"


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """A working directory that sees the shipped kb/ and templates/, with a fresh data directory."""
    work = tmp_path / "work"
    work.mkdir()
    for name in LINKED:
        (work / name).symlink_to(ROOT / name, target_is_directory=True)
    monkeypatch.chdir(work)
    monkeypatch.setenv("FAZHI_DATA", str(tmp_path / "data"))
    return work


def stand_in_for_own_case(runner: CliRunner) -> None:
    """OWN_CASE: a copy of a sample case file that is no longer a sample, with its own 文号, whose
    opinion is generated and so recorded in the review ledger."""
    name, sample, number = OWN_CASE
    text = (ROOT / sample).read_text(encoding="utf-8")
    own = re.sub(r"^文号: .*$", f"文号: {number}", re.sub(r"^示例: true$", "示例: false", text, flags=re.M),
                 flags=re.M)
    assert own.count(number) == 1 and "示例: false" in own
    Path(name).write_text(own, encoding="utf-8")
    result = runner.invoke(main, ["generate", "opinion", name, "-o", "我的意见书.docx"])
    assert result.exit_code == 0 and number in result.output, result.output


def test_readme_has_the_commands_it_documents():
    lines = readme_lines()
    assert len(lines) > 50
    assert any(line.startswith("fazhi check kb/samples/") for line in lines)


def test_every_readme_command_runs_as_written(workdir):
    runner = CliRunner()
    first = runner.invoke(main, ["import", "--samples"])
    assert first.exit_code == 0, first.output
    stand_in_for_own_case(runner)
    ran = 0
    for line in readme_lines():
        if not_run(line):
            continue
        words = arguments(line)
        if PLACEHOLDER in line:
            check_placeholder(line)
            if not all(Path(word).exists() for word in paths(words)):
                continue                                      # a file of the user's the test has no stand-in for
        stdin = None
        if words[:2] == ["user", "add"] and "--password-stdin" not in words:
            words, stdin = [*words, "--password-stdin"], PASSWORD      # it would prompt for the password
        result = runner.invoke(main, words, input=stdin)
        assert result.exit_code == 0, f"README 命令失败：{line}\n{result.output}"
        assert not re.search(r"^错误：", result.output, re.M), f"README 命令报错：{line}\n{result.output}"
        ran += 1
    assert ran > 45
    decisions = runner.invoke(main, ["ledger", "decisions"]).output
    assert "某应急罚〔2026〕8号" in decisions                    # the placeholder decide line ran
    ledger = runner.invoke(main, ["ledger", "--year", "2026"]).output
    assert OWN_CASE[2] in ledger and "【作废" in ledger           # and the void line
    assert (workdir / "法制审核意见书.docx").stat().st_size > 0
    assert (workdir / "引用核对报告.docx").stat().st_size > 0


def test_sample_draft_quotes_the_sample_statutes_as_its_script_writes_it():
    script = ROOT / "kb" / "samples" / "drafts" / "make_draft.py"
    spec = importlib.util.spec_from_file_location("make_draft", script)
    make_draft = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_draft)
    shipped = [p.text for p in docx.Document(make_draft.OUTPUT).paragraphs]
    assert shipped == make_draft.paragraphs()
    assert any("示例" in text for text in shipped)
    statute = (ROOT / "kb/samples/statutes/社会法/安全生产法(2021-06-10).md").read_text(encoding="utf-8")
    quoted = re.findall(r"“(.+?)”", "".join(shipped))
    assert quoted and all(quote in statute for quote in quoted)


def free_port() -> int:
    """A TCP port free on 127.0.0.1 just now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_serve_prints_its_address_and_the_readme_curl_lines_answer(workdir):
    runner = CliRunner()
    assert runner.invoke(main, ["import", "--samples"]).exit_code == 0
    lines = readme_lines()
    user = next(line for line in lines if line.startswith("fazhi user add 张某"))
    assert runner.invoke(main, [*arguments(user), "--password-stdin"], input=PASSWORD).exit_code == 0
    token_line = next(line for line in lines if line.startswith("TOKEN=$("))
    token = runner.invoke(main, arguments(re.search(r"\$\((.+?)\)", token_line).group(1))).output.strip()
    port = free_port()
    serve = next(line for line in lines if line.startswith("fazhi serve"))
    command = [sys.executable, "-c", "from fazhi.cli import main; main()", *arguments(serve), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        first = server.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in first, first
        for line in (line for line in lines if line.startswith("curl ")):
            words = [w.replace(":8000/", f":{port}/") for w in shlex.split(line.replace("$TOKEN", token))]
            retried = [*words, "-sf", "--max-time", "30", "--retry", "5", "--retry-connrefused"]
            answer = subprocess.run(retried, capture_output=True, text=True)
            assert answer.returncode == 0 and answer.stdout.startswith("{"), f"{line}\n{answer.stdout}"
            assert "安全生产法" in answer.stdout or "安全帽" in answer.stdout
    finally:
        server.terminate()
        server.wait(timeout=10)
