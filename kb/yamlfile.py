"""Read the YAML files people write by hand (standards, cases) with errors that name file and line.

Anchors and aliases are allowed as long as the document they expand to stays small: a file whose
aliases would expand past MAX_NODES nodes (a "billion laughs" file) is refused before it is built.
"""

from pathlib import Path

import yaml

from kb.errors import KnowledgeError

MAX_NODES = 200_000             # nodes of the expanded document; real standards have a few thousand
MAX_BYTES = 20_000_000


class _TooLarge(Exception):
    pass


def _expanded_size(node: yaml.Node, sizes: dict[int, int], open_: set[int]) -> int:
    """How many nodes `node` stands for once every alias is expanded (shared nodes counted per use)."""
    key = id(node)
    if key in sizes:
        return sizes[key]
    if key in open_:
        raise _TooLarge("别名循环引用自身")
    open_.add(key)
    total = 1
    if isinstance(node, yaml.SequenceNode):
        total += sum(_expanded_size(child, sizes, open_) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        total += sum(_expanded_size(k, sizes, open_) + _expanded_size(v, sizes, open_) for k, v in node.value)
    open_.discard(key)
    if total > MAX_NODES:
        raise _TooLarge(f"锚点与别名展开后超过 {MAX_NODES:,} 个节点")
    sizes[key] = total
    return total


def safe_load_bounded(text: str) -> object:
    """yaml.safe_load, refusing documents whose aliases expand past MAX_NODES nodes."""
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _expanded_size(node, {}, set())
        return loader.construct_document(node)
    finally:
        loader.dispose()


def read_yaml_data(path: Path) -> object:
    """Parse a YAML file; raise KnowledgeError naming the file (and the line for syntax errors)."""
    try:
        if Path(path).stat().st_size > MAX_BYTES:
            raise KnowledgeError(f"{path}：文件过大（超过 {MAX_BYTES // 1_000_000} MB），不是手写的 YAML 文件")
        return safe_load_bounded(Path(path).read_text(encoding="utf-8-sig"))
    except _TooLarge as error:
        raise KnowledgeError(f"{path}：YAML 文件过于复杂，已拒绝读取（{error}）") from None
    except RecursionError:
        raise KnowledgeError(f"{path}：YAML 嵌套层数过多，已拒绝读取") from None
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
