"""The wording rules every generated document follows, applied to its text in reading order.

- **One citation style** (``generator/document_style.yaml``, the
  bureau's choice): items written 第三项 or 第（三）项 throughout, and a law's
  full title on its first mention, the short title (without 中华人民共和国)
  after it.
- **No ASCII space beside a Chinese character** (“第 44 日” → “第44日”):
  Chinese text sets digits and Latin letters without spaces.

``apply_wording`` rewrites the body of a finished document up to its appendix
(the paragraph in style “附件”), which quotes statutes verbatim and is left
as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

STYLE_FILE = Path(__file__).resolve().parent / "document_style.yaml"
DEFAULT_OFFICE = "法制科"
APPENDIX_STYLE = "附件"
PLAIN_ITEM, BRACKETED_ITEM = "第三项", "第（三）项"
_YES = ("是", "true", "yes", True)
_NO = ("否", "false", "no", False)

_CHINESE = "\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’…—"
_SPACE_RE = re.compile(f"(?<=[{_CHINESE}]) +| +(?=[{_CHINESE}])")
_NUMERAL = "[一二三四五六七八九十百零〇]+"
_BRACKETED_RE = re.compile(f"第[（(]({_NUMERAL})[）)]项")
_PLAIN_RE = re.compile(f"第({_NUMERAL})项")
_PREFIX = "中华人民共和国"
_TITLE_RE = re.compile(f"《{_PREFIX}([^《》]+)》")


class StyleError(ValueError):
    """The citation style file has a value it does not allow."""


@dataclass(frozen=True)
class CitationStyle:
    """How documents cite: bracketed item numbers or not, short titles after the first mention or not."""

    bracketed_items: bool = False
    short_titles: bool = True

    def item(self, numeral: str) -> str:
        """The item part of a citation: 第三项 or 第（三）项."""
        return f"第（{numeral}）项" if self.bracketed_items else f"第{numeral}项"

    def items(self, text: str) -> str:
        """``text`` with every item citation written in this style."""
        pattern = _PLAIN_RE if self.bracketed_items else _BRACKETED_RE
        return pattern.sub(lambda match: self.item(match.group(1)), text)


@cache
def _style_data(path: Path) -> dict:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise StyleError(f"{path}：应为“名称: 值”的映射")
    return data


def office_name(path: Path = STYLE_FILE) -> str:
    """The name of the bureau's legal office (法制机构), as the opinion's signature writes it."""
    return str(_style_data(path).get("法制机构") or DEFAULT_OFFICE).strip()


@cache
def citation_style(path: Path = STYLE_FILE) -> CitationStyle:
    """The bureau's citation style from its YAML file; a wrong value raises StyleError naming file and key."""
    data = _style_data(path)
    item = str(data.get("项", PLAIN_ITEM)).strip()
    if item not in (PLAIN_ITEM, BRACKETED_ITEM):
        raise StyleError(f"{path}：“项”应为“{PLAIN_ITEM}”或“{BRACKETED_ITEM}”，实为“{item}”")
    short = data.get("简称", True)
    if short not in _YES + _NO:
        raise StyleError(f"{path}：“简称”应为“是”或“否”，实为“{short}”")
    return CitationStyle(bracketed_items=item == BRACKETED_ITEM, short_titles=short in _YES)


def no_spaces_beside_chinese(text: str) -> str:
    """Drop ASCII spaces next to a Chinese character or punctuation mark.

    >>> no_spaces_beside_chinese("为立案后第 44 日，罚款 40,000 元 (A B)")
    '为立案后第44日，罚款40,000元(A B)'
    """
    return _SPACE_RE.sub("", text)


class Mentions:
    """Tracks which laws a document has named, to write full titles first and short titles after."""

    def __init__(self, style: CitationStyle) -> None:
        self._style = style
        self._seen: set[str] = set()

    def cite(self, text: str) -> str:
        """``text`` in the citation style, each law's title full at its first mention and short after."""
        text = self._style.items(text)
        if not self._style.short_titles:
            return text
        return _TITLE_RE.sub(self._title, text)

    def _title(self, match: re.Match) -> str:
        short = match.group(1)
        if short in self._seen:
            return f"《{short}》"
        self._seen.add(short)
        return match.group(0)


def apply_wording(document: Document, style: CitationStyle | None = None) -> None:
    """Apply the citation style and the spacing rule to every body paragraph before the appendix."""
    mentions = Mentions(style or citation_style())
    appendix_id = document.styles[APPENDIX_STYLE].style_id if APPENDIX_STYLE in document.styles else None
    for element in document.element.body.iter(qn("w:p")):
        paragraph = Paragraph(element, document)
        if appendix_id and element.style == appendix_id:
            return
        _rewrite(paragraph, mentions)


def _rewrite(paragraph: Paragraph, mentions: Mentions) -> None:
    """Rewrite the runs of one paragraph; spaces are judged on the paragraph's whole text."""
    runs = [run for run in paragraph.runs if run.text]
    texts = [mentions.cite(run.text) for run in runs]
    full = "".join(texts)
    dropped = {match.start() + offset for match in _SPACE_RE.finditer(full)
               for offset in range(match.end() - match.start())}
    position = 0
    for run, text in zip(runs, texts):
        kept = "".join(char for offset, char in enumerate(text) if position + offset not in dropped)
        position += len(text)
        if kept != run.text:
            run.text = kept
