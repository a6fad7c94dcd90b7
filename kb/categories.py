"""Category (效力级别), legal branch and region of a statute, from its folder or its title."""

import re

# LawRefBook top-level folders: those naming a legal branch hold 法律.
BRANCH_FOLDERS = {"宪法", "宪法相关法", "民法典", "民法商法", "行政法", "经济法", "社会法",
                  "刑法", "诉讼与非诉讼程序法"}
LEVEL_FOLDERS = {"行政法规": "行政法规", "司法解释": "司法解释", "部门规章": "部门规章",
                 "地方性法规": "地方性法规", "案例": "案例", "其他": "其他"}
CATEGORIES = ("宪法", "法律", "行政法规", "司法解释", "部门规章", "地方性法规", "地方政府规章",
              "案例", "其他")

PROVINCES = ("北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏",
             "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南",
             "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏",
             "宁夏", "新疆", "香港", "澳门")


def from_folders(parts: tuple[str, ...], title: str) -> tuple[str, str, str]:
    """Return (category, branch, region) for a file inside a LawRefBook tree.

    `parts` are the folder names from the corpus root down to the file.
    """
    for index, part in enumerate(parts):
        if part in BRANCH_FOLDERS:
            category = "宪法" if part == "宪法" else "法律"
            return category, part, ""
        if part == "地方性法规":
            region = parts[index + 1] if index + 1 < len(parts) else region_of(title)
            return "地方性法规", "", region
        if part in LEVEL_FOLDERS:
            return LEVEL_FOLDERS[part], "", ""
    return guess_category(title), "", region_of(title)


def region_of(title: str) -> str:
    """Return the province named at the start of a title, or ''."""
    return next((p for p in PROVINCES if title.startswith(p)), "")


def guess_category(title: str) -> str:
    """Guess the 效力级别 of a statute from its title alone (for files outside a known tree)."""
    if title.endswith("宪法") or "宪法修正案" in title:
        return "宪法"
    if title.startswith(("最高人民法院", "最高人民检察院")):
        return "司法解释"
    if region_of(title) or re.match(r"^\S{2,8}[市州]", title):
        return "地方性法规" if title.endswith("条例") else "地方政府规章"
    if title.endswith("法") or title.startswith("全国人民代表大会"):
        return "法律"
    if title.endswith("条例"):
        return "行政法规"
    if title.endswith(("规定", "办法", "细则", "规则")):
        return "部门规章"
    return "其他"
