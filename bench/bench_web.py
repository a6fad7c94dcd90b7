"""Benchmark of the web application on the whole corpus: server time of the search and article
pages (p50/p95, through the app in-process, no network), then a bounded load test on loopback:
CLIENTS concurrent clients for SECONDS seconds doing searches and article views against
`fazhi serve` (waitress, 127.0.0.1 only) while a re-import of some statutes runs.

Run by hand (see bench/README.md):

    python bench/bench_web.py --data DIR [--questions STARD.jsonl] [--clients 20] [--seconds 60]

DIR must hold the imported corpus (`fazhi --data DIR import ../shared/corpus/laws`); the bench
adds a user `bench-web` to it and re-imports REIMPORT statute files during each load test.

The load test runs twice. "warm": searches drawn from the first PAGE_SAMPLES questions and views
from PAGE_SAMPLES articles, so they repeat (what the search page's result cache then serves).
"cold": no search and no article is asked twice (all questions of the file, each once with
each of COLD_VARIANTS, and COLD_ARTICLES articles); the row says how many requests had to repeat
when a pool ran out.
"""

import argparse
import http.client
import http.cookiejar
import json
import os
import platform
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from fazhi.settings import DB_NAME  # noqa: E402
from kb.store import Store  # noqa: E402
from search.index import current_index_dir  # noqa: E402
from results import write_section  # noqa: E402
from web import db as webdb  # noqa: E402
from web import users  # noqa: E402
from web.app import create_app  # noqa: E402
from web.views.article import UNDATED  # noqa: E402

DEFAULT_QUESTIONS = REPO.parent / "shared" / "bench" / "stard" / "train.jsonl"
DEFAULT_OUT = REPO / "bench" / "RESULTS.md"
USER, PASSWORD = "bench-web", "bench-web-password"
PAGE_SAMPLES = 300
REIMPORT = 40
COLD_ARTICLES = 20000
COLD_VARIANTS = ("", "&status=all")   # each question searched once among current versions, once among all
SEED = 10


def percentile(values: list[float], share: float) -> float:
    """The `share` percentile (0..1) of some values, in milliseconds."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def questions(path: Path, count: int | None = None) -> list[str]:
    """The first `count` (or all) distinct questions of a STARD-style JSON Lines file."""
    with path.open(encoding="utf-8") as lines:
        asked = list(dict.fromkeys(json.loads(line)["question"] for line in lines if line.strip()))
    return asked[:count]


def article_paths(data: Path, count: int) -> list[str]:
    """The stable addresses (law, version, label) of a fixed random sample of articles."""
    store = Store(data / DB_NAME)
    rows = store.db.execute("SELECT laws.key, coalesce(laws.version, ?), articles.label FROM articles"
                            " JOIN laws ON laws.id = articles.law_id", (UNDATED,)).fetchall()
    store.close()
    return ["/statute/" + "/".join(urllib.parse.quote(part) for part in row)
            for row in random.Random(SEED).sample(rows, min(count, len(rows)))]


def ensure_user(data: Path) -> None:
    """The account the bench logs in with."""
    db = webdb.connect(data)
    if users.find_user(db, USER) is None:
        users.add_user(db, USER, users.READER, PASSWORD)
    db.close()


def server_times(data: Path, asked: list[str], ids: list[int]) -> dict[str, list[float]]:
    """Seconds per request of the search and article pages, through the app in-process."""
    app = create_app(data)
    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    client.post("/login", data={"name": USER, "password": PASSWORD, "csrf_token": token})
    client.get("/search?q=" + urllib.parse.quote("安全生产"))           # open the searcher once
    times: dict[str, list[float]] = {"search": [], "article": []}
    for name, urls in (("search", search_paths(asked)),
                       ("article", ids)):
        for url in urls:
            start = time.perf_counter()
            response = client.get(url)
            times[name].append(time.perf_counter() - start)
            assert response.status_code == 200, (url, response.status_code)
    return times


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def logged_in_cookie(base: str) -> str:
    """The Cookie header of a logged-in session."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/login").read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({"name": USER, "password": PASSWORD, "csrf_token": token}).encode()
    opener.open(f"{base}/login", data=body).read()
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


def search_paths(asked: list[str], variants: tuple[str, ...] = ("",)) -> list[str]:
    """The search page of each question, once with each variant of the options (a query string
    suffix such as "&status=all")."""
    return [f"/search?q={urllib.parse.quote(question)}{variant}" for variant in variants for question in asked]


