"""Cross-references between articles, standard items and cases."""

from dataclasses import dataclass, field

from kb.cases.models import Case
from kb.cases.store import CaseStore
from kb.errors import KnowledgeError
from kb.models import Article, Law
from kb.refs import ResolvedRef, parse_ref, resolve_refs
from kb.standards.models import Standard, StandardItem
from kb.standards.store import StandardStore
from kb.store import Store


@dataclass
class ArticleRefs:
    """What cites one article: (standard, item, role) and (case, role) pairs."""

    law: Law
    article: Article
    items: list[tuple[Standard, StandardItem, str]] = field(default_factory=list)
    cases: list[tuple[Case, str]] = field(default_factory=list)


def citing_article(store: Store, law: Law, article: Article) -> ArticleRefs:
    """The standard items (of current standard versions) and the cases citing an article."""
    return ArticleRefs(law=law, article=article,
                       items=StandardStore(store).citing(law.key, article.number, article.suffix),
                       cases=CaseStore(store).citing(law.key, article.number, article.suffix))


def citing(store: Store, citation: str) -> ArticleRefs:
    """Like `citing_article` for a citation such as 安全生产法第九十七条; raise KnowledgeError when
    it cannot be read or is not in the statute store."""
    try:
        ref = parse_ref(citation)
    except ValueError as error:
        raise KnowledgeError(str(error)) from None
    found = resolve_refs(store, [ref], "引用")[0]
    return citing_article(store, found.law, found.article)


def case_articles(store: Store, case: Case) -> list[tuple[str, ResolvedRef]]:
    """(role, resolved reference) for the articles a case cites, as in force on its date."""
    refs = resolve_refs(store, [ref for _, ref in case.citations], f"案例 {case.code}", case.decided)
    return [(role, ref) for (role, _), ref in zip(case.citations, refs)]
