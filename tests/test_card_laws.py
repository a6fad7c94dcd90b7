"""The table of laws a penalty card may cite (search/lexicon/card_laws.tsv) and the words of a
question the card does not look for in an act (card_ignored.txt), and the workers a unit answers
for (card_workers.txt)."""

import pytest

from kb.models import CURRENT, SUPERSEDED, Law
from search.card_acts import ignored_words, read_workers, workers
from search.card_laws import read_scopes, scope_of, scopes


def test_the_general_law_and_laws_of_their_own_scope():
    table = scopes()
    assert table["安全生产法"].general and table["安全生产法"].named_in("叉车司机无证") == ""
    equipment = table["特种设备安全法"]
    assert not equipment.general and equipment.named_in("仓库叉车司机没有特种作业操作证") == "叉车"
    assert equipment.named_in("新招的工人没有培训") == ""
    assert table["消防法"].named_in("消防车通道被堵住了") == "消防"


def test_only_current_national_versions_are_cited():
    def law(title, category="法律", status=CURRENT):
        return Law(title=title, category=category, version=None, file="x.md", status=status)

    assert scope_of(law("中华人民共和国安全生产法")).title == "安全生产法"
    assert scope_of(law("中华人民共和国安全生产法", status=SUPERSEDED)) is None
    assert scope_of(law("工人考核条例", "行政法规")) is None
    assert scope_of(law("上海市安全生产条例", "地方性法规")) is None


def test_a_malformed_line_is_named(tmp_path):
    table = tmp_path / "card_laws.tsv"
    table.write_text("# comment\n安全生产法\t一般\n消防法\n", encoding="utf-8")
    with pytest.raises(ValueError, match="card_laws.tsv 第 3 行"):
        read_scopes(table)


def test_words_that_ask_are_not_act_words():
    assert {"多少", "哪些", "没有"} <= ignored_words() and "擅自" not in ignored_words()


def test_the_workers_a_unit_answers_for_are_parties_of_the_subject_table(tmp_path):
    assert {"从业人员", "特种作业人员", "特种设备作业人员"} <= workers() and "主要负责人" not in workers()
    listed = tmp_path / "card_workers.txt"
    listed.write_text("# comment\n从业人员\n叉车工\n", encoding="utf-8")
    with pytest.raises(ValueError, match="card_workers.txt：“叉车工”不是 subjects.tsv 中的当事人"):
        read_workers(listed)
