"""Ranked documents as the hits a user sees: articles, standard items and cases."""

from dataclasses import asdict, dataclass, field

from kb.models import CURRENT, Article, Law
from kb.store import Store
from search import knowledge, snippets
from search.article_cache import ArticleCache
from search.knowledge import KnowledgeIndex


@dataclass
class Hit:
    """One result as shown to the user and printed by --json."""

    kind: str
    title: str
    file: str
    version: str | None
    article: str
    number: int | None
    category: str
    status: str
    score: float
    text: str
    chapter: str = ""
    part: str = ""
    region: str = ""
    snippet: str = ""
    terms: list[str] = field(default_factory=list)
    doc_id: int = 0
    law_id: int = 0

    def to_json(self) -> dict:
        """Return the hit as a JSON-ready dict."""
        return asdict(self)


class HitMaker:
    """Turns ranked documents of any kind into Hits, for one store."""

    def __init__(self, store: Store, laws: dict[int, Law], articles: ArticleCache):
        self.store = store
        self.laws = laws
        self.articles = articles
        self.knowledge = KnowledgeIndex(store)

    def load(self, kind: str, doc_id: int, score: float, terms: list[str]) -> Hit | None:
        """Turn one ranked document of any kind into a Hit (None when it no longer exists)."""
        if kind != "条文":
            return self.knowledge_hit(kind, doc_id, score, terms)
        article = self.articles.article(doc_id)
        return self.article_hit(article, score, terms) if article else None

    def knowledge_hit(self, kind: str, doc_id: int, score: float, terms: list[str]) -> Hit | None:
        """The Hit of a standard item or a case (None when it no longer exists)."""
        found = self.knowledge.find(kind, doc_id)
        if not found:
            return None
        return Hit(kind=kind, title=found.title, file=found.source, version=found.version,
                   article=found.label, number=None, category=kind, status=CURRENT,
                   score=round(score, 4), text=found.text, region=found.region,
                   snippet=knowledge.snippet(found, terms), terms=terms, doc_id=doc_id)

    def article_hit(self, article: Article, score: float, terms: list[str]) -> Hit:
        """The Hit of an article, its snippet the best window for `terms`."""
        law = self.laws[article.law_id]
        return Hit(kind="条文", title=law.title, file=law.file,
                   version=law.version.isoformat() if law.version else None,
                   article=article.label, number=article.number, category=law.category,
                   status=law.status, score=round(score, 4), text=article.text,
                   chapter=article.chapter, part=law.part, region=law.region,
                   snippet=snippets.best_window(article.text, terms), terms=terms,
                   doc_id=article.id, law_id=law.id)
