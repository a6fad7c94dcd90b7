"""Import a ledger file: read it, keep the good rows, report the bad ones, write in one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path

from kb.ledgers.kinds import LedgerKind
from kb.ledgers.reader import RowError, SheetResult, read_ledger
from kb.ledgers.store import WriteSummary, write_rows
from kb.store import Store


@dataclass
class ImportReport:
    """The outcome of importing one file: per sheet what it was, the row errors, and what was written."""

    path: Path
    sheets: list[SheetResult] = field(default_factory=list)
    written: WriteSummary = field(default_factory=WriteSummary)

    @property
    def errors(self) -> list[RowError]:
        """Every bad row's problems, in sheet and row order."""
        return [error for sheet in self.sheets for error in sheet.errors]

    @property
    def skipped_sheets(self) -> list[str]:
        """Sheets that are not a ledger (an instructions sheet, for instance)."""
        return [sheet.sheet for sheet in self.sheets if sheet.kind is None and not sheet.errors]

    @property
    def bad_rows(self) -> int:
        """How many rows were left out because of errors."""
        return len({(error.sheet, error.row) for error in self.errors})


def import_ledger(store: Store, path: str | PathLike, kind: LedgerKind | None = None) -> ImportReport:
    """Import the ledger file at ``path`` into ``store``; ``kind`` forces the kind of its sheets.

    Good rows are written (replacing stored rows of the same key) in one
    transaction; bad rows are reported in the returned report and not written.
    Raises LedgerFileError when the file cannot be read or holds no ledger.
    """
    path = Path(path)
    report = ImportReport(path, read_ledger(path, kind))
    good = [row for sheet in report.sheets for row in sheet.rows]
    report.written = write_rows(store, good, source=path.name)
    return report
