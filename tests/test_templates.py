"""The shipped templates, their variables, the template check command and the Jinja filters."""

from datetime import date

import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn
from jinja2 import UndefinedError

from fazhi.cli_generate import template_group
from generator import official_format as of
from generator.documents import KINDS, check_kind_template, kind_for_template
from generator.filters import chinese_date_text, date_text, jinja_env
from generator.signature import STYLE_SIGNATURE, signature_indents, text_width
from generator.template_check import template_variables
from templates import NAMES, template_path
from templates.build import BUILDERS


@pytest.mark.parametrize("kind", KINDS.values(), ids=list(KINDS))
def test_shipped_templates_use_only_known_variables_and_all_required_ones(kind):
    report = check_kind_template(kind.template, kind)
    assert report.ok, (report.unknown, report.missing)
    assert kind_for_template(kind.template) is kind


@pytest.mark.parametrize("name", NAMES)
def test_shipped_templates_match_their_build_script(name, tmp_path):
    rebuilt = tmp_path / f"{name}.docx"
    BUILDERS[name]().save(rebuilt)
    shipped_text = [p.text for p in Document(template_path(name)).paragraphs]
    assert [p.text for p in Document(rebuilt).paragraphs] == shipped_text


@pytest.mark.parametrize("name", NAMES)
def test_templates_use_the_official_styles_and_runs_carry_no_font_size(name):
    document = Document(template_path(name))
    used = {p.style.name for p in document.paragraphs}
    assert used <= {"Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", STYLE_SIGNATURE, of.STYLE_APPENDIX}
    assert STYLE_SIGNATURE in used
    for style in used - {STYLE_SIGNATURE}:  # 落款 takes the body font from Normal
        assert document.styles[style].element.rPr.rFonts.get(qn("w:eastAsia")), style
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            assert run.font.size is None, paragraph.text
    section = document.sections[0]
    assert round(section.page_width.mm) == of.PAGE_WIDTH_MM


def write_template(path, *lines):
    document = Document()
    of.setup_document(document)
    for line in lines:
        of.add_body(document, line)
    document.save(path)
    return path


def test_check_reports_unknown_variables_fields_and_missing_ones(tmp_path):
    path = write_template(tmp_path / "法制审核意见书.docx", "{{ 机关 }}{{ 当事人.名称 }}{{ 罚款合计|yuan }}",
                          "{%p for 行为 in 违法行为 %}", "{{ 行为.违反条文 }}", "{%p endfor %}", "{{ 当事人.nmae }}")
    report = check_kind_template(path, KINDS["opinion"])
    assert report.unknown == ("罚款合计",)
    assert "审核结论" in report.missing and "机关" not in report.missing
    problems = "\n".join(report.problems)
    assert "第1段“{{ 机关 }}{{ 当事人.名称 }}{{ 罚…”：未知变量“罚款合计”" in problems
    assert "第3段“{{ 行为.违反条文 }}”：未知字段“行为.违反条文”，可用的字段：标号、行为、违反条款" in problems
    assert "第5段“{{ 当事人.nmae }}”：未知字段“当事人.nmae”，可用的字段：名称、身份" in problems
    assert not report.ok


def test_a_paragraph_tag_sharing_its_paragraph_with_text_is_reported(tmp_path):
    path = write_template(tmp_path / "案例评析.docx", "基本案情如下：{%p for 段 in 基本案情 %}", "{{ 段 }}", "{%p endfor %}")
    report = check_kind_template(path, KINDS["commentary"])
    assert any(p.startswith("第1段：{%p for 段 in 基本案情 %} 必须单独成段，同一段中的文字“基本案情如下：”在生成时会丢失")
               for p in report.problems)


def test_old_english_field_names_get_a_rename_message(tmp_path):
    path = write_template(tmp_path / "法制审核意见书.docx", "当事人：{{ party.name }}")
    report = check_kind_template(path, KINDS["opinion"])
    assert any("“party”是旧版模板的变量名，现改为“当事人（字段：名称、身份）”" in p for p in report.problems)


def test_template_check_command(tmp_path):
    runner = CliRunner()
    good = runner.invoke(template_group, ["check", str(template_path("案例评析"))])
    assert good.exit_code == 0, good.output
    assert "模板检查通过" in good.output
    bad = write_template(tmp_path / "我的模板.docx", "{{ titel }}")
    result = runner.invoke(template_group, ["check", str(bad), "--document", "commentary"])
    assert result.exit_code != 0
    assert "未知变量（生成时没有这些值）：titel" in result.output
    assert "缺少必需变量：" in result.output and "评析" in result.output
    unnamed = runner.invoke(template_group, ["check", str(bad)])
    assert unnamed.exit_code != 0 and "--document" in unnamed.output


