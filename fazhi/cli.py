"""The `fazhi` command line."""

import json
import sys
from pathlib import Path

import click

from fazhi import settings
from fazhi.composition import build_index, index_status, open_searcher
from fazhi.chinese import localize
from fazhi.lazy_group import LazyGroup
from kb import textfile
from kb.cases.crossref import citing_article
from kb.categories import CATEGORIES
from kb.importers.files import MB, ImportLimits
from kb.lock import data_lock
from kb.models import Law
from search import learning
from search.answer import answer
from search.card import card_lines
from search.index import index_lag
from search.limits import MAX_LIMIT
from search.query import Hit, IndexMissing, QueryError, SearchOptions
from search.snippets import segments


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data", type=click.Path(file_okay=False), envvar=settings.ENV_VAR,
              help="数据目录（SQLite 库与索引）；默认取环境变量 FAZHI_DATA 或用户数据目录。")
@click.pass_context
def main(ctx: click.Context, data: str | None) -> None:
    """法治：法规、裁量基准与典型案例知识库，法制审核文书生成。"""
    ctx.ensure_object(dict)
    ctx.obj["data"] = data


@main.command("import")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--samples", is_flag=True, help="导入随软件附带的示例内容（法规节选、示例裁量基准与案例）。")
@click.option("--category", type=click.Choice(CATEGORIES), help="指定效力级别（默认按文件夹或标题判断）。")
@click.option("--region", help="指定地方性法规的地区，如 广东。")
@click.option("--max-size", type=click.FloatRange(min=0.001), default=ImportLimits.max_text_bytes / MB,
              show_default=True, help="单个 .md/.txt 文件的大小上限（MB）。")
@click.option("--max-docx-size", type=click.FloatRange(min=0.001), default=ImportLimits.max_docx_bytes / MB,
              show_default=True, help="单个 .docx 解压后的大小上限（MB），读取前检查。")
@click.option("--wait", type=click.FloatRange(min=0), default=0, help="另一个导入正在进行时最多等待的秒数。")
@click.pass_context
def import_command(ctx: click.Context, paths: tuple[Path, ...], samples: bool, category: str | None,
                   region: str | None, max_size: float, max_docx_size: float, wait: float) -> None:
    """导入法规文件或文件夹（LawRefBook Markdown、纯文本 .txt、Word .docx），然后重建索引。"""
    if not paths and not samples:
        raise click.UsageError("请指定要导入的文件或文件夹，或使用 --samples 导入示例内容")
    missing = [textfile.printable(str(p)) for p in paths if not p.exists()]
    if missing:
        raise click.ClickException("找不到以下路径：" + "、".join(missing))
    data = settings.data_dir(ctx.obj["data"])
    with data_lock(data, wait):
        store = settings.open_store(ctx)
        if samples:
            from kb.samples import load_samples
            load_samples(store)
            click.echo("已导入示例内容（法规节选、示例裁量基准、示例案例）。")
        if paths:
            from kb.importers.files import import_files
            limits = ImportLimits(int(max_size * MB), int(max_docx_size * MB))
            summary = import_files(store, list(paths), category=category, region=region, limits=limits,
                                   report=lambda kind, path, reason: click.echo(f"{kind} {path}：{reason}", err=True))
            click.echo(f"导入 {len(summary.imported)} 部（{summary.articles} 条），"
                       f"跳过 {len(summary.skipped)} 个，失败 {len(summary.failed)} 个。")
            from fazhi import cli_study
            cli_study.report_refresh(store)
        figures = build_index(store, data)
    click.echo(f"索引已更新：{figures['documents']} 个检索单元，用时 {figures['seconds']:.1f} 秒。")


@main.command()
@click.argument("query", required=False)
@click.option("--limit", "-n", default=10, show_default=True, callback=lambda ctx, param, value: _limit(value),
              help=f"返回条数（1 至 {MAX_LIMIT}）。")
