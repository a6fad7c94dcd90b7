"""Commands of the web application: `fazhi serve` and `fazhi user …`.

The lead registers `COMMANDS` on the main group.
"""

import sys

import click

from fazhi import settings
from kb.store import Store
from web import db as webdb
from web import users

DEFAULT_PORT = 8000


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="监听地址；内网其他电脑访问时用 0.0.0.0 或本机内网地址。")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=int, help="端口。")
@click.option("--threads", default=8, show_default=True, type=int, help="每个工作进程同时处理请求的线程数。")
@click.option("--workers", type=click.IntRange(min=1),
              help="工作进程数；默认 Linux 等系统为 CPU 核数，Windows 为 1。")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, threads: int, workers: int | None) -> None:
    """启动网页服务（waitress，Windows 与 Linux 服务器均可运行）。"""
    from web.app import prepare
    from web.serving import default_workers, listening_socket
    from web.serving import serve as run

    data = settings.data_dir(ctx.find_root().obj.get("data"))
    prepare(data)
    store = Store(data / settings.DB_NAME)
    try:
        empty = store.counts()["laws"] == 0
    finally:
        store.close()
    if empty:
        click.echo("数据目录中还没有法规：可先运行 fazhi import --samples 导入示例内容，"
                   "或登录后在“导入”页面导入法规或示例内容。")
    db = webdb.connect(data)
    try:
        no_users = not users.list_users(db)
    finally:
        db.close()
    try:
        sock = listening_socket(host, port)
    except OSError as error:
        raise click.ClickException(f"无法在 {host}:{port} 上监听（{error.strerror or error}）："
                                   "端口可能已被占用，可用 --port 换一个端口。") from None
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    click.echo(f"法治知识库已启动：http://{shown}:{port}/ （数据目录 {data}，按 Ctrl+C 停止）")
    if no_users:
        click.echo("尚未创建用户。请在另一个终端运行：\n"
                   f"  fazhi{_data_option(ctx)} user add 用户名 --role 管理员\n"
                   "设置密码后用该账号在浏览器中登录。")
    else:
        click.echo("用 fazhi user add 创建的账号登录。")
    with sock:
        status = run(data, sock, threads, workers or default_workers(), echo=click.echo)
    ctx.exit(status)


def _data_option(ctx: click.Context) -> str:
    explicit = ctx.find_root().obj.get("data")
    return f" --data {explicit}" if explicit else ""


@click.group("user")
def user() -> None:
    """网页用户：创建、列出，生成接口访问令牌。"""


@user.command("add")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(users.ROLES),
              help="查阅（检索阅读）、承办（提交案件）、审核（审核、生成文书、导入）、管理员（用户与配置）。")
@click.option("--unit", default="", help="所在科室（承办人员只看到本科室的案件）。")
@click.option("--password-stdin", is_flag=True, help="从标准输入读取密码（用于脚本）；默认提示输入两次。")
@click.pass_context
def user_add(ctx: click.Context, name: str, role: str, unit: str, password_stdin: bool) -> None:
    """创建网页用户 NAME。"""
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("密码", hide_input=True, confirmation_prompt="再次输入密码")
    with _db(ctx) as db:
        try:
            created = users.add_user(db, name, role, password, unit)
        except users.UserError as error:
            raise click.ClickException(str(error)) from None
        from web.audit import log
        log(db, "命令行", "", "新建用户", f"{created.name}（{created.role}）")
    click.echo(f"已创建用户“{created.name}”（{created.role}{'，' + created.unit if created.unit else ''}）。")


@user.command("list")
@click.pass_context
def user_list(ctx: click.Context) -> None:
    """列出网页用户。"""
    with _db(ctx) as db:
        listed = users.list_users(db)
    if not listed:
        click.echo("尚未创建用户。用 fazhi user add 用户名 --role 管理员 创建第一个管理员。")
    for one in listed:
        state = "" if one.active else "（已停用）"
        click.echo(f"{one.name}\t{one.role}\t{one.unit or '—'}\t{one.created}{state}")


@user.command("token")
@click.argument("name")
@click.pass_context
def user_token(ctx: click.Context, name: str) -> None:
    """为用户 NAME 生成接口访问令牌（JSON 接口用，只显示这一次）。"""
    with _db(ctx) as db:
        try:
            token = users.new_token(db, name)
        except users.UserError as error:
            raise click.ClickException(str(error)) from None
    click.echo(token)


class _db:
    """The web database of the chosen data directory, closed after the block."""

    def __init__(self, ctx: click.Context):
        self.path = settings.data_dir(ctx.find_root().obj.get("data"))

    def __enter__(self):
        self.db = webdb.connect(self.path)
        return self.db

    def __exit__(self, *exc):
        self.db.close()


COMMANDS = [serve, user]
