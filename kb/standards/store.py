"""Discretion standards in the statute store's SQLite file: one row per standard version, one per
item (a supplement stores its base's items too, flagged as inherited), one per cited article."""

import json
from datetime import date
from typing import Iterator

from kb.refs import ResolvedRef
from kb.standards import fields as f
from kb.standards.models import LEVELS, Standard, StandardItem
from kb.standards.yamlfile import item_to_dict, standard_from_dict, standard_to_dict
from kb.store import Store

SCHEMA = """
CREATE TABLE IF NOT EXISTS standards (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,
    title TEXT NOT NULL,
    issued TEXT NOT NULL,
    level TEXT NOT NULL,
    base TEXT NOT NULL DEFAULT '',
    sample INTEGER NOT NULL DEFAULT 0,
    file TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL,
    UNIQUE (key, issued)
);
CREATE TABLE IF NOT EXISTS standard_items (
    id INTEGER PRIMARY KEY,
    standard_id INTEGER NOT NULL REFERENCES standards(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    title TEXT NOT NULL,
    own INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS standard_items_code ON standard_items(code);
CREATE TABLE IF NOT EXISTS standard_citations (
    item_id INTEGER NOT NULL REFERENCES standard_items(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    law_key TEXT NOT NULL,
    number INTEGER NOT NULL,
    suffix INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS standard_citations_article ON standard_citations(law_key, number, suffix);
"""


class StandardStore:
    """Read and write discretion standards next to the statutes of `store`."""

    def __init__(self, store: Store):
        self.store = store
        store.db.executescript(SCHEMA)

    def save(self, standard: Standard, resolved: dict[str, list[tuple[str, ResolvedRef]]]) -> Standard:
        """Write one standard version in one transaction, replacing the same key and issue date.

        `resolved` maps each item code written in this standard to its (role, resolved reference)
        pairs; inherited items get no citation rows (their base has them).
        """
        meta = standard_to_dict(standard)
        meta.pop(f.ITEMS)
        with self.store.transaction() as db:
            db.execute("DELETE FROM standards WHERE key = ? AND issued = ?",
                       (standard.key, standard.issued.isoformat()))
            standard.id = db.execute(
                "INSERT INTO standards (key, title, issued, level, base, sample, file, data)"
                " VALUES (?,?,?,?,?,?,?,?)",
                (standard.key, standard.title, standard.issued.isoformat(), standard.level, standard.base,
                 int(standard.sample), standard.file, _json(meta))).lastrowid
            for position, item in enumerate(standard.items):
                own = item.code not in standard.inherited
                item_id = db.execute(
                    "INSERT INTO standard_items (standard_id, position, code, title, own, data)"
                    " VALUES (?,?,?,?,?,?)",
                    (standard.id, position, item.code, item.title, int(own), _json(item_to_dict(item)))).lastrowid
                db.executemany(
                    "INSERT INTO standard_citations (item_id, role, law_key, number, suffix) VALUES (?,?,?,?,?)",
                    [(item_id, role, r.law.key, r.ref.number, r.ref.suffix)
                     for role, r in resolved.get(item.code, []) if own])
        return standard

    def versions(self, key: str) -> list[Standard]:
        """All versions of one standard, newest issue date first."""
        rows = self.store.db.execute("SELECT * FROM standards WHERE key = ? ORDER BY issued DESC", (key,))
        return [self._load(row) for row in rows.fetchall()]

    def current(self, on: date | None = None) -> list[Standard]:
        """For every standard key, the version in force on `on` (the newest issued by then; the
        newest of all when `on` is None), ordered national first."""
        rows = self.store.db.execute("SELECT * FROM standards ORDER BY key, issued DESC").fetchall()
        chosen: dict[str, object] = {}
        for row in rows:
            if row["key"] not in chosen and (on is None or row["issued"] <= on.isoformat()):
                chosen[row["key"]] = row
        standards = [self._load(row) for row in chosen.values()]
        return sorted(standards, key=lambda s: (LEVELS.index(s.level), s.key))

    def get(self, key: str, on: date | None = None) -> Standard | None:
        """The version of standard `key` in force on `on` (or the newest)."""
        return next((s for s in self.current(on) if s.key == key), None)

    def find_item(self, code: str, standard_key: str | None = None,
                  on: date | None = None) -> tuple[Standard, StandardItem] | None:
        """Find an item by code in the standards in force on `on`: in `standard_key` when given,
        else in the most local standard that has it (县级 before 市级 before 省级 before 国家)."""
        for standard in reversed(self.current(on)):
            if standard_key and standard.key != standard_key:
                continue
            item = standard.item(code)
            if item:
                return standard, item
        return None

    def iter_items(self, own_only: bool = True) -> Iterator[tuple[Standard, StandardItem]]:
        """Yield (standard, item) for the current version of every standard; with `own_only`,
        skip items a supplement took unchanged from its base (the base yields them)."""
        for standard in self.current():
            for item in standard.items:
                if not own_only or item.code not in standard.inherited:
                    yield standard, item

    def citing(self, law_key: str, number: int, suffix: int = 0) -> list[tuple[Standard, StandardItem, str]]:
        """(standard, item, role) for every item of a current standard version citing the article."""
        current = {s.id: s for s in self.current()}
        rows = self.store.db.execute(
            "SELECT DISTINCT i.standard_id, i.code, c.role FROM standard_citations c"
            " JOIN standard_items i ON i.id = c.item_id"
            " WHERE c.law_key = ? AND c.number = ? AND c.suffix = ? ORDER BY i.standard_id, i.position",
            (law_key, number, suffix)).fetchall()
        return [(current[r["standard_id"]], current[r["standard_id"]].item(r["code"]), r["role"])
                for r in rows if r["standard_id"] in current]

    def _load(self, row) -> Standard:
        items = self.store.db.execute(
            "SELECT data, own, code FROM standard_items WHERE standard_id = ? ORDER BY position",
            (row["id"],)).fetchall()
        data = json.loads(row["data"]) | {f.ITEMS: [json.loads(i["data"]) for i in items]}
        standard = standard_from_dict(data, inherited={i["code"] for i in items if not i["own"]})
        standard.id, standard.file = row["id"], row["file"]
        return standard


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, default=str)
