"""The penalty of a cited article (款, 项) as the statute store holds it."""

import re
from dataclasses import dataclass
from datetime import date

from kb.models import Article, Law
from kb.numerals import int_to_chinese
from kb.penalties import models as m
from kb.penalties.reader import read_paragraph, read_text
from kb.penalties.parties import subject_of
from kb.refs import Ref, parse_ref
from kb.store import Store

SANCTION_HINT = re.compile(r"罚款|处以?|给予|责令|没收|吊销|暂扣|警告|拘留")


@dataclass
class Lookup:
    """A provision found in the store: the law version it was read from, and the article."""

    provision: m.Provision
    law_title: str
    version: date | None
    article: Article


def groups(article: Article) -> list[list[str]]:
    """The article's paragraphs (款), each a list of its lead sentence and its items (项)."""
    found: list[list[str]] = []
    item_numbers = {index for index, _, _ in article.items}
    for index, text in enumerate(article.paragraphs):
        if index in item_numbers and found:
            found[-1].append(text)
        else:
            found.append([text])
    return found


def read_article(article: Article, paragraph: int | None = None, item: int | None = None,
                 citation: str = "") -> m.Provision:
    """Read the penalty of an article, or of one of its 款/项; a 款 or 项 it does not have is a
    doubt of the provision (需人工核实), never a silent empty result."""
    parts = groups(article)
    citation = citation or article.label
    if paragraph is not None and not 1 <= paragraph <= len(parts):
        return _missing(citation, article.text, f"{article.label}只有{len(parts)}款，没有第{int_to_chinese(paragraph)}款")
    chosen = [parts[paragraph - 1]] if paragraph else parts
    if item is not None:
        if paragraph is None:
            chosen = [g for g in parts if len(g) > item] or chosen
        group = chosen[0]
        if len(group) <= item:
            return _missing(citation, article.text, f"{article.label}没有第{int_to_chinese(item)}项")
        lead, text = group[0], group[item]
        provision = m.Provision(citation=citation, text=f"{lead}\n{text}", subject=subject_of(lead))
        read_paragraph(provision, lead)
        if _sanctions_in(text):
            read_paragraph(provision, text, opening=False)
        return _tidy(provision)
    text = "\n".join(line for group in chosen for line in group)
    provision = m.Provision(citation=citation, text=text, subject=subject_of(chosen[0][0]))
    for number, group in enumerate(chosen):
        before = {s.party for s in provision.sanctions("")}
        own = read_text(group[0], subject=subject_of(group[0]) or provision.subject)
        for extra in group[1:]:
            if _sanctions_in(extra):
                read_paragraph(own, extra, opening=False)
        _merge(provision, own)
        clash = before & {s.party for s in own.sanctions("") if s.kind == m.FINE}
        if number and clash and paragraph is None and len(chosen) > 1:
            provision.doubts.append(f"{article.label}各款分别规定不同违法行为的罚款，请写明所引的款")
    return _tidy(provision)


def find(store: Store, citation: str | Ref, on: date | None = None) -> Lookup:
    """The provision of a citation (《安全生产法》第九十七条第三项 / 安全生产法第九十七条第三项 / a Ref) in
    the version in force on `on` (default: current); raise LookupError naming what is missing."""
    ref = citation if isinstance(citation, Ref) else _parse(citation)
    laws = store.find_laws(ref.law)
    if not laws:
        raise LookupError(f"法规库中没有《{ref.law}》")
    found = store.find_article(ref.law, ref.number, ref.suffix, version=on)
    if not found:
        label = Ref(ref.law, ref.number, ref.suffix).label
        if is_excerpt(laws[0]):
            raise LookupError(f"法规库收录的《{laws[0].title}》为节选本，未收录{label}，请导入全文后再查")
        raise LookupError(f"法规库收录的《{laws[0].title}》中没有{label}")
    law, article = found
    provision = read_article(article, ref.paragraph, ref.item, citation=f"《{law.title}》{ref.label}")
    return Lookup(provision, law.title, law.version, article)


def is_excerpt(law: Law) -> bool:
    """True when the store holds only an excerpt (节选) of the law: a missing article proves nothing."""
    return "节选" in (law.history or "") or "节选" in (law.preamble or "")


def _parse(text: str) -> Ref:
    text = text.strip()
    if "《" not in text:
        text = re.sub(r"^(.+?(?:法|条例|规定|办法|细则|决定))(?=第)", r"《\1》", text)
    try:
        return parse_ref(text)
    except ValueError as error:
        raise LookupError(str(error)) from None


def _sanctions_in(text: str) -> bool:
    return bool(SANCTION_HINT.search(re.sub(r"^[（(][一二三四五六七八九十]+[）)]", "", text)))


def _merge(into: m.Provision, other: m.Provision) -> None:
    for situation in other.situations:
        target = into.situation(situation.condition)
        if target is None:
            into.situations.append(situation)
        else:
            target.sanctions += [s for s in situation.sanctions if s not in target.sanctions]
    into.doubts += other.doubts
    into.criminal = into.criminal or other.criminal
    into.elsewhere = into.elsewhere or other.elsewhere


def _tidy(provision: m.Provision) -> m.Provision:
    provision.situations = [s for s in provision.situations if s.sanctions]
    provision.doubts = list(dict.fromkeys(provision.doubts))
    return provision


def _missing(citation: str, text: str, why: str) -> m.Provision:
    return m.Provision(citation=citation, text=text, doubts=[why])
