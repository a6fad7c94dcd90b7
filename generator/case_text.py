"""Parts of a case written as documents write them: the party, a citation, the case commented on."""

from __future__ import annotations

from generator.appendix import resolve_cited, version_text
from generator.review.casefile import Party
from generator.review.citing import CitedRef
from kb.cases.store import CaseStore
from kb.standards.models import UNIT
from kb.store import Store


def party_description(party: Party) -> str:
    """名称，统一社会信用代码：…，住所：…，法定代表人：… (only the parts given)."""
    unit = party.kind == UNIT
    parts = [
        ("统一社会信用代码" if unit else "身份证号", party.identifier),
        ("住所" if unit else "住址", party.address),
        ("法定代表人", party.legal_representative),
        ("主要负责人", party.principal if party.principal != party.legal_representative else ""),
    ]
    return "，".join([party.name, *(f"{label}：{value}" for label, value in parts if value)])


def cited_text(store: Store, cited: CitedRef) -> str:
    """A case-file citation with the law's full title: 《中华人民共和国安全生产法》第二十八条第一款.

    A citation naming a version, or of a law the store lacks, is written as
    the case file has it.
    """
    if cited.version is None:
        laws = store.find_laws(cited.ref.law)
        if laws:
            return laws[0].display_title + cited.ref.label
    return cited.written or cited.ref.text


def grouped_citations(store: Store, citations: list[CitedRef]) -> str:
    """Citations with each law named once: 《中华人民共和国安全生产法》第二十八条第一款、第九十七条第三项."""
    by_law: dict[str, list[str]] = {}
    for cited in citations:
        text = cited_text(store, cited)
        title, mark, label = text.rpartition("》")
        if cited.version is not None or not mark:
            by_law.setdefault(text, [])
        elif label not in by_law.setdefault(title + mark, []):
            by_law[title + mark].append(label)
    return "、".join(title + "、".join(labels) for title, labels in by_law.items())


def citation_text(store: Store, cited: CitedRef) -> str:
    """《全称》第X条第Y款（version） for a resolvable citation, else the citation as written."""
    found = resolve_cited(store, cited)
    if found is None:
        return cited.written or cited.ref.text
    law, _ = found
    return f"{law.display_title}{cited.ref.label}（{version_text(law)}）"


def case_reference(store: Store, code: str) -> str:
    """The typical case a commentary is about, as readers know it: its 案号 when the case store has one."""
    found = CaseStore(store).get(code) if code else None
    return found.number if found and found.number else code
