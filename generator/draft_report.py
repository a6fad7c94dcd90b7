"""The citation check report of a draft (``generator.review.draft_check``) as an official-format .docx.

Written in code rather than from a template: the report is a working paper
for the reviewer, with no wording staff need to adjust.  It follows the same
wording rules as the other documents (``generator.wording``): one citation
style, no working words, places named by the paragraph's opening words.
"""

from __future__ import annotations

from datetime import date
from os import PathLike

from docx import Document
from docx.document import Document as DocumentType

from generator import official_format as of
from generator.filters import date_text
from generator.render import save_atomically
from generator.review import findings as fd
from generator.review.draft_check import DraftCitation, DraftReport, QuoteCheck
from generator.review_voice import legal_wording
from generator.word_settings import set_core_properties
from generator.wording import apply_wording
from generator.signature import (
    STYLE_SIGNATURE,
    define_signature_style,
    layout_signatures,
)

TITLE = "条文引用核对报告"


def draft_report_document(report: DraftReport, today: date | None = None, agency: str = "") -> DocumentType:
    """Build the report: summary, one numbered entry per citation, then the unresolved references.

    ``agency`` (the 机关) becomes the author in the file's properties.
    """
    document = Document()
    of.setup_document(document)
    define_signature_style(document)
    numberer = of.HeadingNumberer()
    of.add_title(document, TITLE)
    of.add_body(document, f"核对文件：{report.source}")
    of.add_body(
        document,
        f"共核对条文引用{len(report.citations)}处，其中通过{report.count(fd.PASS)}处、"
        f"提示{report.count(fd.NOTE)}处、问题{report.count(fd.PROBLEM)}处。通过的引用，所引条文在现行有效版本中存在。",
    )
    of.add_heading(document, 1, numberer.next_label(1) + "逐条核对结果")
    if not report.citations:
        of.add_body(document, "文件中没有找到条文引用。")
    places: list[str] = []
    first: dict[tuple, int] = {}
    for index, item in enumerate(report.citations, start=1):
        if item.location not in places:
            places.append(item.location)
            of.add_heading(document, 2, f"{of.heading_label(2, len(places))}{item.location}")
        same = (item.law, item.label, item.outcome, item.message, item.quote and item.quote.quoted)
        if same in first and item.outcome != fd.PASS:
            of.add_heading(document, 3, f"{of.heading_label(3, index)}{item.written}（{item.outcome}）")
            of.add_body(document, f"核对结果同第{first[same]}处。")
            continue
        first.setdefault(same, index)
        _write_citation(document, index, item)
    if report.unresolved:
        of.add_heading(document, 1, numberer.next_label(1) + "未能确定所指法规的引用")
        for index, text in enumerate(report.unresolved, start=1):
            of.add_body(document, f"{of.heading_label(3, index)}{legal_wording(text)}。")
    of.add_body(document)
    of.add_paragraph(document, STYLE_SIGNATURE, f"核对日期：{date_text(today or date.today())}")
    layout_signatures(document)
    apply_wording(document)
    set_core_properties(document, f"{TITLE}（{report.source}）", agency)
    return document


def write_draft_report(report: DraftReport, out: str | PathLike, today: date | None = None, agency: str = "") -> None:
    """Write the report as a .docx file at ``out`` (through a temporary file)."""
    save_atomically(draft_report_document(report, today, agency), out)


def _write_citation(document: DocumentType, index: int, item: DraftCitation) -> None:
    heading = of.add_heading(document, 3, f"{of.heading_label(3, index)}{item.written}（{item.outcome}）")
    if item.outcome == fd.PASS and not item.quote:
        return  # the summary says what a passed citation is: current and existing
    heading.paragraph_format.keep_with_next = True
    of.add_body(document, f"条文：{legal_wording(item.message)}。")
    if item.quote:
        _write_quote(document, item.quote)
    if item.suggestion:
        of.add_body(document, f"建议：{legal_wording(item.suggestion)}。")


def _write_quote(document: DocumentType, quote: QuoteCheck) -> None:
    if quote.matches:
        of.add_body(document, f"引文：“{quote.quoted}”与条文一致。")
        return
    older = f"，与已被修订的{quote.older_version}版本一致，可能引用了旧版本" if quote.older_version else ""
    of.add_body(document, f"引文：“{quote.quoted}”与现行条文不一致{older}。")
    for number, difference in enumerate(quote.differences, start=1):
        of.add_body(document, f"{of.heading_label(4, number)}{difference}。")
    if quote.statute:
        of.add_body(document, f"条文原文：“{quote.statute}”。")
