"""Penalty-card benchmark on the whole corpus: our own inspector-style questions
(bench/card_questions.jsonl, each expected penalty article read in the statute text) and questions
that name no act. Run by hand on a whole-corpus data directory:

    python bench/bench_card.py --data DIR [--out bench/RESULTS.md]

A question is asked as `fazhi search` asks it (10 hits, current versions) and its card judged: for
a violation, *right* when the card's penalty (law, article and item or paragraph) is one of the
expected ones, *wrong* when it is another, *refused* when there is no card; for a question naming
no act, *no card* is right. The card's alternatives (另可适用) are counted apart: expected or not.
The questions marked held_out were written after the card was tuned and never tuned on; those that
name a `part` were written in a later round before it tuned anything, and are counted apart.
"""

import argparse
import json
import platform
import sys
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from fazhi.composition import open_searcher  # noqa: E402
from fazhi.settings import DB_NAME  # noqa: E402
from kb.store import Store  # noqa: E402
from search.card import penalty_card  # noqa: E402
from search.query import SearchOptions  # noqa: E402
from results import write_section  # noqa: E402

QUESTIONS = Path(__file__).with_name("card_questions.jsonl")
PREFIX = "中华人民共和国"


def plain(citation: str) -> str:
    """《中华人民共和国安全生产法》第九十七条第七项 → 安全生产法第九十七条第七项."""
    return citation.replace("《", "").replace("》", "").removeprefix(PREFIX)


def matches(citation: str, expected: list[str]) -> bool:
    """Whether the card's citation is one of the expected (an expected article without an item
    accepts any of its items or paragraphs)."""
    shown = plain(citation)
    return any(shown == e or (shown.startswith(e) and shown[len(e)] == "第") for e in expected)


def part_of(question: dict) -> str:
    """The part a question belongs to: tuned, held out, or the held-out part it names (questions
    written in a later round, before that round tuned anything)."""
    if not question.get("held_out"):
        return "tuned"
    return question.get("part", "held out")


OUTCOMES = ("right", "wrong", "refused", "no card", "card", "alt expected", "alt other")


def judge(searcher, questions: list[dict]) -> tuple[dict, list[str]]:
    """Counts per part (tuned, held out) and outcome, and one line per question."""
    counts = {part_of(q): dict.fromkeys(OUTCOMES, 0) for q in questions}
    lines = []
    for question in questions:
        hits = searcher.search(question["q"], SearchOptions(limit=10)).hits
        card = penalty_card(searcher, question["q"], hits)
        expected = question["expect"]
        if not expected:
            outcome = "card" if card else "no card"
        elif card is None:
            outcome = "refused"
        else:
            outcome = "right" if matches(card.penalty.citation, expected) else "wrong"
        part = counts[part_of(question)]
        part[outcome] += 1
        shown = plain(card.penalty.citation) if card else "—"
        alternatives = [plain(a.citation) for a in card.alternatives] if card else []
        for alternative in alternatives:
            part["alt expected" if expected and matches(alternative, expected) else "alt other"] += 1
        held = f" ({part_of(question)})" if question.get("held_out") else ""
        lines.append(f"| {question['id']}{held} | {question['q']} | {shown} | {'、'.join(alternatives) or '—'} | {outcome} |")
    return counts, lines


def table(counts: dict, lines: list[str], data: Path) -> str:
    """The section for RESULTS.md: the figures per part, then every question."""
    rows = []
    for name, c in counts.items():
        violations, silent = c["right"] + c["wrong"] + c["refused"], c["no card"] + c["card"]
        rows.append(f"| {name} | {violations} | {c['right']} | {c['wrong']} | {c['refused']} | "
                    f"{c['no card']} / {silent} | {c['alt expected']} / {c['alt other']} |")
    return "\n".join([
        "# Penalty card (bench_card.py)", "",
        f"- date: {datetime.now():%Y-%m-%d %H:%M}; machine: {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}; data: whole corpus ({data.name})",
        f"- questions: {QUESTIONS.name}, our own, each expected penalty article read in the statute text; "
        "10 hits, current versions, as `fazhi search` asks", "",
        "| part | violation questions | card right | card wrong | no card (refused) | "
        "no-act questions: no card | alternatives expected / other |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |", *rows,
        "", "| id | question | card's penalty | alternatives (另可适用) | outcome |", "| --- | --- | --- | --- | --- |",
        *lines])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="a data directory holding the whole corpus")
    parser.add_argument("--out", type=Path, help="write the table into this RESULTS.md")
    args = parser.parse_args()
    questions = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    searcher = open_searcher(Store(args.data / DB_NAME), args.data)
    text = table(*judge(searcher, questions), args.data)
    print(text)
    if args.out:
        write_section(args.out, text)


if __name__ == "__main__":
    main()
