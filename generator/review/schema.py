"""Build dataclasses from dicts with Chinese keys, collecting every problem with its field path.

A dataclass field takes part when it is declared with `spec`: `机关: str = spec("机关", "",
required=True)`. The field's annotation says how the raw value is converted: str,
int, bool, date, Decimal (money in 元), CitedRef, list[X], dict[str, str], a nested dataclass, or
`X | None`. A class may define `check(self, problems, path)` for rules across fields and
`SCALAR` (a field name) to accept a plain string for the whole object.
"""

import types
import typing
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from generator.review.citing import CitedRef, parse_cited
from kb.dates import read_date
from kb.standards.money import to_decimal
from kb.yes_no import read_yes_no

INVALID = object()


def spec(name: str, default: Any = None, *, factory=None, required: bool = False, choices: tuple[str, ...] = ()):
    """A dataclass field read from key `name`: its default (or default factory), whether it must
    be given, and the allowed values (for a mapping: the allowed keys)."""
    metadata = {"key": name, "required": required, "choices": choices}
    if factory is not None:
        return field(default_factory=factory, metadata=metadata)
    return field(default=default, metadata=metadata)


@dataclass
class Problems:
    """Every problem found while reading a file, each starting with its field path."""

    items: list[str] = field(default_factory=list)

    def add(self, path: str, message: str) -> None:
        """Record one problem of the field at `path`."""
        self.items.append(f"{path}：{message}" if path else message)

    def __bool__(self) -> bool:
        return bool(self.items)


def join(path: str, name: str) -> str:
    """The path of a field inside `path`: 当事人 + 类型 -> 当事人.类型."""
    return f"{path}.{name}" if path else name


def build(cls, data: Any, path: str, problems: Problems):
    """Return an instance of dataclass `cls` from `data`, adding a problem for every unknown key,
    missing required field and invalid value; fields in error keep their defaults."""
    scalar = getattr(cls, "SCALAR", None)
    if scalar and isinstance(data, (str, int)) and not isinstance(data, bool):
        return cls(**{scalar: str(data).strip()})
    if not isinstance(data, dict):
        problems.add(path, f"应为“字段: 值”的映射，实为“{_show(data)}”")
        return cls()
    specs = {f.metadata["key"]: f for f in fields(cls) if "key" in f.metadata}
    for written in data:
        if str(written) not in specs:
            problems.add(join(path, str(written)), f"未知字段，可用字段：{'、'.join(specs)}")
    hints = typing.get_type_hints(cls)
    values = {}
    for name, declared in specs.items():
        meta, raw, where = declared.metadata, data.get(name), join(path, name)
        if _empty(raw):
            if meta["required"]:
                problems.add(where, "缺少必填字段")
            continue
        value = convert(hints[declared.name], raw, where, problems, meta["choices"])
        if value is not INVALID:
            values[declared.name] = value
    instance = cls(**values)
    if hasattr(instance, "check"):
        instance.check(problems, path)
    return instance


def convert(kind, raw: Any, path: str, problems: Problems, choices: tuple[str, ...] = ()):
    """Convert one raw value to `kind`; add a problem and return INVALID when it does not fit."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        kind = next(a for a in args if a is not type(None))
        origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is list:
        items = raw.splitlines() if isinstance(raw, str) and args[0] is str else raw
        if not isinstance(items, list):
            items = [items]
        converted = [convert(args[0], item, f"{path}[{n}]", problems, choices)
                     for n, item in enumerate(items, 1) if not _empty(item)]
        return [c for c in converted if c is not INVALID]
    if origin is dict:
        if not isinstance(raw, dict):
            problems.add(path, f"应为“名称: 内容”的映射，实为“{_show(raw)}”")
            return INVALID
        converted = {}
        for name, value in raw.items():
            where = join(path, str(name))
            if choices and str(name) not in choices:
                problems.add(where, f"名称应为{_choices(choices)}之一")
            elif (value := convert(args[1], value, where, problems)) is not INVALID:
                converted[str(name)] = value
        return converted
    if kind not in CONVERTERS and is_dataclass(kind):
        return build(kind, raw, path, problems)
    try:
        value = CONVERTERS[kind](raw)
    except ValueError as error:
        problems.add(path, str(error))
        return INVALID
    if choices and value not in choices:
        problems.add(path, f"应为{_choices(choices)}，实为“{value}”")
        return INVALID
    return value


def to_text(raw: Any) -> str:
    """A scalar as stripped text; mappings and lists are refused."""
    if isinstance(raw, (dict, list)):
        raise ValueError(f"应为文字，实为“{_show(raw)}”")
    return str(raw).strip()


def to_date(raw: Any) -> date:
    """A date from YAML, 'YYYY-MM-DD' or 'YYYY年M月D日'."""
    day = read_date(raw)
    if day is None:
        raise ValueError(f"应为日期（如 2026-03-05 或 2026年3月5日），实为“{_show(raw)}”")
    return day


def to_bool(raw: Any) -> bool:
    """A yes/no value: true/false, 是/否, 有/无, 已/未."""
    answer = read_yes_no(raw)
    if answer is None:
        raise ValueError(f"应为“是”或“否”，实为“{_show(raw)}”")
    return answer


def to_money(raw: Any) -> Decimal:
    """An amount in 元: an integer, a numeric string, '3万' or '30,000元' (floats are refused)."""
    try:
        return to_decimal(raw, "金额")
    except ValueError:
        raise ValueError(f"应为金额（元，如 30000 或“3万”），实为“{_show(raw)}”") from None


def to_count(raw: Any) -> int:
    """A whole number of days."""
    if isinstance(raw, bool) or not str(raw).strip().isdigit():
        raise ValueError(f"应为整数，实为“{_show(raw)}”")
    return int(str(raw).strip())


def to_citation(raw: Any) -> CitedRef:
    """A citation string such as 《中华人民共和国安全生产法》第九十七条第（三）项."""
    return parse_cited(to_text(raw))


CONVERTERS = {str: to_text, date: to_date, bool: to_bool, Decimal: to_money, int: to_count,
              CitedRef: to_citation}


def _empty(raw: Any) -> bool:
    return raw is None or (isinstance(raw, (str, list, dict)) and not (raw.strip() if isinstance(raw, str) else raw))


def _choices(choices: tuple[str, ...]) -> str:
    quoted = [f"“{c}”" for c in choices]
    return quoted[0] if len(quoted) == 1 else "、".join(quoted[:-1]) + "或" + quoted[-1]


def _show(raw: Any) -> str:
    text = str(raw)
    return text if len(text) <= 40 else text[:40] + "…"

