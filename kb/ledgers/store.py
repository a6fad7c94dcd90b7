"""Ledger rows in the SQLite store: one table, one row per (kind, key), values as JSON.

The table is created here (CREATE TABLE IF NOT EXISTS), beside the statute
tables of ``kb.store``.  Importing a row whose kind and key are already
stored replaces it, so re-importing a ledger, or an updated one, never
counts a row twice.  A file is written in one transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from kb.ledgers.kinds import DATE, KINDS, MONEY, LedgerKind
from kb.ledgers.reader import LedgerRow
from kb.ledgers.values import to_json
from kb.store import Store

SCHEMA = """
CREATE TABLE IF NOT EXISTS ledger_rows (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    year INTEGER NOT NULL,
    data TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    PRIMARY KEY (kind, key)
);
CREATE INDEX IF NOT EXISTS ledger_rows_year ON ledger_rows(kind, year);
"""


@dataclass
class WriteSummary:
    """How many rows of each kind were new, replaced with other values, or unchanged."""

    added: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)


def ensure_tables(store: Store) -> None:
    """Create the ledger table in the store's database if it is not there."""
    store.db.executescript(SCHEMA)


def write_rows(store: Store, rows: list[LedgerRow], source: str = "") -> WriteSummary:
    """Insert or replace ``rows`` (by kind and key) in one transaction; return what changed."""
    ensure_tables(store)
    summary = WriteSummary()
    now = datetime.now().isoformat(timespec="seconds")
    with store.transaction() as db:
        for row in rows:
            data = json.dumps({name: to_json(value) for name, value in row.values.items()}, ensure_ascii=False,
                              sort_keys=True)
            old = db.execute("SELECT data, year FROM ledger_rows WHERE kind = ? AND key = ?",
                             (row.kind.key, row.key)).fetchone()
            bucket = summary.added if old is None else (
                summary.unchanged if (old["data"], old["year"]) == (data, row.year) else summary.updated)
            bucket[row.kind.key] = bucket.get(row.kind.key, 0) + 1
            db.execute("INSERT OR REPLACE INTO ledger_rows (kind, key, year, data, source, imported_at)"
                       " VALUES (?, ?, ?, ?, ?, ?)", (row.kind.key, row.key, row.year, data, source, now))
    return summary


def rows(store: Store, kind: LedgerKind, years: list[int] | None = None) -> list[dict]:
    """The stored rows of ``kind`` (of ``years`` when given) as dicts of typed values, plus ``年``."""
    ensure_tables(store)
    sql, args = "SELECT year, data FROM ledger_rows WHERE kind = ?", [kind.key]
    if years is not None:
        sql += f" AND year IN ({','.join('?' * len(years))})"
        args += years
    found = []
    for record in store.db.execute(sql + " ORDER BY year, key", args):
        values = _typed(kind, json.loads(record["data"]))
        values["年"] = record["year"]
        found.append(values)
    return found


def years(store: Store, kind: LedgerKind) -> list[int]:
    """The years for which the store holds rows of ``kind``."""
    ensure_tables(store)
    return [r[0] for r in store.db.execute("SELECT DISTINCT year FROM ledger_rows WHERE kind = ? ORDER BY year",
                                           (kind.key,))]


def counts(store: Store) -> dict[str, dict[int, int]]:
    """{kind key: {year: rows}} of everything stored."""
    ensure_tables(store)
    found: dict[str, dict[int, int]] = {key: {} for key in KINDS}
    for record in store.db.execute("SELECT kind, year, count(*) FROM ledger_rows GROUP BY kind, year"):
        found.setdefault(record[0], {})[record[1]] = record[2]
    return found


def _typed(kind: LedgerKind, data: dict) -> dict:
    values = {}
    for column in kind.columns:
        value = data.get(column.name)
        if value is not None and column.type == DATE:
            value = date.fromisoformat(value)
        elif value is not None and column.type == MONEY:
            value = Decimal(value)
        values[column.name] = value
    return values
