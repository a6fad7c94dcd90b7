"""An exam paper as an official-format .docx: the questions by kind, then (from a new page) the
answer sheet — each answer with the article that proves it, quoted in the version it was
checked against."""

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from generator.filters import date_text
from generator.official_format import HeadingNumberer, add_body, add_heading, add_title, setup_document
from generator.render import save_atomically
from generator.study.writing import labelled, quote
from kb.quiz.models import KINDS, LETTERS, MULTIPLE, TRUE_FALSE, Paper, Question
from kb.quiz.papers import POINTS
from kb.quiz.proof import filled

SECTION_NAMES = {"单选": "单项选择题", "多选": "多项选择题", "判断": "判断题", "填空": "填空题"}
INSTRUCTIONS = {"单选": "每题只有一个正确答案", "多选": "每题有两个或者两个以上正确答案",
                "判断": "正确的填“正确”，错误的填“错误”", "填空": "在括号内填写正确内容"}


def write_paper(paper: Paper, questions: list[Question], out, points: dict[str, float] | None = None) -> Document:
    """Write the paper and its answer sheet to `out` (.docx) and return the document."""
    points = points or POINTS
    doc = Document()
    setup_document(doc)
    add_title(doc, paper.title)
    candidate = add_body(doc, "单位：＿＿＿＿＿＿　姓名：＿＿＿＿　得分：＿＿＿")
    candidate.paragraph_format.first_line_indent = 0
    candidate.alignment = WD_ALIGN_PARAGRAPH.CENTER
    by_kind = {kind: [q for q in questions if q.kind == kind] for kind in KINDS}
    total = sum(points.get(q.kind, 1) for q in questions)
    add_body(doc, f"本卷共{len(questions)}题，满分{_number(total)}分。")
    numbers, order = HeadingNumberer(), []
    for kind in KINDS:
        if not by_kind[kind]:
            continue
        each = points.get(kind, 1)
        add_heading(doc, 1, f"{numbers.next_label(1)}{SECTION_NAMES[kind]}（{INSTRUCTIONS[kind]}，"
                            f"每题{_number(each)}分，共{_number(each * len(by_kind[kind]))}分）")
        for question in by_kind[kind]:
            order.append(question)
            _question(doc, len(order), question)
    heading = add_heading(doc, 1, "参考答案及依据")
    heading.paragraph_format.page_break_before = True
    for number, question in enumerate(order, start=1):
        shown = f"（{question.answer_text}）" if question.kind in ("单选", MULTIPLE) else ""
        labelled(doc, f"{number}．{question.answer}", f"{shown}　依据：{question.source.citation}"
                 f"（{_version(question)}）")
        for line in _proof(question).split("\n"):
            quote(doc, line)
    save_atomically(doc, out)
    return doc


def _question(doc, number: int, question: Question) -> None:
    stem = question.stem
    if question.kind == TRUE_FALSE:
        stem += "（　　）"
    elif question.kind == MULTIPLE and "（　　）" not in stem:
        stem += "（　　）"
    add_body(doc, f"{number}．{stem}")
    if question.kind in ("单选", MULTIPLE):
        for letter, option in zip(LETTERS, question.options):
            add_body(doc, f"{letter}．{option}")


def _proof(question: Question) -> str:
    """What the article says: the sentence asked about with its words, or the article's text."""
    if question.context and question.kind != MULTIPLE:
        return filled(question.context, question.fill)
    return question.source.text


def _version(question: Question) -> str:
    version = question.source.version
    return f"{date_text(version)}版" if version else "版本日期不详"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
