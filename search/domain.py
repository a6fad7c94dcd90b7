"""The laws of the bureau's own work: a small prior for the articles of the laws it applies
(lexicon/bureau_laws.txt), so that a question in the bureau's words reaches the law the bureau
applies before a law of another field that shares them (起诉期限 → 行政诉讼法 before 民事诉讼法);
and the laws whose own scope a question names (the scope words of lexicon/card_laws.tsv:
电梯 → 特种设备安全法, 演练 → 生产安全事故应急条例)."""

from functools import lru_cache

from search import card_laws
from search.segment import LEXICON, normalize

BUREAU_FILE = LEXICON / "bureau_laws.txt"
PROCEDURE_FILE = LEXICON / "procedure_laws.tsv"
NATIONAL = "中华人民共和国"


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
def remedy_words() -> frozenset[str]:
    """The single words of the procedure laws' scopes (行政复议, 复议): a question can say its case
    goes without one (不走复议, card_laws.DENIED_RE). A joined word (复议+起诉) still holds where its
    复议 is denied: a case that goes to court without 复议 is a case of 行政诉讼."""
    return frozenset(word for scope in _procedure_scopes().values() for word in scope.words
                     if card_laws.TOGETHER not in word)


def scoped(question: str, table: list[tuple[tuple[str, ...], str]]) -> list[str]:
    """The keys of the laws whose scope words the normalized question names — a procedure law's
    word not where the question denies it (不走复议); the bureau's own name (应急管理局, 应急局:
    card_laws.OWN_NAME) says who acts, not what about, so its 应急 names no scope."""
    question = card_laws.OWN_NAME.sub(" ", question)
    remedies = remedy_words()
    return [key for words, key in table
            if any(card_laws.said(word, question, deniable=word in remedies) for word in words)]
