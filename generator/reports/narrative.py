"""The editable per-year narrative of the annual report: YAML front matter and Markdown with named figures.

The front matter names the bureau and its addressees (机关, 本级政府,
上级部门, 成文日期) and the year; the Markdown holds the text, in which
``{{ 名称 }}`` stands for a figure computed from the ledgers (案件数,
法核意见数 …) or a front-matter value.  A name that is neither is an error
naming the line, so a misspelt figure never reaches a document.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from os import PathLike
from pathlib import Path

import yaml

from generator.filters import date_text

VARIABLE_RE = re.compile(r"\{\{\s*([^{}\s]+)\s*\}\}")
META_FIELDS = {"机关": "报告机关名称", "本级政府": "本级人民政府名称", "上级部门": "上一级主管部门名称",
               "成文日期": "成文日期"}


class NarrativeError(ValueError):
    """A narrative file that cannot be used; the message names the file and the problem."""


@dataclass
class Narrative:
    """A narrative file: its year, front-matter values and Markdown body (with the line the body starts on)."""

    path: Path
    year: int
    meta: dict[str, str]
    body: str
    first_line: int = 1


def load_narrative(path: str | PathLike, year: int) -> Narrative:
    """Read the narrative file at ``path`` for ``year``; raise NarrativeError when it is unusable."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise NarrativeError(f"{path}：无法读取（{error}）") from None
    meta, body, first_line = {}, text, 1
    if text.startswith("---"):
        head, separator, rest = text[3:].partition("\n---")
        if not separator:
            raise NarrativeError(f"{path}：文件开头的 --- 没有对应的结束行 ---")
        try:
            meta = yaml.safe_load(head) or {}
        except yaml.YAMLError as error:
            raise NarrativeError(f"{path}：文件头（YAML）有误：{error}") from None
        if not isinstance(meta, dict):
            raise NarrativeError(f"{path}：文件头应为“名称: 值”形式")
        body = rest.partition("\n")[2]
        first_line = text[: len(text) - len(body)].count("\n") + 1
    stated = meta.pop("年度", year)
    if str(stated) != str(year):
        raise NarrativeError(f"{path}：文件写的年度是{stated}年，与要生成的{year}年度报告不符")
    values = {str(key): _meta_text(value) for key, value in meta.items() if value not in (None, "")}
    return Narrative(path, year, values, body, first_line)


def substitute(narrative: Narrative, values: Mapping[str, str]) -> str:
    """The Markdown body with every ``{{ 名称 }}`` replaced by ``values[名称]``.

    Raises NarrativeError listing each unknown name with its line.
    """
    unknown = []
    for offset, line in enumerate(narrative.body.split("\n")):
        unknown += [f"第{narrative.first_line + offset}行“{name}”" for name in VARIABLE_RE.findall(line)
                    if name not in values]
    if unknown:
        raise NarrativeError(f"{narrative.path}：未知的数据名称：{'、'.join(unknown)}。"
                             f"可用的名称：{'、'.join(values)}")
    return VARIABLE_RE.sub(lambda match: values[match.group(1)], narrative.body)


def used_names(narrative: Narrative) -> list[str]:
    """The names the body refers to, in order of first use."""
    return list(dict.fromkeys(VARIABLE_RE.findall(narrative.body)))


def _meta_text(value) -> str:
    if isinstance(value, date):
        return date_text(value)
    return str(value).strip()
