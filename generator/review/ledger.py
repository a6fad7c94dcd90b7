"""The review ledger: one row per generated review document, in the statute store's SQLite file.

The annual report counts it by year (the review date); the 一事不再罚 check looks up earlier fines
of the same party for the same act. Generating a document again for the same 文号 updates its row.
"""

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from generator.review.casefile import CommentaryCase, LegalityCase, OpinionCase
from generator.review.citing import article_key
from generator.review.findings import DISAGREE
from kb.store import Store

SCHEMA = """
CREATE TABLE IF NOT EXISTS review_ledger (
    id INTEGER PRIMARY KEY,
    doc_type TEXT NOT NULL,
    number TEXT NOT NULL,
    cause TEXT NOT NULL DEFAULT '',
    party TEXT NOT NULL DEFAULT '',
    party_code TEXT NOT NULL DEFAULT '',
    reviewer TEXT NOT NULL DEFAULT '',
    reviewed TEXT,
    recorded_at TEXT NOT NULL,
    conclusion TEXT NOT NULL DEFAULT '',
    amount TEXT NOT NULL DEFAULT '0',
    act_date TEXT,
    articles TEXT NOT NULL DEFAULT '[]',
    UNIQUE (doc_type, number)
);
CREATE INDEX IF NOT EXISTS review_ledger_party ON review_ledger(party_code, party);
CREATE INDEX IF NOT EXISTS review_ledger_reviewed ON review_ledger(reviewed);
"""
_COLUMNS = ("doc_type", "number", "cause", "party", "party_code", "reviewer", "reviewed", "recorded_at",
            "conclusion", "amount", "act_date", "articles")


@dataclass
class LedgerEntry:
    """One generated document: who reviewed what, when, with which conclusion and amount."""

    doc_type: str
    number: str                         # 文号
    cause: str                          # 案由 / 决策事项 / 标题
    reviewer: str
    reviewed: date | None
    conclusion: str
    party: str = ""
    party_code: str = ""                # 统一社会信用代码 / 身份证号
    amount: Decimal = Decimal(0)        # total of the fines proposed, 元
    act_date: date | None = None
    articles: list[str] = field(default_factory=list)     # violated articles: 安全生产法第二十八条
    recorded_at: datetime | None = None
    id: int | None = None


def ensure_ledger(store: Store) -> None:
    """Create the ledger table in the store's database if it is not there."""
    store.db.executescript(SCHEMA)


def entry_for(case, conclusion: str, recorded_at: datetime | None = None) -> LedgerEntry:
    """The ledger entry for a generated document of `case` with its final conclusion."""
    recorded_at = recorded_at or datetime.now()
    if isinstance(case, OpinionCase):
        fines = [case.decision.fine or Decimal(0)] + [p.amount or Decimal(0) for p in case.decision.person_fines]
        return LedgerEntry(doc_type=case.KIND, number=case.number, cause=case.cause, reviewer=case.reviewer,
                           reviewed=case.reviewed, conclusion=conclusion, party=case.party.name,
                           party_code=case.party.identifier, amount=sum(fines, Decimal(0)),
                           act_date=case.act_date, articles=violated_articles(case), recorded_at=recorded_at)
    if isinstance(case, LegalityCase):
        return LedgerEntry(doc_type=case.KIND, number=case.number, cause=case.matter, reviewer=case.reviewer,
                           reviewed=case.reviewed, conclusion=conclusion, recorded_at=recorded_at)
    if isinstance(case, CommentaryCase):
        return LedgerEntry(doc_type=case.KIND, number=case.title, cause=case.title, reviewer=case.author,
                           reviewed=case.written, conclusion=conclusion, recorded_at=recorded_at)
    raise TypeError(f"not a case file: {type(case).__name__}")


def violated_articles(case: OpinionCase) -> list[str]:
    """The violated articles of a case as comparable labels (安全生产法第二十八条)."""
    return sorted({article_key(c.ref) for c in case.violated})


def record(store: Store, entry: LedgerEntry) -> LedgerEntry:
    """Write an entry; an entry of the same document type and 文号 is replaced (one per case)."""
    ensure_ledger(store)
    entry.recorded_at = entry.recorded_at or datetime.now()
    values = (entry.doc_type, entry.number, entry.cause, entry.party, entry.party_code, entry.reviewer,
              _iso(entry.reviewed), entry.recorded_at.isoformat(timespec="seconds"), entry.conclusion,
              str(entry.amount), _iso(entry.act_date), json.dumps(entry.articles, ensure_ascii=False))
    with store.transaction() as db:
        db.execute("DELETE FROM review_ledger WHERE doc_type = ? AND number = ?", (entry.doc_type, entry.number))
        entry.id = db.execute(f"INSERT INTO review_ledger ({', '.join(_COLUMNS)}) VALUES ({','.join('?' * len(_COLUMNS))})",
                              values).lastrowid
    return entry


def entries(store: Store, year: int | None = None, doc_type: str | None = None) -> list[LedgerEntry]:
    """Entries in review-date order, optionally of one year (by review date) and document type."""
    ensure_ledger(store)
    sql, args = "SELECT * FROM review_ledger WHERE 1 = 1", []
    if year is not None:
        sql += " AND substr(coalesce(reviewed, recorded_at), 1, 4) = ?"
        args.append(f"{year:04d}")
    if doc_type:
        sql += " AND doc_type = ?"
        args.append(doc_type)
    rows = store.db.execute(sql + " ORDER BY coalesce(reviewed, recorded_at), id", args).fetchall()
    return [_entry(row) for row in rows]


def year_summary(store: Store, year: int) -> dict[str, dict[str, int]]:
    """{document type: {conclusion: count}} of one year, for the annual report."""
    summary: dict[str, dict[str, int]] = {}
    for entry in entries(store, year):
        counts = summary.setdefault(entry.doc_type, {})
        counts[entry.conclusion] = counts.get(entry.conclusion, 0) + 1
    return summary


def earlier_fines(store: Store, case: OpinionCase) -> list[LedgerEntry]:
    """Opinions on other files that fined the same party (same identifier, or same name when
    either has none) and were not refused; the 一事不再罚 check decides which are the same act."""
    ensure_ledger(store)
    rows = store.db.execute(
        "SELECT * FROM review_ledger WHERE doc_type = ? AND number != ? AND conclusion != ?"
        " AND CAST(amount AS REAL) > 0 AND (party = ? OR (party_code != '' AND party_code = ?))",
        (OpinionCase.KIND, case.number, DISAGREE, case.party.name, case.party.identifier)).fetchall()
    found = [_entry(row) for row in rows]
    code = case.party.identifier
    return [e for e in found if not (code and e.party_code) or e.party_code == code]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _entry(row) -> LedgerEntry:
    day = lambda text: date.fromisoformat(text) if text else None
    return LedgerEntry(id=row["id"], doc_type=row["doc_type"], number=row["number"], cause=row["cause"],
                       reviewer=row["reviewer"], reviewed=day(row["reviewed"]), conclusion=row["conclusion"],
                       party=row["party"], party_code=row["party_code"], amount=Decimal(row["amount"]),
                       act_date=day(row["act_date"]), articles=json.loads(row["articles"]),
                       recorded_at=datetime.fromisoformat(row["recorded_at"]))
