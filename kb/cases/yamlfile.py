"""Cases as YAML: one case per file (a mapping), or several under `案例:` (or as a top-level list)."""

from pathlib import Path

import yaml

from kb.cases.convert import case_to_dict
from kb.cases.models import Case
from kb.errors import KnowledgeError
from kb.yamlfile import read_yaml_data

LIST_KEY = "案例"


def read_yaml_cases(path: Path) -> list[dict]:
    """Read the case dicts of a YAML file; raise KnowledgeError naming the file and line."""
    data = read_yaml_data(path)
    if isinstance(data, dict) and LIST_KEY in data:
        data = data[LIST_KEY]
    entries = data if isinstance(data, list) else [data]
    if not entries or not all(isinstance(entry, dict) for entry in entries):
        raise KnowledgeError(f"{path}：应为一个案例（“字段: 值”的映射）或案例列表")
    return entries


def dump_case(case: Case) -> str:
    """Write one case as YAML text that `read_yaml_cases` reads back to the same case."""
    return yaml.safe_dump(case_to_dict(case), allow_unicode=True, sort_keys=False, width=100)
