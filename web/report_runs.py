"""Reports generated in the web app: the per-year narrative files uploaded for the annual report,
and each generated report (the .docx and its charts) in a folder of its own under the data
directory, found again by the folder's name kept in the user's session."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.reports.analysis import build_enforcement_analysis
from generator.reports.annual import DEFAULT_NARRATIVE, build_annual_report
from generator.reports.charts import TITLES, TREND, draw_charts
from generator.reports.narrative import NarrativeError, load_narrative
from generator.reports.result import ReportResult
from generator.reports.stats import compute_stats
from kb.ledgers import KINDS
from kb.ledgers import store as ledger_store
from kb.store import Store

ANNUAL, ANALYSIS = "annual", "analysis"
NAMES = {ANNUAL: "法治政府建设年度报告", ANALYSIS: "执法分析报告"}
DOCX = "report.docx"
CHARTS = "charts"
UPLOADED, STORED, DEFAULT = "upload", "stored", "default"


@dataclass
class Run:
    """One generated report: its folder (relative to the reports folder), the result, the charts by name."""

    folder: str
    result: ReportResult
    charts: dict[str, str] = field(default_factory=dict)    # chart file stem → caption
    narrative: str = ""                                      # what the annual report's text came from


def reports_folder(data: Path) -> Path:
    """Where generated reports are kept."""
    folder = Path(data) / "web" / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def narrative_path(data: Path, year: int) -> Path:
    """Where the uploaded narrative of ``year`` is kept (it may not exist)."""
    return Path(data) / "web" / "narratives" / f"{year}年度报告叙述.md"


def store_narrative(data: Path, year: int, text: bytes) -> Path:
    """Keep an uploaded narrative as the stored one of ``year``; raise NarrativeError, keeping the
    stored one, when it cannot be used for that year."""
    target = narrative_path(data, year)
    target.parent.mkdir(parents=True, exist_ok=True)
    trial = target.with_suffix(".upload")
    trial.write_bytes(text)
    try:
        load_narrative(trial, year)
    except NarrativeError as error:
        trial.unlink()
        raise NarrativeError(str(error).replace(str(trial), "上传的叙述文件")) from None
    trial.replace(target)
    return target


def report_years(store: Store, today: date | None = None) -> list[int]:
    """The years a report may be made for: those with ledger rows, this year and last, newest first."""
    this_year = (today or date.today()).year
    years = {this_year, this_year - 1}
    for kind in KINDS.values():
        years.update(ledger_store.years(store, kind))
    return sorted(years, reverse=True)


def default_year(today: date | None = None) -> int:
    """The year whose reports are due next (last year)."""
    return (today or date.today()).year - 1


def stored_agency(data: Path, year: int) -> str:
    """The 机关 of the stored narrative of ``year``, or '' when there is none."""
    path = narrative_path(data, year)
    if not path.exists():
        return ""
    try:
        return str(load_narrative(path, year).meta.get("机关") or "")
    except NarrativeError:
        return ""


def run_annual(data: Path, store: Store, year: int, choice: str) -> Run:
    """Generate the annual report of ``year`` from the stored narrative (``choice`` STORED) or the
    shipped starting text (DEFAULT), with the charts of its statistics. Raises NarrativeError."""
    stored = narrative_path(data, year)
    if choice == STORED and not stored.exists():
        raise NarrativeError(f"还没有上传{year}年度的叙述文件，请上传，或选择使用随软件附带的起草稿。")
    narrative, described = ((stored, f"已上传的{year}年度叙述文件") if choice == STORED
                            else (DEFAULT_NARRATIVE, "随软件附带的起草稿"))
    folder = _new_folder(data)
    stats = compute_stats(store, year)
    try:
        result = build_annual_report(store, year, folder / DOCX, narrative, stats=stats)
    except NarrativeError as error:
        raise NarrativeError(str(error).replace(str(narrative), described)) from None
    result.notices = [notice.replace(str(narrative), described) for notice in result.notices]
    charts = draw_charts(stats, folder / CHARTS)
    if charts.message:
        result.notices.append(charts.message)
    return Run(folder.name, result, _captions(charts.paths, year), described)


def run_analysis(data: Path, store: Store, year: int, agency: str) -> Run:
    """Generate the enforcement analysis report of ``year`` for ``agency`` ('' leaves it to supply)."""
    folder = _new_folder(data)
    result = build_enforcement_analysis(store, year, folder / DOCX, agency.strip() or None, folder / CHARTS)
    return Run(folder.name, result, _captions(result.charts, year))


def run_file(data: Path, folder: str, name: str) -> Path | None:
    """The file ``name`` (the .docx or a chart) of a generated report, or None when it is gone."""
    root = reports_folder(data).resolve()
    relative = DOCX if name == DOCX else f"{CHARTS}/{name}.png"
    path = (root / folder / relative).resolve()
    return path if path.is_file() and root in path.parents else None


def download_name(kind: str, year: int) -> str:
    """The file name a downloaded report gets."""
    return f"{year}年{NAMES[kind]}.docx"


def _captions(paths: dict[str, Path], year: int) -> dict[str, str]:
    return {Path(path).stem: TITLES[name] if name == TREND else f"{year}年{TITLES[name]}" for name, path in paths.items()}


def _new_folder(data: Path) -> Path:
    return Path(tempfile.mkdtemp(dir=reports_folder(data)))
