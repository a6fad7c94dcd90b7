"""(Re)build the .docx templates from code: ``python -m templates.build``.

The templates are written with python-docx and ``generator.official_format``
so that every paragraph uses the GB/T 9704 styles (Title, Heading 1-3,
Normal, “落款”, “附件”); runs carry no fonts or sizes of their own, so the
styles decide.  Field names are Chinese (``{{ 当事人.名称 }}``).  After a rebuild,
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
from generator.word_settings import set_core_properties
from templates import COMMENTARY, LEGALITY, OPINION, template_path


class TemplateWriter:
    """Writes the paragraphs of one template into a fresh official-format document."""

    def __init__(self) -> None:
        self.document: DocumentType = Document()
        of.setup_document(self.document)
        define_signature_style(self.document)
        self._numberer = of.HeadingNumberer()

    def save(self, path: Path) -> None:
        """Write the template, with its core properties naming it."""
        set_core_properties(self.document, path.stem, "")
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
        """The document number (文号) under the title, centred."""
        paragraph = self.plain(text)
        paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return paragraph

    def subtitle(self, text: str) -> Paragraph:
        """A centred line in 楷体 under the title (style Subtitle)."""
        return of.add_paragraph(self.document, of.STYLE_SUBTITLE, text)

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

    def header_block(self, kind: str) -> None:
        """Agency and document name as the title, the 文号 line and the 主送 line."""
        self.title("{{ 机关 }}", kind)
        self.number_line("{{ 文号 }}")
        self.plain("{{ 主送 }}：")

    def paragraphs(self, items: str, name: str = "段") -> None:
        """One body paragraph per text of the list ``items``."""
        self.loop(f"{{%p for {name} in {items} %}}", [f"{{{{ {name} }}}}"])

    def numbered(self, items: str, name: str = "条目") -> None:
        """One body paragraph per labelled item of the list ``items`` (“1.内容”, “（1）内容”)."""
        self.loop(f"{{%p for {name} in {items} %}}", [f"{{{{ {name}.标号 }}}}{{{{ {name}.内容 }}}}"])

    def review_items(self, heading: str) -> None:
        """二、审核（审查）意见: each item's heading (楷体, run in) opens its first paragraph, the rest follow."""
        self.heading(1, heading)
        self.tag("{%p for 项 in 审核意见 %}")
        paragraph = self.body()
        paragraph.add_run("{{ 项.标号 }}{{ 项.标题 }}。", style=of.STYLE_RUN_IN)
        of.add_run(paragraph, "{{ 项.首段 }}")
        self.paragraphs("项.其余段落")
        self.tag("{%p endfor %}")

    def suggestions(self) -> None:
        """四、建议, printed only when there are any."""
        self.tag("{%p if 建议 %}")
        self.heading(1, "建议")
        self.numbered("建议")
        self.tag("{%p endif %}")

    def closing(self, signature: tuple[str, ...], signers: tuple[str, ...] = ()) -> None:
        """The appendix note (附件说明), the signature block (“落款”: names, date), then the signers' lines.

        Everything from the appendix note on stays on one page, so the
        signature never stands on a page without text.
        """
        self.tag("{%p if 附件 %}")
        self.kept(self.plain())
        self.kept(self.body("附件：引用法律条文"))
        self.tag("{%p endif %}")
        self.kept(self.plain())
        for line in signature:
            of.add_paragraph(self.document, STYLE_SIGNATURE, line)
        for line in signers:
            paragraph = self.plain(line)
            paragraph.paragraph_format.tab_stops.add_tab_stop(Pt(SIGN_TAB_CHARS * of.SIZE_SANHAO_PT))

    def appendix(self) -> None:
        """The appendix on a new page: every article relied on, quoted in full with law title and version."""
        self.tag("{%p if 附件 %}")
        of.add_paragraph(self.document, of.STYLE_APPENDIX, "附件")
        self.title("引用法律条文")
        self.tag("{%p for 条文 in 附件 %}")
        heading = of.add_heading(self.document, 3, "{{ 条文.序号 }}.{{ 条文.标题 }}{{ 条文.条 }}（{{ 条文.版本 }}）")
        heading.paragraph_format.keep_with_next = True
        self.paragraphs("条文.段落")
        self.tag("{%p endfor %}")
        self.tag("{%p endif %}")


SIGN_TAB_CHARS = 14  # “签名：” after a tab: room for a handwritten signature, aligned on both lines


