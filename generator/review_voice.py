"""The machine's findings in the words a 法制科 writes in an opinion.

A finding that still stands keeps the check's own statement of the problem,
cleared of working words (item codes, “配置”, “法规库”, “见明细”); a passed
finding is either said in a reviewer's sentence built from the case or left
out where a reviewer would not mention it; an overridden one gives the
reviewer's reason.  ``CONCLUSION_WORDS`` are the standard conclusions of an
opinion, ``REVIEWED_QUALITIES`` the phrases of the standard form
(事实清楚、证据确凿 …), each tied to the aspect that supports it.
"""

from __future__ import annotations

import re

from generator.context_text import clause
from generator.review import findings as fd

# The standard form of the conclusion, as the documents write it.
CONCLUSION_WORDS = {
    fd.AGREE: "同意",
    fd.AGREE_IF_AMENDED: "建议修改后提交",
    fd.DISAGREE: "不同意",
    fd.INVESTIGATE: "建议补充调查",
}
# 审核意见 aspects: the case file's key → the heading of the opinion.
ASPECT_TITLES = {
    "执法主体与权限": "执法主体与权限",
    "管辖": "管辖",
    "事实与证据": "事实与证据",
    "法律适用": "定性与法律适用",
    "程序": "程序",
    "裁量": "裁量",
    "文书": "文书",
}
# The phrases of the standard conclusion and the aspect each one rests on.
REVIEWED_QUALITIES = (
    ("事实与证据", "事实清楚、证据确凿"),
    ("法律适用", "定性准确、适用依据正确"),
    ("程序", "程序合法"),
    ("裁量", "裁量适当"),
)
# Working words of the checks and how an opinion says them.
_REWORDING = (
    (re.compile(r"注意：事项\s*[A-Z]{1,6}-[0-9A-Z-]+\s*的"), "所适用裁量基准的"),
    (re.compile(r"[（(]?事项\s*[A-Z]{1,6}-[0-9A-Z-]+[）)]?"), ""),
    (re.compile(r"，?见明细"), ""),
    (re.compile(r"：(所引为[^，；。：]*?版本)"), r"\1"),
    (re.compile(r"(违法行为发生时和作出决定时有效的均为《[^》]+》（[^）]+）)(?=$|；)"),
     r"\1，依照《中华人民共和国行政处罚法》第三十七条应当适用该版本"),
    (re.compile(r"^所引\s*\d+\s*处条文中有\s*\d+\s*处有误："), ""),
    (re.compile(r"；请核对现行版本后改引"), ""),
    (re.compile(r"所选裁量基准事项的"), "所适用裁量基准的"),
    (re.compile(r"配置中"), "本机关适用的听证标准中"),
    (re.compile(r"已配置："), "现有："),
    (re.compile(r"导入所引法律后重新核对，或者对照原文人工核实"), "对照所引法律的原文核实所引条文"),
    (re.compile(r"导入所引法律后重新核对，或者"), ""),
    (re.compile(r"导入"), "取得"),
    (re.compile(r"法规库未收录所引版本"), "未能取得所引版本的条文"),
    (re.compile(r"不在法规库收录的版本中"), "的条文未能取得"),
    (re.compile(r"法规库收录的(《[^》]+》)为节选本"), r"现有的\1文本为节选本"),
    (re.compile(r"法规库收录的"), "现有的"),
    (re.compile(r"所引版本法规库未收录"), "所引版本的条文未能取得"),
    (re.compile(r"法规库的现行版本"), "现行有效版本"),
    (re.compile(r"在法规库中"), "与现行文本"),
    (re.compile(r"法规库未收录"), "未能取得"),
    (re.compile(r"法规库"), "现有法规文本"),
    (re.compile(r"高于适用幅度上限 ?([\d,.]+元)，超出 ?([\d,.]+元)；超过法定最高额 ?\1，超出 ?\2，违反处罚依据"),
     r"超过适用幅度上限和法定最高额\1，超出\2"),
    (re.compile(r"(^|[：；])(?:单位|个人)拟罚款"), r"\1拟对当事人罚款"),
    (re.compile(r"(^|[：；])(主要负责人|直接责任人员|其他直接责任人员)拟罚款"), r"\1拟对\2罚款"),
    (re.compile(r"[需须请]人工(?:核实|判断)"), "需要进一步核实"),
    (re.compile(r"人工核实"), "核实"),
)
_STANDARD_RE = re.compile(r"《[^》]*基准[^》]*》(?:（[^）]*）)?")
_BARE_ARTICLE_RE = re.compile(r"(?<![》法例则定])(?=第[零一二三四五六七八九十百]+条)")


def legal_wording(text: str) -> str:
    """A check's sentence without its working words.

    >>> legal_wording("拟处罚符合基准事项 AQ-097-3“一般”阶次，见明细")
    '拟处罚符合基准“一般”阶次'
    """
    for pattern, replacement in _REWORDING:
        text = pattern.sub(replacement, text)
    return clause(text)


def named_once(text: str) -> str:
    """``text`` naming a discretion standard in full once and “该基准” after.

    >>> named_once("甲：符合《某基准》（2024年3月1日）“一般”阶次；乙：符合《某基准》（2024年3月1日）“较重”阶次")
    '甲：符合《某基准》（2024年3月1日）“一般”阶次；乙：符合该基准“较重”阶次'
    """
    seen: set[str] = set()

    def once(match: re.Match) -> str:
        if match.group(0) in seen:
            return "该基准"
        seen.add(match.group(0))
        return match.group(0)

    return _STANDARD_RE.sub(once, text)


def finding_sentence(finding: fd.Finding, message: str | None = None) -> str:
    """What the opinion says of a finding that is not a plain pass: the problem (its message, or
    `message` when the opinion words it otherwise), or the reviewer's reason."""
    if finding.overridden_by:
        return f"经审核，{clause(finding.overridden_by)}。"
    return named_law(finding, legal_wording(finding.message if message is None else message)) + "。"


def remedy_sentence(finding: fd.Finding) -> str:
    """The suggestion of a standing finding, as 建议 words it ('' without one)."""
    if not finding.standing or not finding.remedy:
        return ""
    return f"{clause(named_law(finding, legal_wording(finding.remedy)))}。"


def named_law(finding: fd.Finding, text: str) -> str:
    """``text`` with a bare 第X条 given the title of the law the finding relies on, when it relies on one law.

    Checks write “不属于第五十八条第一款规定的…” about the 行政处罚法; a document names the law.
    """
    titles = {a.resolved.law.display_title if a.resolved else f"《{a.ref.law}》" for a in finding.citations}
    if len(titles) != 1 or "第" not in text or "《" in text:
        return text
    return _BARE_ARTICLE_RE.sub(titles.pop(), text, count=1)


def qualities(failed_aspects: set[str]) -> list[str]:
    """The phrases of the standard form whose aspect has no standing problem."""
    return [phrase for aspect, phrase in REVIEWED_QUALITIES if aspect not in failed_aspects]
