"""Markdown rendered into styled Word paragraphs, directly and through a docxtpl sub-document."""

import pytest
from docx import Document
from docx.oxml.ns import qn
from docxtpl import DocxTemplate

from generator import official_format as of
from generator.markdown_docx import append_markdown, markdown_subdoc


def render(tmp_path, text, **options):
    document = Document()
    of.setup_document(document)
    append_markdown(document, text, **options)
    document.save(tmp_path / "md.docx")
    return [p for p in Document(tmp_path / "md.docx").paragraphs if p.text]


def outline(paragraphs):
    return [(p.style.name, p.text) for p in paragraphs]


def east_asia(run):
    """The run's East Asian font: its paragraph style's, since runs carry no font of their own."""
    assert run.element.rPr is None or run.element.rPr.rFonts is None
    style = run._parent.style
    while style.element.rPr is None or style.element.rPr.rFonts is None:
        style = style.base_style
    return style.element.rPr.rFonts.get(qn("w:eastAsia"))


def test_headings_get_official_styles_and_labels(tmp_path):
    paragraphs = render(tmp_path, "# 案件事实\n\n## 违法行为\n\n## 证据\n\n### 书证\n\n#### 检查记录\n\n# 评析意见\n\n## 法律适用")
    assert outline(paragraphs) == [
        ("Heading 1", "一、案件事实"),
        ("Heading 2", "（一）违法行为"),
        ("Heading 2", "（二）证据"),
        ("Heading 3", "1.书证"),
        ("Heading 4", "（1）检查记录"),
        ("Heading 1", "二、评析意见"),
        ("Heading 2", "（一）法律适用"),
    ]
    assert [east_asia(p.runs[0]) for p in paragraphs[:4]] == ["黑体", "楷体_GB2312", "楷体_GB2312", "仿宋_GB2312"]


def test_heading_that_already_has_a_label_keeps_it(tmp_path):
    paragraphs = render(tmp_path, "# 一、基本案情\n\n# 处理意见")
    assert [p.text for p in paragraphs] == ["一、基本案情", "二、处理意见"]


def test_heading_offset_and_shared_numberer_continue_the_document(tmp_path):
    numberer = of.HeadingNumberer()
    numberer.next_label(1)
    numberer.next_label(1)
    document = Document()
    of.setup_document(document)
    append_markdown(document, "# 评析\n\n## 焦点", numberer=numberer)
    append_markdown(document, "# 小结\n\n###### 很深", heading_offset=1)
    assert outline(document.paragraphs) == [
        ("Heading 1", "三、评析"),
        ("Heading 2", "（一）焦点"),
        ("Heading 2", "（一）小结"),
        ("Heading 4", "（1）很深"),
    ]


def test_body_paragraphs_keep_bold_and_italic_runs(tmp_path):
    [paragraph] = render(tmp_path, "本案的争议焦点在于**违法所得**的认定及*从轻处罚*的适用。")
    assert paragraph.style.name == "Normal"
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in paragraph.runs] == [
        ("本案的争议焦点在于", False, False),
        ("违法所得", True, False),
        ("的认定及", False, False),
        ("从轻处罚", False, True),
        ("的适用。", False, False),
    ]
    assert {east_asia(r) for r in paragraph.runs} == {"仿宋_GB2312"}
    assert {r.font.size for r in paragraph.runs} == {None} and paragraph.style.font.size.pt == 16


def test_soft_line_breaks_join_chinese_and_space_latin(tmp_path):
    [paragraph] = render(tmp_path, "第一行\n第二行 and\nenglish line\n继续")
    assert paragraph.text == "第一行第二行 and english line继续"


def test_hard_line_break_becomes_a_word_break(tmp_path):
    [paragraph] = render(tmp_path, "第一行  \n第二行")
    assert paragraph.text == "第一行\n第二行"
    assert len(paragraph._p.findall(".//" + qn("w:br"))) == 1


