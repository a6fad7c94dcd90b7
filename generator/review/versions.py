"""Which version of a law was in force on a day (行政处罚法第三十七条), from the versions the store
holds. A version is in force from the date its text names (本法自…起施行) when that is not before
its version date, else from its version date (amendments take effect as their decision says)."""

import re
from datetime import date

from kb.models import Law
from kb.refs import locate
from kb.store import Store

IN_FORCE_RE = re.compile(r"自(\d{4})年(\d{1,2})月(\d{1,2})日起施行")


def effective(store: Store, law: Law) -> date | None:
    """The day a version took effect, as far as its own text says."""
    if law.version is None:
        return None
    for article in reversed(store.articles(law.id)[-3:]):
        found = IN_FORCE_RE.search(article.text)
        if found:
            day = date(*(int(g) for g in found.groups()))
            return day if day >= law.version else law.version
    return law.version


def versions(store: Store, name: str) -> list[tuple[Law, date | None]]:
    """Every version of the law a name refers to, with its effective date, oldest first."""
    laws = store.find_laws(name)
    if not laws:
        return []
    key = laws[0].key
    found = [(law, effective(store, law)) for law in laws if law.key == key]
    return sorted(found, key=lambda pair: pair[1] or date.min)


def in_force(store: Store, name: str, day: date) -> tuple[Law | None, list[tuple[Law, date | None]]]:
    """(the version in force on `day` or None when the store has none that early, all versions)."""
    every = versions(store, name)
    chosen = [law for law, start in every if start and start <= day]
    return (chosen[-1] if chosen else None), every


def cited_version(store: Store, cited, day: date | None) -> Law | None:
    """The version a citation refers to: the one it names; otherwise the version in force on the act
    date when the cited 款/项 exists there, else the current version (None: the law is not held)."""
    laws = store.find_laws(cited.ref.law)
    if not laws:
        return None
    if cited.version:
        return next((law for law in laws if cited.version.matches(law.version)), None)
    then = in_force(store, cited.ref.law, day)[0] if day else None
    if then is not None and then.id != laws[0].id and _holds(store, then, cited.ref):
        return then
    return laws[0]


def _holds(store: Store, law: Law, ref) -> bool:
    row = store.db.execute("SELECT id FROM articles WHERE law_id = ? AND number = ? AND suffix = ?",
                           (law.id, ref.number, ref.suffix)).fetchone()
    if not row:
        return False
    try:
        locate(store.article(row[0]), ref.paragraph, ref.item)
    except ValueError:
        return False
    return True
