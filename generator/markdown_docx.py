"""Render Markdown (the analysis sections of a case commentary) as styled Word content.

The Markdown is converted to HTML by the ``markdown`` package, parsed into an
element tree with ``html.parser``, and written with the styles of
``official_format``:

- ``#`` to ``####`` become Heading 1-4 with the labels 一、 （一） 1. （1）,
  numbered in document order (a heading whose text already starts with a
  label keeps it); ``heading_offset`` moves them down when the template
  already provides the upper levels;
- paragraphs become body paragraphs; ``**bold**`` and ``*italic*`` become bold
  and italic runs; a hard line break stays a line break; soft line breaks
  vanish next to Chinese text and become spaces between Latin words;
- block quotes use the Quote style (楷体_GB2312);
- lists, ordered or not, become body paragraphs labelled with the next
  numbering level below the current heading (at least level 3: 1. then （1）
  for nested lists).  Official documents enumerate with these labels rather
  than bullets, and plain labelled paragraphs survive docxtpl sub-documents,
  which do not carry Word list numbering definitions reliably.

Code is written as plain text, links as their text; images and rules are
dropped.
"""

from __future__ import annotations

import unicodedata
from html.parser import HTMLParser
from typing import NamedTuple
from xml.etree.ElementTree import Element, SubElement

import markdown
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate
from docxtpl.subdoc import Subdoc

from generator.official_format import (
    MAX_HEADING_LEVEL,
    STYLE_BODY,
    STYLE_HEADINGS,
    STYLE_QUOTE,
    HeadingNumberer,
    add_paragraph,
    add_run,
    ensure_styles,
    heading_label,
    starts_with_label,
)

_HEADING_TAGS = {f"h{level}": level for level in range(1, 7)}
_LIST_TAGS = {"ul", "ol"}
_BLOCK_TAGS = {"p", "blockquote", "pre", "hr", "div", "table", "li", *_LIST_TAGS, *_HEADING_TAGS}
_VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"}
_SKIPPED_TAGS = {"hr", "img", "script", "style"}
_BOLD_TAGS = {"strong", "b"}
_ITALIC_TAGS = {"em", "i"}
_LIST_MIN_LEVEL = 3


class Segment(NamedTuple):
    """A piece of inline text with its formatting; ``line_break`` segments carry no text."""

    text: str
    bold: bool = False
    italic: bool = False
    line_break: bool = False


def append_markdown(container, text: str, *, heading_offset: int = 0) -> None:
    """Append the Markdown ``text`` to ``container`` as styled paragraphs.

    ``container`` is anything with ``add_paragraph``: a python-docx Document,
    a docxtpl Subdoc, a table cell.  Its document must have the managed
    styles (``official_format.setup_document`` or ``ensure_styles``).
    ``heading_offset`` 1 turns ``#`` into a level-2 heading, and so on.
    """
    root = parse_html(markdown.markdown(text))
    _Renderer(container, heading_offset).render_blocks(root, STYLE_BODY)


def markdown_subdoc(tpl: DocxTemplate, text: str, *, heading_offset: int = 0) -> Subdoc:
    """Return a docxtpl Subdoc holding the rendered Markdown, for a ``{{p name }}`` tag.

    Adds the managed styles the template lacks, so the sub-document's
    paragraphs find their styles once placed.
    """
    ensure_styles(tpl)
    subdoc = tpl.new_subdoc()
    append_markdown(subdoc, text, heading_offset=heading_offset)
    return subdoc


def parse_html(html: str) -> Element:
    """Parse an HTML fragment into an element tree under a ``root`` element; entities are decoded."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


class _TreeBuilder(HTMLParser):
    """Builds an xml.etree tree from HTML, tolerating unclosed and stray end tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("root")
        self._open = [self.root]

    def handle_starttag(self, tag, attrs):
        element = SubElement(self._open[-1], tag, {name: value or "" for name, value in attrs})
        if tag not in _VOID_TAGS:
            self._open.append(element)

    def handle_endtag(self, tag):
        open_tags = [element.tag for element in self._open]
        if tag in open_tags[1:]:
            del self._open[len(open_tags) - 1 - open_tags[::-1].index(tag) :]

    def handle_data(self, data):
        parent = self._open[-1]
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + data
        else:
            parent.text = (parent.text or "") + data


