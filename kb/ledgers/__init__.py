"""The bureau's ledgers (台账): kinds and columns, reading .xlsx/.csv, storing rows, blank templates."""

from kb.ledgers.importer import ImportReport, import_ledger
from kb.ledgers.kinds import KINDS, LedgerKind, find_kind

__all__ = ["KINDS", "ImportReport", "LedgerKind", "find_kind", "import_ledger"]
