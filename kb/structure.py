"""Split the body of a statute into headings (编/章/节), articles (条), paragraphs (款) and items (项).

Shared by every importer: they turn their format into plain lines and call `parse_body`.
"""

import re

from kb.models import Article
from kb.numerals import CHINESE_NUMBER, article_label, chinese_to_int, suffix_number
from kb.punctuation import full_width

SPACE = r"[\s\u3000]"
ARTICLE_RE = re.compile(
    rf"^第({CHINESE_NUMBER}|\d+)条(之[一二三四五六七八九十]+)?(?:{SPACE}+|[:：]|$)(.*)$")
HEADING_LEVELS = {"编": 1, "分编": 2, "章": 3, "节": 4}
HEADING_RE = re.compile(rf"^第({CHINESE_NUMBER}|\d+)(分编|编|章|节)(?:{SPACE}*)(.*)$")
ITEM_RE = re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]")
CJK_GAP_RE = re.compile(rf"(?<=[\u4e00-\u9fff]){SPACE}+(?=[\u4e00-\u9fff])")
# 附则 without a number (民法典, 刑法) closes the last 编/章 like a top-level heading.
BARE_HEADINGS = {"附则": 1}


def normalize_line(line: str) -> str:
    """Strip a line and fold runs of ASCII/ideographic spaces into one space."""
    return re.sub(rf"{SPACE}+", " ", line).strip()


def heading_level(line: str) -> int | None:
    """Return 1–4 for a 编/分编/章/节 heading line (or a bare 附则), None for anything else."""
    bare = BARE_HEADINGS.get(CJK_GAP_RE.sub("", line))
    if bare:
        return bare
    match = HEADING_RE.match(line)
    if not match or len(line) > 60 or ARTICLE_RE.match(line):
        return None
    return HEADING_LEVELS[match.group(2)]


def heading_text(line: str) -> str:
    """Return a heading line without the spaces inside its name: 第一章　总　　则 → 第一章 总则."""
    match = HEADING_RE.match(line)
    if not match:
        return CJK_GAP_RE.sub("", line)
    return f"第{match.group(1)}{match.group(2)} {CJK_GAP_RE.sub('', match.group(3))}".rstrip()


def _split_items(paragraph_index: int, text: str) -> tuple[int, int, str] | None:
    match = ITEM_RE.match(text)
    return (paragraph_index, chinese_to_int(match.group(1)), text) if match else None


class _Builder:
    """Accumulates articles while lines are read in order."""

    def __init__(self):
        self.articles: list[Article] = []
        self.path: dict[int, str] = {}
        self.preamble: list[str] = []

    def heading(self, level: int, text: str) -> None:
        self.path = {k: v for k, v in self.path.items() if k < level}
        self.path[level] = text

    def start_article(self, number: int, suffix: int, label: str, first: str) -> None:
        chapter = " / ".join(self.path[k] for k in sorted(self.path))
        article = Article(label=label, number=number, suffix=suffix, chapter=chapter,
                          position=len(self.articles))
        self.articles.append(article)
        if first:
            self.paragraph(first)

    def paragraph(self, text: str) -> None:
        if not self.articles:
            self.preamble.append(text)
            return
        text = full_width(text)         # 追究刑事责任: → 追究刑事责任：, as the official text has it
        article = self.articles[-1]
        item = _split_items(len(article.paragraphs), text)
        article.paragraphs.append(text)
        if item:
            article.items.append(item)


def parse_body(lines: list[str]) -> tuple[list[Article], str]:
    """Parse body lines into articles; return (articles, preamble text before the first article).

    Headings may come as Markdown (`## 第一章 总则`) or as plain lines (`第一章　总则`).
    """
    builder = _Builder()
    for raw in lines:
        line = normalize_line(raw.lstrip("#")) if raw.startswith("#") else normalize_line(raw)
        if not line:
            continue
        level = heading_level(line)
        if level:
            builder.heading(level, heading_text(line))
            continue
        match = ARTICLE_RE.match(line)
        if match:
            number, suffix = chinese_to_int(match.group(1)), suffix_number(match.group(2) or "")
            label = article_label(number, suffix)
            builder.start_article(number, suffix, label, match.group(3).strip())
        elif raw.startswith("#") and not builder.articles:
            builder.preamble.append(line)
        else:
            builder.paragraph(line)
    return builder.articles, "\n".join(builder.preamble)


def parse_sections(lines: list[str]) -> list[Article]:
    """Split a document without articles (a court case, a guide) into sections at `##` headings.

    Each section becomes an article-like unit labelled with its heading and no number.
    """
    sections: list[Article] = []
    for raw in lines:
        line = normalize_line(raw.lstrip("#"))
        if not line:
            continue
        if raw.startswith("#") or not sections:
            label = line if raw.startswith("#") else "正文"
            sections.append(Article(label=label, number=None, position=len(sections)))
            if raw.startswith("#"):
                continue
        sections[-1].paragraphs.append(line)
    return [s for s in sections if s.paragraphs]
