"""Ledger files uploaded in the web app: each accepted file is imported as `fazhi ledger import`
does it (good rows written, bad rows reported with sheet, row, column and reason)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from kb.ledgers import KINDS, LedgerKind, import_ledger
from kb.ledgers.reader import LedgerFileError, RowError
from kb.store import Store
from web.uploads import Upload


@dataclass
class FileOutcome:
    """What importing one uploaded ledger file did: rows written per ledger, row errors, or why
    nothing could be read."""

    name: str
    written: list[tuple[str, int, int, int]] = field(default_factory=list)   # ledger, added, updated, unchanged
    errors: list[RowError] = field(default_factory=list)
    bad_rows: int = 0
    skipped_sheets: list[str] = field(default_factory=list)
    failure: str = ""

    @property
    def summary(self) -> str:
        """One line for the audit log."""
        if self.failure:
            return f"{self.name}：未导入"
        rows = "，".join(f"{ledger}新增{added}行、更新{updated}行" for ledger, added, updated, _ in self.written)
        return f"{self.name}：{rows or '没有可导入的行'}" + (f"，{self.bad_rows}行有问题未导入" if self.bad_rows else "")


def import_upload(store: Store, upload: Upload, folder: Path, kind: LedgerKind | None = None) -> FileOutcome:
    """Import one accepted upload (.xlsx, or .csv text) into ``store``, keeping a copy in ``folder``."""
    suffix = ".xlsx" if upload.stored_name.endswith(".xlsx") else ".csv"
    path = Path(tempfile.mkdtemp(dir=folder)) / f"{Path(upload.name).stem}{suffix}"
    path.write_bytes(upload.data)
    outcome = FileOutcome(upload.name)
    try:
        report = import_ledger(store, path, kind)
    except LedgerFileError as error:
        outcome.failure = str(error).replace(str(path), f"“{upload.name}”")
        return outcome
    written = report.written
    outcome.written = [(KINDS[key].name, written.added.get(key, 0), written.updated.get(key, 0),
                        written.unchanged.get(key, 0))
                       for key in dict.fromkeys([*written.added, *written.updated, *written.unchanged])]
    outcome.errors, outcome.bad_rows, outcome.skipped_sheets = report.errors, report.bad_rows, report.skipped_sheets
    return outcome
