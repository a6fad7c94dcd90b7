"""The violations of an opinion case as the opinion presents them, one by one.

An opinion presents every violation of the case on its own (分别裁量): the
act, its facts, the provision breached (违反条款), the penalty provision
(处罚依据), the penalties proposed on whom, the corrective orders and the
discretion applied.  ``violations(case)`` reads them from the case file's
违法行为 (``generator.review.violations``; a single-violation file has one);
the template loops over the list it returns.

Orders to correct (责令改正, 责令限期改正, 责令限期消除事故隐患) are not
行政处罚 (行政处罚法 第九条 lists the kinds; 第二十八条 makes correction an order
that goes with every penalty): they are kept apart from the penalties.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.context_text import money
from generator.review.casefile import OpinionCase
from generator.review.citing import CitedRef
from generator.review.parts import DiscretionInput, Measure
from generator.review.violations import Violation as CaseViolation

CORRECTIVE_WORDS = ("改正", "消除事故隐患", "消除隐患")
PARTY = "当事人"


@dataclass
class Penalty:
    """One penalty on one person: 当事人 + 罚款人民币肆万元整（40,000元）."""

    whom: str
    what: str

    @property
    def text(self) -> str:
        """对当事人处以罚款人民币肆万元整（40,000元）."""
        return f"对{self.whom}处以{self.what}"


@dataclass
class Violation:
    """One violation of the case with everything the opinion says about it."""

    act: str
    facts: list[str]
    violated: list[CitedRef]
    basis: list[CitedRef]
    penalties: list[Penalty] = field(default_factory=list)
    corrections: list[str] = field(default_factory=list)
    discretion: DiscretionInput | None = None
    waived: bool = False  # 不予处罚 proposed


def is_corrective(kind: str) -> bool:
    """True for an order to correct, which is not a 行政处罚."""
    return any(word in kind for word in CORRECTIVE_WORDS)


def violations(case: OpinionCase) -> list[Violation]:
    """The violations of ``case`` in the order of the case file (one for a single-violation case)."""
    return [_violation(v) for v in case.violations]


def _violation(violation: CaseViolation) -> Violation:
    decision = violation.decision
    penalties = [Penalty(PARTY, f"罚款{money(decision.fine)}")] if decision.fine is not None else []
    penalties += [Penalty(f"{fine.role}{fine.name}", f"罚款{money(fine.amount)}") for fine in decision.person_fines]
    penalties += [_measure_penalty(m) for m in decision.measures if not is_corrective(m.kind)]
    corrections = [correction_text(m) for m in decision.measures if is_corrective(m.kind)]
    facts = [line.strip() for line in violation.facts.splitlines() if line.strip()]
    return Violation(violation.name, facts, list(violation.violated), list(violation.basis), penalties, corrections,
                     violation.discretion, waived=decision.waived)


def correction_text(measure: Measure) -> str:
    """责令当事人限期改正 (with its term when given)."""
    text = measure.kind.replace("责令", f"责令{PARTY}", 1) if measure.kind.startswith("责令") else measure.kind
    return text + (f"（期限：{measure.term}）" if measure.term else "")


def _measure_penalty(measure: Measure) -> Penalty:
    what = measure.kind + (money(measure.amount) if measure.amount is not None else "")
    return Penalty(PARTY, what + (f"，期限{measure.term}" if measure.term else ""))
