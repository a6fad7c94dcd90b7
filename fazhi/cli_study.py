"""Commands for study sessions: `fazhi study pack …` and the question bank `fazhi quiz …`.

The lead registers `COMMANDS` on the main group.
"""

from datetime import date, datetime
from pathlib import Path

import click

from fazhi import settings
from fazhi.composition import open_searcher
from generator.study.content import build_pack, choose_articles, default_title, topic_articles
from generator.study.pack import write_pack
from generator.study.paper import write_paper
from generator.study.slides import write_slides
from kb.errors import KnowledgeError
from kb.quiz.bank import Edit, generate_bank, laws_named, not_in_bank, review, standards_named
from kb.quiz.check import SUPPORTED, check_question
from kb.quiz.models import APPROVED, KINDS, LETTERS, REJECTED, STATUSES
from kb.quiz.papers import assemble_paper, paper_questions, record_result, score_answers, training_figures
from kb.quiz.refresh import refresh
from kb.quiz.store import QuizStore
from kb.quiz.xlsx import read_bank, write_bank
from search.query import IndexMissing, SearchOptions

KIND_CHOICE = click.Choice(KINDS)


def _fail(error: Exception) -> click.ClickException:
    return click.ClickException(str(error))


def _searcher(ctx):
    store = settings.open_store(ctx)
    try:
        return open_searcher(store, settings.data_dir(ctx.find_root().obj.get("data")))
    except IndexMissing:
        return None


def _lookup(ctx):
    """A function from a stem's text to the current articles a search finds, or None without an index."""
    searcher = _searcher(ctx)
    if searcher is None:
        return None
    store = settings.open_store(ctx)

    def lookup(text: str):
        hits = searcher.search(text, SearchOptions(limit=5, kinds=("条文",))).hits
        return [(store.law(h.law_id), store.article(h.doc_id)) for h in hits if store.article(h.doc_id)]
    return lookup


def report_refresh(store) -> QuizStore:
    """Bring the bank in step with the statutes (after an import) and say which questions were retired."""
    bank = QuizStore(store)
    done = refresh(store, bank)
    for question in done.retired:
        click.echo(f"题库：已停用第 {question.id} 题，{question.note}", err=True)
    if done.retired:
        click.echo(f"题库：{len(done.retired)} 道题的出处条文已修改或删除，已停用待重新审核"
                   "（fazhi quiz list --status 已停用）。")
    return bank


def _bank(ctx) -> QuizStore:
    """The bank of the data directory, brought in step with the statutes first."""
    return report_refresh(settings.open_store(ctx))


@click.group("study")
def study_group() -> None:
    """学习材料：条文、最近一次修改、典型案例和讨论题（Word 学习材料与 PPT 课件）。"""


@study_group.command("pack")
@click.argument("laws", nargs=-1)
@click.option("--chapter", "chapters", multiple=True, help="只收录这些章节的条文，如 第六章 或 法律责任（可多次）。")
@click.option("--topic", help="按专题检索条文，如 “特种作业人员培训”。")
@click.option("--title", help="材料标题；默认《法规名称》学习材料。")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="输出的学习材料 .docx 文件。")
@click.option("--slides", type=click.Path(dir_okay=False, path_type=Path), help="同时生成 PPT 课件（.pptx）。")
@click.pass_context
def study_pack(ctx, laws, chapters, topic, title, output, slides) -> None:
    """为选定的法规（或章节、专题）生成学习材料。"""
    if not laws and not topic:
        raise click.UsageError("请指定法规名称（如 安全生产法），或用 --topic 指定专题")
    store = settings.open_store(ctx)
    try:
        parts = choose_articles(store, list(laws), list(chapters)) if laws else []
        if topic:
            searcher = _searcher(ctx)
            if searcher is None:
                raise click.ClickException("按专题检索需要索引：请先运行 fazhi import 导入法规")
            parts += topic_articles(store, searcher, topic)
        pack = build_pack(store, parts, title or default_title(parts, topic))
    except KnowledgeError as error:
        raise _fail(error) from None
    write_pack(pack, output)
    count = sum(len(part.articles) for part in pack.parts)
    click.echo(f"已生成学习材料：{output}（条文 {count} 条，案例 {len(pack.cases)} 件，讨论题 {len(pack.discussion)} 道）")
    if slides:
        write_slides(pack, slides)
        click.echo(f"已生成课件：{slides}")


@click.group("quiz")
def quiz_group() -> None:
    """题库：由法规条文和裁量基准生成试题，审核、导出、导入、核对，组卷，记录成绩。"""


