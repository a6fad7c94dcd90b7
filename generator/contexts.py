"""Template contexts: a reviewed case file turned into the plain values the .docx templates print.

Each builder returns a dict whose keys are exactly the variables its
template may use (``VARIABLES``), so ``fazhi template check`` can tell an
edited template's misspelt tag from a real variable.  Sentences get their
closing punctuation here and enumerations their labels (1. （1） …), so the
templates only loop and print.  Amounts stay numbers: the templates format
them with the ``yuan`` and ``capital`` filters.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from generator.appendix import QuotedArticle, appendix_articles, resolve_cited, version_text
from generator.official_format import heading_label
from generator.render import Markdown
from generator.review.casefile import CommentaryCase, LegalityCase, OpinionCase, Party
from generator.review.checks import Review, Section
from generator.review.citing import CitedRef, ref_label
from generator.review.findings import NOTE, PASS, PROBLEM, Authority, Conclusion, Finding
from kb.standards.models import UNIT
from kb.store import Store

OUTCOME_WORDS = {PASS: "符合规定", NOTE: "需要注意", PROBLEM: "存在问题"}
NO_NOTE = "审核人员未填写本项意见"
_CLOSING = "。！？；：…"

COMMON = frozenset({"agency", "number", "reviewer", "reviewed", "sections", "conclusion", "appendix"})
VARIABLES = {
    "opinion": COMMON
    | {"department", "cause", "party", "submitted", "facts", "evidence", "violated", "basis", "penalties"},
    "legality": COMMON | {"matter", "drafter", "submitted", "content"},
    "commentary": frozenset(
        {"title", "case", "facts", "issues", "analysis", "rule", "citations", "author", "written", "appendix"}
    ),
}


def opinion_context(store: Store, case: OpinionCase, review: Review) -> dict[str, Any]:
    """The variables of 法制审核意见书."""
    return {
        **_review_context(store, case, review, [*case.violated, *case.basis]),
        "department": case.office,
        "cause": case.cause,
        "party": {"name": case.party.name, "description": party_description(case.party)},
        "submitted": case.submitted,
        "facts": paragraphs(case.facts),
        "evidence": numbered(case.evidence, end="；"),
        "violated": "、".join(cited.written for cited in case.violated),
        "basis": "、".join(cited.written for cited in case.basis),
        "penalties": penalties(case),
    }


def legality_context(store: Store, case: LegalityCase, review: Review) -> dict[str, Any]:
    """The variables of 重大行政决策合法性审查意见书."""
    return {
        **_review_context(store, case, review, case.basis),
        "matter": case.matter,
        "drafter": case.drafter,
        "submitted": case.submitted,
        "content": paragraphs(case.content),
    }


def commentary_context(store: Store, case: CommentaryCase, review: Review) -> dict[str, Any]:
    """The variables of 案例评析; the analysis is Markdown placed under the level-1 heading 三、评析."""
    return {
        "title": case.title,
        "case": case.case,
        "facts": paragraphs(case.facts),
        "issues": numbered(case.issues),
        "analysis": Markdown(case.analysis, heading_offset=1),
        "rule": paragraphs(case.rule),
        "citations": numbered([citation_text(store, cited) for cited in case.citations], end="；"),
        "author": case.author,
        "written": case.written,
        "appendix": _appendix(store, case.citations, review),
    }


def _review_context(store: Store, case, review: Review, cited: list[CitedRef]) -> dict[str, Any]:
    """The variables shared by the two review opinions."""
    return {
        "agency": case.authority,
        "number": case.number,
        "reviewer": case.reviewer,
        "reviewed": case.reviewed,
        "sections": [section_context(index, section) for index, section in enumerate(review.sections, start=1)],
        "conclusion": conclusion_context(review.conclusion),
        "appendix": _appendix(store, cited, review),
    }


def section_context(index: int, section: Section) -> dict[str, Any]:
    """One reviewed aspect: （一）title, the reviewer's text, then the findings numbered 1. 2. …"""
    note = section.note or ("" if section.findings else NO_NOTE)
    findings = [finding_entry(number, f) for number, f in enumerate(section.findings, start=1)]
    return {"label": heading_label(2, index), "title": section.aspect, "note": sentence(note), "findings": findings}


