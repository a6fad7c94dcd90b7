"""Between the case form and the case file: form fields (named by case-file path, 当事人.名称,
拟处罚.个人罚款[1].罚款) to the case-file dict that generator.review.casefile reads, back again
to fill the form from an imported YAML/JSON file, and the problems the case-file parser reports
mapped to the fields they concern.

The form always shows violations as the repeatable 违法行为 group. A case with one violation and
nothing only a listed violation can say is written the single-violation way (违反条款, 处罚依据,
裁量 and 拟处罚 at the top), as the CLI's examples are; files of either form load into the group.
Fines on persons are one line each in the form (姓名，身份，罚款) and a list in the case file.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from web.form_specs import BOOL, CHECKS, DATE, FORMS, LINES, REVIEW_KEYS, Field, Group, fields_of

VIOLATIONS = "违法行为"
TOP_LEVEL = ("违反条款", "处罚依据", "裁量", "拟处罚", "情节")   # what a single violation may write at the top
PROBLEM_RE = re.compile(r"^(?P<path>[^：]+?)：(?P<message>.*)$", re.S)
# Problems of a whole part go to its first field.
WHOLE_PARTS = {f"{VIOLATIONS}[].拟处罚": ".罚款", f"{VIOLATIONS}[].裁量": ".事项编号", "当事人": ".名称", "延期": ".批准日期"}


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


def to_case_file(values: dict, kind: str) -> tuple[dict, bool]:
    """The case-file dict of the form's values, and whether its one violation was written at the
    top level (problems of those fields then belong to the first violation of the form)."""
    data = {"文书类型": kind, **values}
    violations = [_person_fines(dict(v)) for v in data.pop(VIOLATIONS, [])]
    if len(violations) == 1 and not set(violations[0]) - set(TOP_LEVEL):
        single = violations[0]
        data.update({key: single[key] for key in TOP_LEVEL if key in single and key != "情节"})
        if single.get("情节"):
            data["情节"] = list(dict.fromkeys(data.get("情节", []) + single["情节"]))
        return data, True
    if violations:
        data[VIOLATIONS] = violations
    return data, False


def _person_fines(violation: dict) -> dict:
    lines = violation.get("拟处罚", {}).get("个人罚款")
    if lines:
        violation["拟处罚"] = {**violation["拟处罚"], "个人罚款": [_person(line) for line in lines]}
    return violation


def _person(line) -> dict:
    if isinstance(line, dict):
        return line
    parts = [p for p in re.split(r"[，,、\s]+", str(line).strip()) if p]
    if len(parts) == 2:
        return {"姓名": parts[0], "罚款": parts[1]}
    return dict(zip(("姓名", "身份", "罚款", "上一年年收入"), parts)) or {"姓名": str(line)}


def _person_line(person) -> str:
    if not isinstance(person, dict):
        return str(person)
    return "，".join(str(person[k]) for k in ("姓名", "身份", "罚款", "上一年年收入") if person.get(k) not in (None, ""))


def from_case_file(data: dict, kind: str) -> FormState:
    """Fill the form from a case-file dict (an imported file or a stored submission)."""
    data = dict(data)
    if VIOLATIONS not in data and any(name in data for name in TOP_LEVEL if name != "情节"):
        data[VIOLATIONS] = [{k: data[k] for k in TOP_LEVEL if k in data and k != "情节"}]
    violations = []
    for violation in data.get(VIOLATIONS) or []:
        violation = dict(violation) if isinstance(violation, dict) else {}
        discretion = violation.get("裁量")
        if isinstance(discretion, dict) and discretion.get("情节"):
            violation["情节"] = list(violation.get("情节", [])) + list(discretion["情节"])
        decision = violation.get("拟处罚")
        if isinstance(decision, dict) and decision.get("个人罚款"):
            violation["拟处罚"] = {**decision, "个人罚款": [_person_line(p) for p in decision["个人罚款"]]}
            if decision.get("拟决定日期") and not data.get("拟决定日期"):
                data["拟决定日期"] = decision["拟决定日期"]
        elif isinstance(decision, dict) and decision.get("拟决定日期") and not data.get("拟决定日期"):
            data["拟决定日期"] = decision["拟决定日期"]
        violations.append(violation)
    data[VIOLATIONS] = violations
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


def place_problems(problems: list[str], flattened: bool, kind: str, skip_review: bool) -> FormState:
    """Problems of the case-file parser attached to the form fields they name; `skip_review`
    leaves out those of fields the reviewer fills in (while the unit submits)."""
    state = FormState()
    submit, review = FORMS[kind]
    names = _field_names(submit + review)
    for problem in problems:
        match = PROBLEM_RE.match(problem)
        path, message = (match["path"], match["message"]) if match else ("", problem)
        if skip_review and path.split(".")[0].split("[")[0] in REVIEW_KEYS[kind]:
            continue
        target, message = _target(path, message, names, flattened)
        if target:
            state.errors.setdefault(target, []).append(message)
        else:
            state.general.append(problem)
    return state


def _target(path: str, message: str, names: set[str], flattened: bool) -> tuple[str | None, str]:
    """The form field a problem's path names (the parser counts list items from 1, the form from
    0); an item of a one-per-line field becomes “第N行”."""
    if flattened and re.match(r"^(违反条款|处罚依据|裁量|拟处罚)(\.|\[|$)", path):
        path = f"{VIOLATIONS}[1].{path}"
    shifted = re.sub(r"\[(\d+)\]", lambda m: f"[{int(m[1]) - 1}]", path)
    line = None
    while shifted:
        generic = re.sub(r"\[\d+\]", "[]", shifted)
        if generic in names or generic in WHOLE_PARTS:
            return shifted + WHOLE_PARTS.get(generic, ""), (f"第{line}行：{message}" if line else message)
        indexed = re.match(r"^(.*)\[(\d+)\]$", shifted)
        if indexed:
            shifted, line = indexed[1], int(indexed[2]) + 1
        elif "." in shifted:
            shifted = shifted.rsplit(".", 1)[0]
        else:
            break
    return None, message


def _field_names(sections) -> set[str]:
    names = set()
    for item in fields_of(sections):
        if isinstance(item, Group):
            names |= {f"{item.path}[].{sub.path}" for sub in item.fields}
        else:
            names.add(item.path)
    return names
