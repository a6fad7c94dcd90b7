"""Citations as reviewers write them, and whether they hold against the statute store.

A citation may name a version: 《中华人民共和国安全生产法》（2014年修正）第九十四条. The version
mark is read here and blanked out (with spaces, so positions stay) before kb.citations parses
the rest. `check_citation` says whether the cited article exists in the current version and, when
it does not or an old version is cited, suggests the current article to cite instead.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from generator.review.findings import NOTE, PASS, PROBLEM, UNREAD, Said
from kb.models import Article, Law
from kb.numerals import article_label, int_to_chinese
from kb.penalties.lookup import is_excerpt
from kb.refs import Ref, ResolvedRef, locate, parse_ref
from kb.store import Store

VERSION_RE = re.compile(
    r"(?<=》)[\s\u3000]*[（(](?P<year>\d{4})\s*(?:年(?:\s*(?P<month>\d{1,2})\s*月(?:\s*(?P<day>\d{1,2})\s*日)?)?"
    r"[^（）()《》\n]{0,60})?[）)]")
# 2014年版《…》, 2014年修正版《…》, 2014版《…》: the version written before the title.
LEADING_VERSION_RE = re.compile(r"(?P<year>\d{4})\s*年?(?:修正|修订|修改)?版?(?=《)")
PENALTY_CHAPTER = "法律责任"
MIN_SIMILARITY = 0.5


@dataclass(frozen=True)
class VersionMark:
    """A version named in a citation: a year, maybe down to the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def matches(self, version: date | None) -> bool:
        """True when the law version date agrees with every part given."""
        if version is None:
            return False
        return (version.year == self.year and self.month in (None, version.month)
                and self.day in (None, version.day))

    @property
    def label(self) -> str:
        """2014年 / 2014年8月 / 2014年8月31日."""
        text = f"{self.year}年"
        if self.month:
            text += f"{self.month}月" + (f"{self.day}日" if self.day else "")
        return text


@dataclass(frozen=True)
class CitedRef:
    """A citation from a case file or draft: the article reference, the version if named, and
    the text as written."""

    ref: Ref
    version: VersionMark | None = None
    written: str = ""


@dataclass
class CitationCheck:
    """What the store says about one citation.

    `resolved` is the cited article in the version checked (current unless an old version was
    named); `suggestion` the article of the current version to cite instead, when there is one.
    """

    cited: CitedRef
    outcome: str
    message: str
    exists: bool | None = None          # None: the law (or the version named) is not in the store
    current: bool | None = None         # the version cited is the current one
    resolved: ResolvedRef | None = None
    suggestion: ResolvedRef | None = None
    said: list[Said] = field(default_factory=list)


def blank_versions(text: str) -> tuple[str, dict[int, VersionMark]]:
    """Replace version marks after 》 by spaces; return the text and {index of 》: mark}."""
    marks = {}

    def blank(match: re.Match) -> str:
        day = match.group("day")
        marks[match.start() - 1] = VersionMark(int(match.group("year")),
                                               int(match.group("month")) if match.group("month") else None,
                                               int(day) if day else None)
        return " " * len(match.group(0))

    def leading(match: re.Match) -> str:
        marks[text.index("》", match.end())] = VersionMark(int(match.group("year")))
        return " " * len(match.group(0))

    text = LEADING_VERSION_RE.sub(leading, text)
    return VERSION_RE.sub(blank, text), marks


def parse_cited(text: str) -> CitedRef:
    """Parse one citation string, with an optional version mark; raise ValueError otherwise."""
    blanked, marks = blank_versions(text)
    if len(marks) > 1:
        raise ValueError(f"“{text}”中有多个版本说明")
    try:
        ref = parse_ref(blanked)
    except ValueError:
        raise ValueError(f"无法识别的条文引用“{text}”，应写成“《法律名称》第X条（第X款）（第X项）”") from None
    return CitedRef(ref=ref, version=next(iter(marks.values()), None), written=text)


