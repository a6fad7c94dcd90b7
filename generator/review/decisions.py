"""The decision ledger: penalties actually decided (决定文号, 决定日期, amounts, 案件编号), in the
statute store's SQLite file. 一事不再罚 (行政处罚法第二十九条) counts these, not review opinions.

A decision is recorded from the case file it was reviewed in (`from_case`), with its own 文号 and
date; a record made by mistake is voided with a reason (kept, marked 作废, no longer counted).
Sample files (示例) are never recorded.
"""

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from generator.review.casefile import OpinionCase
from generator.review.ledger import violated_articles
from kb.store import Store

SCHEMA = """
CREATE TABLE IF NOT EXISTS decision_ledger (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    decided TEXT NOT NULL,
    case_number TEXT NOT NULL DEFAULT '',
    cause TEXT NOT NULL DEFAULT '',
    party TEXT NOT NULL DEFAULT '',
    party_code TEXT NOT NULL DEFAULT '',
    amount TEXT NOT NULL DEFAULT '0',
    act_date TEXT,
    articles TEXT NOT NULL DEFAULT '[]',
    recorded_at TEXT NOT NULL,
    voided TEXT,
    voided_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS decision_ledger_party ON decision_ledger(party_code, party);
"""
_COLUMNS = ("number", "decided", "case_number", "cause", "party", "party_code", "amount", "act_date", "articles",
            "recorded_at")


@dataclass
class DecisionRecord:
    """One penalty decision as made: its 文号 and date, the case, the party, the total fine and the
    provisions breached."""

    number: str                         # 决定文号
    decided: date
    case_number: str = ""
    cause: str = ""
    party: str = ""
    party_code: str = ""
    amount: Decimal = Decimal(0)        # total of the fines decided, 元
    act_date: date | None = None
    articles: list[str] = field(default_factory=list)
    recorded_at: datetime | None = None
    id: int | None = None
    voided: datetime | None = None
    voided_reason: str = ""


def from_case(case: OpinionCase, number: str, decided: date, amount: Decimal | None = None) -> DecisionRecord:
    """The decision record of a reviewed case: the fines proposed unless `amount` says otherwise.
    Raise ValueError for a sample file or a missing 文号."""
    if case.sample:
        raise ValueError("示例文件不记入决定台账")
    if not number.strip():
        raise ValueError("应写明决定文号")
    fines = [case.decision.fine or Decimal(0)] + [p.amount or Decimal(0) for p in case.decision.person_fines]
    return DecisionRecord(number=number.strip(), decided=decided, case_number=case.case_number, cause=case.cause,
                          party=case.party.name, party_code=case.party.identifier,
                          amount=sum(fines, Decimal(0)) if amount is None else amount,
                          act_date=case.act_date, articles=violated_articles(case))


def record(store: Store, decision: DecisionRecord) -> DecisionRecord:
    """Write a decision; a decision with the same 文号 is replaced."""
    _ensure(store)
    decision.recorded_at = decision.recorded_at or datetime.now()
    values = (decision.number, decision.decided.isoformat(), decision.case_number, decision.cause, decision.party,
              decision.party_code, str(decision.amount), decision.act_date.isoformat() if decision.act_date else None,
              json.dumps(decision.articles, ensure_ascii=False), decision.recorded_at.isoformat(timespec="seconds"))
    with store.transaction() as db:
        db.execute("DELETE FROM decision_ledger WHERE number = ?", (decision.number,))
        decision.id = db.execute(f"INSERT INTO decision_ledger ({', '.join(_COLUMNS)}) "
                                 f"VALUES ({','.join('?' * len(_COLUMNS))})", values).lastrowid
    return decision


def decisions(store: Store, voided: bool = False) -> list[DecisionRecord]:
    """Decisions in date order; voided ones only when `voided` is true."""
    _ensure(store)
    sql = "SELECT * FROM decision_ledger" + ("" if voided else " WHERE voided IS NULL")
    return [_record(row) for row in store.db.execute(sql + " ORDER BY decided, id")]


def void(store: Store, number: str, reason: str) -> DecisionRecord:
    """Mark a decision 作废 with a reason; raise LookupError when there is none, ValueError
    without a reason."""
    if not reason.strip():
        raise ValueError("作废须写明理由")
    _ensure(store)
    with store.transaction() as db:
        changed = db.execute("UPDATE decision_ledger SET voided = ?, voided_reason = ? WHERE number = ?",
                             (datetime.now().isoformat(timespec="seconds"), reason.strip(), number)).rowcount
    if not changed:
        raise LookupError(f"决定台账中没有文号为“{number}”的决定")
    return next(d for d in decisions(store, voided=True) if d.number == number)


def earlier_fines(store: Store, case: OpinionCase) -> list[DecisionRecord]:
    """Decisions (not voided) that fined the same party (same identifier, or same name when either
    has none) in other cases; the 一事不再罚 check decides which are the same act."""
    _ensure(store)
    rows = store.db.execute(
        "SELECT * FROM decision_ledger WHERE voided IS NULL AND CAST(amount AS REAL) > 0"
        " AND (case_number = '' OR case_number != ?) AND (party = ? OR (party_code != '' AND party_code = ?))",
        (case.case_number, case.party.name, case.party.identifier)).fetchall()
    code = case.party.identifier
    return [d for d in map(_record, rows) if not (code and d.party_code) or d.party_code == code]


def of_case(store: Store, case: OpinionCase) -> list[DecisionRecord]:
    """Decisions (not voided) already recorded for the case's own 案件编号."""
    if not case.case_number:
        return []
    _ensure(store)
    rows = store.db.execute("SELECT * FROM decision_ledger WHERE voided IS NULL AND case_number = ? ORDER BY decided",
                            (case.case_number,)).fetchall()
    return [_record(row) for row in rows]


def _ensure(store: Store) -> None:
    store.db.executescript(SCHEMA)


def _record(row) -> DecisionRecord:
    day = lambda text: date.fromisoformat(text) if text else None   # noqa: E731
    return DecisionRecord(id=row["id"], number=row["number"], decided=day(row["decided"]),
                          case_number=row["case_number"], cause=row["cause"], party=row["party"],
                          party_code=row["party_code"], amount=Decimal(row["amount"]), act_date=day(row["act_date"]),
                          articles=json.loads(row["articles"]), recorded_at=datetime.fromisoformat(row["recorded_at"]),
                          voided=datetime.fromisoformat(row["voided"]) if row["voided"] else None,
                          voided_reason=row["voided_reason"])
