"""Tables, charts and gap marks in an official-format document (GB/T 9704 styles of ``official_format``).

Table text is 仿宋_GB2312 五号, centred, without the body's first-line
indent; a chart is a centred picture with its caption below in 楷体_GB2312.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from generator import official_format as of
from generator.signature import STYLE_SIGNATURE, layout_signatures

TABLE_SIZE_PT = 10.5  # 五号
TEXT_WIDTH_MM = of.PAGE_WIDTH_MM - of.MARGIN_LEFT_MM - of.MARGIN_RIGHT_MM
CHART_WIDTH_MM = 150


def add_table(document: Document, headers: list[str], rows: list[list[str]], weights: list[float]) -> None:
    """Append a bordered table with a bold header row, column widths in proportion to ``weights``."""
    table = document.add_table(rows=1, cols=len(headers))
    table.autofit = False
    table.style = document.styles["Table Grid"] if "Table Grid" in document.styles else None
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers):
        _write_cell(cell, text, bold=True)
    _repeat_header(table.rows[0])
    for values in rows:
        for cell, text in zip(table.add_row().cells, values):
            _write_cell(cell, text)
    widths = [Mm(TEXT_WIDTH_MM * weight / sum(weights)) for weight in weights]
    for column, width in zip(table.columns, widths):
        column.width = width  # the grid, which LibreOffice reads
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width  # the cells, which Word reads
    of.add_body(document)


def add_chart(document: Document, path: Path, caption: str) -> None:
    """Append the PNG at ``path`` centred at chart width, with ``caption`` below it."""
    paragraph = of.add_paragraph(document, of.STYLE_BODY)
    _plain(paragraph, WD_ALIGN_PARAGRAPH.CENTER)
    paragraph.paragraph_format.keep_with_next = True
    paragraph.add_run().add_picture(str(path), width=Mm(CHART_WIDTH_MM))
    caption_paragraph = of.add_paragraph(document, of.STYLE_QUOTE, caption)
    _plain(caption_paragraph, WD_ALIGN_PARAGRAPH.CENTER)


def add_unindented(document: Document, text: str):
    """Append a body paragraph without first-line indent (the addressee line, for instance)."""
    paragraph = of.add_body(document, text)
    _no_indent(paragraph)
    return paragraph


def add_signature(document: Document, agency: str, day: str) -> None:
    """Append a blank line and the signature block (agency, date), kept on one page with the last paragraph."""
    if document.paragraphs:
        document.paragraphs[-1].paragraph_format.keep_with_next = True
    of.add_body(document).paragraph_format.keep_with_next = True
    of.add_paragraph(document, STYLE_SIGNATURE, agency)
    of.add_paragraph(document, STYLE_SIGNATURE, day)
    layout_signatures(document)


def _write_cell(cell, text: str, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    _plain(paragraph, WD_ALIGN_PARAGRAPH.CENTER)
    run = of.add_run(paragraph, text, bold=bold)
    of.set_run_font(run, of.FONT_FANGSONG, TABLE_SIZE_PT, bold=bold)


def _plain(paragraph, alignment) -> None:
    """Single line spacing (a picture needs it), no indent, given alignment."""
    fmt = paragraph.paragraph_format
    fmt.alignment = alignment
    fmt.line_spacing = 1.0
    _no_indent(paragraph)


def _no_indent(paragraph) -> None:
    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    ind.firstLine = Pt(0)
    ind.set(qn("w:firstLineChars"), "0")


def _repeat_header(row) -> None:
    """Repeat the header row on every page the table runs over."""
    properties = row._tr.get_or_add_trPr()
    header = properties.makeelement(qn("w:tblHeader"), {})
    header.set(qn("w:val"), "true")
    properties.append(header)
