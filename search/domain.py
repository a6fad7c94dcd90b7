"""The laws of the bureau's own work: a small prior for the articles of the laws it applies
(lexicon/bureau_laws.txt), so that a question in the bureau's words reaches the law the bureau
applies before a law of another field that shares them (起诉期限 → 行政诉讼法 before 民事诉讼法);
and the laws whose own scope a question names (the scope words of lexicon/card_laws.tsv:
电梯 → 特种设备安全法, 演练 → 生产安全事故应急条例)."""

import re
from functools import lru_cache

from search import card_laws
from search.segment import LEXICON, normalize

BUREAU_FILE = LEXICON / "bureau_laws.txt"
PROCEDURE_FILE = LEXICON / "procedure_laws.tsv"
NATIONAL = "中华人民共和国"
# Words just before a remedy's name that say the question's case goes without it (不走复议, 没申请行政
# 复议, 不经复议直接起诉). A denial the question asks about (能不能不经过复议) is not one: the remedy
# is then what it asks.
DENIED_RE = re.compile(r"(?<!能不能)(?<!可不可以)(?<!能否)(?<!可以)(?<!是否)(?<!必须)"
                       r"(?:不|没|未|无须|无需|不用)(?:有|想|打算|准备|愿意)?(?:经过?|走|申请|提起|通过)(?:行政)?$")


@lru_cache(maxsize=1)
def bureau_titles() -> tuple[str, ...]:
    """The titles listed in lexicon/bureau_laws.txt, normalized, without 中华人民共和国."""
    lines = BUREAU_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(dict.fromkeys(normalize(line.strip()).removeprefix(NATIONAL)
                               for line in lines if line.strip() and not line.startswith("#")))


def bureau_keys(names: dict[str, str]) -> frozenset[str]:
    """The keys of the listed laws present in the store (`names`: law name → key); a title the
    store does not hold is skipped (a smaller corpus, a law not imported)."""
    return frozenset(key for title in bureau_titles()
                     for key in (names.get(title) or names.get(NATIONAL + title),) if key)


def scope_keys(names: dict[str, str]) -> list[tuple[tuple[str, ...], str]]:
    """(words of its scope, key) for each law of lexicon/card_laws.tsv with a scope of its own
    (the general law has none) and each procedure law of lexicon/procedure_laws.tsv present in
    the store: a question naming one of the words is within that law's own scope (特种设备安全法:
    电梯, 起重机 …; 生产安全事故应急条例: 演练 …; 行政处罚法: 当场处罚 …)."""
    tables = (*card_laws.scopes().items(), *_procedure_scopes().items())
    return [(scope.words, key) for title, scope in tables if not scope.general
            for key in (names.get(title) or names.get(NATIONAL + title),) if key]


@lru_cache(maxsize=1)
def _procedure_scopes() -> dict[str, card_laws.Scope]:
    return card_laws.read_scopes(PROCEDURE_FILE)


@lru_cache(maxsize=1)
def _remedy_words() -> frozenset[str]:
    """The single words of the procedure laws' scopes (行政复议, 复议). A joined word (复议+起诉)
    still holds where its 复议 is denied: a case that goes to court without 复议 is 行政诉讼."""
    return frozenset(word for scope in _procedure_scopes().values() for word in scope.words
                     if card_laws.TOGETHER not in word)


def denied(question: str) -> list[str]:
    """The remedies (procedure-law scope words) the normalized question names only where it says
    its case goes without them (DENIED_RE: 不走复议 → 复议)."""
    return [word for word in _remedy_words() if word in question and not _affirmed(word, question)]


def _affirmed(word: str, question: str) -> bool:
    """Whether the question holds `word` once at least not denied."""
    start = question.find(word)
    while start >= 0:
        if not DENIED_RE.search(question[max(0, start - 10):start]):
            return True
        start = question.find(word, start + 1)
    return False


def scoped(question: str, table: list[tuple[tuple[str, ...], str]], denied_words=()) -> list[str]:
    """The keys of the laws whose scope words the normalized question names, but for the remedies
    it denies (`denied_words`, see denied); the bureau's own name (应急管理局, 应急局:
    card_laws.OWN_NAME) says who acts, not what about, so its 应急 names no scope."""
    question = card_laws.OWN_NAME.sub(" ", question)
    return [key for words, key in table
            if any(card_laws.said(word, question) and word not in denied_words for word in words)]
