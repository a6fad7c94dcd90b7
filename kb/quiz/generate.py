"""Build questions from the current version of a law: one question per fact, every answer proved.

For every fact of `kb.quiz.facts` the generator

1. checks that the source determines it: the sentence, with the blank, is filled with the same
   words wherever it stands in the law (else the stem names the article; when even the article
   has other words there, no question is made);
2. picks distractors of the same kind from the same law — other amounts, ratios and periods
   (those of the same form first: 以下 with 以下), other authorities or liable persons, the acts
   or duties of the other lists — and keeps only those that stand nowhere in the law in that
   sentence (never also true) and do not include or overlap the answer;
3. makes one question of the kind its turn asks for (单选, 判断, 填空 in rotation), or of the next
   kind the distractors allow; a list (下列……) becomes a 多选 question.

Facts already asked in the bank (same `slot`) are not asked again.
"""

import hashlib
import random
import re
from dataclasses import dataclass
from datetime import date

from kb.models import Article, Law
from kb.quiz import facts
from kb.quiz.models import (FALSE, FILL, KINDS, LETTERS, MULTIPLE, SINGLE, STATUTE, TRUE,
                            TRUE_FALSE, Question, Source)
from kb.quiz.proof import filled, fills_at, holds, similar
from kb.store import Store
from kb.versions_diff import normalized

ROTATION = (SINGLE, TRUE_FALSE, FILL)
CHOICES = 4                          # options of a 单选 question
MULTIPLE_OPTIONS = 5                 # at most, of a 多选 question
MULTIPLE_KEYS = 3                    # at most this many right options when there are distractors
_SHAPE_RE = re.compile(r"(以上|以下|以内|内|至)")


@dataclass
class _Fact:
    article: Article
    slot: facts.Slot
    cite_article: bool


def source_of(law: Law, article: Article) -> Source:
    """The source record of a question built from `article` of this law version."""
    return Source(kind=STATUTE, key=law.key, title=law.display_title, ref_id=law.id, version=law.version,
                  label=article.label, number=article.number, suffix=article.suffix, text=article.text)


def slot_key(law: Law, article: Article, context: str, cite_article: bool) -> str:
    """What a question asks, for duplicates: the law, the article when the stem names it, the context."""
    return "|".join([law.key, article.label if cite_article else "", normalized(context)])


def stem_key(question: Question) -> str:
    """The question's words as a duplicate check sees them (two 判断 on one sentence are one question)."""
    return "题干|" + normalized(question.stem)


def generate_for_law(store: Store, law: Law, kinds: tuple[str, ...] = KINDS, asked: set[str] = frozenset(),
                     today: date | None = None) -> list[Question]:
    """Questions on the facts of one law version (see the module docstring); `asked` holds the slots
    and stem keys of the questions the bank already has."""
    articles = [a for a in store.articles(law.id) if a.number is not None]
    texts = [a.text for a in articles]
    found, seen = [], set(asked)
    pools = _pools(articles)
    turn = 0
    for article in articles:
        for slot in facts.slots(article):
            fact = _determined(article, slot, texts)
            if fact is None:
                continue
            key = slot_key(law, article, slot.context, fact.cite_article)
            if key in seen:
                continue
            question = _fact_question(law, fact, pools, texts, kinds, turn)
            if question and stem_key(question) in seen and FILL in kinds:
                question = _fact_question(law, fact, pools, texts, (FILL,), turn)   # 判断 said it already
            if question and stem_key(question) not in seen:
                seen.add(stem_key(question))
                question.slot, question.created = key, today or date.today()
                seen.add(key)
                found.append(question)
                turn += 1
        if MULTIPLE in kinds:
            for listing in facts.listings(article):
                key = f"{law.key}|{article.label}|{facts.LISTED}|{listing.paragraph}"
                question = None if key in seen else _list_question(law, article, listing, articles)
                if question and stem_key(question) not in seen:
                    seen.add(stem_key(question))
                    question.slot, question.created = key, today or date.today()
                    seen.add(key)
                    found.append(question)
    return found


def _determined(article: Article, slot: facts.Slot, texts: list[str]) -> _Fact | None:
    if fills_at(slot.context, texts, slot.fill) == {normalized(slot.fill)}:
        return _Fact(article, slot, cite_article=False)
    if fills_at(slot.context, [article.text], slot.fill) == {normalized(slot.fill)}:
        return _Fact(article, slot, cite_article=True)
    return None


def _pools(articles: list[Article]) -> dict[str, list[tuple[str, int]]]:
    """Every fact of the law per kind, with the position of its article, first occurrence only."""
    pools: dict[str, list[tuple[str, int]]] = {}
    for article in articles:
        for slot in facts.slots(article):
            pool = pools.setdefault(slot.fact, [])
            if slot.fill not in (fill for fill, _ in pool):
                pool.append((slot.fill, article.position))
    return pools


