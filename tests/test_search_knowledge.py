"""One search over statutes, standard items and cases, and the article view's cross-references."""

import json

from click.testing import CliRunner

from fazhi.cli import main


def _hits(sample_data, *args):
    result = CliRunner().invoke(main, ["--data", str(sample_data), "search", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["hits"]


def test_one_search_returns_articles_standard_items_and_cases(sample_data):
    kinds = {hit["kind"] for hit in _hits(sample_data, "焊工没有特种作业操作证", "--limit", "10")}
    assert kinds == {"条文", "裁量基准", "案例"}


def test_the_kind_facet_keeps_one_kind(sample_data):
    cases = _hits(sample_data, "焊工没有特种作业操作证", "--kind", "案例")
    assert cases and all(hit["kind"] == "案例" for hit in cases)
    assert cases[0]["title"] == "某建筑安装工程有限公司特种作业人员未取得相应资格上岗作业案"
    items = _hits(sample_data, "焊工没有特种作业操作证", "--kind", "裁量基准")
    assert items[0]["article"].startswith("AQ-097-7 ")


def test_the_article_view_lists_the_items_and_cases_citing_it(sample_data):
    result = CliRunner().invoke(main, ["--data", str(sample_data), "show", "安全生产法第九十七条"])
    assert result.exit_code == 0, result.output
    items, cases = result.output.split("引用本条的裁量基准事项：")[1].split("引用本条的典型案例：")
    assert "AQ-097-7" in items and "AQ-097-3" in items
    assert "SL-2024-03" in cases and "SL-2024-01" in cases
