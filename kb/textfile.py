"""Text as people's files hold it: UTF-8 or, as Windows Notepad saves it, GBK/GB18030; and
text cleaned of what must never be stored or printed (control characters, terminal escapes)."""

import re
from pathlib import Path

# Terminal escape sequences (CSI, OSC, other ESC x), C0/C1 controls except tab and newline,
# and the bidirectional overrides that make printed text read differently from what it holds.
ESCAPES_RE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
CONTROLS_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def decode(data: bytes) -> str:
    """Decode bytes saved as UTF-8 (with or without BOM) or GB18030; raise UnicodeDecodeError."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def read_text(path: Path) -> str:
    """Read a text file saved as UTF-8 or GB18030."""
    return decode(Path(path).read_bytes())


def clean(text: str) -> str:
    """Remove terminal escape sequences and control characters (tabs and line breaks stay)."""
    return CONTROLS_RE.sub("", ESCAPES_RE.sub("", text.replace("\r\n", "\n")))


def printable(text: str) -> str:
    """A string (e.g. a file name that is not valid UTF-8) in a form that can always be printed:
    undecodable bytes become �, controls are removed."""
    return clean(text.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
