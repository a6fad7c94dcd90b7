"""The SQLite store of statutes: one row per law version, one per article.

Every write of a law happens in one transaction, so an interrupted import never leaves half a law.
Re-importing a law keeps the ids of its law row and of its articles (matched by label), so an
index built before the re-import still points at the same articles while a new one is built.
Every write of a law raises the store's revision, which the index records to tell when it lags.
"""

import json
import sqlite3
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from kb import database
from kb.errors import StoreError
from kb.models import CURRENT, SUPERSEDED, Article, Law

SCHEMA = """
CREATE TABLE IF NOT EXISTS laws (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    title TEXT NOT NULL,
    part TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL,
    branch TEXT NOT NULL DEFAULT '',
    region TEXT NOT NULL DEFAULT '',
    version TEXT,
    status TEXT NOT NULL,
    file TEXT NOT NULL UNIQUE,
    history TEXT NOT NULL DEFAULT '',
    preamble TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS laws_key ON laws(key);
CREATE INDEX IF NOT EXISTS laws_title ON laws(title);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    law_id INTEGER NOT NULL REFERENCES laws(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    number INTEGER,
    suffix INTEGER NOT NULL DEFAULT 0,
    chapter TEXT NOT NULL DEFAULT '',
    paragraphs TEXT NOT NULL,
    items TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS articles_law ON articles(law_id, number, suffix);
CREATE INDEX IF NOT EXISTS articles_by_label ON articles(law_id, label, chapter);  -- usage rows name articles by label
CREATE TABLE IF NOT EXISTS store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
# Columns later versions of fazhi added; an older store gets them on opening.
ADDED_COLUMNS = {
    "laws": [("part", "TEXT NOT NULL DEFAULT ''"), ("branch", "TEXT NOT NULL DEFAULT ''"),
             ("region", "TEXT NOT NULL DEFAULT ''"), ("history", "TEXT NOT NULL DEFAULT ''"),
             ("preamble", "TEXT NOT NULL DEFAULT ''")],
    "articles": [("suffix", "INTEGER NOT NULL DEFAULT 0"), ("chapter", "TEXT NOT NULL DEFAULT ''"),
                 ("items", "TEXT NOT NULL DEFAULT '[]'")],
}
_ARTICLE_COLUMNS = "position, label, number, suffix, chapter, paragraphs, items"

_LAW_COLUMNS = "id, key, title, part, category, branch, region, version, status, file, history, preamble"


class DuplicateVersion(Exception):
    """Another file already holds this law with the same version date; `file` names it."""

    def __init__(self, file: str):
        super().__init__(file)
        self.file = file


class Store:
    """Statutes in one SQLite file. Other parts of the knowledge base add their own tables.

    `db` is the calling thread's connection: a store may be shared by threads. A store whose
    file or directory cannot be written is opened read-only (`read_only`): reading works,
    writing raises sqlite3.OperationalError. An older store gets the columns it lacks
    (`migrated` lists them); a foreign or damaged file raises kb.errors.StoreError.
    """

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.read_only = not database.is_writable(self.path)
        self._connections = database.Connections(self.path, self.read_only)
        self.migrated: list[str] = []
        if not self.read_only:
            self._prepare()

    def _prepare(self) -> None:
        try:
            self.migrated = database.migrate(self.db, ADDED_COLUMNS)
            self.db.executescript(SCHEMA)
            if self.db.execute("PRAGMA application_id").fetchone()[0] != database.APPLICATION_ID:
                self.db.execute(f"PRAGMA application_id = {database.APPLICATION_ID}")
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
                raise
            raise StoreError(database.damaged_message(self.path, error)) from None

    @property
    def db(self) -> sqlite3.Connection:
        """The calling thread's connection to the store."""
        return self._connections.get()

    def close(self) -> None:
        """Close the database connections of every thread."""
        self._connections.close()

    @contextmanager
    def transaction(self):
        """Run the block in one transaction: all of it is written, or none of it."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- writing ---------------------------------------------------------------------------

    def put_law(self, law: Law, replaces=lambda file: False) -> Law:
        """Write a law version with its articles in one transaction, replacing an earlier import
        of the same file; then re-link the versions of that law (and of the law the file held
        before, when its title changed).

        Another file holding the same law and version date raises DuplicateVersion, unless
        `replaces(that file)` says this file takes its place (e.g. the file was moved). The law
        row and the articles keep their ids (articles matched by label); articles the new text
        lacks are deleted, new ones added.
        """
        with self.transaction() as db:
            own = db.execute("SELECT id, key FROM laws WHERE file = ?", (law.file,)).fetchone()
            other = db.execute("SELECT id, key, file FROM laws WHERE key = ? AND version IS ? AND file != ?",
                               (law.key, _iso(law.version), law.file)).fetchone()
            if other and not replaces(other["file"]):
                raise DuplicateVersion(other["file"])
            keys = {row["key"] for row in (own, other) if row}
            if own and other:
                db.execute("DELETE FROM laws WHERE id = ?", (other["id"],))
            kept = own or other
            values = (law.key, law.title, law.part, law.category, law.branch, law.region,
                      _iso(law.version), law.status, law.file, law.history, law.preamble)
            if kept:
                law.id = kept["id"]
                db.execute("UPDATE laws SET key=?, title=?, part=?, category=?, branch=?, region=?, version=?,"
                           " status=?, file=?, history=?, preamble=? WHERE id = ?", (*values, law.id))
            else:
                law.id = db.execute(
                    "INSERT INTO laws (key, title, part, category, branch, region, version, status,"
                    " file, history, preamble) VALUES (?,?,?,?,?,?,?,?,?,?,?)", values).lastrowid
            _put_articles(db, law)
            for key in keys | {law.key}:
                self._link_versions(db, key)
            db.execute("INSERT INTO store_meta VALUES ('revision', '1')"
                       " ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")
            law.status = db.execute("SELECT status FROM laws WHERE id = ?", (law.id,)).fetchone()[0]
        return law

    def revision(self) -> int:
        """How many law writes the store has seen: an index built at a lower revision lags."""
        try:
            row = self.db.execute("SELECT value FROM store_meta WHERE key = 'revision'").fetchone()
        except sqlite3.OperationalError:
            return 0
        return int(row[0]) if row else 0

    def _link_versions(self, db, key: str) -> None:
        """Mark the newest version of a law 现行有效 and the older ones 已被修订."""
        rows = db.execute("SELECT id FROM laws WHERE key = ? ORDER BY version IS NULL, version DESC, id DESC",
                          (key,)).fetchall()
        for index, row in enumerate(rows):
            db.execute("UPDATE laws SET status = ? WHERE id = ?",
                       (CURRENT if index == 0 else SUPERSEDED, row["id"]))

    # -- reading ---------------------------------------------------------------------------

    def law(self, law_id: int) -> Law | None:
        """Return one law version (without its articles) by id."""
        row = self.db.execute(f"SELECT {_LAW_COLUMNS} FROM laws WHERE id = ?", (law_id,)).fetchone()
        return _law(row) if row else None

    def laws(self) -> list[Law]:
        """Return every law version, without articles, ordered by title and version."""
        rows = self.db.execute(f"SELECT {_LAW_COLUMNS} FROM laws ORDER BY key, version").fetchall()
        return [_law(r) for r in rows]

    def versions(self, key: str) -> list[Law]:
        """Return all versions of one law, newest first."""
        rows = self.db.execute(f"SELECT {_LAW_COLUMNS} FROM laws WHERE key = ?"
                               " ORDER BY version IS NULL, version DESC", (key,)).fetchall()
        return [_law(r) for r in rows]

    def find_laws(self, name: str) -> list[Law]:
        """Return the law versions a citation name refers to, current first.

        `name` may be the full title, the title without 中华人民共和国, with or without 《》,
        or a part such as 民法典总则.
        """
        name = name.strip().strip("《》")
        candidates = {name, "中华人民共和国" + name}
        rows = self.db.execute(
            f"SELECT {_LAW_COLUMNS} FROM laws WHERE title IN ({','.join('?' * len(candidates))})"
            " OR title || part IN (SELECT value FROM json_each(?))"
            " ORDER BY status != ?, version IS NULL, version DESC",
            (*candidates, json.dumps(list(candidates)), CURRENT)).fetchall()
        return [_law(r) for r in rows]

    def articles(self, law_id: int) -> list[Article]:
        """Return the articles of one law version in order."""
        rows = self.db.execute("SELECT * FROM articles WHERE law_id = ? ORDER BY position",
                               (law_id,)).fetchall()
        return [article_from_row(r) for r in rows]

    def article(self, article_id: int) -> Article | None:
        """Return one article by id."""
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return article_from_row(row) if row else None

    def find_article(self, law_name: str, number: int, suffix: int = 0,
                     version: date | None = None) -> tuple[Law, Article] | None:
        """Return (law, article) for a cited article: the current version unless `version` is
        given, in which case the version in force on that date."""
        laws = self.find_laws(law_name)
        if version:
            laws = [law for law in laws if law.version and law.version <= version] or laws
            laws.sort(key=lambda law: law.version or date.min, reverse=True)
        for law in laws:
            row = self.db.execute(
                "SELECT * FROM articles WHERE law_id = ? AND number = ? AND suffix = ?",
                (law.id, number, suffix)).fetchone()
            if row:
                return law, article_from_row(row)
        return None

    def counts(self) -> dict[str, int]:
        """Return how many laws, current laws and articles the store holds."""
        one = lambda sql: self.db.execute(sql).fetchone()[0]
        return {"laws": one("SELECT count(*) FROM laws"),
                "current": one(f"SELECT count(*) FROM laws WHERE status = '{CURRENT}'"),
                "articles": one("SELECT count(*) FROM articles")}


def _put_articles(db: sqlite3.Connection, law: Law) -> None:
    """Write the articles of `law` (whose row exists), reusing the ids of same-labelled ones."""
    old: dict[str, list[int]] = {}
    for row in db.execute("SELECT id, label FROM articles WHERE law_id = ? ORDER BY position", (law.id,)):
        old.setdefault(row["label"], []).append(row["id"])
    next_id = _highest_article_id(db) + 1
    for article in law.articles:
        values = (article.position, article.label, article.number, article.suffix, article.chapter,
                  json.dumps(article.paragraphs, ensure_ascii=False),
                  json.dumps(article.items, ensure_ascii=False))
        reused = old.get(article.label)
        if reused:
            article.id = reused.pop(0)
            db.execute("UPDATE articles SET position=?, label=?, number=?, suffix=?, chapter=?, paragraphs=?,"
                       " items=? WHERE id = ?", (*values, article.id))
        else:
            article.id, next_id = next_id, next_id + 1
            db.execute(f"INSERT INTO articles (id, law_id, {_ARTICLE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)",
                       (article.id, law.id, *values))
        article.law_id = law.id
    gone = [article_id for ids in old.values() for article_id in ids]
    db.executemany("DELETE FROM articles WHERE id = ?", [(article_id,) for article_id in gone])
    db.execute("INSERT OR REPLACE INTO store_meta VALUES ('articles_high', ?)", (str(next_id - 1),))


def _highest_article_id(db: sqlite3.Connection) -> int:
    """The highest article id ever given out: an id is never given twice, so an index built
    before a re-import never points at another article (stores made before AUTOINCREMENT too)."""
    row = db.execute("SELECT max(coalesce((SELECT CAST(value AS INTEGER) FROM store_meta"
                     " WHERE key = 'articles_high'), 0), coalesce((SELECT max(id) FROM articles), 0))").fetchone()
    return row[0]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _law(row: sqlite3.Row) -> Law:
    return Law(id=row["id"], title=row["title"], part=row["part"], category=row["category"],
               branch=row["branch"], region=row["region"],
               version=date.fromisoformat(row["version"]) if row["version"] else None,
               status=row["status"], file=row["file"], history=row["history"],
               preamble=row["preamble"])


def article_from_row(row: sqlite3.Row) -> Article:
    """The Article of a row of the articles table."""
    return Article(id=row["id"], law_id=row["law_id"], position=row["position"], label=row["label"],
                   number=row["number"], suffix=row["suffix"], chapter=row["chapter"],
                   paragraphs=json.loads(row["paragraphs"]),
                   items=[tuple(i) for i in json.loads(row["items"])])
