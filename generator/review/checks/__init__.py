"""The machine's review of a case file: run the checks of its document type, apply the reviewer's
overrides, propose a conclusion, and collect the articles relied on for the appendix.

`review_case(store, case)` is the one call the document generator needs.
"""

from dataclasses import dataclass, field

from generator.review import bureau_config
from generator.review import findings as fd
from generator.review.casefile import CommentaryCase, LegalityCase, OpinionCase
from generator.review.checks.basis import (
    CitationGroup,
    assess_citations,
    basis_finding,
    check_legal_basis,
)
from generator.review.checks.common import Context, worst
from generator.review.checks.discretion import check_discretion
from generator.review.checks.double_fine import check_double_fine
from generator.review.checks.hearing import check_hearing
from generator.review.checks.legality import check_authority, check_procedure
from generator.review.checks.act_fit import check_act_fit
from generator.review.checks.mitigation import check_mitigation
from generator.review.checks.notice import check_referral, check_statement
from generator.review.checks.statutory import check_statutory
from generator.review.checks.version import check_version
from generator.review.checks.procedure import check_collective, check_review_scope
from generator.review.checks.timing import check_limitation, check_review_limit, check_time_limit
from generator.review.thresholds import Thresholds
from kb.refs import ResolvedRef
from kb.store import Store

OPINION_RUNNERS = {fd.LEGAL_BASIS: check_legal_basis, fd.STATUTORY: check_statutory, fd.DISCRETION: check_discretion,
                   fd.CIRCUMSTANCE: check_mitigation, fd.ACT_FIT: check_act_fit, fd.VERSION: check_version,
                   fd.HEARING: check_hearing, fd.STATEMENT: check_statement, fd.REVIEW_SCOPE: check_review_scope,
                   fd.COLLECTIVE: check_collective, fd.REFERRAL: check_referral, fd.TIME_LIMIT: check_time_limit,
                   fd.REVIEW_LIMIT: check_review_limit, fd.LIMITATION: check_limitation,
                   fd.DOUBLE_FINE: check_double_fine}
LEGALITY_RUNNERS = (check_authority, check_procedure)


@dataclass
class Section:
    """One reviewed aspect of the document: the reviewer's own text and the machine's findings."""

    aspect: str
    outcome: str
    note: str = ""
    findings: list[fd.Finding] = field(default_factory=list)


@dataclass
class Review:
    """Everything the generator needs: findings, the conclusion (the reviewer's if written, else the
    proposed one), the machine's proposal, the aspects in document order and the appendix."""

    case: object
    findings: list[fd.Finding]
    conclusion: fd.Conclusion
    proposed: fd.Conclusion
    sections: list[Section]
    appendix: list[ResolvedRef]
    missing_laws: list[str] = field(default_factory=list)      # cited laws the store does not hold


def run_opinion_checks(store: Store, case: OpinionCase, thresholds: Thresholds | None = None) -> list[fd.Finding]:
    """Run every check of a legal-review opinion and apply the case file's overrides.

    `thresholds` defaults to the data directory's configuration's (else the packaged one's) entry named by the case (听证标准) or
    its default; a ThresholdError names an unknown entry."""
    thresholds = thresholds or bureau_config.read(store, bureau_config.THRESHOLDS).select(case.hearing_region or None)
    ctx = Context(store, case, thresholds)
    return apply_overrides([OPINION_RUNNERS[check](ctx) for check in fd.OPINION_CHECKS], case.overrides)


def run_legality_checks(store: Store, case: LegalityCase) -> list[fd.Finding]:
    """Run the checks of a legality review of a major decision and apply the overrides."""
    ctx = Context(store, case)
    return apply_overrides([run(ctx) for run in LEGALITY_RUNNERS], case.overrides)