def build_opinion() -> TemplateWriter:
    """法制审核意见书 (行政处罚法第五十八条)."""
    writer = TemplateWriter()
    writer.header_block(OPINION)
    writer.body(
        "{{ 主送 }}于{{ 送审日期|date }}送审的{{ 当事人.名称 }}{{ 案由 }}一案（{% if 案件编号 %}案件编号："
        "{{ 案件编号 }}，{% endif %}{{ 立案日期|date }}立案），{{ 法制机构 }}已依照《中华人民共和国行政处罚法》"
        "第五十八条的规定进行法制审核。现将审核意见提出如下："
    )
    writer.heading(1, "案件基本情况")
    writer.body("当事人：{{ 当事人.身份 }}。")
    writer.paragraphs("违法事实", "事实")
    writer.body("认定上述事实的证据有：{{ 证据 }}")
    writer.loop("{%p if 违法行为|length > 1 %}", ["{{ 主送 }}认为，当事人有以下违法行为："], "{%p endif %}")
    writer.loop("{%p for 行为 in 违法行为 %}", ["{{ 行为.认定 }}"])
    writer.loop("{%p if 合并处罚 %}", ["{{ 合并处罚 }}"], "{%p endif %}")
    writer.loop("{%p if 告知 or 陈述申辩 or 复核 %}", ["{{ 告知 }}{{ 陈述申辩 }}{{ 复核 }}"], "{%p endif %}")
    writer.review_items("审核意见")
    writer.heading(1, "审核结论")
    writer.body("审核结论：{{ 审核结论.结论 }}。{{ 审核结论.说明 }}")
    writer.numbered("审核结论.问题")
    writer.loop("{%p if 审核结论.结语 %}", ["{{ 审核结论.结语 }}"], "{%p endif %}")
    writer.suggestions()
    writer.closing(("{{ 机关 }}{{ 法制机构 }}", "{{ 审核日期|date }}"),
                   ("审核人：{{ 审核人 }}\t签名：", "法制机构负责人：\t签名："))
    writer.appendix()
    return writer


def build_legality() -> TemplateWriter:
    """重大行政决策合法性审查意见书 (重大行政决策程序暂行条例第二十五条至第二十七条)."""
    writer = TemplateWriter()
    writer.header_block(LEGALITY)
    writer.body(
        "{{ 起草单位 }}于{{ 送审日期|date }}送审的{{ 决策事项 }}决策草案，{{ 法制机构 }}已依照"
        "《重大行政决策程序暂行条例》第二十五条至第二十七条的规定进行合法性审查。现将审查意见提出如下："
    )
    writer.heading(1, "决策草案主要内容")
    writer.paragraphs("决策内容")
    writer.review_items("审查意见")
    writer.heading(1, "审查结论")
    writer.body("经审查：")
    writer.numbered("审查结论.要点")
    writer.body("审查结论：{{ 审查结论.结论 }}。{{ 审查结论.结语 }}")
    writer.suggestions()
    writer.closing(("{{ 机关 }}{{ 法制机构 }}", "{{ 审查日期|date }}"),
                   ("审查人：{{ 审查人 }}\t签名：", "法制机构负责人：\t签名："))
    writer.appendix()
    return writer


def build_commentary() -> TemplateWriter:
    """案例评析: facts, issues in dispute, analysis (Markdown), the rule learned, citations."""
    writer = TemplateWriter()
    writer.title("{{ 标题 }}")
    writer.tag("{%p if 副标题 %}")
    writer.subtitle("{{ 副标题 }}")
    writer.tag("{%p endif %}")
    writer.tag("{%p if 案号 %}")
    writer.subtitle("（案号：{{ 案号 }}）")
    writer.tag("{%p endif %}")
    writer.plain()
    writer.heading(1, "基本案情")
    writer.paragraphs("基本案情")
    writer.heading(1, "争议焦点")
    writer.numbered("争议焦点")
    writer.heading(1, "评析")
    writer.plain("{{p 评析 }}")
    writer.heading(1, "启示")
    writer.paragraphs("启示")
    writer.tag("{%p if 引用 %}")
    writer.heading(1, "引用法律依据")
    writer.numbered("引用")
    writer.tag("{%p endif %}")
    writer.closing(("{{ 作者 }}", "{{ 日期|date }}"))
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


def _set_indent(paragraph: Paragraph, *, first_line_chars: int = 0) -> None:
    """Set the first-line indent in characters (the *Chars attribute Word prefers) with twips as fallback."""
    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLine"), str(int(Pt(first_line_chars * of.SIZE_SANHAO_PT).twips)))
    ind.set(qn("w:firstLineChars"), str(first_line_chars * 100))


if __name__ == "__main__":
    for built in build_all():
        print(f"已生成模板：{built}")
