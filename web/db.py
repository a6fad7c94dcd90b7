"""The web application's own SQLite file (web.sqlite in the data directory): users, API tokens,
failed logins, the audit log and case submissions. WAL mode with a busy timeout, so two users
saving at once wait for each other instead of failing."""

import sqlite3
from contextlib import contextmanager
from pathlib import Path

DB_NAME = "web.sqlite"
BUSY_TIMEOUT_SECONDS = 10

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    password TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    digest TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS login_failures (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS login_failures_name ON login_failures(name, at);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS submissions (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    submitter TEXT NOT NULL,
    reviewer TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    conclusion TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL,
    document TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS submission_events (
    id INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS attachments (
    id INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    stored TEXT NOT NULL,
    kind TEXT NOT NULL,
    size INTEGER NOT NULL,
    uploaded_by TEXT NOT NULL,
    at TEXT NOT NULL
);
"""


def connect(data: Path) -> sqlite3.Connection:
    """Open (and create if needed) the web database of a data directory."""
    db = sqlite3.connect(Path(data) / DB_NAME, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None,
                         check_same_thread=False)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA journal_mode = WAL")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_SECONDS * 1000}")
    db.execute("PRAGMA foreign_keys = ON")
    db.executescript(SCHEMA)
    return db


@contextmanager
def transaction(db: sqlite3.Connection):
    """Run the block in one write transaction: all of it is written, or none of it."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
