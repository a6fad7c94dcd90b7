"""The `fazhi` command line on a temporary data directory holding the statute fixtures."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from fazhi.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "statutes"
REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("fazhi", "kb", "search", "generator", "templates", "web")
DATA_FILES = ("*.sqlite*", "index.current", "index-*")
HIT_KEYS = {"title", "file", "version", "article", "number", "category", "status", "score", "text"}


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    """A data directory into which the fixture folder was imported through the CLI."""
    data = tmp_path_factory.mktemp("data")
    result = CliRunner().invoke(main, ["--data", str(data), "import", str(FIXTURES)])
    assert result.exit_code == 0, result.output
    assert "导入 4 部（20 条），跳过 0 个，失败 0 个。" in result.output
    return data


def run(data: Path, *args: str, **kwargs):
    """Invoke fazhi with `--data data` and return the click result."""
    return CliRunner().invoke(main, ["--data", str(data), *args], **kwargs)


def search_json(data: Path, *args: str) -> list[dict]:
    """Run `fazhi search --json …` and return the hits."""
    result = run(data, "search", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["hits"]


def assert_friendly_failure(result, message: str) -> None:
    """The command failed with a Chinese message and without a traceback."""
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)


def test_search_json_hit_shape(data):
    hits = search_json(data, "安全生产法第九十七条")
    assert HIT_KEYS <= set(hits[0])
    first = hits[0]
    assert (first["title"], first["article"], first["number"]) == ("中华人民共和国安全生产法", "第九十七条", 97)
    assert (first["category"], first["status"], first["version"]) == ("法律", "现行有效", "2021-06-10")
    assert first["file"].endswith("安全生产法（节选）.txt")
    assert first["text"].startswith("生产经营单位有下列行为之一的")


def test_search_limit(data):
    assert len(search_json(data, "生产经营单位 安全生产")) > 2
    assert len(search_json(data, "--limit", "2", "生产经营单位 安全生产")) == 2


def test_batch_prints_one_json_line_per_question(data, tmp_path):
    questions = tmp_path / "questions.txt"
    questions.write_text("安全生产法第九十七条\n\n危险作业 关闭监控设备\n", encoding="utf-8")
    result = run(data, "search", "--batch", str(questions), "--limit", "3")
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["query"] for line in lines] == ["安全生产法第九十七条", "危险作业 关闭监控设备"]
    assert all(set(line) == {"query", "hits", "notes", "card"} and len(line["hits"]) <= 3 for line in lines)
    assert lines[1]["hits"][0]["article"] == "第一百三十四条之一"


def test_show_prints_title_version_and_chapter_path(data):
    result = run(data, "show", "刑法第一百三十四条之一")
    assert result.exit_code == 0, result.output
    assert "《中华人民共和国刑法》（2023-12-29 版，现行有效）" in result.output
    assert "第二编 分则 / 第二章 危害公共安全罪" in result.output
    assert "第一百三十四条之一　在生产、作业中违反有关安全管理的规定" in result.output


@pytest.mark.parametrize("traditional, simplified", [
    ("安全生產法第九十七條", "安全生产法第九十七条"),
    ("應急救援預案 演練", "应急救援预案 演练"),
])
def test_traditional_query_finds_the_same(data, traditional, simplified):
    found = [(hit["title"], hit["article"]) for hit in search_json(data, traditional)]
    assert found and found == [(hit["title"], hit["article"]) for hit in search_json(data, simplified)]


def test_query_without_searchable_words_gets_a_message(data):
    assert_friendly_failure(run(data, "search", "？？？"), "没有可检索的词")


def test_unknown_citation_in_show_gets_a_message(data):
    assert_friendly_failure(run(data, "show", "安全生产法第九百九十九条"), "没有第九百九十九条")


def test_missing_index_gets_a_message(tmp_path):
    assert_friendly_failure(run(tmp_path, "search", "安全生产"), "还没有索引")


def test_bad_files_are_named_with_their_reason(tmp_path):
    folder = tmp_path / "laws"
    folder.mkdir()
    (folder / "安全生产法.txt").write_bytes((FIXTURES / "安全生产法（节选）.txt").read_bytes())
    (folder / "空文件.txt").write_bytes(b"")
    result = run(tmp_path / "data", "import", str(folder))
    assert result.exit_code == 0, result.output
    assert f"失败 {folder / '空文件.txt'}：文件为空" in result.output
    assert "导入 1 部（7 条），跳过 0 个，失败 1 个。" in result.output


def written_into_the_package() -> list[Path]:
    """Data files (store or index) in the repository root or inside its packages."""
    places = [REPO.glob(pattern) for pattern in DATA_FILES]
    places += [(REPO / package).rglob(pattern) for package in PACKAGES for pattern in DATA_FILES]
    return [path for found in places for path in found]


def test_data_option_and_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    from_env, from_option = tmp_path / "env", tmp_path / "option"
    runner = CliRunner(env={"FAZHI_DATA": str(from_env)})
    assert runner.invoke(main, ["import", str(FIXTURES / "安全生产法（节选）.txt")]).exit_code == 0
    assert (from_env / "fazhi.sqlite").is_file() and (from_env / "index.current").is_file()
    result = runner.invoke(main, ["--data", str(from_option), "status"])
    assert result.exit_code == 0 and "法规 0 部" in result.output and (from_option / "fazhi.sqlite").is_file()
    assert "法规 1 部" in runner.invoke(main, ["status"]).output
    assert not (tmp_path / "home").exists()
    assert written_into_the_package() == []


def test_import_can_set_the_category_and_region_of_files_outside_a_lawrefbook_tree(tmp_path):
    result = run(tmp_path, "import", str(FIXTURES / "安全生产法（节选）.txt"), "--category", "部门规章",
                 "--region", "广东")
    assert result.exit_code == 0, result.output
    hits = search_json(tmp_path, "安全生产教育和培训", "--category", "部门规章", "--region", "广东")
    assert hits and {(h["category"], h["region"]) for h in hits} == {("部门规章", "广东")}
    refused = run(tmp_path, "import", str(FIXTURES), "--category", "法规")
    assert refused.exit_code == 2 and "“法规”不在可选值" in refused.output


def test_a_quoted_phrase_found_nowhere_is_dropped_with_a_note(data):
    result = run(data, "search", '"甲乙丙丁戊" 安全生产教育和培训')
    assert result.exit_code == 0, result.output
    assert result.output.startswith("提示：没有结果含有“甲乙丙丁戊”")
    assert "《中华人民共和国安全生产法》" in result.output
