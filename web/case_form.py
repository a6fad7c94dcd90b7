"""Between the case form and the case file: form fields (named by case-file path, 当事人.名称,
拟处罚.个人罚款[1].罚款) to the case-file dict that generator.review.casefile reads, back again
to fill the form from an imported YAML/JSON file, and the problems the case-file parser reports
mapped to the fields they concern.

The current case-file schema holds one list of violated articles, one of penalty provisions and
one 裁量 per case; the form's repeatable 违法行为 group is merged into those lists (the 裁量 of
the first violation that names a standard item is used) and split back one violation per file.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from web.form_specs import BOOL, CHECKS, DATE, FORMS, LINES, REVIEW_KEYS, Field, Group, fields_of

VIOLATIONS = "违法行为"
VIOLATION_LISTS = ("违反条款", "处罚依据")
PROBLEM_RE = re.compile(r"^(?P<path>[^：]+?)：(?P<message>.*)$", re.S)
INDEX_RE = re.compile(r"^(?P<path>.+?)\[(?P<index>\d+)\]$")


@dataclass
class FormState:
    """What the form shows: flat values by field name, entries per group, problems per field."""

    values: dict[str, object] = field(default_factory=dict)
    groups: dict[str, int] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)

    def value(self, name: str, default=""):
        """The value of one field (a list for check boxes)."""
        return self.values.get(name, default)

    def count(self, group: Group) -> int:
        """How many entries a group shows (at least its minimum, and one when empty)."""
        return max(self.groups.get(group.path, 0), group.minimum, 1 if group.minimum else 0)


def _set(data: dict, path: str, value) -> None:
    parts = path.split(".")
    for part in parts[:-1]:
        data = data.setdefault(part, {})
    data[parts[-1]] = value


def _get(data: dict, path: str):
    for part in path.split("."):
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def _read(form, name: str, spec: Field):
    if spec.kind == CHECKS:
        return [v for v in form.getlist(name) if v in spec.choices]
    raw = (form.get(name) or "").strip()
    if spec.kind == LINES:
        return [line.strip() for line in raw.splitlines() if line.strip()]
    return raw


def _group_indices(form, path: str) -> list[int]:
    pattern = re.compile(rf"^{re.escape(path)}\[(\d+)\]\.")
    return sorted({int(m.group(1)) for key in form.keys() if (m := pattern.match(key))})


def read_form(form, sections) -> dict:
    """The nested values of a submitted form (empty fields left out, groups as lists)."""
    data: dict = {}
    for item in fields_of(sections):
        if isinstance(item, Group):
            entries = []
            for index in _group_indices(form, item.path):
                entry: dict = {}
                for sub in item.fields:
                    value = _read(form, f"{item.path}[{index}].{sub.path}", sub)
                    if value:
                        _set(entry, sub.path, value)
                if entry:
                    entries.append(entry)
            if entries:
                _set(data, item.path, entries)
            continue
        value = _read(form, item.path, item)
        if value:
            _set(data, item.path, value)
    return data


def to_case_file(values: dict, kind: str) -> tuple[dict, dict[str, tuple[int, int]]]:
    """The case-file dict of the form's values, and where each merged violation list entry came
    from: {"违反条款[3]": (violation index, line)}."""
    data = {"文书类型": kind, **{k: v for k, v in values.items() if k != VIOLATIONS}}
    origins: dict[str, tuple[int, int]] = {}
    for index, violation in enumerate(values.get(VIOLATIONS, [])):
        for name in VIOLATION_LISTS:
            for line, ref in enumerate(violation.get(name, []), 1):
                data.setdefault(name, []).append(ref)
                origins[f"{name}[{len(data[name])}]"] = (index, line)
        if violation.get("裁量") and "裁量" not in data:
            data["裁量"] = violation["裁量"]
            origins["裁量"] = (index, 0)
    return data, origins


def from_case_file(data: dict, kind: str) -> FormState:
    """Fill the form from a case-file dict (an imported file or a stored submission)."""
    data = dict(data)
    if VIOLATIONS not in data and any(name in data for name in (*VIOLATION_LISTS, "裁量")):
        data[VIOLATIONS] = [{k: data[k] for k in (*VIOLATION_LISTS, "裁量") if k in data}]
    state = FormState()
    submit, review = FORMS[kind]
    for item in fields_of(submit + review):
        if isinstance(item, Group):
            entries = _get(data, item.path) or []
            state.groups[item.path] = len(entries)
            for index, entry in enumerate(entries if isinstance(entries, list) else []):
                for sub in item.fields:
                    state.values[f"{item.path}[{index}].{sub.path}"] = _shown(_get(entry, sub.path), sub)
        else:
            state.values[item.path] = _shown(_get(data, item.path), item)
    return state


def _shown(value, spec: Field):
    if value is None:
        return [] if spec.kind == CHECKS else ""
    if spec.kind == CHECKS:
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]
    if spec.kind == LINES:
        return "\n".join(str(v) for v in value) if isinstance(value, list) else str(value)
    if spec.kind == BOOL and isinstance(value, bool):
        return "是" if value else "否"
    if spec.kind == DATE and isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict) and spec.kind not in (CHECKS, LINES):
        return str(value.get("种类", value))
    return str(value)


def place_problems(problems: list[str], origins: dict, kind: str, skip_review: bool) -> FormState:
    """Problems of the case-file parser attached to the form fields they name; `skip_review`
    leaves out those of fields the reviewer fills in (while the unit submits)."""
    state = FormState()
    submit, review = FORMS[kind]
    names = _field_names(submit + review)
    lines_fields = {item.path for item in fields_of(submit + review) if isinstance(item, Field) and item.kind == LINES}
    for problem in problems:
        match = PROBLEM_RE.match(problem)
        path, message = (match["path"], match["message"]) if match else ("", problem)
        if skip_review and path.split(".")[0].split("[")[0] in REVIEW_KEYS[kind]:
            continue
        target, message = _target(path, message, origins, names, lines_fields)
        if target:
            state.errors.setdefault(target, []).append(message)
        else:
            state.general.append(problem)
    return state


def _target(path: str, message: str, origins: dict, names: set[str], lines_fields: set[str]):
    if path in origins and "[" in path:
        index, line = origins[path]
        return f"{VIOLATIONS}[{index}].{INDEX_RE.match(path)['path']}", f"第{line}行：{message}"
    head = path.split(".")[0]
    if head == "裁量" and "裁量" in origins:
        index = origins["裁量"][0]
        name = f"{VIOLATIONS}[{index}].{path}"
        return (name if re.sub(r"\[\d+\]", "[]", name) in names else f"{VIOLATIONS}[{index}].裁量.事项编号"), message
    if path in VIOLATION_LISTS:
        return f"{VIOLATIONS}[0].{path}", message
    indexed = INDEX_RE.match(path)
    if indexed and indexed["path"] in lines_fields:
        return indexed["path"], f"第{indexed['index']}行：{message}"
    if path in names:
        return path, message
    shifted = re.sub(r"\[(\d+)\]", lambda m: f"[{int(m[1]) - 1}]", path)     # the parser counts from 1
    if re.sub(r"\[\d+\]", "[]", shifted) in names:
        return shifted, message
    return None, message


def _field_names(sections) -> set[str]:
    names = set()
    for item in fields_of(sections):
        if isinstance(item, Group):
            names |= {f"{item.path}[].{sub.path}" for sub in item.fields}
        else:
            names.add(item.path)
    return names
