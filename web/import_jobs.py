"""Imports started from the web page run in a background thread, one file after another, with a
result per file, and end with the index rebuild (built beside the live index, then swapped in, so
searches running meanwhile are not interrupted). The page polls `Job.state()`."""

import threading
import uuid
from dataclasses import dataclass, field
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

STATUTES, STANDARDS, CASES, SAMPLES = "法规", "裁量基准", "案例", "示例内容"
KINDS = (STATUTES, STANDARDS, CASES)
OK, SKIPPED, FAILED, WAITING = "已导入", "跳过", "失败", "等待"


@dataclass
class FileResult:
    """What happened to one file."""

    name: str
    status: str = WAITING
    message: str = ""


@dataclass
class Job:
    """One import run."""

    kind: str
    user: str
    files: list[FileResult] = field(default_factory=list)
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    phase: str = "等待开始"
    finished: bool = False
    summary: str = ""

    def state(self) -> dict:
        """What the progress page shows, as JSON."""
        done = sum(1 for f in self.files if f.status != WAITING)
        return {"id": self.id, "kind": self.kind, "phase": self.phase, "finished": self.finished,
                "done": done, "total": len(self.files), "summary": self.summary,
                "files": [vars(f) for f in self.files]}


_JOBS: dict[str, Job] = {}
_RUNNING = threading.Lock()      # one import at a time: each law is one transaction, the index one swap
LOCK_WAIT = 60.0                 # seconds to wait for an import started from the command line


def get(job_id: str) -> Job | None:
    """The job of that id, if this process started it."""
    return _JOBS.get(job_id)


def start(data: Path, kind: str, paths: list[tuple[str, Path]], user: str, on_done=None) -> Job:
    """Start importing `paths` ((shown name, stored path) pairs) of `kind` in the background."""
    job = Job(kind, user, [FileResult(name) for name, _ in paths] if kind != SAMPLES else [FileResult(SAMPLES)])
    _JOBS[job.id] = job
    thread = threading.Thread(target=_run, args=(job, data, [p for _, p in paths], on_done), daemon=True)
    thread.start()
    return job


def _run(job: Job, data: Path, paths: list[Path], on_done) -> None:
    with _RUNNING:
        store = Store(data / DB_NAME)
        try:
            with data_lock(data, LOCK_WAIT):      # the same lock as `fazhi import`
                job.phase = "正在导入"
                _import(job, store, paths)
                retired = refresh_bank(store, QuizStore(store)).retired if job.kind in (STATUTES, SAMPLES) else []
                job.phase = "正在重建索引"
                figures = build_index(store, data)
            imported = sum(1 for f in job.files if f.status == OK)
            job.summary = (f"导入 {imported} 个，跳过 {_count(job, SKIPPED)} 个，失败 {_count(job, FAILED)} 个；"
                           f"索引已更新：{figures['documents']} 个检索单元，用时 {figures['seconds']:.1f} 秒。"
                           + (f"题库中 {len(retired)} 道题的出处条文已修改或删除，已停用待重新审核。" if retired else ""))
            job.phase = "完成"
        except Exception as error:      # the page must learn that the run stopped, and why
            job.phase = "中止"
            job.summary = f"导入中止：{error}"
        finally:
            store.close()
            job.finished = True
            if on_done:
                on_done(job)


def _import(job: Job, store: Store, paths: list[Path]) -> None:
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