def test_ordered_lists_are_labelled_and_bullets_stay_bullets(tmp_path):
    text = "## 法律适用\n\n1. 依据第九十七条；\n2. 依据裁量基准：\n    - 首次违法；\n    - 主动整改。\n\n- 其他事项"
    assert outline(render(tmp_path, text)) == [
        ("Heading 2", "（一）法律适用"),
        ("Normal", "1.依据第九十七条；"),
        ("Normal", "2.依据裁量基准："),
        ("Normal", "◦\u3000首次违法；"),
        ("Normal", "◦\u3000主动整改。"),
        ("Normal", "•\u3000其他事项"),
    ]


def test_list_below_a_level_3_heading_uses_level_4_labels(tmp_path):
    paragraphs = render(tmp_path, "### 证据\n\n3. 询问笔录\n4. 现场照片")
    assert [p.text for p in paragraphs] == ["1.证据", "（3）询问笔录", "（4）现场照片"]


def test_loose_list_items_keep_their_text_and_following_paragraphs(tmp_path):
    paragraphs = render(tmp_path, "- 第一项\n\n    补充说明\n\n- 第二项")
    assert outline(paragraphs) == [("Normal", "•\u3000第一项"), ("Normal", "补充说明"), ("Normal", "•\u3000第二项")]


def test_block_quote_uses_kaiti_quote_style(tmp_path):
    [paragraph] = render(tmp_path, "> 第九十七条 生产经营单位有下列行为之一的，\n> 责令限期改正。")
    assert paragraph.style.name == "Quote"
    assert paragraph.text == "第九十七条 生产经营单位有下列行为之一的，责令限期改正。"
    assert east_asia(paragraph.runs[0]) == "楷体_GB2312"


def test_special_characters_survive(tmp_path):
    [paragraph] = render(tmp_path, 'A&B <有限公司> "甲" &amp; 5 < 6 `x<y>`')
    assert paragraph.text == 'A&B <有限公司> "甲" & 5 < 6 x<y>'


def test_raw_html_and_rules_do_not_break_rendering(tmp_path):
    paragraphs = render(tmp_path, "前文 <span>内联</span> <b>未闭合\n\n---\n\n<div>块</div>\n\n后文</i>")
    assert [p.text for p in paragraphs] == ["前文 内联 未闭合", "块", "后文"]
    assert paragraphs[0].runs[-1].bold


def test_blank_markdown_adds_nothing(tmp_path):
    assert render(tmp_path, "  \n\n") == []


@pytest.fixture
def template_path(tmp_path):
    template = Document()
    of.setup_document(template)
    of.add_title(template, "{{ title }}")
    template.add_paragraph("{{p analysis }}")
    of.add_body(template, "（完）")
    path = tmp_path / "template.docx"
    template.save(path)
    return path


def test_subdoc_places_styled_markdown_in_a_template(tmp_path, template_path):
    tpl = DocxTemplate(template_path)
    analysis = markdown_subdoc(tpl, '# 评析\n\n当事人 A&B <公司> 提出"异议"，**不予采纳**。\n\n> 引用条文')
    tpl.render({"title": "案例评析 & 说明", "analysis": analysis}, autoescape=True)
    tpl.save(tmp_path / "out.docx")

    paragraphs = [p for p in Document(tmp_path / "out.docx").paragraphs if p.text]
    assert outline(paragraphs) == [
        ("Title", "案例评析 & 说明"),
        ("Heading 1", "一、评析"),
        ("Normal", '当事人 A&B <公司> 提出"异议"，不予采纳。'),
        ("Quote", "引用条文"),
        ("Normal", "（完）"),
    ]
    assert [r.text for r in paragraphs[2].runs if r.bold] == ["不予采纳"]


def test_subdoc_adds_styles_a_bare_template_lacks(tmp_path):
    template = Document()
    quote = template.styles["Quote"].element
    quote.getparent().remove(quote)
    template.add_paragraph("{{p analysis }}")
    template.save(tmp_path / "bare.docx")

    tpl = DocxTemplate(tmp_path / "bare.docx")
    tpl.render({"analysis": markdown_subdoc(tpl, "> 引用")}, autoescape=True)
    tpl.save(tmp_path / "out.docx")
    [paragraph] = [p for p in Document(tmp_path / "out.docx").paragraphs if p.text]
    assert paragraph.style.name == "Quote"
    assert east_asia(paragraph.runs[0]) == "楷体_GB2312"
