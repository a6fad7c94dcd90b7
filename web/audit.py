"""The audit log: logins, imports, reviews, generated documents and user changes."""

import sqlite3
from dataclasses import dataclass
from datetime import datetime


@dataclass
class AuditEntry:
    """One logged action."""

    at: str
    user: str
    address: str
    action: str
    detail: str


def log(db: sqlite3.Connection, user: str, address: str, action: str, detail: str = "") -> None:
    """Append one entry."""
    db.execute("INSERT INTO audit (at, user, address, action, detail) VALUES (?,?,?,?,?)",
               (datetime.now().isoformat(timespec="seconds"), user, address, action, detail))


def recent(db: sqlite3.Connection, limit: int = 200, action: str = "", user: str = "") -> list[AuditEntry]:
    """The newest entries first, optionally of one action or user."""
    rows = db.execute("SELECT at, user, address, action, detail FROM audit"
                      " WHERE (? = '' OR action = ?) AND (? = '' OR user = ?) ORDER BY id DESC LIMIT ?",
                      (action, action, user, user, limit))
    return [AuditEntry(*row) for row in rows]


def actions(db: sqlite3.Connection) -> list[str]:
    """The kinds of action logged so far."""
    return [row[0] for row in db.execute("SELECT DISTINCT action FROM audit ORDER BY action")]
