"""The vocabulary of a review: outcomes, check ids, review aspects, conclusions, and the Finding
every check returns."""

from dataclasses import dataclass, field

from kb.refs import Ref, ResolvedRef

PASS, NOTE, PROBLEM = "通过", "提示", "问题"
OUTCOMES = (PASS, NOTE, PROBLEM)
# The status of a check that could not run (law not in the store, excerpt only, text not read): its
# outcome stays 提示 so documents keep their three outcome words, `unverified` marks it, and the
# proposed conclusion is then never 同意 / 合法.
UNVERIFIED = "需核实"
STATUSES = (PASS, NOTE, UNVERIFIED, PROBLEM)

# Check ids of the legal-review opinion (法制审核意见书), as written in a case file's 人工判断.
LEGAL_BASIS = "法律依据"
DISCRETION = "处罚裁量"
HEARING = "听证告知"
REVIEW_SCOPE = "法制审核范围"
COLLECTIVE = "集体讨论"
TIME_LIMIT = "办案期限"
LIMITATION = "追责时效"
DOUBLE_FINE = "一事不再罚"
STATUTORY = "法定处罚"
CIRCUMSTANCE = "法定情节"
ACT_FIT = "行为与条款"
VERSION = "适用版本"
STATEMENT = "告知与陈述申辩"
REFERRAL = "移送司法机关"
REVIEW_LIMIT = "审核期限"
OPINION_CHECKS = (LEGAL_BASIS, STATUTORY, DISCRETION, CIRCUMSTANCE, ACT_FIT, VERSION, HEARING, STATEMENT,
                  REVIEW_SCOPE, COLLECTIVE, REFERRAL, TIME_LIMIT, REVIEW_LIMIT, LIMITATION, DOUBLE_FINE)

# Check ids of the legality review of a major administrative decision.
AUTHORITY = "法定权限"
PROCEDURE = "法定程序"
LEGALITY_CHECKS = (AUTHORITY, PROCEDURE)

# Check id of a case commentary: its citations.
COMMENTARY_CHECKS = (LEGAL_BASIS,)

# What the opinion reviews, in the order of the document.
ASPECTS = ("执法主体与权限", "管辖", "程序", "事实与证据", "法律适用", "裁量", "文书")
LEGALITY_ASPECTS = ("法定权限", "法定程序", "内容合法性")

# Conclusions, mildest first: the proposed one is the most severe any finding calls for.
AGREE, AGREE_IF_AMENDED, DISAGREE, INVESTIGATE = "同意", "修改后同意", "不同意", "补充调查"
OPINION_CONCLUSIONS = (AGREE, AGREE_IF_AMENDED, INVESTIGATE, DISAGREE)
LAWFUL, LAWFUL_IF_AMENDED, UNLAWFUL = "合法", "修改后合法", "不合法"
LEGALITY_CONCLUSIONS = (LAWFUL, LAWFUL_IF_AMENDED, UNLAWFUL)
# What an unverified finding calls for on each scale: never the mildest conclusion.
UNVERIFIED_CONCLUSION = {OPINION_CONCLUSIONS: INVESTIGATE, LEGALITY_CONCLUSIONS: LAWFUL_IF_AMENDED}


@dataclass
class Authority:
    """An article a finding relies on, with its text when the statute store holds it."""

    ref: Ref
    resolved: ResolvedRef | None = None

    @property
    def citation(self) -> str:
        """《全称》第X条第Y款第Z项（版本） or, when not in the store, the citation as written."""
        if not self.resolved:
            return f"{self.ref.text}（法规库未收录）"
        law = self.resolved.law
        version = f"（{law.version_text}）" if law.version else ""
        return f"{law.display_title}{self.ref.label}{version}"


# The fact a Said states when a provision's text could not be read.
UNREAD = "条文未能取得"


@dataclass(frozen=True)
class Said:
    """Words of a finding's message (`clause`, as written there) stating a fact about one provision
    (`provision`, as the case file writes it) that other findings of the review may state too: that
    its text could not be read (`fact` UNREAD, `cannot` what could therefore not be checked), or
    which version it cites. A document states each fact once."""

    provision: str
    fact: str
    clause: str
    cannot: str = ""


@dataclass
class Finding:
    """The result of one check.

    `implies` is the conclusion the finding calls for while it stands (None: no effect);
    `remedy` says what the submitting office should do. An override from the case file keeps the
    machine's outcome in `original_outcome`, sets `outcome` to 通过 and records the reason.
    """

    check_id: str
    title: str
    aspect: str
    outcome: str
    message: str
    details: list[str] = field(default_factory=list)
    citations: list[Authority] = field(default_factory=list)
    implies: str | None = None
    remedy: str = ""
    overridden_by: str | None = None
    original_outcome: str | None = None
    unverified: bool = False
    said: list[Said] = field(default_factory=list)

    @property
    def status(self) -> str:
        """通过, 提示, 需核实 or 问题: the outcome, with 需核实 for a check that could not run."""
        return UNVERIFIED if self.unverified and self.outcome != PASS else self.outcome

    @property
    def standing(self) -> bool:
        """True when the finding still calls for something (not passed, not overridden)."""
        return self.outcome != PASS and not self.overridden_by

    def override(self, reason: str) -> None:
        """Accept the reviewer's judgement: the finding passes, the reason and the machine's
        outcome are kept."""
        self.original_outcome = self.outcome
        self.outcome = PASS
        self.overridden_by = reason


@dataclass
class Conclusion:
    """A conclusion with the concrete reasons for it and the points to heed when carrying it out."""

    result: str
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    proposed: bool = True               # False when the reviewer wrote it in the case file
