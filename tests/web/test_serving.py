"""`fazhi serve --workers 2` as a user starts it: one socket served by two worker processes,
login throttling that holds whichever worker answers, a worker that dies reported and replaced,
and SIGTERM stopping them all."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from web import db as webdb
from web import users

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads worker PIDs from /proc (Linux)")
REPO = Path(__file__).resolve().parents[2]
PASSWORD = "worker-test-pass-1"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _children(pid: int) -> set[int]:
    """The PIDs of the live child processes of `pid` (from /proc/*/stat)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def _get(url: str, data: dict | None = None, cookie: str = "") -> tuple[int, str, str]:
    """(status, body, Set-Cookie) of one request on a fresh connection."""
    request = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode() if data else None,
                                     headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode(), response.headers.get("Set-Cookie", "")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), error.headers.get("Set-Cookie", "")


def _login(base: str, password: str) -> int:
    """Status of one login attempt of 王查阅 with its own fresh session and CSRF token."""
    _, page, cookie = _get(f"{base}/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    status, _, _ = _get(f"{base}/login", {"name": "王查阅", "password": password, "csrf_token": token},
                        cookie.split(";")[0])
    return status


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(process, base URL, output file) of `fazhi serve --workers 2` over a data directory with one account."""
    data = tmp_path_factory.mktemp("workers")
    db = webdb.connect(data)
    users.add_user(db, "王查阅", users.READER, PASSWORD)
    db.close()
    port = _free_port()
    output = data / "serve.log"
    with output.open("wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "fazhi.cli", "--data", str(data), "serve", "--port", str(port),
                                    "--workers", "2", "--threads", "2"], stdout=log, stderr=subprocess.STDOUT, cwd=REPO)
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        if len(_children(process.pid)) == 2 and "已启动 2 个工作进程" in output.read_text(encoding="utf-8"):
            try:
                if _get(f"{base}/login")[0] == 200:
                    break
            except OSError:
                pass
        time.sleep(0.1)
    else:
        process.kill()
        pytest.fail(output.read_text(encoding="utf-8"))
    yield process, base, output
    if process.poll() is None:
        process.kill()


def test_throttling_holds_across_workers(served):
    """Failures counted by one worker slow the next attempt that another worker answers."""
    process, base, _ = served
    first, second = sorted(_children(process.pid))
    os.kill(first, signal.SIGSTOP)              # only the second worker accepts connections now
    try:
        statuses = [_login(base, "wrong-password") for _ in range(users.FREE_FAILURES)]
    finally:
        os.kill(first, signal.SIGCONT)
    assert statuses == [401] * users.FREE_FAILURES
    os.kill(second, signal.SIGSTOP)             # and now only the first, which saw none of them
    try:
        assert _login(base, PASSWORD) == 429
    finally:
        os.kill(second, signal.SIGCONT)


def test_dead_worker_is_reported_and_replaced_and_sigterm_stops_all(served):
    process, base, output = served
    time.sleep(2.5)                              # older than RESTART_GRACE: the worker is replaced
    workers = _children(process.pid)
    victim = min(workers)
    os.kill(victim, signal.SIGKILL)
    for _ in range(100):
        replaced = _children(process.pid)
        if len(replaced) == 2 and victim not in replaced:
            break
        time.sleep(0.1)
    assert len(replaced) == 2 and victim not in replaced
    assert f"工作进程 {victim} 意外退出（退出码 -9）" in output.read_text(encoding="utf-8")
    assert _get(f"{base}/login")[0] == 200
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 0
    assert not any(Path(f"/proc/{pid}").exists() for pid in replaced)
    text = output.read_text(encoding="utf-8")
    assert "法治知识库已启动：http://127.0.0.1:" in text and "用 fazhi user add 创建的账号登录" in text
    assert text.endswith("服务已停止。\n")
