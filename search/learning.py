"""Learning from usage: which articles people opened or cited for which question.

Every such event is a row of `usage` (question, law key, article label). `learned_terms` turns
the rows into extra index terms for the article (the words of the questions that led to it),
`past_questions` into one searchable document per distinct question (so a new question finds the
recorded questions most like it, and the chapters and laws chosen for them), and `priors` into how
often each article, its chapter and its law were chosen. Rows keep the name of the log they came
from, so `forget` can take a log back out.
"""

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kb.store import Store
from search import segment

SCHEMA = """
CREATE TABLE IF NOT EXISTS usage (
    id INTEGER PRIMARY KEY,
    question TEXT NOT NULL,
    law_key TEXT NOT NULL,
    label TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL DEFAULT (datetime('now', 'localtime'))
);
CREATE INDEX IF NOT EXISTS usage_article ON usage(law_key, label);
"""
# Every usage row with each article (every version) it names: row id, question, article id,
# law version id, chapter.
CHOSEN = ("SELECT u.id, u.question, a.id, a.law_id, a.chapter FROM usage u"
          " JOIN laws l ON l.key = u.law_key JOIN articles a ON a.law_id = l.id AND a.label = u.label"
          " ORDER BY u.id")
LEARNED_REPEATS = 2             # times a learned word is appended at most (STARD tuning part: 1 → 2
                                # R@100 +0.003, more repeats no better)


def ensure_schema(store: Store) -> None:
    """Create the usage table if it is missing."""
    store.db.executescript(SCHEMA)


def record(store: Store, question: str, law_key: str, label: str, source: str = "") -> None:
    """Record that a user opened or cited an article for a question."""
    ensure_schema(store)
    with store.transaction() as db:
        db.execute("INSERT INTO usage (question, law_key, label, source) VALUES (?,?,?,?)",
                   (question, law_key, label, source))


@dataclass
class PastQuestion:
    """A distinct recorded question and where the articles chosen for it sit (every version)."""

    text: str
    places: list[tuple[int, str]] = field(default_factory=list)     # (law version id, chapter)
    articles: list[tuple[int, int]] = field(default_factory=list)   # (article id, law version id)


def past_questions(store: Store) -> dict[int, PastQuestion]:
    """Return every distinct recorded question whose articles are in the store, keyed by its first
    usage row id."""
    ensure_schema(store)
    found: dict[int, PastQuestion] = {}
    first: dict[str, int] = {}
    for row_id, question, article_id, law_id, chapter in store.db.execute(CHOSEN):
        past = found.setdefault(first.setdefault(question, row_id), PastQuestion(question))
        if (law_id, chapter) not in past.places:
            past.places.append((law_id, chapter))
        if (article_id, law_id) not in past.articles:
            past.articles.append((article_id, law_id))
    return found


def learned_terms(store: Store) -> dict[int, str]:
    """Return article id → the tokens of the distinct questions recorded for it, space-joined, each
    as often as questions hold it up to LEARNED_REPEATS: the index appends them to the article's
    text, so later questions worded alike find it, the more so for words several questions used."""
    ensure_schema(store)
    terms: dict[int, Counter] = defaultdict(Counter)
    tokens: dict[str, list[str]] = {}
    counted: set[tuple[str, int]] = set()
    for _, question, article_id, _, _ in store.db.execute(CHOSEN):
        if question not in tokens:
            tokens[question] = list(dict.fromkeys(segment.tokens(question)))
        if (question, article_id) not in counted:
            counted.add((question, article_id))
            terms[article_id].update(tokens[question])
    return {article_id: " ".join(" ".join([word] * min(n, LEARNED_REPEATS)) for word, n in words.items())
            for article_id, words in terms.items()}


@dataclass
class Priors:
    """How many recorded questions led to each article, to each chapter and to each law."""

    articles: Counter = field(default_factory=Counter)     # article id → count
    chapters: Counter = field(default_factory=Counter)     # (law key, chapter) → count
    laws: Counter = field(default_factory=Counter)         # law key → count


def priors(store: Store) -> Priors:
    """Return how often recorded questions led to each article, chapter and law."""
    ensure_schema(store)
    found = Priors()
    if not store.db.execute("SELECT 1 FROM usage LIMIT 1").fetchone():
        return found
    joined = (" FROM usage u JOIN laws l ON l.key = u.law_key"
              " JOIN articles a ON a.law_id = l.id AND a.label = u.label")
    found.laws.update(dict(store.db.execute("SELECT law_key, count(*) FROM usage GROUP BY law_key")))
    found.articles.update(dict(store.db.execute(f"SELECT a.id, count(*){joined} GROUP BY a.id")))
    for law_key, chapter, n in store.db.execute(
            f"SELECT u.law_key, a.chapter, count(DISTINCT u.id){joined} GROUP BY u.law_key, a.chapter"):
        found.chapters[(law_key, chapter)] = n
    return found


def read_log(store: Store, path: Path) -> list[tuple[str, str, str]]:
    """Read a usage log (JSON lines) into (question, law key, label) rows.

    Two line shapes are accepted: our own `{"question": ..., "law": ..., "article": "第九十七条"}`
    and STARD's `{"question": ..., "relevant": [{"matches": [{"file": ..., "article": ...}]}]}`,
    whose files are matched against the imported source paths.
    """
    by_file = _keys_by_file(store)
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            question = entry["question"]
        except (json.JSONDecodeError, KeyError, TypeError):
            raise ValueError(f"{path} 第 {number} 行：不是含 question 字段的 JSON") from None
        if "relevant" in entry:
            for relevant in entry["relevant"]:
                for match in relevant.get("matches", []):
                    key = _key_for_file(by_file, match["file"])
                    if key:
                        rows.append((question, key, match["article"]))
        elif "law" in entry and "article" in entry:
            laws = store.find_laws(entry["law"])
            if not laws:
                raise ValueError(f"{path} 第 {number} 行：知识库中没有《{entry['law']}》")
            rows.append((question, laws[0].key, entry["article"]))
        else:
            raise ValueError(f"{path} 第 {number} 行：缺少 relevant 或 law/article 字段")
    return rows


def _keys_by_file(store: Store) -> dict[str, str]:
    return {Path(file).as_posix(): key for file, key in store.db.execute("SELECT file, key FROM laws")}


def _key_for_file(by_file: dict[str, str], relative: str) -> str | None:
    suffix = "/" + relative
    return next((key for file, key in by_file.items() if file.endswith(suffix) or file == relative), None)


def forget(store: Store, source: str) -> int:
    """Remove every usage row that came from `source` (a log file name); return how many."""
    ensure_schema(store)
    with store.transaction() as db:
        return db.execute("DELETE FROM usage WHERE source = ?", (source,)).rowcount


def learn(store: Store, rows: list[tuple[str, str, str]], source: str) -> int:
    """Add usage rows (from a log file) in one transaction; return how many were added."""
    ensure_schema(store)
    with store.transaction() as db:
        db.executemany("INSERT INTO usage (question, law_key, label, source) VALUES (?,?,?,?)",
                       [(q, k, label, source) for q, k, label in rows])
    return len(rows)
