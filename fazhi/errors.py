"""Show command-line errors in Chinese instead of click's English "Error:" prefix."""

import sys

import click


class ChineseErrorsGroup(click.Group):
    """A click group whose errors read 错误：… (and 用法错误：… with a hint for usage errors)."""

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
