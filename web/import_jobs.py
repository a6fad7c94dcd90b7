"""Imports started from the web page run in a child process at lower CPU priority (so the
searches of the server processes keep their cores), one file after another, with a result per
file, and end with the index rebuild (built beside the live index, then swapped in, so searches
running meanwhile are not interrupted). The child holds the data-directory lock like `fazhi import`.

A job's state is a JSON file in the data directory (web/imports/<id>.json), written by the child
after each step and read by whichever server process the progress page polls; it survives a
restart of the server."""

import json
import os
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from fazhi.composition import build_index
from fazhi.settings import DB_NAME
from kb.cases.importer import import_cases
from kb.errors import KnowledgeError
from kb.importers.files import import_files
from kb.lock import data_lock
from kb.quiz.refresh import refresh as refresh_bank
from kb.quiz.store import QuizStore
from kb.standards.importer import import_standard
from kb.store import Store
from web import audit
from web import db as webdb

STATUTES, STANDARDS, CASES, SAMPLES = "法规", "裁量基准", "案例", "示例内容"
KINDS = (STATUTES, STANDARDS, CASES)
OK, SKIPPED, FAILED, WAITING = "已导入", "跳过", "失败", "等待"
LOCK_WAIT = 600.0                # seconds a job waits for another import (web or command line) to end
NICENESS = 10                    # how much lower than the server the child runs (POSIX)
KEEP_DAYS = 30                   # job files older than this are removed when a new job starts


@dataclass
class FileResult:
    """What happened to one file."""

    name: str
    status: str = WAITING
    message: str = ""


@dataclass
class Job:
    """One import run: what to import (kind, stored paths) and how far it got."""

    kind: str
    user: str
    address: str = ""
    paths: list[str] = field(default_factory=list)
    files: list[FileResult] = field(default_factory=list)
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    phase: str = "等待开始"
    finished: bool = False
    summary: str = ""
    pid: int = 0                     # the child process running the job, once it started

    def state(self) -> dict:
        """What the progress page shows, as JSON."""
        done = sum(1 for f in self.files if f.status != WAITING)
        return {"id": self.id, "kind": self.kind, "phase": self.phase, "finished": self.finished,
                "done": done, "total": len(self.files), "summary": self.summary,
                "files": [vars(f) for f in self.files]}


def jobs_folder(data: Path) -> Path:
    """Where the job files of a data directory are kept."""
    return Path(data) / "web" / "imports"


