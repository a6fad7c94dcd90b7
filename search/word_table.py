"""jieba's dictionary as an SQLite table, for processes that segment a few short texts.

Loading rjieba's default dictionary (350,000 words) takes about 0.13 s, most of a command-line
search. A text's segmentation depends only on the dictionary words that are substrings of it and
on the dictionary's total frequency, so `LightTokenizer` looks those words up in the table and
segments with an rjieba tokenizer that holds just them plus one filler word (a private-use
character) that keeps the total frequency the same: the tokens are the same as the full
tokenizer's (tests/test_word_table.py compares them on real texts).

The table is written once per tokens fingerprint into the data directory, when an index is built
(search.segment.word_table); each index names the table it was built with.
"""

import importlib.machinery
import importlib.util
import os
import sqlite3
import sys
from pathlib import Path

CHUNK = 900                  # bound parameters per lookup (SQLite's limit is 999 on old builds)
FILLER = "\ue000"             # stands for every dictionary word the text does not contain


def write(path: Path, words: dict[str, int]) -> None:
    """Write `words` (word → frequency, as the full tokenizer holds them) to a new table at
    `path`, beside and then swapped in."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.unlink(missing_ok=True)
    with sqlite3.connect(temporary) as db:
        db.execute("CREATE TABLE words (word TEXT PRIMARY KEY, freq INTEGER NOT NULL) WITHOUT ROWID")
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)")
        db.executemany("INSERT INTO words VALUES (?, ?)", words.items())
        db.executemany("INSERT INTO meta VALUES (?, ?)", [("total", sum(words.values())),
                                                         ("longest", max(map(len, words), default=1))])
    db.close()
    os.replace(temporary, path)


class LightTokenizer:
    """rjieba's `cut` and `cut_for_search` over the words of a table that occur in the text."""

    def __init__(self, path: Path):
        self.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        meta = dict(self.db.execute("SELECT key, value FROM meta"))
        self.total, self.longest = meta["total"], meta["longest"]
        self.tokenizer = _jieba_class().empty()
        self.looked_up: set[str] = set()
        self.held = 0                # the frequencies of the words added so far

    def cut(self, text: str, hmm: bool = True) -> list[str]:
        """Words of `text`, as rjieba.cut."""
        return self._ready(text).cut(text, hmm)

    def cut_for_search(self, text: str, hmm: bool = True) -> list[str]:
        """Words and sub-words of `text`, as rjieba.cut_for_search."""
        return self._ready(text).cut_for_search(text, hmm)

    def _ready(self, text: str):
        """The tokenizer, holding every dictionary word that is a substring of `text`."""
        wanted = {text[start:end] for start in range(len(text))
                  for end in range(start + 1, min(len(text), start + self.longest) + 1)} - self.looked_up
        if wanted:
            self.looked_up |= wanted
            ordered = sorted(wanted)
            for at in range(0, len(ordered), CHUNK):
                chunk = ordered[at:at + CHUNK]
                rows = self.db.execute(f"SELECT word, freq FROM words WHERE word IN ({','.join('?' * len(chunk))})",
                                       chunk).fetchall()
                for word, freq in rows:
                    self.tokenizer.add_word(word, freq, None)
                    self.held += freq
            self.tokenizer.add_word(FILLER, max(1, self.total - self.held), None)
        return self.tokenizer


def _jieba_class():
    """rjieba's Jieba class, without running the package's __init__ (which loads the default
    dictionary); the ordinary import when the package is already loaded or laid out otherwise."""
    if "rjieba" in sys.modules:
        return sys.modules["rjieba"].Jieba
    spec = importlib.util.find_spec("rjieba")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in map(Path, folders):
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            binary = folder / f"rjieba{suffix}"
            if binary.is_file():
                loader = importlib.machinery.ExtensionFileLoader("rjieba.rjieba", str(binary))
                module = importlib.util.module_from_spec(importlib.util.spec_from_loader("rjieba.rjieba", loader))
                loader.exec_module(module)
                sys.modules["rjieba.rjieba"] = module
                return module.Jieba
    import rjieba
    return rjieba.Jieba
