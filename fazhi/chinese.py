"""The command line's own words in Chinese: help headings, usage lines and click's error messages.

Click writes these in English; every fazhi command gets a context whose help formatter translates
them, and the main group prints errors as 错误：… / 用法错误：… with click's messages translated.
"""

import re
import sys

import click

from fazhi import faults
from kb.textfile import printable

WORDS = {
    "Options": "选项",
    "Commands": "命令",
    "Arguments": "参数",
    "Show this message and exit.": "显示帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
}
USAGE_WORDS = {"[OPTIONS]": "[选项]", "COMMAND [ARGS]...": "命令 [参数]..."}
PATTERNS = [
    (re.compile(r"\[default: (.*?)\]"), r"[默认：\1]"),
    (re.compile(r"\[required\]"), "[必填]"),
    (re.compile(r"No such command '(.+?)'\.(?: \(Did you mean (?:one of: )?(.+?)\?\))?"),
     lambda m: f"没有命令“{m.group(1)}”" + (f"（是不是要用 {m.group(2)}？）" if m.group(2) else "。")),
    (re.compile(r"No such option '(.+?)'\.?"), r"没有选项“\1”。"),
    (re.compile(r"Missing argument '(.+?)'\."), r"缺少参数 \1。"),
    (re.compile(r"Missing option '(.+?)'\."), r"缺少选项 \1。"),
    (re.compile(r"Option '(.+?)' requires an argument\."), r"选项 \1 需要一个值。"),
    (re.compile(r"Got unexpected extra arguments? \((.+?)\)"), r"多余的参数：\1"),
    (re.compile(r"Invalid value for (.+?): "), lambda m: f"{m.group(1).replace(chr(39), '')} 的值无效："),
    (re.compile(r"'([^']*)' is not a valid integer\."), r"“\1”不是整数。"),
    (re.compile(r"'([^']*)' is not a valid float\."), r"“\1”不是数字。"),
    (re.compile(r"'([^']*)' is not one of (.+?)\."), r"“\1”不在可选值 \2 之中。"),
    (re.compile(r"'([^']*)' does not match the formats? (.+?)\."), r"“\1”不符合格式 \2。"),
    (re.compile(r"(?:File|Path|Directory) '(.+?)' does not exist\."), r"“\1”不存在。"),
    (re.compile(r"(?:File|Path) '(.+?)' is a directory\."), r"“\1”是文件夹，应为文件。"),
    (re.compile(r"Directory '(.+?)' is a file\."), r"“\1”是文件，应为文件夹。"),
    (re.compile(r"(?:File|Path|Directory) '(.+?)' is not readable\."), r"“\1”无法读取（没有读取权限）。"),
    (re.compile(r"(?:File|Path|Directory) '(.+?)' is not writable\."), r"“\1”无法写入（没有写入权限）。"),
    (re.compile(r"(.+?) is not in the range (.+?)\."), r"\1 不在允许的范围 \2 之内。"),
]


def translate(text: str) -> str:
    """Return click's English wording in Chinese (text fazhi wrote itself passes unchanged)."""
    text = WORDS.get(text, text)
    for pattern, replacement in PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class ChineseHelpFormatter(click.HelpFormatter):
    """Writes help pages with Chinese headings, usage prefix and option descriptions."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """Write the usage line as 用法：fazhi search [选项] [QUERY]."""
        for english, chinese in USAGE_WORDS.items():
            args = args.replace(english, chinese)
        super().write_usage(prog, args, prefix="用法：")

    def write_heading(self, heading: str) -> None:
        """Write a section heading (选项：, 命令：, 参数：)."""
        self.write(f"{'':>{self.current_indent}}{translate(heading)}：\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        """Write the option/command list with its descriptions translated."""
        super().write_dl([(term, translate(text)) for term, text in rows], col_max, col_spacing)


class ChineseContext(click.Context):
    """A click context whose help pages are written in Chinese."""

    formatter_class = ChineseHelpFormatter


def localize(command: click.Command) -> None:
    """Give `command` and every subcommand below it the Chinese context."""
    command.context_class = ChineseContext
    for sub in getattr(command, "commands", {}).values():
        localize(sub)


class ChineseGroup(click.Group):
    """The main group: errors read 错误：… or 用法错误：… (with a hint), in Chinese."""

    def main(self, args=None, *more, standalone_mode: bool = True, **kwargs):
        """Run the command line; on a ClickException print it in Chinese and exit with its code.
        Arguments that are not valid UTF-8 and faults of the data directory get one sentence
        (fazhi.faults), never a traceback."""
        if not standalone_mode:
            return super().main(args, *more, standalone_mode=False, **kwargs)
        given = sys.argv[1:] if args is None else args
        bad = next((arg for arg in given if isinstance(arg, str) and _undecodable(arg)), None)
        if bad is not None:
            click.echo("用法错误：参数不是有效的 UTF-8 文字（" + printable(bad) +
                       "）：请检查终端的编码设置（应为 UTF-8）", err=True)
            sys.exit(2)
        try:
            super().main(args, *more, standalone_mode=False, **kwargs)
        except click.UsageError as error:
            hint = f"\n用 {error.ctx.command_path} --help 查看用法。" if error.ctx else ""
            click.echo(f"用法错误：{translate(error.format_message())}{hint}", err=True)
            sys.exit(error.exit_code)
        except click.ClickException as error:
            click.echo(f"错误：{translate(error.format_message())}", err=True)
            sys.exit(error.exit_code)
        except click.exceptions.Abort:
            click.echo("已取消。", err=True)
            sys.exit(1)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        except KeyboardInterrupt:
            click.echo("已取消。", err=True)
            sys.exit(130)
        except Exception as error:
            message = faults.describe(error)
            if message is None:
                raise
            click.echo(f"错误：{message}", err=True)
            sys.exit(1)
        sys.exit(0)


def _undecodable(text: str) -> bool:
    return any(0xDC80 <= ord(char) <= 0xDCFF for char in text)
