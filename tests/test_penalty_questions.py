"""Questions about punishment lead to the penalty article whose act (项) they describe."""

import json

import pytest
from click.testing import CliRunner

from fazhi.cli import main


@pytest.mark.parametrize("question, article", [
    ("特种作业人员无证上岗怎么处罚", "第九十七条"),
    ("应急预案没有演练怎么处罚", "第九十七条"),
    ("安全出口被锁住怎么处罚", "第一百零五条"),
    ("没给工人发劳动防护用品怎么罚", "第九十九条"),
])
def test_the_penalty_article_comes_first(sample_data, question, article):
    result = CliRunner().invoke(main, ["--data", str(sample_data), "search", question, "--kind", "条文", "--json"])
    assert result.exit_code == 0, result.output
    first = json.loads(result.output)["hits"][0]
    assert (first["title"], first["article"]) == ("中华人民共和国安全生产法", article)
    assert "法律责任" in first["chapter"]


def _card(data, question, *args):
    result = CliRunner().invoke(main, ["--data", str(data), "search", question, "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["card"]


def test_a_described_violation_gets_a_penalty_card(sample_data):
    card = _card(sample_data, "仓库叉车司机没有特种作业操作证怎么罚")
    assert card["penalty"]["citation"] == "《中华人民共和国安全生产法》第九十七条第七项"
    assert card["act"].startswith("（七）特种作业人员未按照规定经专门的安全作业培训")
    assert card["duty"]["citation"] == "《中华人民共和国安全生产法》第三十条第一款"
    assert card["duty"]["text"] == "生产经营单位的特种作业人员必须按照国家有关规定经专门的安全作业培训，取得相应资格，方可上岗作业。"
    assert card["state"] == "已读取"
    basic = {(r["situation"], r["party"]): r["sanctions"] for r in card["ranges"]}
    assert basic[("基本情形", "单位")] == ["责令限期改正", "罚款 100,000元以下"]     # the statute's words
    assert basic[("逾期未改正", "单位")] == ["责令停产停业整顿", "罚款 100,000元至200,000元"]
    assert basic[("逾期未改正", "直接责任人员")] == ["罚款 20,000元至50,000元"]
    assert card["standard"]["code"] == "AQ-097-7"
    assert [t["name"] for t in card["standard"]["tiers"]] == ["轻微", "一般", "较重", "严重"]
    assert card["cases"][0]["citation"] == "示例应急罚〔2024〕19号"
    assert all("第九十七条" in " ".join(c["basis"]) for c in card["cases"])


def test_the_card_comes_from_the_penalty_article_the_hits_lead_to(sample_data):
    card = _card(sample_data, "动火作业没有安排专人进行现场安全管理", "--kind", "条文")
    assert card["penalty"]["citation"] == "《中华人民共和国安全生产法》第一百零一条第三项"
    assert card["duty"]["citation"].endswith("第四十三条")
    assert card["standard"]["code"] == "AQ-101-3"


def test_the_card_names_the_party_asked_about_first(sample_data):
    card = _card(sample_data, "主要负责人未履行安全生产管理职责怎么罚")
    assert card["penalty"]["citation"] == "《中华人民共和国安全生产法》第九十四条第一款"
    assert card["parties"] == ["主要负责人"]
    assert [(r["situation"], r["party"]) for r in card["ranges"]] == [
        ("基本情形", "主要负责人"), ("逾期未改正", "主要负责人"), ("逾期未改正", "单位")]
    assert card["standard"]["code"] == "AQ-094" and card["alternatives"] == []


def test_a_paragraph_punished_as_the_one_before_has_the_article_ranges(sample_data):
    """第一百一十条第二款 (迟报) is punished 依照前款规定: the card cites the 款 of the act, shows the
    article's ranges, and not the standard item made for the first 款 (不立即组织抢救)."""
    card = _card(sample_data, "事故发生后主要负责人迟报事故怎么罚")
    assert card["penalty"]["citation"] == "《中华人民共和国安全生产法》第一百一十条第二款"
    assert card["act"].startswith("生产经营单位的主要负责人对生产安全事故隐瞒不报、谎报或者迟报的")
    ranges = {(r["situation"], r["party"]): r["sanctions"] for r in card["ranges"]}
    assert "罚款 上一年年收入60%至100%" in ranges[("基本情形", "主要负责人")]
    assert card["standard"] is None


def test_a_duty_among_the_hits_leads_to_the_item_it_restates(sample_data):
    """新招的工人 … 上岗 holds words of the item on 特种作业人员 too; the item the duty article among the
    hits (第二十八条, training of 从业人员) restates is the act."""
    card = _card(sample_data, "新招的工人没经过安全培训就上岗，企业怎么罚", "--kind", "条文")
    assert card["penalty"]["citation"] == "《中华人民共和国安全生产法》第九十七条第三项"
    assert card["duty"]["citation"].startswith("《中华人民共和国安全生产法》第二十八条")


def test_the_readme_question_cites_the_protective_equipment_item(sample_data):
    """工人 names who the equipment is for: neither it nor its legal terms (劳动者, 从业人员) are act
    words, so the item on 从业人员 training (第九十七条第三项) does not win on them."""
    card = _card(sample_data, "工地不给工人发安全帽怎么罚")
    assert card["penalty"]["citation"] == "《中华人民共和国安全生产法》第九十九条第五项"
    assert card["duty"]["citation"] == "《中华人民共和国安全生产法》第四十五条"


def test_a_private_person_gets_no_card_for_a_units_act(sample_data):
    """The samples hold no 消防法: 第一百零五条第二项 punishes the 生产经营单位, not a 住户."""
    assert _card(sample_data, "小区住户把杂物堆在楼里的疏散通道上，对住户怎么罚") is None
    card = _card(sample_data, "商场把杂物堆在疏散通道上怎么罚")
    assert card["penalty"]["citation"] == "《中华人民共和国安全生产法》第一百零五条第二项"


@pytest.mark.parametrize("question", ["安全生产法怎么罚", "怎么处罚", "行政处罚的种类有哪些", "安全生产法第九十七条",
                                      "安全生产法的罚款最多能罚多少", "应急管理部门可以作出哪些行政处罚",
                                      "消防违法行为一般罚多少钱"])
def test_a_question_naming_no_act_gets_no_card(sample_data, question):
    assert _card(sample_data, question) is None


def test_the_card_is_printed_above_the_hits(sample_data):
    result = CliRunner().invoke(main, ["--data", str(sample_data), "search", "焊工无证上岗"])
    lines = result.output.splitlines()
    assert lines[0] == "【处罚要点】"
    assert "处罚依据：《中华人民共和国安全生产法》第九十七条第七项（已读取）" in lines
    assert lines.index("处罚依据：《中华人民共和国安全生产法》第九十七条第七项（已读取）") < next(
        i for i, line in enumerate(lines) if line.startswith("1. "))
