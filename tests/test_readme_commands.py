"""Every command README.md shows runs as written: its ```bash blocks, in order, in one fresh data directory.

Commands run in-process through the CLI (click's CliRunner with fazhi.cli.main) from a temporary
working directory that sees the repository's `kb/` and `templates/`, so the files the README names
must ship. Lines that cannot run here are listed in NOT_RUN with the reason; a line whose comment says
`# placeholder:` names a user's own file, which must not exist in the repository, and its command and
options must still exist.
"""

import glob
import importlib.util
import re
import shlex
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

# Line prefixes that are not run here, with the reason.
NOT_RUN = {
    "pip install": "installs the package and runs this suite (the lead's lines; CI runs them from .ci/run)",
    "fazhi serve": "starts the server until Ctrl+C (the web app is driven by tests/web)",
    "curl ": "needs a running fazhi serve (the JSON API is tested in tests/web)",
    "TOKEN=$(": "the token for the curl lines, which need a running server",
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


def check_placeholder(line: str) -> None:
    """A placeholder line names no file that ships, and its command and options exist."""
    words = arguments(line)
    for word in words:
        if not word.startswith("-") and ("/" in word or Path(word).suffix):
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


def test_readme_has_the_commands_it_documents():
    lines = readme_lines()
    assert len(lines) > 50
    assert any(line.startswith("fazhi check kb/samples/") for line in lines)


def test_every_readme_command_runs_as_written(workdir):
    runner = CliRunner()
    first = runner.invoke(main, ["import", "--samples"])
    assert first.exit_code == 0, first.output
    ran = 0
    for line in readme_lines():
        if not_run(line):
            continue
        if PLACEHOLDER in line:
            check_placeholder(line)
            continue
        words = arguments(line)
        stdin = None
        if words[:2] == ["user", "add"] and "--password-stdin" not in words:
            words, stdin = [*words, "--password-stdin"], PASSWORD      # it would prompt for the password
        result = runner.invoke(main, words, input=stdin)
        assert result.exit_code == 0, f"README 命令失败：{line}\n{result.output}"
        assert not re.search(r"^错误：", result.output, re.M), f"README 命令报错：{line}\n{result.output}"
        ran += 1
    assert ran > 45
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
