"""Article references (法律规定, 处罚依据, 违反条款) and their resolution against the statute store.

A reference is written as a citation string, e.g. 《中华人民共和国安全生产法》第九十七条第三项;
it must name the law and may narrow down to a paragraph (款) and an item (项).
"""

from dataclasses import dataclass
from datetime import date

from kb.citations import parse_citations
from kb.errors import KnowledgeError
from kb.models import Article, Law
from kb.numerals import article_label, int_to_chinese
from kb.store import Store


@dataclass(frozen=True)
class Ref:
    """One cited article, optionally down to 款 and 项."""

    law: str                      # the law as written, without 《》
    number: int
    suffix: int = 0
    paragraph: int | None = None
    item: int | None = None

    @property
    def label(self) -> str:
        """第九十七条第三项 — the article part of the citation."""
        text = article_label(self.number, self.suffix)
        if self.paragraph:
            text += f"第{int_to_chinese(self.paragraph)}款"
        if self.item:
            text += f"第{int_to_chinese(self.item)}项"
        return text

    @property
    def text(self) -> str:
        """The full citation: 《law》第X条第Y款第Z项."""
        return f"《{self.law}》{self.label}"


@dataclass
class ResolvedRef:
    """A reference found in the store: the law version, the article and the cited text."""

    ref: Ref
    law: Law
    article: Article
    excerpt: str                  # the cited 款/项 text, or the whole article

    @property
    def text(self) -> str:
        """The citation with the law's full title."""
        return f"{self.law.display_title}{self.ref.label}"


def parse_ref(text: str) -> Ref:
    """Parse one citation string into a Ref; raise ValueError unless it is exactly one article
    of a named law."""
    citations = parse_citations(str(text))
    if len(citations) != 1 or citations[0].refers_to_context:
        raise ValueError(f"无法识别的条文引用“{text}”，应写成“《法律名称》第X条（第X款）（第X项）”")
    found = citations[0]
    return Ref(law=found.law, number=found.number, suffix=found.suffix,
               paragraph=found.paragraph, item=found.item)


def parse_refs(values, owner: str, field: str) -> list[Ref]:
    """Parse a list of citation strings of `owner`'s `field`; errors name both."""
    if isinstance(values, str):
        values = [values]
    refs = []
    for value in values or []:
        try:
            refs.append(parse_ref(value))
        except ValueError as error:
            raise KnowledgeError(f"{owner}：{field}中{error}") from None
    return refs


def locate(article: Article, paragraph: int | None, item: int | None) -> str:
    """Return the text of the cited 款/项 of an article; raise ValueError when it has none.

    Paragraphs that are items (（一）…) belong to the 款 before them; items are numbered per 款.
    """
    groups: list[list[str]] = []
    item_numbers = {index: number for index, number, _ in article.items}
    for index, text in enumerate(article.paragraphs):
        if index in item_numbers and groups:
            groups[-1].append(text)
        else:
            groups.append([text])
    if paragraph is not None:
        if not 1 <= paragraph <= len(groups):
            raise ValueError(f"{article.label}只有{len(groups)}款，没有第{int_to_chinese(paragraph)}款")
        groups = [groups[paragraph - 1]]
    if item is None:
        return "\n".join(line for group in groups for line in group)
    for group in groups:
        for line in group[1:]:
            if line.startswith((f"（{int_to_chinese(item)}）", f"({int_to_chinese(item)})")):
                return group[0] + "\n" + line
    raise ValueError(f"{article.label}没有第{int_to_chinese(item)}项")


def resolve_ref(store: Store, ref: Ref, on: date | None = None) -> ResolvedRef:
    """Find a reference in the statute store (the version in force on `on`, else the current one);
    raise ValueError naming the law or article that is missing."""
    if not store.find_laws(ref.law):
        raise ValueError(f"法规库中没有《{ref.law}》")
    found = store.find_article(ref.law, ref.number, ref.suffix, version=on)
    if not found:
        raise ValueError(f"《{ref.law}》中没有{article_label(ref.number, ref.suffix)}")
    law, article = found
    return ResolvedRef(ref=ref, law=law, article=article,
                       excerpt=locate(article, ref.paragraph, ref.item))


def resolve_refs(store: Store, refs: list[Ref], owner: str, on: date | None = None) -> list[ResolvedRef]:
    """Resolve every reference of `owner`; the error names the owner and the citation."""
    resolved = []
    for ref in refs:
        try:
            resolved.append(resolve_ref(store, ref, on))
        except ValueError as error:
            raise KnowledgeError(f"{owner}：引用“{ref.text}”无法在法规库中找到：{error}") from None
    return resolved