@click.option("--category", "-c", multiple=True, help="效力级别，如 法律、行政法规、地方性法规（可多次）。")
@click.option("--law", help="只在这部法规中检索，如 安全生产法。")
@click.option("--status", type=click.Choice(["current", "all"]), default="current", show_default=True,
              help="current 仅现行有效版本；all 包括已被修订的旧版本。")
@click.option("--kind", "-k", multiple=True, type=click.Choice(["条文", "裁量基准", "案例"]),
              help="知识类型（可多次）。")
@click.option("--region", multiple=True, help="地方性法规的地区，如 广东。")
@click.option("--from", "date_from", type=click.DateTime(["%Y-%m-%d"]), help="版本日期不早于（YYYY-MM-DD）。")
@click.option("--to", "date_to", type=click.DateTime(["%Y-%m-%d"]), help="版本日期不晚于（YYYY-MM-DD）。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@click.option("--batch", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="每行一个问题（UTF-8 或 GBK 编码），每个问题输出一行 JSON。")
@click.pass_context
def search(ctx, query, limit, category, law, status, kind, region, date_from, date_to, as_json, batch):
    """检索法规条文：自然语言问题、关键词、“引号短语”或条文引用（安全生产法第九十七条）。"""
    if not query and not batch:
        raise click.UsageError("请输入检索内容，或用 --batch 指定问题文件")
    options = SearchOptions(limit=limit, categories=category, law=law, status=status, kinds=kind,
                            regions=region, date_from=date_from and date_from.date(),
                            date_to=date_to and date_to.date())
    searcher = _searcher(ctx)
    if batch:
        for line in _batch_lines(batch):
            if line.strip():
                result, card = _run(searcher, line.strip(), options)
                click.echo(json.dumps({"query": line.strip(), "hits": [h.to_json() for h in result.hits],
                                       "notes": result.notes, "card": card.to_json() if card else None},
                                      ensure_ascii=False))
        return
    result, card = _run(searcher, query, options)
    for note in result.notes:
        click.echo(f"提示：{note}", err=as_json)
    if as_json:
        click.echo(json.dumps({"query": query, "hits": [h.to_json() for h in result.hits], "notes": result.notes,
                               "card": card.to_json() if card else None}, ensure_ascii=False, indent=2))
        return
    if card:
        click.echo("\n".join(card_lines(card)) + "\n")
    if not result.hits:
        click.echo("没有找到结果。可以减少关键词、去掉筛选条件，或用 --status all 检索旧版本。")
    for number, hit in enumerate(result.hits, 1):
        _print_hit(number, hit)


@main.command()
@click.argument("citation")
@click.option("--version", "version", type=click.DateTime(["%Y-%m-%d"]), help="指定日期施行的版本。")
@click.option("--for", "question", help="记录：这条是为哪个问题查看的（用于学习排序）。")
@click.pass_context
def show(ctx, citation, version, question):
    """显示一条法规条文及其法规名称、版本与章节，如：fazhi show "安全生产法第九十七条"。"""
    searcher = _searcher(ctx)
    try:
        law, article = searcher.show(citation, version.date() if version else None)
    except QueryError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"{law.display_title}（{_version(law)}，{law.status}）")
    if article.chapter:
        click.echo(article.chapter)
    click.echo("")
    click.echo(f"{article.label}　" + "\n".join(article.paragraphs))
    others = [v for v in searcher.store.versions(law.key) if v.id != law.id]
    if others:
        click.echo("\n其他版本：" + "；".join(f"{_version(v)}（{v.status}）" for v in others))
    _print_citing(citing_article(searcher.store, law, article))
    if question:
        learning.record(searcher.store, question, law.key, article.label, source="show")


@main.command()
@click.argument("log", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=False)
@click.option("--wait", type=click.FloatRange(min=0), default=0, help="另一个导入正在进行时最多等待的秒数。")
@click.pass_context
def learn(ctx, log, wait):
    """从使用日志学习：把问题与被查看/引用的条文关联，扩充检索词并调整排序（LOG 为 JSON Lines）。"""
    with data_lock(settings.data_dir(ctx.obj["data"]), wait):
        _learn(ctx, log)


