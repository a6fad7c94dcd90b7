"""One clear Chinese sentence for each fault of the data directory or of the command line's
input, instead of a traceback: read-only, disk full, damaged or foreign store, busy, bad bytes."""

import errno
import sqlite3

from kb.errors import StoreError
from kb.lock import Busy

FULL = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT)
READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)
FULL_TEXT = ("database or disk is full", "disk i/o error", "no space left", "file too large")
DATA_FILES = ("fazhi.sqlite", "write.lock", "index.current", "/index-")   # what lives in a data directory


def describe(error: BaseException) -> str | None:
    """The sentence for a known fault, or None for an error that is a bug (keep its traceback)."""
    if isinstance(error, (StoreError, Busy)):
        return str(error)
    text = str(error).lower()
    if isinstance(error, OSError) and error.errno in FULL or any(words in text for words in FULL_TEXT):
        return ("磁盘已满（或超出了文件大小限制），写入没有完成：已保存的法规完整无损，未写完的那部法规和"
                "新索引都没有保存；请在数据目录所在的磁盘上释放空间（导入全部法规约需 300 MB）后重新运行同一命令")
    if _in_data_directory(error) and error.errno in READ_ONLY or "readonly database" in text:
        return ("数据目录是只读的，无法保存：检索和查看仍可使用；导入、学习和保存需要可写的数据目录"
                "（--data 或环境变量 FAZHI_DATA 指定另一个目录）")
    if isinstance(error, sqlite3.OperationalError) and "locked" in text:
        return "知识库正被另一个 fazhi 进程长时间占用（写入等待超时）：请等它结束后重试"
    if isinstance(error, sqlite3.DatabaseError):
        return f"知识库文件已损坏，无法读写（{error}）：请从备份恢复 fazhi.sqlite，或换一个数据目录后重新导入"
    if isinstance(error, UnicodeError):
        return "输入中有不是 UTF-8 编码的文字（文件名或参数）：请检查终端和文件的编码设置"
    return None


def _in_data_directory(error: BaseException) -> bool:
    """Whether an OSError concerns a file of the data directory (not an output file elsewhere)."""
    name = str(getattr(error, "filename", "") or "")
    return isinstance(error, OSError) and any(part in name for part in DATA_FILES)
