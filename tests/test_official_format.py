"""GB/T 9704 format: page setup, styles, runs and page-number footers, checked in the saved .docx."""

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Length
from docxtpl import DocxTemplate

from generator import official_format as of

FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
EXPECTED_STYLES = {
    "Normal": ("仿宋_GB2312", 16),
    "Title": ("方正小标宋简体", 22),
    "Heading 1": ("黑体", 16),
    "Heading 2": ("楷体_GB2312", 16),
    "Heading 3": ("仿宋_GB2312", 16),
    "Heading 4": ("仿宋_GB2312", 16),
    "Quote": ("楷体_GB2312", 16),
    "Footer": ("宋体", 14),
}


def saved(document, tmp_path, name="doc.docx"):
    path = tmp_path / name
    document.save(path)
    return Document(path)


def build_sample():
    document = Document()
    document.add_section()  # two sections: both must get the format
    of.setup_document(document)
    numberer = of.HeadingNumberer()
    of.add_title(document, "关于安全生产执法检查情况的报告")
    for level in range(1, 5):
        of.add_heading(document, level, numberer.next_label(level) + f"第{level}层标题")
        of.add_body(document, "正文内容：依法作出行政处罚决定。")
    return document


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    return saved(build_sample(), tmp_path_factory.mktemp("official"))


def mm(length: Length) -> float:
    return length.mm


def rfonts(element):
    return element.find(qn("w:rPr")).find(qn("w:rFonts"))


def test_page_is_a4_with_official_margins_on_every_section(sample):
    assert len(sample.sections) == 2
    for section in sample.sections:
        assert mm(section.page_width) == pytest.approx(210, abs=0.1)
        assert mm(section.page_height) == pytest.approx(297, abs=0.1)
        assert mm(section.top_margin) == pytest.approx(37, abs=0.1)
        assert mm(section.bottom_margin) == pytest.approx(35, abs=0.1)
        assert mm(section.left_margin) == pytest.approx(28, abs=0.1)
        assert mm(section.right_margin) == pytest.approx(26, abs=0.1)


@pytest.mark.parametrize("name", EXPECTED_STYLES)
def test_style_fonts_are_set_in_every_rfonts_slot_without_theme_fonts(sample, name):
    font, size = EXPECTED_STYLES[name]
    style = sample.styles[name]
    fonts = rfonts(style.element)
    assert {slot: fonts.get(qn(slot)) for slot in FONT_SLOTS} == dict.fromkeys(FONT_SLOTS, font)
    assert not any(fonts.get(qn(slot)) for slot in THEME_SLOTS)
    assert style.font.size.pt == size
    assert not style.font.bold
    assert style.font.color.rgb is None


@pytest.mark.parametrize("name", ["Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Quote"])
def test_styles_use_exact_line_spacing_of_28_95_pt(sample, name):
    spacing = sample.styles[name].element.pPr.find(qn("w:spacing"))
    assert spacing.get(qn("w:lineRule")) == "exact"
    assert int(spacing.get(qn("w:line"))) == 579  # twips: 28.95 pt * 20
    assert spacing.get(qn("w:before")) == "0"


@pytest.mark.parametrize(
    ("name", "chars"),
    [("Normal", 2), ("Heading 1", 2), ("Heading 2", 2), ("Heading 3", 2), ("Heading 4", 2), ("Title", 0)],
)
def test_first_line_indent_is_counted_in_characters(sample, name, chars):
    ind = sample.styles[name].element.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == str(chars * 100)
    assert int(ind.get(qn("w:firstLine"))) == chars * 16 * 20


