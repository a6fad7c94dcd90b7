"""Inspectors' questions on the samples: the article that answers them comes first.

Each question exercises one signal of query understanding: the kind of answer asked (期限, 职责,
内容), the party asked about (老板 → 主要负责人), a violation described without a penalty word."""

import json

import pytest
from click.testing import CliRunner

from fazhi.cli import main
from search import intent, passages


@pytest.mark.parametrize("question, title, article", [
    ("行政机关应当在立案后多少日内作出行政处罚决定", "中华人民共和国行政处罚法", "第六十条"),
    ("生产经营单位的主要负责人有哪些安全生产职责", "中华人民共和国安全生产法", "第二十一条"),
    ("合法性审查要审查哪些内容", "重大行政决策程序暂行条例", "第二十七条"),
    ("出了事故老板不组织抢救反而跑了", "中华人民共和国安全生产法", "第一百一十条"),
    ("动火作业没有安排专人进行现场安全管理", "中华人民共和国安全生产法", "第一百零一条"),
    # written for issue 11's second round (not from any benchmark), checked against the samples
    ("企业没有配备安全生产管理人员怎么罚", "中华人民共和国安全生产法", "第九十七条"),
    ("事故隐患排查治理情况要如实记录并向从业人员通报", "中华人民共和国安全生产法", "第四十一条"),
    ("行政处罚听证应当按照什么程序组织", "中华人民共和国行政处罚法", "第六十四条"),
    ("作出行政处罚决定前要告知当事人哪些事项", "中华人民共和国行政处罚法", "第四十四条"),
])
def test_the_answering_article_comes_first(sample_data, question, title, article):
    result = CliRunner().invoke(main, ["--data", str(sample_data), "search", question, "--kind", "条文", "--json"])
    assert result.exit_code == 0, result.output
    first = json.loads(result.output)["hits"][0]
    assert (first["title"], first["article"]) == (title, article)


def test_question_signals():
    asked = intent.read("老板多少日内要报告事故", {"安全生产": ["安全生产法"]})
    assert asked.subjects == ["主要负责人"] and not asked.violation and not asked.routed
    assert any("日内" in cues for cues in asked.cues)
    assert intent.read("公司没有设置安全生产管理机构", {"安全生产": ["k"], "安全生产管理": ["x"]}).violation
    routed = intent.read("安全生产许可证要具备什么条件", {"安全生产": ["a"], "安全生产许可证": ["b"]})
    assert routed.routed == ["b"] and routed.named == ["安全生产许可证"]


def test_law_subjects_drop_the_instrument_and_generic_aims():
    assert intent.subject_of("中华人民共和国特种设备安全法") == "特种设备"
    assert intent.subject_of("危险化学品安全管理条例") == "危险化学品"
    assert intent.subject_of("中华人民共和国国家安全法") == "国家安全"
    assert intent.subject_of("中华人民共和国消防法") == "消防"


def test_a_list_article_is_covered_by_its_matching_item():
    paragraphs = ["证据包括：", "（一）书证；", "（二）物证；", "（三）视听资料；", "证据必须经查证属实。"]
    items = [(1, 1, "（一）书证；"), (2, 2, "（二）物证；"), (3, 3, "（三）视听资料；")]
    matcher = passages.Matcher({"证据": 1.0, "视听资料": 1.0, "视听": 0.3})
    found = passages.coverage(passages.passages(paragraphs, items), "\n".join(paragraphs), matcher)
    assert found.lead == pytest.approx(1 / 2.3) and found.best == found.whole == 1.0
    assert passages.passages(paragraphs, items)[4] == "证据包括：（三）视听资料；"
    inline = passages.passages(["有下列行为之一的，处罚款：（一）甲；（二）乙。"], [(0, 1, "甲；"), (0, 2, "乙。")])
    assert inline[-2:] == ["有下列行为之一的，处罚款：甲；", "有下列行为之一的，处罚款：乙。"]
