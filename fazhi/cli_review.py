"""Commands of the legal review: `fazhi review`, `fazhi check` and `fazhi ledger`.

The lead registers `COMMANDS` on the main group.
"""

import json
from pathlib import Path

import click

from fazhi import settings
from generator.draft_report import write_draft_report
from generator.review import bureau_config
from generator.review import findings as fd
from generator.review import decisions
from generator.review import ledger as review_ledger
from generator.review.casefile import CaseFileError, OpinionCase, load_case
from generator.review.checks import review_case
from generator.review.draft_check import DraftError, check_draft, render_report
from generator.review.report import missing_lines, review_dict
from generator.review.schema import to_money
from generator.review.thresholds import ThresholdError, load_thresholds

COLOURS = {fd.PASS: "green", fd.NOTE: "yellow", fd.UNVERIFIED: "magenta", fd.PROBLEM: "red"}


@click.command("review")
@click.argument("case_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--thresholds", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="听证较大数额标准配置文件（YAML）；默认使用本机关导入的配置（fazhi config），没有的用随软件附带的。")
@click.option("--region", help="选用配置中的哪一项标准（案件文件写了“听证标准”的，以案件文件为准）。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出全部核对结果（核对项、状态、意见、所引条文）和建议结论。")
@click.pass_context
def review(ctx: click.Context, case_file: Path, thresholds: Path | None, region: str | None, as_json: bool) -> None:
    """机器审核案件文件（YAML/JSON）：逐项列出核对结果和建议结论。"""
    store = settings.open_store(ctx)
    try:
        case = load_case(case_file)
        limits = None
        if isinstance(case, OpinionCase):
            config = load_thresholds(thresholds) if thresholds else bureau_config.read(store, bureau_config.THRESHOLDS)
            limits = config.select(case.hearing_region or region)
    except CaseFileError as error:
        raise click.ClickException(str(error)) from None
    except ThresholdError as error:
        raise click.ClickException(f"{case_file}：听证标准：{error}") from None
    result = review_case(store, case, limits)
    if as_json:
        click.echo(json.dumps(review_dict(store, result), ensure_ascii=False, indent=2))
        return
    click.echo(click.style(f"{case.doc_type}　{_heading(case)}", bold=True))
    for line in missing_lines(result, not store.laws()):
        click.echo(click.style(line, fg="magenta"))
    if isinstance(case, OpinionCase):
        for entry in review_ledger.earlier_opinions(store, case):
            click.echo(f"重新审核：本案（{case.case_number}）此前已出具审核意见 {entry.number}"
                       f"（{entry.reviewed or '日期不详'}，结论：{entry.conclusion or '未写明'}）")
    for finding in result.findings:
        _print_finding(finding)
    if result.conclusion.result:
        _print_conclusion(result)


@click.command("check")
@click.argument("draft", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="把核对报告写入文件：.docx 为可附卷的 Word 报告，其他扩展名为文本。")
@click.option("--agency", default="", help="出具报告的机关（写入 Word 报告的文档属性“作者”），如 示例市应急管理局。")
@click.pass_context
def check(ctx: click.Context, draft: Path, output: Path | None, agency: str) -> None:
    """核对草稿（.docx/.txt）中的每一处条文引用：条文是否存在、是否现行版本、引文是否与原文一致。"""
    try:
        report = check_draft(settings.open_store(ctx), draft)
    except DraftError as error:
        raise click.ClickException(str(error)) from None
    text = render_report(report)
    if output:
        if output.suffix.lower() == ".docx":
            write_draft_report(report, output, agency=agency)
        else:
            output.write_text(text, encoding="utf-8")
        click.echo(f"核对报告已写入 {output}（问题 {report.count(fd.PROBLEM)} 处，提示 {report.count(fd.NOTE)} 处）。")
    else:
        click.echo(text, nl=False)


@click.group("ledger", invoke_without_command=True)
@click.option("--year", type=int, help="只列出该年度（按审核日期）的记录，并按文书类型和结论统计。")
@click.option("--unit", help="只列出该送审科室（起草单位）的记录。")
@click.option("--conclusion", help="只列出该结论的记录，如 同意、不同意。")
@click.pass_context
def ledger(ctx: click.Context, year: int | None, unit: str | None, conclusion: str | None) -> None:
    """列出审核台账：每份已生成的审核文书（审核人、日期、案件、结论、金额）。

    子命令管理台账本身（作废记录、导入执法台账等）；不带子命令时列出审核台账。
    """
    if ctx.invoked_subcommand is not None:
        return
    store = settings.open_store(ctx)
    entries = review_ledger.entries(store, year, voided=True, unit=unit, conclusion=conclusion)
    if not entries:
        asked = "、".join(f for f in (f" {year} 年" if year else "", unit, conclusion and f"结论为{conclusion}") if f)
        click.echo(f"审核台账中没有{asked}的记录。" if asked else "审核台账中没有记录。")
        return
    for entry in entries:
        day = entry.reviewed.isoformat() if entry.reviewed else "日期不详"
        party = f"　{entry.party}" if entry.party else ""
        amount = f"　{entry.amount}元" if entry.amount else ""
        void = f"　【{review_ledger.VOID}：{entry.voided_reason}】" if entry.voided else ""
        office = f"　{entry.unit}" if entry.unit else ""
        click.echo(f"{day}　{entry.doc_type}　{entry.number}　{entry.cause}{party}{office}　{entry.conclusion}{amount}"
                   f"　审核人：{entry.reviewer}{void}")
    if year is not None and not (unit or conclusion):
        for doc_type, counts in review_ledger.year_summary(store, year).items():
            parts = "，".join(f"{conclusion or '未写结论'} {n} 件" for conclusion, n in counts.items())
            click.echo(f"{year} 年{doc_type}共 {sum(counts.values())} 件：{parts}")


