"""`fazhi config`: the bureau's own copies of the review configuration (hearing thresholds,
holiday calendar, review time limit) in the data directory."""

from pathlib import Path

import click

from fazhi import settings
from generator.review import bureau_config
from generator.review.bureau_config import ConfigError

NAMES = click.Choice(list(bureau_config.FILES))


def _data(ctx: click.Context) -> Path:
    return settings.data_dir(ctx.find_root().obj.get("data"))


@click.group("config")
def config() -> None:
    """本机关的审核配置：听证较大数额标准、节假日安排、法制审核期限。"""


@config.command("list")
@click.pass_context
def list_files(ctx: click.Context) -> None:
    """列出各配置文件：正在使用哪一份、其中是什么。"""
    for status in bureau_config.statuses(_data(ctx)):
        which = f"本机关配置 {status.path}" if status.own else "随软件附带"
        click.echo(f"{status.file.title}（{status.file.key}）：{which}\n  {status.summary}")


@config.command("export")
@click.argument("name", type=NAMES)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="写入的文件；不写则输出到屏幕。")
@click.pass_context
def export(ctx: click.Context, name: str, output: Path | None) -> None:
    """导出正在使用的配置文件，供修改后再导入。"""
    text = bureau_config.active(_data(ctx), name).read_text(encoding="utf-8-sig")
    if output is None:
        click.echo(text, nl=False)
        return
    output.write_text(text, encoding="utf-8")
    click.echo(f"已导出{bureau_config.FILES[name].title}到 {output}；修改后用 fazhi config import {name} {output} 导入。")


@config.command("import")
@click.argument("name", type=NAMES)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_context
def import_file(ctx: click.Context, name: str, file: Path) -> None:
    """检查并导入本机关的配置文件；检查不通过的不采用，原配置不变。"""
    try:
        bureau_config.install(_data(ctx), name, file.read_bytes(), str(file))
    except ConfigError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"今后的审核使用本机关的{bureau_config.FILES[name].title}（{file}）。")


@config.command("reset")
@click.argument("name", type=NAMES)
@click.pass_context
def reset(ctx: click.Context, name: str) -> None:
    """删除本机关的配置文件，恢复使用随软件附带的。"""
    removed = bureau_config.reset(_data(ctx), name)
    title = bureau_config.FILES[name].title
    click.echo(f"已恢复使用随软件附带的{title}。" if removed else f"{title}本来就在使用随软件附带的文件。")


COMMANDS = [config]
