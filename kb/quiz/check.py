"""Check a question against the statutes: 有依据 (the source says what the key says), 与条文不符 (the
source says otherwise), or 未找到依据 (the source could not be found or does not decide it).

A generated question carries the sentence it asks about (`context`), so its check is exact: the
key filled in must stand in the article, and no distractor may. An imported question is matched
by the words around its blank (（　　） or ____), its options or its statement.
"""

import difflib
import re
from dataclasses import dataclass

from kb.models import Article, Law
from kb.quiz.facts import PATTERNS, readings
from kb.quiz.models import LETTERS, MULTIPLE, SINGLE, STANDARD, TRUE, TRUE_FALSE, Question
from kb.quiz.proof import OTHER, filled, fills_at, holds
from kb.quiz.standards import find_tier, tier_text
from kb.store import Store
from kb.versions_diff import normalized

SUPPORTED, CONTRADICTED, NOT_FOUND = "有依据", "与条文不符", "未找到依据"
BLANK_RE = re.compile(r"[（(][\s　_]*[)）]|_{2,}")
PREFIX_RE = re.compile(r"^(?:根据|依照|按照)?《[^》]+》(?:（[^）]*）)?(?:第[零一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?)?"
                       r"(?:的)?(?:规定)?[，,：:]")
ANCHORS = (12, 8, 5)
NEAR = 0.8


@dataclass
class Verdict:
    """The outcome of one check and the source (《law》第X条, or a standard's tier) it was checked against."""

    outcome: str
    message: str
    citation: str = ""


@dataclass(frozen=True)
class Passage:
    """A text a question may be checked against, and how to cite it."""

    citation: str
    text: str


def keys(question: Question) -> list[str]:
    """The texts the answer stands for: the chosen options, or the words of the blank."""
    if question.kind in (SINGLE, MULTIPLE):
        return [question.options[LETTERS.index(letter)] for letter in question.answer
                if letter in LETTERS and LETTERS.index(letter) < len(question.options)]
    return [question.answer]


def check_text(question: Question, text: str) -> str:
    """SUPPORTED, CONTRADICTED or NOT_FOUND for one article text."""
    if question.context:
        return _check_exact(question, text)
    if question.kind == MULTIPLE:
        return _check_options(question, text)
    if question.kind == TRUE_FALSE:
        return _check_statement(question, text)
    return _check_blank(question, text)


def _check_exact(question: Question, text: str) -> str:
    if question.kind == MULTIPLE:
        return _check_options(question, text)
    if not holds(filled(question.context, question.fill), text):
        return CONTRADICTED if fills_at(question.context, [text], question.fill) - {OTHER} else NOT_FOUND
    if question.kind == TRUE_FALSE:
        said = holds(filled(question.context, question.options[0]), text)
        return SUPPORTED if said == (question.answer == TRUE) else CONTRADICTED
    right = keys(question)
    if len(right) != 1:
        return CONTRADICTED
    if not holds(filled(question.context, right[0]), text):
        return CONTRADICTED if fills_at(question.context, [text], right[0]) - {OTHER} else NOT_FOUND
    wrong = [option for option in question.options if option != right[0]]
    return CONTRADICTED if any(holds(filled(question.context, option), text) for option in wrong) else SUPPORTED


def _check_options(question: Question, text: str) -> str:
    true = {option for option in question.options if holds(option, text)}
    if not true:
        return NOT_FOUND
    return SUPPORTED if true == set(keys(question)) else CONTRADICTED


def _body(stem: str) -> str:
    return PREFIX_RE.sub("", stem.strip(), count=1)


def _check_blank(question: Question, text: str) -> str:
    parts = BLANK_RE.split(_body(question.stem), maxsplit=1)
    if len(parts) != 2:
        return NOT_FOUND
    left, right = normalized(parts[0].split("……")[-1]), normalized(parts[1].split("……")[0])
    source = normalized(text)
    answers = [normalized(key) for key in keys(question)]
    for size in ANCHORS:
        before, after = left[-size:] if left else "", right[:size]
        if before:
            pattern = re.escape(before) + ("(.{1,60}?)" + re.escape(after) if after else "(.{1,60})")
            found = re.findall(pattern, source)
            if found:
                return SUPPORTED if any(f == a or not after and f.startswith(a) for f in found for a in answers) \
                    else CONTRADICTED
        elif after:
            starts = [m.start() for m in re.finditer(re.escape(after), source)]
            if starts:
                return SUPPORTED if any(source.endswith(a, 0, at) for at in starts for a in answers) \
                    else CONTRADICTED
    return NOT_FOUND


def _check_statement(question: Question, text: str) -> str:
    pieces = [normalized(p) for p in re.split(r"[。；]|……", _body(question.stem)) if normalized(p)]
    if not pieces:
        return NOT_FOUND
    clauses = [normalized(c) for c in re.split(r"[。；\n]", text) if normalized(c)]
    skeletons = _skeleton(normalized(text))
    said = True
    for piece in pieces:
        if holds(piece, text):
            continue
        best = max((difflib.SequenceMatcher(None, piece, c, autojunk=False).ratio() for c in clauses), default=0.0)
        if best < NEAR and _skeleton(piece) not in skeletons:
            return NOT_FOUND
        said = False
    return SUPPORTED if said == (question.answer == TRUE) else CONTRADICTED


def _skeleton(text: str) -> str:
    """The text with its figures (二万元, 五日, 百分之四十) blanked: a statement that differs from the
    source in a figure only has the source's skeleton."""
    for pattern in PATTERNS.values():
        text = pattern.sub("#", text)
    return text


def candidates(store: Store, question: Question, lookup=None) -> list[Passage]:
    """The texts to check a question against: its source article in the law's current version (or
    its tier in the standard's current version), else what `lookup` (a function of the stem's text
    returning (law, article) pairs, e.g. a search) finds."""
    source = question.source
    if source.kind == STANDARD and source.key:
        found = find_tier(store, source.key, source.label)
        if found:
            standard, item, tier = found
            return [Passage(f"{standard.display_title}{item.code}“{tier.name}”阶次", tier_text(item, tier))]
        return []
    if source.key and source.number:
        found = store.find_article(source.key, source.number, source.suffix)
        if found:
            return [_passage(*found)]
    return [_passage(law, article) for law, article in lookup(stem_text(question))] if lookup else []


def _passage(law: Law, article: Article) -> Passage:
    return Passage(f"{law.display_title}{article.label}", readings(article))


def stem_text(question: Question) -> str:
    """The stem without its 根据《…》， opening and its blank, for searching the source."""
    return _body(BLANK_RE.sub("", question.stem))


def check_question(store: Store, question: Question, lookup=None) -> Verdict:
    """Check one question against its source, or against the articles `lookup` finds."""
    outcomes = []
    for passage in candidates(store, question, lookup):
        outcome = check_text(question, passage.text)
        outcomes.append((outcome, passage))
        if outcome == SUPPORTED:
            return Verdict(SUPPORTED, f"答案与{passage.citation}一致。", passage.citation)
    for outcome, passage in outcomes:
        if outcome == CONTRADICTED:
            return Verdict(CONTRADICTED, f"答案与{passage.citation}的规定不符，请核对。", passage.citation)
    if not outcomes:
        return Verdict(NOT_FOUND, "未找到出处：请在“依据”中写明《法律名称》第X条。")
    return Verdict(NOT_FOUND, f"{outcomes[0][1].citation}中未找到与题干对应的规定，未能核对答案。",
                   outcomes[0][1].citation)
