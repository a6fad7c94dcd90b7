"""Review case files: the shipped examples load; validation lists every problem by field path."""

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

import kb.samples
from generator.review import casefile
from generator.review.casefile import (
    CaseFileError,
    CommentaryCase,
    LegalityCase,
    OpinionCase,
    load_case,
    parse_case,
    read_data,
)

SAMPLES = Path(kb.samples.__file__).parent / "review"
CLEAN = SAMPLES / "示例-法制审核-某化工有限公司.yaml"
FLAWED = SAMPLES / "示例-法制审核-某危险化学品仓储有限公司.yaml"
LEGALITY = SAMPLES / "示例-合法性审查-重大事故隐患治理督办办法.yaml"
COMMENTARY = SAMPLES / "示例-案例评析-锁闭安全出口.yaml"


def problems_of(data: dict, kind: str | None = None) -> list[str]:
    """The problems parse_case reports for `data`."""
    with pytest.raises(CaseFileError) as raised:
        parse_case(data, kind, "案件.yaml")
    return raised.value.problems


def test_every_shipped_example_loads_as_its_document_type():
    assert isinstance(load_case(CLEAN), OpinionCase)
    assert isinstance(load_case(FLAWED), OpinionCase)
    assert isinstance(load_case(LEGALITY), LegalityCase)
    assert isinstance(load_case(COMMENTARY), CommentaryCase)
    assert all(load_case(path).sample for path in SAMPLES.glob("*.yaml"))


def test_opinion_fields_are_typed():
    case = load_case(CLEAN, "opinion")
    assert case.party.kind == "单位" and case.party.identifier == "91000000MA0000001X"
    assert case.filed == date(2026, 2, 11) and case.decision_date == date(2026, 3, 27)
    assert case.decision.fine == Decimal(40000) and isinstance(case.decision.fine, Decimal)
    assert case.decision.measures[0].kind == "责令限期改正"
    basis = case.basis[0]
    assert (basis.ref.law, basis.ref.number, basis.ref.item) == ("中华人民共和国安全生产法", 97, 3)
    assert case.discretion.code == "AQ-097-3" and case.discretion.tier == "一般"
    assert case.procedure.hearing_notified is False
    assert set(case.notes) == {"执法主体与权限", "管辖", "事实与证据", "文书"}


def test_a_cited_version_is_read_apart_from_the_article():
    cited = load_case(FLAWED).basis[0]
    assert cited.version.year == 2014 and cited.ref.number == 98 and cited.ref.item == 1
    assert cited.written == "《中华人民共和国安全生产法》（2014年修正）第九十八条第（一）项"


def test_json_case_files_load_like_yaml(tmp_path):
    data = read_data(CLEAN)
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    assert load_case(path) == load_case(CLEAN)


def test_all_problems_are_reported_at_once_each_naming_its_field():
    data = read_data(CLEAN)
    data["当事人"]["类型"] = "公司"
    del data["机关"]
    data["送审日期"] = "2026-13-01"
    data["违反条款"].append("第五条")
    data["拟处罚"]["罚款"] = 3.5
    data["拟处罚"]["个人罚款"] = [{"罚款": 10000}]
    data["程序"]["举行听证"] = "是"
    data["人工判断"] = {"听证": "已口头告知"}
    data["审核人员"] = "李某"
    problems = problems_of(data)
    assert "当事人.类型：应为“单位”或“个人”，实为“公司”" in problems
    assert "机关：缺少必填字段" in problems
    assert any(p.startswith("送审日期：应为日期") and "2026-13-01" in p for p in problems)
    assert any(p.startswith("违反条款[2]：无法识别的条文引用“第五条”") for p in problems)
    assert any(p.startswith("拟处罚.罚款：应为金额") for p in problems)
    assert "拟处罚.个人罚款[1].姓名：缺少必填字段" in problems
    assert any(p.startswith("程序.告知听证：") for p in problems)
    assert any(p.startswith("人工判断.听证：名称应为") and "“听证告知”" in p for p in problems)
    assert any(p.startswith("审核人员：未知字段") for p in problems)
    assert len(problems) == 9