def distractors(fact: _Fact, pools: dict, texts: list[str], wanted: int) -> list[str]:
    """Up to `wanted` wrong answers for a fact: same kind, same law, false in the law (see the module
    docstring); same form and nearer articles first."""
    slot, position = fact.slot, fact.article.position
    shape = _shape(slot.fill)
    overlaps = facts.overlapping()
    candidates = []
    for fill, where in pools.get(slot.fact, []):
        if fill == slot.fill or fill in slot.fill or slot.fill in fill or fill in slot.context:
            continue
        if slot.fact == facts.PERIOD and _shape(fill) != shape:
            continue                 # 二年内 for 五年 would not read as a sentence
        if frozenset((fill, slot.fill)) in overlaps:
            continue
        if any(holds(filled(slot.context, fill), text) for text in texts):
            continue
        candidates.append((_shape(fill) != shape, abs(where - position), fill))
    return [fill for *_, fill in sorted(candidates)[:wanted]]


def _shape(text: str) -> tuple[str, ...]:
    return tuple(_SHAPE_RE.findall(text))


def choose_kind(kinds: tuple[str, ...], wrong: list[str], turn: int) -> str | None:
    """The kind of this turn's question (单选, 判断, 填空 in rotation), or the next the distractors allow:
    单选 needs three, a 判断 that is false (every other one) needs one."""
    feasible = [kind for kind in ROTATION if kind in kinds
                and (kind != SINGLE or len(wrong) >= CHOICES - 1)
                and (kind != TRUE_FALSE or wrong or turn % 2 == 0)]
    return next((k for k in ROTATION[turn % len(ROTATION):] + ROTATION if k in feasible), None)


def cloze_question(kind: str, prefix: str, shown_context: str, fill: str, wrong: list[str], turn: int,
                   **common) -> Question:
    """A 单选, 判断 or 填空 question on a context: the stem is `prefix` and `shown_context` (with the
    blank, or filled for 判断); `common` carries source, fact, context and fill."""
    if kind == FILL:
        return Question(kind=FILL, stem=prefix + shown_context, answer=fill, fill=fill, **common)
    if kind == TRUE_FALSE:
        true = turn % 2 == 0 or not wrong
        shown = fill if true else wrong[0]
        return Question(kind=TRUE_FALSE, stem=prefix + filled(shown_context, shown), answer=TRUE if true else FALSE,
                        options=[shown], fill=fill, **common)
    options = shuffled([fill, *wrong[:CHOICES - 1]], shown_context)
    return Question(kind=SINGLE, stem=prefix + shown_context, answer=LETTERS[options.index(fill)],
                    options=options, fill=fill, **common)


def _fact_question(law: Law, fact: _Fact, pools: dict, texts: list[str], kinds: tuple[str, ...],
                   turn: int) -> Question | None:
    wrong = distractors(fact, pools, texts, CHOICES - 1)
    kind = choose_kind(kinds, wrong, turn)
    shown = _told_of_act(fact.article, fact.slot)
    if kind is None or shown is None:
        return None
    prefix = f"根据{law.display_title}{fact.article.label if fact.cite_article else ''}，"
    return cloze_question(kind, prefix, shown, fact.slot.fill, wrong, turn, source=source_of(law, fact.article),
                          fact=fact.slot.fact, context=fact.slot.context)


def _told_of_act(article: Article, slot: facts.Slot) -> str | None:
    """The context, its 有下列行为之一的 told of the first listed act; None when the context points to
    a list (下列) it cannot tell, since the stem alone would not determine the answer."""
    if "下列" not in slot.context:
        return slot.context
    items = facts.listed_items(article, slot.paragraph)
    return facts.acts_stem(slot.context, items[0]) if items else None


def _list_question(law: Law, article: Article, listing: facts.Listing, articles: list[Article]) -> Question | None:
    """A 多选 question on a list: some of its items and the items of the law's other lists of the same
    kind (行为, 情形, 职责) that the article does not hold; all items (up to four) when none is left."""
    others = [item for other in articles for other_listing in facts.listings(other)
              if other_listing.noun == listing.noun and not _same_lead(other_listing.lead, listing.lead)
              for item in other_listing.items]
    wrong = [item for item in dict.fromkeys(others)
             if not holds(item, article.text) and not any(similar(item, mine) for mine in listing.items)]
    rng = random.Random(_seed(law.key + article.label + listing.lead))
    keys_wanted = MULTIPLE_KEYS if wrong else 4
    keys = rng.sample(list(listing.items), min(keys_wanted, len(listing.items)))
    wrong = rng.sample(wrong, min(MULTIPLE_OPTIONS - len(keys), len(wrong), 2))
    options = shuffled(keys + wrong, listing.lead)
    answer = "".join(LETTERS[i] for i, option in enumerate(options) if option in keys)
    lead = facts.list_question_lead(listing)
    if lead is None:
        return None
    stem = f"根据{law.display_title}{article.label}，{lead}"
    return Question(kind=MULTIPLE, stem=stem, answer=answer, options=options, source=source_of(law, article),
                    fact=facts.LISTED, context=listing.lead, fill="；".join(listing.items))


def _same_lead(one: str, other: str) -> bool:
    """True when two leads are one text, or impose the same (their amounts, ratios and periods agree):
    the acts of one would be right answers under the other too."""
    def figures(text: str) -> list[str]:
        return [m.group() for pattern in facts.PATTERNS.values() for m in pattern.finditer(text.split("；")[0])]
    return one == other or bool(figures(one)) and figures(one) == figures(other)


def shuffled(options: list[str], seed_text: str) -> list[str]:
    """The options in an order fixed by `seed_text`, so that generating again gives the same question."""
    options = list(options)
    random.Random(_seed(seed_text)).shuffle(options)
    return options


def _seed(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16)
