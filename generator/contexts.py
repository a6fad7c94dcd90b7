"""Template contexts: a reviewed case file turned into the plain values the .docx templates print.

Field names are Chinese, as a clerk reads them in the template
(``{{ 当事人.名称 }}``).  ``FIELDS`` describes every variable of each kind of
document down to the fields of list items, so ``fazhi template check`` tells
an edited template's misspelt tag or attribute from a real one.  Sentences
get their closing punctuation here and enumerations their labels (1. （1） …),
so the templates only loop and print.

The opinion's context is built in ``generator.opinion_context``; this module
builds the legality review's and the commentary's.
"""

from __future__ import annotations

import re
from typing import Any

from generator import review_voice as voice
from generator.appendix import appendix_articles, appendix_fields, resolve_cited
from generator.case_text import case_reference, cited_text, citation_text
from generator.context_text import clause, numbered, paragraphs, review_item, sentence, unique
from generator.filters import date_text
from generator.opinion_context import opinion_context
from generator.render import Markdown
from generator.review import findings as fd
from generator.review.casefile import STEPS, CommentaryCase, LegalityCase
from generator.review.checks import Review
from generator.wording import office_name
from kb.store import Store

__all__ = ["FIELDS", "VARIABLES", "opinion_context", "legality_context", "commentary_context"]

_MD_HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.*)$", re.MULTILINE)
_LABEL_RE = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])\s*")
OWN_STEP = "合法性审查"

# Variable schemas: None is a value printed as it is, a dict an object with those fields,
# a one-element list a list whose items have the fields of its element.
_LABELLED = [{"标号": None, "内容": None}]
_ARTICLE = [{"序号": None, "标题": None, "条": None, "版本": None, "段落": [None]}]
_ITEMS = [{"标号": None, "标题": None, "首段": None, "其余段落": [None]}]
_SIGNED = {"机关": None, "法制机构": None, "文号": None, "主送": None, "送审日期": None, "建议": _LABELLED,
           "审核意见": _ITEMS, "附件": _ARTICLE}
FIELDS: dict[str, dict[str, Any]] = {
    "opinion": _SIGNED | {
        "案由": None, "案件编号": None, "当事人": {"名称": None, "身份": None}, "立案日期": None,
        "违法事实": [None], "证据": None,
        "违法行为": [{"标号": None, "行为": None, "违反条款": None, "处罚依据": None, "拟处罚": None, "认定": None}],
        "合并处罚": None, "告知": None, "陈述申辩": None, "复核": None,
        "审核结论": {"结论": None, "说明": None, "问题": _LABELLED, "结语": None},
        "审核人": None, "审核日期": None,
    },
    "legality": _SIGNED | {
        "决策事项": None, "起草单位": None, "决策内容": [None],
        "审查结论": {"结论": None, "要点": _LABELLED, "结语": None},
        "审查人": None, "审查日期": None,
    },
    "commentary": {
        "标题": None, "副标题": None, "案号": None, "基本案情": [None], "争议焦点": _LABELLED,
        "评析": None, "启示": [None], "引用": _LABELLED, "作者": None, "日期": None, "附件": _ARTICLE,
    },
}
VARIABLES = {kind: frozenset(fields) for kind, fields in FIELDS.items()}


def legality_context(store: Store, case: LegalityCase, review: Review) -> dict[str, Any]:
    """The variables of 重大行政决策合法性审查意见书; the conclusion answers 第二十七条's three points."""
    sections = {section.aspect: section for section in review.sections}
    items = []
    for aspect, texts in (("法定权限", _authority_texts(store, case, sections["法定权限"])),
                          ("法定程序", _procedure_texts(case, sections["法定程序"])),
                          ("内容合法性", [sentence(sections["内容合法性"].note)] if sections["内容合法性"].note else [])):
        if texts:
            items.append(review_item(len(items) + 1, aspect, unique(texts)))
    standing = [f for f in review.findings if f.standing]
    return {
        "机关": case.authority,
        "法制机构": office_name(),
        "文号": case.number,
        "主送": case.drafter,
        "送审日期": case.submitted,
        "决策事项": case.matter,
        "起草单位": case.drafter,
        "决策内容": paragraphs(case.content),
        "审核意见": items,
        "审查结论": legality_conclusion(case, review, sections),
        "建议": numbered(unique([voice.remedy_sentence(f) or voice.finding_sentence(f) for f in standing])),
        "审查人": case.reviewer,
        "审查日期": case.reviewed,
        "附件": appendix_fields(appendix_articles(store, case.basis, [])),
    }


