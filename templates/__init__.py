"""The Word templates (.docx with docxtpl tags) of the generated documents.

The .docx files are the editable artefact: staff change wording and layout in
Word (see README.md in this folder).  ``templates/build.py`` rebuilds them
from code when the layout itself has to change.
"""

from pathlib import Path

TEMPLATE_DIR = Path(__file__).resolve().parent

OPINION = "法制审核意见书"
LEGALITY = "重大行政决策合法性审查意见书"
COMMENTARY = "案例评析"
NAMES = (OPINION, LEGALITY, COMMENTARY)


def template_path(name: str) -> Path:
    """Return the path of the shipped template ``name`` (法制审核意见书, 重大行政决策合法性审查意见书, 案例评析).

    Raises KeyError for a name that is not a shipped template.
    """
    if name not in NAMES:
        raise KeyError(f"没有名为“{name}”的模板，可用：{'、'.join(NAMES)}")
    return TEMPLATE_DIR / f"{name}.docx"
