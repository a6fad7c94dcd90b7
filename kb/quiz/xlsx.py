"""The bank as a spreadsheet: one row per question, to review in Excel or to bring in a bank
kept elsewhere.

Columns: 编号 题型 题干 选项A…选项E 答案 依据 版本 考点 状态 审核意见. 答案 is the option letters
(单选 B, 多选 ACD), 正确/错误 (判断) or the words of the blank (填空). 依据 is a citation,
《中华人民共和国安全生产法》第九十七条, or a standard's tier as the export writes it; 版本 the version date of the law it was written against.
Imported questions are 待审核 and keep their 依据 when the statute store holds it.
"""

from datetime import date
from pathlib import Path
from zipfile import BadZipFile

import openpyxl
from openpyxl.styles import Alignment, Font

from kb.errors import KnowledgeError
from kb.quiz.bank import validate
from kb.quiz.models import DRAFT, KINDS, LETTERS, STATUTE, TRUE_FALSE, Question, Source
from kb.refs import parse_ref
from kb.quiz.standards import find_tier
from kb.quiz.standards import source_of as standards_source
from kb.standards.store import StandardStore
from kb.store import Store

OPTION_COLUMNS = tuple(f"选项{letter}" for letter in LETTERS[:5])
COLUMNS = ("编号", "题型", "题干", *OPTION_COLUMNS, "答案", "依据", "版本", "考点", "状态", "审核意见")
REQUIRED = ("题型", "题干", "答案")
SHEET = "题库"
WIDTHS = {"题干": 60, "依据": 30, "审核意见": 40}


def write_bank(questions: list[Question], path: Path) -> None:
    """Write the questions to a workbook that `read_bank` reads back (through a temporary file, so
    that a failure never leaves half a workbook)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(COLUMNS)
    for question in questions:
        options = [] if question.kind == TRUE_FALSE else question.options
        source = question.source
        sheet.append([question.id, question.kind, question.stem,
                      *(options + [""] * len(OPTION_COLUMNS))[:len(OPTION_COLUMNS)],
                      question.answer, source.citation if source.label else "",
                      source.version.isoformat() if source.version else "", question.fact, question.status,
                      question.note])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = WIDTHS.get(cell.value, 14)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".~{path.name}")
    try:
        book.save(temporary)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def read_bank(store: Store, path: Path, today: date | None = None) -> list[Question]:
    """Read a workbook of questions (see the module docstring); every error names the row and column.
    Nothing is returned unless every row is valid."""
    try:
        book = openpyxl.load_workbook(path, data_only=True, read_only=True)
    except FileNotFoundError:
        raise KnowledgeError(f"文件不存在：{path}") from None
    except (BadZipFile, KeyError, OSError) as error:
        raise KnowledgeError(f"{path}：不是有效的 .xlsx 文件（{error}）") from None
    sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    if not rows:
        raise KnowledgeError(f"{path}：工作表“{sheet.title}”是空的")
    header = [str(cell).strip() if cell is not None else "" for cell in rows[0]]
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise KnowledgeError(f"{path}：表头缺少列：{'、'.join(missing)}（应有 {' '.join(COLUMNS)}）")
    questions = []
    for number, values in enumerate(rows[1:], start=2):
        row = {name: ("" if value is None else str(value).strip()) for name, value in zip(header, values)}
        if not any(row.values()):
            continue
        questions.append(_question(store, row, f"{path} 第 {number} 行", today))
    if not questions:
        raise KnowledgeError(f"{path}：没有题目")
    return questions


def _question(store: Store, row: dict, where: str, today: date | None) -> Question:
    kind = row.get("题型", "").removesuffix("题")
    if kind not in KINDS:
        raise KnowledgeError(f"{where}：“题型”为“{row.get('题型', '')}”，应为：{'、'.join(KINDS)}")
    options = [row[name] for name in OPTION_COLUMNS if row.get(name)]
    answer = row.get("答案", "")
    if kind != TRUE_FALSE and kind != "填空":
        answer = "".join(sorted(answer.upper().replace(",", "").replace("，", "").replace("、", "").replace(" ", "")))
    elif kind == TRUE_FALSE:
        answer = {"对": "正确", "√": "正确", "错": "错误", "×": "错误"}.get(answer, answer)
    question = Question(kind=kind, stem=row["题干"], answer=answer, options=options, fact=row.get("考点", ""),
                        source=_source(store, row.get("依据", ""), where), status=DRAFT, origin="导入",
                        note=row.get("审核意见", ""), created=today or date.today())
    validate(question, where)
    return question


def _source(store: Store, citation: str, where: str) -> Source:
    """The source a 依据 cell names, in the current version; an empty source when the cell is empty."""
    if not citation:
        return Source(kind=STATUTE, key="", title="", ref_id=None, version=None, label="")
    try:
        ref = parse_ref(citation)
    except ValueError as error:
        tier = _standard_source(store, citation)
        if tier:
            return tier
        raise KnowledgeError(f"{where}：“依据”{error}，或写成裁量基准的标题和事项（阶次）") from None
    found = store.find_article(ref.law, ref.number, ref.suffix)
    if not found:
        return Source(kind=STATUTE, key="", title=f"《{ref.law}》", ref_id=None, version=None,
                      label=ref.label, number=ref.number, suffix=ref.suffix)
    law, article = found
    return Source(kind=STATUTE, key=law.key, title=law.display_title, ref_id=law.id, version=law.version,
                  label=article.label, number=article.number, suffix=article.suffix, text=article.text)


def _standard_source(store: Store, citation: str) -> Source | None:
    """The tier a 依据 cell such as 《某省裁量基准》（2024年3月1日）AQ-097-7（一般） names, in the
    standard's current version; None when no current standard's title opens the cell."""
    for standard in StandardStore(store).current():
        if citation.startswith(standard.display_title):
            found = find_tier(store, standard.key, citation.removeprefix(standard.display_title))
            return standards_source(*found) if found else None
    return None
