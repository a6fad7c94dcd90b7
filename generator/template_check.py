"""Check a docxtpl template the way a clerk needs it checked: every name, every field, every tag.

The tags of each paragraph (body, tables, headers, footers) are put on one
line of a plain Jinja source, line *n* holding paragraph *n*'s tags, so that
Jinja's own parser checks them and every error, unknown variable or unknown
field comes back with the paragraph it is in.  Found:

- syntax errors, reported in Chinese (``jinja_messages``);
- variables and fields the generator does not provide (``{{ 当事人.名称 }}``
  is checked against the schema of the document kind, also inside loops);
- variables of templates exported by earlier versions, with their new name;
- paragraph tags (``{%p … %}``, ``{{p … }}``) sharing their paragraph with text,
  which docxtpl silently drops together with the paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from os import PathLike
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from jinja2 import Environment, TemplateSyntaxError, nodes
from jinja2.meta import find_undeclared_variables

from generator.jinja_messages import chinese_message
from generator.legacy_fields import rename_hint

_TAG_RE = re.compile(r"\{%-?\s*(p|tr|tc|r)?(\s.*?)-?%\}|\{\{-?\s*(p|tr|tc|r)?(\s.*?)-?\}\}|\{#.*?#\}", re.S)
_EXCERPT = 24
_VALUE = object()  # the schema of a known field printed as it is (it has no fields of its own)


class TemplateProblem(ValueError):
    """A template that cannot be used; ``problems`` lists what is wrong, each with its paragraph."""

    def __init__(self, source: str, problems: list[str]):
        self.source, self.problems = source, problems
        super().__init__(f"模板 {source} 有 {len(problems)} 处问题：\n" + "\n".join(f"  - {p}" for p in problems))


@dataclass(frozen=True)
class TemplateReport:
    """Outcome of ``check_template``.

    ``unknown``: variables the template uses that the generator does not
    know; ``missing``: required variables the template does not use (both
    sorted); ``problems``: every other finding, in document order, each
    naming its paragraph.
    """

    path: str
    variables: frozenset[str]
    unknown: tuple[str, ...]
    missing: tuple[str, ...]
    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when nothing is unknown, missing or wrong."""
        return not self.unknown and not self.missing and not self.problems

    def messages(self) -> list[str]:
        """Every finding as a line for the user."""
        lines = list(self.problems)
        if self.missing:
            lines.append(f"缺少必需变量：{'、'.join(self.missing)}")
        return lines


def template_paragraphs(path: str | PathLike) -> list[str]:
    """The text of every paragraph of the .docx at ``path``: body (with tables), then headers and footers."""
    document = Document(path)
    parts = [document.element.body]
    for section in document.sections:
        for part in (section.header, section.even_page_header, section.first_page_header,
                     section.footer, section.even_page_footer, section.first_page_footer):
            if not part.is_linked_to_previous:
                parts.append(part._element)
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for part in parts for p in part.iter(qn("w:p"))]


def tag_source(texts: list[str]) -> str:
    """A Jinja source with line n holding the tags of paragraph n (docxtpl's p/tr/tc/r markers dropped)."""
    lines = []
    for text in texts:
        tags = []
        for match in _TAG_RE.finditer(text):
            if match.group(2) is not None:
                tags.append("{%" + match.group(2) + "%}")
            elif match.group(4) is not None:
                tags.append("{{" + match.group(4) + "}}")
        lines.append("".join(tags))
    return "\n".join(lines)


def template_variables(path: str | PathLike, jinja_env: Environment | None = None) -> set[str]:
    """Return the top-level variables used by the .docx template at ``path`` (body, headers, footers).

    Loop variables and names set inside the template are not included.  An
    unknown filter raises ``jinja2.TemplateAssertionError`` (Jinja checks
    filter names while parsing), a syntax error ``TemplateSyntaxError``.
    """
    env = jinja_env or Environment()
    return set(find_undeclared_variables(env.parse(tag_source(template_paragraphs(path)))))


def check_template(
    path: str | PathLike,
    known: set[str] | dict[str, Any],
    required: set[str],
    jinja_env: Environment | None = None,
) -> TemplateReport:
    """Check the template at ``path`` against the variables the generator provides.

    ``known`` is a set of names, or a schema (``generator.contexts.FIELDS``)
    whose fields are then checked too; required names count as known.
    """
    env = jinja_env or Environment()
    texts = template_paragraphs(path)
    problems = [problem for number, text in enumerate(texts, start=1) for problem in _lonely_tag_problems(number, text)]
    try:
        tree = env.parse(tag_source(texts))
    except TemplateSyntaxError as error:
        where = locate(texts, error.lineno)
        problems.append(f"{where}：{chinese_message(error)}")
        return TemplateReport(str(path), frozenset(), (), (), tuple(problems))
    try:
        variables = set(find_undeclared_variables(tree))
    except TemplateSyntaxError as error:  # an unknown filter is found while compiling
        problems.append(f"{locate(texts, error.lineno)}：{chinese_message(error)}")
        return TemplateReport(str(path), frozenset(), (), (), tuple(problems))
    names = set(known) | set(required)
    unknown = sorted(variables - names)
    for line, name in sorted((_first_line(tree, name) or 0, name) for name in unknown):
        problems.append(f"{locate(texts, line)}：" + (rename_hint(name) or f"未知变量“{name}”"))
    if isinstance(known, dict):
        _FieldWalker(known, texts, problems).walk(tree, {})
    return TemplateReport(str(path), frozenset(variables), tuple(unknown), tuple(sorted(set(required) - variables)),
                          tuple(problems))


