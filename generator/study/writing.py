"""Small writers shared by the pack and the paper: a labelled body paragraph, a quoted article."""

from docx.document import Document

from generator.official_format import STYLE_QUOTE, add_body, add_paragraph, add_run
from kb.models import Article


def labelled(doc: Document, label: str, text: str, style: str | None = None):
    """A body paragraph opening with `label` in bold (第九十七条　…, 评析：…)."""
    paragraph = add_paragraph(doc, style, "") if style else add_body(doc)
    add_run(paragraph, label, bold=True)
    add_run(paragraph, text)
    return paragraph


def quote_article(doc: Document, article: Article, style: str | None = None) -> None:
    """The article's 款 and 项 as paragraphs, its label in bold before the first one."""
    for index, text in enumerate(article.paragraphs):
        if index == 0:
            labelled(doc, f"{article.label}　", text, style)
        else:
            add_paragraph(doc, style, text) if style else add_body(doc, text)


def quote(doc: Document, text: str) -> None:
    """A quoted passage (楷体) — the wording of an earlier version, a commentary."""
    add_paragraph(doc, STYLE_QUOTE, text)
