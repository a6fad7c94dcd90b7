"""The lay-to-legal synonym dictionary used to expand plain questions: lexicon/synonyms.tsv (general
vocabulary across the areas of law the public asks about), the enforcement dictionary,
lexicon/enforcement/*.tsv (the lay words inspectors and businesses use for the acts the bureau's
laws punish), and the general dictionary, lexicon/general/*.tsv (the words the public uses for the
situations of the civil, labour, criminal and other laws it asks about); each line of the last two
names the article whose wording it maps to."""

import hashlib
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from search import segment
from search.segment import LEXICON, normalize

SYNONYMS_FILE = LEXICON / "synonyms.tsv"
ENFORCEMENT_DIR = LEXICON / "enforcement"
GENERAL_DIR = LEXICON / "general"
CITED_DIRS = (ENFORCEMENT_DIR, GENERAL_DIR)     # dictionaries whose lines cite their article
LAY_SEPARATOR = "、"
CACHE_PREFIX = "synonyms-"      # the merged table kept in a data directory, named by its files' state
PIECES_PREFIX = "pieces-"       # … and the words of its phrases (pieces)
SOURCES_PREFIX = "sources-"     # … and the articles its cited lines were written from (sources)
ASKING_RE = re.compile(r"怎么|怎样|如何|什么|多少|多久|哪|吗|几|是否|能否|要不要|算不算|可不可以|能不能|咋")
NEGATIONS = ("没有", "没", "不", "未", "无")   # … in a phrase said in pieces, near what it negates, with
NEGATION_REACH = 8              # no 的 between: 没做任何安全培训, not 没有约定期限的劳动合同
CLAUSE_RE = re.compile(r"[，。；：！？、,;:!?\s]+")
_cache_dir: list[Path] = []     # where a short-lived process keeps it (use_cache)


@dataclass(frozen=True)
class Entry:
    """One line of a dictionary: lay words, the legal terms they stand for, and (in the
    enforcement and the general dictionary) the article whose wording the terms are, as cited."""

    lay: tuple[str, ...]
    legal: tuple[str, ...]
    source: str
    file: str
    line: int


def dictionary_files() -> list[Path]:
    """synonyms.tsv, then the files of the enforcement and the general dictionary in name order."""
    return [SYNONYMS_FILE, *(path for folder in CITED_DIRS for path in sorted(folder.glob("*.tsv")))]


def read_entries(path: Path) -> list[Entry]:
    """The lines of one dictionary file: lay words separated by 、, a tab, legal terms separated by
    spaces, and in the enforcement and the general dictionary a tab and the article cited; a
    malformed line raises ValueError naming the file and the line."""
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        lay, _, rest = line.partition("\t")
        legal, _, source = rest.partition("\t")
        if not legal.strip() or not lay.strip():
            raise ValueError(f"{path.name} 第 {number} 行：应为“通俗说法、…<制表符>法律用语 …”")
        if path.parent in CITED_DIRS and not source.strip():
            raise ValueError(f"{path.name} 第 {number} 行：缺少第三列（法律用语所出自的条文，如《消防法》第六十条）")
        entries.append(Entry(tuple(w.strip() for w in lay.split(LAY_SEPARATOR) if w.strip()),
                             tuple(legal.split()), source.strip(), path.name, number))
    return entries


def use_cache(directory: Path | None) -> None:
    """Keep the merged table in `directory` (a data directory) between processes: one command
    then reads one file instead of parsing and converting every dictionary file (about 50 ms of
    `fazhi search`). The file is named by the names, sizes and times of the dictionary files, so an
    edited dictionary is read afresh; a directory that cannot be written only loses the saving.
    None: read the files every time a process starts, as without a data directory."""
    _cache_dir[:] = [directory] if directory else []
    synonyms.cache_clear()
    pieces.cache_clear()
    sources.cache_clear()
    _pieces_by_word.cache_clear()


@lru_cache(maxsize=1)
def synonyms() -> dict[str, tuple[str, ...]]:
    """Return lay word → legal terms, as written in the dictionary files; a lay word on several
    lines gets the legal terms of all of them."""
    kept = _kept(CACHE_PREFIX, [], _merged)
    return {word: tuple(terms) for word, terms in kept.items()}


@lru_cache(maxsize=1)
def pieces() -> dict[str, tuple[str, ...]]:
    """Return lay phrase → its words, for the phrases of the dictionary that `scattered_words`
    may find in pieces: two or more words of two or more characters, no word of asking
    (怎么申请复议 is a way of asking, not a situation), and not another name of one of its legal
    terms (安全许可证 → 安全生产许可证: said with a word inside, 安全使用许可证, it names another).
    The words depend on the segmentation, so the kept table is named by the user dictionary and
    the stop words too."""
    kept = _kept(PIECES_PREFIX, [segment.USER_DICT, segment.STOP_WORDS_FILE], _pieces)
    return {lay: tuple(words) for lay, words in kept.items()}


def _pieces() -> dict[str, list[str]]:
    found = {}
    for lay, legal in synonyms().items():
        if not ASKING_RE.search(lay):
            words = segment.words(lay)
            named = any(all(word in term for word in words) for term in legal)
            if sum(len(word) > 1 for word in words) >= 2 and not named:
                found[lay] = words
    return found


