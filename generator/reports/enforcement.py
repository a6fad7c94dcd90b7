"""Enforcement figures of one year from the case, inspection and plan ledgers and the review ledger.

Per unit (区县, 园区, 局机关科室): cases, fines, plan and completion,
inspections and the inspections-to-penalties ratio, ranked by cases; for the
whole bureau: cases, fines, reviews, hearings, 复议 and 诉讼 with outcomes,
court-enforcement and criminal transfers, change against the previous year.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from generator.reports.figures import Figure, change_text, figure, percent, ratio, wan
from kb.ledgers.kinds import ADVERSE_OUTCOMES, CASES, INSPECTIONS, OUTCOMES, PLANS, UNIT_TYPES

CASE_SOURCE, INSPECTION_SOURCE, PLAN_SOURCE = CASES.name, INSPECTIONS.name, PLANS.name
REVIEW_SOURCE = "审核台账"
TOP = 10
_CITATION_RE = re.compile(r"《[^》]+》第[零一二三四五六七八九十百千]+条(?:第[一二三四五六七八九十]+款)?(?:第[一二三四五六七八九十]+项)?")


@dataclass
class UnitRow:
    """One unit's figures for the year; ``plan``/``completion``/``ratio`` None when not known."""

    unit: str
    unit_type: str
    cases: int
    fines: Decimal
    previous_cases: int | None
    plan: int | None
    completion: Decimal | None
    inspections: int | None
    ratio: Decimal | None
    rank: int = 0


def unit_rows(cases: list[dict], previous: list[dict] | None, plans: list[dict], inspections: list[dict]) -> list[UnitRow]:
    """Rows of every unit with cases, a plan or inspections in the year, ranked by cases then fines."""
    types = {plan["执法单位"]: plan["单位类别"] for plan in plans}
    targets = {plan["执法单位"]: plan["预防性处罚案件计划数"] for plan in plans}
    by_unit = Counter(case["执法单位"] for case in cases)
    before = Counter(case["执法单位"] for case in previous) if previous else None
    checked: dict[str, int] = {}
    for row in inspections:
        checked[row["执法单位"]] = checked.get(row["执法单位"], 0) + row["检查次数"]
    units = sorted(set(by_unit) | set(targets) | set(checked))
    fines = {unit: sum((c["罚没款（元）"] for c in cases if c["执法单位"] == unit), Decimal(0)) for unit in units}
    result = [UnitRow(unit, types.get(unit, ""), by_unit[unit], fines[unit],
                      before[unit] if before is not None else None, targets.get(unit),
                      percent(by_unit[unit], targets[unit]) if targets.get(unit) else None,
                      checked.get(unit) if inspections else None,
                      ratio(checked[unit], by_unit[unit]) if unit in checked else None)
              for unit in units]
    result.sort(key=lambda row: (-row.cases, -row.fines, row.unit))
    for rank, row in enumerate(result, start=1):
        row.rank = rank
    return result


