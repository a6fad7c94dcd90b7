"""Benchmark of the structured penalty reader (kb.penalties) on the 法律责任 chapters of the eight
laws of issue 7: of the paragraphs (款) that state a fine, how many are read into a fine range
without doubt. Prints one table and writes its section of bench/RESULTS.md.

    python bench/bench_penalties.py [--corpus ../shared/corpus/laws] [--list] [--sample N]
"""

import argparse
import random
import re
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.results import write_section  # noqa: E402
from kb.importers.lawrefbook import parse  # noqa: E402
from kb.penalties import READ, describe, read_article  # noqa: E402
from kb.penalties.lookup import groups  # noqa: E402

LAWS = ("安全生产法", "消防法", "特种设备安全法", "危险化学品安全管理条例", "生产安全事故报告和调查处理条例",
        "安全生产许可证条例", "烟花爆竹安全管理条例", "职业病防治法")
PENALTY_CHAPTERS = ("法律责任", "罚则")
FINE_STATED = re.compile(r"处[^，；。]*罚款")


def units(corpus: Path, name: str):
    """(law title, article, paragraph number or None) for every 款 of the law's penalty chapter
    that mentions 罚款, read from the newest file of the law in the corpus."""
    files = sorted(corpus.glob(f"*/{name}(*.md"))
    if not files:
        return
    law = parse(files[-1].read_text(encoding="utf-8"), files[-1])
    chaptered = any(word in a.chapter for a in law.articles for word in PENALTY_CHAPTERS)
    for article in law.articles:
        if chaptered and not any(word in article.chapter for word in PENALTY_CHAPTERS):
            continue
        parts = groups(article)
        for number, group in enumerate(parts, 1):
            if FINE_STATED.search("".join(group)):
                yield law.title, article, (number if len(parts) > 1 else None)


def stated(text: str) -> list[str]:
    """The fines a text states (处…罚款), leaving out 依照下列规定处以罚款, whose items state them."""
    return [m for m in FINE_STATED.findall(text) if not m.endswith("处以罚款")]


def fines_read(provision) -> int:
    """How many distinct fine clauses were read into a range."""
    return len({(s.text, s.fine) for s in provision.sanctions() if s.kind == "罚款" and s.fine})


def main() -> None:
    """Read every unit, print the table, optionally list units and a random sample to check by hand."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "laws")
    parser.add_argument("--list", action="store_true", help="print every unit not read")
    parser.add_argument("--sample", type=int, default=0, help="print N random units with their reading")
    args = parser.parse_args()
    rows, failures, everything = [], [], []
    start = time.perf_counter()
    for name in LAWS:
        found = list(units(args.corpus, name))
        read = 0
        for title, article, paragraph in found:
            provision = read_article(article, paragraph)
            fine_read = provision.state == READ and fines_read(provision) >= len(stated(provision.text))
            read += fine_read
            everything.append((title, article, paragraph, provision))
            if not fine_read:
                failures.append((title, article, paragraph, provision))
        rows.append((name, len(found), read))
    seconds = time.perf_counter() - start
    total, read = sum(r[1] for r in rows), sum(r[2] for r in rows)
    lines = ["# Penalty reader (kb.penalties)", "", f"Measured {date.today().isoformat()}.", "",
             "Paragraphs (款) of the 法律责任 chapters (or, without chapters, all articles) that state a fine (处…罚款): "
             "read when every fine they state was read into a range and nothing was left in doubt.",
             "", "| law | paragraphs with a fine | read into a range | share |", "| --- | ---: | ---: | ---: |"]
    lines += [f"| {name} | {n} | {ok} | {ok / n:.1%} |" if n else f"| {name} | 0 | 0 | — |" for name, n, ok in rows]
    lines += [f"| **all** | {total} | {read} | {read / total:.1%} |", "",
              f"Time {seconds:.2f} s for {total} paragraphs (2-core machine shared with other jobs)."]
    if failures:
        lines += ["", "Not read (需人工核实):", ""]
        lines += [f"- {title}{article.label}{'' if p is None else f'第{p}款'}：{'；'.join(pr.doubts) or pr.state}"
                  for title, article, p, pr in failures]
    text = "\n".join(lines)
    print(text)
    if args.sample:
        for title, article, p, provision in random.Random(7).sample(everything, args.sample):
            print(f"\n## {title}{article.label}{'' if p is None else f'第{p}款'}  {provision.state}")
            for situation in provision.situations:
                for s in situation.sanctions:
                    print(f"  [{situation.condition or '基本'}] {s.party} {s.kind} {describe(s.fine) if s.fine else ''}")
    write_section(ROOT / "bench" / "RESULTS.md", text)


if __name__ == "__main__":
    main()
