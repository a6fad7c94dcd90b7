"""Benchmark of the whole corpus: import + index time, index size, peak memory, query latency
and search quality on STARD, for plain BM25, the product, and the product with learning.

Run by hand (see bench/README.md):

    python bench/bench_search.py [--corpus PATH] [--stard PATH] [--out bench/RESULTS.md]

The import runs `fazhi import` in a child process (the product's own code path) into a fresh
temporary data directory. Learning goes through search.learning and the same index build as
`fazhi learn`. STARD has one file (train.jsonl), so:

* the product (no learning) is reported on a fixed tuning part and a fixed held-out part
  (30 % of questions, chosen by a hash of the id); the held-out part is never used for tuning;
* learning is reported by k-fold cross-validation (learn k-1 folds, ask the held-out fold)
  and, labelled separately, after learning every question and asking the same questions.
"""

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from fazhi.composition import build_index, open_searcher  # noqa: E402
from fazhi.settings import DB_NAME  # noqa: E402
from kb.store import Store  # noqa: E402
from search import learning  # noqa: E402
from search.answer import answer  # noqa: E402
from search.query import SearchOptions, Searcher  # noqa: E402
from em import em_table, em_tuning, load_em, load_own  # noqa: E402
from results import write_section  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "laws"
DEFAULT_STARD = REPO.parent / "shared" / "bench" / "stard"
DEFAULT_EM = REPO.parent / "shared" / "bench" / "em"
DEFAULT_OUT = REPO / "bench" / "RESULTS.md"
HELD_OUT_PERCENT = 30
FOLDS = 5
CUTOFFS = (1, 5, 10, 100)
LIMIT = 100
LOG_SOURCE = "bench-stard"
TARGETS = {"import": 30.0, "p95": 20.0}
HEADER = ("| configuration | questions | R@1 | R@5 | R@10 | R@100 | MRR@10 | p50 ms | p95 ms |\n"
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")


@dataclass
class Question:
    """One STARD question: for each relevant article, the (file, label) pairs that match it."""

    id: int
    text: str
    relevant: list[set[tuple[str, str]]]
    line: str

    @property
    def held_out(self) -> bool:
        """True for the fixed held-out part (never used for tuning)."""
        return _bucket("held-out", self.id, 100) < HELD_OUT_PERCENT

    @property
    def fold(self) -> int:
        """Cross-validation fold of this question, 0 … FOLDS-1."""
        return _bucket("fold", self.id, FOLDS)


def _bucket(salt: str, qid: int, buckets: int) -> int:
    return zlib.crc32(f"{salt}-{qid}".encode()) % buckets


def load_stard(directory: Path) -> list[Question]:
    """Read STARD's train.jsonl from `directory`."""
    questions = []
    for line in (directory / "train.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            relevant = [{(m["file"], m["article"]) for m in r["matches"]} for r in entry["relevant"]]
            questions.append(Question(entry["id"], entry["question"], relevant, line))
    return questions


@dataclass
class Quality:
    """Recall at each cutoff and MRR@10, averaged over questions, plus per-query latencies."""

    recall: dict[int, float]
    mrr: float
    latencies: list[float]
    count: int

    def percentile(self, share: float) -> float:
        """Latency in milliseconds below which `share` of the queries finished."""
        ordered = sorted(self.latencies)
        return 1000 * ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def evaluate(searcher: Searcher, questions: list[Question], corpus: Path, plain: bool = False) -> Quality:
    """Ask every question (条文, current versions, 100 hits) and score the hits per STARD's README."""
    options = SearchOptions(limit=LIMIT, kinds=("条文",), status="current", plain=plain)
    relative = {law.id: _relative(law.file, corpus) for law in searcher.laws.values()}
    recalls = {k: [] for k in CUTOFFS}
    ranks, latencies = [], []
    for question in questions:
        started = time.perf_counter()
        hits = (searcher.search(question.text, options) if plain
                else answer(searcher, question.text, options).result).hits
        latencies.append(time.perf_counter() - started)
        found = [(relative[h.law_id], h.article) for h in hits]
        for k in CUTOFFS:
            top = set(found[:k])
            recalls[k].append(sum(1 for r in question.relevant if r & top) / len(question.relevant))
        first = next((rank for rank, pair in enumerate(found[:10], 1)
                      if any(pair in r for r in question.relevant)), None)
        ranks.append(1 / first if first else 0.0)
    return Quality({k: statistics.fmean(v) for k, v in recalls.items()}, statistics.fmean(ranks),
                   latencies, len(questions))


def _relative(file: str, corpus: Path) -> str:
    path = Path(file)
    try:
        return path.resolve().relative_to(corpus.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def import_corpus(corpus: Path, data: Path) -> dict:
    """Run `fazhi import CORPUS` in a child process; return wall seconds and index bytes."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "fazhi.cli", "--data", str(data), "import", str(corpus)],
                          cwd=REPO, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"fazhi import 失败（退出码 {done.returncode}）：\n{done.stderr}")
    seconds = time.perf_counter() - started
    index = data / (data / "index.current").read_text(encoding="utf-8").strip()
    size = sum(f.stat().st_size for f in index.rglob("*") if f.is_file())
    return {"seconds": seconds, "index_bytes": size, "db_bytes": (data / DB_NAME).stat().st_size}


def learn_questions(store: Store, data: Path, questions: list[Question]) -> None:
    """Replace the bench's usage log with `questions` and rebuild the index, as `fazhi learn` does."""
    learning.forget(store, LOG_SOURCE)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as log:
        log.write("\n".join(q.line for q in questions) + "\n")
    try:
        learning.learn(store, learning.read_log(store, Path(log.name)), source=LOG_SOURCE)
    finally:
        Path(log.name).unlink()
    build_index(store, data)


def cross_validate(store: Store, data: Path, questions: list[Question], corpus: Path) -> dict[str, Quality]:
    """Learn k-1 folds, ask the remaining fold, for every fold; return the pooled figures of the
    questions of the tuning part, of the held-out part and of all."""
    pooled: dict[bool, list[Quality]] = {False: [], True: []}
    for fold in range(FOLDS):
        learn_questions(store, data, [q for q in questions if q.fold != fold])
        searcher = open_searcher(store, data)
        for held_out, parts in pooled.items():
            asked = [q for q in questions if q.fold == fold and q.held_out == held_out]
            if asked:
                parts.append(evaluate(searcher, asked, corpus))
    figures = {name: _pool(pooled[held_out]) for name, held_out in
               (("tuning part", False), ("held-out part", True)) if pooled[held_out]}
    return figures | {"all": _pool(pooled[False] + pooled[True])}


def _pool(parts: list[Quality]) -> Quality:
    total = sum(p.count for p in parts)
    recall = {k: sum(p.recall[k] * p.count for p in parts) / total for k in CUTOFFS}
    mrr = sum(p.mrr * p.count for p in parts) / total
    return Quality(recall, mrr, [t for p in parts for t in p.latencies], total)


def peak_memory_mib() -> float:
    """Peak resident memory of this process and of its largest child, in MiB (Linux: KiB units)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def machine() -> str:
    """nproc, CPU model and RAM of this machine, one line."""
    cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8") if Path("/proc/cpuinfo").exists() else ""
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown")
    meminfo = Path("/proc/meminfo").read_text(encoding="utf-8") if Path("/proc/meminfo").exists() else ""
    kib = next((int(line.split()[1]) for line in meminfo.splitlines() if line.startswith("MemTotal")), 0)
    return f"{os.cpu_count()} CPU ({model}), {kib / 1024 / 1024:.1f} GiB RAM, Python {platform.python_version()}"


def _row(name: str, quality: Quality, latency: bool = True) -> str:
    cells = [f"{quality.recall[k]:.3f}" for k in CUTOFFS] + [f"{quality.mrr:.3f}"]
    timing = [f"{quality.percentile(0.5):.1f}", f"{quality.percentile(0.95):.1f}"] if latency else ["–", "–"]
    return f"| {name} | {quality.count} | " + " | ".join(cells + timing) + " |"


def report(figures: dict, rows: list[str], corpus: Path, em_rows: list[str]) -> str:
    """Return the Markdown results: machine, build figures and the quality table."""
    return "\n".join([
        "# Search benchmark",
        "",
        f"- date: {datetime.now():%Y-%m-%d %H:%M}",
        f"- machine: {machine()}",
        f"- corpus: `{corpus}` — {figures['laws']} law versions, {figures['articles']} articles",
        f"- import + index (`fazhi import`, whole corpus, fresh data directory): {figures['seconds']:.1f} s",
        f"- index on disk: {figures['index_bytes'] / 2**20:.1f} MiB (SQLite store {figures['db_bytes'] / 2**20:.1f} MiB)",
        f"- peak memory (ru_maxrss, self and largest child): {figures['memory']:.0f} MiB",
        f"- learning index rebuild (`fazhi learn`, whole STARD log): {figures['learn_seconds']:.1f} s",
        f"- import + index target < {TARGETS['import']:.0f} s, query p95 < {TARGETS['p95']:.0f} ms in-process;"
        " em hit@1 ≥ 0.80, hit@5 ≥ 0.95; STARD product R@10 ≥ 0.55, R@100 ≥ 0.80;"
        " with learning R@10 ≥ 0.65, R@100 ≥ 0.90",
        "",
        "The bureau's own questions (`../shared/bench/em/`), 条文, current versions, 20 hits, no usage log."
        " Held-out = fixed 30 % by id hash (`crc32(\"em-held-out-<id>\") % 100 < 30`), never used for tuning."
        " Rows \"own: …\" are our own inspector questions (`bench/inspector_questions.jsonl`,"
        " held-out `crc32(\"own-held-out-<id>\") % 100 < 30`).",
        "",
        *em_rows,
        "",
        "Search: STARD train questions, 条文, current versions, 100 hits. Held-out = fixed 30 % of the"
        f" questions by id hash, never used for tuning; cross-validation = {FOLDS} folds by id hash.",
        "",
        HEADER,
        *rows,
        "",
    ])


def _fresh_import(corpus: Path, data: Path) -> tuple[Store, dict]:
    """Import the corpus into the empty data directory; return the store and the build figures."""
    print(f"导入整个语料库 {corpus} …", flush=True)
    figures = import_corpus(corpus, data)
    store = Store(data / DB_NAME)
    figures.update(store.counts())
    learning.forget(store, LOG_SOURCE)
    return store, figures


def _reused(data: Path) -> Store:
    """The store of an imported data directory, without the bench's usage log, its index rebuilt."""
    store = Store(data / DB_NAME)
    learning.forget(store, LOG_SOURCE)
    build_index(store, data)
    return store


def run(corpus: Path, stard: Path, em: Path, out: Path) -> str:
    """Run the whole benchmark and write the table to `out`; return it."""
    questions = load_stard(stard)
    tuning = [q for q in questions if not q.held_out]
    held_out = [q for q in questions if q.held_out]
    with tempfile.TemporaryDirectory(prefix="fazhi-bench-") as temporary:
        data = Path(temporary)
        store, figures = _fresh_import(corpus, data)
        searcher = open_searcher(store, data)
        print("检索评测 …", flush=True)
        em_rows = em_table(searcher, load_em(em), load_own())
        rows = [
            _row("plain jieba + BM25 (baseline), all", evaluate(searcher, questions, corpus, plain=True)),
            _row("plain jieba + BM25 (baseline), held-out part", evaluate(searcher, held_out, corpus, plain=True)),
            _row("product, tuning part", evaluate(searcher, tuning, corpus)),
            _row("product, held-out part", evaluate(searcher, held_out, corpus)),
            _row("product, all", evaluate(searcher, questions, corpus)),
        ]
        print(f"学习：{FOLDS} 折交叉验证 …", flush=True)
        learned = cross_validate(store, data, questions, corpus)
        rows += [_row(f"product + learning, {FOLDS}-fold cross-validation, {part}", learned[part])
                 for part in ("tuning part", "held-out part", "all")]
        started = time.perf_counter()
        learn_questions(store, data, questions)
        figures["learn_seconds"] = time.perf_counter() - started
        rows.append(_row("product + full log learned, same questions asked (not a generalisation figure)",
                         evaluate(open_searcher(store, data), questions, corpus)))
        store.close()
    figures["memory"] = peak_memory_mib()
    text = report(figures, rows, corpus, em_rows)
    write_section(out, text)
    return text


def tune(corpus: Path, stard: Path, em: Path, reuse: Path | None = None) -> str:
    """The figures to tune on, from the tuning part alone: the product, and learning by k-fold
    cross-validation inside the tuning part (its other folds are the log). Nothing is written to
    the results; with `reuse`, that already imported data directory is used (its bench log is
    replaced and its index rebuilt) instead of a fresh import, and left without the bench log."""
    tuning = [q for q in load_stard(stard) if not q.held_out]
    with tempfile.TemporaryDirectory(prefix="fazhi-tune-") as temporary:
        data = reuse or Path(temporary)
        store = _reused(data) if reuse else _fresh_import(corpus, data)[0]
        searcher = open_searcher(store, data)
        em_rows = em_tuning(searcher, load_em(em), load_own())
        rows = [_row("product, tuning part", evaluate(searcher, tuning, corpus)),
                _row(f"product + learning, {FOLDS}-fold cross-validation inside the tuning part",
                     cross_validate(store, data, tuning, corpus)["all"])]
        if reuse:                       # leave the data directory as it was found: no bench log learned
            _reused(data).close()
        store.close()
    return "\n".join([HEADER, *rows, "", *em_rows])


def inspector(data: Path, em: Path) -> str:
    """The em and own tables alone (all parts, held-out included), on an imported data directory:
    for the one look at the held-out parts at the end of a round, not for tuning."""
    store = _reused(data)
    try:
        return "\n".join(em_table(open_searcher(store, data), load_em(em), load_own()))
    finally:
        store.close()


def main() -> None:
    """Parse the command line and run the benchmark."""
    parser = argparse.ArgumentParser(description="法治检索基准：导入耗时、索引大小、内存、检索延迟与 STARD 检索质量。")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="法规语料库目录（默认 ../shared/corpus/laws）")
    parser.add_argument("--stard", type=Path, default=DEFAULT_STARD, help="STARD 目录（默认 ../shared/bench/stard）")
    parser.add_argument("--em", type=Path, default=DEFAULT_EM, help="本局问题集目录（默认 ../shared/bench/em）")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="结果表写入的 Markdown 文件")
    parser.add_argument("--tune", action="store_true",
                        help="只用调参部分（不含留出部分）评测并打印，不写结果文件：调参时用它")
    parser.add_argument("--data", type=Path,
                        help="与 --tune 一起用：复用已导入整个语料库的数据目录，不重新导入（其中的评测日志会被替换）")
    parser.add_argument("--inspector", action="store_true",
                        help="与 --data 一起用：只打印本局问题集和自编问题集的全部表行（含留出部分），不写结果文件")
    args = parser.parse_args()
    if args.inspector:
        if not args.data:
            parser.error("--inspector 需要 --data")
        print(inspector(args.data, args.em))
        return
    for path in (args.corpus, args.stard / "train.jsonl", args.em / "questions.jsonl"):
        if not path.exists():
            parser.error(f"找不到 {path}")
    print(tune(args.corpus, args.stard, args.em, args.data) if args.tune else run(args.corpus, args.stard, args.em, args.out))


if __name__ == "__main__":
    main()