@quiz_group.command("generate")
@click.argument("laws", nargs=-1)
@click.option("--standard", "standards", multiple=True, help="由这个裁量基准（标识）出题（可多次）。")
@click.option("--type", "kinds", multiple=True, type=KIND_CHOICE, help="只生成这些题型（可多次）；默认全部。")
@click.pass_context
def quiz_generate(ctx, laws, standards, kinds) -> None:
    """由法规和裁量基准生成试题（不指定时为全部现行有效法规和裁量基准），新题为“待审核”；已出过的考点不再重复出题。"""
    store, bank = settings.open_store(ctx), _bank(ctx)
    everything = not laws and not standards
    try:
        chosen_laws = laws_named(store, list(laws)) if laws or everything else []
        chosen_standards = standards_named(store, list(standards)) if standards or everything else []
        made = generate_bank(store, bank, chosen_laws, tuple(kinds) or KINDS, standards=chosen_standards)
    except KnowledgeError as error:
        raise _fail(error) from None
    counts = "，".join(f"{kind} {sum(q.kind == kind for q in made)} 道" for kind in KINDS)
    click.echo(f"新增试题 {len(made)} 道（{counts}），均为“待审核”。用 fazhi quiz list 查看，fazhi quiz review 审核。")


@quiz_group.command("list")
@click.option("--status", type=click.Choice(STATUSES), help="只列出这种状态的题目。")
@click.option("--type", "kind", type=KIND_CHOICE, help="只列出这种题型。")
@click.option("--law", help="只列出出自这部法规的题目，如 中华人民共和国安全生产法。")
@click.pass_context
def quiz_list(ctx, status, kind, law) -> None:
    """列出题目：编号、题型、状态、题干、选项、答案和出处。已停用的题目附停用原因。"""
    questions = _bank(ctx).questions(status=status, kind=kind, law_key=law)
    for question in questions:
        click.echo(f"[{question.id}] {question.kind}　{question.status}　{question.stem}")
        for letter, option in zip(LETTERS, question.options if question.kind != "判断" else []):
            click.echo(f"      {letter}．{option}")
        click.echo(f"      答案：{question.answer}　出处：{question.source.citation or '未注明'}")
        if question.note:
            click.echo(f"      说明：{question.note}")
    click.echo(f"共 {len(questions)} 道。")


@quiz_group.command("review")
@click.argument("ids", nargs=-1, type=int, required=True)
@click.option("--approve", is_flag=True, help="审核通过（已审核），可用于组卷。")
@click.option("--reject", is_flag=True, help="不采用。")
@click.option("--stem", help="修改题干。")
@click.option("--option", "options", multiple=True, help="修改选项，写成 B=五万元以下（可多次）。")
@click.option("--answer", help="修改答案：选项字母、正确/错误，或填空内容。")
@click.option("--note", help="审核意见。")
@click.pass_context
def quiz_review(ctx, ids, approve, reject, stem, options, answer, note) -> None:
    """审核或修改题目；每次修改后按出处条文重新核对并显示结果。"""
    if approve and reject:
        raise click.UsageError("--approve 与 --reject 只能选一个")
    store, bank = settings.open_store(ctx), _bank(ctx)
    for question_id in ids:
        current = bank.get(question_id)
        if current is None:
            raise click.ClickException(f"题库中没有编号为 {question_id} 的题目。")
        new_options = list(current.options)
        for text in options:
            letter, _, value = text.partition("=")
            index = LETTERS.find(letter.strip().upper())
            if not value or index < 0 or index > len(new_options):
                raise click.UsageError(f"选项“{text}”应写成 B=内容，字母不超过现有选项后一位")
            new_options[index:index + 1] = [value.strip()]
        status = APPROVED if approve else REJECTED if reject else None
        edit = Edit(status=status, stem=stem, options=new_options if options else None, answer=answer, note=note)
        try:
            question, verdict = review(store, bank, question_id, edit, _lookup(ctx))
        except KnowledgeError as error:
            raise _fail(error) from None
        click.echo(f"[{question.id}] {question.status}　核对：{verdict.outcome}。{verdict.message}")


@quiz_group.command("export")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True, help="输出的 .xlsx 文件。")
@click.option("--status", type=click.Choice(STATUSES), help="只导出这种状态的题目。")
@click.pass_context
def quiz_export(ctx, output, status) -> None:
    """把题库导出为 Excel（.xlsx），每行一道题。"""
    questions = _bank(ctx).questions(status=status)
    write_bank(questions, output)
    click.echo(f"已导出 {len(questions)} 道题：{output}")


def _report_checks(ctx, questions) -> dict[str, int]:
    store = settings.open_store(ctx)
    lookup = _lookup(ctx)
    counts: dict[str, int] = {}
    for number, question in enumerate(questions, start=1):
        verdict = check_question(store, question, lookup)
        counts[verdict.outcome] = counts.get(verdict.outcome, 0) + 1
        if verdict.outcome != SUPPORTED:
            label = f"第 {question.id} 题" if question.id else f"第 {number} 题"
            click.echo(f"{label}【{verdict.outcome}】{question.stem[:40]}……：{verdict.message}")
    click.echo("核对结果：" + "，".join(f"{outcome} {count} 道" for outcome, count in counts.items()))
    return counts


