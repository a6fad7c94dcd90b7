"""Command-line chrome in Chinese: errors without click's English "Error:" prefix, help option text."""

import sys

import click

HELP_TEXT = "显示帮助并退出。"


class ChineseHelpCommand(click.Command):
    """A command whose --help option is described in Chinese."""

    def get_help_option(self, ctx: click.Context):
        """Return the help option with its Chinese description."""
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option


class ChineseHelpGroup(ChineseHelpCommand, click.Group):
    """A group whose subcommands and subgroups also describe --help in Chinese."""

    command_class = ChineseHelpCommand
    group_class = type


class ChineseErrorsGroup(ChineseHelpGroup):
    """The main group: errors read 错误：… (and 用法错误：… with a hint for usage errors)."""

    def main(self, *args, standalone_mode: bool = True, **kwargs):
        """Run the command line; on a ClickException print it in Chinese and exit with its code."""
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as error:
            hint = f"\n用 {error.ctx.command_path} --help 查看用法。" if error.ctx else ""
            click.echo(f"用法错误：{error.format_message()}{hint}", err=True)
            sys.exit(error.exit_code)
        except click.ClickException as error:
            click.echo(f"错误：{error.format_message()}", err=True)
            sys.exit(error.exit_code)
        except click.exceptions.Abort:
            click.echo("已取消。", err=True)
            sys.exit(1)
        except click.exceptions.Exit as done:
            sys.exit(done.exit_code)
        sys.exit(0)
