"""The command line speaks Chinese: help pages and click's own error messages."""

from click.testing import CliRunner

from fazhi.cli import main


def _run(*args):
    return CliRunner().invoke(main, list(args), prog_name="fazhi")


def test_help_pages_of_commands_and_subcommands_are_in_chinese():
    for args in (["--help"], ["search", "--help"], ["case", "--help"], ["case", "show", "--help"]):
        page = _run(*args).output
        assert page.startswith("用法：fazhi") and "选项：" in page and "显示帮助并退出。" in page
        assert "Usage" not in page and "Options" not in page and "Show this message" not in page
    assert "[默认：10]" in _run("search", "--help").output


def test_click_errors_are_translated(tmp_path):
    data = ["--data", str(tmp_path)]
    cases = {
        ("searc", "x"): "没有命令“searc”",
        ("show",): "缺少参数 CITATION",
        ("search", "x", "--bogus"): "没有选项“--bogus”",
        ("search", "x", "--limit", "abc"): "--limit / -n 的值无效：“abc”不是整数",
        ("search", "x", "--status", "foo"): "“foo”不在可选值",
    }
    for args, expected in cases.items():
        result = _run(*data, *args)
        assert result.exit_code == 2
        assert result.output.startswith("用法错误：") and expected in result.output, result.output
        assert "Error" not in result.output
