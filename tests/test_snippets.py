"""The snippet of a hit and its marked terms, on the text of a bundled statute excerpt."""

from pathlib import Path

from search import segment
from search.snippets import segments

STATUTE = Path(__file__).parents[1] / "kb/samples/statutes/社会法/安全生产法(2021-06-10).md"


def article(label: str) -> str:
    """The text of one article of the bundled 安全生产法 excerpt."""
    line = next(line for line in STATUTE.read_text(encoding="utf-8").splitlines() if line.startswith(label))
    return line.removeprefix(label).strip()


def marked(text: str, question: str) -> list[str]:
    return [piece for piece, hit in segments(text, segment.words(question)) if hit]


def test_a_single_character_of_the_question_is_not_marked_inside_other_words():
    """没 of 没资质 is not marked in 没收违法所得, nor 包 in 发包 or 承包方: the longer words are."""
    text = article("第一百零三条")
    found = marked(text, "设备包给没资质的人")
    assert "没" not in found and "包" not in found and "人" not in found
    assert {"设备", "资质"} <= set(found)


def test_a_question_of_one_character_is_still_marked():
    assert marked(article("第一百零三条"), "罚") == ["罚"] * article("第一百零三条").count("罚")

