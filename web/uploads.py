"""Checks on every uploaded file before anything reads it: size, type by content (not by name),
.docx/.xlsx zip-bomb and member-path checks, and a safe stored name. A rejected upload says why."""

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

DOCX, XLSX, PDF, PNG, JPEG, TEXT = "Word 文档", "Excel 表格", "PDF", "PNG 图片", "JPEG 图片", "文本"
SUFFIXES = {DOCX: ".docx", XLSX: ".xlsx", PDF: ".pdf", PNG: ".png", JPEG: ".jpg"}
TEXT_SUFFIXES = (".md", ".txt", ".yaml", ".yml", ".json")
MAX_MEMBERS = 2000
MAX_UNPACKED = 100 * 1024 * 1024     # bytes a .docx/.xlsx may unpack to
MAX_RATIO = 200                      # compression ratio above which a large member is a zip bomb
CHUNK = 1024 * 1024
UNSAFE_NAME = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')


class UploadRejected(ValueError):
    """An upload that is not accepted; the message names the file and the reason."""


@dataclass
class Upload:
    """An accepted upload: its cleaned name, what it is by content, and its bytes."""

    name: str
    kind: str
    data: bytes

    @property
    def stored_name(self) -> str:
        """The name to store it under: the cleaned stem with the suffix its content calls for."""
        stem, suffix = Path(self.name).stem, Path(self.name).suffix.lower()
        if self.kind == TEXT:
            return self.name if suffix in TEXT_SUFFIXES else f"{stem}.txt"
        return f"{stem}{SUFFIXES[self.kind]}"


def clean_name(name: str) -> str:
    """The base name of an uploaded file without path parts or characters unsafe in file names."""
    base = re.split(r"[/\\]", name or "")[-1]
    base = UNSAFE_NAME.sub("_", base).strip(" .")
    return base[:120] or "未命名文件"


def sniff(data: bytes) -> str | None:
    """What the bytes are: DOCX, XLSX, PDF, PNG, JPEG or TEXT; None for anything else.
    Zip archives are opened and checked (see `check_zip`)."""
    if data.startswith(b"PK\x03\x04"):
        return check_zip(data)
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if b"\x00" in data[:65536]:
        return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            data.decode(encoding)
            return TEXT
        except UnicodeDecodeError:
            continue
    return None


def check_zip(data: bytes) -> str:
    """DOCX or XLSX for a safe Office file; raise UploadRejected for a damaged archive, a member
    path that leaves the archive, too many members, or a zip bomb (unpacks past MAX_UNPACKED)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise UploadRejected("压缩结构损坏，无法打开") from None
    if len(members) > MAX_MEMBERS:
        raise UploadRejected(f"包含 {len(members)} 个部件，超过 {MAX_MEMBERS} 个的上限")
    names = set()
    for member in members:
        name = member.filename
        if name.startswith(("/", "\\")) or ".." in re.split(r"[/\\]", name) or re.match(r"^[A-Za-z]:", name):
            raise UploadRejected(f"含有指向压缩包之外的路径“{name}”，已拒收")
        if member.file_size > CHUNK and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise UploadRejected(f"部件“{name}”压缩比异常（{member.file_size // max(member.compress_size, 1)} 倍），"
                                 "疑为压缩炸弹，已拒收")
        names.add(name)
    unpacked = 0
    for member in members:
        try:
            with archive.open(member) as stream:
                while chunk := stream.read(CHUNK):
                    unpacked += len(chunk)
                    if unpacked > MAX_UNPACKED:
                        raise UploadRejected(f"解压后超过 {MAX_UNPACKED // CHUNK} MB，疑为压缩炸弹，已拒收")
        except (zipfile.BadZipFile, OSError, RuntimeError, EOFError):
            raise UploadRejected(f"部件“{member.filename}”损坏，无法解压") from None
    if "[Content_Types].xml" in names and "word/document.xml" in names:
        return DOCX
    if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
        return XLSX
    raise UploadRejected("是压缩包，但不是 Word（.docx）或 Excel（.xlsx）文件")


def accept(storage, allowed: tuple[str, ...]) -> Upload:
    """Read and check one uploaded file (a werkzeug FileStorage); raise UploadRejected naming
    the file when it is empty, of a type not in `allowed`, or unsafe."""
    name = clean_name(storage.filename or "")
    data = storage.read()
    if not data:
        raise UploadRejected(f"“{name}”：文件为空")
    try:
        kind = sniff(data)
    except UploadRejected as error:
        raise UploadRejected(f"“{name}”：{error}") from None
    if kind is None:
        raise UploadRejected(f"“{name}”：无法识别的文件内容（不是{'、'.join(allowed)}）")
    if kind not in allowed:
        raise UploadRejected(f"“{name}”：内容是{kind}，此处只接受{'、'.join(allowed)}")
    claimed = Path(name).suffix.lower()
    expected = TEXT_SUFFIXES if kind == TEXT else (SUFFIXES[kind], ".jpeg" if kind == JPEG else SUFFIXES[kind])
    if claimed and claimed not in expected and (kind != TEXT or claimed in SUFFIXES.values()):
        raise UploadRejected(f"“{name}”：扩展名为 {claimed}，但内容是{kind}")
    return Upload(name, kind, data)


def save(upload: Upload, directory: Path) -> Path:
    """Write an accepted upload into `directory` under its stored name (numbered if taken)."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / upload.stored_name
    number = 1
    while target.exists():
        number += 1
        target = directory / f"{Path(upload.stored_name).stem}-{number}{Path(upload.stored_name).suffix}"
    target.write_bytes(upload.data)
    return target