def resolve_in(store: Store, law: Law, ref: Ref) -> ResolvedRef | None:
    """The cited 款/项 in one law version, or None when that version lacks it."""
    article = article_in(store, law, ref.number, ref.suffix)
    if article is None:
        return None
    try:
        return ResolvedRef(ref=ref, law=law, article=article, excerpt=locate(article, ref.paragraph, ref.item))
    except ValueError:
        return None


def article_in(store: Store, law: Law, number: int, suffix: int = 0) -> Article | None:
    """The article with this number in one law version, or None."""
    row = store.db.execute("SELECT id FROM articles WHERE law_id = ? AND number = ? AND suffix = ?",
                           (law.id, number, suffix)).fetchone()
    return store.article(row[0]) if row else None


def check_citation(store: Store, cited: CitedRef, probe: str = "", penalty: bool | None = None) -> CitationCheck:
    """Check one citation against the store: the law is known, the named version (if any) is the
    current one, and the article (款, 项) exists in the current version.

    `probe` is text describing what the citation should cover (the case facts, wording quoted in a
    draft); when the cited article is wrong and no old text is available to compare, the current
    article most similar to the probe is suggested. `penalty` narrows suggestions to the
    法律责任 chapter (True), or away from it (False).
    """
    ref = cited.ref
    laws = store.find_laws(ref.law)
    if not laws:
        return CitationCheck(cited, NOTE, f"法规库未收录《{ref.law}》，无法核对，请人工核实")
    current = laws[0]
    older = [law for law in laws[1:] if law.key == current.key]
    where = f"现行{current.display_title}（{current.version_text}）"
    if cited.version and not cited.version.matches(current.version):
        named = next((law for law in older if cited.version.matches(law.version)), None)
        old_article = article_in(store, named, ref.number, ref.suffix) if named else None
        old_text = _excerpt(old_article, ref) if old_article else None
        suggestion = _suggest(store, current, old_text or probe, penalty)
        version = f"所引为{cited.version.label}版本"
        unread = "" if named else "（法规库未收录所引版本，无法比对原条文）"
        said = [Said(cited.written, version, f"{version}，")] + (
            [Said(cited.written, UNREAD, unread, "比对原条文")] if unread else [])
        return CitationCheck(cited, PROBLEM, f"{version}，不是{where}{unread}" + _advice(suggestion, bool(old_text)),
                             exists=(old_article is not None) if named else None, current=False,
                             resolved=_resolved(ref, named, old_article), suggestion=suggestion, said=said)
    article = article_in(store, current, ref.number, ref.suffix)
    if article is None and is_excerpt(current):
        return CitationCheck(cited, NOTE, f"法规库收录的{current.display_title}为节选本，未收录"
                                          f"{article_label(ref.number, ref.suffix)}，无法核对，请人工核实")
    if article is None:
        found_in = next(((law, a) for law in older if (a := article_in(store, law, ref.number, ref.suffix))), None)
        old_text = _excerpt(found_in[1], ref) if found_in else None
        suggestion = _suggest(store, current, old_text or probe, penalty)
        message = f"{where}没有{article_label(ref.number, ref.suffix)}" + (
            f"（该条见于已被修订的{found_in[0].version_text}）" if found_in else "")
        return CitationCheck(cited, PROBLEM, message + _advice(suggestion, bool(old_text)), exists=False,
                             current=True, suggestion=suggestion)
    try:
        excerpt = locate(article, ref.paragraph, ref.item)
    except ValueError as error:
        suggestion = _suggest(store, current, probe, penalty)
        return CitationCheck(cited, PROBLEM, f"{where}{error}" + _advice(suggestion, False), exists=False,
                             current=True, suggestion=suggestion)
    resolved = ResolvedRef(ref=ref, law=current, article=article, excerpt=excerpt)
    return CitationCheck(cited, PASS, f"现行有效（{current.version_text}），条文存在", exists=True, current=True,
                         resolved=resolved)


