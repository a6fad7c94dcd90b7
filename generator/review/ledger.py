"""The review ledger: one row per generated review document, in the statute store's SQLite file.

The annual report counts it by year (the review date). Generating a document again for the same 文号
updates its row; an opinion on a 案件编号 already reviewed under another 文号 is a re-review, and the
earlier opinions are listed (`earlier_opinions`). An entry made by mistake is voided with a reason
(kept, marked 作废, left out of counts). Sample files (示例) never enter the ledger (`record_case`).
Penalties actually decided are a separate ledger (generator.review.decisions): opinions are not fines.
"""

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from generator.review.casefile import CommentaryCase, LegalityCase, OpinionCase
from generator.review.citing import article_key
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
    case_number TEXT NOT NULL DEFAULT '',
    voided TEXT,
    voided_reason TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    UNIQUE (doc_type, number)
);
CREATE INDEX IF NOT EXISTS review_ledger_party ON review_ledger(party_code, party);
CREATE INDEX IF NOT EXISTS review_ledger_reviewed ON review_ledger(reviewed);
"""
_COLUMNS = ("doc_type", "number", "cause", "party", "party_code", "reviewer", "reviewed", "recorded_at",
            "conclusion", "amount", "act_date", "articles", "case_number", "unit")
# Columns added after the first release: (name, declaration) for databases created before them.
_ADDED = (("case_number", "TEXT NOT NULL DEFAULT ''"), ("voided", "TEXT"), ("voided_reason", "TEXT NOT NULL DEFAULT ''"),
          ("unit", "TEXT NOT NULL DEFAULT ''"))
VOID = "作废"


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
    case_number: str = ""               # 案件编号
    voided: datetime | None = None
    voided_reason: str = ""
    unit: str = ""                      # 送审科室 / 起草单位


def ensure_ledger(store: Store) -> None:
    """Create the ledger table in the store's database if it is not there (adding later columns)."""
    store.db.executescript(SCHEMA)
    have = {row[1] for row in store.db.execute("PRAGMA table_info(review_ledger)")}
    for name, declaration in _ADDED:
        if name not in have:
            store.db.execute(f"ALTER TABLE review_ledger ADD COLUMN {name} {declaration}")


def entry_for(case, conclusion: str, recorded_at: datetime | None = None) -> LedgerEntry:
    """The ledger entry for a generated document of `case` with its final conclusion."""
    recorded_at = recorded_at or datetime.now()
    if isinstance(case, OpinionCase):
        fines = [case.decision.fine or Decimal(0)] + [p.amount or Decimal(0) for p in case.decision.person_fines]
        return LedgerEntry(doc_type=case.KIND, number=case.number, cause=case.cause, reviewer=case.reviewer,
                           reviewed=case.reviewed, conclusion=conclusion, party=case.party.name,
                           party_code=case.party.identifier, amount=sum(fines, Decimal(0)),
                           act_date=case.act_date, articles=violated_articles(case), recorded_at=recorded_at,
                           case_number=case.case_number, unit=case.office)
    if isinstance(case, LegalityCase):
        return LedgerEntry(doc_type=case.KIND, number=case.number, cause=case.matter, reviewer=case.reviewer,
                           reviewed=case.reviewed, conclusion=conclusion, recorded_at=recorded_at, unit=case.drafter)
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
              str(entry.amount), _iso(entry.act_date), json.dumps(entry.articles, ensure_ascii=False), entry.case_number,
              entry.unit)
    with store.transaction() as db:
        db.execute("DELETE FROM review_ledger WHERE doc_type = ? AND number = ?", (entry.doc_type, entry.number))
        entry.id = db.execute(f"INSERT INTO review_ledger ({', '.join(_COLUMNS)}) VALUES ({','.join('?' * len(_COLUMNS))})",
                              values).lastrowid
    return entry


