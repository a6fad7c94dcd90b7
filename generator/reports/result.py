"""What generating a report returns: the document, its gaps, its charts and the notes for the user."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docx.document import Document

from generator.reports.figures import Figure
from generator.reports.privacy import PrivacyPoint


@dataclass(frozen=True)
class Gap:
    """One thing the report lacks: what, why, and where to supply it."""

    label: str
    reason: str
    source: str = ""

    @classmethod
    def of(cls, figure: Figure) -> Gap:
        """The gap of a figure without data."""
        return cls(figure.label, figure.missing, figure.source)

    def __str__(self) -> str:
        where = f"（补充：{self.source}）" if self.source else ""
        return f"{self.label}：{self.reason}{where}"


@dataclass
class ReportResult:
    """A generated report: where it was written, the document, gaps, charts, 保密审查 points and notices."""

    title: str
    path: Path
    document: Document
    gaps: list[Gap] = field(default_factory=list)
    charts: dict[str, Path] = field(default_factory=dict)
    privacy: list[PrivacyPoint] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
