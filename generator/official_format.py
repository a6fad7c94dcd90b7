"""Chinese official-document format (GB/T 9704-2012) for python-docx documents.

One definition of the page setup, the named paragraph styles and the page
numbers, shared by documents built in code and by docxtpl templates:

- A4 paper, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm;
- title 方正小标宋简体 二号 centred; body 仿宋_GB2312 三号; level-1 headings
  黑体 三号, level-2 楷体_GB2312 三号, levels 3 and 4 in the body font;
- exact line spacing of 28.95 pt (22 lines a page), first-line indent of two
  characters;
- headings numbered 一、 / （一） / 1. / （1）;
- page numbers "— 1 —" in 宋体 四号, right on odd pages and left on even pages,
  one character in from the text edge.

Fonts are written to ``w:rFonts`` as ``w:ascii``, ``w:hAnsi``, ``w:eastAsia``
and ``w:cs`` (theme font attributes removed) on the styles only: runs carry
just what differs from their paragraph's style (bold, italic, another font
for a quotation), so a clerk restyles the whole body in Word by changing the
正文 (Normal) style.  GB/T 9704 sets Latin letters and digits in the same
typeface as the Chinese text around them.  Widow and orphan control is on;
the document grid, the language and the core properties are set by
``generator.word_settings``.

The managed styles are Word's built-in ones (Normal, Title, Heading 1-4,
Quote, Footer) so that Word's navigation pane and table of contents see the
headings.  Body paragraphs of tables inherit the first-line indent of Normal;
templates that put text in table cells should override it there.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section, _Footer
from docx.shared import Mm, Pt
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from docxtpl import DocxTemplate

from generator.headings import HeadingNumberer, check_level, heading_label, starts_with_label  # noqa: F401
from generator.word_settings import condense_to_grid, set_document_grid, set_language, text_width_twips

PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297
MARGIN_TOP_MM = 37
MARGIN_BOTTOM_MM = 35
MARGIN_LEFT_MM = 28
MARGIN_RIGHT_MM = 26
# Distance from the page's bottom edge to the footer line: puts the dashes of
# the page number about 7 mm below the text block, as GB/T 9704 asks.
FOOTER_DISTANCE_MM = 25

FONT_XIAOBIAOSONG = "方正小标宋简体"
FONT_FANGSONG = "仿宋_GB2312"
FONT_HEITI = "黑体"
FONT_KAITI = "楷体_GB2312"
FONT_SONGTI = "宋体"

SIZE_ERHAO_PT = 22  # 二号
SIZE_SANHAO_PT = 16  # 三号
SIZE_SIHAO_PT = 14  # 四号

LINE_SPACING_PT = 28.95  # exact; 22 lines in the 225 mm high text block
FIRST_LINE_INDENT_CHARS = 2

STYLE_BODY = "Normal"
STYLE_TITLE = "Title"
STYLE_HEADINGS = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3", 4: "Heading 4"}
STYLE_QUOTE = "Quote"
STYLE_FOOTER = "Footer"
STYLE_SUBTITLE = "Subtitle"
STYLE_APPENDIX = "附件"  # the 附件 label that opens the appendix on a new page
STYLE_RUN_IN = "小标题"  # character style: a 楷体 heading run in at the start of its paragraph
MAX_HEADING_LEVEL = max(STYLE_HEADINGS)

PAGE_NUMBER_DASH = "—"

_THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_FONT_ATTRIBUTES = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")


@dataclass(frozen=True)
class StyleSpec:
    """Definition of one paragraph style managed by this module.

    ``outline_level`` (0-based) is set for headings only; ``exact_spacing``
    False means single line spacing.
    """

    name: str
    font: str
    size_pt: float
    alignment: WD_ALIGN_PARAGRAPH | None = WD_ALIGN_PARAGRAPH.JUSTIFY
    indent_chars: int = FIRST_LINE_INDENT_CHARS
    exact_spacing: bool = True
    space_after_pt: float = 0
    outline_level: int | None = None
    page_break_before: bool = False


_HEADING_FONTS = {1: FONT_HEITI, 2: FONT_KAITI, 3: FONT_FANGSONG, 4: FONT_FANGSONG}

# Normal comes first: every other style is based on it.
STYLE_SPECS: dict[str, StyleSpec] = {
    spec.name: spec
    for spec in (
        StyleSpec(STYLE_BODY, FONT_FANGSONG, SIZE_SANHAO_PT),
        StyleSpec(
            STYLE_TITLE,
            FONT_XIAOBIAOSONG,
            SIZE_ERHAO_PT,
            alignment=WD_ALIGN_PARAGRAPH.CENTER,
            indent_chars=0,
            space_after_pt=LINE_SPACING_PT,
        ),
        *(
            StyleSpec(STYLE_HEADINGS[level], font, SIZE_SANHAO_PT, outline_level=level - 1)
            for level, font in _HEADING_FONTS.items()
        ),
        StyleSpec(STYLE_QUOTE, FONT_KAITI, SIZE_SANHAO_PT),
        StyleSpec(STYLE_SUBTITLE, FONT_KAITI, SIZE_SANHAO_PT, alignment=WD_ALIGN_PARAGRAPH.CENTER, indent_chars=0),
        StyleSpec(STYLE_APPENDIX, FONT_HEITI, SIZE_SANHAO_PT, alignment=None, indent_chars=0,
                  page_break_before=True),
        StyleSpec(
            STYLE_FOOTER,
            FONT_SONGTI,
            SIZE_SIHAO_PT,
            alignment=None,
            indent_chars=0,
            exact_spacing=False,
        ),
    )
}


def as_document(doc: Document | DocxTemplate) -> Document:
    """Return the python-docx Document behind ``doc`` (a Document or a DocxTemplate)."""
    if isinstance(doc, DocxTemplate):
        doc.init_docx(reload=False)  # reload=True would drop a finished rendering
        return doc.docx
    return doc


def setup_document(doc: Document | DocxTemplate, *, restyle: bool = True) -> Document:
    """Apply the whole GB/T 9704 format to ``doc`` and return its python-docx Document.

    Sets A4 paper, margins and the 28 × 22 character grid on every section,
    the Chinese language, (re)defines the managed styles, and replaces the
    footers with odd/even page numbers.  ``restyle`` False keeps the styles
    the document already has (a template a clerk restyled in Word) and only
    adds the missing ones.  Safe to call again on the same document.  For a
    DocxTemplate, call it before ``render()`` or after it, but before ``save()``.
    """
    document = as_document(doc)
    _apply_doc_defaults(document)
    (apply_styles if restyle else ensure_styles)(document)
    document.settings.odd_and_even_pages_header_footer = True
    for section in document.sections:
        _apply_page_setup(section)
        set_document_grid(section, LINE_SPACING_PT, SIZE_SANHAO_PT)
        _write_page_numbers(section)
    if restyle:
        condense_to_grid(document.styles[STYLE_BODY].element, text_width_twips(document.sections[0]), SIZE_SANHAO_PT)
    return document


def apply_styles(doc: Document | DocxTemplate) -> None:
    """Define every managed style per GB/T 9704, replacing earlier definitions."""
    document = as_document(doc)
    for spec in STYLE_SPECS.values():
        _define_style(document, spec)
    _define_run_in_style(document)


def ensure_styles(doc: Document | DocxTemplate) -> None:
    """Add the managed styles that ``doc`` lacks, leaving the styles it has untouched."""
    document = as_document(doc)
    for spec in STYLE_SPECS.values():
        if spec.name not in document.styles:
            _define_style(document, spec)
    if STYLE_RUN_IN not in document.styles:
        _define_run_in_style(document)


def set_run_font(run: Run, east_asia: str, size_pt: float | None = None, bold: bool = False) -> None:
    """Set the run's font on all ``w:rFonts`` slots (eastAsia, ascii, hAnsi, cs), its size and its boldness.

    ``size_pt`` None keeps the run's size; ``bold`` False removes direct bold.
    """
    _set_font(run, east_asia, size_pt, bold)


def add_run(paragraph: Paragraph, text: str = "", *, bold: bool = False, italic: bool = False) -> Run:
    """Append a run that takes font and size from the paragraph's style; only bold and italic are direct."""
    run = paragraph.add_run(text)
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    return run


