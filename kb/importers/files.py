"""Import statute files and folders into the store, one law per transaction, with a summary.

Every file can fail only itself: a name that is not valid UTF-8, an encoding, a size past the
caps (`ImportLimits`), a special file (FIFO, device, a link to one), a format error (named by
line) or a law version another file already holds is reported for that file, and the import goes
on. Reports stream through `report` as they happen, so an interrupted import has told what it saw.
"""

import os
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from kb import textfile, workers
from kb.importers import lawrefbook, plaintext
from kb.importers.errors import ImportFailure, SkipFile
from kb.importers.lines import bad_line, duplicate_labels
from kb.models import Law
from kb.store import DuplicateVersion, Store

SUFFIXES = (".md", ".txt", ".docx")
MB = 1_000_000
PARALLEL_FROM = 32              # files from which an import parses in worker processes
AHEAD = 8                       # parsed laws waiting per worker, at most


@dataclass
class ImportLimits:
    """Size caps per file: text (.md/.txt) as read, and a .docx's uncompressed content, checked
    from the zip directory before anything is inflated."""

    max_text_bytes: int = 20 * MB
    max_docx_bytes: int = 50 * MB      # the XML of 民法典 is a few MB


@dataclass
class ImportSummary:
    """What an import did: counts and, for every file not imported, the reason."""

    imported: list[Law] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def articles(self) -> int:
        """How many articles the imported laws hold."""
        return sum(len(law.articles) for law in self.imported)


# report(kind, path as printable text, reason); kind is "跳过" or "失败".
Report = Callable[[str, str, str], None]


def find_files(paths: list[Path], report: Report | None = None) -> list[tuple[Path, Path | None]]:
    """Expand folders into (file, root folder) pairs for every importable file, sorted, each file
    once; a folder that cannot be read is reported (kind 跳过) and the walk goes on."""
    found, seen = [], set()
    for path in paths:
        if path.is_dir():
            def unreadable(error: OSError) -> None:
                if report:
                    report("跳过", textfile.printable(str(error.filename)),
                           f"无法读取文件夹：{error.strerror or error}")
            files = [Path(folder) / name for folder, _, names in os.walk(path, onerror=unreadable)
                     for name in names if Path(name).suffix.lower() in SUFFIXES]
            pairs = [(file, path) for file in sorted(files)]
        else:
            pairs = [(path, None)]
        for file, root in pairs:
            key = os.path.realpath(file)
            if key not in seen:
                seen.add(key)
                found.append((file, root))
    return found


def parse_file(path: Path, root: Path | None = None, category: str | None = None,
               region: str | None = None, limits: ImportLimits | None = None) -> Law:
    """Parse one statute file of any supported format; raise SkipFile or ImportFailure.

    `category` (效力级别) and `region` replace what the folder or the title suggests.
    """
    limits = limits or ImportLimits()
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise SkipFile(f"不支持的文件类型 {suffix or '（无扩展名）'}，支持 .md .txt .docx")
    _check_name(path)
    text = None
    try:
        size = _check_regular(path)
        if suffix == ".docx":
            _check_docx(path, limits)
            from kb.importers import docx     # python-docx loads only when a .docx is imported
            law = docx.parse(path, category, region)
        else:
            if size > limits.max_text_bytes:
                raise ImportFailure(f"文件过大（{size / MB:.1f} MB，上限 {limits.max_text_bytes / MB:g} MB）："
                                    "不像是一部法规；如确需导入，请用 --max-size 提高上限")
            text = textfile.read_text(path)
            if suffix == ".md":
                law = lawrefbook.parse(textfile.clean(text), path, root)
                law.category, law.region = category or law.category, law.region if region is None else region
            else:
                law = plaintext.parse(text, path, category, region)
    except (SkipFile, ImportFailure):
        raise
    except FileNotFoundError:
        raise ImportFailure("文件不存在") from None
    except UnicodeDecodeError as error:
        raise ImportFailure(f"既不是 UTF-8 也不是 GB18030 编码的文本（第 {error.start} 字节）") from None
    except OSError as error:
        raise ImportFailure(f"无法读取：{error.strerror or error}") from None
    except ValueError as error:
        raise ImportFailure(f"格式错误：{bad_line(text) or ''}{error}") from None
    repeated = duplicate_labels(law.articles)
    if repeated:
        raise ImportFailure(f"条文编号重复：{'、'.join(repeated)}出现不止一次（可能是几部法规合在了一个文件里，"
                            "或条号有误）；请拆分文件或更正条号")
    return law


