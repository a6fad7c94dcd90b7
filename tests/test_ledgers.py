"""Ledger templates, reading cells and rows, re-import, the column documentation, narrative and 保密审查 checks."""

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from fazhi.cli import main
from generator.reports.narrative import NarrativeError, load_narrative, substitute
from generator.reports.privacy import privacy_points
from kb.ledgers import KINDS, find_kind, import_ledger
from kb.ledgers import store as ledger_store
from kb.ledgers.reader import LedgerFileError
from kb.store import Store

COLUMNS_DOC = Path(__file__).resolve().parents[1] / "kb" / "ledgers" / "COLUMNS.md"
SAMPLES = Path(__file__).resolve().parents[1] / "kb" / "samples" / "ledgers"


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "fazhi.sqlite")
    yield store
    store.close()


@pytest.mark.parametrize("key", list(KINDS))
def test_template_has_the_documented_columns_and_imports_empty(key, tmp_path, store):
    kind = KINDS[key]
    result = CliRunner().invoke(main, ["--data", str(tmp_path / "d"), "ledger", "template", key,
                                       "-o", str(tmp_path / "t.xlsx")])
    assert result.exit_code == 0, result.output
    workbook = load_workbook(tmp_path / "t.xlsx")
    assert workbook.sheetnames == [kind.name, "填写说明"]
    assert [cell.value for cell in workbook[kind.name][1]] == [column.name for column in kind.columns]
    report = import_ledger(store, tmp_path / "t.xlsx")
    assert report.errors == [] and report.written.added == {} and report.skipped_sheets == ["填写说明"]
    documented = COLUMNS_DOC.read_text(encoding="utf-8")
    assert f"## {kind.name}（{kind.key}）" in documented
    for column in kind.columns:
        assert f"| {column.name} |" in documented, column.name


