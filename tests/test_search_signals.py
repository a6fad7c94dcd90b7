"""The cheap signals of issue 11's second round: enumeration cues only where a list opens,
procedure terms that are not a question about punishment, and neighbouring question words found
together."""

import pytest

from search import adjacent, answers, intent, segment


def test_an_enumeration_cue_counts_where_a_list_opens_not_in_a_list_of_alternatives():
    evidence = ["证据包括：", "（一）书证；", "（二）物证；", "证据必须经查证属实。"]
    penalty = ["有下列情形之一的，责令改正：", "（一）没有法定的行政处罚依据的；", "（二）擅自改变种类的。"]
    inline = ["从事经营的企业应当具备下列条件：（一）有经营场所；（二）有管理人员。"]
    assert answers.list_openings(evidence) == ["证据包括："]
    assert answers.list_openings(penalty) == []
    assert answers.list_openings(inline) == ["从事经营的企业应当具备下列条件："]
    kinds = [(("下列", "包括", "种类"), True)]
    assert answers.answered(kinds, evidence) == 1 and answers.answered(kinds, penalty) == 0
    assert answers.answered([(("日内",), False)], ["应当在七日内作出决定。"]) == 1


@pytest.mark.parametrize("question, punishment", [
    ("行政处罚决定书应当写明哪些内容", False),
    ("行政处罚的证据包括哪些种类", False),
    ("申请行政复议后原处罚决定是否停止执行", False),
    ("未经许可储存危险化学品会受到什么行政处罚", True),
    ("有限空间作业没有专人监护怎么罚", True),
    ("应急预案没有备案会被罚款吗", True),
    ("罚款交不起可以申请延期吗", False),
    ("企业不服处罚决定，罚款是否可以暂时不交", False),
    ("没交罚款会怎么样", False),
    ("没有交安全生产责任保险要罚款吗", True),
])
def test_procedure_terms_are_not_a_question_about_punishment(question, punishment):
    assert intent.asks_punishment(segment.normalize(question)) is punishment


def test_neighbouring_words_are_looked_up_together():
    found = adjacent.pairs("特种设备未经定期检验继续使用的处罚")
    assert "继续使用" in found and "未经定期检验" in found
    together = "未经定期检验或者检验不合格的特种设备继续使用的"
    apart = "特种设备使用单位应当定期检验，检验合格后方可继续投入使用"
    assert adjacent.share(found, together) > adjacent.share(found, apart)
    assert adjacent.share([], together) == 0.0
