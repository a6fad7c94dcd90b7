"""Bounds on what one search may ask for: query length and number of results.

A pasted document is not a question: past MAX_QUERY_CHARS characters segmentation and ranking
take seconds, so the query is refused with a message instead. The same bounds serve the CLI
(option ranges) and the web layer.
"""

MAX_QUERY_CHARS = 1000
MAX_LIMIT = 200                 # results per query; the engine gathers a few times as many candidates


def problem(query: str, limit: int) -> str | None:
    """Return why a query cannot run as asked (in Chinese), or None when it can."""
    if len(query) > MAX_QUERY_CHARS:
        return (f"查询过长（{len(query)} 个字符）：请缩短到 {MAX_QUERY_CHARS} 个字符以内，"
                "只写要查的问题或关键词")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        return f"返回条数应为 1 至 {MAX_LIMIT} 之间的整数，而不是 {limit!r}"
    if any(0xD800 <= ord(char) <= 0xDFFF for char in query):
        return "查询中含有无法识别的字符（不是有效的 UTF-8 文本）：请检查输入的编码"
    return None
