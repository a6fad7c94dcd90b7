"""Word (.docx) statutes as downloaded from the national law database (国家法律法规数据库).

The title is a centered paragraph; the history (in parentheses), 目录 and the body follow one
paragraph per line, as in the plain-text layout, so the paragraphs go to `plaintext.parse_lines`.
"""

import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.exceptions import OpcError
from docx.text.paragraph import Paragraph
from lxml.etree import XMLSyntaxError

from kb.importers import plaintext
from kb.importers.errors import ImportFailure, SkipFile
from kb.models import Law

# What python-docx raises for a file that is not a .docx: not a zip, a zip without the Word
# parts (KeyError), another Office format (ValueError), damaged members or XML.
NOT_A_DOCX = (OpcError, KeyError, ValueError, zipfile.BadZipFile, XMLSyntaxError)
LOCK_PREFIX = "~$"          # the owner file Word keeps beside an open document


def parse(path: Path, category: str | None = None, region: str | None = None) -> Law:
    """Parse one .docx statute; `category` and `region` override the guess from the title.

    Raise ImportFailure when the file is not a valid Word document or holds no statute.
    """
    path = Path(path)
    if path.name.startswith(LOCK_PREFIX):
        raise SkipFile("Word 打开文档时生成的临时文件，不是法规")
    with path.open("rb") as stream:
        try:
            document = docx.Document(stream)
        except NOT_A_DOCX:
            raise ImportFailure("不是有效的 Word 文件（.docx）：可能已损坏，"
                                "或是旧版 .doc、其他格式改了扩展名") from None
    paragraphs = [p for p in document.paragraphs if p.text.strip()]
    start = _title_index(paragraphs)
    lines = [line for p in paragraphs[start:] for line in p.text.splitlines()]
    return plaintext.parse_lines(lines, path, category, region)


def _title_index(paragraphs: list[Paragraph]) -> int:
    """Index of the title: the first centered paragraph before the body, else the first one."""
    for index, paragraph in enumerate(paragraphs):
        if plaintext.starts_body(paragraph.text):
            break
        if _alignment(paragraph) == WD_ALIGN_PARAGRAPH.CENTER:
            return index
    return 0


def _alignment(paragraph: Paragraph):
    """The paragraph's own alignment, or the one its style gives it."""
    if paragraph.alignment is not None:
        return paragraph.alignment
    return paragraph.style.paragraph_format.alignment if paragraph.style else None
