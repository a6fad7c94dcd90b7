"""Bad input on the command line gets a clear Chinese message, never a traceback, and is never
misread: numbers out of range, malformed numerals, limits, encodings, huge amounts, YAML alias
bombs and overlong queries."""

import json
import time

import pytest
from click.testing import CliRunner

from fazhi.cli import main
from kb.numerals import chinese_to_int
from kb.standards.money import to_decimal
from search.limits import MAX_QUERY_CHARS

BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))


def run(data, *args):
    result = CliRunner().invoke(main, ["--data", str(data), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize("citation, misread", [
    ("安全生产法第99999999999999999999条", None), ("安全生产法第1十条", "第十条"), ("安全生产法第0条", None),
    ("安全生产法第10000条", None), ("安全生产法第十百千条", "第一千一百一十条"), ("安全生产法第十条之十十", "第十条")])
def test_citations_out_of_range_or_malformed_are_refused_not_misread(sample_data, citation, misread):
    shown = run(sample_data, "show", citation)
    assert shown.exit_code == 1 and "无法识别条文引用" in shown.output
    searched = run(sample_data, "search", citation, "--json")
    assert searched.exit_code == 0
    jumped = [hit for hit in json.loads(searched.output)["hits"] if hit["score"] == 1.0 and hit["article"] == misread]
    assert jumped == []                     # no citation jump to a misread article


def test_malformed_numerals_raise_instead_of_being_read():
    for text in ("十百千", "一千千", "1十", "百", "零零"):
        if text == "零零":
            assert chinese_to_int(text) == 0
            continue
        with pytest.raises(ValueError):
            chinese_to_int(text)
    assert [chinese_to_int(t) for t in ("一百零一", "十二", "一千零一十", "九千九百九十九")] == [101, 12, 1010, 9999]


@pytest.mark.parametrize("limit", ["10000000000000", "0", "-1"])
def test_limit_out_of_bounds_is_refused(sample_data, limit):
    result = run(sample_data, "search", "安全生产", "--limit", limit)
    assert result.exit_code == 2 and "返回条数应为 1 至 200 之间的整数" in result.output


def test_arguments_that_are_not_utf8_are_refused(sample_data):
    result = run(sample_data, "search", b"\xb0\xb2\xc8\xab".decode("utf-8", "surrogateescape"))
    assert result.exit_code == 2 and "参数不是有效的 UTF-8 文字" in result.output


def test_a_gbk_batch_file_is_read(sample_data, tmp_path):
    batch = tmp_path / "questions.txt"
    batch.write_bytes("安全生产法第九十七条\n特种作业人员\n".encode("gbk"))
    result = run(sample_data, "search", "--batch", str(batch), "--limit", "1")
    assert result.exit_code == 0
    assert result.output.count('"query"') == 2 and "第九十七条" in result.output


def test_an_overlong_query_is_refused_quickly(sample_data):
    started = time.perf_counter()
    result = run(sample_data, "search", "安全" * 50_000)
    assert result.exit_code == 1 and f"查询过长（100000 个字符）：请缩短到 {MAX_QUERY_CHARS} 个字符以内" in result.output
    assert time.perf_counter() - started < 5


def test_huge_and_invalid_amounts_are_refused():
    for value in ("1" + "0" * 26, "1e26", "NaN", "Infinity", "9" * 100):
        with pytest.raises(ValueError):
            to_decimal(value, "拟罚款金额")


def test_a_huge_proposed_fine_gets_a_message(sample_data):
    result = run(sample_data, "discretion", "AQ-097-7", "--tier", "一般", "--proposed", "1" + "0" * 26)
    assert result.exit_code == 2 and "拟罚款金额超出合理范围" in result.output


def test_a_yaml_alias_bomb_is_refused_at_once(sample_data, tmp_path):
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(BILLION_LAUGHS, encoding="utf-8")
    started = time.perf_counter()
    for command in (["standard", "import"], ["case", "import"]):
        result = run(sample_data, *command, str(bomb))
        assert result.exit_code == 1 and "YAML 文件过于复杂，已拒绝读取" in result.output
    assert time.perf_counter() - started < 5