def _authority_texts(store: Store, case: LegalityCase, section) -> list[str]:
    texts = [sentence(section.note)] if section.note else []
    if case.authority_note:
        texts.append(sentence(case.authority_note))
    for finding in section.findings:
        if finding.standing or finding.overridden_by:
            texts.append(voice.finding_sentence(finding))
        else:
            texts.append(f"所依据的{'、'.join(cited_text(store, c) for c in case.basis)}为现行有效的规定。")
    return texts


def _procedure_texts(case: LegalityCase, section) -> list[str]:
    texts = [sentence(section.note)] if section.note else []
    for step in (s for s in STEPS if s != OWN_STEP):
        recorded = case.steps.get(step)
        if recorded is None:
            texts.append(f"送审材料未说明是否履行{step}程序。")
        elif recorded.not_applicable:
            texts.append(f"{step}：不适用，{clause(recorded.not_applicable)}。")
        else:
            when = f"{date_text(recorded.day)}，" if recorded.day else ""
            texts.append(f"{step}：{when}{sentence(recorded.summary)}")
    texts += [voice.finding_sentence(f) for f in section.findings if f.standing or f.overridden_by]
    return texts


def legality_conclusion(case: LegalityCase, review: Review, sections) -> dict[str, Any]:
    """审查结论: the answer to each of 第二十七条's three points, then the conclusion word."""
    def answer(aspect: str, yes: str, no: str, unchecked: str) -> str:
        section = sections[aspect]
        if any(f.standing and f.outcome == fd.PROBLEM for f in section.findings):
            return no
        if any(f.standing for f in section.findings) or (not section.findings and not section.note):
            return unchecked
        return yes

    points = [
        answer("法定权限", "决策事项符合法定权限", "决策事项是否符合法定权限存在问题，见审查意见",
               "决策事项是否符合法定权限尚需核实"),
        answer("法定程序", "决策草案的形成已履行相关法定程序", "决策草案的形成未依法履行相关法定程序",
               "决策草案的形成是否履行相关法定程序尚需核实"),
        answer("内容合法性", "决策草案内容符合有关法律、法规、规章和国家政策的规定",
               "决策草案内容存在不符合有关法律、法规、规章和国家政策规定之处",
               "决策草案内容是否符合有关法律、法规、规章和国家政策的规定尚待审查"),
    ]
    result = review.conclusion.result
    if result == fd.LAWFUL and review.conclusion.proposed and any(point.endswith(("尚需核实", "尚待审查"))
                                                                for point in points):
        result = fd.LAWFUL_IF_AMENDED
    closing = {
        fd.LAWFUL: f"建议按程序提请{case.authority}集体讨论决定。",
        fd.LAWFUL_IF_AMENDED: f"请{case.drafter}按照本意见修改完善后，按程序提请集体讨论决定。",
        fd.UNLAWFUL: "决策草案不宜提请集体讨论决定。",
    }.get(result, "")
    return {"结论": result, "要点": numbered(points, level=2, end="；"), "结语": closing}


def commentary_context(store: Store, case: CommentaryCase, review: Review) -> dict[str, Any]:
    """The variables of 案例评析; the analysis is Markdown placed under the level-1 heading 三、评析.

    The appendix quotes the articles cited; 引用 lists only those it cannot
    quote, so nothing is said twice.
    """
    title, _, subtitle = case.title.partition("——")
    unquoted = [c for c in case.citations if resolve_cited(store, c) is None]
    return {
        "标题": title.strip(),
        "副标题": f"——{subtitle.strip()}" if subtitle.strip() else "",
        "案号": case_reference(store, case.case),
        "基本案情": paragraphs(case.facts),
        "争议焦点": numbered(case.issues),
        "评析": analysis_markdown(case.analysis),
        "启示": paragraphs(case.rule),
        "引用": numbered([citation_text(store, cited) for cited in unquoted], end="；"),
        "作者": case.author,
        "日期": case.written,
        "附件": appendix_fields(appendix_articles(store, case.citations, [])),
    }


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
