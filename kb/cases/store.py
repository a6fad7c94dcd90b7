"""Cases in the statute store's SQLite file: one row per case, one per cited article."""

import json

from kb.cases.convert import case_from_dict, case_to_dict
from kb.cases.models import Case
from kb.refs import ResolvedRef
from kb.store import Store

SCHEMA = """
CREATE TABLE IF NOT EXISTS cases (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    number TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    decided TEXT NOT NULL,
    file TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS case_citations (
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    law_key TEXT NOT NULL,
    number INTEGER NOT NULL,
    suffix INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS case_citations_article ON case_citations(law_key, number, suffix);
"""


class CaseStore:
    """Read and write typical cases next to the statutes of `store`."""

    def __init__(self, store: Store):
        self.store = store
        store.db.executescript(SCHEMA)

    def save(self, cases: list[Case], resolved: dict[str, list[tuple[str, ResolvedRef]]]) -> list[Case]:
        """Write cases in one transaction, replacing earlier imports with the same code; `resolved`
        maps each code to its (role, resolved reference) pairs."""
        with self.store.transaction() as db:
            for case in cases:
                db.execute("DELETE FROM cases WHERE code = ?", (case.code,))
                case.id = db.execute(
                    "INSERT INTO cases (code, number, title, decided, file, data) VALUES (?,?,?,?,?,?)",
                    (case.code, case.number, case.title, case.decided.isoformat(), case.file,
                     json.dumps(case_to_dict(case), ensure_ascii=False, default=str))).lastrowid
                db.executemany(
                    "INSERT INTO case_citations (case_id, role, law_key, number, suffix) VALUES (?,?,?,?,?)",
                    sorted({(case.id, role, r.law.key, r.ref.number, r.ref.suffix)
                            for role, r in resolved.get(case.code, [])}))
        return cases

    def get(self, code: str) -> Case | None:
        """Return the case with this 编号 — or, failing that, with this 案号."""
        row = self.store.db.execute("SELECT * FROM cases WHERE code = ? OR number = ? ORDER BY code = ? DESC",
                                    (code, code, code)).fetchone()
        return _case(row) if row else None

    def all(self) -> list[Case]:
        """Every case, newest decision first."""
        rows = self.store.db.execute("SELECT * FROM cases ORDER BY decided DESC, code").fetchall()
        return [_case(row) for row in rows]

    def citing(self, law_key: str, number: int, suffix: int = 0) -> list[tuple[Case, str]]:
        """(case, role) for every case citing the article."""
        rows = self.store.db.execute(
            "SELECT cases.*, case_citations.role FROM case_citations JOIN cases ON cases.id = case_citations.case_id"
            " WHERE law_key = ? AND case_citations.number = ? AND suffix = ? ORDER BY decided DESC, code",
            (law_key, number, suffix)).fetchall()
        return [(_case(row), row["role"]) for row in rows]

    def articles_of(self, case_ids: list[int]) -> dict[int, set[tuple[str, int, int]]]:
        """The (law key, number, suffix) of the articles each case cites."""
        cited: dict[int, set] = {case_id: set() for case_id in case_ids}
        for row in self.store.db.execute("SELECT case_id, law_key, number, suffix FROM case_citations"):
            if row["case_id"] in cited:
                cited[row["case_id"]].add((row["law_key"], row["number"], row["suffix"]))
        return cited


def _case(row) -> Case:
    case = case_from_dict(json.loads(row["data"]))
    case.id, case.file = row["id"], row["file"]
    return case
