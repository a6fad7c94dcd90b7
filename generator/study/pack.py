"""The study pack as an official-format .docx: 学习条文, 最近一次修改, 典型案例, 讨论题."""

from docx import Document

from generator.filters import date_text
from generator.official_format import HeadingNumberer, add_body, add_heading, add_run, add_title, setup_document
from generator.render import save_atomically
from generator.study.content import StudyPack
from generator.study.writing import labelled, quote, quote_article
from kb.versions_diff import MODIFIED, marked_text


def write_pack(pack: StudyPack, out) -> Document:
    """Write the pack to `out` (.docx) and return the document."""
    doc = Document()
    setup_document(doc)
    add_title(doc, pack.title)
    numbers = HeadingNumberer()
    add_heading(doc, 1, numbers.next_label(1) + "学习条文")
    for part in pack.parts:
        add_heading(doc, 2, f"{numbers.next_label(2)}{part.law.display_title}（{part.version}）")
        chapter = None
        for article in part.articles:
            if article.chapter and article.chapter != chapter:
                chapter = article.chapter
                add_heading(doc, 3, chapter.replace(" / ", "　"))
            quote_article(doc, article)
    add_heading(doc, 1, numbers.next_label(1) + "最近一次修改的内容")
    for part in pack.parts:
        _amendment(doc, part, numbers)
    if pack.cases:
        add_heading(doc, 1, numbers.next_label(1) + "典型案例")
        for case in pack.cases:
            _case(doc, case, numbers)
    if pack.discussion:
        add_heading(doc, 1, numbers.next_label(1) + "讨论题")
        for index, question in enumerate(pack.discussion, start=1):
            add_body(doc, f"{index}．{question}")
    save_atomically(doc, out)
    return doc


def _amendment(doc, part, numbers: HeadingNumberer) -> None:
    add_heading(doc, 2, f"{numbers.next_label(2)}{part.law.display_title}")
    diff = part.amendment
    if diff is None:
        add_body(doc, f"法规库中只有本法{part.version}一个版本，未能比对修改内容。")
        return
    counts = diff.counts()
    add_body(doc, f"与{date_text(diff.old.version)}版相比，{date_text(diff.new.version)}版修改条文{counts['修改']}条、"
                  f"新增{counts['新增']}条、删除{counts['删除']}条，{counts['重新编号']}条条文序号有变化。")
    changes = part.changes
    if not changes:
        add_body(doc, "本材料所列条文在这次修改中没有变化。")
        return
    add_body(doc, "修改的条文中，加粗的文字是这次修改新增或者改写的内容。")
    for change in changes:
        if change.kind == MODIFIED:
            labelled(doc, f"{change.label}　", "修改后条文为：")
            _marked(doc, marked_text(change.old.text, change.new.text))
            labelled(doc, "修改前", f"（{change.old.label}）：")
            for paragraph in change.old.paragraphs:
                quote(doc, paragraph)
        else:
            labelled(doc, f"{change.new.label}　", "新增条文（条文见本材料第一部分）。")


def _marked(doc, pieces: list[tuple[bool, str]]) -> None:
    """Body paragraphs of the new wording, the amended words in bold."""
    paragraph = add_body(doc)
    for changed, text in pieces:
        for index, line in enumerate(text.split("\n")):
            if index:
                paragraph = add_body(doc)
            if line:
                add_run(paragraph, line, bold=changed)


def _case(doc, case, numbers: HeadingNumberer) -> None:
    add_heading(doc, 2, f"{numbers.next_label(2)}{case.title}")
    labelled(doc, "基本案情：", case.facts.strip().replace("\n", ""))
    if case.decision:
        labelled(doc, "处理结果：", case.decision)
    if case.review:
        labelled(doc, "法制审核意见：", "".join(_sentence(point) for point in case.review))
    if case.commentary:
        labelled(doc, "评析：", case.commentary)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith(("。", "！", "？")) else text + "。"
