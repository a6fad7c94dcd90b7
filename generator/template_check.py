"""Check the Jinja variables of docxtpl templates against the variables the generator provides."""

from __future__ import annotations

from dataclasses import dataclass
from os import PathLike

from docxtpl import DocxTemplate
from jinja2 import Environment


@dataclass(frozen=True)
class TemplateReport:
    """Outcome of ``check_template``.

    ``unknown``: variables the template uses that the generator does not
    know; ``missing``: required variables the template does not use.  Both
    are sorted.
    """

    path: str
    variables: frozenset[str]
    unknown: tuple[str, ...]
    missing: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """True when the template uses no unknown variable and no required one is missing."""
        return not self.unknown and not self.missing


def template_variables(path: str | PathLike, jinja_env: Environment | None = None) -> set[str]:
    """Return the top-level variables used by the .docx template at ``path`` (body, headers, footers).

    Loop variables and names set inside the template are not included; for
    ``{% for item in items %}{{ item.name }}`` only ``items`` is.  Jinja
    checks filter names while analysing, so a template using custom filters
    needs the ``jinja_env`` that registers them; an unknown filter raises
    ``jinja2.TemplateAssertionError``.
    """
    return set(DocxTemplate(path).get_undeclared_template_variables(jinja_env))


def check_template(
    path: str | PathLike,
    known: set[str],
    required: set[str],
    jinja_env: Environment | None = None,
) -> TemplateReport:
    """Compare the template's variables with ``known`` and ``required`` ones (required ones count as known)."""
    variables = template_variables(path, jinja_env)
    return TemplateReport(
        path=str(path),
        variables=frozenset(variables),
        unknown=tuple(sorted(variables - known - required)),
        missing=tuple(sorted(required - variables)),
    )
