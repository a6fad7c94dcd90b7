"""Checks that name the line of a statute file at fault."""

from collections import Counter

from kb.models import Article
from kb.numerals import article_label, chinese_to_int, suffix_number
from kb.structure import ARTICLE_RE, HEADING_RE, normalize_line


def bad_line(text: str | None) -> str:
    """'第 N 行“…”：' for the first line whose article or heading number cannot be read (out of
    range, not a well-formed numeral), or '' when no such line is found."""
    for number, raw in enumerate((text or "").splitlines(), 1):
        line = normalize_line(raw.lstrip("#"))
        try:
            article = ARTICLE_RE.match(line)
            if article:
                article_label(chinese_to_int(article.group(1)), suffix_number(article.group(2) or ""))
            elif HEADING_RE.match(line):
                chinese_to_int(HEADING_RE.match(line).group(1))
        except ValueError:
            return f"第 {number} 行“{line[:30]}”："
    return ""


def duplicate_labels(articles: list[Article]) -> list[str]:
    """The article labels (第一条 …) that occur more than once among numbered articles."""
    counts = Counter(a.label for a in articles if a.number is not None)
    return [label for label, count in counts.items() if count > 1]