@quiz_group.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def quiz_import(ctx, file) -> None:
    """导入已有题库（.xlsx），逐题按法规条文核对，导入的题目为“待审核”。"""
    store, bank = settings.open_store(ctx), _bank(ctx)
    try:
        questions = read_bank(store, file)
    except KnowledgeError as error:
        raise click.ClickException(f"{error}\n未导入任何题目。") from None
    _report_checks(ctx, questions)
    new, known = not_in_bank(bank, questions)
    bank.add(new)
    click.echo(f"已导入 {len(new)} 道题（待审核）" + (f"；{len(known)} 道题库中已有，未重复导入。" if known else "。"))


@quiz_group.command("check")
@click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--status", type=click.Choice(STATUSES), help="只核对题库中这种状态的题目。")
@click.pass_context
def quiz_check(ctx, file, status) -> None:
    """按现行法规条文核对题目（有依据 / 与条文不符 / 未找到依据）：给出 FILE 时核对该 .xlsx 而不导入。"""
    store, bank = settings.open_store(ctx), _bank(ctx)
    try:
        questions = read_bank(store, file) if file else bank.questions(status=status)
    except KnowledgeError as error:
        raise _fail(error) from None
    _report_checks(ctx, questions)


@quiz_group.command("paper")
@click.option("--title", default="法律知识测试卷", show_default=True, help="试卷标题。")
@click.option("--single", default=0, help="单选题数。")
@click.option("--multiple", default=0, help="多选题数。")
@click.option("--judge", default=0, help="判断题数。")
@click.option("--fill", default=0, help="填空题数。")
@click.option("--law", help="只从这部法规的题目中抽题，如 中华人民共和国安全生产法。")
@click.option("--seed", default=0, help="抽题的随机种子（同一种子抽出同样的题）。")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), required=True, help="输出的 .docx 文件。")
@click.pass_context
def quiz_paper(ctx, title, single, multiple, judge, fill, law, seed, output) -> None:
    """由已审核的题目组卷，生成试卷和附依据条文的参考答案（.docx）。"""
    bank = _bank(ctx)
    counts = {"单选": single, "多选": multiple, "判断": judge, "填空": fill}
    try:
        paper = assemble_paper(bank, title, counts, law_key=law, seed=seed, created=date.today())
    except KnowledgeError as error:
        raise _fail(error) from None
    write_paper(paper, paper_questions(bank, paper.id), output)
    click.echo(f"已生成试卷（编号 {paper.id}，{len(paper.question_ids)} 题）：{output}")


@quiz_group.command("record")
@click.argument("paper_id", type=int)
@click.option("--person", required=True, help="考生姓名。")
@click.option("--answers", required=True, help="作答，写成 题号=答案（试卷上的题号），以逗号分隔，如 1=B,2=ACD,3=正确。")
@click.option("--session", default="", help="考试场次名称，如 2026年安全生产月知识竞赛。")
@click.option("--unit", default="", help="考生单位。")
@click.option("--date", "taken", type=click.DateTime(["%Y-%m-%d"]), help="考试日期（YYYY-MM-DD），默认今天。")
@click.pass_context
def quiz_record(ctx, paper_id, person, answers, session, unit, taken) -> None:
    """评分并记录一名考生的成绩（计入考试场次和考核人次），逐题给出正误和依据条文。"""
    bank = _bank(ctx)
    try:
        questions = paper_questions(bank, paper_id)
    except KnowledgeError as error:
        raise _fail(error) from None
    given = {}
    for pair in filter(None, (p.strip() for p in answers.replace("，", ",").split(","))):
        number, _, answer = pair.partition("=")
        if not number.strip().isdigit() or not 1 <= int(number) <= len(questions) or not answer:
            raise click.UsageError(f"作答“{pair}”应写成 题号=答案，题号为试卷上的 1—{len(questions)}")
        given[questions[int(number) - 1].id] = answer.strip()
    try:
        result = record_result(bank, paper_id, person, given, (taken or datetime.now()).date(), session, unit)
    except KnowledgeError as error:
        raise _fail(error) from None
    for number, mark in enumerate(score_answers(bank, paper_id, given), start=1):
        sign = "√" if mark.right else "×"
        click.echo(f"{number}．{sign} 作答：{mark.given or '未答'}　答案：{mark.question.answer}　依据：{mark.citation}")
    click.echo(f"{result.person}：{result.score:g} 分（满分 {result.total:g} 分），已记录。")


@quiz_group.command("figures")
@click.option("--year", type=int, default=date.today().year, show_default=True, help="统计年度。")
@click.pass_context
def quiz_figures(ctx, year) -> None:
    """统计一年的学法考试场次和考核人次（供年度法治政府建设报告使用）。"""
    figures = training_figures(_bank(ctx), date(year, 1, 1), date(year, 12, 31))
    click.echo(f"{year}年：考试{figures['考试场次']}场次，考核{figures['考核人次']}人次。")


COMMANDS = [study_group, quiz_group]
