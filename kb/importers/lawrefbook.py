"""LawRefBook Markdown statutes: `# title`, history lines, `<!-- INFO END -->`, then the body."""

import re
from datetime import date
from pathlib import Path

from kb import categories
from kb.importers.errors import SkipFile
from kb.models import Law
from kb.structure import parse_body, parse_sections

INFO_END = "<!-- INFO END -->"
FILE_DATE_RE = re.compile(r"\((\d{4})-(\d{2})-(\d{2})\)$")
TEXT_DATE_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# "自2007年6月1日起施行" names when a version takes effect, not when it was adopted or amended.
EFFECTIVE_RE = re.compile(r"自?\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*起?\s*施行")


def version_from_name(stem: str) -> date | None:
    """Return the date in a file name such as 安全生产法(2021-06-10), or None."""
    match = FILE_DATE_RE.search(stem)
    return date(*map(int, match.groups())) if match else None


def version_from_history(history: str) -> date | None:
    """Return the version date a history names: its latest adoption or amendment date, or the
    latest effective date when it names no other."""
    return latest_date(EFFECTIVE_RE.sub("", history)) or latest_date(history)


def latest_date(text: str) -> date | None:
    """Return the latest 'YYYY年M月D日' date mentioned in a text, or None."""
    found = []
    for match in TEXT_DATE_RE.finditer(text):
        try:
            found.append(date(*map(int, match.groups())))
        except ValueError:
            continue
    return max(found, default=None)


def parse(text: str, path: Path, root: Path | None = None) -> Law:
    """Parse one LawRefBook Markdown file; raise SkipFile for front matter and non-law files."""
    if text.startswith("---") or path.name == "_index.md":
        raise SkipFile("站点目录页（front matter），不是法规")
    lines = text.splitlines()
    titles = [line[2:].strip() for line in _head(lines) if line.startswith("# ")]
    if not titles or not titles[0]:
        raise SkipFile("缺少一级标题“# 法规名称”")
    title, part = titles[0], (titles[1] if len(titles) > 1 else "")
    if INFO_END in lines:
        split = lines.index(INFO_END)
        head, body = lines[:split], lines[split + 1:]
    else:
        head, body = lines[:1], lines[1:]
    history = "\n".join(line.strip() for line in head if line.strip() and not line.startswith("# "))
    parts = path.relative_to(root).parts[:-1] if root else path.parts[:-1]
    category, branch, region = categories.from_folders(tuple(parts), title)
    articles, preamble = parse_body(body)
    if not articles and INFO_END not in lines:
        raise SkipFile(f"不像是法规：没有“第X条”条文，也没有 LawRefBook 的“{INFO_END}”标记")
    if not articles:
        articles, preamble = parse_sections(body), ""
    if not articles:
        raise SkipFile("正文为空：没有条文也没有段落")
    version = version_from_name(path.stem) or version_from_history(history)
    return Law(title=title, part=part, category=category, branch=branch, region=region,
               version=version, file=str(path), history=history, preamble=preamble,
               articles=articles)


def _head(lines: list[str]) -> list[str]:
    """Lines before the info marker (or the first few lines when there is none)."""
    return lines[:lines.index(INFO_END)] if INFO_END in lines else lines[:3]
