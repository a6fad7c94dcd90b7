"""Document-wide Word settings of an official document: character grid, language, core properties.

- The document grid (``w:docGrid`` type ``linesAndChars``) fixes 28 characters a
  line and 22 lines a page, as GB/T 9704-2012 7.1 asks.  Word computes the
  character pitch as the document's default font size plus ``charSpace``/4096
  points, so ``charSpace`` is derived from the text width of each section.
  Word sets 三号 characters on that 15.79 pt pitch; LibreOffice gives a
  character larger than the pitch two cells (14 a line), so the body style
  also condenses its characters to the pitch (``condense_to_grid``) and lays
  them out without snapping: Word and LibreOffice both set 28 a line.
- The language of the text is Chinese: ``w:lang`` and ``w:themeFontLang``
  have ``w:eastAsia`` zh-CN, as Chinese Word writes them.  Their ``w:val``
  (the language of Latin letters and digits) stays en-US, again as Chinese
  Word writes it: with zh-CN there, LibreOffice breaks lines inside numbers
  (“202|6年”, “40,0|00元”).
- Core properties name the document and its 机关 and carry no generator text.
"""

from __future__ import annotations

import math
from datetime import datetime, timezone

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section

CHARS_PER_LINE = 28
LINES_PER_PAGE = 22
LANGUAGE = "zh-CN"
LATIN_LANGUAGE = "en-US"
TWIPS_PER_PT = 20
_CHAR_SPACE_UNITS = 4096  # charSpace is in 1/4096 of a point

# w:sectPr children that follow w:docGrid in the schema's sequence.
_SECTPR_AFTER_GRID = ("w:printerSettings", "w:sectPrChange")
# w:rPr children that follow w:spacing, and w:pPr children that follow w:snapToGrid.
_RPR_AFTER_SPACING = (
    "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
    "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
)
_PPR_AFTER_SNAP = (
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
    "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)
# w:settings children that follow w:themeFontLang.
_SETTINGS_AFTER_THEME_LANG = (
    "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "w:schemaLibrary", "w:shapeDefaults",
    "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)


def char_space(text_width_twips: int, font_size_pt: float, chars: int = CHARS_PER_LINE) -> int:
    """The ``charSpace`` that fits exactly ``chars`` characters of ``font_size_pt`` in the text width.

    The pitch is rounded down (one unit more), so that Word never finds the
    line one hair too short for the last character.

    >>> char_space(8845, 16)
    -843
    """
    pitch_pt = text_width_twips / TWIPS_PER_PT / chars
    return math.floor((pitch_pt - font_size_pt) * _CHAR_SPACE_UNITS) - 1


def condensed_spacing(text_width_twips: int, font_size_pt: float, chars: int = CHARS_PER_LINE) -> int:
    """Character spacing (twentieths of a point, negative) that fits ``chars`` characters in the width.

    One twentieth more than the exact fit: LibreOffice otherwise loses the
    28th character on lines with full-width punctuation.

    >>> condensed_spacing(8845, 16)
    -6
    """
    pitch_pt = text_width_twips / TWIPS_PER_PT / chars
    return math.floor((pitch_pt - font_size_pt) * TWIPS_PER_PT) - 1


def condense_to_grid(style_element, text_width_twips: int, font_size_pt: float) -> None:
    """Condense the characters of a paragraph style to the grid pitch and turn off snapping to the grid."""
    rpr = style_element.get_or_add_rPr()
    spacing = rpr.find(qn("w:spacing"))
    if spacing is None:
        spacing = OxmlElement("w:spacing")
        rpr.insert_element_before(spacing, *_RPR_AFTER_SPACING)
    spacing.set(qn("w:val"), str(condensed_spacing(text_width_twips, font_size_pt)))
    ppr = style_element.get_or_add_pPr()
    snap = ppr.find(qn("w:snapToGrid"))
    if snap is None:
        snap = OxmlElement("w:snapToGrid")
        ppr.insert_element_before(snap, *_PPR_AFTER_SNAP)
    snap.set(qn("w:val"), "0")


def text_width_twips(section: Section) -> int:
    """The width of the text block of ``section`` in twips."""
    return int(section.page_width.twips - section.left_margin.twips - section.right_margin.twips)


def set_document_grid(section: Section, line_pitch_pt: float, font_size_pt: float) -> None:
    """Give ``section`` a 28 × 22 character grid: ``linesAndChars`` with the line pitch and matching charSpace."""
    width = text_width_twips(section)
    sect_pr = section._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.insert_element_before(grid, *_SECTPR_AFTER_GRID)
    grid.attrib.clear()
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(round(line_pitch_pt * TWIPS_PER_PT)))
    grid.set(qn("w:charSpace"), str(char_space(width, font_size_pt)))


def set_language(document: Document, rpr_default) -> None:
    """Mark the text as Chinese: ``w:lang`` in the run defaults and ``w:themeFontLang`` in the settings."""
    lang = rpr_default.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr_default.append(lang)
    lang.set(qn("w:val"), LATIN_LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    lang.set(qn("w:bidi"), "ar-SA")
    settings = document.settings.element
    theme = settings.find(qn("w:themeFontLang"))
    if theme is None:
        theme = OxmlElement("w:themeFontLang")
        settings.insert_element_before(theme, *_SETTINGS_AFTER_THEME_LANG)
    theme.attrib.clear()
    theme.set(qn("w:val"), LATIN_LANGUAGE)
    theme.set(qn("w:eastAsia"), LANGUAGE)


def set_core_properties(document: Document, title: str, author: str, now: datetime | None = None) -> None:
    """Title, author (the 机关) and creation time of the document; every generator trace is cleared."""
    props = document.core_properties
    moment = (now or datetime.now(timezone.utc)).replace(microsecond=0)
    props.title = title
    props.author = author
    props.last_modified_by = author
    props.created = moment
    props.modified = moment
    printed = props._element.find(qn("cp:lastPrinted"))
    if printed is not None:
        props._element.remove(printed)
    props.revision = 1
    for name in ("subject", "keywords", "comments", "category", "content_status", "identifier", "version"):
        setattr(props, name, "")
