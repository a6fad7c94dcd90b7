"""The review workflow's calls into the generator: a form's values → case file → the parser's
problems per field, the machine's review, and the generated document. The same functions the CLI
uses (parse_case, review_case, documents.generate) over the same case-file format."""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from generator import documents
from generator.review.casefile import KIND_NAMES, CaseFileError, parse_case
from generator.review.checks import Review, review_case
from generator.review.thresholds import ThresholdError
from kb.store import Store
from web.case_form import FormState, place_problems, to_case_file
from web.form_specs import NUMBERED, REVIEW_KEYS, REVIEWER

PENDING = "（待审核时填写）"
CASE_FILE = "案件文件.yaml"
DOCUMENT_KEYS = {name: key for key, name in KIND_NAMES.items()}


@dataclass
class Checked:
    """A case file as the form stands: its problems by field and, when it parses, the review."""

    data: dict
    state: FormState
    review: Review | None = None
    unchecked: str = ""        # why the machine could not review it


def check(store: Store, values: dict, kind: str, submitting: bool) -> Checked:
    """Parse and review the form's values. While the unit submits, the reviewer's own fields are
    filled with placeholders for the machine's check only, and their problems are not shown."""
    data, flattened = to_case_file(values, kind)
    trial = dict(data)
    if submitting:
        reviewer, day = REVIEWER[kind]
        if kind in NUMBERED:
            trial.setdefault("文号", PENDING)
        trial.setdefault(reviewer, PENDING)
        trial.setdefault(day, max(date.today().isoformat(), str(data.get("送审日期", ""))))
    try:
        case = parse_case(trial, kind, "案件")
    except CaseFileError as error:
        state = place_problems(error.problems, flattened, kind, skip_review=submitting)
        blocking = error.problems if not submitting else [p for p in error.problems
                                                          if p.split("：")[0].split(".")[0] not in REVIEW_KEYS[kind]]
        return Checked(data, state, None, f"案件信息尚有 {len(blocking)} 处问题，机器核对未运行。" if blocking else "")
    try:
        return Checked(data, FormState(), review_case(store, case))
    except ThresholdError as error:
        return Checked(data, FormState(), None, f"听证标准：{error}；机器核对未运行。")


def review_json(checked: Checked) -> dict:
    """The problems and the machine's findings as JSON for the live view of the form."""
    result = {"errors": checked.state.errors, "general": checked.state.general, "unchecked": checked.unchecked,
              "findings": [], "conclusion": None}
    if checked.review is None:
        return result
    for finding in checked.review.findings:
        result["findings"].append({
            "check": finding.check_id, "title": finding.title, "outcome": finding.outcome,
            "message": finding.message, "details": finding.details, "remedy": finding.remedy if finding.standing else "",
            "overridden": finding.overridden_by or "", "original": finding.original_outcome or "",
            "citations": [a.citation for a in finding.citations]})
    conclusion = checked.review.conclusion
    result["conclusion"] = {"result": conclusion.result, "proposed": conclusion.proposed,
                            "machine": checked.review.proposed.result,
                            "reasons": conclusion.reasons, "notes": conclusion.notes}
    return result


def dump(data: dict) -> str:
    """The case file as YAML, as the CLI reads it."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def generate(store: Store, data: dict, kind: str, folder: Path, template: Path | None = None) -> documents.Generated:
    """Write the case file into `folder` and generate its document there (recorded in the ledger),
    with the bureau's own `template` when it has one."""
    case_path = folder / CASE_FILE
    case_path.write_text(dump(data), encoding="utf-8")
    out = folder / f"{kind}.docx"
    return documents.generate(store, document_kind(kind), case_path, out, template=template)


def document_kind(kind: str) -> documents.DocumentKind:
    """The generator's document kind of a 文书类型."""
    return documents.KINDS[DOCUMENT_KEYS[kind]]
