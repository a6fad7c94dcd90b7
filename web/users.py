"""Accounts of the web application: roles, password hashes (werkzeug), API tokens and the
slowing of repeated failed logins."""

import hashlib
import secrets
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime

from werkzeug.security import check_password_hash, generate_password_hash

from web.db import transaction

# Roles in rising order of what they may do; each role may do everything of the roles before it.
READER, CLERK, REVIEWER, ADMIN = "查阅", "承办", "审核", "管理员"
ROLES = (READER, CLERK, REVIEWER, ADMIN)
ROLE_DUTIES = {READER: "检索、阅读", CLERK: "提交案件送审", REVIEWER: "审核、生成文书、导入",
               ADMIN: "用户、模板、配置"}
MIN_PASSWORD = 8
FAILURE_WINDOW = 15 * 60        # seconds during which failed logins count
FREE_FAILURES = 3               # failures of one account allowed before the next attempt must wait
FREE_ADDRESS_FAILURES = 20      # failures from one address (any account) before it must wait
MAX_WAIT = 300                  # the longest wait, in seconds


class UserError(ValueError):
    """A user cannot be created or changed; the message says why."""


@dataclass
class User:
    """A person who may log in."""

    id: int
    name: str
    role: str
    unit: str
    active: bool
    created: str

    def may(self, role: str) -> bool:
        """Whether this user holds `role` or a higher one."""
        return ROLES.index(self.role) >= ROLES.index(role)


def _user(row: sqlite3.Row) -> User:
    return User(row["id"], row["name"], row["role"], row["unit"], bool(row["active"]), row["created"])


def add_user(db: sqlite3.Connection, name: str, role: str, password: str, unit: str = "") -> User:
    """Create an account; raise UserError for an empty or taken name, unknown role or short password."""
    name = name.strip()
    if not name:
        raise UserError("用户名不能为空")
    if role not in ROLES:
        raise UserError(f"角色应为{'、'.join(ROLES)}之一，实为“{role}”")
    if len(password) < MIN_PASSWORD:
        raise UserError(f"密码至少 {MIN_PASSWORD} 位")
    with transaction(db):
        if db.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
            raise UserError(f"用户“{name}”已存在")
        db.execute("INSERT INTO users (name, role, unit, password, created) VALUES (?,?,?,?,?)",
                   (name, role, unit.strip(), generate_password_hash(password), _now()))
    return find_user(db, name)


def set_password(db: sqlite3.Connection, name: str, password: str) -> None:
    """Replace a user's password."""
    if len(password) < MIN_PASSWORD:
        raise UserError(f"密码至少 {MIN_PASSWORD} 位")
    if not db.execute("UPDATE users SET password = ? WHERE name = ?",
                      (generate_password_hash(password), name)).rowcount:
        raise UserError(f"没有用户“{name}”")


def set_role(db: sqlite3.Connection, name: str, role: str, active: bool = True) -> None:
    """Change a user's role, or disable the account (active False)."""
    if role not in ROLES:
        raise UserError(f"角色应为{'、'.join(ROLES)}之一，实为“{role}”")
    if not db.execute("UPDATE users SET role = ?, active = ? WHERE name = ?", (role, int(active), name)).rowcount:
        raise UserError(f"没有用户“{name}”")


def find_user(db: sqlite3.Connection, name: str) -> User | None:
    """The user of that name, or None."""
    row = db.execute("SELECT * FROM users WHERE name = ?", (name,)).fetchone()
    return _user(row) if row else None


def get_user(db: sqlite3.Connection, user_id: int) -> User | None:
    """The user of that id, or None."""
    row = db.execute("SELECT * FROM users WHERE id = ?", (user_id,)).fetchone()
    return _user(row) if row else None


def list_users(db: sqlite3.Connection) -> list[User]:
    """Every account, by name."""
    return [_user(r) for r in db.execute("SELECT * FROM users ORDER BY name")]


def wait_seconds(db: sqlite3.Connection, name: str, address: str, now: float | None = None) -> int:
    """How many seconds the next login attempt for this name or from this address must wait (0:
    none). After FREE_FAILURES failures of the account (FREE_ADDRESS_FAILURES from the address)
    within FAILURE_WINDOW, each further failure doubles the wait, up to MAX_WAIT."""
    now = now or time.time()
    waits = [0]
    for column, value, free in (("name", name, FREE_FAILURES), ("address", address, FREE_ADDRESS_FAILURES)):
        rows = db.execute(f"SELECT at FROM login_failures WHERE {column} = ? AND at > ? ORDER BY at",
                          (value, now - FAILURE_WINDOW)).fetchall()
        if len(rows) >= free:
            wait = min(MAX_WAIT, 2 ** (len(rows) - free + 2))
            waits.append(int(rows[-1]["at"] + wait - now + 0.999))
    return max(waits)


def authenticate(db: sqlite3.Connection, name: str, password: str, address: str) -> User | None:
    """The user when name and password match an active account; a failure is recorded."""
    row = db.execute("SELECT * FROM users WHERE name = ? AND active = 1", (name,)).fetchone()
    if row and check_password_hash(row["password"], password):
        db.execute("DELETE FROM login_failures WHERE name = ?", (name,))
        return _user(row)
    db.execute("INSERT INTO login_failures (name, address, at) VALUES (?,?,?)", (name, address, time.time()))
    return None


def new_token(db: sqlite3.Connection, name: str) -> str:
    """Create an API token for a user and return it (only its digest is stored)."""
    user = find_user(db, name)
    if user is None:
        raise UserError(f"没有用户“{name}”")
    token = secrets.token_urlsafe(32)
    db.execute("INSERT INTO tokens (user_id, digest, created) VALUES (?,?,?)", (user.id, _digest(token), _now()))
    return token


def token_user(db: sqlite3.Connection, token: str) -> User | None:
    """The active user an API token belongs to, or None."""
    row = db.execute("SELECT users.* FROM tokens JOIN users ON users.id = tokens.user_id"
                     " WHERE digest = ? AND active = 1", (_digest(token),)).fetchone()
    return _user(row) if row else None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")
