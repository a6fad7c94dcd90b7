"""Generate the review documents: case file → validation → review → template → .docx → ledger.

Three kinds, each with its template and context builder:

- ``opinion``: 法制审核意见书 (行政处罚法第五十八条);
- ``legality``: 重大行政决策合法性审查意见书 (重大行政决策程序暂行条例第二十五条至第二十七条);
- ``commentary``: 案例评析.

A case file with a missing or invalid field raises ``CaseFileError`` naming
every such field before anything is written.  Every generated document is
recorded in the review ledger.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any

from generator import contexts
from generator.filters import jinja_env
from generator.render import render_document
from generator.review import ledger
from generator.review.casefile import parse_case, read_data
from generator.review.checks import Review, review_case
from generator.template_check import TemplateProblem, TemplateReport, check_template
from kb.store import Store
from templates import COMMENTARY, LEGALITY, OPINION, template_path


@dataclass(frozen=True)
class DocumentKind:
    """One kind of generated document.

    ``reviewer_key`` is the case-file key that ``--reviewer`` fills in;
    ``required`` the variables a template of this kind must use.
    """

    key: str
    name: str
    reviewer_key: str
    build_context: Callable[[Store, Any, Review], dict[str, Any]]
    required: frozenset[str]

    @property
    def variables(self) -> frozenset[str]:
        """Every variable a template of this kind may use."""
        return contexts.VARIABLES[self.key]

    @property
    def template(self) -> Path:
        """The shipped template of this kind."""
        return template_path(self.name)


_REVIEW_REQUIRED = frozenset({"机关", "文号", "主送", "送审日期", "审核意见", "附件"})
KINDS = {
    kind.key: kind
    for kind in (
        DocumentKind("opinion", OPINION, "审核人", contexts.opinion_context,
                     _REVIEW_REQUIRED | {"案由", "当事人", "违法行为", "审核结论", "审核人", "审核日期"}),
        DocumentKind("legality", LEGALITY, "审查人", contexts.legality_context,
                     _REVIEW_REQUIRED | {"决策事项", "审查结论", "审查人", "审查日期"}),
        DocumentKind("commentary", COMMENTARY, "作者", contexts.commentary_context,
                     frozenset({"标题", "基本案情", "争议焦点", "评析", "启示"})),
    )
}


@dataclass
class Generated:
    """A generated document: where it was written, the review behind it and its ledger entry."""

    path: Path
    review: Review
    entry: ledger.LedgerEntry | None        # None: a dry run or a sample file, nothing recorded


def load_case(kind: DocumentKind, path: str | PathLike, reviewer: str | None = None):
    """Read and validate the case file at ``path`` for ``kind``; ``reviewer`` replaces the file's reviewer.

    Raises ``CaseFileError`` listing every missing or invalid field by name.
    """
    data = read_data(Path(path))
    if reviewer:
        data[kind.reviewer_key] = reviewer
    return parse_case(data, kind.name, str(path))


def generate(
    store: Store,
    kind: DocumentKind,
    case_path: str | PathLike,
    out: str | PathLike,
    *,
    reviewer: str | None = None,
    template: str | PathLike | None = None,
    dry_run: bool = False,
) -> Generated:
    """Generate one document of ``kind`` from the case file into ``out`` and record it in the ledger.

    ``template`` replaces the shipped template (an edited copy).  Nothing is
    written, and nothing recorded, when the case file is invalid or
    rendering fails.  ``dry_run`` renders into a temporary folder that is
    removed and records nothing; a sample file (示例) is never recorded.
    """
    case = load_case(kind, case_path, reviewer)
    review = review_case(store, case)
    if template:
        report = check_kind_template(template, kind)
        if not report.ok:
            raise TemplateProblem(str(template), report.messages())
    context = kind.build_context(store, case, review)
    title, author = document_identity(kind, case)
    if dry_run:
        with tempfile.TemporaryDirectory() as folder:
            render_document(template or kind.template, context, Path(folder) / Path(out).name,
                            title=title, author=author)
        return Generated(Path(out), review, None)
    render_document(template or kind.template, context, out, title=title, author=author)
    entry = ledger.record_case(store, case, review.conclusion.result)
    return Generated(Path(out), review, entry)


def document_identity(kind: DocumentKind, case) -> tuple[str, str]:
    """(title, author) of the generated file's core properties: the document and its 机关."""
    if kind.key == "commentary":
        return case.title, case.author
    return f"{kind.name}（{case.number}）", case.authority


def check_kind_template(path: str | PathLike, kind: DocumentKind) -> TemplateReport:
    """Check a template against the fields ``kind`` provides and requires (names, attributes, tags)."""
    return check_template(path, contexts.FIELDS[kind.key], set(kind.required), jinja_env())


def kind_for_template(path: str | PathLike) -> DocumentKind | None:
    """The kind whose shipped template has the file name of ``path`` (an edited copy keeps the name)."""
    return next((kind for kind in KINDS.values() if Path(path).stem == kind.name), None)
