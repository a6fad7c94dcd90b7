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
    first = json.loads(result.output)[0]
    assert (first["title"], first["article"]) == ("中华人民共和国安全生产法", article)
    assert "法律责任" in first["chapter"]