def test_the_error_message_names_the_file_and_lists_the_problems():
    data = read_data(CLEAN)
    data["当事人"]["类型"] = "公司"
    with pytest.raises(CaseFileError) as raised:
        parse_case(data, source="某案.yaml")
    assert str(raised.value).startswith("某案.yaml：案件文件有 1 处问题")
    assert "当事人.类型：应为“单位”或“个人”，实为“公司”" in str(raised.value)


def test_dates_must_be_in_order():
    data = read_data(CLEAN)
    data["发现日期"] = date(2025, 12, 1)
    data["审核日期"] = date(2026, 3, 1)
    problems = problems_of(data)
    assert any(p.startswith("发现日期：不应早于违法行为发生日期") for p in problems)
    assert any(p.startswith("审核日期：不应早于送审日期") for p in problems)


def test_identifiers_must_fit_the_kind_of_party():
    data = read_data(CLEAN)
    data["当事人"]["统一社会信用代码"] = "9100-BAD"
    assert problems_of(data) == ["当事人.统一社会信用代码：应为18位数字或大写字母，实为“9100-BAD”"]
    data["当事人"].update({"类型": "个人", "统一社会信用代码": "", "身份证号": "11010119800101001"})
    assert problems_of(data) == ["当事人.身份证号：应为18位（末位可为X），实为“11010119800101001”"]


def test_a_decision_must_impose_something_and_an_extension_say_how_long():
    data = read_data(CLEAN)
    data["拟处罚"] = {"拟决定日期": date(2026, 3, 27)}
    data["延期"] = {"批准日期": date(2026, 5, 1), "理由": "案情复杂"}
    problems = problems_of(data)
    assert "拟处罚：应至少写明“罚款”“个人罚款”或“其他处罚”之一，或写明“不予处罚: 是”" in problems
    assert "延期：应写明“延长至”日期或“延长日数”" in problems


def test_the_document_type_is_checked():
    assert problems_of(read_data(CLEAN), "legality")[0] == \
        "文书类型：应为“重大行政决策合法性审查意见书”，实为“法制审核意见书”"
    data = read_data(CLEAN)
    del data["文书类型"]
    assert problems_of(data)[0].startswith("文书类型：缺少必填字段")
    assert isinstance(parse_case(data, "opinion"), OpinionCase)


def test_legality_steps_are_described_or_excused():
    data = read_data(LEGALITY)
    data["程序"]["专家论证"] = {"日期": date(2026, 4, 8)}
    data["程序"]["听证会"] = {"情况": "未举行"}
    problems = problems_of(data)
    assert "程序.专家论证：应写明“情况”，或写明“不适用理由”" in problems
    assert any(p.startswith("程序.听证会：名称应为") for p in problems)


def test_a_commentary_needs_its_analysis():
    data = read_data(COMMENTARY)
    del data["评析"]
    data["引用"] = ["安全生产法"]
    problems = problems_of(data)
    assert "评析：缺少必填字段" in problems
    assert any(p.startswith("引用[1]：无法识别的条文引用") for p in problems)


def test_file_errors_name_the_file_and_line(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("文书类型: 法制审核意见书\n当事人: [\n", encoding="utf-8")
    with pytest.raises(CaseFileError) as raised:
        load_case(broken)
    assert str(broken) in str(raised.value) and "YAML 格式错误（第" in str(raised.value)
    with pytest.raises(CaseFileError, match="文件不存在"):
        load_case(tmp_path / "missing.yaml")
    listed = tmp_path / "list.yaml"
    listed.write_text(yaml.safe_dump(["a"]), encoding="utf-8")
    with pytest.raises(CaseFileError, match="顶层应为"):
        load_case(listed)


def test_the_examples_in_casefile_md_are_valid():
    text = Path(casefile.__file__).with_name("CASEFILE.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    kinds = [type(parse_case(yaml.safe_load(block), source="CASEFILE.md")) for block in blocks]
    assert kinds == [OpinionCase, LegalityCase, CommentaryCase]