class Picker:
    """What the clients ask: searches and article views, half each. Warm: random picks from the
    pools (they repeat). Cold: each search and article is taken once, in a shuffled order; when a
    pool runs out the picks repeat and are counted."""

    def __init__(self, searches: list[str], articles: list[str], cold: bool):
        self.pools = {"search": searches, "article": articles}
        self.cold = cold
        self.lock = threading.Lock()
        self.next = {kind: iter(random.Random(SEED).sample(pool, len(pool))) for kind, pool in self.pools.items()}
        self.repeated = 0

    def url(self, chooser: random.Random) -> str:
        """The path and query of the next request."""
        kind = "search" if chooser.random() < 0.5 else "article"
        picked = None
        if self.cold:
            with self.lock:
                picked = next(self.next[kind], None)
                self.repeated += picked is None
        return picked or chooser.choice(self.pools[kind])


def load_test(data: Path, picker: Picker, clients: int, seconds: int, reimport: list[Path], lead: int,
              server_options: list[str], nice: int) -> dict:
    """Run CLIENTS clients for SECONDS against `fazhi serve` on 127.0.0.1 while `reimport` files
    are imported again at niceness `nice`, one re-import after another from `lead` seconds before
    the clients start until they stop, so that a re-import (and its index swaps) runs during the
    whole window; return latencies, errors, the re-imports and the swaps seen in the window."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tempfile.TemporaryFile()
    server = subprocess.Popen([sys.executable, "-m", "fazhi.cli", "--data", str(data), "serve", "--host", "127.0.0.1",
                               "--port", str(port), "--threads", str(clients), *server_options],
                              stdout=log, stderr=log, cwd=REPO)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/login", timeout=1).read()
            break
        except OSError:
            time.sleep(0.2)
    latencies, errors, lock = [], [], threading.Lock()
    window = time.perf_counter() + lead
    deadline = window + seconds
    imports: list[tuple[float, int]] = []          # (seconds, exit code) of each re-import

    def reimporting() -> None:
        command = ([shutil.which("nice"), "-n", str(nice)] if nice and shutil.which("nice") else []) + [
            sys.executable, "-m", "fazhi.cli", "--data", str(data), "import", *map(str, reimport)]
        while time.perf_counter() < deadline:
            began = time.perf_counter()
            code = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO).returncode
            imports.append((time.perf_counter() - began, code))

    def client(number: int) -> None:
        """One user: a browser-like client keeping its connection open between requests."""
        cookie, chooser = logged_in_cookie(base), random.Random(number)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.perf_counter() < deadline:
            url = picker.url(chooser)
            start = time.perf_counter()
            try:
                connection.request("GET", url, headers={"Cookie": cookie})
                with connection.getresponse() as response:
                    response.read()
                    ok = response.status == 200
                    if not ok:
                        url = f"{url}: HTTP {response.status}"
            except Exception as error:          # every failure counts, whatever it is
                ok, url = False, f"{url}: {error}"
                connection.close()              # the next request opens a new connection
            with lock:
                latencies.append(time.perf_counter() - start)
                if not ok:
                    errors.append(url)
        connection.close()

    importer = threading.Thread(target=reimporting)
    importer.start()
    time.sleep(lead)
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    live, swaps = current_index_dir(data), 0
    while any(thread.is_alive() for thread in threads):
        if current_index_dir(data) != live:
            live, swaps = current_index_dir(data), swaps + 1
        time.sleep(0.2)
    importer.join()
    server.terminate()
    server.wait(timeout=30)
    log.seek(0)
    output = log.read().decode("utf-8", "replace")
    if server.returncode not in (0, -15) or errors:
        print(f"fazhi serve exited with {server.returncode}; its output ends:\n{output[-3000:]}", file=sys.stderr)
    if server.returncode not in (0, -15):
        errors.append(f"server exited with {server.returncode}")
    return {"latencies": latencies, "errors": errors, "imports": imports, "swaps": swaps,
            "repeated": picker.repeated}


def reimport_files(data: Path, imported_in: Path) -> list[Path]:
    """The first REIMPORT statute files of the store (their stored paths are relative to the
    folder the corpus was imported from); stop when they cannot be found."""
    store = Store(data / DB_NAME)
    stored = [Path(row[0]) for row in store.db.execute("SELECT file FROM laws ORDER BY id LIMIT ?", (REIMPORT,))]
    store.close()
    files = [path if path.is_absolute() else imported_in / path for path in stored]
    missing = [str(path) for path in files if not path.exists()]
    if missing:
        sys.exit(f"re-import files not found (pass --imported-in, the folder the corpus was imported from): {missing[0]}")
    return files


def load_row(name: str, load: dict, args) -> str:
    """One table row of a load test."""
    return (f"| loopback load ({name}), {args.clients} clients × {args.seconds} s, during re-import | "
            f"{len(load['latencies'])} | {percentile(load['latencies'], .5):.1f} ms | "
            f"{percentile(load['latencies'], .95):.1f} ms | ≤ 200 ms, 0 errors |")


def load_text(name: str, load: dict, args) -> str:
    """What a load test's row does not show: errors, throughput, the re-import."""
    return (f"Load test ({name}): {len(load['errors'])} errors, {len(load['latencies']) / args.seconds:.1f} requests/s"
            + (f", {load['repeated']} requests repeated a question or article (pool exhausted)" if name == "cold" else "")
            + f"; re-imports of {REIMPORT} statute files with index rebuild (nice {args.reimport_nice}) ran back "
            f"to back from {args.lead} s before the clients to the end: {len(load['imports'])} re-imports, "
            f"{statistics.mean(t for t, _ in load['imports']):.0f} s each on average, "
            f"{sum(1 for _, code in load['imports'] if code)} failed; {load['swaps']} index swaps in the window."
            + (f" First errors: {'; '.join(load['errors'][:3])}" if load["errors"] else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="data directory holding the imported corpus")
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--count", type=int, default=PAGE_SAMPLES, help="searches and article views timed")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--lead", type=int, default=10, help="seconds the re-import runs before the clients start")
    parser.add_argument("--workers", type=int, help="fazhi serve --workers (default: its own default)")
    parser.add_argument("--reimport-nice", type=int, default=10,
                        help="niceness of the re-import (as the README advises beside a live server; 0 = normal)")
    parser.add_argument("--imported-in", type=Path, default=REPO,
                        help="folder the corpus import ran in (stored file paths are relative to it)")
    parser.add_argument("--only", choices=("warm", "cold"), help="run one of the two load tests")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    ensure_user(args.data)
    files = reimport_files(args.data, args.imported_in.resolve())
    everything = questions(args.questions)
    asked, ids = everything[:args.count], article_paths(args.data, args.count)
    store = Store(args.data / DB_NAME)
    laws, articles = store.counts()["laws"], store.counts()["articles"]
    store.close()
    times = server_times(args.data, asked, ids)
    server = ["--workers", str(args.workers)] if args.workers else []
    loads = {name: load_test(args.data, Picker(*pools, cold=name == "cold"), args.clients, args.seconds, files,
                             args.lead, server, args.reimport_nice)
             for name, pools in (("warm", (search_paths(asked), ids)),
                                 ("cold", (search_paths(everything, COLD_VARIANTS), article_paths(args.data, COLD_ARTICLES))))
             if args.only in (None, name)}
    rows = [f"| search page, server time | {len(times['search'])} | {percentile(times['search'], .5):.1f} ms | "
            f"{percentile(times['search'], .95):.1f} ms | ≤ 30 ms |",
            f"| article page, server time | {len(times['article'])} | {percentile(times['article'], .5):.1f} ms | "
            f"{percentile(times['article'], .95):.1f} ms | ≤ 30 ms |"] + [load_row(n, l, args) for n, l in loads.items()]
    text = "\n".join([
        "# Web application (bench/bench_web.py)", "",
        f"{datetime.now():%Y-%m-%d %H:%M}, {platform.node()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}; corpus {laws} law versions, {articles} articles; "
        f"fazhi serve --workers {args.workers or 'default'} --threads {args.clients}.", "",
        "| measure | requests | p50 | p95 | target |", "| --- | --- | --- | --- | --- |", *rows, "",
        *[load_text(n, l, args) for n, l in loads.items()], "",
        "Searches are STARD questions (warm: the first {0}; cold: all {1}, each once among current versions and "
        "once among all versions); articles a fixed random sample (warm: {0}; cold: {2}, each once)."
        .format(args.count, len(everything), COLD_ARTICLES),
    ])
    print(text)
    write_section(args.out, text)


if __name__ == "__main__":
    main()
