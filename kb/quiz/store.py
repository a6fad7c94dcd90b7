"""The question bank's tables in the statute store's SQLite file: questions, papers and results."""

import json
from dataclasses import asdict
from datetime import date

from kb.quiz.models import DRAFT, RETIRED, Paper, Question, Result, Source
from kb.store import Store

SCHEMA = """
CREATE TABLE IF NOT EXISTS quiz_questions (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    stem TEXT NOT NULL,
    options TEXT NOT NULL DEFAULT '[]',
    answer TEXT NOT NULL,
    fact TEXT NOT NULL DEFAULT '',
    context TEXT NOT NULL DEFAULT '',
    fill TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    slot TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL DEFAULT '生成',
    created TEXT,
    source_kind TEXT NOT NULL,
    source_key TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS quiz_questions_source ON quiz_questions(source_kind, source_key);
CREATE TABLE IF NOT EXISTS quiz_papers (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    created TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    question_ids TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS quiz_results (
    id INTEGER PRIMARY KEY,
    paper_id INTEGER NOT NULL REFERENCES quiz_papers(id) ON DELETE CASCADE,
    person TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    session TEXT NOT NULL DEFAULT '',
    score REAL NOT NULL,
    total REAL NOT NULL,
    taken TEXT NOT NULL,
    answers TEXT NOT NULL DEFAULT '{}'
);
"""
_FIELDS = ("kind", "stem", "options", "answer", "fact", "context", "fill", "status", "note", "slot",
           "origin", "created", "source_kind", "source_key", "source")


class QuizStore:
    """Questions, papers and results next to the statutes of `store`."""

    def __init__(self, store: Store):
        self.store = store
        store.db.executescript(SCHEMA)

    # -- questions -------------------------------------------------------------------------

    def add(self, questions: list[Question]) -> list[Question]:
        """Write new questions in one transaction; each gets its id."""
        with self.store.transaction() as db:
            for question in questions:
                question.id = db.execute(
                    f"INSERT INTO quiz_questions ({', '.join(_FIELDS)}) VALUES ({', '.join('?' * len(_FIELDS))})",
                    _row(question)).lastrowid
        return questions

    def update(self, questions: list[Question]) -> None:
        """Write changed questions (stem, options, answer, status, note, source …) in one transaction."""
        with self.store.transaction() as db:
            for question in questions:
                db.execute(f"UPDATE quiz_questions SET {', '.join(f + ' = ?' for f in _FIELDS)} WHERE id = ?",
                           (*_row(question), question.id))

    def get(self, question_id: int) -> Question | None:
        """The question with this id, or None."""
        row = self.store.db.execute("SELECT * FROM quiz_questions WHERE id = ?", (question_id,)).fetchone()
        return _question(row) if row else None

    def questions(self, status: str | None = None, kind: str | None = None, law_key: str | None = None) -> list[Question]:
        """Questions in the order they were added, optionally of one status, kind or source law."""
        sql, params = "SELECT * FROM quiz_questions WHERE 1 = 1", []
        for column, value in (("status", status), ("kind", kind), ("source_key", law_key)):
            if value:
                sql += f" AND {column} = ?"
                params.append(value)
        return [_question(row) for row in self.store.db.execute(sql + " ORDER BY id", params)]

    def in_use(self) -> list[Question]:
        """The questions not retired, for leaving duplicates out."""
        return [q for q in self.questions() if q.status != RETIRED]

    # -- papers and results ----------------------------------------------------------------

    def add_paper(self, paper: Paper) -> Paper:
        """Write a paper; it gets its id."""
        with self.store.transaction() as db:
            paper.id = db.execute("INSERT INTO quiz_papers (title, created, note, question_ids) VALUES (?,?,?,?)",
                                  (paper.title, paper.created.isoformat(), paper.note,
                                   json.dumps(paper.question_ids))).lastrowid
        return paper

    def paper(self, paper_id: int) -> Paper | None:
        """The paper with this id, or None."""
        row = self.store.db.execute("SELECT * FROM quiz_papers WHERE id = ?", (paper_id,)).fetchone()
        if not row:
            return None
        return Paper(id=row["id"], title=row["title"], created=date.fromisoformat(row["created"]),
                     note=row["note"], question_ids=json.loads(row["question_ids"]))

    def papers(self) -> list[Paper]:
        """Every paper, newest first."""
        ids = [row["id"] for row in self.store.db.execute("SELECT id FROM quiz_papers ORDER BY id DESC")]
        return [self.paper(paper_id) for paper_id in ids]

    def add_result(self, result: Result) -> Result:
        """Record one person's result; it gets its id."""
        with self.store.transaction() as db:
            result.id = db.execute(
                "INSERT INTO quiz_results (paper_id, person, unit, session, score, total, taken, answers)"
                " VALUES (?,?,?,?,?,?,?,?)",
                (result.paper_id, result.person, result.unit, result.session, result.score, result.total,
                 result.taken.isoformat(), json.dumps(result.answers, ensure_ascii=False))).lastrowid
        return result

    def results(self, date_from: date | None = None, date_to: date | None = None) -> list[Result]:
        """The recorded results taken between two dates (both included), in order taken."""
        rows = self.store.db.execute(
            "SELECT * FROM quiz_results WHERE taken >= ? AND taken <= ? ORDER BY taken, id",
            ((date_from or date.min).isoformat(), (date_to or date.max).isoformat()))
        return [Result(id=r["id"], paper_id=r["paper_id"], person=r["person"], unit=r["unit"], session=r["session"],
                       score=r["score"], total=r["total"], taken=date.fromisoformat(r["taken"]),
                       answers={int(k): v for k, v in json.loads(r["answers"]).items()}) for r in rows]


def _row(question: Question) -> tuple:
    source = asdict(question.source)
    source["version"] = question.source.version.isoformat() if question.source.version else None
    return (question.kind, question.stem, json.dumps(question.options, ensure_ascii=False), question.answer,
            question.fact, question.context, question.fill, question.status or DRAFT, question.note,
            question.slot, question.origin, question.created.isoformat() if question.created else None,
            question.source.kind, question.source.key, json.dumps(source, ensure_ascii=False))


def _question(row) -> Question:
    source = json.loads(row["source"])
    source["version"] = date.fromisoformat(source["version"]) if source["version"] else None
    return Question(id=row["id"], kind=row["kind"], stem=row["stem"], options=json.loads(row["options"]),
                    answer=row["answer"], fact=row["fact"], context=row["context"], fill=row["fill"],
                    status=row["status"], note=row["note"], slot=row["slot"], origin=row["origin"],
                    created=date.fromisoformat(row["created"]) if row["created"] else None,
                    source=Source(**source))
