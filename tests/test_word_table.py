"""A command-line search segments with the index's word table (search.word_table) instead of
loading rjieba's whole dictionary: the tokens must be the full tokenizer's, on real text."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kb.samples import STATUTES
from search import segment
from search.index import current_index_dir, index_word_table
from search.word_table import LightTokenizer

SHARED = Path(__file__).resolve().parents[2] / "shared"
QUESTIONS = ["仓库叉车司机没有特种作业操作证怎么罚", "生产经营单位多久组织一次应急预案演练",
             "企业取得安全生产许可证应当具备哪些安全生产条件", "职务技术成果的使用和转让，是否需要经过技术成果完成人本人同意？",
             "ABC公司2023年第5条规定的100万元罚款", "有限空间作业没有安排专人现场监护"]


def _same_tokens(light: LightTokenizer, lines: list[str]) -> None:
    full = segment._full_tokenizer()[0]
    for line in map(segment.normalize, lines):
        assert light.cut_for_search(line, False) == full.cut_for_search(line, False), line
        assert light.cut(line, False) == full.cut(line, False), line


def test_each_index_names_its_word_table(sample_data):
    table = index_word_table(current_index_dir(sample_data))
    assert table is not None and table.parent == sample_data
    assert table.name == f"words-{segment.fingerprint()[:16]}.sqlite"


def test_the_word_table_cuts_like_the_full_dictionary_on_the_samples(sample_data):
    lines = [line for path in sorted(STATUTES.rglob("*.md"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) > 100
    _same_tokens(LightTokenizer(index_word_table(current_index_dir(sample_data))), QUESTIONS + lines)


@pytest.mark.skipif(not (SHARED / "bench" / "stard").is_dir(), reason="needs ../shared")
def test_the_word_table_cuts_like_the_full_dictionary_on_real_questions_and_statutes(sample_data):
    questions = [json.loads(line)["question"] for line in
                 (SHARED / "bench" / "stard" / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    laws = sorted((SHARED / "corpus" / "laws").rglob("*.md"))[::150]
    lines = [line for path in laws for line in path.read_text(encoding="utf-8").splitlines()[:60] if line.strip()]
    _same_tokens(LightTokenizer(index_word_table(current_index_dir(sample_data))), questions + lines)


def test_a_command_line_search_does_not_load_the_whole_dictionary(sample_data):
    """The same hits as in a process with the full dictionary, and rjieba's package (whose import
    loads the dictionary) is never imported."""
    question = "企业没有配备安全生产管理人员怎么罚"
    script = ("import sys, json\nfrom click.testing import CliRunner\nfrom fazhi.cli import main\n"
              f"out = CliRunner().invoke(main, ['--data', {str(sample_data)!r}, 'search', {question!r}, '--json']).output\n"
              "print(json.dumps({'loaded': 'rjieba' in sys.modules, 'out': out}))")
    ran = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    light = json.loads(ran.stdout)
    assert light["loaded"] is False
    from click.testing import CliRunner

    from fazhi.cli import main
    segment._full_tokenizer()
    full = CliRunner().invoke(main, ["--data", str(sample_data), "search", question, "--json"]).output
    assert [(h["title"], h["article"]) for h in json.loads(light["out"])["hits"]] == \
        [(h["title"], h["article"]) for h in json.loads(full)["hits"]]


def test_a_damaged_word_table_falls_back_to_the_full_dictionary(sample_data, tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(sample_data, data)
    table = index_word_table(current_index_dir(data))
    table.write_bytes(b"not a database" * 100)
    question = "企业没有配备安全生产管理人员怎么罚"
    ran = subprocess.run([sys.executable, "-m", "fazhi.cli", "--data", str(data), "search", question, "--json"],
                         capture_output=True, text=True)
    assert ran.returncode == 0 and "Traceback" not in ran.stderr, ran.stderr
    assert json.loads(ran.stdout)["hits"][0]["article"] == "第九十七条"
