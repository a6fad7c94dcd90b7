"""Render a docxtpl template with a context into an official-format .docx file.

The one rendering path of every generated document:

1. Markdown values in the context (``Markdown``) become docxtpl
   sub-documents with real Word styles (headings, bold runs …);
2. docxtpl renders the template with the shared Jinja environment
   (``generator.filters``, autoescape on);
3. the GB/T 9704 format is applied (``official_format.setup_document``,
   keeping the styles of the template, which a clerk may have restyled), the
   signature block laid out (``generator.signature``), the wording rules
   applied (``generator.wording``) and the core properties set;
4. the file is written to a temporary name beside the target and moved into
   place with mode 0644, so a failure never leaves a half-written document.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any

from docx.document import Document
from docxtpl import DocxTemplate

from generator.filters import jinja_env
from generator.markdown_docx import markdown_subdoc
from generator.official_format import setup_document
from generator.signature import layout_signatures
from generator.wording import apply_wording
from generator.word_settings import set_core_properties

FILE_MODE = 0o644


@dataclass(frozen=True)
class Markdown:
    """A context value written in Markdown, rendered as styled paragraphs by a ``{{p name }}`` tag.

    ``heading_offset`` 1 turns ``#`` into a level-2 heading (（一）), for text
    placed under a level-1 heading of the template.
    """

    text: str
    heading_offset: int = 0


def render_template(template: str | PathLike, context: Mapping[str, Any]) -> DocxTemplate:
    """Render ``template`` with ``context`` and apply the official format; return the rendered template."""
    tpl = DocxTemplate(template)
    tpl.render(_with_subdocs(tpl, context), jinja_env(), autoescape=True)
    document = setup_document(tpl, restyle=False)
    layout_signatures(document)
    apply_wording(document)
    return tpl


def render_document(
    template: str | PathLike, context: Mapping[str, Any], out: str | PathLike, *, title: str = "", author: str = ""
) -> Document:
    """Render ``template`` with ``context`` into the .docx file ``out``; return the python-docx Document.

    ``title`` and ``author`` (the 机关) become the core properties.  Nothing is
    written when rendering fails.
    """
    tpl = render_template(template, context)
    set_core_properties(tpl.docx, title, author)
    save_atomically(tpl, out)
    return tpl.docx


def save_atomically(document: Document | DocxTemplate, out: str | PathLike) -> None:
    """Save ``document`` to ``out`` through a temporary file in the same folder, then rename it."""
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".~", suffix=".docx", dir=target.parent)
    os.close(handle)
    try:
        document.save(temporary)
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _with_subdocs(tpl: DocxTemplate, value: Any) -> Any:
    """Return ``value`` with every Markdown inside it (dicts, lists) turned into a sub-document of ``tpl``."""
    if isinstance(value, Markdown):
        return markdown_subdoc(tpl, value.text, heading_offset=value.heading_offset)
    if isinstance(value, Mapping):
        return {key: _with_subdocs(tpl, item) for key, item in value.items()}
    if isinstance(value, list):
        return [_with_subdocs(tpl, item) for item in value]
    return value
