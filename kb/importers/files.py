"""Import statute files and folders into the store, one law per transaction, with a summary."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from kb.importers import docx, lawrefbook, plaintext
from kb.importers.errors import ImportFailure, SkipFile
from kb.models import Law
from kb.store import Store

SUFFIXES = (".md", ".txt", ".docx")


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


def find_files(paths: list[Path]) -> list[tuple[Path, Path | None]]:
    """Expand folders into (file, root folder) pairs for every importable file, sorted."""
    found = []
    for path in paths:
        if path.is_dir():
            found += [(p, path) for p in sorted(path.rglob("*")) if p.suffix.lower() in SUFFIXES]
        else:
            found.append((path, None))
    return found


def parse_file(path: Path, root: Path | None = None, category: str | None = None,
               region: str | None = None) -> Law:
    """Parse one statute file of any supported format; raise SkipFile or ImportFailure.

    `category` (效力级别) and `region` replace what the folder or the title suggests.
    """
    suffix = path.suffix.lower()
    try:
        if suffix == ".md":
            law = lawrefbook.parse(path.read_text(encoding="utf-8-sig"), path, root)
            law.category, law.region = category or law.category, law.region if region is None else region
            return law
        if suffix == ".txt":
            return plaintext.parse(_read_text(path), path, category, region)
        if suffix == ".docx":
            return docx.parse(path, category, region)
    except (SkipFile, ImportFailure):
        raise
    except FileNotFoundError:
        raise ImportFailure("文件不存在") from None
    except UnicodeDecodeError as error:
        raise ImportFailure(f"既不是 UTF-8 也不是 GB18030 编码的文本（第 {error.start} 字节）") from None
    except OSError as error:
        raise ImportFailure(f"无法读取：{error.strerror or error}") from None
    except ValueError as error:
        raise ImportFailure(f"格式错误：{error}") from None
    raise SkipFile(f"不支持的文件类型 {suffix or '（无扩展名）'}，支持 .md .txt .docx")


def _read_text(path: Path) -> str:
    """Read a text file saved as UTF-8 or, as Windows Notepad does, as GBK/GB18030."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def import_files(store: Store, paths: list[Path], progress: Callable[[Path], None] | None = None,
                 category: str | None = None, region: str | None = None) -> ImportSummary:
    """Import every statute file under `paths`; a bad file is reported and the rest goes on.
    `category` and `region`, when given, apply to every file."""
    summary = ImportSummary()
    for path, root in find_files(paths):
        if progress:
            progress(path)
        try:
            law = parse_file(path, root, category, region)
        except SkipFile as reason:
            summary.skipped.append((str(path), str(reason)))
            continue
        except ImportFailure as reason:
            summary.failed.append((str(path), str(reason)))
            continue
        summary.imported.append(store.put_law(law))
    return summary
