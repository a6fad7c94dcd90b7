"""What the 法制审核意见书 template receives: the case and its review in a reviewer's words.

The opinion follows the structure reviewers use: 主送, an opening naming the
case, 一、案件基本情况 (the party, 立案, the facts and evidence, each violation
with the penalty proposed, 告知, 陈述申辩 or 听证 and the 复核 answer),
二、审核意见 item by item, 三、审核结论 in the standard form, 四、建议, the
signature and the appendix of the articles the decision relies on.
"""

from __future__ import annotations

from typing import Any

from generator import review_voice as voice
from generator.appendix import appendix_articles, appendix_fields
from generator.case_text import cited_text, grouped_citations, party_description
from generator.context_text import clause, money, numbered, paragraphs, review_item, sentence, unique
from generator.filters import date_text
from generator.official_format import heading_label
from generator.opinion_said import remedy_implied, said_once
from generator.opinion_violations import Violation, violations
from generator.review import findings as fd
from generator.review.casefile import OpinionCase
from generator.review.checks import Review
from generator.review.parts import ADOPTED
from generator.wording import office_name
from kb.store import Store

# How the conclusion names an aspect that failed, and one the machine could not check (需核实).
WRONG, UNCHECKED = "不符合规定", "尚需核实"

REVIEW_ARTICLE = "《中华人民共和国行政处罚法》第五十八条第一款"


def opinion_context(store: Store, case: OpinionCase, review: Review) -> dict[str, Any]:
    """The variables of 法制审核意见书."""
    listed = violations(case)
    several = len(listed) > 1
    items = [_violation_context(store, case, v, heading_label(2, n) if several else "")
             for n, v in enumerate(listed, start=1)]
    defence = defence_context(case)
    opinions = opinion_items(store, case, review, listed)
    problems, suggestions = _problems_and_suggestions(review)
    merged = merged_phrase(case, listed)
    conclusion = conclusion_context(case, review, items, problems, merged)
    return {
        "机关": case.authority,
        "法制机构": office_name(),
        "文号": case.number,
        "主送": case.office,
        "案由": case.cause,
        "案件编号": case.case_number,
        "当事人": {"名称": case.party.name, "身份": party_description(case.party)},
        "送审日期": case.submitted,
        "立案日期": case.filed,
        "违法事实": paragraphs(case.facts),
        "证据": sentence("；".join(f"（{n}）{clause(e)}" for n, e in enumerate(case.evidence, start=1))),
        "违法行为": items,
        "合并处罚": merged,
        "告知": defence["告知"],
        "陈述申辩": defence["陈述申辩"],
        "复核": defence["复核"],
        "审核意见": opinions,
        "审核结论": conclusion,
        "建议": numbered(suggestions),
        "审核人": case.reviewer,
        "审核日期": case.reviewed,
        "附件": appendix_fields(appendix_articles(store, [c for v in listed for c in (*v.violated, *v.basis)], [])),
    }


def _violation_context(store: Store, case: OpinionCase, violation: Violation, label: str) -> dict[str, Any]:
    """One violation: its label (（一） when there are several), the citations, the proposed decision and
    the sentence of the submitting office's finding (认定)."""
    violated = "、".join(cited_text(store, c) for c in violation.violated)
    basis = "、".join(cited_text(store, c) for c in violation.basis)
    decided = decision_phrase(violation)
    facts = "".join(sentence(line) for line in violation.facts) if label else ""
    subject = ("当事人的上述行为" if facts else f"当事人{violation.act}的行为") if label else \
        f"{case.office}认为，当事人的上述行为"
    return {
        "标号": label,
        "行为": violation.act,
        "违反条款": violated,
        "处罚依据": basis,
        "拟处罚": decided,
        "认定": f"{label}{facts}{subject}违反了{violated}的规定，依据{basis}的规定，拟{decided}。",
    }


def decision_phrase(violation: Violation) -> str:
    """给予…的行政处罚，并责令当事人限期改正 — penalties first, orders to correct apart from them."""
    penalties = "，".join(p.text for p in violation.penalties)
    corrections = "，".join(violation.corrections)
    if violation.waived:
        return "不予行政处罚" + (f"，并{corrections}" if corrections else "")
    if penalties and corrections:
        return f"{penalties}的行政处罚，并{corrections}"
    return f"{penalties}的行政处罚" if penalties else corrections


