"""Questions from a discretion standard (裁量基准): for each tier (裁量阶次) of an item, the fine it
sets for each party, asked against the fines of the item's other tiers.

The source of such a question is the tier: its violation, its conditions (适用条件) and its
具体标准, written out as one sentence (`tier_text`), in the standard's version.
"""

from datetime import date

from kb.quiz.generate import choose_kind, cloze_question, stem_key
from kb.quiz.models import BLANK, KINDS, STANDARD, Question, Source
from kb.standards.models import Standard, StandardItem, Tier
from kb.standards.penalty_text import amount_text, render
from kb.standards.store import StandardStore
from kb.store import Store

FACT = "裁量阶次"


def tier_text(item: StandardItem, tier: Tier) -> str:
    """The tier as one sentence: 违法行为，属“一般”阶次（适用条件）的，具体标准。"""
    conditions = "；".join(tier.conditions)
    when = f"（{conditions}）" if conditions else ""
    return f"{item.title}，属“{tier.name}”阶次{when}的，{render(tier.fines, tier.measures)}。"


def tier_label(item: StandardItem, tier: Tier) -> str:
    """AQ-097-7（一般）: the item and tier a question is built from."""
    return f"{item.code}（{tier.name}）"


def find_tier(store: Store, key: str, label: str) -> tuple[Standard, StandardItem, Tier] | None:
    """The current version of a standard and the item and tier a label names, or None."""
    standard = StandardStore(store).get(key)
    code, _, name = label.partition("（")
    item = standard.item(code) if standard else None
    tier = item.tier(name.rstrip("）")) if item else None
    return (standard, item, tier) if tier else None


def source_of(standard: Standard, item: StandardItem, tier: Tier) -> Source:
    """The source record of a question built from a tier of this standard version."""
    return Source(kind=STANDARD, key=standard.key, title=standard.display_title, ref_id=standard.id,
                  version=standard.issued, label=tier_label(item, tier), text=tier_text(item, tier))


def generate_for_standard(standard: Standard, kinds: tuple[str, ...] = KINDS, asked: set[str] = frozenset(),
                          today: date | None = None) -> list[Question]:
    """One question per fine of each tier, unless the bank asks it already (same slot or same stem);
    a distractor is a fine another tier sets for the same party, and not a figure of this tier."""
    found, turn = [], 0
    for item in standard.items:
        if item.code in standard.inherited:
            continue
        for tier in item.tiers:
            text = tier_text(item, tier)
            for rule in tier.fines:
                amount = amount_text(rule)
                slot = f"{standard.key}|{item.code}|{tier.name}|{rule.party}|{rule.kind}"
                if slot in asked or text.count(amount) != 1:
                    continue
                wrong = list(dict.fromkeys(
                    amount_text(other) for other_tier in item.tiers if other_tier is not tier
                    for other in other_tier.fines if other.same_slot(rule) and amount_text(other) not in text))
                question = _question(standard, item, tier, text.replace(amount, BLANK), amount, wrong, kinds, turn)
                if question and stem_key(question) not in asked:
                    asked = asked | {stem_key(question)}
                    question.slot, question.created = slot, today or date.today()
                    found.append(question)
                    turn += 1
    return found


def _question(standard, item, tier, context: str, fill: str, wrong: list[str], kinds, turn: int) -> Question | None:
    kind = choose_kind(kinds, wrong, turn)
    if kind is None:
        return None
    return cloze_question(kind, f"根据{standard.display_title}，", context, fill, wrong, turn,
                          source=source_of(standard, item, tier), fact=FACT, context=context)