def add_paragraph(container, style_name: str, text: str = "") -> Paragraph:
    """Append a paragraph in ``style_name`` to ``container`` and put ``text`` (if any) in one run.

    ``container`` is anything with ``add_paragraph(text, style)``: a
    Document, a docxtpl Subdoc, a table cell, a header or footer.
    """
    paragraph = container.add_paragraph(style=style_name)
    if text:
        add_run(paragraph, text)
    return paragraph


def add_title(container, text: str) -> Paragraph:
    """Append the document title (方正小标宋简体 二号, centred)."""
    return add_paragraph(container, STYLE_TITLE, text)


def add_heading(container, level: int, text: str) -> Paragraph:
    """Append a heading of ``level`` 1-4; ``text`` carries its label (see ``heading_label``)."""
    check_level(level)
    return add_paragraph(container, STYLE_HEADINGS[level], text)


def add_body(container, text: str = "") -> Paragraph:
    """Append a body paragraph (仿宋_GB2312 三号, first line indented two characters)."""
    return add_paragraph(container, STYLE_BODY, text)


def _set_rfonts(rpr, font: str) -> None:
    """Point every rFonts slot of ``rpr`` at ``font`` and drop theme fonts, which would win over it."""
    rfonts = rpr.get_or_add_rFonts()
    for attribute in _THEME_FONT_ATTRIBUTES:
        rfonts.attrib.pop(qn(attribute), None)
    for attribute in _FONT_ATTRIBUTES:
        rfonts.set(qn(attribute), font)


def _set_font(owner: Run | ParagraphStyle, font: str, size_pt: float | None, bold: bool) -> None:
    """Set font, size and boldness on a run or a style (both expose ``element`` and ``font``)."""
    _set_rfonts(owner.element.get_or_add_rPr(), font)
    if size_pt is not None:
        owner.font.size = Pt(size_pt)
    owner.font.bold = True if bold else None