def finding_entry(number: int, finding: Finding) -> dict[str, Any]:
    """A finding as printed: title, outcome word, message, details （1）…, remedy and the articles it relies on."""
    details = list(finding.details)
    if finding.overridden_by:
        details.insert(
            0,
            f"经审核人员判断不作为问题：{finding.overridden_by}"
            f"（机器核对结果为“{OUTCOME_WORDS[finding.original_outcome]}”）",
        )
    return {
        "label": heading_label(3, number),
        "title": finding.title,
        "outcome": OUTCOME_WORDS[finding.outcome],
        "message": sentence(finding.message),
        "details": numbered(details, level=4),
        "remedy": sentence(finding.remedy),
        "basis": citation_list(finding.citations),
    }


def conclusion_context(conclusion: Conclusion) -> dict[str, Any]:
    """The conclusion word with its reasons and notes numbered 1. 2. …"""
    return {"result": conclusion.result, "reasons": numbered(conclusion.reasons), "notes": numbered(conclusion.notes)}


def penalties(case: OpinionCase) -> list[dict[str, Any]]:
    """The proposed penalties, numbered, each ending in ； and the last in 。"""
    decision = case.decision
    items: list[dict[str, Any]] = []
    if decision.fine is not None:
        items.append(_penalty("对当事人处以罚款", decision.fine))
    items += [_penalty(f"对{fine.role}{fine.name}处以罚款", fine.amount) for fine in decision.person_fines]
    items += [_penalty(m.kind, m.amount, f"（{m.term}）" if m.term else "") for m in decision.measures]
    for number, item in enumerate(items, start=1):
        item["label"] = heading_label(3, number)
        item["end"] = "。" if number == len(items) else "；"
    return items


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


def citation_text(store: Store, cited: CitedRef) -> str:
    """《全称》第X条第Y款（version） for a resolvable citation, else the citation as written."""
    found = resolve_cited(store, cited)
    if found is None:
        return f"{cited.written}（法规库未收录）"
    law, _ = found
    return f"{law.display_title}{ref_label(cited.ref)}（{version_text(law)}）"


def citation_list(authorities: Iterable[Authority]) -> str:
    """A finding's articles as one citation: 《中华人民共和国行政处罚法》第三十六条第一款、第二款 …

    Each law's full title is written once, before its first article; a
    repeated article number is written once.
    """
    by_law: dict[str, list[str]] = {}
    for authority in authorities:
        title = authority.resolved.law.display_title if authority.resolved else f"《{authority.ref.law}》"
        labels = by_law.setdefault(title, [])
        label = ref_label(authority.ref)
        article = label[: label.index("条") + 1]
        if labels and labels[-1].startswith(article) and label != article:
            label = label[len(article):]
        if label not in labels:
            labels.append(label)
    return "、".join(title + "、".join(labels) for title, labels in by_law.items())


def paragraphs(text: str) -> list[str]:
    """The non-blank lines of ``text``, stripped: one per paragraph."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def sentence(text: str) -> str:
    """``text`` stripped and closed with 。 unless it already ends with punctuation ('' stays '')."""
    text = text.strip()
    return text if not text or text[-1] in _CLOSING else text + "。"


def numbered(texts: Iterable[str], level: int = 3, end: str = "") -> list[dict[str, str]]:
    """Label texts 1. 2. … (level 3) or （1） （2） … (level 4).

    Without ``end`` every text becomes a sentence; with it every text but the
    last ends in ``end`` and the last in 。 (for enumerations inside one sentence).
    """
    items = [text.strip().rstrip("；;。") if end else sentence(text) for text in texts if text.strip()]
    return [
        {"label": heading_label(level, number), "text": text + (("。" if number == len(items) else end) if end else "")}
        for number, text in enumerate(items, start=1)
    ]


def _penalty(text: str, amount: Decimal | None, term: str = "") -> dict[str, Any]:
    return {"label": "", "text": text, "amount": amount, "term": term, "end": ""}


def _appendix(store: Store, cited: list[CitedRef], review: Review) -> list[QuotedArticle]:
    return appendix_articles(store, cited, review.appendix)
