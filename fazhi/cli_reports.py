"""Commands of the ledgers and the reports computed from them.

`fazhi stats`; `fazhi ledger template|import|status` (added to the `ledger` group of cli_review);
`fazhi generate annual-report|enforcement-analysis` (added to the `generate` group of cli_generate).
The lead registers `COMMANDS` on the main group.
"""

import json
from pathlib import Path

import click

from fazhi import settings
from fazhi.cli_generate import generate_group
from fazhi.cli_review import ledger
from generator.reports import export
from generator.reports.analysis import build_enforcement_analysis
from generator.reports.annual import build_annual_report, write_starting_narrative
from generator.reports.charts import draw_charts
from generator.reports.narrative import NarrativeError, load_narrative
from generator.reports.result import ReportResult
from generator.reports.stats import compute_stats
from kb.ledgers import KINDS, find_kind, import_ledger
from kb.ledgers import store as ledger_store
from kb.ledgers.reader import LedgerFileError
from kb.ledgers.template import write_template

KIND_HELP = "台账类型：" + "、".join(f"{kind.key}（{kind.name}）" for kind in KINDS.values())
OUT_FILE = click.Path(dir_okay=False, path_type=Path)


def _kind(value: str | None):
    if value is None:
        return None
    try:
        return find_kind(value)
    except KeyError as error:
        raise click.BadParameter(error.args[0]) from None


@click.command("template")
@click.argument("kind_name", metavar="KIND")
@click.option("--output", "-o", type=OUT_FILE, help="保存的 .xlsx 文件；默认为当前目录下的“台账名称.xlsx”。")
def ledger_template(kind_name: str, output: Path | None) -> None:
    """下载空白台账模板（.xlsx，含填写说明）。KIND 为 cases、inspections、plans、legality、training、publicity。"""
    kind = _kind(kind_name)
    path = write_template(kind, output or Path(f"{kind.name}.xlsx"))
    click.echo(f"已保存{kind.name}空白模板：{path}（必填列：{'、'.join(kind.required)}）")


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--kind", "kind_name", help=KIND_HELP + "；默认按表头识别。")
@click.pass_context
def ledger_import(ctx: click.Context, files: tuple[Path, ...], kind_name: str | None) -> None:
    """导入执法台账（.xlsx/.csv）：好的行导入，有问题的行逐一报告；重复导入不重复计数。"""
    store, kind, failed = settings.open_store(ctx), _kind(kind_name), 0
    for path in files:
        try:
            report = import_ledger(store, path, kind)
        except LedgerFileError as error:
            click.echo(f"未导入：{error}", err=True)
            failed += 1
            continue
        for error in report.errors:
            click.echo(f"  {error}", err=True)
        written = report.written
        for key in dict.fromkeys([*written.added, *written.updated, *written.unchanged]):
            click.echo(f"{path.name}：{KINDS[key].name} 新增 {written.added.get(key, 0)} 行，"
                       f"更新 {written.updated.get(key, 0)} 行，未变 {written.unchanged.get(key, 0)} 行。")
        if report.bad_rows:
            click.echo(f"{path.name}：{report.bad_rows} 行有问题，未导入（见上）；改正后重新导入即可。")
        if report.skipped_sheets:
            click.echo(f"{path.name}：跳过不是台账的工作表：{'、'.join(report.skipped_sheets)}。")
    if failed:
        raise click.ClickException(f"{failed} 个文件未导入（原因见上）。")


@click.command("status")
@click.pass_context
def ledger_status(ctx: click.Context) -> None:
    """列出已导入的各类台账及各年度的行数。"""
    counts = ledger_store.counts(settings.open_store(ctx))
    for key, years in counts.items():
        text = "，".join(f"{year}年 {n} 行" for year, n in sorted(years.items())) or "未导入"
        click.echo(f"{KINDS[key].name}：{text}")


