"""Small text helpers of the template contexts: sentences, paragraphs, enumerations, money phrases."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from generator.amounts import capital_yuan, format_yuan
from generator.official_format import heading_label

_CLOSING = "。！？；：…"


def paragraphs(text: str) -> list[str]:
    """The non-blank lines of ``text``, stripped: one per paragraph."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def sentence(text: str) -> str:
    """``text`` stripped and closed with 。 unless it already ends with punctuation ('' stays '')."""
    text = text.strip()
    return text if not text or text[-1] in _CLOSING else text + "。"


def clause(text: str) -> str:
    """``text`` without its closing punctuation, to be joined into a longer sentence."""
    return text.strip().rstrip("。；;，,")


def numbered(texts: Iterable[str], level: int = 3, end: str = "") -> list[dict[str, str]]:
    """Label texts 1. 2. … (level 3), （1） （2） … (level 4) or （一） （二） … (level 2) as {标号, 内容}.

    Without ``end`` every text becomes a sentence; with it every text but the
    last ends in ``end`` and the last in 。 (for enumerations inside one sentence).
    """
    items = [clause(text) if end else sentence(text) for text in texts if text.strip()]
    return [
        {"标号": heading_label(level, number), "内容": text + (("。" if number == len(items) else end) if end else "")}
        for number, text in enumerate(items, start=1)
    ]


def enumeration(texts: Iterable[str]) -> str:
    """Texts joined as one Chinese enumeration: 甲、乙和丙."""
    items = [clause(text) for text in texts if text.strip()]
    return items[0] if len(items) == 1 else "、".join(items[:-1]) + "和" + items[-1] if items else ""


def money(amount: Decimal) -> str:
    """人民币肆万元整（40,000元）."""
    return f"{capital_yuan(amount)}（{format_yuan(amount)}）"


def unique(texts: Iterable[str]) -> list[str]:
    """The texts in order, each once (a sentence already written is not repeated)."""
    return list(dict.fromkeys(text for text in texts if text))


ITEM_PARAGRAPH_CHARS = 150  # an item's sentences share one paragraph up to about five lines


def review_item(number: int, title: str, texts: list[str]) -> dict[str, object]:
    """One item of 审核意见: （一）title, its first paragraph (the heading runs into it) and the others.

    Short sentences are joined into one paragraph; a long one starts a new paragraph.
    """
    grouped: list[str] = []
    for text in texts:
        if grouped and len(grouped[-1]) + len(text) <= ITEM_PARAGRAPH_CHARS:
            grouped[-1] += text
        else:
            grouped.append(text)
    return {"标号": heading_label(2, number), "标题": title, "首段": grouped[0], "其余段落": grouped[1:]}
