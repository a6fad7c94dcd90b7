"""A web import runs in a child process at lower priority, waits for the data-directory lock like
`fazhi import`, keeps its progress on disk for whichever server process the page polls, and the
search and article pages (kept rendered until the data changes) show the re-imported text at once."""

import io
import re
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from fazhi.cli import main
from kb.lock import data_lock
from web import db as webdb
from web import audit, import_jobs, users
from web.app import create_app

REPO = Path(__file__).resolve().parents[2]
SAFETY_LAW = REPO / "kb" / "samples" / "statutes" / "社会法" / "安全生产法(2021-06-10).md"
MARK = "测试改动标记"          # put into 第九十七条 of a copy of the sample, in the test's own data directory


def _client(data: Path):
    client = create_app(data, WTF_CSRF_ENABLED=False).test_client()
    assert client.post("/login", data={"name": "赵审核", "password": "reviewer-pass-1"}).status_code == 302
    return client


def _article_97(client) -> str:
    found = client.get("/search?q=安全生产法第九十七条").get_data(as_text=True)
    link = re.search(r'href="(/article/\d+)"', found).group(1)
    return client.get(link, follow_redirects=True).get_data(as_text=True)


def _found(client, query: str) -> str:
    """The text of the first hit of a search, without the marks of matched words ('' when none)."""
    page = client.get(f"/search?q={query}").get_data(as_text=True)
    hit = re.search(r'<li class="hit.*?</li>', page, re.S)
    return re.sub(r"<[^>]+>", "", hit.group(0)) if hit else ""


def test_web_import_in_child_process(tmp_path):
    data, statutes = tmp_path / "data", tmp_path / "statutes"
    shutil.copytree(SAFETY_LAW.parents[1], statutes)
    assert CliRunner().invoke(main, ["--data", str(data), "import", str(statutes)]).exit_code == 0
    (statutes / SAFETY_LAW.parent.name / SAFETY_LAW.name).unlink()      # the file the law came from is gone
    db = webdb.connect(data)
    users.add_user(db, "赵审核", users.REVIEWER, "reviewer-pass-1")
    db.close()
    client = _client(data)
    assert MARK not in _article_97(client)
    assert MARK not in _found(client, MARK)
    changed = SAFETY_LAW.read_text(encoding="utf-8").replace("第九十七条 生产经营单位有下列行为之一的",
                                                             f"第九十七条 生产经营单位有下列行为之一的（{MARK}）", 1)
    assert MARK in changed

    with data_lock(data, 0):                    # as if `fazhi import` were running
        started = client.post("/import", data={"kind": "法规", "files": (io.BytesIO(changed.encode()), SAFETY_LAW.name)},
                              content_type="multipart/form-data")
        assert started.status_code == 200
        job_id = re.search(r"/import/([0-9a-f]{32})/state", started.get_data(as_text=True)).group(1)
        for _ in range(200):
            job = import_jobs.get(data, job_id)
            if job.pid:
                break
            time.sleep(0.05)
        assert job.pid and job.phase == "等待开始" and not job.finished
        if Path(f"/proc/{job.pid}/stat").exists():
            niceness = int(Path(f"/proc/{job.pid}/stat").read_text().rsplit(")", 1)[1].split()[16])
            assert niceness >= import_jobs.NICENESS
    other = _client(data)                       # another server process's view: the job file on disk
    for _ in range(300):
        state = other.get(f"/import/{job_id}/state").get_json()
        if state["finished"]:
            break
        time.sleep(0.1)
    assert state["phase"] == "完成", state
    assert state["files"][0]["status"] == "已导入", state
    assert "安全生产法" in state["files"][0]["message"]
    progress = other.get(f"/import/{job_id}").get_data(as_text=True)
    assert SAFETY_LAW.name in progress and "已导入" in progress

    assert MARK in _article_97(client)          # the same app: its rendered pages were dropped
    assert MARK in _found(client, MARK)
    db = webdb.connect(data)
    assert any(entry.action == "导入完成" and entry.user == "赵审核" for entry in audit.recent(db))
    db.close()


@pytest.mark.parametrize("job_id", ["../../web-secret", "0" * 31, "g" * 32])
def test_unknown_job_ids(tmp_path, job_id):
    assert import_jobs.get(tmp_path, job_id) is None
