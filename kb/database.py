"""Open the SQLite file of a data directory: one connection per thread, WAL, a busy timeout,
read-only when the directory cannot be written, and a clear error for a foreign or damaged file.

Each thread gets its own connection (a sqlite3 connection must not be used by two threads at
once), so a store may be shared by the threads of a web server. Write transactions are short
(one law, one chunk of tokens), and a writer waits up to BUSY_TIMEOUT seconds for another one.
"""

import os
import sqlite3
import threading
from pathlib import Path

from kb.errors import StoreError

BUSY_TIMEOUT = 60.0             # seconds a writer waits for another writer's transaction
APPLICATION_ID = 0x46415A48     # "FAZH": marks a SQLite file as a fazhi store


def is_writable(path: Path) -> bool:
    """Whether the store file (or, before it exists, its directory) can be written."""
    if path.exists():
        return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    return os.access(path.parent, os.W_OK)


class Connections:
    """Per-thread connections to one SQLite file; all of them are closed by `close`."""

    def __init__(self, path: Path, read_only: bool):
        self.path = path
        self.read_only = read_only
        self._local = threading.local()
        self._open: list[sqlite3.Connection] = []
        self._guard = threading.Lock()

    def get(self) -> sqlite3.Connection:
        """Return this thread's connection, opening it on first use."""
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._connect()
            self._local.connection = connection
            with self._guard:
                self._open.append(connection)
        return connection

    def close(self) -> None:
        """Close every connection opened so far."""
        with self._guard:
            for connection in self._open:
                connection.close()
            self._open.clear()
        self._local = threading.local()

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            connection = _read_only_connection(self.path)
        else:
            connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                         timeout=BUSY_TIMEOUT)
        connection.row_factory = sqlite3.Row
        try:
            check_fazhi_file(connection, self.path)
            connection.execute("PRAGMA foreign_keys = ON")
            if not self.read_only:
                connection.execute("PRAGMA journal_mode = WAL")
                connection.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.DatabaseError as error:
            connection.close()
            raise StoreError(damaged_message(self.path, error)) from None
        except StoreError:
            connection.close()
            raise
        return connection


def _read_only_connection(path: Path) -> sqlite3.Connection:
    """Open the file read-only; without write access to the directory SQLite cannot create the
    WAL index, so fall back to reading the file as immutable."""
    if not path.exists():
        raise StoreError(f"数据目录 {path.parent} 是只读的，其中还没有知识库：请换一个可写的数据目录"
                         "（--data 或环境变量 FAZHI_DATA）")
    for query in ("mode=ro", "mode=ro&immutable=1"):
        connection = sqlite3.connect(f"file:{path}?{query}", uri=True, isolation_level=None,
                                     check_same_thread=False, timeout=BUSY_TIMEOUT)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return connection
        except sqlite3.OperationalError:
            connection.close()
    raise StoreError(f"无法以只读方式打开 {path}：请检查文件权限")


def check_fazhi_file(connection: sqlite3.Connection, path: Path) -> None:
    """Raise StoreError when the file is a SQLite database of another program."""
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if application_id not in (0, APPLICATION_ID) or (tables and "laws" not in tables):
        raise StoreError(f"{path} 不是 fazhi 的知识库（是其他程序的数据库）：请换一个数据目录"
                         "（--data 或环境变量 FAZHI_DATA），不要把其他文件命名为 fazhi.sqlite")


def damaged_message(path: Path, error: sqlite3.DatabaseError) -> str:
    """The sentence for a store file SQLite cannot read."""
    return (f"知识库文件 {path} 已损坏或不是数据库（{error}）：请从备份恢复该文件，"
            "或换一个数据目录后重新导入")


def migrate(connection: sqlite3.Connection, columns: dict[str, list[tuple[str, str]]]) -> list[str]:
    """Add the columns an older fazhi did not have (table → [(column, declaration)]); return
    the columns added as 'table.column'."""
    added = []
    for table, wanted in columns.items():
        present = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
        if not present:
            continue
        for column, declaration in wanted:
            if column not in present:
                connection.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")
                added.append(f"{table}.{column}")
    return added