def run_commentary_checks(store: Store, case: CommentaryCase) -> list[fd.Finding]:
    """Check the citations of a case commentary (exist, current version)."""
    result = assess_citations(store, [CitationGroup("引用", case.citations)], probe=case.facts)
    return apply_overrides([basis_finding(fd.LEGAL_BASIS, result, None)], case.overrides)


def apply_overrides(findings: list[fd.Finding], overrides: dict[str, str]) -> list[fd.Finding]:
    """Mark every finding whose check id the case file overrides, keeping the reason."""
    for finding in findings:
        if finding.check_id in overrides:
            finding.override(overrides[finding.check_id])
    return findings


def propose_conclusion(findings: list[fd.Finding], scale: tuple[str, ...] = fd.OPINION_CONCLUSIONS) -> fd.Conclusion:
    """The most severe conclusion any standing finding calls for (the mildest of `scale` when none
    does), with the concrete reasons; findings that call for nothing become notes."""
    standing = [f for f in findings if f.standing]
    unverified = fd.UNVERIFIED_CONCLUSION.get(scale)
    for f in standing:
        if f.unverified and unverified and f.implies not in scale:
            f.implies = unverified
    called = [f for f in standing if f.implies in scale]
    result = max((f.implies for f in called), key=scale.index, default=scale[0])
    reasons = [_line(f) for f in called] or [f"{f.title}：{f.message}" for f in findings if f.outcome == fd.PASS]
    notes = [_line(f) for f in standing if f not in called]
    notes += [f"{f.title}：机器核对为“{f.original_outcome}”，经人工判断不作为问题（{f.overridden_by}）"
              for f in findings if f.overridden_by]
    return fd.Conclusion(result=result, reasons=reasons, notes=notes)


def appendix(findings: list[fd.Finding]) -> list[ResolvedRef]:
    """Every article the findings rely on, once each (whole article), grouped by law in order of
    first mention and by position inside each law."""
    chosen: dict[int, ResolvedRef] = {}
    for finding in findings:
        for cited in finding.citations:
            if cited.resolved and cited.resolved.article.id not in chosen:
                chosen[cited.resolved.article.id] = cited.resolved
    laws = list(dict.fromkeys(r.law.id for r in chosen.values()))
    return sorted(chosen.values(), key=lambda r: (laws.index(r.law.id), r.article.position))


def review_case(store: Store, case, thresholds: Thresholds | None = None) -> Review:
    """Review any case file: findings, conclusion, sections and appendix."""
    if isinstance(case, OpinionCase):
        findings = run_opinion_checks(store, case, thresholds)
        scale, aspects = fd.OPINION_CONCLUSIONS, fd.ASPECTS
    elif isinstance(case, LegalityCase):
        findings = run_legality_checks(store, case)
        scale, aspects = fd.LEGALITY_CONCLUSIONS, fd.LEGALITY_ASPECTS
    else:
        findings, scale, aspects = run_commentary_checks(store, case), (), ()
    proposed = propose_conclusion(findings, scale) if scale else fd.Conclusion(result="")
    written = getattr(case, "conclusion", "")
    conclusion = (fd.Conclusion(written, case.reasons or proposed.reasons, proposed.notes, proposed=False)
                  if written else proposed)
    notes = getattr(case, "notes", {})
    sections = [Section(aspect, worst(f.outcome for f in findings if f.aspect == aspect), notes.get(aspect, ""),
                        [f for f in findings if f.aspect == aspect]) for aspect in aspects]
    return Review(case, findings, conclusion, proposed, sections, appendix(findings), missing_laws(store, case))


def missing_laws(store: Store, case) -> list[str]:
    """The laws the case cites that the statute store does not hold, in order of citation."""
    cited = [c.ref.law for name in ("violated", "basis", "citations") for c in getattr(case, name, [])]
    return [law for law in dict.fromkeys(cited) if not store.find_laws(law)]


def _line(finding: fd.Finding) -> str:
    text = f"{finding.title}：{finding.message}"
    return text + (f"。建议：{finding.remedy}" if finding.remedy else "")
