"""Cases written as a titled document with one section per field (Markdown and .docx share this):
the title is the 案件名称, each section heading is a field name (编号, 案号, 违法事实 …)."""

import re

from kb.cases import fields as f
from kb.errors import KnowledgeError

BULLET_RE = re.compile(r"^(?:[-*•]\s*|\d+[.、．]\s*)")


def sections_to_dict(title: str, sections: list[tuple[str, list[str]]], source: str) -> dict:
    """Turn (heading, lines) sections into the dict form of a case; raise KnowledgeError naming the
    file and the heading that is not a field."""
    data = {f.TITLE: title} if title else {}
    for heading, lines in sections:
        name = heading.strip().rstrip("：:").strip()
        if name not in f.ORDER:
            raise KnowledgeError(f"{source}：未知的小节“{heading}”，小节标题应为字段名：{'、'.join(f.ORDER)}")
        lines = [line.strip() for line in lines if line.strip()]
        if name in f.LISTS:
            data[name] = [BULLET_RE.sub("", line) for line in lines]
        elif name in f.TEXTS:
            data[name] = "\n".join(lines)
        else:
            data[name] = " ".join(lines)
    return data
