"""The review scenario suite: one case file per rule that must trigger it and one that must pass.

Each file in tests/scenarios/ names the sample case file it starts from (基于), the fields it
changes (修改: dotted paths, 违法行为[2] for a list element — one past the end appends —, null to
delete) and what the review must
find (预期: 核对项, 状态, 条文 — text of a cited article, 措辞 — words of the message) and, if given,
the proposed conclusion (结论) or a conclusion it must not be (结论不是). Used by
tests/test_review_scenarios.py and bench/bench_review.py.
"""

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

import kb.samples
from generator.review.casefile import parse_case, read_data
from generator.review.checks import review_case
from generator.review.findings import Finding

HERE = Path(__file__).parent / "scenarios"
BASES = Path(kb.samples.__file__).parent / "review"
INDEX_RE = re.compile(r"^(?P<name>[^\[]+)\[(?P<index>\d+)\]$")


@dataclass
class Expectation:
    """What one check must report."""

    check: str
    status: str
    article: str = ""
    wording: str = ""


@dataclass
class Scenario:
    """One scenario: its file, what it shows, the case data and the expectations."""

    path: Path
    description: str
    data: dict
    expected: list[Expectation] = field(default_factory=list)
    conclusion: str = ""
    not_conclusion: str = ""

    @property
    def name(self) -> str:
        """The file name without .yaml."""
        return self.path.stem


@dataclass
class Outcome:
    """What the review found for one expectation."""

    expectation: Expectation
    finding: Finding | None
    ok: bool
    why: str = ""


def scenarios() -> list[Scenario]:
    """Every scenario file, in name order."""
    return [load(path) for path in sorted(HERE.glob("*.yaml"))]


def load(path: Path) -> Scenario:
    """Read one scenario file."""
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    data = copy.deepcopy(read_data(BASES / spec["基于"]))
    for dotted, value in (spec.get("修改") or {}).items():
        change(data, dotted, value)
    expected = [Expectation(e["核对项"], e["状态"], e.get("条文", ""), e.get("措辞", "")) for e in spec.get("预期") or []]
    return Scenario(path, spec.get("说明", ""), data, expected, spec.get("结论", ""), spec.get("结论不是", ""))


def change(data: dict, dotted: str, value) -> None:
    """Set (or with None delete) the field at a dotted path; 违法行为[2] is the list's second element."""
    *parents, last = dotted.split(".")
    target = data
    for part in parents:
        found = INDEX_RE.match(part)
        target = target[found.group("name")][int(found.group("index")) - 1] if found else target.setdefault(part, {})
    element = INDEX_RE.match(last)
    if element:
        items, index = target.setdefault(element.group("name"), []), int(element.group("index")) - 1
        if index < len(items):
            items[index] = value
        else:
            items.append(value)                 # 违法行为[3] on a list of two
    elif value is None:
        target.pop(last, None)
    else:
        target[last] = value


def run(store, scenario: Scenario):
    """(review, outcomes, conclusion ok) of one scenario."""
    review = review_case(store, parse_case(copy.deepcopy(scenario.data), source=scenario.path.name))
    by_check = {f.check_id: f for f in review.findings} | {f.title: f for f in review.findings}
    outcomes = [judge(e, by_check.get(e.check)) for e in scenario.expected]
    result = review.proposed.result
    conclusion_ok = (not scenario.conclusion or result == scenario.conclusion) and result != scenario.not_conclusion
    return review, outcomes, conclusion_ok


def judge(expectation: Expectation, found: Finding | None) -> Outcome:
    """Whether a finding has the expected status, cites the article and uses the wording."""
    if found is None:
        return Outcome(expectation, None, False, "没有该核对项")
    cited = [a.citation for a in found.citations]
    text = "\n".join([found.message, *found.details])
    if found.status != expectation.status:
        return Outcome(expectation, found, False, f"状态为{found.status}")
    if expectation.article and not any(expectation.article in c for c in cited):
        return Outcome(expectation, found, False, f"未引用{expectation.article}")
    if expectation.wording and expectation.wording not in text:
        return Outcome(expectation, found, False, f"意见中没有“{expectation.wording}”")
    return Outcome(expectation, found, True)
