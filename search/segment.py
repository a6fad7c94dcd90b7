"""The one text pipeline used at index time and at query time.

normalize (traditional → simplified with OpenCC, full-width → half-width, lower case)
→ jieba in search mode with our legal user dictionary → drop punctuation and stop words.
Digits stay tokens, so 第5条 keeps its 5.
"""

import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import jieba
import opencc

LEXICON = Path(__file__).parent / "lexicon"
USER_DICT = LEXICON / "legal_dict.txt"
STOP_WORDS_FILE = LEXICON / "stopwords.txt"
TOKEN_RE = re.compile(r"[\w\u4e00-\u9fff]")

jieba.setLogLevel(60)


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1)
def _tokenizer() -> jieba.Tokenizer:
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(USER_DICT))
    return tokenizer


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
    return [t for t in _tokenizer().cut_for_search(normalize(text), HMM=False)
            if TOKEN_RE.match(t) and t not in stops and not t.isspace()]


def words(text: str) -> list[str]:
    """Segment text into whole words only (for phrases and for showing matched terms)."""
    stops = stop_words()
    return [t for t in _tokenizer().lcut(normalize(text), HMM=False)
            if TOKEN_RE.match(t) and t not in stops and not t.isspace()]


def fingerprint() -> str:
    """A digest of everything that decides the tokens (dictionaries, stop words, library versions):
    cached tokens made under another fingerprint are stale."""
    digest = hashlib.sha1(f"jieba {jieba.__version__} opencc {opencc.__version__}".encode())
    for path in (USER_DICT, STOP_WORDS_FILE):
        digest.update(path.read_bytes())
    return digest.hexdigest()