class _Renderer:
    """Walks the HTML tree and writes paragraphs into one container."""

    def __init__(self, container, heading_offset: int) -> None:
        self._container = container
        self._heading_offset = heading_offset
        self._numberer = HeadingNumberer()
        self._heading_level = 0

    def render_blocks(self, parent: Element, style: str) -> None:
        """Render the block children of ``parent``; body-like paragraphs use ``style``."""
        for child in parent:
            self._render_block(child, style)

    def _render_block(self, element: Element, style: str) -> None:
        tag = element.tag
        if tag in _HEADING_TAGS:
            self._render_heading(element, _HEADING_TAGS[tag])
        elif tag in _LIST_TAGS:
            self._render_list(element, style, depth=0)
        elif tag == "blockquote":
            self.render_blocks(element, STYLE_QUOTE)
        elif tag == "pre":
            for line in "".join(element.itertext()).strip("\n").split("\n"):
                self._write(style, [Segment(line)])
        elif tag in _SKIPPED_TAGS:
            return
        elif any(child.tag in _BLOCK_TAGS for child in element):
            self.render_blocks(element, style)
        else:
            self._write(style, inline_segments(element))

    def _render_heading(self, element: Element, markdown_level: int) -> None:
        level = min(markdown_level + self._heading_offset, MAX_HEADING_LEVEL)
        label = self._numberer.next_label(level)
        segments = inline_segments(element)
        if not starts_with_label("".join(segment.text for segment in segments)):
            segments.insert(0, Segment(label))
        self._write(STYLE_HEADINGS[level], segments)
        self._heading_level = level

    def _render_list(self, element: Element, style: str, depth: int) -> None:
        level = min(max(self._heading_level + 1, _LIST_MIN_LEVEL) + depth, MAX_HEADING_LEVEL)
        items = [child for child in element if child.tag == "li"]
        first = int(element.get("start") or 1)
        for index, item in enumerate(items, start=first):
            segments = inline_segments(item)
            blocks = [child for child in item if child.tag in _BLOCK_TAGS]
            if not _has_text(segments) and blocks and blocks[0].tag == "p":
                segments = inline_segments(blocks.pop(0))
            self._write(style, [Segment(heading_label(level, index)), *segments])
            for block in blocks:
                if block.tag in _LIST_TAGS:
                    self._render_list(block, style, depth + 1)
                else:
                    self._render_block(block, style)

    def _write(self, style: str, segments: list[Segment]) -> Paragraph | None:
        """Write one paragraph of ``segments`` in ``style``; blank content writes nothing."""
        segments = _tidy(segments)
        if not _has_text(segments):
            return None
        paragraph = add_paragraph(self._container, style)
        for segment in segments:
            run = add_run(paragraph, segment.text, bold=segment.bold, italic=segment.italic)
            if segment.line_break:
                run.add_break()
        return paragraph


def inline_segments(element: Element, bold: bool = False, italic: bool = False) -> list[Segment]:
    """Flatten the inline content of ``element`` into formatted segments, skipping nested blocks."""
    segments = [Segment(element.text, bold, italic)] if element.text else []
    for child in element:
        if child.tag == "br":
            segments.append(Segment("", bold, italic, line_break=True))
        elif child.tag not in _BLOCK_TAGS | _SKIPPED_TAGS:
            segments.extend(
                inline_segments(child, bold or child.tag in _BOLD_TAGS, italic or child.tag in _ITALIC_TAGS)
            )
        tail = child.tail.lstrip("\n") if child.tag == "br" and child.tail else child.tail
        if tail:
            segments.append(Segment(tail, bold, italic))
    return segments


def _has_text(segments: list[Segment]) -> bool:
    return any(segment.text.strip() or segment.line_break for segment in segments)


def _tidy(segments: list[Segment]) -> list[Segment]:
    """Resolve soft line breaks and trim the paragraph's outer whitespace."""
    full = "".join(segment.text for segment in segments)
    tidied, position = [], 0
    for segment in segments:
        text = "".join(
            _soft_break(full, position + offset) if char == "\n" else char for offset, char in enumerate(segment.text)
        )
        position += len(segment.text)
        tidied.append(segment._replace(text=text))
    if tidied:
        tidied[0] = tidied[0]._replace(text=tidied[0].text.lstrip())
        tidied[-1] = tidied[-1]._replace(text=tidied[-1].text.rstrip())
    return [segment for segment in tidied if segment.text or segment.line_break]


def _soft_break(full: str, index: int) -> str:
    """A soft line break disappears next to wide (Chinese) characters and is a space otherwise."""
    before = full[index - 1] if index > 0 else ""
    after = full[index + 1] if index + 1 < len(full) else ""
    return "" if _is_wide(before) or _is_wide(after) else " "


def _is_wide(char: str) -> bool:
    return bool(char) and unicodedata.east_asian_width(char) in ("W", "F")
