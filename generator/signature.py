"""The signature block (发文机关署名 and 成文日期) laid out per GB/T 9704-2012 7.3.5.2.

Templates mark the block with the paragraph style “落款”: one or more name
lines followed by the date line.  After rendering, ``layout_signatures``
measures the rendered text and sets the right indents the standard asks for
documents without a seal:

- the name is set two characters in from the right margin;
- the date starts two characters to the right of where the name starts;
- when the date is too long for that, the date is set two characters in from
  the right margin and the name moves left to keep the two-character step.

Widths count Chinese characters as one character and Latin letters and
digits as half of one, as they are set in 仿宋.
"""

from __future__ import annotations

import unicodedata

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from generator.official_format import SIZE_SANHAO_PT, STYLE_BODY

STYLE_SIGNATURE = "落款"
MARGIN_CHARS = 2  # 右空二字
STEP_CHARS = 2  # the date starts two characters right of the name

_AUTO_SPACE_TAGS = ("w:autoSpaceDE", "w:autoSpaceDN")
# The w:pPr children that follow w:autoSpaceDN in the schema's sequence.
_PPR_AFTER_AUTO_SPACE = (
    "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)


def define_signature_style(document: Document) -> None:
    """Add the “落款” paragraph style (body font, right-aligned, no first-line indent) to ``document``."""
    styles = document.styles
    if STYLE_SIGNATURE in styles:
        return
    style = styles.add_style(STYLE_SIGNATURE, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[STYLE_BODY]
    style.quick_style = True
    fmt = style.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fmt.first_line_indent = Pt(0)
    fmt.keep_with_next = True
    style.element.get_or_add_pPr().get_or_add_ind().set(qn("w:firstLineChars"), "0")


def text_width(text: str) -> float:
    """Width of ``text`` in characters: wide (Chinese) characters count 1, others 0.5.

    >>> text_width("2026年11月26日")
    7.0
    """
    return sum(1 if unicodedata.east_asian_width(char) in ("W", "F") else 0.5 for char in text.strip())


def signature_indents(name_width: float, date_width: float) -> tuple[float, float]:
    """Return the right indents (name, date) in characters for the given widths.

    >>> signature_indents(10, 7), signature_indents(4, 7)
    ((2, 3), (7, 2))
    """
    date_indent = name_width - STEP_CHARS - date_width + MARGIN_CHARS
    if date_indent >= MARGIN_CHARS:
        return MARGIN_CHARS, date_indent
    return MARGIN_CHARS + STEP_CHARS + date_width - name_width, MARGIN_CHARS


def layout_signatures(document: Document) -> None:
    """Lay out every block of consecutive “落款” paragraphs in ``document``.

    The last paragraph of a block is the date, the others are names; blank
    paragraphs of the style are ignored.  Besides the indents, the last
    paragraph of text before the block (and before the paragraphs the
    template already keeps with it) is kept on the signature's page, so the
    signature never stands on a page with no text.  Documents without the
    style are left unchanged.
    """
    if STYLE_SIGNATURE not in document.styles:
        return
    paragraphs = document.paragraphs
    for start, block in _signature_blocks(paragraphs, document.styles[STYLE_SIGNATURE].style_id):
        *names, date_line = block
        name_indent, date_indent = (
            signature_indents(max(text_width(name.text) for name in names), text_width(date_line.text))
            if names
            else (MARGIN_CHARS, MARGIN_CHARS)
        )
        for name in names:
            _set_right_indent(name, name_indent)
        _set_right_indent(date_line, date_indent)
        _keep_text_before(paragraphs, start)


def _signature_blocks(paragraphs: list[Paragraph], style_id: str) -> list[tuple[int, list[Paragraph]]]:
    """(index of the first paragraph, non-blank paragraphs) of each run of paragraphs in style ``style_id``.

    The style is read from the paragraph's XML: ``Paragraph.style`` looks
    the style up among all styles, which is slow on long documents.
    """
    blocks: list[tuple[int, list[Paragraph]]] = []
    previous_was_signature = False
    for index, paragraph in enumerate(paragraphs):
        is_signature = paragraph._p.style == style_id
        if is_signature and paragraph.text.strip():
            if not previous_was_signature:
                blocks.append((index, []))
            blocks[-1][1].append(paragraph)
        if not is_signature or paragraph.text.strip():
            previous_was_signature = is_signature
    return blocks


def _keep_text_before(paragraphs: list[Paragraph], start: int) -> None:
    """Keep the first paragraph before ``start`` not already kept with its next one on the next page."""
    index = start - 1
    while index >= 0 and paragraphs[index].paragraph_format.keep_with_next:
        index -= 1
    if index >= 0:
        paragraphs[index].paragraph_format.keep_with_next = True


def _set_right_indent(paragraph: Paragraph, chars: float) -> None:
    paragraph.paragraph_format.right_indent = Pt(chars * SIZE_SANHAO_PT)
    _no_auto_spacing(paragraph._p.get_or_add_pPr())


def _no_auto_spacing(ppr) -> None:
    """Turn off the extra space Word puts between Chinese characters and Latin letters or digits.

    The indents are computed from character widths; automatic spacing would
    widen “2026年3月23日” by more than a character and spoil the alignment.
    """
    for index, tag in enumerate(_AUTO_SPACE_TAGS):
        element = ppr.find(qn(tag))
        if element is None:
            element = OxmlElement(tag)
            ppr.insert_element_before(element, *_AUTO_SPACE_TAGS[index + 1 :], *_PPR_AFTER_AUTO_SPACE)
        element.set(qn("w:val"), "0")
