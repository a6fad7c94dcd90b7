"""Benchmark of the web application on the whole corpus: server time of the search and article
pages (p50/p95, through the app in-process, no network), then a bounded load test on loopback:
CLIENTS concurrent clients for SECONDS seconds doing searches and article views against
`fazhi serve` (waitress, 127.0.0.1 only) while a re-import of some statutes runs.

Run by hand (see bench/README.md):

    python bench/bench_web.py --data DIR [--questions STARD.jsonl] [--clients 20] [--seconds 60]

DIR must hold the imported corpus (`fazhi --data DIR import ../shared/corpus/laws`); the bench
adds a user `bench-web` to it and re-imports REIMPORT statute files during the load test.
"""

import argparse
import http.cookiejar
import json
import platform
import random
import re
import socket
import statistics
import subprocess
import sys
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
SEED = 10


def percentile(values: list[float], share: float) -> float:
    """The `share` percentile (0..1) of some values, in milliseconds."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def questions(path: Path, count: int) -> list[str]:
    """The first `count` questions of a STARD-style JSON Lines file."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line)["question"] for line, _ in zip(lines, range(count))]


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
    for name, urls in (("search", [f"/search?q={urllib.parse.quote(q)}" for q in asked]),
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


def logged_in_opener(base: str):
    """A urllib opener holding a logged-in session cookie."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    page = opener.open(f"{base}/login").read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    body = urllib.parse.urlencode({"name": USER, "password": PASSWORD, "csrf_token": token}).encode()
    opener.open(f"{base}/login", data=body).read()
    return opener


def load_test(data: Path, asked: list[str], ids: list[int], clients: int, seconds: int,
              reimport: list[Path], lead: int) -> dict:
    """Run CLIENTS clients for SECONDS against `fazhi serve` on 127.0.0.1 while `reimport` files
    are imported again (started `lead` seconds before the clients, so that the index swap falls
    inside the window); return latencies, errors, the re-import's wall time and when the live
    index was swapped, relative to the start of the window."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "fazhi.cli", "--data", str(data), "serve", "--host", "127.0.0.1",
                               "--port", str(port), "--threads", str(clients)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=REPO)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{base}/login", timeout=1).read()
            break
        except OSError:
            time.sleep(0.2)
    latencies, errors, lock = [], [], threading.Lock()
    started = time.perf_counter()
    importer = subprocess.Popen([sys.executable, "-m", "fazhi.cli", "--data", str(data), "import", *map(str, reimport)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO)
    live = current_index_dir(data)
    time.sleep(lead)
    window = time.perf_counter()
    deadline = window + seconds

    def client(number: int) -> None:
        opener = logged_in_opener(base)
        chooser = random.Random(number)
        while time.perf_counter() < deadline:
            url = (f"{base}/search?q={urllib.parse.quote(chooser.choice(asked))}" if chooser.random() < 0.5
                   else f"{base}{chooser.choice(ids)}")
            start = time.perf_counter()
            try:
                with opener.open(url, timeout=30) as response:
                    response.read()
                    ok = response.status == 200
            except Exception as error:          # every failure counts, whatever it is
                ok, url = False, f"{url}: {error}"
            with lock:
                latencies.append(time.perf_counter() - start)
                if not ok:
                    errors.append(url)

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    swapped = None
    while any(thread.is_alive() for thread in threads):
        if swapped is None and current_index_dir(data) != live:
            swapped = time.perf_counter() - window
        time.sleep(0.2)
    code = importer.wait()
    reimport_seconds = time.perf_counter() - started
    if swapped is None and current_index_dir(data) != live:
        swapped = float("inf")
    server.terminate()
    server.wait(timeout=30)
    return {"latencies": latencies, "errors": errors, "reimport_seconds": reimport_seconds,
            "reimport_ok": code == 0, "swapped": swapped}


def _swap_text(swapped: float | None, seconds: int) -> str:
    if swapped is None:
        return "the index was not swapped"
    if swapped <= seconds:
        return f"the new index was swapped in {swapped:.0f} s into the load window"
    return "the new index was swapped in after the load window"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="data directory holding the imported corpus")
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--count", type=int, default=PAGE_SAMPLES, help="searches and article views timed")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--lead", type=int, default=10, help="seconds the re-import runs before the clients start")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    ensure_user(args.data)
    asked, ids = questions(args.questions, args.count), article_paths(args.data, args.count)
    store = Store(args.data / DB_NAME)
    files = [Path(row[0]) for row in store.db.execute("SELECT file FROM laws ORDER BY id LIMIT ?", (REIMPORT,))]
    laws, articles = store.counts()["laws"], store.counts()["articles"]
    store.close()
    times = server_times(args.data, asked, ids)
    load = load_test(args.data, asked, ids, args.clients, args.seconds, [f for f in files if f.exists()],
                     args.lead)
    rows = [f"| search page, server time | {len(times['search'])} | {percentile(times['search'], .5):.1f} ms | "
            f"{percentile(times['search'], .95):.1f} ms | ≤ 30 ms |",
            f"| article page, server time | {len(times['article'])} | {percentile(times['article'], .5):.1f} ms | "
            f"{percentile(times['article'], .95):.1f} ms | ≤ 30 ms |",
            f"| loopback load, {args.clients} clients × {args.seconds} s, during re-import | {len(load['latencies'])} | "
            f"{percentile(load['latencies'], .5):.1f} ms | {percentile(load['latencies'], .95):.1f} ms | ≤ 200 ms, 0 errors |"]
    text = "\n".join([
        "# Web application (bench/bench_web.py)", "",
        f"{datetime.now():%Y-%m-%d %H:%M}, {platform.node()}, {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}; corpus {laws} law versions, {articles} articles.", "",
        "| measure | requests | p50 | p95 | target |", "| --- | --- | --- | --- | --- |", *rows, "",
        f"Load test: {len(load['errors'])} errors, {len(load['latencies']) / args.seconds:.1f} requests/s; "
        f"re-import of {REIMPORT} statute files with index rebuild took {load['reimport_seconds']:.0f} s "
        f"({'succeeded' if load['reimport_ok'] else 'FAILED'}; started {args.lead} s before the clients; "
        f"{_swap_text(load['swapped'], args.seconds)}). "
        "Searches are the first STARD questions; articles a fixed random sample.",
    ] + ([f"First errors: {'; '.join(load['errors'][:3])}"] if load["errors"] else []))
    print(text)
    write_section(args.out, text)


if __name__ == "__main__":
    main()