def save(data: Path, job: Job) -> None:
    """Write the job's file in one step (readers see the old or the new state, never half)."""
    path = jobs_folder(data) / f"{job.id}.json"
    temporary = path.with_name(f"{job.id}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(asdict(job), ensure_ascii=False), encoding="utf-8")
    for attempt in range(50):
        try:
            os.replace(temporary, path)
            return
        except PermissionError:      # Windows: a server process is reading the file this moment
            time.sleep(0.02 * (attempt + 1))
    os.replace(temporary, path)


def get(data: Path, job_id: str) -> Job | None:
    """The job of that id, whichever server process started it; None for an unknown id."""
    if not (len(job_id) == 32 and all(c in "0123456789abcdef" for c in job_id)):
        return None
    try:
        raw = json.loads((jobs_folder(data) / f"{job_id}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    raw["files"] = [FileResult(**f) for f in raw["files"]]
    return Job(**raw)


def start(data: Path, kind: str, paths: list[tuple[str, Path]], user: str, address: str = "") -> Job:
    """Start importing `paths` ((shown name, stored path) pairs) of `kind` in a child process."""
    files = [FileResult(name) for name, _ in paths] if kind != SAMPLES else [FileResult(SAMPLES)]
    job = Job(kind, user, address, [str(p) for _, p in paths], files)
    jobs_folder(data).mkdir(parents=True, exist_ok=True)
    _prune(data)
    save(data, job)
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [str(Path(__file__).resolve().parents[1])] + ([os.environ["PYTHONPATH"]] if os.environ.get("PYTHONPATH") else [])))
    child = subprocess.Popen([sys.executable, "-m", "web.import_child", str(data), job.id], env=environment,
                             stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             creationflags=getattr(subprocess, "BELOW_NORMAL_PRIORITY_CLASS", 0))
    threading.Thread(target=_watch, args=(data, job.id, child), daemon=True).start()
    return job


def _watch(data: Path, job_id: str, child: subprocess.Popen) -> None:
    """Wait for the child; if it ended without finishing its job (killed, crashed), say so."""
    error = child.communicate()[1].decode("utf-8", "replace").strip()
    job = get(data, job_id)
    if job is not None and not job.finished:
        last = error.splitlines()[-1] if error else ""
        job.phase, job.finished = "中止", True
        job.summary = f"导入中止：导入进程意外退出（退出码 {child.returncode}）" + (f"：{last}" if last else "。")
        save(data, job)


def _prune(data: Path) -> None:
    cutoff = time.time() - KEEP_DAYS * 86400
    for old in jobs_folder(data).glob("*.json"):
        if old.stat().st_mtime < cutoff:
            old.unlink(missing_ok=True)


def lower_priority() -> None:
    """Run this process below the server processes (POSIX nice; Windows sets it at creation)."""
    if hasattr(os, "nice"):
        os.nice(NICENESS)


def run(data: Path, job: Job) -> None:
    """Run the job in this process (the child), saving its state after each step."""
    job.pid = os.getpid()
    save(data, job)
    store = Store(data / DB_NAME)
    try:
        with data_lock(data, LOCK_WAIT):      # the same lock as `fazhi import`
            job.phase = "正在导入"
            save(data, job)
            _import(job, store, [Path(p) for p in job.paths], lambda: save(data, job))
            retired = refresh_bank(store, QuizStore(store)).retired if job.kind in (STATUTES, SAMPLES) else []
            job.phase = "正在重建索引"
            save(data, job)
            figures = build_index(store, data)
        imported = sum(1 for f in job.files if f.status == OK)
        job.summary = (f"导入 {imported} 个，跳过 {_count(job, SKIPPED)} 个，失败 {_count(job, FAILED)} 个；"
                       f"索引已更新：{figures['documents']} 个检索单元，用时 {figures['seconds']:.1f} 秒。"
                       + (f"题库中 {len(retired)} 道题的出处条文已修改或删除，已停用待重新审核。" if retired else ""))
        job.phase = "完成"
    except BaseException as error:      # the page must learn that the run stopped, and why
        job.phase = "中止"
        job.summary = f"导入中止：{error or type(error).__name__}"
        if not isinstance(error, Exception):
            raise
    finally:
        store.close()
        job.finished = True
        save(data, job)
        _audit(data, job)


def _audit(data: Path, job: Job) -> None:
    db = webdb.connect(data)
    try:
        audit.log(db, job.user, job.address, "导入完成", f"{job.kind}：{job.summary}")
    finally:
        db.close()


def _import(job: Job, store: Store, paths: list[Path], saved) -> None:
    if job.kind == SAMPLES:
        from kb.samples import load_samples
        summary = load_samples(store)
        job.files[0].status = OK
        job.files[0].message = (f"法规 {len(summary.statutes.imported)} 部，裁量基准 {len(summary.standards)} 个，"
                                f"案例 {len(summary.cases)} 个")
        return
    for result, path in zip(job.files, paths):
        try:
            result.status, result.message = _one(job.kind, store, path)
        except KnowledgeError as error:
            result.status, result.message = FAILED, str(error).replace(str(path), result.name)
        saved()


def _one(kind: str, store: Store, path: Path) -> tuple[str, str]:
    if kind == STATUTES:
        summary = import_files(store, [path])
        if summary.imported:
            law = summary.imported[0]
            return OK, f"{law.display_title}（{law.version_text}，{law.status}），{len(law.articles)} 条"
        reasons = summary.skipped or summary.failed
        return (SKIPPED if summary.skipped else FAILED), (reasons[0][1] if reasons else "没有可导入的内容")
    if kind == STANDARDS:
        standard = import_standard(store, path)
        return OK, f"{standard.display_title}，{len(standard.items)} 个事项"
    cases = import_cases(store, [path])
    return OK, "、".join(c.code for c in cases) or "文件中没有案例"


def _count(job: Job, status: str) -> int:
    return sum(1 for f in job.files if f.status == status)
