"""Command-line commands for discretion standards, the discretion calculator, typical cases and
cross-references. The main group (fazhi/cli.py) registers every command of `COMMANDS`."""

import functools
import json
from datetime import date
from pathlib import Path

import click

from fazhi.composition import refresh_index
from fazhi.settings import data_dir, open_store
from kb.cases.crossref import case_articles, citing
from kb.cases.importer import import_cases
from kb.cases.similar import similar_cases
from kb.cases.store import CaseStore
from kb.cases.yamlfile import dump_case
from kb.errors import KnowledgeError
from kb.refs import parse_ref
from kb.standards import penalty_text
from kb.standards.calculator import assess_code
from kb.standards.importer import import_standard
from kb.standards.models import PARTIES, Standard, StandardItem
from kb.standards.money import format_yuan, to_decimal
from kb.standards.store import StandardStore


def friendly(command):
    """Turn knowledge-base errors into one-line click errors (no traceback)."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except KnowledgeError as error:
            raise click.ClickException(str(error)) from None
    return wrapper


AMOUNT_NAMES = {"income": "上一年年收入", "gains": "违法所得", "proposed": "拟罚款金额"}


def _amount(ctx, param, value):
    if value is None:
        return None
    try:
        return to_decimal(value, AMOUNT_NAMES.get(param.name, param.name))
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def _date(ctx, param, value):
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"应为 YYYY-MM-DD 格式的日期，而不是“{value}”") from None


DATE_OPTION = click.option("--date", "on", callback=_date, metavar="YYYY-MM-DD",
                           help="按该日施行的基准版本（默认最新版本）")
STANDARD_OPTION = click.option("--standard", "standard_key", metavar="标识",
                               help="指定裁量基准（默认取包含该事项的最具体层级的基准）")


# -- standards -------------------------------------------------------------------------------

@click.group("standard")
def standard():
    """裁量基准：导入、列表、查看事项。"""


@standard.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.pass_context
@friendly
def standard_import(ctx, file: Path):
    """导入裁量基准（.yaml/.yml 或 .xlsx）。引用的条文须已在法规库中。"""
    imported = import_standard(open_store(ctx), file)
    own = len(imported.items) - len(imported.inherited)
    extra = f"（其中 {len(imported.inherited)} 个沿用基础基准“{imported.base}”）" if imported.inherited else ""
    click.echo(f"已导入{imported.display_title}：{len(imported.items)} 个事项{extra}，本基准规定 {own} 个。")
    _refresh(ctx, "裁量基准事项")


@standard.command("list")
@click.pass_context
def standard_list(ctx):
    """列出已导入的裁量基准及其版本。"""
    standards = StandardStore(open_store(ctx))
    current = standards.current()
    if not current:
        click.echo("尚未导入裁量基准。用 fazhi standard import FILE 导入。")
    for latest in current:
        for version in standards.versions(latest.key):
            marks = [version.level, "示例" if version.sample else "", "现行" if version.id == latest.id else "旧版",
                     f"基于“{version.base}”" if version.base else ""]
            click.echo(f"{version.key}  {version.display_title}  {len(version.items)} 个事项  "
                       f"[{'，'.join(m for m in marks if m)}]")


@standard.command("show")
@click.argument("code")
@STANDARD_OPTION
@DATE_OPTION
@click.pass_context
@friendly
def standard_show(ctx, code: str, standard_key: str | None, on: date | None):
    """查看一个裁量基准事项：法律规定、处罚依据、法定幅度和各裁量阶次。"""
    found = StandardStore(open_store(ctx)).find_item(code, standard_key, on)
    if found is None:
        raise KnowledgeError(f"裁量基准中没有编号为“{code}”的事项")
    click.echo(_item_text(*found))


def _item_text(owner: Standard, item: StandardItem) -> str:
    lines = [f"{item.code}  {item.title}", f"基准：{owner.display_title}" + ("（示例）" if owner.sample else ""),
             "法律规定：" + "；".join(r.text for r in item.provisions),
             "处罚依据：" + "；".join(r.text for r in item.basis)]
    if item.note:
        lines.append(f"说明：{item.note}")
    lines.append("法定幅度：")
    lines += [f"  {b.name}：{penalty_text.render(b.fines, b.measures)}" for b in item.bands]
    lines.append("裁量阶次：")
    for tier in item.tiers:
        lines.append(f"  {tier.name}（法定情形：{tier.band}）")
        lines += [f"    适用条件：{c}" for c in tier.conditions]
        lines.append(f"    具体标准：{penalty_text.render(tier.fines, tier.measures) or '不处罚款'}")
        if tier.note:
            lines.append(f"    说明：{tier.note}")
    return "\n".join(lines)


# -- calculator ------------------------------------------------------------------------------

@click.command("discretion")
@click.argument("item")
@click.option("--tier", required=True, help="裁量阶次，如 轻微、一般、较重、严重")
@click.option("--party", type=click.Choice(list(PARTIES)), help="只看某一处罚对象（单位、个人或具体角色）")
@click.option("--factor", "factors", multiple=True, metavar="情节",
              help="裁量情节，可重复；如 主动消除危害后果、初次违法、危害后果轻微、及时改正")
@click.option("--income", callback=_amount, help="个人上一年年收入（元），按年收入计算罚款时必填")
@click.option("--gains", callback=_amount, help="违法所得（元），没有违法所得填 0")
@click.option("--proposed", callback=_amount, help="拟罚款金额（元），与适用幅度和法定幅度比对")
@STANDARD_OPTION
@DATE_OPTION
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出")
@click.pass_context
@friendly
def discretion(ctx, item, tier, party, factors, income, gains, proposed, standard_key, on, as_json):
    """裁量计算：给出适用的罚款幅度、理由和依据，并比对拟罚款金额。"""
    result = assess_code(open_store(ctx), item, tier, standard_key=standard_key, on=on, party=party,
                         factors=factors, income=income, gains=gains, proposed=proposed)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    mitigation = "（有法定从轻或者减轻情节）" if result.mitigated else ""
    lines = [f"{result.item_code}  {result.item_title}", f"基准：{result.standard}",
             f"裁量阶次：{result.tier}（法定情形：{result.band}）", f"结论：{result.outcome}{mitigation}"]
    if result.ranges:
        lines.append("罚款幅度：")
        lines += [f"  {r.text}" for r in result.ranges]
    if result.measures:
        lines.append("其他措施：" + "、".join(result.measures))
    for title, entries in (("比对", [c.text for c in result.comparisons]), ("听证", result.hearing),
                           ("理由", result.reasons), ("依据", result.citations)):
        if entries:
            lines.append(f"{title}：")
            lines += [f"  {n}. {entry}" for n, entry in enumerate(entries, start=1)]
    click.echo("\n".join(lines))


# -- cases ------------------------------------------------------------------------------------

@click.group("case")
def case():
    """典型案例：导入、导出、查看、相似案例。"""


@case.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.pass_context
@friendly
def case_import(ctx, paths):
    """导入案例文件或目录（.yaml/.yml、.md、.docx）；有一个出错则全部不导入。"""
    cases = import_cases(open_store(ctx), list(paths))
    click.echo(f"已导入 {len(cases)} 个案例：" + "、".join(c.code for c in cases))
    _refresh(ctx, "案例")


def _refresh(ctx, what: str) -> None:
    """Rebuild the search index so the imported standard items or cases can be found at once."""
    figures = refresh_index(open_store(ctx), data_dir(ctx.find_root().obj.get("data")))
    if figures is None:
        click.echo(f"提示：尚未建立检索索引，{what}暂不能检索；用 fazhi import 导入法规时会一并建立索引。")
    else:
        click.echo(f"检索索引已更新（{figures['documents']} 个检索单元），新导入的{what}现在可以检索。")


@case.command("export")
@click.argument("code")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="输出 YAML 文件（默认输出到屏幕）")
@click.pass_context
@friendly
def case_export(ctx, code: str, output: Path | None):
    """把一个案例导出为 YAML。"""
    found = _case(ctx, code)
    if output is None:
        click.echo(dump_case(found), nl=False)
        return
    try:
        output.write_text(dump_case(found), encoding="utf-8")
    except OSError as error:
        raise KnowledgeError(f"无法写入 {output}：{error.strerror or error}") from None
    click.echo(f"已导出案例 {found.code} 到 {output}")


@case.command("show")
@click.argument("code")
@click.pass_context
@friendly
def case_show(ctx, code: str):
    """查看一个案例（编号或案号）及其引用的条文。"""
    found = _case(ctx, code)
    lines = [f"{found.code}  {found.title}" + ("（示例）" if found.sample else ""),
             f"案号：{found.number}  日期：{found.decided.isoformat()}  执法机关：{found.authority}",
             f"当事人：{found.party}（{found.party_type}）", f"违法事实：{found.facts}"]
    if found.item_code:
        lines.append(f"裁量：{found.item_code} {found.tier}" +
                     (f"；情节：{'、'.join(found.factors)}" if found.factors else ""))
    lines.append(f"处罚决定：{found.decision}")
    lines += [f"  罚款 {fine.party}{'（' + fine.name + '）' if fine.name else ''}：{format_yuan(fine.amount)}"
              for fine in found.fines]
    if found.hearing:
        lines.append(f"听证：{found.hearing}")
    lines.append("法核意见要点：")
    lines += [f"  {n}. {point}" for n, point in enumerate(found.review, start=1)]
    lines.append("引用条文：")
    for role, ref in case_articles(open_store(ctx), found):
        lines.append(f"  [{role}] {ref.text}")
        lines += [f"      {line}" for line in ref.excerpt.splitlines()]
    if found.related:
        lines.append("关联案例：" + "、".join(found.related))
    click.echo("\n".join(lines))


@case.command("similar")
@click.argument("facts")
@click.option("--article", "articles", multiple=True, help="同时按引用条文比对，如 安全生产法第九十七条")
@click.option("--limit", default=5, show_default=True, help="最多列出几个案例")
@click.pass_context
@friendly
def case_similar(ctx, facts: str, articles, limit: int):
    """按违法事实查找相似案例。"""
    try:
        refs = [parse_ref(a) for a in articles]
    except ValueError as error:
        raise KnowledgeError(str(error)) from None
    hits = similar_cases(open_store(ctx), facts, refs, limit=limit)
    if not hits:
        click.echo("没有找到相似案例。")
    for hit in hits:
        shared = "、".join(hit.shared_articles + hit.shared_terms[:5])
        click.echo(f"{hit.score:.3f}  {hit.case.code}  {hit.case.title}\n       共同点：{shared}")


def _case(ctx, code: str):
    found = CaseStore(open_store(ctx)).get(code)
    if found is None:
        raise KnowledgeError(f"没有编号或案号为“{code}”的案例")
    return found


# -- cross-references ----------------------------------------------------------------------

@click.command("refs")
@click.argument("citation")
@click.pass_context
@friendly
def refs(ctx, citation: str):
    """列出引用某一条文的裁量基准事项和案例，如 fazhi refs "安全生产法第九十七条"。"""
    found = citing(open_store(ctx), citation)
    lines = [f"{found.law.display_title}{found.article.label}", "裁量基准事项："]
    lines += [f"  [{role}] {item.code} {item.title}（{owner.display_title}）" for owner, item, role in found.items] \
        or ["  （无）"]
    lines.append("案例：")
    lines += [f"  [{role}] {c.code} {c.title}" for c, role in found.cases] or ["  （无）"]
    click.echo("\n".join(lines))


COMMANDS = [standard, discretion, case, refs]
