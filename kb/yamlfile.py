"""Read the YAML files people write by hand (standards, cases) with errors that name file and line."""

from pathlib import Path

import yaml

from kb.errors import KnowledgeError


def read_yaml_data(path: Path) -> object:
    """Parse a YAML file; raise KnowledgeError naming the file (and the line for syntax errors)."""
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise KnowledgeError(f"文件不存在：{path}") from None
    except UnicodeDecodeError:
        raise KnowledgeError(f"{path}：不是 UTF-8 编码的文本") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"第 {mark.line + 1} 行" if mark else ""
        raise KnowledgeError(f"{path}：YAML 格式错误{where}：{getattr(error, 'problem', error)}") from None
    except ValueError as error:
        raise KnowledgeError(f"{path}：YAML 中有无效的值（如不存在的日期）：{error}") from None
