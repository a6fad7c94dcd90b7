"""Dataclasses of the question bank: a question with its source, a paper, a recorded result."""

from dataclasses import dataclass, field
from datetime import date

SINGLE, MULTIPLE, TRUE_FALSE, FILL = "单选", "多选", "判断", "填空"
KINDS = (SINGLE, MULTIPLE, TRUE_FALSE, FILL)
TRUE, FALSE = "正确", "错误"
DRAFT, APPROVED, REJECTED, RETIRED = "待审核", "已审核", "不采用", "已停用"
STATUSES = (DRAFT, APPROVED, REJECTED, RETIRED)
STATUTE, STANDARD = "法规", "裁量基准"
BLANK = "（　　）"
LETTERS = "ABCDEFGH"


@dataclass
class Source:
    """Where a question's answer is written: an article of one law version, or a standard item."""

    kind: str                       # 法规 / 裁量基准
    key: str                        # law key, or standard key
    title: str                      # 《中华人民共和国安全生产法》, or the standard's title
    ref_id: int | None              # law id (the version), or standard id
    version: date | None
    label: str                      # 第九十七条 / AQ-097-7（一般）
    number: int | None = None       # the article number, for 法规
    suffix: int = 0
    text: str = ""                  # the article (or tier) text the question was built from

    @property
    def citation(self) -> str:
        """《title》label — how the answer sheet cites the source."""
        return f"{self.title}{self.label}"


@dataclass
class Question:
    """One question. `answer`: letters for choices (A, ACD), 正确/错误, or the words of the blank.

    `context` is the source sentence with BLANK where the asked fact stands (for a 多选 the lead
    of the list) and `fill` what the source has there; together they prove the answer.
    """

    kind: str
    stem: str
    answer: str
    source: Source
    options: list[str] = field(default_factory=list)
    fact: str = ""                  # 金额 / 比例 / 期限 / 主管机关 / 责任主体 / 列举事项 / 裁量阶次
    context: str = ""
    fill: str = ""
    status: str = DRAFT
    note: str = ""                  # the reviewer's note, or why the question was retired
    slot: str = ""                  # what the question asks, for finding duplicates
    origin: str = "生成"            # 生成 / 导入 / 人工
    created: date | None = None
    id: int | None = None

    @property
    def answer_text(self) -> str:
        """The answer as the answer sheet writes it: B．五万元以下 / 正确 / 二年."""
        if self.kind in (SINGLE, MULTIPLE):
            return "；".join(f"{letter}．{self.options[LETTERS.index(letter)]}" for letter in self.answer
                            if LETTERS.index(letter) < len(self.options))
        return self.answer


@dataclass
class Paper:
    """An exam paper: its questions in order."""

    title: str
    question_ids: list[int]
    created: date
    note: str = ""
    id: int | None = None


@dataclass
class Result:
    """One person's result on a paper: a training figure (考核人次) of its session (考试场次)."""

    paper_id: int
    person: str
    score: float
    total: float
    taken: date
    session: str = ""               # what the session was: 2026年安全生产月知识竞赛 …
    unit: str = ""                  # the person's unit
    answers: dict[int, str] = field(default_factory=dict)
    id: int | None = None