def case_figures(year: int, cases: list[dict], previous: list[dict], opinions: list) -> dict[str, Figure]:
    """Figures from the case ledger (and the review ledger's opinions) of ``year``."""
    none = f"执法案件台账中没有{year}年的记录"
    has = bool(cases)
    pick = lambda value: value if has else None
    total = sum((c["罚没款（元）"] for c in cases), Decimal(0))
    reviewed_keys = {c["案件编号"] for c in cases if c["是否法制审核"]}
    linked = {c["法核意见书文号"] for c in cases if c["法核意见书文号"]}
    unlinked = [entry for entry in opinions if entry.number not in linked]
    review_has = has or bool(opinions)
    review_none = f"执法案件台账和审核台账中都没有{year}年的记录"
    transfers = [c for c in cases if c["移送法院强制执行"]]
    unknown_amounts = [c["案件编号"] for c in transfers if c["追缴金额（元）"] is None]
    recovered = sum((c["追缴金额（元）"] for c in transfers if c["追缴金额（元）"] is not None), Decimal(0))
    prev_total = sum((c["罚没款（元）"] for c in previous), Decimal(0))
    no_base = f"执法案件台账中没有{year - 1}年的记录，无法与上年比较"
    figures = [
        figure("案件数", f"{year}年行政处罚案件数", pick(len(cases)), "件", CASE_SOURCE, none),
        figure("罚没款万元", f"{year}年罚没款金额", pick(wan(total)), "万元", CASE_SOURCE, none),
        figure("法核案件数", f"{year}年法制审核案件数",
               len(reviewed_keys) + len(unlinked) if review_has else None, "件", CASE_SOURCE, review_none),
        figure("法核意见数", f"{year}年出具法制审核意见书数",
               len(linked | {entry.number for entry in opinions}) if review_has else None, "件",
               REVIEW_SOURCE, review_none),
        figure("法核纠正数", f"{year}年法制审核提出修改或不同意意见数",
               sum(1 for entry in opinions if entry.conclusion and entry.conclusion != "同意") if opinions else None,
               "件", REVIEW_SOURCE, f"审核台账中没有{year}年的法制审核意见书"),
        figure("法核结论", f"{year}年法制审核意见书结论",
               "、".join(f"{conclusion or '未写结论'}{count}件" for conclusion, count in
                        Counter(entry.conclusion for entry in opinions).most_common()) if opinions else None,
               "", REVIEW_SOURCE, f"审核台账中没有{year}年的法制审核意见书"),
        figure("听证案件数", f"{year}年听证案件数", pick(sum(1 for c in cases if c["是否听证"])), "件", CASE_SOURCE, none),
        figure("移送强制执行数", f"{year}年移送法院强制执行案件数", pick(len(transfers)), "件", CASE_SOURCE, none),
        figure("追缴金额万元", f"{year}年移送强制执行追缴金额",
               wan(recovered) if has and not unknown_amounts else None, "万元", CASE_SOURCE,
               none if not has else f"移送强制执行的案件中{len(unknown_amounts)}件未填写追缴金额（"
               + "、".join(unknown_amounts[:5]) + ("等" if len(unknown_amounts) > 5 else "") + "）"),
        figure("移送司法机关数", f"{year}年涉嫌犯罪移送司法机关案件数",
               pick(sum(1 for c in cases if c["移送司法机关"])), "件", CASE_SOURCE, none),
        figure("移送公安数", f"{year}年移送公安机关案件数",
               pick(sum(1 for c in cases if c["移送司法机关"] == "公安机关")), "件", CASE_SOURCE, none),
        figure("移送检察数", f"{year}年移送检察机关案件数",
               pick(sum(1 for c in cases if c["移送司法机关"] == "检察机关")), "件", CASE_SOURCE, none),
        figure("上年案件数", f"{year - 1}年行政处罚案件数", len(previous) if previous else None, "件", CASE_SOURCE,
               f"执法案件台账中没有{year - 1}年的记录"),
        figure("案件数变化", f"{year}年案件数较上年的变化",
               change_text(len(cases), len(previous)) if has and previous else None, "", CASE_SOURCE,
               none if not has else no_base),
        figure("罚没款变化", f"{year}年罚没款较上年的变化",
               change_text(total, prev_total) if has and previous else None, "", CASE_SOURCE,
               none if not has else no_base),
    ]
    figures += litigation_figures(year, cases)
    return {f.name: f for f in figures}


def litigation_figures(year: int, cases: list[dict]) -> list[Figure]:
    """复议 and 诉讼 counts, their outcomes in words, and the adverse outcomes."""
    none = f"执法案件台账中没有{year}年的记录"
    has = bool(cases)
    figures = []
    adverse_parts = []
    for column, name, word in (("复议结果", "复议", "行政复议"), ("诉讼结果", "诉讼", "行政诉讼")):
        outcomes = Counter(c[column] for c in cases if c[column])
        figures.append(figure(f"{name}案件数", f"{year}年{word}案件数", sum(outcomes.values()) if has else None,
                              "件", CASE_SOURCE, none))
        parts = "、".join(f"{outcome}{outcomes[outcome]}件" for outcome in OUTCOMES if outcomes[outcome])
        figures.append(figure(f"{name}结果", f"{year}年{word}结果",
                              (f"发生{word}{sum(outcomes.values())}件（{parts}）" if outcomes else f"未发生{word}案件")
                              if has else None, "", CASE_SOURCE, none))
        adverse = sum(outcomes[o] for o in ADVERSE_OUTCOMES)
        figures.append(figure(f"{name}纠错数", f"{year}年{word}被撤销、变更、确认违法或败诉案件数",
                              adverse if has else None, "件", CASE_SOURCE, none))
        adverse_parts += [f"{word}{'' if outcome == '败诉' else '被'}{outcome}{outcomes[outcome]}件"
                          for outcome in ADVERSE_OUTCOMES if outcomes[outcome]]
    figures.append(figure("复议诉讼纠错情况", f"{year}年复议诉讼纠错情况",
                          ("、".join(adverse_parts) if adverse_parts
                           else "无行政复议被撤销、变更或确认违法以及行政诉讼败诉案件") if has else None,
                          "", CASE_SOURCE, none))
    return figures