def _csv(path: Path, rows: list[list]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_bad_cells_are_named_and_an_update_replaces_the_row(tmp_path, store):
    header = ["编号", "日期", "类别", "主题", "参加人次"]
    path = _csv(tmp_path / "培训.csv", [header, ["T1", "2025年3月1日", "专题培训", "讲座", "1,200"],
                                        ["T2", "2025-3-x", "专题培训", "讲座", ""],
                                        ["T3", "2025-04-01", "讲课", "讲座", "-3"]])
    report = import_ledger(store, path)
    assert [str(e) for e in report.errors] == [
        "工作表“培训”第3行“日期”列：“2025-3-x”不是日期，应写作 2025-03-01 或 2025年3月1日",
        "工作表“培训”第4行“类别”列：“讲课”不是可选值，应为：党组中心组学法、专题培训、执法人员培训、企业人员考试",
        "工作表“培训”第4行“参加人次”列：“-3”不是非负整数"]
    assert report.bad_rows == 2 and report.written.added == {"training": 1}
    _csv(path, [header, ["T1", "2025-03-01", "专题培训", "讲座", "1300"]])
    assert import_ledger(store, path).written.updated == {"training": 1}
    rows = ledger_store.rows(store, KINDS["training"], [2025])
    assert [(row["编号"], row["参加人次"]) for row in rows] == [("T1", 1300)]


def test_unreadable_files_say_why(tmp_path, store):
    with pytest.raises(LedgerFileError, match="只能导入 .xlsx 或 .csv"):
        import_ledger(store, _csv(tmp_path / "a.txt", [["x"]]))
    with pytest.raises(LedgerFileError, match="没有找到台账的表头"):
        import_ledger(store, _csv(tmp_path / "a.csv", [["姓名", "年龄"], ["甲", "3"]]))
    with pytest.raises(KeyError, match="没有“罚单”这种台账"):
        find_kind("罚单")


def test_the_samples_import_cleanly(tmp_path):
    files = [str(path) for path in sorted(SAMPLES.iterdir()) if path.suffix in (".csv", ".xlsx")]
    result = CliRunner().invoke(main, ["--data", str(tmp_path), "ledger", "import", *files])
    assert result.exit_code == 0, result.output
    assert "有问题" not in result.output and result.stderr == ""
    status = CliRunner().invoke(main, ["--data", str(tmp_path), "ledger", "status"])
    assert "执法案件台账：2024年" in status.output and "2025年" in status.output


def test_narrative_names_unknown_variables_with_their_line(tmp_path):
    path = tmp_path / "n.md"
    path.write_text("---\n年度: 2025\n机关: 某局\n---\n正文{{案件数}}件。\n\n又{{案件总数}}件。\n", encoding="utf-8")
    narrative = load_narrative(path, 2025)
    assert substitute(narrative, {"案件数": "3", "案件总数": "4"}) == "正文3件。\n\n又4件。\n"
    with pytest.raises(NarrativeError, match="第7行“案件总数”"):
        substitute(narrative, {"案件数": "3"})
    with pytest.raises(NarrativeError, match="2025年.*2024年度"):
        load_narrative(path, 2024)


def test_privacy_points_find_parties_numbers_and_names():
    cases = [{"案件编号": "罚2025-007", "当事人": "王小明", "当事人类型": "个人"},
             {"案件编号": "罚2025-008", "当事人": "某某化工有限公司", "当事人类型": "单位"}]
    text = ["罚2025-007号案件当事人王小明，身份证号110101199001011234，手机13812345678。",
            "某某化工有限公司已缴纳罚款。局长赵建国出庭应诉。全年法制审核案件73件。"]
    found = {point.found: point.kind for point in privacy_points(text, cases)}
    assert found["王小明"] == "个人当事人姓名"
    assert found["罚2025-007"] == "案件编号"
    assert found["110101199001011234"] == "身份证号码"
    assert found["13812345678"] == "手机号码"
    assert found["某某化工有限公司"] == "案件当事人名称"
    assert found["赵建国"] == "人员姓名"
    assert not any("法制审核" in name for name in found)


def test_sample_penalty_articles_exist_and_describe_the_violation(samples, tmp_path):
    """Every 处罚依据 of the sample case ledgers is an article (and 项) of the statute excerpts, whose text
    ends the way the 违法行为 written beside it ends."""
    from kb.refs import parse_ref, resolve_ref

    store = Store(tmp_path / "f.sqlite")
    for path in sorted(SAMPLES.glob("*执法案件台账*.xlsx")):
        import_ledger(store, path)
    cases = ledger_store.rows(store, KINDS["cases"])
    store.close()
    assert len(cases) > 200
    for act, basis in {(case["违法行为"], case["处罚依据"]) for case in cases}:
        excerpt = resolve_ref(samples, parse_ref(basis)).excerpt
        assert act[-6:] in excerpt, (act, basis)


def test_cli_kind_errors_and_forced_kind(tmp_path):
    runner = CliRunner()
    bad = runner.invoke(main, ["--data", str(tmp_path / "d"), "ledger", "template", "罚单", "-o", str(tmp_path / "x.xlsx")])
    assert bad.exit_code != 0 and "没有“罚单”这种台账" in bad.output
    path = _csv(tmp_path / "计划.csv", [["年度", "执法单位", "预防性处罚案件计划数"], ["2025", "甲县", "3"]])
    forced = runner.invoke(main, ["--data", str(tmp_path / "d"), "ledger", "import", "--kind", "plans", str(path)])
    assert forced.exit_code == 1
    assert "没有找到案件计划台账的表头" in forced.output
    assert "必填列：案件计划台账（年度、执法单位、单位类别、预防性处罚案件计划数）。" in forced.output
    missing = runner.invoke(main, ["--data", str(tmp_path / "d"), "ledger", "import", str(tmp_path / "无.xlsx")])
    assert missing.exit_code == 1 and "找不到文件" in missing.output
