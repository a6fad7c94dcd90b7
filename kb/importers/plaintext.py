"""Plain-text statutes as copied from the national law database (国家法律法规数据库, flk.npc.gov.cn).

Layout: a title line; the history in parentheses (one line or several), e.g.
（2002年6月29日…通过　根据…第三次修正）, or as lines starting with a date; optionally
目　　录 and a table of contents whose entries repeat later as headings; then 第一章　总　　则
headings and 第一条　… articles, parts separated by ideographic spaces. The .docx importer
hands its paragraphs to `parse_lines`.
"""

import re
from pathlib import Path

from kb import categories, textfile
from kb.importers.errors import ImportFailure, SkipFile
from kb.importers.lawrefbook import version_from_history, version_from_name
from kb.models import Law
from kb.structure import ARTICLE_RE, ITEM_RE, heading_level, normalize_line, parse_body

CONTENTS = "目录"
MAX_TITLE = 80
MAX_HISTORY_LINES = 20
HISTORY_OPEN, HISTORY_CLOSE = ("（", "("), ("）", ")")
SENTENCE_ENDS = ("。", "；", "，", "：", ":")
CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f]")
BINARY_SAMPLE = 8192
DATED_LINE_RE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")


def parse(text: str, path: Path, category: str | None = None, region: str | None = None) -> Law:
    """Parse one plain-text statute; `category` (效力级别) and `region` override the guess from
    the title. Raise ImportFailure for an empty, binary or malformed file, SkipFile for a text
    that is clearly not a statute."""
    if not text.strip():
        raise ImportFailure("文件为空")
    sample = text[:BINARY_SAMPLE]
    if "\x00" in sample or len(CONTROL_RE.findall(sample)) > len(sample) // 100:
        raise ImportFailure("不是文本文件：含有二进制内容（可能是其他格式改了扩展名）")
    return parse_lines(text.splitlines(), path, category, region)


def parse_lines(lines: list[str], path: Path, category: str | None = None,
                region: str | None = None) -> Law:
    """Parse a statute given as lines in the national-database layout (see the module doc).

    Raise ImportFailure or SkipFile as `parse` does, ValueError for an unknown `category`.
    """
    lines = [line for line in (normalize_line(textfile.clean(raw)) for raw in lines) if line]
    if not lines:
        raise ImportFailure("文件为空：没有任何文字")
    if category and category not in categories.CATEGORIES:
        raise ValueError(f"未知的效力级别“{category}”，可选：{'、'.join(categories.CATEGORIES)}")
    title = _compact(lines[0])
    if not _is_title(lines[0]):
        if not any(ARTICLE_RE.match(line) for line in lines):
            raise SkipFile("不是法规文本：没有法规名称，也没有“第X条”条文")
        raise ImportFailure(f"缺少标题：第一行应为法规名称，而不是“{lines[0][:30]}”")
    history, rest = _split_history(lines[1:])
    body = _without_contents(rest)
    articles, preamble = parse_body(body)
    if not articles:
        if history or any(heading_level(line) for line in body):
            raise ImportFailure("没有找到条文：正文中没有以“第一条”这样开头的行")
        raise SkipFile("不是法规文本：没有通过/修正说明，也没有“第X条”条文")
    version = version_from_name(path.stem) or version_from_history(history)
    return Law(title=title, category=category or categories.guess_category(title),
               region=categories.region_of(title) if region is None else region,
               version=version, file=str(path), history=history, preamble=preamble,
               articles=articles)


def _compact(line: str) -> str:
    """The line without any spaces (titles and 目录 are spaced out for layout only)."""
    return re.sub(r"[\s\u3000]+", "", line)


def _is_title(line: str) -> bool:
    """True when a line can be a statute title rather than history, contents or body text."""
    return (len(line) <= MAX_TITLE and not line.startswith(HISTORY_OPEN)
            and not line.endswith(SENTENCE_ENDS) and _compact(line) != CONTENTS
            and not ARTICLE_RE.match(line) and not heading_level(line) and not ITEM_RE.match(line))


def starts_body(line: str) -> bool:
    """True for the lines that end the head of a statute: 目录, a heading or an article."""
    line = normalize_line(line)
    return _compact(line) == CONTENTS or bool(heading_level(line)) or bool(ARTICLE_RE.match(line))


def _split_history(lines: list[str]) -> tuple[str, list[str]]:
    """Return (history, the lines after it): the parenthesised lines right below the title, or
    the lines there that start with a date (2002年6月29日 … 通过) when they are not enclosed."""
    if not lines or not lines[0].startswith(HISTORY_OPEN):
        end = next((i for i, line in enumerate(lines) if not DATED_LINE_RE.match(line)), len(lines))
        return "\n".join(lines[:end]), lines[end:]
    for end, line in enumerate(lines[:MAX_HISTORY_LINES]):
        if starts_body(line):
            return "\n".join(lines[:end]), lines[end:]
        if line.endswith(HISTORY_CLOSE):
            return "\n".join(lines[:end + 1]), lines[end + 1:]
    return lines[0], lines[1:]


def _without_contents(lines: list[str]) -> list[str]:
    """Drop 目录 and the table of contents below it, which ends where its first entry repeats
    as the first heading of the body (or at the first article)."""
    head = next((i for i, line in enumerate(lines) if ARTICLE_RE.match(line)), len(lines))
    start = next((i for i, line in enumerate(lines[:head]) if _compact(line) == CONTENTS), None)
    if start is None:
        return lines
    entries = lines[start + 1:]
    first = _compact(entries[0]) if entries else ""
    end = next((i for i, line in enumerate(entries) if i and _compact(line) == first
                or ARTICLE_RE.match(line)), len(entries))
    return lines[:start] + entries[end:]