@pytest.mark.parametrize("line, message", [
    ("{% for x in %}", "标记写法有误"),
    ("{%p if 附件 %}", "模板到结尾也没有找到结束标记，此处应有{% elif %}或{% else %}或{% endif %}"),
    ("{{ 机关|money }}", "没有名为“money”的过滤器，可用：yuan、capital、date、cn_date"),
    ("{% endfor %}", "无法识别的标记“endfor”"),
])
def test_syntax_errors_are_reported_in_chinese_with_their_paragraph(tmp_path, line, message):
    bad = write_template(tmp_path / "法制审核意见书.docx", "{{ 机关 }}", line)
    result = CliRunner().invoke(template_group, ["check", str(bad)])
    assert result.exit_code != 0
    assert message in result.output
    assert "第2段" in result.output or "模板末尾" in result.output


def test_generating_with_a_broken_or_old_template_writes_nothing(store, tmp_path):
    from generator.documents import generate
    from generator.template_check import TemplateProblem
    from kb.samples import ROOT as SAMPLES
    case = SAMPLES / "review" / "示例-案例评析-锁闭安全出口.yaml"
    for lines in (["{{ title }}", "{{p analysis }}"], ["{{ 标题 }}{{ 作者.姓名 }}", "{{p 评析 }}"]):
        template = write_template(tmp_path / "案例评析.docx", *lines)
        with pytest.raises(TemplateProblem) as error:
            generate(store, KINDS["commentary"], case, tmp_path / "out.docx", template=template)
        assert "第1段" in str(error.value)
        assert not (tmp_path / "out.docx").exists()


def test_export_copies_the_templates_without_overwriting(tmp_path):
    runner = CliRunner()
    assert runner.invoke(template_group, ["export", str(tmp_path)]).exit_code == 0
    assert sorted(p.stem for p in tmp_path.glob("*.docx")) == sorted(NAMES)
    again = runner.invoke(template_group, ["export", str(tmp_path)])
    assert again.output.count("已存在，未覆盖") == len(NAMES)


def test_template_path_rejects_unknown_names():
    with pytest.raises(KeyError):
        template_path("行政处罚决定书")


def test_filters_write_dates_and_amounts():
    env = jinja_env()
    rendered = env.from_string("{{ d|date }} {{ d|cn_date }} {{ n|yuan }} {{ n|capital }} {{ s }}").render(
        d=date(2026, 11, 26), n=30000, s='A&B<"x">'
    )
    assert rendered == "2026年11月26日 二〇二六年十一月二十六日 30,000元 人民币叁万元整 A&amp;B&lt;&#34;x&#34;&gt;"
    assert date_text(None) == chinese_date_text("") == ""
    assert chinese_date_text("2026-01-10") == "二〇二六年一月十日"
    with pytest.raises(UndefinedError):
        env.from_string("{{ missing }}").render()


def test_signature_indents_follow_gbt_9704():
    assert text_width("2026年3月23日") == 6.5
    name, day = signature_indents(text_width("示例市应急管理局"), text_width("2026年3月23日"))
    assert (name, day) == (2.5, 2)  # date longer than name minus two: date 右空二字, name moves left
    name, day = signature_indents(text_width("示例市应急管理局法制科"), text_width("2026年3月23日"))
    assert (name, day) == (2, 4.5)  # name 右空二字, date starts two characters right of it
    assert name + text_width("示例市应急管理局法制科") - (day + text_width("2026年3月23日")) == 2


@pytest.mark.parametrize("kind", KINDS.values(), ids=list(KINDS))
def test_shipped_templates_use_every_variable_their_context_provides(kind):
    assert template_variables(kind.template, jinja_env()) == kind.variables


def test_a_template_restyled_in_word_restyles_the_generated_document(store, tmp_path):
    from docx.shared import Pt

    from generator.documents import generate
    from kb.samples import ROOT as SAMPLES
    edited = Document(template_path("法制审核意见书"))
    edited.styles["Normal"].font.size = Pt(15)
    edited.save(tmp_path / "法制审核意见书.docx")
    case = SAMPLES / "review" / "示例-法制审核-某化工有限公司.yaml"
    result = generate(store, KINDS["opinion"], case, tmp_path / "out.docx", template=tmp_path / "法制审核意见书.docx")
    document = Document(result.path)
    assert document.styles["Normal"].font.size == Pt(15)
    body = [p for p in document.paragraphs if p.style.name == "Normal" and p.text.strip()]
    assert body and all(run.font.size is None for p in body for run in p.runs)
