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
    assert card["state"] == "已读取"
    basic = {(r["situation"], r["party"]): r["sanctions"] for r in card["ranges"]}
    assert basic[("基本情形", "单位")] == ["责令改正", "罚款 100,000元以下"]
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


@pytest.mark.parametrize("question", ["安全生产法怎么罚", "怎么处罚", "行政处罚的种类有哪些", "安全生产法第九十七条"])
def test_a_question_naming_no_act_gets_no_card(sample_data, question):
    assert _card(sample_data, question) is None


def test_the_card_is_printed_above_the_hits(sample_data):
    result = CliRunner().invoke(main, ["--data", str(sample_data), "search", "焊工无证上岗"])
    lines = result.output.splitlines()
    assert lines[0] == "【处罚要点】"
    assert "处罚依据：《中华人民共和国安全生产法》第九十七条第七项（已读取）" in lines
    assert lines.index("处罚依据：《中华人民共和国安全生产法》第九十七条第七项（已读取）") < next(
        i for i, line in enumerate(lines) if line.startswith("1. "))
