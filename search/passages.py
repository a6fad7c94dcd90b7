"""Passage-level evidence for re-ranking: how much of a question one part of an article answers.

An article is cut into passages: its lead sentence, each paragraph (款) and each item (项) with
the words that introduce the list. A question's tokens, each weighted by its query weight and its
rarity, are looked up in each passage; the share of the question's weight found is the passage's
coverage. A long list article is then found by the item that matches, and an article whose lead
sentence is almost the question stands out.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

ITEM_START = re.compile(r"[（(][一二三四五六七八九十]+[)）]")
LEAD_END = re.compile(r"[。：:；;]")


@dataclass
class Coverage:
    """Shares (0 … 1) of a question's weight found in an article: in its lead sentence, in its
    best passage and anywhere in it."""

    lead: float
    best: float
    whole: float


def lead_sentence(paragraphs: list[str]) -> str:
    """The article's first sentence (up to the first 。：or ；)."""
    first = paragraphs[0] if paragraphs else ""
    match = LEAD_END.search(first)
    return first[:match.start()] if match else first


def passages(paragraphs: list[str], items: list[tuple[int, int, str]]) -> list[str]:
    """The lead sentence, each paragraph, and each item (项) prefixed with the words that open its
    list (the paragraph before the items, or the text before （一） when the items are inside it)."""
    found = [lead_sentence(paragraphs)]
    inside = {index: [text for at, _, text in items if at == index] for index, _, _ in items}
    opening = ""
    for index, paragraph in enumerate(paragraphs):
        start = ITEM_START.search(paragraph)
        if start and start.start() == 0:
            found.append(opening + paragraph)
            continue
        opening = paragraph[:start.start()] if start else paragraph
        found.append(paragraph)
        if start and index in inside:
            found += [opening + text for text in inside[index]]
    return found


class Matcher:
    """Finds which of a question's weighted tokens a text holds (a token held inside a longer one
    counts: a text with 安全生产 holds 安全)."""

    def __init__(self, weights: dict[str, float]):
        self.weights = {t: w for t, w in weights.items() if t and w > 0}
        self.total = sum(self.weights.values())

    def held(self, text: str) -> dict[str, float]:
        """The question's tokens `text` holds, with their weights."""
        return {t: w for t, w in self.weights.items() if t in text}

    def share(self, text: str, among: dict[str, float] | None = None) -> float:
        """The share (0 … 1) of the question's weight whose tokens `text` holds; `among` narrows
        the tokens looked for (to those a larger text around `text` holds)."""
        if not self.total:
            return 0.0
        return sum(w for t, w in (self.weights if among is None else among).items() if t in text) / self.total


def coverage(parts: Sequence[str], whole: str, matcher: Matcher) -> Coverage:
    """How much of the question an article covers: in its lead sentence (the first of its
    `parts`, see `passages`), its best part and its whole text (`whole`: its paragraphs, one per
    line). Texts are matched as stored; a token counts once per part."""
    held = matcher.held(whole)
    lead = matcher.share(parts[0], held)
    return Coverage(lead=lead, best=max([lead] + [matcher.share(p, held) for p in parts[1:]]),
                    whole=matcher.share(whole, held))


def item_share(acts: list[str], matcher: Matcher) -> float:
    """The largest share of the question's weight whose words one act (项) of a penalty article
    holds: a penalty article may list many acts, and the question is about one of them."""
    return max((matcher.share(text) for text in acts), default=0.0)
