"""Figures of one year from the legality-review, training and publicity ledgers and the review ledger."""

from __future__ import annotations

from generator.reports.figures import Figure, figure
from kb.ledgers.kinds import LEGALITY, PUBLICITY, TRAINING

_DECISION, _NORMATIVE = "重大行政决策", "规范性文件"


def legality_figures(year: int, rows: list[dict], decisions: list, commentaries: list) -> dict[str, Figure]:
    """Legality reviews (ledger rows and the review ledger's 合法性审查意见书, one per 编号) and commentaries."""
    none = f"{LEGALITY.name}和审核台账中都没有{year}年的合法性审查记录"
    has = bool(rows) or bool(decisions)
    numbers = {row["编号"] for row in rows if row["类别"] == _DECISION} | {entry.number for entry in decisions}
    figures = [
        figure("重大行政决策审查数", f"{year}年重大行政决策合法性审查件数", len(numbers) if has else None, "件",
               LEGALITY.name, none),
        figure("规范性文件审查数", f"{year}年规范性文件合法性审核件数",
               sum(1 for row in rows if row["类别"] == _NORMATIVE) if has else None, "件", LEGALITY.name, none),
        figure("风险评估数", f"{year}年重大行政决策风险评估件数",
               sum(1 for row in rows if row["类别"] == _DECISION and row["风险评估"]) if rows else None, "件",
               LEGALITY.name, f"{LEGALITY.name}中没有{year}年的记录"),
        figure("案例评析数", f"{year}年撰写典型案例评析篇数", len(commentaries) if commentaries else None, "篇",
               "审核台账", f"审核台账中没有{year}年的案例评析"),
    ]
    return {f.name: f for f in figures}


def training_figures(year: int, rows: list[dict]) -> dict[str, Figure]:
    """Study sessions, training sessions, exams and the people examined."""
    none = f"{TRAINING.name}中没有{year}年的记录"
    has = bool(rows)
    of = lambda category: [row for row in rows if row["类别"] == category]
    exams = of("企业人员考试")
    attendance = [row["参加人次"] for row in of("专题培训") + of("执法人员培训") if row["参加人次"] is not None]
    figures = [
        figure("中心组学法次数", f"{year}年党组中心组学法次数", len(of("党组中心组学法")) if has else None, "次",
               TRAINING.name, none),
        figure("专题培训次数", f"{year}年法治专题培训次数", len(of("专题培训")) if has else None, "次", TRAINING.name, none),
        figure("执法培训次数", f"{year}年执法人员业务培训次数", len(of("执法人员培训")) if has else None, "次",
               TRAINING.name, none),
        figure("培训人次", f"{year}年专题培训和执法人员培训参加人次", sum(attendance) if attendance else None, "人次",
               TRAINING.name, none if not has else f"{TRAINING.name}{year}年的培训记录未填写参加人次"),
        figure("企业考试场次", f"{year}年组织企业人员法律法规考试场次",
               sum(row["考试场次"] for row in exams) if has else None, "场次", TRAINING.name, none),
        figure("企业考核人次", f"{year}年企业人员法律法规考核人次",
               sum(row["考核人次"] for row in exams) if has else None, "人次", TRAINING.name, none),
    ]
    return {f.name: f for f in figures}


def publicity_figures(year: int, rows: list[dict]) -> dict[str, Figure]:
    """Publicity activities: 安全生产月, 七进, quizzes, and the people reached."""
    none = f"{PUBLICITY.name}中没有{year}年的记录"
    has = bool(rows)
    count = lambda category: sum(1 for row in rows if row["类别"] == category) if has else None
    reached = [row["参与人次"] for row in rows if row["参与人次"] is not None]
    figures = [
        figure("宣传活动数", f"{year}年普法宣传活动次数", len(rows) if has else None, "次", PUBLICITY.name, none),
        figure("安全生产月活动数", f"{year}年“安全生产月”活动次数", count("安全生产月"), "次", PUBLICITY.name, none),
        figure("七进活动数", f"{year}年安全生产宣传“七进”活动次数", count("七进"), "次", PUBLICITY.name, none),
        figure("知识竞答活动数", f"{year}年法律知识竞答活动次数", count("知识竞答"), "次", PUBLICITY.name, none),
        figure("宣传参与人次", f"{year}年普法宣传活动参与人次", sum(reached) if reached else None, "人次",
               PUBLICITY.name, none if not has else f"{PUBLICITY.name}{year}年的记录未填写参与人次"),
    ]
    return {f.name: f for f in figures}