def defence_context(case: OpinionCase) -> dict[str, str]:
    """告知 (date and rights), 陈述申辩 (what the party said) and 复核 (the answer) sentences."""
    procedure = case.procedure
    rights = "陈述、申辩、要求听证" if procedure.hearing_notified else "陈述、申辩"
    notice = (f"{date_text(procedure.notice_date)}，{case.office}向当事人送达行政处罚告知书，告知拟作出的行政处罚"
              f"内容及事实、理由、依据和依法享有的{rights}权利。" if procedure.notice_date else "")
    said = procedure.statement.strip()
    if procedure.waived:
        statement = "当事人明确放弃陈述、申辩权利。"
    elif said and not procedure.statement_made:
        statement = "当事人在法定期限内未提出陈述、申辩。"
    else:
        statement = sentence(said)
    if procedure.hearing_requested and not procedure.hearing_held:
        statement += "当事人要求举行听证。"
    if procedure.hearing_held:
        held = f"{date_text(procedure.hearing_date)}，" if procedure.hearing_date else ""
        statement += f"{held}本机关依当事人申请举行了听证。"
    return {"告知": notice, "陈述申辩": statement, "复核": reexamination(case)}


def reexamination(case: OpinionCase) -> str:
    """The submitting office's answer to the defence (复核): adopted or not, and why ('' when none)."""
    procedure = case.procedure
    if not procedure.statement_made or not procedure.handling:
        return ""
    reason = f"，理由是：{clause(procedure.handling_reason)}" if procedure.handling_reason else ""
    if procedure.handling == ADOPTED:
        return f"经复核，{case.office}采纳了当事人的陈述、申辩意见{reason}。"
    return f"经复核，{case.office}对当事人的陈述、申辩意见{procedure.handling}{reason}。"


def merged_phrase(case: OpinionCase, listed: list[Violation]) -> str:
    """分别裁量、合并处罚: the sum per person of several violations' fines ('' for one violation)."""
    if len(listed) < 2:
        return ""
    decision = case.decision
    parts = [f"对当事人处以罚款合计{money(decision.fine)}"] if decision.fine else []
    parts += [f"对{p.role}{p.name}处以罚款合计{money(p.amount)}" for p in decision.person_fines]
    return f"以上违法行为分别裁量、合并处罚，{'，'.join(parts)}。" if parts else ""


def opinion_items(store: Store, case: OpinionCase, review: Review, listed: list[Violation]) -> list[dict[str, Any]]:
    """二、审核意见: one item per aspect with something to say, in the order reviewers use."""
    sections = {section.aspect: section for section in review.sections}
    said = said_once([f for aspect in voice.ASPECT_TITLES if aspect in sections
                      for f in sections[aspect].findings if f.standing])
    items = []
    for aspect, title in voice.ASPECT_TITLES.items():
        section = sections.get(aspect)
        texts = [sentence(section.note)] if section and section.note else []
        texts += _machine_sentences(store, case, section.findings if section else [], listed, said)
        texts = unique(texts)
        if texts:
            items.append(review_item(len(items) + 1, title, texts))
    return items


def _machine_sentences(store, case, findings, listed, said: dict[int, tuple[str, str]]) -> list[str]:
    texts = []
    for finding in findings:
        if finding.check_id == fd.REVIEW_SCOPE and finding.standing and not finding.implies:
            texts.append(f"本案属于{REVIEW_ARTICLE}规定应当进行法制审核的情形。")
        elif finding.standing and id(finding) in said:
            message, after = said[id(finding)]
            texts += [voice.finding_sentence(finding, message) if message else "", after]
        elif finding.overridden_by or finding.standing:
            texts.append(voice.finding_sentence(finding))
        else:
            texts.append(_passed_sentence(store, case, finding, listed))
    return [text for text in texts if text]


