"""What a study pack holds, gathered from the knowledge base: the articles chosen (laws, chapters
or a topic search), what the latest amendment of each law changed in them (articles matched
across versions, also when renumbered), the typical cases citing them with their commentary,
and discussion questions written from these.
"""

from dataclasses import dataclass, field

from generator.appendix import version_text
from kb.cases.models import Case
from kb.cases.store import CaseStore
from kb.errors import KnowledgeError
from kb.models import CURRENT, Article, Law
from kb.store import Store
from kb.versions_diff import ADDED, MODIFIED, ArticleChange, VersionDiff, latest_amendment
from search.query import SearchOptions

TOPIC_ARTICLES = 12                  # articles a topic search contributes
MAX_DISCUSSION = 6


@dataclass
class LawPart:
    """The chosen articles of one law version and what its latest amendment changed in them."""

    law: Law
    articles: list[Article]
    amendment: VersionDiff | None = None

    @property
    def version(self) -> str:
        """2021年6月10日修正 — the version as documents cite it."""
        return version_text(self.law)

    @property
    def changes(self) -> list[ArticleChange]:
        """The chosen articles the latest amendment modified or added, in order."""
        if self.amendment is None:
            return []
        chosen = {article.id for article in self.articles}
        return [c for c in self.amendment.of_kind(MODIFIED, ADDED) if c.new and c.new.id in chosen]


@dataclass
class StudyPack:
    """Everything a pack, its slides and its discussion need."""

    title: str
    parts: list[LawPart]
    cases: list[Case] = field(default_factory=list)
    discussion: list[str] = field(default_factory=list)


def choose_articles(store: Store, law_names: list[str], chapters: list[str]) -> list[LawPart]:
    """The current versions of the named laws, restricted to the chapters (第六章, 法律责任) when given."""
    parts = []
    for name in law_names:
        laws = [law for law in store.find_laws(name) if law.status == CURRENT]
        if not laws:
            raise KnowledgeError(f"法规库中没有现行有效的《{name.strip('《》')}》")
        articles = [a for a in store.articles(laws[0].id) if a.number is not None]
        if chapters:
            articles = [a for a in articles if any(chapter in a.chapter for chapter in chapters)]
            if not articles:
                raise KnowledgeError(f"{laws[0].display_title}中没有“{'、'.join(chapters)}”的条文")
        parts.append(LawPart(laws[0], articles))
    return parts


def topic_articles(store: Store, searcher, topic: str, limit: int = TOPIC_ARTICLES) -> list[LawPart]:
    """The articles a search for the topic finds (current versions), grouped by law in law order."""
    hits = searcher.search(topic, SearchOptions(limit=limit, kinds=("条文",))).hits
    grouped: dict[int, list[Article]] = {}
    for hit in hits:
        article = store.article(hit.doc_id)
        if article and article.number is not None:
            grouped.setdefault(hit.law_id, []).append(article)
    if not grouped:
        raise KnowledgeError(f"没有检索到与“{topic}”有关的条文")
    return [LawPart(store.law(law_id), sorted(articles, key=lambda a: a.position))
            for law_id, articles in grouped.items()]


def build_pack(store: Store, parts: list[LawPart], title: str) -> StudyPack:
    """Add to the chosen articles their latest amendment, the cases citing them and discussion questions."""
    for part in parts:
        part.amendment = latest_amendment(store, part.law.key)
    cases = citing_cases(store, parts)
    return StudyPack(title=title, parts=parts, cases=cases, discussion=discussion_questions(parts, cases))


def citing_cases(store: Store, parts: list[LawPart]) -> list[Case]:
    """The typical cases citing any chosen article, each once, newest decision first."""
    cases = CaseStore(store)
    found = {}
    for part in parts:
        for article in part.articles:
            for case, _ in cases.citing(part.law.key, article.number, article.suffix):
                found[case.code] = case
    return sorted(found.values(), key=lambda c: (c.decided, c.code), reverse=True)


def discussion_questions(parts: list[LawPart], cases: list[Case]) -> list[str]:
    """Questions for the session: first on each amended article (what changes in enforcement), then on
    the cases in turn — the legal basis and the discretion, the commentary's warning, the review."""
    questions = []
    for part in parts:
        for change in part.changes:
            if change.kind == MODIFIED:
                questions.append(f"{part.law.display_title}{change.label}修改后，执法检查和案件审核中应当注意哪些变化？")
            else:
                questions.append(f"{part.law.display_title}新增{change.new.label}，增加了哪些规定？执法和审核中如何适用？")
    for index, case in enumerate(cases):
        violated = "、".join(ref.text for ref in case.violated) or "有关规定"
        basis = "、".join(ref.text for ref in case.basis) or "有关规定"
        turn = index % 3
        if turn == 1 and case.commentary:
            questions.append(f"{case.title}的评析指出：“{case.commentary.strip()}”结合本单位执法实践，"
                             "讨论如何避免类似问题。")
        elif turn == 2:
            questions.append(f"审核{case.title}时，应当重点审查哪些事实和证据？")
        else:
            questions.append(f"{case.title}中，当事人的行为违反了{violated}，依照{basis}处罚。结合案情，"
                             "讨论裁量阶次和裁量情节应当如何认定。")
    return questions[:MAX_DISCUSSION]


def default_title(parts: list[LawPart], topic: str | None) -> str:
    """《安全生产法》学习材料, or “topic”专题学习材料."""
    if topic:
        return f"“{topic}”专题学习材料"
    names = "、".join(f"《{part.law.short_title}》" for part in parts)
    return f"{names}学习材料"
