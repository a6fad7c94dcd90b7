"""Benchmark of the question bank and the version diff on real statutes.

Run by hand:

    python bench/bench_quiz.py [--corpus ../shared/corpus/laws] [--append bench/RESULTS.md]

For every law of the 法律 folders (宪法相关法, 行政法, 社会法, 经济法, 民法商法) of the corpus with two
or more versions, the older versions are imported, questions are generated on the newest of them,
then the newest version is imported: the table gives the questions made and how many the check
proves (有依据), the time to generate, the version diff (articles renumbered, modified) and how many
questions were retired or followed their article into the new version.
"""

import argparse
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_search import machine  # noqa: E402
from results import write_section  # noqa: E402

from kb.importers.files import import_files  # noqa: E402
from kb.quiz.bank import generate_bank, laws_named  # noqa: E402
from kb.quiz.check import SUPPORTED, check_question  # noqa: E402
from kb.quiz.refresh import refresh  # noqa: E402
from kb.quiz.store import QuizStore  # noqa: E402
from kb.store import Store  # noqa: E402
from kb.versions_diff import latest_amendment  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "laws"
FOLDERS = ("宪法相关法", "行政法", "社会法", "经济法", "民法商法")
VERSION_RE = re.compile(r"^(?P<name>.+)\((?P<date>\d{4}-\d{2}-\d{2})\)\.md$")


def laws_with_versions(corpus: Path) -> dict[str, list[Path]]:
    """Law name → its version files, oldest first, for laws with two or more versions."""
    found = defaultdict(list)
    for folder in FOLDERS:
        for path in sorted((corpus / folder).glob("*.md")):
            match = VERSION_RE.match(path.name)
            if match:
                found[(folder, match["name"])].append(path)
    return {name: sorted(paths) for (_, name), paths in found.items() if len(paths) > 1}


def run(corpus: Path) -> str:
    """Run the benchmark and return its RESULTS.md section."""
    rows, totals = [], Counter()
    for name, paths in laws_with_versions(corpus).items():
        with tempfile.TemporaryDirectory() as folder:
            store = Store(Path(folder) / "fazhi.sqlite")
            import_files(store, paths[:-1])
            bank = QuizStore(store)
            started = time.perf_counter()
            made = generate_bank(store, bank, laws_named(store, [name]))
            seconds = time.perf_counter() - started
            supported = sum(check_question(store, q).outcome == SUPPORTED for q in made)
            import_files(store, paths[-1:])
            started = time.perf_counter()
            diff = latest_amendment(store, store.find_laws(name)[0].key)
            diff_seconds = time.perf_counter() - started
            done = refresh(store, bank)
            counts = diff.counts()
            store.close()
        kinds = Counter(q.kind for q in made)
        totals.update({"questions": len(made), "supported": supported, "retired": len(done.retired),
                       "moved": len(done.moved)})
        rows.append(f"| {name} | {len(made)} | {kinds['单选']}/{kinds['多选']}/{kinds['判断']}/{kinds['填空']} | "
                    f"{supported} | {seconds:.2f} | {counts['修改']}/{counts['新增']}/{counts['删除']} | "
                    f"{counts['重新编号']} | {diff_seconds:.2f} | {len(done.retired)} | {len(done.moved)} |")
    lines = [
        "# Question bank benchmark",
        "",
        f"- date: {datetime.now():%Y-%m-%d %H:%M}",
        f"- machine: {machine()} (shared with other jobs: times are under load)",
        f"- laws: every law of {', '.join(FOLDERS)} in the corpus with two or more versions ({len(rows)})",
        f"- questions made on the version before the newest: {totals['questions']}, proved by the check "
        f"(有依据): {totals['supported']}; after importing the newest version: retired {totals['retired']}, "
        f"followed their article {totals['moved']}",
        "",
        "| law | questions | 单选/多选/判断/填空 | 有依据 | generate s | diff 修改/新增/删除 | renumbered | diff s |"
        " retired | followed |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        *rows,
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    """Parse the arguments, run, print the section and optionally write it into RESULTS.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="法规语料库目录（默认 ../shared/corpus/laws）")
    parser.add_argument("--append", type=Path, help="把结果写入该 RESULTS.md（只替换本节）")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"找不到语料库目录：{args.corpus}")
    section = run(args.corpus)
    print(section)
    if args.append:
        write_section(args.append, section)


if __name__ == "__main__":
    main()