def record_case(store: Store, case, conclusion: str) -> LedgerEntry | None:
    """Record a generated document of `case`; a sample file (示例) is never recorded (None)."""
    if getattr(case, "sample", False):
        return None
    return record(store, entry_for(case, conclusion))


def void(store: Store, number: str, reason: str, doc_type: str | None = None) -> list[LedgerEntry]:
    """Mark the entries with this 文号 (of one document type when given) 作废 with a reason; they are
    kept and listed, and left out of counts. Raise LookupError when there is none, ValueError
    without a reason."""
    if not reason.strip():
        raise ValueError("作废须写明理由")
    ensure_ledger(store)
    sql, args = "SELECT id FROM review_ledger WHERE number = ?", [number]
    if doc_type:
        sql += " AND doc_type = ?"
        args.append(doc_type)
    ids = [row[0] for row in store.db.execute(sql, args)]
    if not ids:
        raise LookupError(f"审核台账中没有文号为“{number}”的记录")
    with store.transaction() as db:
        db.executemany("UPDATE review_ledger SET voided = ?, voided_reason = ? WHERE id = ?",
                       [(datetime.now().isoformat(timespec="seconds"), reason.strip(), i) for i in ids])
    return [e for e in entries(store, voided=True) if e.id in ids]


def earlier_opinions(store: Store, case: OpinionCase) -> list[LedgerEntry]:
    """Opinions (not voided) on the same 案件编号 under another 文号: this review is a re-review."""
    if not case.case_number:
        return []
    ensure_ledger(store)
    rows = store.db.execute(
        "SELECT * FROM review_ledger WHERE doc_type = ? AND case_number = ? AND number != ? AND voided IS NULL"
        " ORDER BY coalesce(reviewed, recorded_at), id", (OpinionCase.KIND, case.case_number, case.number)).fetchall()
    return [_entry(row) for row in rows]


def entries(store: Store, year: int | None = None, doc_type: str | None = None,
            voided: bool = False, unit: str | None = None, conclusion: str | None = None) -> list[LedgerEntry]:
    """Entries in review-date order, optionally of one year (by review date), document type,
    submitting unit and conclusion; voided entries only when `voided` is true."""
    ensure_ledger(store)
    sql, args = "SELECT * FROM review_ledger WHERE 1 = 1", []
    if not voided:
        sql += " AND voided IS NULL"
    if year is not None:
        sql += " AND substr(coalesce(reviewed, recorded_at), 1, 4) = ?"
        args.append(f"{year:04d}")
    for column, value in (("doc_type", doc_type), ("unit", unit), ("conclusion", conclusion)):
        if value:
            sql += f" AND {column} = ?"
            args.append(value)
    rows = store.db.execute(sql + " ORDER BY coalesce(reviewed, recorded_at), id", args).fetchall()
    return [_entry(row) for row in rows]


def year_summary(store: Store, year: int) -> dict[str, dict[str, int]]:
    """{document type: {conclusion: count}} of one year, for the annual report."""
    summary: dict[str, dict[str, int]] = {}
    for entry in entries(store, year):
        counts = summary.setdefault(entry.doc_type, {})
        counts[entry.conclusion] = counts.get(entry.conclusion, 0) + 1
    return summary


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _entry(row) -> LedgerEntry:
    day = lambda text: date.fromisoformat(text) if text else None
    return LedgerEntry(id=row["id"], doc_type=row["doc_type"], number=row["number"], cause=row["cause"],
                       reviewer=row["reviewer"], reviewed=day(row["reviewed"]), conclusion=row["conclusion"],
                       party=row["party"], party_code=row["party_code"], amount=Decimal(row["amount"]),
                       act_date=day(row["act_date"]), articles=json.loads(row["articles"]),
                       recorded_at=datetime.fromisoformat(row["recorded_at"]), case_number=row["case_number"],
                       voided=datetime.fromisoformat(row["voided"]) if row["voided"] else None,
                       voided_reason=row["voided_reason"], unit=row["unit"])
