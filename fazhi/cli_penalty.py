"""`fazhi penalty`: the structured penalty an article provides, read from its text."""

import json
from datetime import date

import click

from fazhi import settings
from kb.penalties import find
from kb.penalties.render import as_dict, lines


@click.command("penalty")
@click.argument("citation")
@click.option("--on", "on", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="按该日期有效的版本读取（如违法行为发生日期），默认现行版本。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@click.pass_context
def penalty(ctx: click.Context, citation: str, on, as_json: bool) -> None:
    """读取条文规定的处罚：处罚对象、处罚种类、罚款幅度和适用情形，如 安全生产法第九十七条第三项。"""
    day: date | None = on.date() if on else None
    try:
        found = find(settings.open_store(ctx), citation, day)
    except LookupError as error:
        raise click.ClickException(f"{citation}：{error}") from None
    if as_json:
        click.echo(json.dumps(as_dict(found), ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(lines(found)))


COMMANDS = [penalty]