def _check_name(path: Path) -> None:
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        raise ImportFailure("文件名不是有效的 UTF-8 文字（可能是其他系统拷来的 GBK 文件名）："
                            "请把文件改名后再导入") from None


def _check_regular(path: Path) -> int:
    """Return the file's size; SkipFile for FIFOs, devices and links to them (never opened)."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        kind = ("命名管道（FIFO）" if stat.S_ISFIFO(info.st_mode) else
                "设备文件" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode) else
                "套接字" if stat.S_ISSOCK(info.st_mode) else "特殊文件")
        linked = "（符号链接指向它）" if path.is_symlink() else ""
        raise SkipFile(f"不是普通文件，是{kind}{linked}，已跳过")
    return info.st_size


def _check_docx(path: Path, limits: ImportLimits) -> None:
    """Refuse a .docx whose parts would inflate past the cap, from the zip directory alone."""
    try:
        with zipfile.ZipFile(path) as archive:
            inflated = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError):
        return      # not a zip: docx.parse says it is not a Word file
    if inflated > limits.max_docx_bytes:
        raise ImportFailure(f"Word 文件解压后过大（{inflated / MB:.0f} MB，上限 {limits.max_docx_bytes / MB:g} MB）："
                            "可能是损坏或恶意构造的文件；如确需导入，请用 --max-docx-size 提高上限")


def _parse_job(job: tuple) -> Law | tuple[str, str]:
    """The law of one file (path, root, category, region, limits), or (跳过 or 失败, reason)."""
    try:
        return parse_file(*job)
    except SkipFile as reason:
        return "跳过", str(reason)
    except ImportFailure as reason:
        return "失败", str(reason)
    except (RecursionError, MemoryError) as error:
        return "失败", f"文件结构异常，无法解析（{type(error).__name__}）"


def _parsed(jobs: list[tuple]) -> Iterator[Law | tuple[str, str]]:
    """The outcome of each job in order: parsed by worker processes when there are many files
    and CPUs (parsing is most of an import's time), else here."""
    count = workers.worker_count()
    if count < 2 or len(jobs) < PARALLEL_FROM:
        yield from map(_parse_job, jobs)
        return
    with workers.pool(count) as executor:
        yield from workers.ordered_map(executor, _parse_job, jobs, AHEAD * count)


def import_files(store: Store, paths: list[Path], progress: Callable[[Path], None] | None = None,
                 category: str | None = None, region: str | None = None,
                 limits: ImportLimits | None = None, report: Report | None = None) -> ImportSummary:
    """Import every statute file under `paths`; a bad file is reported and the rest goes on.
    `category` and `region`, when given, apply to every file. Each file not imported is passed
    to `report` as soon as it is known; the summary's counts are what the store now holds of
    these files."""
    summary = ImportSummary()

    def note(kind: str, path: str, reason: str) -> None:
        (summary.skipped if kind == "跳过" else summary.failed).append((path, reason))
        if report:
            report(kind, path, reason)

    found = find_files(paths, note)
    jobs = [(path, root, category, region, limits) for path, root in found]
    for (path, _), law in zip(found, _parsed(jobs)):
        if progress:
            progress(path)
        shown = textfile.printable(str(path))
        if isinstance(law, tuple):
            kind, reason = law
            note(kind, shown, reason)
            continue
        try:
            summary.imported.append(store.put_law(law, replaces=lambda file: not Path(file).exists()))
        except DuplicateVersion as other:
            note("失败", shown, f"与 {other.file} 是同一法规的同一版本（名称和版本日期相同），未导入，"
                               "以免一个文件替换另一个：若两者相同请删除其一，否则请在文件名中写明版本日期，"
                               "如“名称(2021-06-10).md”")
    return summary
