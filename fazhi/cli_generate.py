"""Commands that write Word documents: `fazhi generate …` and `fazhi template …`.

The lead registers `COMMANDS` on the main group.
"""

import shutil
from pathlib import Path

import click
from jinja2 import TemplateError

from fazhi import settings
from generator.documents import (
    KINDS,
    DocumentKind,
    check_kind_template,
    generate,
    kind_for_template,
)
from generator.jinja_messages import chinese_message
from generator.review.casefile import CaseFileError
from generator.template_check import TemplateProblem
from generator.review.thresholds import ThresholdError
from templates import NAMES, template_path

KIND_CHOICE = click.Choice(list(KINDS))


@click.group("generate")
def generate_group() -> None:
    """由案件文件（YAML/JSON）生成 Word 文书：法制审核意见书、合法性审查意见书、案例评析。"""


def _generate_command(kind: DocumentKind) -> click.Command:
    """The `fazhi generate KIND` command of one document kind."""

    @click.command(kind.key, help=f"生成{kind.name}（.docx），并记入审核台账。")
    @click.argument("case_file", type=click.Path(dir_okay=False, path_type=Path))
    @click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
                  help="输出的 .docx 文件；默认与案件文件同名，放在案件文件旁。")
    @click.option("--reviewer", help=f"{kind.reviewer_key}姓名，覆盖案件文件中的“{kind.reviewer_key}”。")
    @click.option("--template", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                  help="使用修改过的模板（.docx）代替随软件附带的模板。")
    @click.option("--dry-run", is_flag=True, help="只核对和试生成，不写出文书，也不记入审核台账。")
    @click.pass_context
    def command(ctx, case_file: Path, output: Path | None, reviewer: str | None, template: Path | None,
                dry_run: bool) -> None:
        out = output or case_file.with_suffix(".docx")
        try:
            result = generate(settings.open_store(ctx), kind, case_file, out, reviewer=reviewer, template=template,
                              dry_run=dry_run)
        except CaseFileError as error:
            raise click.ClickException(f"{error}\n未生成文书。") from None
        except ThresholdError as error:
            raise click.ClickException(f"{case_file}：听证标准：{error}\n未生成文书。") from None
        except TemplateProblem as error:
            raise click.ClickException(f"{error}\n未生成文书。") from None
        except TemplateError as error:
            used = template or kind.template
            raise click.ClickException(f"模板 {used} 有误：{chinese_message(error)}\n"
                                       "可用 fazhi template check 检查模板。未生成文书。") from None
        conclusion = result.review.conclusion.result
        done = f"试生成{kind.name}成功，未写出文件" if dry_run else f"已生成{kind.name}：{result.path}"
        click.echo(done + (f"（结论：{conclusion}）" if conclusion else ""))
        standing = [f for f in result.review.findings if f.standing]
        for finding in standing:
            click.echo(f"  【{finding.status}】{finding.title}：{finding.message}", err=True)
        if result.entry:
            click.echo(f"已记入审核台账（{result.entry.doc_type}　{result.entry.number}）。")
        else:
            click.echo("试生成，未记入审核台账。" if dry_run else "示例文件，未记入审核台账。")

    return command


for _kind in KINDS.values():
    generate_group.add_command(_generate_command(_kind))


@click.group("template")
def template_group() -> None:
    """文书模板（.docx）：导出以便在 Word 中修改，检查修改后的模板。"""


@template_group.command("check")
@click.argument("template_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--document", "kind_key", type=KIND_CHOICE,
              help="模板的文书类型；默认按文件名判断（法制审核意见书.docx …）。")
def template_check(template_file: Path, kind_key: str | None) -> None:
    """列出模板使用的变量，报告未知变量和字段、缺少的必需变量、语法错误和与文字同段的段落标记。"""
    kind = KINDS[kind_key] if kind_key else kind_for_template(template_file)
    if kind is None:
        raise click.UsageError(f"无法从文件名判断文书类型，请用 --document 指定：{'、'.join(KINDS)}")
    report = check_kind_template(template_file, kind)
    click.echo(f"{template_file}（{kind.name}）使用的变量：{'、'.join(sorted(report.variables)) or '无'}")
    for problem in report.problems:
        click.echo(f"  - {problem}")
    if report.unknown:
        click.echo(f"未知变量（生成时没有这些值）：{'、'.join(report.unknown)}")
        click.echo(f"可用变量：{'、'.join(sorted(kind.variables))}")
    if report.missing:
        click.echo(f"缺少必需变量：{'、'.join(report.missing)}")
    if not report.ok:
        raise click.ClickException("模板检查未通过。")
    click.echo("模板检查通过。")


@template_group.command("export")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
def template_export(directory: Path) -> None:
    """把随软件附带的模板复制到 DIRECTORY，以便在 Word 中修改（已存在的文件不覆盖）。"""
    directory.mkdir(parents=True, exist_ok=True)
    for name in NAMES:
        target = directory / template_path(name).name
        if target.exists():
            click.echo(f"已存在，未覆盖：{target}")
            continue
        shutil.copyfile(template_path(name), target)
        click.echo(f"已导出：{target}")


COMMANDS = [generate_group, template_group]
