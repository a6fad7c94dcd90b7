"""What a searcher computes from every law when it opens (the names laws are cited by, the routing
table of law subjects), kept in a small file in the live index directory so that the next process
over the same laws reads it instead: a command line search opens in a fraction of the time.

The file is used only when its stamp matches: a digest of the laws' ids, titles, parts, levels
and status, of the code that computes the tables (search/names.py, search/intent.py) and of the
OpenCC version. A directory that cannot be written (a read-only data directory) just computes
the tables each time.
"""

import hashlib
import json
import os
import tempfile
from pathlib import Path

import opencc

from search import intent, names

CACHE_FILE = "law_tables.json"
CODE = (Path(names.__file__), Path(intent.__file__))


def law_tables(directory: Path, laws) -> tuple[dict[str, str], dict[str, list[str]]]:
    """(law name → key, law subject → keys) of `laws`, from the cache file of `directory` when it
    was made from the same laws and code, else computed (and the cache file written)."""
    laws = list(laws)
    stamp = _stamp(laws)
    path = directory / CACHE_FILE
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
        if cached["stamp"] == stamp:
            return cached["names"], cached["routes"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    tables = names.law_names(laws), intent.routes(laws)
    _write(path, {"stamp": stamp, "names": tables[0], "routes": tables[1]})
    return tables


def _stamp(laws) -> str:
    digest = hashlib.sha1(f"opencc {opencc.__version__}".encode())
    for path in CODE:
        digest.update(path.read_bytes())
    for law in laws:
        digest.update(f"{law.id}\t{law.key}\t{law.title}\t{law.part}\t{law.category}\t{law.status}\n".encode())
    return digest.hexdigest()


def _write(path: Path, data: dict) -> None:
    """Write atomically (another process may read it meanwhile); a failure only costs the cache."""
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".law_tables-")
    except OSError:
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