def _kept(prefix: str, also: list[Path], build):
    """The table `build` makes, kept in the cache directory (use_cache) under a name made of
    `prefix` and the state of the dictionary files and of `also`; built afresh without one."""
    if not _cache_dir:
        return build()
    files = dictionary_files() + also
    state = "\n".join(f"{p.name} {s.st_size} {s.st_mtime_ns}" for p in files for s in (p.stat(),))
    cache = _cache_dir[0] / f"{prefix}{hashlib.sha1(state.encode()).hexdigest()[:16]}.json"
    try:
        kept = json.loads(cache.read_text(encoding="utf-8"))
        if isinstance(kept, dict):
            return kept
    except (OSError, ValueError):       # none yet, or unreadable: build it again
        pass
    table = build()
    try:
        partial = cache.with_name(f"{cache.name}.{os.getpid()}.part")    # two commands at once
        partial.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, cache)
        for old in cache.parent.glob(f"{prefix}*.json"):
            if old != cache:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return table


@lru_cache(maxsize=1)
def sources() -> dict[str, tuple[str, ...]]:
    """Return lay word → the articles its lines of the enforcement and the general dictionary were
    written from, as cited there (《中华人民共和国消防法》第六十条)."""
    return {word: tuple(cited) for word, cited in _kept(SOURCES_PREFIX, [], _sources).items()}


def _sources() -> dict[str, list[str]]:
    return _by_lay([path for path in dictionary_files() if path.parent in CITED_DIRS], lambda entry: (entry.source,))


def _merged() -> dict[str, list[str]]:
    return _by_lay(dictionary_files(), lambda entry: entry.legal)


def _by_lay(paths: list[Path], values) -> dict[str, list[str]]:
    """Normalized lay word → the `values(entry)` of the lines of `paths` that hold it, in order,
    without repeats."""
    table: dict[str, list[str]] = {}
    for path in paths:
        entries = read_entries(path)
        pairs = [(word, values(entry)) for entry in entries for word in entry.lay]
        normalized = normalize("\n".join(word for word, _ in pairs)).split("\n")   # one conversion a file
        for word, (_, found) in zip(normalized, pairs):
            if word:
                kept = table.setdefault(word, [])
                kept.extend(value for value in found if value not in kept)
    return table


def expand(query: str, words: list[str] | None = None) -> list[str]:
    """Return the legal terms for every lay word found in the query, without repeats.

    A lay word of two or more characters matches anywhere in the normalized query; a single
    character (罚, 偷) only when it is a word of its own in `words` (the query's segmentation).
    A lay word inside a longer one that matched gives way to it (监护 inside 现场监护: the sense
    of the longer word decides).
    """
    return list(dict.fromkeys(term for terms in lay_words(query, words).values() for term in terms))


def lay_words(query: str, words: list[str] | None = None) -> dict[str, tuple[str, ...]]:
    """The lay words found in the query, as `expand` finds them, with their legal terms."""
    text = normalize(query)
    words = set(words if words is not None else segment.words(text))
    table, starts = synonyms(), _by_start()
    matched = {lay for lay in words if len(lay) == 1 and lay in table}
    matched.update(lay for i in range(len(text) - 1) for lay in starts.get(text[i:i + 2], ())
                   if text.startswith(lay, i))
    ordered = sorted(matched, key=_order().__getitem__)        # the dictionary's order
    return {lay: table[lay] for lay in ordered if not any(lay != other and lay in other for other in ordered)}


@lru_cache(maxsize=1)
def _order() -> dict[str, int]:
    return {lay: number for number, lay in enumerate(synonyms())}


@lru_cache(maxsize=1)
def _by_start() -> dict[str, tuple[str, ...]]:
    """The lay words of two or more characters by their first two characters."""
    starts: dict[str, list[str]] = {}
    for lay in synonyms():
        if len(lay) > 1:
            starts.setdefault(lay[:2], []).append(lay)
    return {start: tuple(lays) for start, lays in starts.items()}


def scattered_words(query: str, said: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The lay phrases of several words (许可证到期: 许可证 + 到期) whose words the query says all
    in one clause, or in two neighbouring clauses, in their order but not side by side
    (安全生产许可证去年年底就到期了), with their legal terms; phrases already `said` (found by
    `lay_words`) are left out. Each word of two or more characters must be in a word of its own of
    the clause (生产 and 许可 both inside 安全生产许可证 are not 生产许可)."""
    table, split, by_word = synonyms(), pieces(), _pieces_by_word()
    found: dict[str, tuple[str, ...]] = {}
    clauses = [c for c in CLAUSE_RE.split(normalize(query)) if c]
    for clause in ["".join(clauses[i:i + 2]) for i in range(max(1, len(clauses) - 1))]:
        clause_words = segment.words(clause)
        for token in set(segment.tokens(clause)):
            for lay in by_word.get(token, ()):
                if lay not in said and lay not in found and _said_apart(split[lay], clause, clause_words):
                    found[lay] = table[lay]
    return found


def _said_apart(words: tuple[str, ...], clause: str, clause_words: list[str]) -> bool:
    """Whether the clause says `words` in their order (事故企业 is not 企业…事故), each of two or
    more characters in another word of the clause."""
    at, negated = 0, False
    for word in words:
        found = clause.find(word, at)
        if found < 0 or (negated and ("的" in clause[at:found] or found - at > NEGATION_REACH)):
            return False
        at, negated = found + len(word), word in NEGATIONS
    options = sorted(([i for i, whole in enumerate(clause_words) if word in whole] for word in words if len(word) > 1),
                     key=len)
    taken: set[int] = set()
    for places in options:              # few words a phrase: taking the most constrained first is enough
        free = next((i for i in places if i not in taken), None)
        if free is None:
            return False
        taken.add(free)
    return True


@lru_cache(maxsize=1)
def _pieces_by_word() -> dict[str, tuple[str, ...]]:
    """The phrases of `pieces` by their longest word (one that every clause saying them holds)."""
    index: dict[str, list[str]] = {}
    for lay, words in pieces().items():
        index.setdefault(max(words, key=len), []).append(lay)
    return {word: tuple(lays) for word, lays in index.items()}
