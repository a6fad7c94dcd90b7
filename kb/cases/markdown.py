"""A case as Markdown: `# 案件名称`, then `## 字段` sections (see FORMAT.md)."""

from pathlib import Path

from kb.cases.sections import sections_to_dict
from kb.errors import KnowledgeError


def parse_markdown(text: str, source: str) -> dict:
    """Read a Markdown case into its dict form; text outside a `##` section is an error."""
    title, sections = "", []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("## "):
            sections.append((line[3:].strip(), []))
        elif line.startswith("# ") and not title and not sections:
            title = line[2:].strip()
        elif sections:
            sections[-1][1].append(line)
        elif line.strip():
            raise KnowledgeError(f"{source} 第 {number} 行：正文应写在“## 字段名”小节之下")
    return sections_to_dict(title, sections, source)


def read_markdown(path: Path) -> dict:
    """Read a Markdown case file."""
    try:
        return parse_markdown(Path(path).read_text(encoding="utf-8-sig"), str(path))
    except UnicodeDecodeError:
        raise KnowledgeError(f"{path}：不是 UTF-8 编码的文本") from None
