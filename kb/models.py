"""Dataclasses for statutes: a law version and its articles."""

from dataclasses import dataclass, field
from datetime import date

from kb.dates import date_text

CURRENT = "现行有效"
SUPERSEDED = "已被修订"

NATIONAL_LEVELS = ("宪法", "法律", "行政法规", "司法解释", "部门规章")


@dataclass
class Article:
    """One article (条) of a law version, or one section of a document without articles (cases).

    `paragraphs` holds the 款 in order; items (项, （一）…) stay inside their paragraph's text
    and are listed again in `items` as (paragraph index, item number, text).
    """

    label: str                      # 第九十七条, 第十条之一; a section heading for cases
    number: int | None              # 97; None for sections without an article number
    suffix: int = 0                 # 1 for 之一
    chapter: str = ""               # "第六章 法律责任" or "第一编 总则 / 第一章 基本规定"
    paragraphs: list[str] = field(default_factory=list)
    items: list[tuple[int, int, str]] = field(default_factory=list)
    position: int = 0               # order inside the law
    id: int | None = None
    law_id: int | None = None

    @property
    def text(self) -> str:
        """The article's text, paragraphs separated by newlines."""
        return "\n".join(self.paragraphs)


@dataclass
class Law:
    """One version of a statute (or a case document) as imported from one source file."""

    title: str                      # 中华人民共和国安全生产法
    category: str                   # 效力级别: 法律, 行政法规, 司法解释, 部门规章, 地方性法规, 案例 …
    version: date | None            # the version date (from the file name or the history lines)
    file: str                       # source path as imported
    part: str = ""                  # a part published as its own file, e.g. 民法典 总则
    branch: str = ""                # legal branch folder such as 社会法, 行政法
    region: str = ""                # 广东 for local regulations
    history: str = ""               # 通过/修正 lines under the title
    preamble: str = ""              # text before the first article (序言, 说明)
    status: str = CURRENT
    articles: list[Article] = field(default_factory=list)
    id: int | None = None

    @property
    def key(self) -> str:
        """What all versions of one law share: title plus part."""
        return f"{self.title}·{self.part}" if self.part else self.title

    @property
    def short_title(self) -> str:
        """The title without the 中华人民共和国 prefix, as laws are usually cited."""
        return self.title.removeprefix("中华人民共和国")

    @property
    def display_title(self) -> str:
        """《title》 with the part when there is one, for citations and hit lists."""
        return f"《{self.title}》" + (f"（{self.part}）" if self.part else "")

    @property
    def version_text(self) -> str:
        """The version as documents write it: 2021年6月10日版, or 版本日期不详."""
        if not self.version:
            return "版本日期不详"
        return f"{date_text(self.version)}版"

    @property
    def is_national(self) -> bool:
        """True for laws, administrative regulations, judicial interpretations and rules."""
        return self.category in NATIONAL_LEVELS