def inspection_figures(year: int, inspections: list[dict], cases: list[dict], previous: list[dict]) -> dict[str, Figure]:
    """Inspection counts, their change against the previous year and the inspections-to-penalties ratio."""
    none = f"执法检查台账中没有{year}年的记录"
    has = bool(inspections)
    total = sum(row["检查次数"] for row in inspections)
    before = sum(row["检查次数"] for row in previous)

    def part(column: str, name: str, label: str) -> Figure:
        values = [row[column] for row in inspections if row[column] is not None]
        missing = none if not has else f"执法检查台账{year}年的记录未填写{column}"
        return figure(name, f"{year}年{label}", sum(values) if values else None, "次", INSPECTION_SOURCE, missing)

    figures = [
        figure("检查次数", f"{year}年执法检查次数", total if has else None, "次", INSPECTION_SOURCE, none),
        part("双随机检查次数", "双随机检查次数", "“双随机、一公开”抽查次数"),
        part("联合检查次数", "联合检查次数", "联合执法检查次数"),
        figure("检查次数变化", f"{year}年执法检查次数较上年的变化",
               change_text(total, before) if has and previous else None, "", INSPECTION_SOURCE,
               none if not has else f"执法检查台账中没有{year - 1}年的记录，无法与上年比较"),
        figure("检查处罚比", f"{year}年执法检查次数与行政处罚案件数之比",
               ratio(total, len(cases)) if has and cases else None, "", INSPECTION_SOURCE,
               none if not has else f"执法案件台账中没有{year}年的记录"),
    ]
    return {f.name: f for f in figures}


def plan_figures(year: int, units: list[UnitRow], plans: list[dict]) -> dict[str, Figure]:
    """Plan targets, overall completion, units that met and missed their plan."""
    none = f"案件计划台账中没有{year}年的记录"
    planned = [row for row in units if row.plan]
    target = sum(row.plan for row in planned)
    met = [row.unit for row in planned if row.cases >= row.plan]
    missed = [row.unit for row in planned if row.cases < row.plan]
    has = bool(plans)
    figures = [
        figure("计划案件数", f"{year}年预防性处罚案件计划数", target if has else None, "件", PLAN_SOURCE, none),
        figure("计划完成率", f"{year}年预防性处罚案件计划完成率",
               percent(sum(row.cases for row in planned), target) if has and target else None, "%", PLAN_SOURCE, none),
        figure("计划单位数", f"{year}年下达计划的单位数", len(planned) if has else None, "个", PLAN_SOURCE, none),
        figure("完成计划单位数", f"{year}年完成计划的单位数", len(met) if has else None, "个", PLAN_SOURCE, none),
        figure("未完成计划单位", f"{year}年未完成计划的单位",
               ("、".join(missed) if missed else "无") if has else None, "", PLAN_SOURCE, none),
    ]
    return {f.name: f for f in figures}


def type_totals(units: list[UnitRow]) -> list[tuple[str, int, Decimal]]:
    """(unit type, cases, fines in 元) for each type of unit present (区县, 园区, 科室), in that order."""
    totals = []
    for unit_type in UNIT_TYPES:
        rows = [row for row in units if row.unit_type == unit_type]
        if rows:
            totals.append((unit_type, sum(row.cases for row in rows), sum((row.fines for row in rows), Decimal(0))))
    return totals


def top_violations(cases: list[dict]) -> list[tuple[str, int]]:
    """The most frequent 违法行为 of the year, most frequent first."""
    return Counter(c["违法行为"] for c in cases).most_common(TOP)


def top_articles(cases: list[dict]) -> list[tuple[str, int]]:
    """The most frequently applied penalty articles (each citation in 处罚依据 counted once per case)."""
    counts: Counter = Counter()
    for case in cases:
        cited = set(_CITATION_RE.findall(case["处罚依据"].replace(" ", ""))) or {case["处罚依据"]}
        counts.update(cited)
    return counts.most_common(TOP)
