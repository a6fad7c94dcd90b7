"""Cases submitted for review in the web app: the case-file dict, status, history, attachments.
Stored in the web database; files (attachments, the case file and the generated document) in the
data directory under web/cases/<id>/."""

import json
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from web.db import transaction

SUBMITTED, RETURNED, DECIDED = "待审核", "退回补充", "已审核"


@dataclass
class Submission:
    """One case in the review workflow."""

    id: int
    kind: str
    title: str
    unit: str
    submitter: str
    reviewer: str
    status: str
    conclusion: str
    data: dict
    document: str
    created: str
    updated: str


@dataclass
class Event:
    """One step in a case's history."""

    at: str
    user: str
    action: str
    detail: str


@dataclass
class Attachment:
    """A file attached to a case."""

    id: int
    name: str
    stored: str
    kind: str
    size: int
    uploaded_by: str
    at: str


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, default=lambda v: v.isoformat() if isinstance(v, date) else str(v))


def _submission(row: sqlite3.Row) -> Submission:
    return Submission(**{**dict(row), "data": json.loads(row["data"])})


def create(db: sqlite3.Connection, kind: str, title: str, unit: str, user: str, data: dict) -> Submission:
    """Store a new submission with its first history step."""
    with transaction(db):
        new_id = db.execute("INSERT INTO submissions (kind, title, unit, submitter, status, data, created, updated)"
                            " VALUES (?,?,?,?,?,?,?,?)",
                            (kind, title, unit, user, SUBMITTED, _json(data), _now(), _now())).lastrowid
        _event(db, new_id, user, "提交送审", title)
    return get(db, new_id)


def update(db: sqlite3.Connection, submission_id: int, user: str, action: str, detail: str = "", **changes) -> None:
    """Change fields of a submission (data, status, conclusion, reviewer, document, title) and
    record the step in its history, in one transaction."""
    if "data" in changes:
        changes["data"] = _json(changes["data"])
    columns = ", ".join(f"{name} = ?" for name in changes)
    with transaction(db):
        db.execute(f"UPDATE submissions SET {columns}{', ' if columns else ''}updated = ? WHERE id = ?",
                   (*changes.values(), _now(), submission_id))
        _event(db, submission_id, user, action, detail)


def _event(db: sqlite3.Connection, submission_id: int, user: str, action: str, detail: str) -> None:
    db.execute("INSERT INTO submission_events (submission_id, at, user, action, detail) VALUES (?,?,?,?,?)",
               (submission_id, _now(), user, action, detail))


def get(db: sqlite3.Connection, submission_id: int) -> Submission | None:
    """One submission, or None."""
    row = db.execute("SELECT * FROM submissions WHERE id = ?", (submission_id,)).fetchone()
    return _submission(row) if row else None


def listed(db: sqlite3.Connection, unit: str | None = None, user: str | None = None,
           status: str = "") -> list[Submission]:
    """Submissions newest first; with `unit`/`user`, only those of that unit or by that user."""
    sql, args = "SELECT * FROM submissions WHERE (? = '' OR status = ?)", [status, status]
    if unit is not None or user is not None:
        sql += " AND ((unit != '' AND unit = ?) OR submitter = ?)"
        args += [unit or "", user or ""]
    return [_submission(r) for r in db.execute(sql + " ORDER BY updated DESC, id DESC", args)]


def history(db: sqlite3.Connection, submission_id: int) -> list[Event]:
    """Every step of a case, oldest first."""
    rows = db.execute("SELECT at, user, action, detail FROM submission_events WHERE submission_id = ?"
                      " ORDER BY id", (submission_id,))
    return [Event(*row) for row in rows]


def add_attachment(db: sqlite3.Connection, submission_id: int, name: str, stored: Path, kind: str, user: str) -> None:
    """Record a stored attachment."""
    db.execute("INSERT INTO attachments (submission_id, name, stored, kind, size, uploaded_by, at)"
               " VALUES (?,?,?,?,?,?,?)", (submission_id, name, stored.name, kind, stored.stat().st_size, user, _now()))


def attachments(db: sqlite3.Connection, submission_id: int) -> list[Attachment]:
    """The attachments of a case."""
    rows = db.execute("SELECT id, name, stored, kind, size, uploaded_by, at FROM attachments"
                      " WHERE submission_id = ? ORDER BY id", (submission_id,))
    return [Attachment(*row) for row in rows]


def folder(data: Path, submission_id: int) -> Path:
    """Where a case's files are kept."""
    path = data / "web" / "cases" / str(submission_id)
    path.mkdir(parents=True, exist_ok=True)
    return path