def test_title_is_centred_and_body_justified(sample):
    assert sample.styles["Title"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert sample.styles["Normal"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert sample.styles["Title"].element.pPr.find(qn("w:pBdr")) is None


@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_headings_have_outline_levels_and_keep_with_next(sample, level):
    style = sample.styles[f"Heading {level}"]
    assert style.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == str(level - 1)
    assert style.paragraph_format.keep_with_next


def test_document_defaults_use_the_body_font(sample):
    rpr = sample.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert fonts.get(qn("w:eastAsiaTheme")) is None
    assert rpr.find(qn("w:sz")).get(qn("w:val")) == "32"


def test_paragraphs_get_styles_and_runs_take_fonts_from_them(sample):
    paragraphs = [p for p in sample.paragraphs if p.text]  # the first one holds the section break
    assert [p.style.name for p in paragraphs[:3]] == ["Title", "Heading 1", "Normal"]
    assert [p.text for p in paragraphs if p.style.name.startswith("Heading")] == [
        "一、第1层标题",
        "（一）第2层标题",
        "1.第3层标题",
        "（1）第4层标题",
    ]
    for paragraph in paragraphs:
        font, size = EXPECTED_STYLES[paragraph.style.name]
        assert rfonts(paragraph.style.element).get(qn("w:eastAsia")) == font
        assert paragraph.style.font.size.pt == size
        for run in paragraph.runs:
            assert run.element.rPr is None or run.element.rPr.rFonts is None
            assert run.font.size is None


def test_grid_fits_28_characters_and_22_lines(sample):
    for section in sample.sections:
        grid = section._sectPr.find(qn("w:docGrid"))
        assert grid.get(qn("w:type")) == "linesAndChars"
        assert grid.get(qn("w:linePitch")) == "579"
        width_pt = (section.page_width - section.left_margin - section.right_margin) / 12700
        pitch = 16 + int(grid.get(qn("w:charSpace"))) / 4096
        assert int(width_pt / pitch) == 28
        assert width_pt / pitch - 28 < 0.01


def test_language_is_chinese_and_widow_control_on(sample):
    rpr = sample.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    assert (lang.get(qn("w:val")), lang.get(qn("w:eastAsia"))) == ("en-US", "zh-CN")  # as Chinese Word writes it
    theme = sample.settings.element.find(qn("w:themeFontLang"))
    assert theme.get(qn("w:eastAsia")) == "zh-CN"
    assert sample.styles["Normal"].paragraph_format.widow_control is True


def test_odd_and_even_footers_hold_dashed_page_fields(sample):
    assert sample.settings.odd_and_even_pages_header_footer
    for section in sample.sections:
        for footer, alignment in (
            (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
            (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
        ):
            assert not footer.is_linked_to_previous
            [paragraph] = footer.paragraphs
            assert paragraph.alignment == alignment
            assert paragraph.text == "— 1 —"
            xml = paragraph._p.xml
            assert [c.get(qn("w:fldCharType")) for c in paragraph._p.iter(qn("w:fldChar"))] == [
                "begin",
                "separate",
                "end",
            ]
            assert [t.text.strip() for t in paragraph._p.iter(qn("w:instrText"))] == ["PAGE"]
            assert "<w:rFonts" not in xml and "<w:sz " not in xml
            assert paragraph.style.name == "Footer" and paragraph.style.font.size.pt == 14
            assert rfonts(paragraph.style.element).get(qn("w:eastAsia")) == "宋体"


def test_page_number_sits_one_character_in_from_the_text_edge(sample):
    section = sample.sections[0]
    assert section.footer.paragraphs[0].paragraph_format.right_indent.pt == 14
    assert section.even_page_footer.paragraphs[0].paragraph_format.left_indent.pt == 14


def test_setup_twice_keeps_a_single_page_number(tmp_path):
    document = Document()
    of.setup_document(document)
    of.setup_document(document)
    reopened = saved(document, tmp_path)
    assert [p.text for p in reopened.sections[0].footer.paragraphs] == ["— 1 —"]
    added = len(reopened.styles.element.findall(qn("w:style"))) - len(Document().styles.element.findall(qn("w:style")))
    assert added == 2  # 附件 and 小标题, the managed styles python-docx's default template lacks


def test_ensure_styles_adds_missing_styles_and_keeps_existing_ones(tmp_path):
    document = Document()
    document.styles["Normal"].font.name = "Arial"
    heading4 = document.styles["Heading 4"].element
    heading4.getparent().remove(heading4)
    of.ensure_styles(document)
    reopened = saved(document, tmp_path)
    assert reopened.styles["Normal"].font.name == "Arial"
    added = reopened.styles["Heading 4"]
    assert rfonts(added.element).get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert added.base_style.name == "Normal"


@pytest.mark.parametrize(
    ("level", "index", "label"),
    [(1, 3, "三、"), (2, 1, "（一）"), (3, 2, "2."), (4, 1, "（1）"), (1, 10, "十、"), (1, 12, "十二、"), (2, 20, "（二十）"), (2, 35, "（三十五）"), (3, 120, "120.")],
)
def test_heading_label(level, index, label):
    assert of.heading_label(level, index) == label


@pytest.mark.parametrize(("level", "index"), [(0, 1), (5, 1), (1, 0), (1, 100)])
def test_heading_label_rejects_bad_input(level, index):
    with pytest.raises(ValueError):
        of.heading_label(level, index)


def test_heading_numberer_restarts_deeper_levels():
    numberer = of.HeadingNumberer()
    labels = [numberer.next_label(level) for level in (1, 2, 2, 3, 1, 2, 4)]
    assert labels == ["一、", "（一）", "（二）", "1.", "二、", "（一）", "（1）"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("一、总则", True), ("（二）事实", True), ("3.证据", True), ("（4）结论", True), ("(5)结论", True), ("总则", False), ("2024年", False)],
)
def test_starts_with_label(text, expected):
    assert of.starts_with_label(text) is expected


def test_docxtpl_template_keeps_format_and_escapes_text(tmp_path):
    template = Document()
    of.setup_document(template)
    of.add_title(template, "{{ title }}")
    of.add_body(template, "当事人：{{ party }}")
    template.save(tmp_path / "template.docx")

    tpl = DocxTemplate(tmp_path / "template.docx")
    tpl.render({"title": "关于“A&B”公司的处罚", "party": 'A&B <有限公司> "甲"'}, autoescape=True)
    of.setup_document(tpl)
    tpl.save(tmp_path / "out.docx")

    rendered = Document(tmp_path / "out.docx")
    assert [p.text for p in rendered.paragraphs] == ["关于“A&B”公司的处罚", '当事人：A&B <有限公司> "甲"']
    assert rendered.paragraphs[0].style.name == "Title"
    assert rendered.sections[0].footer.paragraphs[0].text == "— 1 —"
    assert mm(rendered.sections[0].top_margin) == pytest.approx(37, abs=0.1)
