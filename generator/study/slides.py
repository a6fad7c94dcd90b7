"""The study pack as slides (.pptx) for the session: title, one slide per article (long articles
continue on the next slide), the amendment (each changed 款 before and after, side by side, the
amended words in bold), each case, the discussion questions.

Text is set in 黑体 (titles) and 仿宋 (body) as East Asian fonts, so that PowerPoint and WPS
show Chinese in them.
"""

from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from generator.filters import date_text
from generator.render import save_atomically
from generator.study.content import StudyPack
from kb.versions_diff import MODIFIED, changed_paragraphs, marked_text

TITLE_FONT, BODY_FONT = "黑体", "仿宋"
MARGIN = Emu(457200)                          # half an inch
BODY_TOP = Emu(1400000)
TITLE_SIZE, BODY_SIZE, SMALL_SIZE = Pt(30), Pt(24), Pt(20)
CHARS_PER_SLIDE = 280                         # body text that fits one slide at BODY_SIZE
DARK_RED = RGBColor(0xA0, 0x1C, 0x1C)
TITLE_LAYOUT, CONTENT_LAYOUT, TITLE_ONLY_LAYOUT = 0, 1, 5


def write_slides(pack: StudyPack, out) -> Presentation:
    """Write the pack's slides to `out` (.pptx) and return the presentation."""
    deck = Presentation()
    cover = deck.slides.add_slide(deck.slide_layouts[TITLE_LAYOUT])
    _set(cover.shapes.title, pack.title, TITLE_FONT, Pt(40), DARK_RED)
    _set(cover.placeholders[1], "、".join(f"{p.law.display_title}（{p.version}）" for p in pack.parts),
         BODY_FONT, SMALL_SIZE)
    for part in pack.parts:
        for article in part.articles:
            _text_slides(deck, f"{part.law.display_title}{article.label}", article.paragraphs)
    for part in pack.parts:
        diff = part.amendment
        if diff is None:
            continue
        for change in part.changes:
            if change.kind == MODIFIED:
                for before, after in changed_paragraphs(change.old, change.new):
                    _comparison_slide(deck, f"{change.label}修改对照", before, after,
                                      (f"修改前（{date_text(diff.old.version)}版）", f"修改后（{date_text(diff.new.version)}版）"))
            else:
                _text_slides(deck, f"{change.new.label}（新增）", change.new.paragraphs)
    for case in pack.cases:
        lines = [f"基本案情：{case.facts.strip()}"]
        lines += [f"处理结果：{case.decision}"] if case.decision else []
        lines += [f"评析：{case.commentary}"] if case.commentary else []
        _text_slides(deck, case.title, lines)
    if pack.discussion:
        _text_slides(deck, "讨论题", [f"{i}．{q}" for i, q in enumerate(pack.discussion, start=1)])
    save_atomically(deck, Path(out))
    return deck


def _text_slides(deck, title: str, paragraphs: list[str]) -> None:
    """As many content slides as the text needs; continuation slides say （续）."""
    pages, page, size = [], [], 0
    for text in paragraphs:
        for piece in _pieces(text):
            if page and size + len(piece) > CHARS_PER_SLIDE:
                pages.append(page)
                page, size = [], 0
            page.append(piece)
            size += len(piece)
    pages.append(page)
    for index, lines in enumerate(pages):
        slide = deck.slides.add_slide(deck.slide_layouts[CONTENT_LAYOUT])
        _set(slide.shapes.title, title + ("（续）" if index else ""), TITLE_FONT, TITLE_SIZE, DARK_RED)
        body = slide.placeholders[1]
        body.left, body.top = MARGIN, BODY_TOP
        body.width, body.height = deck.slide_width - 2 * MARGIN, deck.slide_height - BODY_TOP - MARGIN
        frame = body.text_frame
        frame.word_wrap = True
        for number, line in enumerate(lines):
            paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
            paragraph.text = line
            paragraph.space_after = Pt(6)
            for run in paragraph.runs:
                _font(run, BODY_FONT, BODY_SIZE if len(lines) < 6 else SMALL_SIZE)
        _no_bullets(frame)


def _comparison_slide(deck, title: str, before: str, after: str, headings: tuple[str, str]) -> None:
    """One 款 before and after the amendment side by side, the amended words in bold on the right."""
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY_LAYOUT])
    _set(slide.shapes.title, title, TITLE_FONT, TITLE_SIZE, DARK_RED)
    width = (deck.slide_width - 3 * MARGIN) // 2
    for column, (heading, pieces) in enumerate(((headings[0], [(False, before or "（无）")]),
                                                (headings[1], marked_text(before, after) if after else [(False, "（删去）")]))):
        box = slide.shapes.add_textbox(MARGIN + column * (width + MARGIN), BODY_TOP, width, deck.slide_height - BODY_TOP - MARGIN)
        frame = box.text_frame
        frame.word_wrap = True
        head = frame.paragraphs[0]
        head.text = heading
        _font(head.runs[0], TITLE_FONT, SMALL_SIZE, DARK_RED)
        body = frame.add_paragraph()
        size = BODY_SIZE if len(after or before) < CHARS_PER_SLIDE // 2 else SMALL_SIZE
        for changed, text in pieces:
            run = body.add_run()
            run.text = text
            _font(run, BODY_FONT, size)
            run.font.bold = changed


def _pieces(text: str) -> list[str]:
    """A paragraph cut at sentence ends (。；) when it alone would overfill a slide."""
    if len(text) <= CHARS_PER_SLIDE:
        return [text]
    pieces, current = [], ""
    for char in text:
        current += char
        if char in "。；" and len(current) > CHARS_PER_SLIDE // 2:
            pieces.append(current)
            current = ""
    return pieces + ([current] if current else [])


def _set(shape, text: str, font: str, size, color=None) -> None:
    shape.text_frame.text = text
    for paragraph in shape.text_frame.paragraphs:
        for run in paragraph.runs:
            _font(run, font, size, color)


def _font(run, name: str, size, color=None) -> None:
    run.font.size = size
    run.font.name = name
    rpr = run._r.get_or_add_rPr()
    for tag in ("a:ea", "a:cs"):
        element = rpr.find(qn(tag))
        if element is None:
            element = rpr.makeelement(qn(tag), {})
            rpr.append(element)
        element.set("typeface", name)
    if color is not None:
        run.font.color.rgb = color


def _no_bullets(frame) -> None:
    for paragraph in frame.paragraphs:
        ppr = paragraph._p.get_or_add_pPr()
        if ppr.find(qn("a:buNone")) is None:
            ppr.append(ppr.makeelement(qn("a:buNone"), {}))
        ppr.set("marL", "0")
        ppr.set("indent", "0")