def _heading(case) -> str:
    parts = [getattr(case, name, "") for name in ("number", "title")]
    party = getattr(case, "party", None)
    return "　".join(p for p in parts + [party.name if party else ""] if p)


def _print_finding(finding: fd.Finding) -> None:
    mark = click.style(f"【{finding.status}】", fg=COLOURS[finding.status], bold=True)
    click.echo(f"{mark}{finding.title}：{finding.message}")
    if finding.overridden_by:
        click.echo(f"    人工判断（原为“{finding.original_outcome}”）：{finding.overridden_by}")
    for line in finding.details:
        click.echo(f"    - {line}")
    if finding.remedy and finding.standing:
        click.echo(f"    建议：{finding.remedy}")
    if finding.citations:
        click.echo("    依据：" + "；".join(a.citation for a in finding.citations))


def _print_conclusion(result) -> None:
    conclusion = result.conclusion
    who = "建议结论" if conclusion.proposed else "审核结论"
    click.echo("")
    click.echo(click.style(f"{who}：{conclusion.result}", bold=True))
    if not conclusion.proposed and result.proposed.result != conclusion.result:
        click.echo(f"（机器建议结论为“{result.proposed.result}”）")
    for number, reason in enumerate(conclusion.reasons, 1):
        click.echo(f"  {number}. {reason}")
    if conclusion.notes:
        click.echo("注意：")
        for note in conclusion.notes:
            click.echo(f"  - {note}")


@ledger.command("void")
@click.argument("number")
@click.option("--reason", required=True, help="作废的理由（必填），记入台账。")
@click.option("--decision", is_flag=True, help="作废决定台账中的处罚决定（默认作废审核台账中的审核文书）。")
@click.pass_context
def ledger_void(ctx: click.Context, number: str, reason: str, decision: bool) -> None:
    """把审核台账（或 --decision：决定台账）中文号为 NUMBER 的记录标为作废；记录保留，不再计数。"""
    store = settings.open_store(ctx)
    try:
        if decision:
            decisions.void(store, number, reason)
        else:
            review_ledger.void(store, number, reason)
    except (LookupError, ValueError) as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"已作废{'决定台账' if decision else '审核台账'}记录：{number}（理由：{reason}）")


@ledger.command("decide")
@click.argument("case_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--number", required=True, help="处罚决定书文号。")
@click.option("--date", "decided", required=True, type=click.DateTime(formats=["%Y-%m-%d"]), help="决定日期，如 2026-03-27。")
@click.option("--amount", help="决定的罚款合计（元）；默认取案件文件中拟处罚的罚款合计。")
@click.pass_context
def ledger_decide(ctx: click.Context, case_file: Path, number: str, decided, amount: str | None) -> None:
    """把已作出的处罚决定记入决定台账（一事不再罚核对的是决定台账，不是审核意见）。"""
    try:
        case = load_case(case_file, "opinion")
        money = to_money(amount) if amount else None
        record = decisions.record(settings.open_store(ctx), decisions.from_case(case, number, decided.date(), money))
    except CaseFileError as error:
        raise click.ClickException(str(error)) from None
    except ValueError as error:
        raise click.ClickException(f"{case_file}：{error}") from None
    click.echo(f"已记入决定台账：{record.number}　{record.decided}　{record.party}　罚款 {record.amount}元"
               f"（案件编号：{record.case_number or '未写明'}）")


@ledger.command("decisions")
@click.pass_context
def ledger_decisions(ctx: click.Context) -> None:
    """列出决定台账：已作出的处罚决定（文号、日期、当事人、罚款、案件编号）。"""
    rows = decisions.decisions(settings.open_store(ctx), voided=True)
    if not rows:
        click.echo("决定台账中没有记录。")
    for row in rows:
        void = f"　【{review_ledger.VOID}：{row.voided_reason}】" if row.voided else ""
        click.echo(f"{row.decided}　{row.number}　{row.party}　罚款 {row.amount}元　案件编号：{row.case_number or '未写明'}"
                   f"　{row.cause}{void}")


COMMANDS = [review, check, ledger]
