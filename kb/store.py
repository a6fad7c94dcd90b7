"""The SQLite store of statutes: one row per law version, one per article.

Every write of a law happens in one transaction, so an interrupted import never leaves half a law.
"""

import json
import sqlite3
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from kb.models import CURRENT, SUPERSEDED, Article, Law

SCHEMA = """
CREATE TABLE IF NOT EXISTS laws (
    id INTEGER PRIMARY KEY,
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
    id INTEGER PRIMARY KEY,
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
"""

_LAW_COLUMNS = "id, key, title, part, category, branch, region, version, status, file, history, preamble"


class Store:
    """Statutes in one SQLite file. Other parts of the knowledge base add their own tables."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.executescript(SCHEMA)

    def close(self) -> None:
        """Close the database connection."""
        self.db.close()

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

    def put_law(self, law: Law) -> Law:
        """Insert a law version with its articles, replacing an earlier import of the same file
        or of the same law and version; then re-link the versions of that law (and of the law
        the file held before, when its title changed)."""
        replaced, params = "file = ? OR (key = ? AND version IS ?)", (law.file, law.key, _iso(law.version))
        with self.transaction() as db:
            keys = {row["key"] for row in db.execute(f"SELECT key FROM laws WHERE {replaced}", params)}
            db.execute(f"DELETE FROM laws WHERE {replaced}", params)
            cursor = db.execute(
                "INSERT INTO laws (key, title, part, category, branch, region, version, status,"
                " file, history, preamble) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (law.key, law.title, law.part, law.category, law.branch, law.region,
                 _iso(law.version), law.status, law.file, law.history, law.preamble))
            law.id = cursor.lastrowid
            db.executemany(
                "INSERT INTO articles (law_id, position, label, number, suffix, chapter,"
                " paragraphs, items) VALUES (?,?,?,?,?,?,?,?)",
                [(law.id, a.position, a.label, a.number, a.suffix, a.chapter,
                  json.dumps(a.paragraphs, ensure_ascii=False), json.dumps(a.items, ensure_ascii=False))
                 for a in law.articles])
            for key in keys | {law.key}:
                self._link_versions(db, key)
        law.status = self.law(law.id).status
        return law

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
        return [_article(r) for r in rows]

    def article(self, article_id: int) -> Article | None:
        """Return one article by id."""
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        return _article(row) if row else None

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
                return law, _article(row)
        return None

    def counts(self) -> dict[str, int]:
        """Return how many laws, current laws and articles the store holds."""
        one = lambda sql: self.db.execute(sql).fetchone()[0]
        return {"laws": one("SELECT count(*) FROM laws"),
                "current": one(f"SELECT count(*) FROM laws WHERE status = '{CURRENT}'"),
                "articles": one("SELECT count(*) FROM articles")}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _law(row: sqlite3.Row) -> Law:
    return Law(id=row["id"], title=row["title"], part=row["part"], category=row["category"],
               branch=row["branch"], region=row["region"],
               version=date.fromisoformat(row["version"]) if row["version"] else None,
               status=row["status"], file=row["file"], history=row["history"],
               preamble=row["preamble"])


def _article(row: sqlite3.Row) -> Article:
    return Article(id=row["id"], law_id=row["law_id"], position=row["position"], label=row["label"],
                   number=row["number"], suffix=row["suffix"], chapter=row["chapter"],
                   paragraphs=json.loads(row["paragraphs"]),
                   items=[tuple(i) for i in json.loads(row["items"])])
