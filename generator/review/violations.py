"""违法行为: one violation of a case with its own 违反条款, 处罚依据, discretion item and tier,
circumstances and proposed penalties (分别裁量), and how several add up to the case's decision."""

from dataclasses import dataclass
from decimal import Decimal

from generator.review.circumstances import canonical, known_names
from generator.review.citing import CitedRef
from generator.review.parts import Decision, DiscretionInput, PersonFine
from generator.review.schema import Problems, join, spec

ACCIDENTS = ("一般事故", "较大事故", "重大事故", "特别重大事故")


@dataclass
class Violation:
    """One violation: what was breached, the penalty provision applied, the statutory situation
    (逾期未改正, 情节严重 …) if not the basic one, discretion, circumstances and the penalties."""

    name: str = spec("案由", "")
    facts: str = spec("违法事实", "")
    violated: list[CitedRef] = spec("违反条款", factory=list, required=True)
    basis: list[CitedRef] = spec("处罚依据", factory=list, required=True)
    situation: str = spec("法定情形", "")
    accident: str = spec("事故等级", "", choices=ACCIDENTS)
    discretion: DiscretionInput | None = spec("裁量")
    factors: list[str] = spec("情节", factory=list)
    gains: Decimal | None = spec("违法所得")
    goods: Decimal | None = spec("货值金额")
    decision: Decision = spec("拟处罚", factory=Decision, required=True)

    def check(self, problems: Problems, path: str) -> None:
        """Circumstances are ones the law gives effect to."""
        check_factors(problems, join(path, "情节"), self.factors)
        if self.discretion:
            check_factors(problems, join(path, "裁量.情节"), self.discretion.factors)

    def label(self, number: int) -> str:
        """How findings name the violation: its 案由, or 第N项违法行为."""
        return self.name or f"第{number}项违法行为"

    @property
    def income(self) -> Decimal | None:
        """The last year's income stated in the discretion (for income-based fines on the party)."""
        return self.discretion.income if self.discretion else None


def check_factors(problems: Problems, path: str, names: list[str]) -> None:
    """Every circumstance is a known one (name or accepted alias)."""
    for number, name in enumerate(names, 1):
        if canonical(name) is None:
            problems.add(f"{path}[{number}]", f"“{name}”不是行政处罚法第三十条至第三十三条规定的情节，可用：{known_names()}；"
                                               "其他从重情节写入“从重情节”")


def circumstances(case, violation: Violation) -> list[str]:
    """The canonical circumstances of one violation: the case's and the violation's own."""
    written = list(case.factors) + list(violation.factors) + (violation.discretion.factors if violation.discretion else [])
    return list(dict.fromkeys(c for c in (canonical(name) for name in written) if c))


def merged_decision(violations: list[Violation], planned=None) -> Decision:
    """The case's decision as the sum of its violations': fines added per party and per person
    (分别裁量，合并处罚), measures listed once."""
    fines = [v.decision.fine for v in violations if v.decision.fine is not None]
    people: dict[tuple[str, str], PersonFine] = {}
    for violation in violations:
        for person in violation.decision.person_fines:
            key = (person.name, person.role)
            if key in people:
                earlier = people[key]
                people[key] = PersonFine(person.name, person.role, (earlier.amount or 0) + (person.amount or 0),
                                         earlier.income or person.income)
            else:
                people[key] = person
    measures, seen = [], set()
    for violation in violations:
        for measure in violation.decision.measures:
            if measure.text not in seen:
                seen.add(measure.text)
                measures.append(measure)
    planned = planned or next((v.decision.planned for v in violations if v.decision.planned), None)
    return Decision(fine=sum(fines, Decimal(0)) if fines else None, person_fines=list(people.values()),
                    measures=measures, planned=planned,
                    waived=all(v.decision.waived for v in violations) if violations else False)


def unique(citations: list[CitedRef]) -> list[CitedRef]:
    """Citations without repeats, in order."""
    return list(dict.fromkeys(citations))
