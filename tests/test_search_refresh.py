"""Importing cases or a standard refreshes the search index at once (no `fazhi learn` needed)."""

import json
import shutil

from click.testing import CliRunner

from fazhi.cli import main
from kb.importers.files import import_files
from kb.samples import CASES, STANDARD_FILE, STATUTES
from kb.store import Store

CASE = CASES / "SL-2024-03.yaml"


def _search(data, query, kind):
    result = CliRunner().invoke(main, ["--data", str(data), "search", query, "--kind", kind, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["hits"]


def test_an_imported_case_is_found_at_once(sample_data, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(sample_data, data)
    changed = CASE.read_text(encoding="utf-8").replace("SL-2024-03", "SL-2024-93").replace(
        "钢结构安装现场", "冷库氨制冷机房")
    (tmp_path / "SL-2024-93.yaml").write_text(changed, encoding="utf-8")
    assert not [h for h in _search(data, "冷库氨制冷机房焊接", "案例") if "冷库氨制冷机房" in h["text"]]
    result = CliRunner().invoke(main, ["--data", str(data), "case", "import", str(tmp_path / "SL-2024-93.yaml")])
    assert result.exit_code == 0, result.output
    assert "检索索引已更新" in result.output
    first = _search(data, "冷库氨制冷机房焊接", "案例")[0]
    assert "冷库氨制冷机房" in first["text"]


def test_without_an_index_the_import_says_items_are_not_searchable_yet(tmp_path):
    store = Store(tmp_path / "fazhi.sqlite")
    import_files(store, [STATUTES])
    store.close()
    result = CliRunner().invoke(main, ["--data", str(tmp_path), "standard", "import", str(STANDARD_FILE)])
    assert result.exit_code == 0, result.output
    assert "尚未建立检索索引" in result.output and not (tmp_path / "index.current").exists()
