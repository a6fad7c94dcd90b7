"""Statute text is read with the full-width marks the official texts set (kb.punctuation)."""

from pathlib import Path

import pytest

from kb.importers.lawrefbook import parse
from kb.punctuation import full_width
from kb.samples import STATUTES

SHARED_LAWS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "laws"
SAFETY_LAW = Path("社会法") / "安全生产法(2021-06-10).md"


@pytest.mark.parametrize("transcribed, official", [
    ("依照刑法有关规定追究刑事责任:", "依照刑法有关规定追究刑事责任："),
    ("(一)未按照规定对民用爆炸物品做出警示标识", "（一）未按照规定对民用爆炸物品做出警示标识"),
    ("在包装(包括外包装件)上粘贴", "在包装（包括外包装件）上粘贴"),
    ("第一条,第二条;以及:", "第一条，第二条；以及："),
    ("处1,000元以上", "处1,000元以上"),                 # between digits
    ("符合标准(GB 50016)", "符合标准(GB 50016)"),          # Latin letters and digits only
    ("已是全角：（一）", "已是全角：（一）"),
])
def test_marks_of_chinese_text_are_full_width(transcribed, official):
    assert full_width(transcribed) == official


def _article(path: Path, root: Path, number: int):
    law = parse(path.read_text(encoding="utf-8"), path, root)
    return next(a for a in law.articles if a.number == number)


@pytest.mark.parametrize("root", [STATUTES, SHARED_LAWS], ids=["sample excerpt", "corpus"])
def test_a_lead_with_an_ascii_colon_is_read_as_published(root):
    path = root / SAFETY_LAW
    if not path.exists():
        pytest.skip(f"{path} is not here")
    assert "追究刑事责任:" in path.read_text(encoding="utf-8")       # the transcription's slip
    lead = _article(path, root, 99).paragraphs[0]
    assert lead.endswith("依照刑法有关规定追究刑事责任：") and ":" not in lead
