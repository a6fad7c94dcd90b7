"""Jinja's error messages in Chinese, for the clerk who edits a template in Word."""

from __future__ import annotations

import re

from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError

from generator.filters import FILTERS

_LOOKING_FOR_RE = re.compile(r"looking for the following tags: (.+?)\.", re.S)
_QUOTED_RE = re.compile(r"'([^']+)'")
_TRANSLATIONS = (
    (re.compile(r"^Unexpected end of template"), lambda m, e: "模板到结尾也没有找到结束标记" + _expected(e)),
    (re.compile(r"^Encountered unknown tag '([^']+)'"),
     lambda m, e: f"无法识别的标记“{m.group(1)}”" + (_expected(e) or "（可用 for、if、endfor、endif、else）")),
    (re.compile(r"^expected token '([^']+)', got '([^']+)'"),
     lambda m, e: f"标记写法有误：此处应为“{m.group(1)}”，实为“{m.group(2)}”"),
    (re.compile(r"^unexpected '([^']+)'"), lambda m, e: f"标记中有多余的“{m.group(1)}”"),
    (re.compile(r"^unexpected char '(.+?)'"), lambda m, e: f"标记中有不能识别的字符“{m.group(1)}”"),
    (re.compile(r"^No filter named '([^']+)'"),
     lambda m, e: f"没有名为“{m.group(1)}”的过滤器，可用：{'、'.join(FILTERS)}"),
    (re.compile(r"^No test named '([^']+)'"), lambda m, e: f"没有名为“{m.group(1)}”的判断条件"),
    (re.compile(r"^unexpected end of template, expected '([^']+)'"),
     lambda m, e: f"标记没有写完，缺少“{m.group(1)}”"),
    (re.compile(r"^'([^']+)' is undefined"), lambda m, e: f"没有名为“{m.group(1)}”的变量"),
    (re.compile(r"has no attribute '([^']+)'"), lambda m, e: f"没有名为“{m.group(1)}”的字段"),
)


def chinese_message(error: TemplateError) -> str:
    """The error in Chinese; an error Jinja words otherwise is given with its original text."""
    text = str(error.message or error)
    for pattern, write in _TRANSLATIONS:
        match = pattern.search(text)
        if match:
            return write(match, text)
    kind = "标记写法有误" if isinstance(error, TemplateSyntaxError) else (
        "模板用到了没有的内容" if isinstance(error, UndefinedError) else "模板有误")
    return f"{kind}（{text}）"


def _expected(text: str) -> str:
    found = _LOOKING_FOR_RE.search(text)
    if not found:
        return ""
    tags = [tag for tag in _QUOTED_RE.findall(found.group(1))]
    return "，此处应有" + "或".join(f"{{% {tag} %}}" for tag in tags) if tags else ""
