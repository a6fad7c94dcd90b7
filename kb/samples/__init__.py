"""Sample content written by us (示例): statute excerpts, a discretion standard and typical cases.

`load_samples` imports all of it into a store, each part in its own transactions: the statute
excerpts first (the standard and cases cite them), then the standard, then the cases.
"""

from dataclasses import dataclass, field
from pathlib import Path

from kb.cases.importer import import_cases
from kb.cases.models import Case
from kb.importers.files import ImportSummary, import_files
from kb.standards.importer import import_standard
from kb.standards.models import Standard
from kb.store import Store

ROOT = Path(__file__).parent
STATUTES = ROOT / "statutes"
STANDARDS = ROOT / "standards"
CASES = ROOT / "cases"
STANDARD_FILE = STANDARDS / "示例省安全生产行政处罚裁量基准.yaml"


@dataclass
class SampleSummary:
    """What `load_samples` imported."""

    statutes: ImportSummary
    standards: list[Standard] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)


def load_samples(store: Store) -> SampleSummary:
    """Import the sample statute excerpts, standard(s) and cases into `store`."""
    summary = SampleSummary(statutes=import_files(store, [STATUTES]))
    summary.standards = [import_standard(store, path) for path in sorted(STANDARDS.glob("*.yaml"))]
    summary.cases = import_cases(store, [CASES])
    return summary
