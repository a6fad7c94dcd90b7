"""Dataclasses of a reviewed typical case (典型案例)."""

from dataclasses import dataclass, field
from datetime import date

from kb.refs import Ref

PARTY_TYPES = ("单位", "个人")


@dataclass(frozen=True)
class Fine:
    """One fine of the decision: on whom (a role of kb.standards.models.PARTIES) and how much."""

    party: str
    amount: int                       # 元
    name: str = ""                    # the person fined, e.g. 李某

    @property
    def text(self) -> str:
        """单位：30000元 / 直接责任人员（李某）：20000元 — the form used in Markdown and .docx."""
        who = f"{self.party}（{self.name}）" if self.name else self.party
        return f"{who}：{self.amount}元"


@dataclass
class Case:
    """A decided case with the legal department's review findings."""

    code: str                                     # 编号
    title: str                                    # 案件名称
    decided: date                                 # 日期 (of the decision)
    party_type: str                               # 当事人类型: 单位 / 个人
    facts: str                                    # 违法事实
    violated: list[Ref] = field(default_factory=list)     # 违反条款
    basis: list[Ref] = field(default_factory=list)        # 处罚依据
    number: str = ""                              # 案号
    authority: str = ""                           # 执法机关
    region: str = ""                              # 地区
    party: str = ""                               # 当事人
    evidence: list[str] = field(default_factory=list)     # 证据
    item_code: str = ""                           # 裁量基准事项
    tier: str = ""                                # 裁量阶次
    factors: list[str] = field(default_factory=list)      # 裁量情节
    decision: str = ""                            # 处罚决定 (summary)
    fines: list[Fine] = field(default_factory=list)       # 罚款
    measures: list[str] = field(default_factory=list)     # 处罚措施
    hearing: str = ""                             # 听证
    review: list[str] = field(default_factory=list)       # 法核意见要点
    commentary: str = ""                          # 评析
    tags: list[str] = field(default_factory=list)         # 标签
    related: list[str] = field(default_factory=list)      # 关联案例 (codes)
    source: str = ""                              # 来源
    sample: bool = False                          # 示例
    file: str = ""
    id: int | None = None

    @property
    def citations(self) -> list[tuple[str, Ref]]:
        """(role, ref) for every cited article: 违反条款 then 处罚依据."""
        return [("违反条款", r) for r in self.violated] + [("处罚依据", r) for r in self.basis]

    @property
    def full_text(self) -> str:
        """The text to search in: title, facts, decision, review findings, commentary and tags."""
        return "\n".join([self.title, self.facts, self.decision, *self.measures, *self.review,
                          self.commentary, " ".join(self.tags)])
