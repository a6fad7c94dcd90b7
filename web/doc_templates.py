"""The bureau's own copies of the document templates, uploaded by a 管理员 and kept in the data
directory (web/templates/<文书名>.docx); generation uses them instead of the shipped ones. An
upload is checked with the same template check as `fazhi template check` and refused if it fails."""

import tempfile
from pathlib import Path

from generator.documents import DocumentKind, check_kind_template
from generator.template_check import TemplateReport

FOLDER = Path("web") / "templates"


def active(data: Path, kind: DocumentKind) -> Path | None:
    """The bureau's template of this kind, or None (the shipped one is used)."""
    path = data / FOLDER / f"{kind.name}.docx"
    return path if path.is_file() else None


def install(data: Path, kind: DocumentKind, content: bytes) -> TemplateReport:
    """Check an uploaded template; when it passes, make it the one used for this kind."""
    folder = data / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, suffix=".docx", delete=False) as handle:
        handle.write(content)
    candidate = Path(handle.name)
    try:
        report = check_kind_template(candidate, kind)
    except Exception:
        candidate.unlink()
        raise
    if report.ok:
        candidate.replace(folder / f"{kind.name}.docx")
    else:
        candidate.unlink()
    return report


def remove(data: Path, kind: DocumentKind) -> bool:
    """Go back to the shipped template; False when none was uploaded."""
    path = active(data, kind)
    if path is None:
        return False
    path.unlink()
    return True
