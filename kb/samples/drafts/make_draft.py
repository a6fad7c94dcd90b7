"""Write the sample draft decision (示例) that `fazhi check` reads in the README.

The case is the sample case SL-2024-03 (all names invented); every quoted provision is read from the
sample statute excerpts in kb/samples/statutes, so the draft quotes them exactly. Run from anywhere:
``python kb/samples/drafts/make_draft.py`` rewrites 示例-行政处罚决定书草稿.docx beside this script.
"""

from pathlib import Path

import docx

from kb.importers import lawrefbook

HERE = Path(__file__).resolve().parent
STATUTES = HERE.parent / "statutes"
OUTPUT = HERE / "示例-行政处罚决定书草稿.docx"


def article(relative: str, number: int):
    """The article `number` of the sample statute file `relative` (under kb/samples/statutes)."""
    path = STATUTES / relative
    law = lawrefbook.parse(path.read_text(encoding="utf-8"), path)
    return next(a for a in law.articles if a.number == number and not a.suffix)


def paragraphs() -> list[str]:
    """The draft's paragraphs, quotations taken from the sample statutes."""
    duty = article("社会法/安全生产法(2021-06-10).md", 30).paragraphs[0]
    return [
        "示例市应急管理局行政处罚决定书（草稿）",
        "（示例：本草稿由 fazhi 项目编写，当事人、文号均为虚构，用于演示引用核对。）",
        "示例应急罚〔2024〕19号",
        "当事人：示例市某建筑安装工程有限公司",
        "2024年6月5日，本局执法人员在当事人承接的某厂房钢结构安装现场检查，发现当事人安排的2名焊工"
        "正在从事焊接与热切割作业，均未取得特种作业操作证。",
        f"当事人的上述行为违反了《中华人民共和国安全生产法》第三十条第一款“{duty}”的规定。",
        "当事人在执法人员指出后立即停止上述人员的作业，主动消除了违法行为的危害后果，依照《中华人民共和国"
        "行政处罚法》第三十二条第一项的规定，应当从轻处罚。",
        "依据《中华人民共和国安全生产法》第九十七条第七项的规定，本局决定：责令当事人限期改正，"
        "并处罚款人民币三万五千元。",
    ]


def main() -> None:
    """Write the sample draft."""
    document = docx.Document()
    for text in paragraphs():
        document.add_paragraph(text)
    document.core_properties.title = "示例-行政处罚决定书草稿"
    document.save(OUTPUT)
    print(OUTPUT)


if __name__ == "__main__":
    main()
