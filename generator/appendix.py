"""The appendix of a review document: every article relied on, quoted in full with law title and version.

Articles come from the case file's own citations (违反条款, 处罚依据, 法定权限依据 …)
— in the version the citation names, else the current one — and from the
articles the review's findings rely on (``Review.appendix``), each article
once.  Citations the store cannot resolve are left out: the 法律依据 finding
reports them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.filters import date_text
from generator.review.citing import CitedRef, article_in
from kb.models import CURRENT, Article, Law
from kb.refs import ResolvedRef
from kb.store import Store

_EVENT_RE = re.compile(r"(通过|修正|修订|公布|发布|施行)\s*$")


@dataclass(frozen=True)
class QuotedArticle:
    """One article of the appendix; ``paragraphs`` are its 款 and 项 as the store holds them."""

    index: int
    title: str  # 《中华人民共和国安全生产法》
    label: str  # 第九十七条
    version: str  # 2021年6月10日修正
    paragraphs: tuple[str, ...]


def version_text(law: Law) -> str:
    """The version of ``law`` as documents cite it: 2021年6月10日修正, plus “已被修订” for an old version.

    The event (通过, 修正, 修订 …) comes from the history line of the version
    date; without one the date is followed by 版.
    """
    if law.version is None:
        text = "版本日期不详"
    else:
        day = date_text(law.version)
        line = next((line for line in law.history.splitlines() if line.strip().startswith(day)), "")
        event = _EVENT_RE.search(line)
        text = day + (event.group(1) if event else "版")
    return text if law.status == CURRENT else f"{text}，已被修订"


def resolve_cited(store: Store, cited: CitedRef) -> tuple[Law, Article] | None:
    """The law version and article a case-file citation points at, or None when the store lacks it.

    A citation naming a version (（2014年修正）) is looked up in that version
    only: when the store lacks it, the article of the same number in another
    version may say something else entirely, so nothing is returned.
    """
    laws = store.find_laws(cited.ref.law)
    if cited.version:
        laws = [law for law in laws if cited.version.matches(law.version)]
    if not laws:
        return None
    article = article_in(store, laws[0], cited.ref.number, cited.ref.suffix)
    return (laws[0], article) if article else None


def appendix_articles(
    store: Store, cited: Iterable[CitedRef], relied_on: Iterable[ResolvedRef]
) -> list[QuotedArticle]:
    """Every article relied on, each quoted once: laws in order of first mention, articles in law order."""
    found: list[tuple[Law, Article]] = [pair for pair in (resolve_cited(store, c) for c in cited) if pair]
    found += [(resolved.law, resolved.article) for resolved in relied_on]
    law_order = {law.id: position for position, (law, _) in reversed(list(enumerate(found)))}
    unique = {article.id: (law, article) for law, article in found}
    ordered = sorted(unique.values(), key=lambda pair: (law_order[pair[0].id], pair[1].position))
    return [
        QuotedArticle(
            index=index,
            title=law.display_title,
            label=article.label,
            version=version_text(law),
            paragraphs=tuple(article.paragraphs),
        )
        for index, (law, article) in enumerate(ordered, start=1)
    ]


def appendix_fields(articles: Iterable[QuotedArticle]) -> list[dict]:
    """The appendix as the templates read it: 序号, 标题, 条, 版本, 段落."""
    return [{"序号": a.index, "标题": a.title, "条": a.label, "版本": a.version, "段落": list(a.paragraphs)}
            for a in articles]
