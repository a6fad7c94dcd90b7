"""Template contexts: a reviewed case file turned into the plain values the .docx templates print.

Each builder returns a dict whose keys are exactly the variables its
template may use (``VARIABLES``), so ``fazhi template check`` can tell an
edited template's misspelt tag from a real variable.  Sentences get their
closing punctuation here and enumerations their labels (1. （1） …), so the
templates only loop and print.  Amounts stay numbers: the templates format
them with the ``yuan`` and ``capital`` filters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from generator.appendix import (
    QuotedArticle,
    appendix_articles,
    resolve_cited,
    version_text,
)
from generator.official_format import heading_label
from generator.render import Markdown
from generator.review.casefile import CommentaryCase, LegalityCase, OpinionCase, Party
from generator.review.checks import Review, Section
from generator.review.citing import CitedRef, ref_label
from generator.review.findings import (
    NOTE,
    PASS,
    PROBLEM,
    Authority,
    Conclusion,
    Finding,
)
from kb.cases.store import CaseStore
from kb.standards.models import UNIT
from kb.store import Store

OUTCOME_WORDS = {PASS: "符合规定", NOTE: "需要注意", PROBLEM: "存在问题"}
NO_NOTE = "审核人员未填写本项意见"
_CLOSING = "。！？；：…"
_ARTICLE_RE = re.compile(r"第[^条]+条(?:之[一二三四五六七八九十]+)?")
_MD_HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.*)$", re.MULTILINE)
_LABEL_RE = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])\s*")

COMMON = frozenset({"agency", "number", "reviewer", "reviewed", "sections", "conclusion", "appendix"})
VARIABLES = {
    "opinion": COMMON
    | {"department", "cause", "party", "submitted", "facts", "evidence", "violated", "basis", "penalties"},
    "legality": COMMON | {"matter", "drafter", "submitted", "content"},
    "commentary": frozenset(
        {"title", "subtitle", "case", "facts", "issues", "analysis", "rule", "citations", "author", "written",
         "appendix"}
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
    title, _, subtitle = case.title.partition("——")
    return {
        "title": title.strip(),
        "subtitle": f"——{subtitle.strip()}" if subtitle.strip() else "",
        "case": case_reference(store, case.case),
        "facts": paragraphs(case.facts),
        "issues": numbered(case.issues),
        "analysis": analysis_markdown(case.analysis),
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


def case_reference(store: Store, code: str) -> str:
    """The typical case a commentary is about, as readers know it: its 案号 when the case store has one."""
    found = CaseStore(store).get(code) if code else None
    return found.number if found and found.number else code


def citation_text(store: Store, cited: CitedRef) -> str:
    """《全称》第X条第Y款（version） for a resolvable citation, else the citation as written."""
    found = resolve_cited(store, cited)
    if found is None:
        return f"{cited.written}（法规库未收录）"
    law, _ = found
    return f"{law.display_title}{ref_label(cited.ref)}（{version_text(law)}）"


def citation_list(authorities: Iterable[Authority]) -> str:
    """A finding's articles as one citation: 《中华人民共和国行政处罚法》第三十六条第一款、第二款 …

    Each law's full title is written once, before its first article; the
    article number is not repeated for further 款/项 of the same article.
    """
    by_law: dict[str, list[tuple[str, str]]] = {}
    for authority in authorities:
        title = authority.resolved.law.display_title if authority.resolved else f"《{authority.ref.law}》"
        label = ref_label(authority.ref)
        article = _ARTICLE_RE.match(label).group(0)
        parts = by_law.setdefault(title, [])
        if (article, label[len(article):]) not in parts:
            parts.append((article, label[len(article):]))
    return "、".join(title + _join_labels(parts) for title, parts in by_law.items())


def _join_labels(parts: list[tuple[str, str]]) -> str:
    written, previous = [], None
    for article, rest in parts:
        written.append(rest if article == previous and rest else article + rest)
        previous = article
    return "、".join(written)


def analysis_markdown(text: str, under_level: int = 1) -> Markdown:
    """The commentary's Markdown analysis, placed under a heading of ``under_level``.

    Authors start wherever they like (``#`` or ``###``) and often number
    their headings themselves (### 一、…): the top level used becomes the
    level below ``under_level`` and written labels are dropped, so the
    headings get the labels of their real level (（一） under 三、).
    """
    top = min((len(match.group(1)) for match in _MD_HEADING_RE.finditer(text)), default=1)
    shifted = _MD_HEADING_RE.sub(
        lambda match: "#" * (len(match.group(1)) - top + 1) + " " + _LABEL_RE.sub("", match.group(2)), text
    )
    return Markdown(shifted, heading_offset=under_level)


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
