"""Helpers of the quiz and study tests: an amended copy of the sample 安全生产法 and text checks."""

import re
from pathlib import Path

from kb.samples import STATUTES

SAMPLE_LAW = STATUTES / "社会法" / "安全生产法(2021-06-10).md"
NOISE = re.compile(r"[\s\u3000，。；：、“”‘’（）《》！？…,.;:()]")


def plain(text: str) -> str:
    """Text without whitespace and punctuation, as the tests compare it (independent of kb.quiz)."""
    return NOISE.sub("", text)


def amended_law(folder: Path) -> Path:
    """A later version (test data, not a real amendment) of the sample 安全生产法: 第九十七条 fines
    changed, 第九十九条 renumbered 第一百条 with its text unchanged, 第一百零八条 deleted."""
    text = SAMPLE_LAW.read_text(encoding="utf-8")
    text = text.replace("2021年6月10日 第十三届", "2030年1月1日 测试用修正\n\n2021年6月10日 第十三届")
    old_97 = "第九十七条 生产经营单位有下列行为之一的，责令限期改正，处十万元以下的罚款"
    assert old_97 in text
    text = text.replace(old_97, "第九十七条 生产经营单位有下列行为之一的，责令限期改正，处二十万元以下的罚款")
    text = text.replace("第九十九条 生产经营单位有下列行为之一的", "第一百条 生产经营单位有下列行为之一的")
    start = text.index("第一百零八条")
    text = text[:start] + text[text.index("第一百一十条"):]
    target = folder / "社会法" / "安全生产法(2030-01-01).md"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