def _first_child(parent, tag: str):
    """Return the ``tag`` child of ``parent``, inserting it as first child when absent."""
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        parent.insert(0, child)
    return child


def _apply_doc_defaults(document: Document) -> None:
    """Make the body font the document default, for paragraphs outside the managed styles."""
    defaults = _first_child(document.styles.element, "w:docDefaults")
    rpr = _first_child(_first_child(defaults, "w:rPrDefault"), "w:rPr")
    _set_rfonts(rpr, FONT_FANGSONG)
    rpr.sz_val = Pt(SIZE_SANHAO_PT)
    set_language(document, rpr)


def _get_or_add_style(document: Document, name: str) -> ParagraphStyle:
    styles = document.styles
    if name in styles:
        return styles[name]
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH, builtin=name != STYLE_APPENDIX)
    if name != STYLE_BODY:
        style.base_style = styles[STYLE_BODY]
    style.quick_style = True
    return style


def _define_style(document: Document, spec: StyleSpec) -> None:
    """(Re)write a style's paragraph and run properties from ``spec``, dropping all previous ones."""
    style = _get_or_add_style(document, spec.name)
    for tag in ("w:pPr", "w:rPr"):
        for old in style.element.findall(qn(tag)):
            style.element.remove(old)
    _set_font(style, spec.font, spec.size_pt, bold=False)
    fmt = style.paragraph_format
    fmt.alignment = spec.alignment
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(spec.space_after_pt)
    fmt.line_spacing = Pt(LINE_SPACING_PT) if spec.exact_spacing else 1.0
    fmt.widow_control = True
    fmt.page_break_before = True if spec.page_break_before else None
    ppr = style.element.get_or_add_pPr()
    _set_first_line_indent(ppr, spec.indent_chars, spec.size_pt)
    if spec.outline_level is not None:
        fmt.keep_with_next = True
        ppr.get_or_add_outlineLvl().val = spec.outline_level


def _define_run_in_style(document: Document) -> None:
    """The character style of run-in headings: （一）执法主体与权限。 in 楷体_GB2312, then the text."""
    styles = document.styles
    style = styles[STYLE_RUN_IN] if STYLE_RUN_IN in styles else styles.add_style(STYLE_RUN_IN, WD_STYLE_TYPE.CHARACTER)
    for old in style.element.findall(qn("w:rPr")):
        style.element.remove(old)
    _set_rfonts(style.element.get_or_add_rPr(), FONT_KAITI)
    style.quick_style = True


def _set_first_line_indent(ppr, chars: int, size_pt: float) -> None:
    """Indent the first line by ``chars`` characters (firstLineChars, with firstLine in twips as fallback)."""
    ind = ppr.get_or_add_ind()
    ind.firstLine = Pt(chars * size_pt)
    ind.set(qn("w:firstLineChars"), str(chars * 100))


def _apply_page_setup(section: Section) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(PAGE_WIDTH_MM)
    section.page_height = Mm(PAGE_HEIGHT_MM)
    section.top_margin = Mm(MARGIN_TOP_MM)
    section.bottom_margin = Mm(MARGIN_BOTTOM_MM)
    section.left_margin = Mm(MARGIN_LEFT_MM)
    section.right_margin = Mm(MARGIN_RIGHT_MM)
    section.gutter = Mm(0)
    section.footer_distance = Mm(FOOTER_DISTANCE_MM)


def _write_page_numbers(section: Section) -> None:
    """Odd pages: number on the right; even pages: on the left; each one character in from the edge."""
    _write_page_number(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    _write_page_number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)


def _write_page_number(footer: _Footer, alignment: WD_ALIGN_PARAGRAPH) -> None:
    """Replace the footer's content with one "— PAGE —" paragraph."""
    footer.is_linked_to_previous = False
    for child in list(footer._element):
        footer._element.remove(child)
    paragraph = add_paragraph(footer, STYLE_FOOTER)
    fmt = paragraph.paragraph_format
    fmt.alignment = alignment
    one_char = Pt(SIZE_SIHAO_PT)
    if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
        fmt.right_indent = one_char
    else:
        fmt.left_indent = one_char
    add_run(paragraph, f"{PAGE_NUMBER_DASH} ")
    _add_field(paragraph, "PAGE", "1")
    add_run(paragraph, f" {PAGE_NUMBER_DASH}")


def _add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """Append a complex field (begin, instruction, separate, result, end), one run each."""
    _add_field_char(paragraph, "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    add_run(paragraph).element.append(instr)
    _add_field_char(paragraph, "separate")
    add_run(paragraph, placeholder)
    _add_field_char(paragraph, "end")


def _add_field_char(paragraph: Paragraph, kind: str) -> None:
    field_char = OxmlElement("w:fldChar")
    field_char.set(qn("w:fldCharType"), kind)
    add_run(paragraph).element.append(field_char)
