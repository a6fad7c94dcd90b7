"""`fazhi review` as a reviewer meets it: JSON output, laws the store lacks with how to import them,
a wrong or empty data directory, and circumstances that are not ones the law knows."""

import json
from pathlib import Path

from click.testing import CliRunner

import kb.samples
from fazhi.cli import main
from generator.review import findings as fd

SAMPLES = Path(kb.samples.__file__).parent / "review"
CLEAN = SAMPLES / "示例-法制审核-某化工有限公司.yaml"


def review(data_dir, case_file, *extra):
    result = CliRunner().invoke(main, ["--data", str(data_dir), "review", str(case_file), *extra])
    assert result.exit_code == 0, result.output
    return result.output


def test_json_lists_every_finding_with_status_and_articles(sample_data):
    data = json.loads(review(sample_data, CLEAN, "--json"))
    assert [f["check"] for f in data["findings"]] == list(fd.OPINION_CHECKS)
    statutory = next(f for f in data["findings"] if f["check"] == fd.STATUTORY)
    assert statutory["status"] == fd.PASS
    assert statutory["articles"] == ["《中华人民共和国安全生产法》第九十七条第三项（2021年6月10日版）"]
    assert data["proposed"]["result"] == fd.AGREE and data["missing_laws"] == []


def test_a_missing_law_is_named_with_how_to_import_it(sample_data, tmp_path):
    case = tmp_path / "案件.yaml"
    case.write_text(CLEAN.read_text(encoding="utf-8").replace(
        "《中华人民共和国安全生产法》第九十七条第（三）项", "《示例省安全生产条例》第四十条"), encoding="utf-8")
    output = review(sample_data, case)
    assert "法规库未收录《示例省安全生产条例》，相关核对记为“需核实”。用 fazhi import 导入" in output
    assert "【需核实】法定处罚种类和幅度" in output and "建议结论：同意" not in output


def test_an_empty_data_directory_is_said_and_never_agreed(tmp_path):
    output = review(tmp_path / "空目录", CLEAN)
    assert "数据目录中没有任何法规" in output and "【需核实】法律依据" in output
    assert "建议结论：补充调查" in output


def test_an_unknown_circumstance_is_refused_with_the_known_ones(sample_data, tmp_path):
    case = tmp_path / "案件.yaml"
    case.write_text(CLEAN.read_text(encoding="utf-8") + "情节: [认错态度好]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--data", str(sample_data), "review", str(case)])
    assert result.exit_code != 0
    assert "情节[1]：“认错态度好”不是行政处罚法第三十条至第三十三条规定的情节" in result.output
    assert "主动消除或者减轻违法行为危害后果" in result.output
