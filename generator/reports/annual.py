"""The annual rule-of-law report (法治政府建设年度报告) as an official-format .docx.

The text comes from the editable per-year narrative (``narrative``) with
every figure filled in from the ledgers; a figure without data is written
as 【待补充：…】 and listed among the gaps, as are the five required parts and
the nine areas of the main measures the narrative lacks.  The result also
says which year's report it is and when it is due, and lists the 保密审查
points found in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from os import PathLike
from pathlib import Path

import yaml
from docx import Document
from docx.document import Document as DocumentType

from generator import official_format as of
from generator.filters import date_text
from generator.markdown_docx import append_markdown
from generator.render import save_atomically
from generator.reports.docx_parts import add_signature, add_unindented
from generator.reports.figures import GAP_CLOSE, GAP_OPEN, GAP_RE
from generator.reports.narrative import META_FIELDS, VARIABLE_RE, Narrative, load_narrative, substitute, used_names
from generator.reports.privacy import privacy_points
from generator.reports.result import Gap, ReportResult
from generator.reports.stats import Stats, compute_stats
from generator.signature import define_signature_style
from kb.ledgers import store as ledger_store
from kb.ledgers.kinds import CASES
from kb.store import Store
from templates import TEMPLATE_DIR

RULES_FILE = Path(__file__).with_name("annual_report.yaml")
DEFAULT_NARRATIVE = TEMPLATE_DIR / "法治政府建设年度报告.md"
NARRATIVE_SOURCE = "年度报告叙述文件"


@dataclass(frozen=True)
class ReportRules:
    """The parts a report must hold, the areas of its main measures, and its due dates (MM-DD)."""

    source: str
    report_due: str
    publish_due: str
    parts: list[dict]
    areas: list[dict]


def load_rules(path: Path = RULES_FILE) -> ReportRules:
    """Read the report rules (annual_report.yaml)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return ReportRules(data["source"], data["report_due"], data["publish_due"], data["parts"], data["areas"])


def build_annual_report(store: Store, year: int, out: str | PathLike, narrative: str | PathLike | None = None,
                        stats: Stats | None = None, today: date | None = None) -> ReportResult:
    """Write the annual report of ``year`` to ``out`` from the ledgers and the narrative file.

    ``today`` (default: the system date) decides the warnings about an unfinished year and a passed
    deadline.
    ``narrative`` defaults to the shipped starting text.  Raises NarrativeError
    when the narrative cannot be used; nothing is written then.
    """
    rules = load_rules()
    story = load_narrative(narrative or DEFAULT_NARRATIVE, year)
    stats = stats or compute_stats(store, year)
    values, gaps = _values(story, stats)
    text = substitute(story, values)
    gaps += _structure_gaps(text, rules)
    gaps += _written_gaps(text, gaps)
    agency = values["机关"]
    title = f"{agency}关于{year}年度法治政府建设情况的报告"
    document = _document(title, values, text)
    save_atomically(document, out)
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    cases = ledger_store.rows(store, CASES, [year])
    return ReportResult(title, Path(out), document, gaps, {}, privacy_points(paragraphs, cases),
                        _notices(rules, year, story, values, today or date.today()))


def write_starting_narrative(path: str | PathLike, year: int) -> Path:
    """Copy the shipped starting narrative to ``path`` for ``year``; an existing file is never overwritten."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} 已存在，未覆盖")
    text = DEFAULT_NARRATIVE.read_text(encoding="utf-8")
    head, _, body = text.partition("\n机关:")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{head}\n年度: {year}\n机关:{body}", encoding="utf-8")
    return path


def _values(story: Narrative, stats: Stats) -> tuple[dict[str, str], list[Gap]]:
    """The text of every name the narrative may use, and the gaps among the names it uses."""
    values = {name: _escape(figure.text()) for name, figure in stats.figures.items()}
    gaps = []
    for name, label in META_FIELDS.items():
        values[name] = story.meta.get(name) or f"{GAP_OPEN}{label}{GAP_CLOSE}"
        if name not in story.meta:
            gaps.append(Gap(label, f"叙述文件开头未填写“{name}”", NARRATIVE_SOURCE))
    values |= {name: value for name, value in story.meta.items() if name not in values}
    used = used_names(story)
    gaps += [Gap.of(stats[name]) for name in used if name in stats.figures and not stats[name].known]
    return values, gaps


def _written_gaps(text: str, known: list[Gap]) -> list[Gap]:
    """Gap marks written into the narrative itself (a paragraph still to be written)."""
    labels = {gap.label for gap in known}
    found = dict.fromkeys(GAP_RE.findall(text))
    return [Gap(label, "叙述文件中尚未填写", NARRATIVE_SOURCE) for label in found if label not in labels]


def _escape(text: str) -> str:
    """Backslash the characters Markdown would read as formatting (a unit name with * or _)."""
    return re.sub(r"([\\`*_\[\]#])", r"\\\1", text)


def _structure_gaps(text: str, rules: ReportRules) -> list[Gap]:
    """The required parts (level-1 headings) and main-measure areas (level-2 headings) the text lacks."""
    headings = {1: [], 2: []}
    for line in text.split("\n"):
        stripped = line.lstrip()
        level = len(stripped) - len(stripped.lstrip("#"))
        if level in headings:
            headings[level].append(stripped[level:])
    found = lambda level, keywords: any(word in heading for heading in headings[level] for word in keywords)
    gaps = [Gap(part["name"], "叙述文件中没有这一部分（一级标题）", NARRATIVE_SOURCE)
            for part in rules.parts if not found(1, part["keywords"])]
    gaps += [Gap(f"主要举措和成效：{area['name']}", "叙述文件中没有这方面的内容（二级标题）", NARRATIVE_SOURCE)
             for area in rules.areas if not found(2, area["keywords"])]
    return gaps


def _document(title: str, values: dict[str, str], text: str) -> DocumentType:
    document = Document()
    of.setup_document(document)
    define_signature_style(document)
    of.add_title(document, title)
    add_unindented(document, f"{values['本级政府']}、{values['上级部门']}：")
    append_markdown(document, text)
    add_signature(document, values["机关"], values["成文日期"])
    document.core_properties.title = title
    document.core_properties.author = values["机关"] if not VARIABLE_RE.search(values["机关"]) else ""
    return document


def _notices(rules: ReportRules, year: int, story: Narrative, values: dict[str, str], today: date) -> list[str]:
    """Which year's report this is, where and by when it goes, the publication rule, and the warnings."""
    report_due = date.fromisoformat(f"{year + 1}-{rules.report_due}")
    publish_due = date.fromisoformat(f"{year + 1}-{rules.publish_due}")
    recipients = "和".join(values[name] for name in ("本级政府", "上级部门"))
    notices = [
        f"这是{values['机关']}{year}年度的法治政府建设年度报告（叙述文件：{story.path}）。",
        f"依照{rules.source}，应于{date_text(report_due)}前报送{recipients}，于{date_text(publish_due)}前向社会公开。",
        "公开前须进行保密审查，删去个人姓名和涉及个人的案件细节。",
    ]
    if today.year <= year:
        notices.append(f"注意：{year}年尚未结束，台账数据可能不完整。")
    elif today > publish_due:
        notices.append(f"注意：报送期限（{date_text(report_due)}）和公开期限（{date_text(publish_due)}）均已过。")
    elif today > report_due:
        notices.append(f"注意：报送期限（{date_text(report_due)}）已过。")
    return notices