def similarity(probe: str, text: str) -> float:
    """How much of `text` (its character bigrams) appears in `probe`: 0 to 1."""
    wanted = _bigrams(text)
    return len(wanted & _bigrams(probe)) / len(wanted) if wanted else 0.0


def units(article: Article) -> list[tuple[int | None, int | None, str]]:
    """(款, 项, text) for every paragraph and item of an article; 款 is None when there is only one."""
    item_numbers = {index: number for index, number, _ in article.items}
    found, paragraph = [], 0
    for index, text in enumerate(article.paragraphs):
        if index in item_numbers and paragraph:
            found.append((paragraph, item_numbers[index], text))
        else:
            paragraph += 1
            found.append((paragraph, None, text))
    if paragraph == 1:
        found = [(None, item, text) for _, item, text in found]
    return found


def article_key(ref: Ref) -> str:
    """A comparable label of the cited article: 安全生产法第二十八条 (no 《》, 中华人民共和国, 款 or 项)."""
    return ref.law.strip("《》").removeprefix("中华人民共和国") + article_label(ref.number, ref.suffix)


def ref_label(ref: Ref) -> str:
    """第九十七条第（三）项 — the article label as decisions write it."""
    text = article_label(ref.number, ref.suffix)
    if ref.paragraph:
        text += f"第{int_to_chinese(ref.paragraph)}款"
    return text + (f"第（{int_to_chinese(ref.item)}）项" if ref.item else "")


def closest_unit(store: Store, law: Law, probe: str, penalty: bool | None = None) -> ResolvedRef | None:
    """The 款/项 of `law` whose text is most similar to `probe` (None below the minimum similarity);
    `penalty` narrows the search to the 法律责任 chapter (True) or away from it (False)."""
    return _suggest(store, law, probe, penalty)


def _suggest(store: Store, law: Law, probe: str | None, penalty: bool | None) -> ResolvedRef | None:
    if not probe:
        return None
    best, best_score = None, MIN_SIMILARITY
    for article in store.articles(law.id):
        if penalty is not None and (PENALTY_CHAPTER in article.chapter) != penalty:
            continue
        for paragraph, item, text in units(article):
            score = similarity(probe, text)
            if score > best_score:
                best, best_score = (article, paragraph, item), score
    if best is None:
        return None
    article, paragraph, item = best
    ref = Ref(law=law.title, number=article.number, suffix=article.suffix, paragraph=paragraph, item=item)
    return ResolvedRef(ref=ref, law=law, article=article, excerpt=locate(article, paragraph, item))


def _advice(suggestion: ResolvedRef | None, compared_text: bool) -> str:
    if suggestion is None:
        return "；请核对现行版本后改引"
    how = "与原条文对应的" if compared_text else "内容最接近的"
    return f"；{how}现行条文为{suggestion.law.display_title}{ref_label(suggestion.ref)}，建议核对后改引"


def _excerpt(article: Article, ref: Ref) -> str | None:
    try:
        return locate(article, ref.paragraph, ref.item).splitlines()[-1]
    except ValueError:
        return article.text


def _resolved(ref: Ref, law: Law | None, article: Article | None) -> ResolvedRef | None:
    if not (law and article):
        return None
    try:
        return ResolvedRef(ref=ref, law=law, article=article, excerpt=locate(article, ref.paragraph, ref.item))
    except ValueError:
        return ResolvedRef(ref=ref, law=law, article=article, excerpt=article.text)


def _bigrams(text: str) -> set[str]:
    chars = re.sub(r"[^\u4e00-\u9fff0-9A-Za-z]", "", re.sub(r"^[（(][一二三四五六七八九十]+[）)]", "", text))
    return {chars[i:i + 2] for i in range(len(chars) - 1)}
