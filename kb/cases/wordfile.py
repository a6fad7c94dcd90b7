"""A case as a .docx file: the title (style 标题/Title or Heading 1) is the 案件名称; each field is
a Heading 2 paragraph — or a paragraph consisting of just the field name — followed by its content
paragraphs, one per list entry (see FORMAT.md)."""

from pathlib import Path
from zipfile import BadZipFile

import docx
from docx.opc.exceptions import PackageNotFoundError

from kb.cases import fields as f
from kb.cases.sections import sections_to_dict
from kb.errors import KnowledgeError

TITLE_STYLES = ("Title", "Heading 1", "标题", "标题 1")
SECTION_STYLES = ("Heading 2", "标题 2")


def read_docx(path: Path) -> dict:
    """Read a .docx case file into its dict form."""
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, BadZipFile, KeyError, ValueError) as error:
        raise KnowledgeError(f"{path}：不是有效的 .docx 文件（{error}）") from None
    title, sections = "", []
    for paragraph in document.paragraphs:
        text, style = paragraph.text.strip(), paragraph.style.name if paragraph.style else ""
        if not text:
            continue
        if style in TITLE_STYLES and not title and not sections:
            title = text
        elif style in SECTION_STYLES or text.rstrip("：:") in f.ORDER:
            sections.append((text, []))
        elif sections:
            sections[-1][1].append(text)
        else:
            raise KnowledgeError(f"{path}：段落“{text[:30]}”不在任何字段小节之下（小节标题用“标题 2”样式或单独一段字段名）")
    return sections_to_dict(title, sections, str(path))
