"""Render Markdown (the analysis sections of a case commentary) as styled Word content.

The Markdown is converted to HTML by the ``markdown`` package (with its
``sane_lists`` extension: ordered and bullet lists stay apart and an ordered
list keeps its first number), parsed into an element tree with
``html.parser``, and written with the styles of ``official_format``:

- ``#`` to ``####`` become Heading 1-4 with the labels 一、 （一） 1. （1）,
  numbered in document order (a heading whose text already starts with a
  label keeps it); ``heading_offset`` moves them down when the template
  already provides the upper levels;
- paragraphs become body paragraphs; ``**bold**`` and ``*italic*`` become bold
  and italic runs; a hard line break stays a line break; soft line breaks
  vanish next to Chinese text and become spaces between Latin words;
- block quotes use the Quote style (楷体_GB2312);
- ordered lists become body paragraphs labelled with the next numbering
  level below the current heading (at least level 3: 1. then （1） for
  nested lists), as official documents enumerate; bullet lists stay bullets
  (• and, nested, ◦), written as the label of a plain paragraph, because
  docxtpl sub-documents do not carry Word list numbering definitions
  reliably.

Code is written as plain text, links as their text; images and rules are
dropped.
"""

from __future__ import annotations

import unicodedata
from html.parser import HTMLParser
from typing import TYPE_CHECKING, NamedTuple
from xml.etree.ElementTree import Element, SubElement

import markdown
from docxtpl import DocxTemplate

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

if TYPE_CHECKING:  # docxtpl's Subdoc needs docxcompose, only for markdown_subdoc
    from docxtpl.subdoc import Subdoc

_HEADING_TAGS = {f"h{level}": level for level in range(1, 7)}
_LIST_TAGS = {"ul", "ol"}
_BLOCK_TAGS = {"p", "blockquote", "pre", "hr", "div", "table", "li", *_LIST_TAGS, *_HEADING_TAGS}
_VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"}
_SKIPPED_TAGS = {"hr", "img", "script", "style"}
_NOT_INLINE_TAGS = _BLOCK_TAGS | _SKIPPED_TAGS
_BOLD_TAGS = {"strong", "b"}
_ITALIC_TAGS = {"em", "i"}
_LIST_MIN_LEVEL = 3
_BULLETS = ("•", "◦")
_BULLET_GAP = "\u3000"  # an ideographic space: no ASCII space next to Chinese text


class _Segment(NamedTuple):
    """A piece of inline text with its formatting; ``line_break`` segments carry no text."""

    text: str
    bold: bool = False
    italic: bool = False
    line_break: bool = False


def append_markdown(
    container, text: str, *, heading_offset: int = 0, numberer: HeadingNumberer | None = None
) -> None:
    """Append the Markdown ``text`` to ``container`` as styled paragraphs.

    ``container`` is anything with ``add_paragraph``: a python-docx Document,
    a docxtpl Subdoc, a table cell.  Its document must have the managed
    styles (``official_format.setup_document`` or ``ensure_styles``).
    ``heading_offset`` 1 turns ``#`` into a level-2 heading, and so on;
    pass the ``numberer`` of the surrounding document to continue its
    heading numbers (a fresh one starts at 一、).
    """
    root = _parse_html(markdown.markdown(text, extensions=["sane_lists"]))
    _Renderer(container, heading_offset, numberer or HeadingNumberer()).render_blocks(root, STYLE_BODY)


def markdown_subdoc(tpl: DocxTemplate, text: str, *, heading_offset: int = 0) -> Subdoc:
    """Return a docxtpl Subdoc holding the rendered Markdown, for a ``{{p name }}`` tag.

    Adds the managed styles the template lacks, so the sub-document's
    paragraphs find their styles once placed.
    """
    ensure_styles(tpl)
    subdoc = tpl.new_subdoc()
    append_markdown(subdoc, text, heading_offset=heading_offset)
    return subdoc


def _parse_html(html: str) -> Element:
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
        for depth in range(len(self._open) - 1, 0, -1):
            if self._open[depth].tag == tag:
                del self._open[depth:]
                return

    def handle_data(self, data):
        parent = self._open[-1]
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + data
        else:
            parent.text = (parent.text or "") + data


