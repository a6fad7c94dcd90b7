"""The one text pipeline used at index time and at query time.

normalize (traditional → simplified with OpenCC, full-width → half-width, lower case)
→ jieba in search mode (jieba-rs through rjieba, the same dictionary and the same tokens as the
Python jieba, several times faster) with our legal user dictionary → drop punctuation and stop
words. Digits stay tokens, so 第5条 keeps its 5.

A short-lived process (one command-line search) may segment with the index's word table instead
(`use_word_table`, search.word_table): the same tokens without loading the whole dictionary.
"""

import hashlib
import os
import re
import sqlite3
import unicodedata
from functools import lru_cache
from pathlib import Path

import opencc

from search.word_table import LightTokenizer, write as write_word_table

LEXICON = Path(__file__).parent / "lexicon"
USER_DICT = LEXICON / "legal_dict.txt"
STOP_WORDS_FILE = LEXICON / "stopwords.txt"
WORD_TABLE_PREFIX = "words-"
_light: dict[int, LightTokenizer] = {}    # process id → its tokenizer (use_word_table)
TOKEN_RE = re.compile(r"[\w\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _full_tokenizer():
    """rjieba's process-wide tokenizer (jieba's default dictionary, loaded once at import) with
    lexicon/legal_dict.txt added (jieba's user-dictionary format: word, optional frequency,
    optional part of speech); also returns the frequency rjieba gave each added word."""
    import rjieba

    added = {}
    for line in USER_DICT.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and not parts[0].startswith("#"):
            frequency = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
            added[parts[0]] = rjieba.add_word(parts[0], frequency, parts[2] if len(parts) > 2 else None)
    return rjieba, added


def _tokenizer():
    """The word table's tokenizer if this process chose it and has not loaded the full one since
    (an index build does), else the full tokenizer."""
    light = _light.get(os.getpid())
    return light if light and not _full_tokenizer.cache_info().currsize else _full_tokenizer()[0]


def use_word_table(path: Path) -> None:
    """Segment with the word table at `path` from now on in this process (search.word_table),
    unless the full dictionary is already loaded or the table cannot be read."""
    if not _full_tokenizer.cache_info().currsize and os.getpid() not in _light:
        try:
            _light[os.getpid()] = LightTokenizer(path)
        except (sqlite3.Error, KeyError):     # damaged table: the full dictionary still gives the tokens
            pass


def word_table(data: Path) -> Path:
    """The word table of the current tokens fingerprint in the data directory, written if missing
    (from jieba's dictionary file, which is rjieba's dictionary, and the legal user dictionary);
    tables of other fingerprints are removed."""
    path = data / f"{WORD_TABLE_PREFIX}{fingerprint()[:16]}.sqlite"
    if not path.exists():
        write_word_table(path, dictionary())
        for stale in data.glob(f"{WORD_TABLE_PREFIX}*.sqlite"):
            if stale != path:
                try:
                    stale.unlink(missing_ok=True)
                except OSError:         # still open in a running search (Windows): removed next time
                    pass
    return path


def dictionary() -> dict[str, int]:
    """Every word of the full tokenizer with its frequency."""
    from importlib.util import find_spec

    words = {}
    with (Path(find_spec("jieba").origin).parent / "dict.txt").open(encoding="utf-8") as lines:
        for line in lines:
            word, freq = line.split()[:2]
            words[word] = int(freq)
    return words | _full_tokenizer()[1]


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The stop words dropped at index and query time (one per line in lexicon/stopwords.txt)."""
    lines = STOP_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def normalize(text: str) -> str:
    """Return text in simplified characters, half-width forms and lower case."""
    return unicodedata.normalize("NFKC", _converter().convert(text)).lower()


def tokens(text: str) -> list[str]:
    """Segment text into index/query tokens (search mode: words and their sub-words)."""
    stops = stop_words()
    return [t for t in _tokenizer().cut_for_search(normalize(text), False)
            if TOKEN_RE.match(t) and t not in stops and not t.isspace()]


def words(text: str) -> list[str]:
    """Segment text into whole words only (for phrases and for showing matched terms)."""
    stops = stop_words()
    return [t for t in _tokenizer().cut(normalize(text), False)
            if TOKEN_RE.match(t) and t not in stops and not t.isspace()]


def fingerprint() -> str:
    """A digest of everything that decides the tokens (dictionaries, stop words, library versions):
    cached tokens made under another fingerprint are stale."""
    from importlib.metadata import version

    digest = hashlib.sha1(f"rjieba {version('rjieba')} opencc {opencc.__version__}".encode())
    for path in (USER_DICT, STOP_WORDS_FILE):
        digest.update(path.read_bytes())
    return digest.hexdigest()
