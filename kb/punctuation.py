"""Chinese punctuation in statute text, as the official texts set it.

The texts published in 国家法律法规数据库 set full-width marks throughout; some transcriptions of
them have ASCII marks instead (安全生产法第九十九条 …追究刑事责任: in LawRefBook; (一) for （一） in
民用爆炸物品安全管理条例). A quotation of such a text in a review opinion or a study material would
carry the transcription's slip, so an article's paragraphs are read with the marks of Chinese
text made full-width: a comma, semicolon, colon, question or exclamation mark that follows a
Chinese character or closing mark, and parentheses around Chinese text. Marks between digits
(1,000), and parentheses around Latin letters or digits alone (GB 50016), stay as they are.
"""

import re

MARKS = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
AFTER_CHINESE = re.compile(r"(?<=[\u4e00-\u9fff”’）》」』〕】])[,;:?!]")
CHINESE_PARENTHESES = re.compile(r"\(([^()]*[\u4e00-\u9fff][^()]*)\)")


def full_width(text: str) -> str:
    """`text` with the ASCII marks of Chinese text made full-width (see the module docstring)."""
    text = CHINESE_PARENTHESES.sub(r"（\1）", text)
    return AFTER_CHINESE.sub(lambda mark: MARKS[mark.group()], text)