class _Renderer:
    """Walks the HTML tree and writes paragraphs into one container."""

    def __init__(self, container, heading_offset: int, numberer: HeadingNumberer) -> None:
        self._container = container
        self._heading_offset = heading_offset
        self._numberer = numberer
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
                self._write(style, [_Segment(line)])
        elif tag in _SKIPPED_TAGS:
            return
        elif any(child.tag in _BLOCK_TAGS for child in element):
            self.render_blocks(element, style)
        else:
            self._write(style, _inline_segments(element))

    def _render_heading(self, element: Element, markdown_level: int) -> None:
        level = min(markdown_level + self._heading_offset, MAX_HEADING_LEVEL)
        label = self._numberer.next_label(level)
        segments = _inline_segments(element)
        if not starts_with_label("".join(segment.text for segment in segments)):
            segments.insert(0, _Segment(label))
        self._write(STYLE_HEADINGS[level], segments)
        self._heading_level = level

    def _render_list(self, element: Element, style: str, depth: int) -> None:
        level = min(max(self._heading_level + 1, _LIST_MIN_LEVEL) + depth, MAX_HEADING_LEVEL)
        items = [child for child in element if child.tag == "li"]
        first = int(element.get("start") or 1)
        for index, item in enumerate(items, start=first):
            segments = _inline_segments(item)
            blocks = [child for child in item if child.tag in _BLOCK_TAGS]
            if not _has_text(segments) and blocks and blocks[0].tag == "p":
                segments = _inline_segments(blocks.pop(0))
            label = heading_label(level, index) if element.tag == "ol" else _BULLETS[min(depth, 1)] + _BULLET_GAP
            self._write(style, [_Segment(label), *segments])
            for block in blocks:
                if block.tag in _LIST_TAGS:
                    self._render_list(block, style, depth + 1)
                else:
                    self._render_block(block, style)

    def _write(self, style: str, segments: list[_Segment]) -> None:
        """Write one paragraph of ``segments`` in ``style``; blank content writes nothing."""
        segments = _tidy(segments)
        if not _has_text(segments):
            return
        paragraph = add_paragraph(self._container, style)
        for segment in segments:
            run = add_run(paragraph, segment.text, bold=segment.bold, italic=segment.italic)
            if segment.line_break:
                run.add_break()


def _inline_segments(element: Element, bold: bool = False, italic: bool = False) -> list[_Segment]:
    """Flatten the inline content of ``element`` into formatted segments, skipping nested blocks."""
    segments = [_Segment(element.text, bold, italic)] if element.text else []
    for child in element:
        if child.tag == "br":
            segments.append(_Segment("", bold, italic, line_break=True))
        elif child.tag not in _NOT_INLINE_TAGS:
            segments.extend(
                _inline_segments(child, bold or child.tag in _BOLD_TAGS, italic or child.tag in _ITALIC_TAGS)
            )
        tail = child.tail.lstrip("\n") if child.tag == "br" and child.tail else child.tail
        if tail:
            segments.append(_Segment(tail, bold, italic))
    return segments


def _has_text(segments: list[_Segment]) -> bool:
    return any(segment.text.strip() or segment.line_break for segment in segments)


def _tidy(segments: list[_Segment]) -> list[_Segment]:
    """Resolve soft line breaks, trim the paragraph's outer whitespace and merge alike segments."""
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
    return _merge([segment for segment in tidied if segment.text or segment.line_break])


def _merge(segments: list[_Segment]) -> list[_Segment]:
    """Join neighbouring segments of the same formatting, so each becomes one run."""
    merged: list[_Segment] = []
    for segment in segments:
        last = merged[-1] if merged else None
        if last and not last.line_break and (last.bold, last.italic) == (segment.bold, segment.italic):
            segment = segment._replace(text=merged.pop().text + segment.text)
        merged.append(segment)
    return merged


def _soft_break(full: str, index: int) -> str:
    """A soft line break disappears next to wide (Chinese) characters and is a space otherwise."""
    before = full[index - 1] if index > 0 else ""
    after = full[index + 1] if index + 1 < len(full) else ""
    return "" if _is_wide(before) or _is_wide(after) else " "


def _is_wide(char: str) -> bool:
    return bool(char) and unicodedata.east_asian_width(char) in ("W", "F")
