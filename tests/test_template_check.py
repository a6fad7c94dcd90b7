"""Variables of docxtpl templates, checked against known and required ones."""

import jinja2
import pytest
from docx import Document

from generator import official_format as of
from generator.amounts import format_yuan
from generator.template_check import check_template, template_variables


def environment():
    env = jinja2.Environment(autoescape=True)
    env.filters["yuan"] = format_yuan
    return env


@pytest.fixture
def template_path(tmp_path):
    document = Document()
    of.setup_document(document)
    of.add_title(document, "{{ case_name }}行政处罚决定书")
    of.add_body(document, "当事人：{{ party.name }}，罚款{{ fine|yuan }}。")
    of.add_body(document, "{% for item in evidence %}{{ item.title }}；{% endfor %}")
    document.add_paragraph("{{p analysis }}")
    header = document.sections[0].even_page_header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = "{{ bureau }}"
    path = tmp_path / "template.docx"
    document.save(path)
    return path


def test_template_variables_cover_body_loops_subdocs_and_headers(template_path):
    assert template_variables(template_path, environment()) == {
        "case_name",
        "party",
        "fine",
        "evidence",
        "analysis",
        "bureau",
    }


def test_unregistered_filter_is_an_error(template_path):
    with pytest.raises(jinja2.TemplateAssertionError):
        template_variables(template_path)


def test_check_template_reports_unknown_and_missing_variables(template_path):
    report = check_template(
        template_path,
        known={"case_name", "party", "evidence", "analysis", "decision_date"},
        required={"case_name", "decision_date", "document_number"},
        jinja_env=environment(),
    )
    assert report.unknown == ("bureau", "fine")
    assert report.missing == ("decision_date", "document_number")
    assert not report.ok
    assert report.path == str(template_path)


def test_check_template_passes_when_everything_matches(template_path):
    variables = template_variables(template_path, environment())
    report = check_template(template_path, variables - {"case_name"}, {"case_name"}, environment())
    assert report.ok
    assert report.unknown == report.missing == ()
    assert report.variables == variables