def locate(texts: list[str], line: int | None) -> str:
    """第n段“excerpt” for the paragraph on tag-source line ``line``."""
    if not line or line > len(texts):
        return "模板末尾"
    text = texts[line - 1].strip()
    excerpt = text if len(text) <= _EXCERPT else text[:_EXCERPT] + "…"
    return f"第{line}段“{excerpt}”"


def _lonely_tag_problems(number: int, text: str) -> list[str]:
    """A paragraph tag ({%p …%}, {{p …}}) must be alone in its paragraph."""
    paragraph_tags = [m.group(0) for m in _TAG_RE.finditer(text) if (m.group(1) or m.group(3)) == "p"]
    if not paragraph_tags:
        return []
    rest = _TAG_RE.sub("", text).strip()
    if not rest:
        return []
    excerpt = rest if len(rest) <= _EXCERPT else rest[:_EXCERPT] + "…"
    return [f"第{number}段：{paragraph_tags[0]} 必须单独成段，同一段中的文字“{excerpt}”在生成时会丢失；"
            "请把文字移到另一段"]


def _first_line(tree: nodes.Node, name: str) -> int | None:
    return next((node.lineno for node in tree.find_all(nodes.Name) if node.name == name), None)


class _FieldWalker:
    """Walks the template's syntax tree with the schema of each name in scope and reports unknown fields."""

    def __init__(self, fields: dict[str, Any], texts: list[str], problems: list[str]) -> None:
        self._fields, self._texts, self._problems = fields, texts, problems
        self._reported: set[str] = set()

    def walk(self, node: nodes.Node, scope: dict[str, Any]) -> None:
        """Check ``node`` and everything below it; loops bind their variable to the item's schema."""
        if isinstance(node, nodes.For):
            self.walk(node.iter, scope)
            inner = dict(scope, loop=None)
            self._bind(node.target, _item_schema(self.schema(node.iter, scope)), inner)
            for child in [*node.body, *node.else_, *([node.test] if node.test else [])]:
                self.walk(child, inner)
            return
        if isinstance(node, nodes.Assign):
            self.walk(node.node, scope)
            self._bind(node.target, None, scope)
            return
        if isinstance(node, nodes.Getattr):
            self.schema(node, scope)
            return
        for child in node.iter_child_nodes():
            self.walk(child, scope)

    def schema(self, node: nodes.Node, scope: dict[str, Any]) -> Any:
        """The schema of an expression (None when unknown or a plain value), reporting unknown fields."""
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            found = self._fields.get(node.name)
            return _VALUE if node.name in self._fields and found is None else found
        if isinstance(node, (nodes.Getattr, nodes.Getitem)):
            owner = self.schema(node.node, scope)
            field = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
            if isinstance(owner, dict) and isinstance(field, str):
                if field in owner:
                    return _VALUE if owner[field] is None else owner[field]
                self._report(node, field, owner)
            elif owner is _VALUE and isinstance(field, str):
                self._report(node, field, None)
            return None
        for child in node.iter_child_nodes():
            self.walk(child, scope)
        return None

    def _bind(self, target: nodes.Node, schema: Any, scope: dict[str, Any]) -> None:
        for name in target.find_all(nodes.Name) if not isinstance(target, nodes.Name) else [target]:
            scope[name.name] = schema if isinstance(target, nodes.Name) else None

    def _report(self, node: nodes.Node, field: str, owner: dict[str, Any] | None) -> None:
        written = _dotted(node)
        if written in self._reported:
            return
        self._reported.add(written)
        where = locate(self._texts, node.lineno)
        if owner is None:
            self._problems.append(f"{where}：“{_dotted(node.node)}”是一项内容，没有字段“{field}”")
        else:
            self._problems.append(f"{where}：未知字段“{written}”，可用的字段：{'、'.join(owner)}")


def _item_schema(schema: Any) -> Any:
    if isinstance(schema, list) and schema:
        return _VALUE if schema[0] is None else schema[0]
    return None


def _dotted(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_dotted(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        return f"{_dotted(node.node)}[{getattr(node.arg, 'value', '…')!r}]"
    return "…"