def _passed_sentence(store, case, finding: fd.Finding, listed: list[Violation]) -> str:
    """A reviewer's sentence for a passed check, or '' where a reviewer would say nothing."""
    check = finding.check_id
    if check == fd.LEGAL_BASIS:
        cited = grouped_citations(store, [c for v in listed for c in (*v.violated, *v.basis)])
        return f"本案适用的{cited}均为现行有效的规定。"
    if check == fd.TIME_LIMIT:
        return "本案在法定办案期限内。"
    if check == fd.HEARING and finding.message.startswith("拟处罚未达到"):
        return "拟处罚不属于应当告知听证权利的情形。"
    if check == fd.ACT_FIT:
        return "违法事实与处罚依据规定的违法行为相符。"
    if check == fd.STATEMENT:
        return "已依法履行告知程序" + ("，并对当事人的陈述、申辩进行了复核。" if case.procedure.statement_made else "。")
    if check in (fd.REVIEW_SCOPE, fd.DOUBLE_FINE, fd.REFERRAL, fd.REVIEW_LIMIT, fd.VERSION) or (
            check in (fd.COLLECTIVE, fd.CIRCUMSTANCE) and finding.message.startswith(("未写明", "送审材料未写明"))):
        return ""  # a reviewer mentions these only when something is wrong
    if check == fd.DISCRETION:
        explained = [clause(v.discretion.explanation) for v in listed if v.discretion and v.discretion.explanation]
        if explained:
            return "；".join(explained) + "，拟罚款在该阶次的罚款幅度内。"
        return voice.named_once(voice.legal_wording(finding.message)) + "。"
    return voice.legal_wording(finding.message) + "。"


def _problems_and_suggestions(review: Review) -> tuple[list[str], list[str]]:
    """The problems the conclusion names (short: the aspect reviewed) and the suggestions of 四、建议."""
    standing = [f for f in review.findings if f.standing]
    problems = [f"{f.title}{UNCHECKED if f.unverified and f.outcome != fd.PROBLEM else WRONG}"
                for f in standing if f.implies]
    implied = remedy_implied(standing)
    suggestions = [voice.remedy_sentence(f) for f in standing  # a note without a remedy stays in its item
                   if id(f) not in implied]
    return unique(problems), unique(suggestions)


def conclusion_context(case: OpinionCase, review: Review, items: list[dict], problems: list[str],
                       merged: str = "") -> dict[str, Any]:
    """三、审核结论 in the standard form: the conclusion word, the reasons and the penalty agreed to.

    The problems are named in one sentence (the review items above state them
    in full); reasons the reviewer wrote are listed.
    """
    result = review.conclusion.result
    word = voice.CONCLUSION_WORDS.get(result, result)
    written = [sentence(reason) for reason in case.reasons] if not review.conclusion.proposed else []
    failed = {f.aspect for f in review.findings if f.standing and f.implies}
    good = "、".join(voice.qualities(failed))
    decided = merged.removeprefix("以上违法行为分别裁量、合并处罚，").rstrip("。") if merged else items[0]["拟处罚"]
    corrections = unique(c for v in violations(case) for c in v.corrections) if merged else []
    decided += "".join(f"，并{c}" for c in corrections)
    if result == fd.AGREE:
        lead = f"经审核，本案{good}，同意{decided}。"
        return {"结论": word, "说明": lead, "问题": numbered(written), "结语": ""}
    grouped = ["、".join(p.removesuffix(end) for p in problems if p.endswith(end)) + end
               for end in (WRONG, UNCHECKED) if any(p.endswith(end) for p in problems)]
    found = "，且".join(grouped + [p for p in problems if not p.endswith((WRONG, UNCHECKED))])
    lead = "经审核，本案" + (f"{good}，但" if good else "") + (f"{found}，具体见审核意见。" if found else "存在以下问题：")
    closing = {
        fd.AGREE_IF_AMENDED: f"请{case.office}按照本意见修改后，重新提交法制审核。",
        fd.DISAGREE: f"请{case.office}按照本意见重新研究处理。",
        fd.INVESTIGATE: f"请{case.office}补充调查后，重新提交法制审核。",
    }.get(result, "")
    return {"结论": word, "说明": lead, "问题": numbered(written), "结语": closing}
