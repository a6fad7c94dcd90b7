"""(Re)build the .docx templates from code: ``python -m templates.build``.

The templates are written with python-docx and ``generator.official_format``
so that every paragraph uses the GB/T 9704 styles (Title, Heading 1-3,
Normal, “落款”) and every run carries its East Asian font.  After a rebuild,
edits made to the .docx files in Word are lost: change the layout here, the
wording either here or in Word.

Tags follow docxtpl: ``{{ name }}`` prints a value, a paragraph holding only
``{%p for … %}`` / ``{%p if … %}`` / ``{%p endfor %}`` / ``{%p endif %}``
repeats or hides the paragraphs between, ``{{p name }}`` inserts formatted
paragraphs (the Markdown analysis of a commentary).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from generator import official_format as of
from generator.signature import STYLE_SIGNATURE, define_signature_style
from templates import COMMENTARY, LEGALITY, OPINION, template_path

FIELD_LABEL_CHARS = 5  # “送审日期：” — field values line up after the widest label


class TemplateWriter:
    """Writes the paragraphs of one template into a fresh official-format document."""

    def __init__(self) -> None:
        self.document: DocumentType = Document()
        of.setup_document(self.document)
        define_signature_style(self.document)
        self._numberer = of.HeadingNumberer()

    def save(self, path: Path) -> None:
        """Write the template, with its core properties naming it."""
        self.document.core_properties.title = path.stem
        self.document.core_properties.author = "fazhi"
        self.document.save(path)

    # -- single paragraphs ---------------------------------------------------------------

    def title(self, *lines: str) -> Paragraph:
        """The centred title, its lines separated by line breaks within one paragraph."""
        paragraph = of.add_title(self.document, lines[0])
        for line in lines[1:]:
            paragraph.runs[-1].add_break()
            of.add_run(paragraph, line)
        return paragraph

    def number_line(self, text: str) -> Paragraph:
        """The document number (文号) under the title, right-aligned."""
        paragraph = self.plain(text)
        paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        return paragraph

    def centred(self, text: str, font: str) -> Paragraph:
        """A centred line in ``font`` (三号), such as a subtitle under the title."""
        paragraph = self.plain()
        paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        of.set_run_font(of.add_run(paragraph, text), font)
        return paragraph

    def heading(self, level: int, text: str) -> Paragraph:
        """A heading; level 1 gets the next label (一、 二、 …) written before ``text``."""
        label = self._numberer.next_label(level) if level == 1 else ""
        return of.add_heading(self.document, level, label + text)

    def body(self, text: str = "") -> Paragraph:
        """A body paragraph (first line indented two characters)."""
        return of.add_body(self.document, text)

    def plain(self, text: str = "") -> Paragraph:
        """A body paragraph without first-line indent."""
        paragraph = of.add_body(self.document, text)
        _set_indent(paragraph, first_line_chars=0)
        return paragraph

    def tag(self, tag: str) -> Paragraph:
        """A paragraph holding only a docxtpl paragraph tag ({%p … %}); it vanishes when rendered."""
        return self.plain(tag)

    def field(self, label: str, value: str) -> Paragraph:
        """A header line “label：value”; continuation lines align with the value."""
        paragraph = self.plain(f"{label}：{value}")
        _set_indent(paragraph, left_chars=FIELD_LABEL_CHARS, hanging_chars=FIELD_LABEL_CHARS)
        return paragraph

    def kept(self, paragraph: Paragraph) -> Paragraph:
        """Keep ``paragraph`` on the same page as the next one."""
        paragraph.paragraph_format.keep_with_next = True
        return paragraph

    # -- blocks --------------------------------------------------------------------------

    def loop(self, header: str, paragraphs: Iterable[str], footer: str = "{%p endfor %}") -> None:
        """Body paragraphs wrapped in a paragraph-level for/if block."""
        self.tag(header)
        for text in paragraphs:
            self.body(text)
        self.tag(footer)

    def header_block(self, kind: str, fields: list[tuple[str, str]]) -> None:
        """Agency and document name as the title, the 文号 line, then the header fields."""
        self.title("{{ agency }}", kind)
        self.number_line("{{ number }}")
        for label, value in fields:
            self.field(label, value)
        self.plain()

    def review_sections(self, heading: str) -> None:
        """The reviewed aspects, each with its findings: label, outcome, message, details, remedy, basis."""
        self.heading(1, heading)
        self.tag("{%p for section in sections %}")
        of.add_heading(self.document, 2, "{{ section.label }}{{ section.title }}")
        self.loop("{%p if section.note %}", ["{{ section.note }}"], "{%p endif %}")
        self.tag("{%p for finding in section.findings %}")
        self.body(
            "{{ finding.label }}{{ finding.title }}{% if finding.outcome %}（{{ finding.outcome }}）{% endif %}："
            "{{ finding.message }}"
        )
        self.numbered("finding.details")
        self.loop("{%p if finding.remedy %}", ["处理建议：{{ finding.remedy }}"], "{%p endif %}")
        self.loop("{%p if finding.basis %}", ["依据：{{ finding.basis }}。"], "{%p endif %}")
        self.tag("{%p endfor %}")
        self.tag("{%p endfor %}")

    def paragraphs(self, items: str) -> None:
        """One body paragraph per text of the list ``items``."""
        self.loop(f"{{%p for paragraph in {items} %}}", ["{{ paragraph }}"])

    def numbered(self, items: str) -> None:
        """One body paragraph per labelled item of the list ``items`` (“1.text”, “（1）text”)."""
        self.loop(f"{{%p for item in {items} %}}", ["{{ item.label }}{{ item.text }}"])

    def conclusion(self, heading: str, lead: str) -> None:
        """The conclusion, its numbered reasons and the points to heed."""
        self.heading(1, heading)
        self.body(lead)
        self.numbered("conclusion.reasons")
        self.loop("{%p if conclusion.notes %}", ["执行中应当注意："], "{%p endif %}")
        self.numbered("conclusion.notes")

    def closing(self, signature: tuple[str, ...], reviewer_label: str = "") -> None:
        """The reviewer line, the appendix note (附件说明), then the signature block (“落款”: names, date).

        Everything from the reviewer line on stays on one page, so the
        signature never stands on a page without text.
        """
        if reviewer_label:
            self.kept(self.body(f"{reviewer_label}：{{{{ reviewer }}}}"))
        self.tag("{%p if appendix %}")
        self.kept(self.plain())
        self.kept(self.body("附件：引用法律条文"))
        self.tag("{%p endif %}")
        self.kept(self.plain())
        for line in signature:
            of.add_paragraph(self.document, STYLE_SIGNATURE, line)

    def appendix(self) -> None:
        """The appendix on a new page: every article relied on, quoted in full with law title and version."""
        self.tag("{%p if appendix %}")
        label = self.plain()
        label.paragraph_format.page_break_before = True
        of.set_run_font(of.add_run(label, "附件"), of.FONT_HEITI)
        self.title("引用法律条文")
        self.tag("{%p for article in appendix %}")
        heading = of.add_heading(
            self.document, 3, "{{ article.index }}.{{ article.title }}{{ article.label }}（{{ article.version }}）"
        )
        heading.paragraph_format.keep_with_next = True
        self.paragraphs("article.paragraphs")
        self.tag("{%p endfor %}")
        self.tag("{%p endif %}")


def build_opinion() -> TemplateWriter:
    """法制审核意见书 (行政处罚法第五十八条)."""
    writer = TemplateWriter()
    writer.header_block(
        OPINION,
        [
            ("送审科室", "{{ department }}"),
            ("案　　由", "{{ cause }}"),
            ("当 事 人", "{{ party.name }}"),
            ("送审日期", "{{ submitted|date }}"),
        ],
    )
    writer.body(
        "根据《中华人民共和国行政处罚法》第五十八条的规定，本机关对{{ department }}送审的"
        "{{ party.name }}案拟作出的行政处罚决定进行了法制审核，现提出审核意见如下。"
    )
    writer.heading(1, "基本情况")
    writer.body("当事人：{{ party.description }}。")
    writer.paragraphs("facts")
    writer.body("认定上述事实的证据有：")
    writer.numbered("evidence")
    writer.body("{{ department }}认为，当事人的行为违反了{{ violated }}的规定，依据{{ basis }}的规定，拟作出如下行政处罚：")
    writer.loop(
        "{%p for penalty in penalties %}",
        [
            "{{ penalty.label }}{{ penalty.text }}"
            "{% if penalty.amount %}{{ penalty.amount|capital }}（{{ penalty.amount|yuan }}）{% endif %}"
            "{{ penalty.term }}{{ penalty.end }}"
        ],
    )
    writer.review_sections("审核情况")
    writer.conclusion("审核结论", "审核结论：{{ conclusion.result }}。理由如下：")
    writer.closing(("{{ agency }}", "{{ reviewed|date }}"), "审核人")
    writer.appendix()
    return writer


def build_legality() -> TemplateWriter:
    """重大行政决策合法性审查意见书 (重大行政决策程序暂行条例第二十五条至第二十七条)."""
    writer = TemplateWriter()
    writer.header_block(
        LEGALITY,
        [
            ("决策事项", "{{ matter }}"),
            ("起草单位", "{{ drafter }}"),
            ("送审日期", "{{ submitted|date }}"),
        ],
    )
    writer.body(
        "根据《重大行政决策程序暂行条例》第二十五条至第二十七条的规定，本机关对{{ drafter }}送审的"
        "{{ matter }}决策草案进行了合法性审查，现提出审查意见如下。"
    )
    writer.heading(1, "决策草案主要内容")
    writer.paragraphs("content")
    writer.review_sections("审查情况")
    writer.conclusion("审查结论", "审查结论：{{ conclusion.result }}。理由如下：")
    writer.closing(("{{ agency }}", "{{ reviewed|date }}"), "审查人")
    writer.appendix()
    return writer


def build_commentary() -> TemplateWriter:
    """案例评析: facts, issues in dispute, analysis (Markdown), the rule learned, citations."""
    writer = TemplateWriter()
    writer.title("{{ title }}")
    writer.tag("{%p if subtitle %}")
    writer.centred("{{ subtitle }}", of.FONT_KAITI)
    writer.tag("{%p endif %}")
    writer.tag("{%p if case %}")
    writer.centred("（案号：{{ case }}）", of.FONT_KAITI)
    writer.tag("{%p endif %}")
    writer.plain()
    writer.heading(1, "基本案情")
    writer.paragraphs("facts")
    writer.heading(1, "争议焦点")
    writer.numbered("issues")
    writer.heading(1, "评析")
    writer.plain("{{p analysis }}")
    writer.heading(1, "启示")
    writer.paragraphs("rule")
    writer.tag("{%p if citations %}")
    writer.heading(1, "引用法律依据")
    writer.tag("{%p endif %}")
    writer.numbered("citations")
    writer.closing(("{{ author }}", "{{ written|date }}"))
    writer.appendix()
    return writer


BUILDERS = {OPINION: build_opinion, LEGALITY: build_legality, COMMENTARY: build_commentary}


def build_all() -> list[Path]:
    """Rebuild every template in the templates folder; return their paths."""
    paths = []
    for name, builder in BUILDERS.items():
        path = template_path(name)
        builder().save(path)
        paths.append(path)
    return paths


def _set_indent(paragraph: Paragraph, *, first_line_chars: int = 0, left_chars: int = 0, hanging_chars: int = 0) -> None:
    """Set indents in characters (the *Chars attributes Word prefers) with twips as fallback.

    A hanging indent replaces the first-line indent inherited from Normal.
    """
    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    for attribute in ("w:firstLine", "w:firstLineChars", "w:hanging", "w:hangingChars", "w:left", "w:leftChars"):
        ind.attrib.pop(qn(attribute), None)
    twips = lambda chars: str(int(Pt(chars * of.SIZE_SANHAO_PT).twips))  # noqa: E731
    if hanging_chars:
        ind.set(qn("w:hanging"), twips(hanging_chars))
        ind.set(qn("w:hangingChars"), str(hanging_chars * 100))
    else:
        ind.set(qn("w:firstLine"), twips(first_line_chars))
        ind.set(qn("w:firstLineChars"), str(first_line_chars * 100))
    if left_chars:
        ind.set(qn("w:left"), twips(left_chars))
        ind.set(qn("w:leftChars"), str(left_chars * 100))


if __name__ == "__main__":
    for built in build_all():
        print(f"已生成模板：{built}")
