"""A review as plain data (`fazhi review --json`, the web app): every finding with its check, status,
message and cited articles, the conclusions, the laws the store lacks and earlier opinions."""

from generator.review import ledger
from generator.review.casefile import OpinionCase
from generator.review.checks import Review
from generator.review.findings import Conclusion, Finding

IMPORT_HINT = "用 fazhi import 导入该法律的文本文件（LawRefBook Markdown、从国家法律法规数据库下载的 .docx 或 .txt）后重新审核"


def finding_dict(finding: Finding) -> dict:
    """One finding as a JSON-ready dict."""
    return {"check": finding.check_id, "title": finding.title, "aspect": finding.aspect, "status": finding.status,
            "outcome": finding.outcome, "unverified": finding.unverified, "message": finding.message,
            "details": list(finding.details), "remedy": finding.remedy if finding.standing else "",
            "articles": [a.citation for a in finding.citations], "implies": finding.implies,
            "overridden_by": finding.overridden_by, "original_outcome": finding.original_outcome}


def conclusion_dict(conclusion: Conclusion) -> dict:
    """A conclusion as a JSON-ready dict."""
    return {"result": conclusion.result, "proposed": conclusion.proposed, "reasons": list(conclusion.reasons),
            "notes": list(conclusion.notes)}


def review_dict(store, review: Review) -> dict:
    """The whole review as a JSON-ready dict."""
    case = review.case
    earlier = ledger.earlier_opinions(store, case) if isinstance(case, OpinionCase) else []
    return {"document": case.doc_type, "number": getattr(case, "number", "") or getattr(case, "title", ""),
            "findings": [finding_dict(f) for f in review.findings],
            "conclusion": conclusion_dict(review.conclusion), "proposed": conclusion_dict(review.proposed),
            "missing_laws": list(review.missing_laws),
            "earlier_opinions": [{"number": e.number, "reviewed": e.reviewed.isoformat() if e.reviewed else None,
                                  "conclusion": e.conclusion} for e in earlier]}


def missing_lines(review: Review, store_empty: bool) -> list[str]:
    """What to tell the reviewer about laws the store lacks, with how to import them."""
    if store_empty:
        return ["数据目录中没有任何法规：所有条文核对都无法进行。请确认 --data 或 FAZHI_DATA 指向正确的数据目录，"
                "或先用 fazhi import 导入法规（试用可运行 fazhi import --samples）。"]
    return [f"法规库未收录{'、'.join(f'《{law}》' for law in review.missing_laws)}，相关核对记为“需核实”。{IMPORT_HINT}。"
            ] if review.missing_laws else []
