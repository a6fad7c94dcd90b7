"""Inspector questions: hit@1 and hit@5 of the expected article, whole corpus, current versions.
Two sets: the bureau's own (../shared/bench/em/questions.jsonl, salt "em") and ours
(bench/inspector_questions.jsonl, salt "own"). A fixed part of each (30 % by a hash of the salt
and the id) is held out: never looked at while tuning. Questions written in a later round before
that round tuned anything carry a `part` ("round 4") and are counted in a row of their own."""

import json
import statistics
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from search.answer import answer
from search.query import SearchOptions, Searcher

HELD_OUT_PERCENT = 30
LIMIT = 20
HEADER = ("| configuration | questions | hit@1 | hit@5 | hit@20 | p50 ms | p95 ms |\n"
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: |")


@dataclass
class EmQuestion:
    """One question and its acceptable answers: (law title fragment, article label)."""

    id: int
    text: str
    expect: list[tuple[str, str]]
    salt: str = "em"
    part: str = ""          # written in a later round before it tuned anything ("round 4"): counted apart

    @property
    def held_out(self) -> bool:
        """True for the fixed held-out part (never used for tuning); a question of a later round's
        part is held out too, and counted in its own row."""
        return bool(self.part) or zlib.crc32(f"{self.salt}-held-out-{self.id}".encode()) % 100 < HELD_OUT_PERCENT


def load_questions(path: Path, salt: str) -> list[EmQuestion]:
    """Read a questions file (one JSON object a line: id, q, expect) whose held-out part is hashed with `salt`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [EmQuestion(e["id"], e["q"], [tuple(x) for x in e["expect"]], salt, e.get("part", ""))
            for e in map(json.loads, filter(str.strip, lines))]


def load_em(directory: Path) -> list[EmQuestion]:
    """Read the bureau's questions.jsonl from `directory`."""
    return load_questions(directory / "questions.jsonl", "em")


def load_own() -> list[EmQuestion]:
    """Read our own inspector questions (bench/inspector_questions.jsonl)."""
    return load_questions(Path(__file__).with_name("inspector_questions.jsonl"), "own")


def rank_of(question: EmQuestion, hits) -> int | None:
    """1-based rank of the first hit that is an expected article, or None."""
    return next((rank for rank, hit in enumerate(hits, 1)
                 if any(part in hit.title and hit.article == label for part, label in question.expect)), None)


def em_row(name: str, searcher: Searcher, questions: list[EmQuestion], plain: bool = False) -> str:
    """Ask every question (条文, current versions) and return the table row of its figures."""
    options = SearchOptions(limit=LIMIT, kinds=("条文",), status="current", plain=plain)
    ranks, latencies = [], []
    for question in questions:
        started = time.perf_counter()
        hits = (searcher.search(question.text, options) if plain else answer(searcher, question.text, options).result).hits
        latencies.append(1000 * (time.perf_counter() - started))
        ranks.append(rank_of(question, hits) or LIMIT + 1)
    share = {k: sum(1 for r in ranks if r <= k) / len(ranks) for k in (1, 5, 20)}
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return (f"| {name} | {len(questions)} | {share[1]:.3f} | {share[5]:.3f} | {share[20]:.3f} | "
            f"{statistics.median(latencies):.1f} | {p95:.1f} |")


def em_table(searcher: Searcher, questions: list[EmQuestion], own: list[EmQuestion] = ()) -> list[str]:
    """The em table: plain BM25 and the product, on the tuning part, the held-out part and all;
    then the same rows for our own questions (`own`), each row named "own: …"."""
    rows = []
    for prefix, asked_set in (("", questions), ("own: ", list(own))):
        if not asked_set:
            continue
        later = sorted({q.part for q in asked_set if q.part})
        parts = (("tuning part", [q for q in asked_set if not q.held_out]),
                 ("held-out part", [q for q in asked_set if q.held_out and not q.part]),
                 *((f"written in {part}, before asked", [q for q in asked_set if q.part == part]) for part in later),
                 ("all", asked_set))
        rows += [em_row(f"{prefix}plain jieba + BM25 (baseline), {name}", searcher, asked, plain=True)
                 for name, asked in parts]
        rows += [em_row(f"{prefix}product, {name}", searcher, asked) for name, asked in parts]
    return [HEADER, *rows]


def em_tuning(searcher: Searcher, questions: list[EmQuestion], own: list[EmQuestion] = ()) -> list[str]:
    """The product on the tuning parts alone (what to tune on; the held-out parts are not asked)."""
    rows = [em_row("product, tuning part", searcher, [q for q in questions if not q.held_out])]
    if own:
        rows.append(em_row("own: product, tuning part", searcher, [q for q in own if not q.held_out]))
    return [HEADER, *rows]