@click.command("stats")
@click.option("--year", type=int, required=True, help="统计年度。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
@click.option("--xlsx", type=OUT_FILE, help="同时把统计表写入该 .xlsx 文件。")
@click.option("--charts", type=click.Path(file_okay=False, path_type=Path), help="把统计图（PNG）写入该文件夹。")
@click.pass_context
def stats(ctx: click.Context, year: int, as_json: bool, xlsx: Path | None, charts: Path | None) -> None:
    """按年度、地区和单位统计执法台账与审核台账：案件、罚没款、法制审核、复议诉讼、移送、培训等。"""
    result = compute_stats(settings.open_store(ctx), year)
    if as_json:
        click.echo(json.dumps(export.stats_data(result), ensure_ascii=False, indent=2))
    else:
        click.echo("\n".join(export.stats_lines(result)))
    if xlsx:
        export.write_stats_xlsx(result, xlsx)
        click.echo(f"统计表已写入 {xlsx}", err=as_json)
    if charts:
        drawn = draw_charts(result, charts)
        click.echo(drawn.message or f"统计图已写入 {charts}：" + "、".join(p.name for p in drawn.paths.values()),
                   err=as_json)


@click.command("annual-report")
@click.option("--year", type=int, required=True, help="报告年度（报告的是该年的工作）。")
@click.option("--narrative", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="该年度的叙述文件（Markdown）；默认使用随软件附带的起草稿。")
@click.option("--new-narrative", type=OUT_FILE, help="只写出该年度叙述文件的起草稿（Markdown），供修改后用 --narrative 生成。")
@click.option("--output", "-o", type=OUT_FILE, help="输出的 .docx 文件。")
@click.pass_context
def annual_report(ctx: click.Context, year: int, narrative: Path | None, new_narrative: Path | None,
                  output: Path | None) -> None:
    """生成法治政府建设年度报告（.docx）：数据取自台账，文字取自年度叙述文件。"""
    if new_narrative:
        try:
            path = write_starting_narrative(new_narrative, year)
        except FileExistsError as error:
            raise click.ClickException(str(error)) from None
        click.echo(f"已写出{year}年度叙述文件起草稿：{path}。填写文件开头的机关名称等并修改文字后，"
                   f"用 fazhi generate annual-report --year {year} --narrative {path} -o 报告.docx 生成。")
        return
    if output is None:
        raise click.UsageError("请用 -o 指定输出的 .docx 文件")
    try:
        result = build_annual_report(settings.open_store(ctx), year, output, narrative)
    except NarrativeError as error:
        raise click.ClickException(f"{error}\n未生成报告。") from None
    _print_result(result)


@click.command("enforcement-analysis")
@click.option("--year", type=int, required=True, help="分析年度。")
@click.option("--agency", help="报告机关名称，如 示例市应急管理局；未指定时取 --narrative 文件中的“机关”。")
@click.option("--narrative", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="年度叙述文件，只用其中的机关名称。")
@click.option("--charts", type=click.Path(file_okay=False, path_type=Path),
              help="统计图的文件夹；默认在输出文件旁（文件名-图表）。")
@click.option("--output", "-o", type=OUT_FILE, required=True, help="输出的 .docx 文件。")
@click.pass_context
def enforcement_analysis(ctx: click.Context, year: int, agency: str | None, narrative: Path | None,
                         charts: Path | None, output: Path) -> None:
    """生成行政执法分析报告（.docx）：排名、计划完成、检查处罚比、趋势，附统计图。"""
    if narrative and not agency:
        try:
            agency = load_narrative(narrative, year).meta.get("机关")
        except NarrativeError as error:
            raise click.ClickException(str(error)) from None
    result = build_enforcement_analysis(settings.open_store(ctx), year, output, agency, charts)
    _print_result(result)


def _print_result(result: ReportResult) -> None:
    click.echo(f"已生成《{result.title}》：{result.path}")
    for notice in result.notices:
        click.echo(notice)
    if result.charts:
        click.echo("统计图：" + "、".join(str(path) for path in result.charts.values()))
    if result.gaps:
        click.echo(f"待补充（{len(result.gaps)} 项，报告中标为【待补充：…】）：")
        for gap in result.gaps:
            click.echo(f"  - {gap}")
    else:
        click.echo("所有数据项均已由台账取得。")
    if result.privacy:
        click.echo(f"保密审查（公开前逐项核对，{len(result.privacy)} 处）：")
        for point in result.privacy:
            click.echo(f"  - {point}")


ledger.add_command(ledger_template)
ledger.add_command(ledger_import)
ledger.add_command(ledger_status)
generate_group.add_command(annual_report)
generate_group.add_command(enforcement_analysis)

COMMANDS = [stats]
