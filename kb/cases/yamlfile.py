"""Cases as YAML: one case per file (a mapping), or several under `案例:` (or as a top-level list)."""

from pathlib import Path

import yaml

from kb.cases.convert import case_to_dict
from kb.cases.models import Case
from kb.standards.errors import KnowledgeError

LIST_KEY = "案例"


def read_yaml_cases(path: Path) -> list[dict]:
    """Read the case dicts of a YAML file; raise KnowledgeError naming the file and line."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise KnowledgeError(f"{path}：不是 UTF-8 编码的文本") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"第 {mark.line + 1} 行" if mark else ""
        raise KnowledgeError(f"{path}：YAML 格式错误{where}：{getattr(error, 'problem', error)}") from None
    except ValueError as error:
        raise KnowledgeError(f"{path}：YAML 中有无效的值（如不存在的日期）：{error}") from None
    if isinstance(data, dict) and LIST_KEY in data:
        data = data[LIST_KEY]
    entries = data if isinstance(data, list) else [data]
    if not entries or not all(isinstance(entry, dict) for entry in entries):
        raise KnowledgeError(f"{path}：应为一个案例（“字段: 值”的映射）或案例列表")
    return entries


def dump_case(case: Case) -> str:
    """Write one case as YAML text that `read_yaml_cases` reads back to the same case."""
    return yaml.safe_dump(case_to_dict(case), allow_unicode=True, sort_keys=False, width=100)
