"""Variables of templates exported by earlier versions of fazhi, and what they are called now.

Templates exported before the field names became Chinese used English
names (``{{ party.name }}``).  Such a template is not rendered with wrong
or empty text: ``fazhi template check`` and ``fazhi generate`` name every
old variable and its new name, so the clerk can rename them in Word (or
export the current templates again with ``fazhi template export``).
"""

from __future__ import annotations

# old variable → its new name, with the fields it has now where they changed
RENAMED = {
    "agency": "机关",
    "number": "文号",
    "department": "主送",
    "cause": "案由",
    "party": "当事人（字段：名称、身份）",
    "submitted": "送审日期",
    "facts": "违法事实（案例评析中为“基本案情”）",
    "evidence": "证据（一段文字）",
    "violated": "违法行为（每项的“违反条款”）",
    "basis": "违法行为（每项的“处罚依据”）",
    "penalties": "违法行为（每项的“拟处罚”）",
    "sections": "审核意见（每项：标号、标题、段落）",
    "conclusion": "审核结论或审查结论（字段：结论、说明、问题、结语）",
    "reviewer": "审核人或审查人",
    "reviewed": "审核日期或审查日期",
    "appendix": "附件（每项：序号、标题、条、版本、段落）",
    "matter": "决策事项",
    "drafter": "起草单位",
    "content": "决策内容",
    "title": "标题",
    "subtitle": "副标题",
    "case": "案号",
    "issues": "争议焦点（每项：标号、内容）",
    "analysis": "评析",
    "rule": "启示",
    "citations": "引用（每项：标号、内容）",
    "author": "作者",
    "written": "日期",
}


def rename_hint(name: str) -> str:
    """The message for an old variable name ('' for a name that never existed)."""
    new = RENAMED.get(name)
    if not new:
        return ""
    return (f"“{name}”是旧版模板的变量名，现改为“{new}”；请在 Word 中改名，"
            "或用 fazhi template export 导出新模板后重新修改")