def _learn(ctx, log) -> None:
    store = settings.open_store(ctx)
    if log:
        try:
            rows = learning.read_log(store, log)
        except ValueError as error:
            raise click.ClickException(str(error)) from None
        added = learning.learn(store, rows, source=log.name)
        click.echo(f"读入 {added} 条“问题—条文”记录。")
    figures = build_index(store, settings.data_dir(ctx.obj["data"]))
    click.echo(f"索引已按使用记录重建：{figures['documents']} 个检索单元。")


@main.command()
@click.pass_context
def status(ctx):
    """显示数据目录与知识库统计。"""
    store = settings.open_store(ctx)
    counts = store.counts()
    data = settings.data_dir(ctx.obj["data"])
    click.echo(f"数据目录：{data}" + ("（只读）" if store.read_only else ""))
    click.echo(f"法规 {counts['laws']} 部（现行有效 {counts['current']} 部），条文 {counts['articles']} 条。")
    if store.migrated:
        click.echo("知识库已从旧版本升级（补充了 " + "、".join(store.migrated) + "）。")
    problem = index_status(store, data)
    click.echo(f"索引：{problem}" if problem else "索引：与知识库一致。")


def _searcher(ctx):
    store, data = settings.open_store(ctx), settings.data_dir(ctx.obj["data"])
    try:
        searcher = open_searcher(store, data, short_lived=True)
    except IndexMissing as error:
        raise click.ClickException(str(error)) from None
    if index_lag(store, data):
        click.echo("提示：索引落后于知识库（上次导入可能被中断），新导入的法规还检索不到：请运行 fazhi learn 重建索引。",
                   err=True)
    return searcher


def _limit(value: int) -> int:
    if not 1 <= value <= MAX_LIMIT:
        raise click.BadParameter(f"返回条数应为 1 至 {MAX_LIMIT} 之间的整数，而不是 {value}")
    return value


def _batch_lines(path: Path) -> list[str]:
    try:
        return textfile.read_text(path).splitlines()
    except UnicodeDecodeError:
        raise click.ClickException(f"{path} 既不是 UTF-8 也不是 GBK 编码的文本：请另存为 UTF-8") from None
    except OSError as error:
        raise click.ClickException(f"无法读取 {path}：{error.strerror or error}") from None


def _run(searcher, query, options):
    try:
        found = answer(searcher, query, options)
        return found.result, found.card
    except QueryError as error:
        raise click.ClickException(str(error)) from None


def _version(law: Law) -> str:
    return f"{law.version.isoformat()} 版" if law.version else "版本日期不详"


def _print_citing(refs) -> None:
    """List the standard items and cases that cite the article shown."""
    if refs.items:
        click.echo("\n引用本条的裁量基准事项：")
        for standard, item, role in refs.items:
            click.echo(f"  {item.code} {item.title}（{role}，{standard.display_title}）")
    if refs.cases:
        click.echo("\n引用本条的典型案例：")
        for case, role in refs.cases:
            click.echo(f"  {case.code} {case.title}（{role}）")


def _print_hit(number: int, hit: Hit) -> None:
    where = " / ".join(x for x in (hit.part, hit.chapter) if x)
    if hit.kind == "案例":
        heading, facts = f"{hit.title}（{hit.article}）", f"〔案例·{hit.version}〕"
    elif hit.kind == "裁量基准":
        heading, facts = f"《{hit.title}》{hit.article}", f"〔裁量基准·{hit.version} 发布〕"
    else:
        version = f"{hit.version} 版" if hit.version else "版本日期不详"
        heading, facts = f"《{hit.title}》{hit.article}", f"〔{hit.category}·{version}·{hit.status}〕"
    click.echo(click.style(f"{number}. {heading}", bold=True) + f"  {facts}")
    if where:
        click.echo(f"   {where}")
    marked = "".join(click.style(p, fg="red", bold=True) if hit_ else p
                     for p, hit_ in segments(hit.snippet, hit.terms))
    click.echo(f"   {marked}\n")


localize(main)

if __name__ == "__main__":
    sys.exit(main())
