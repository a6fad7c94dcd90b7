"""法律依据: every cited article exists in the current version of its law; a superseded version or
a wrong article is flagged with the current article suggested."""

from dataclasses import dataclass, field
from datetime import date

from generator.review import findings as fd
from generator.review.checks.common import finding, worst
from generator.review.citing import CitedRef, check_citation, resolve_in
from generator.review.versions import cited_version, in_force
from kb.models import CURRENT
from kb.refs import Ref, ResolvedRef, resolve_ref
from kb.store import Store


@dataclass
class CitationGroup:
    """Citations playing one role (违反条款, 处罚依据 …) and where suggestions should come from."""

    role: str
    citations: list[CitedRef]
    penalty: bool | None = None
    expected: list[Ref] = field(default_factory=list)    # what the discretion standard cites instead


@dataclass
class BasisResult:
    """The outcome over all citations, one line per citation, and the articles relied on."""

    outcome: str = fd.PASS
    details: list[str] = field(default_factory=list)
    authorities: list[fd.Authority] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)      # the detail lines of wrong citations
    notes: int = 0
    said: list[fd.Said] = field(default_factory=list)
    noted: list[str] = field(default_factory=list)         # the citations that could not be checked


def assess_citations(store: Store, groups: list[CitationGroup], probe: str = "", day: date | None = None) -> BasisResult:
    """Check every citation of every group; a flagged citation contributes its suggested current
    article to the authorities, a sound one the article itself. With the act date `day`, a citation
    of the version in force then (named, or unnamed when the article is there) is sound."""
    result = BasisResult()
    for group in groups:
        for cited in group.citations:
            applicable = _applicable(store, cited, day)
            if applicable:
                result.details.append(f"{group.role}{cited.written}：违法行为发生时有效的{applicable.law.display_title}"
                                      f"（{applicable.law.version_text}）中条文存在")
                result.authorities.append(fd.Authority(applicable.ref, applicable))
                continue
            checked = check_citation(store, cited, probe, group.penalty)
            line = f"{group.role}{cited.written}：{checked.message}"
            chosen = checked.resolved if checked.outcome == fd.PASS else checked.suggestion
            if checked.outcome != fd.PASS and group.expected:
                line += f"；所选裁量基准事项的{group.role}为{'、'.join(r.text for r in group.expected)}"
                chosen = chosen or _first_resolved(store, group.expected)
            result.details.append(line)
            result.said += checked.said
            if chosen:
                result.authorities.append(fd.Authority(chosen.ref, chosen))
            if checked.outcome == fd.PROBLEM:
                result.problems.append(line)
            result.notes += checked.outcome == fd.NOTE
            result.noted += [cited.written] if checked.outcome == fd.NOTE else []
            result.outcome = worst([result.outcome, checked.outcome])
    return result


def basis_finding(check_id: str, result: BasisResult, implies: str | None, extra_citations=()) -> fd.Finding:
    """The Finding for a set of assessed citations."""
    total = len(result.details)
    if result.problems:
        message = f"所引 {total} 处条文中有 {len(result.problems)} 处有误：" + "；".join(result.problems)
    elif result.notes:
        message = f"所引 {total} 处条文中有 {result.notes} 处无法在法规库中核对，请人工核实"
        if len(result.noted) == 1:   # one citation: what other checks could not read of it is said with it
            result.said.append(fd.Said(result.noted[0], fd.UNREAD, message, "核对其是否为现行有效的规定"))
    else:
        message = f"所引 {total} 处条文均在现行有效版本中，条文存在"
    return finding(check_id, result.outcome, message, details=result.details,
                   citations=list(extra_citations) + result.authorities,
                   implies=implies if result.problems else None, unverified=bool(result.notes and not result.problems),
                   said=result.said,
                   remedy="按现行有效版本更正所引条文" if result.problems else (
                       "导入所引法律后重新核对，或者对照原文人工核实" if result.notes else ""))


def check_legal_basis(ctx) -> fd.Finding:
    """违反条款 and 处罚依据 of an opinion case exist in the current versions of their laws."""
    case, found = ctx.case, ctx.standard_item()
    item = found[1] if found else None
    groups = [CitationGroup("违反条款", case.violated, penalty=False, expected=item.provisions if item else []),
              CitationGroup("处罚依据", case.basis, penalty=True, expected=item.basis if item else [])]
    result = assess_citations(ctx.store, groups, probe=f"{case.cause}\n{case.facts}", day=case.act_end or case.act_date)
    return basis_finding(fd.LEGAL_BASIS, result, fd.AGREE_IF_AMENDED)


def _applicable(store: Store, cited: CitedRef, day: date | None) -> ResolvedRef | None:
    """The cited provision in a superseded version that was in force on `day`, when the citation
    refers to that version (see versions.cited_version); None otherwise."""
    if day is None:
        return None
    law = cited_version(store, cited, day)
    then = in_force(store, cited.ref.law, day)[0]
    if law is None or law.status == CURRENT or then is None or then.id != law.id:
        return None
    return resolve_in(store, law, cited.ref)


def _first_resolved(store: Store, refs: list[Ref]) -> ResolvedRef | None:
    for ref in refs:
        try:
            return resolve_ref(store, ref)
        except ValueError:
            continue
    return None
