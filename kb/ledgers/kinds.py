"""The ledger kinds (台账) the bureau keeps, with their documented columns.

Each kind names its columns as they stand in the header row of the
spreadsheet, the type of each, which are required, and which columns key a
row (re-importing a row with the same key replaces it).  ``COLUMNS.md`` in
this folder documents the same columns for the staff who fill them in.
"""

from __future__ import annotations

from dataclasses import dataclass

TEXT, DATE, YEAR, MONTH, COUNT, MONEY, YESNO, CHOICE = "文本", "日期", "年度", "月份", "整数", "金额", "是否", "选项"

# Outcomes of 行政复议 and 行政诉讼; the adverse ones count against the bureau.
OUTCOMES = ("维持", "驳回", "撤销", "变更", "确认违法", "责令履行", "败诉", "撤回", "终止", "审理中")
ADVERSE_OUTCOMES = ("撤销", "变更", "确认违法", "责令履行", "败诉")
UNIT_TYPES = ("区县", "园区", "科室")
CRIMINAL_TRANSFERS = ("公安机关", "检察机关")
SEVEN_PLACES = ("进企业", "进农村", "进社区", "进学校", "进家庭", "进机关", "进公共场所")


@dataclass(frozen=True)
class Column:
    """One column of a ledger: header, type, whether required, allowed values, and what it holds."""

    name: str
    type: str
    required: bool = False
    choices: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class LedgerKind:
    """One kind of ledger: its key (CLI name), Chinese name, columns, key columns and year column."""

    key: str
    name: str
    columns: tuple[Column, ...]
    key_columns: tuple[str, ...]
    year_column: str

    @property
    def required(self) -> tuple[str, ...]:
        """Names of the required columns."""
        return tuple(column.name for column in self.columns if column.required)


UNIT = Column("执法单位", TEXT, True, note="区县、园区或局机关科室的名称，与案件计划台账一致")

CASES = LedgerKind("cases", "执法案件台账", (
    Column("案件编号", TEXT, True, note="本局案件编号，每案唯一；重复导入同一编号时以新记录为准"),
    Column("立案日期", DATE),
    Column("决定日期", DATE, True, note="行政处罚决定日期，按此日期计入年度"),
    UNIT,
    Column("当事人", TEXT, note="单位名称或个人姓名，仅用于公开前的保密审查，不写入报告"),
    Column("当事人类型", CHOICE, choices=("单位", "个人")),
    Column("违法行为", TEXT, True, note="按裁量基准的违法行为名称填写，便于统计"),
    Column("处罚依据", TEXT, True, note="如：《中华人民共和国安全生产法》第九十七条第七项"),
    Column("罚没款（元）", MONEY, True, note="罚款与没收违法所得合计，未罚款的填 0"),
    Column("是否法制审核", YESNO, True),
    Column("法核意见书文号", TEXT, note="出具法制审核意见书的，填其文号"),
    Column("是否听证", YESNO, True),
    Column("复议结果", CHOICE, choices=OUTCOMES, note="未申请行政复议的留空"),
    Column("诉讼结果", CHOICE, choices=OUTCOMES, note="未提起行政诉讼的留空；“维持”“驳回”为胜诉"),
    Column("移送法院强制执行", YESNO, note="留空视为“否”"),
    Column("追缴金额（元）", MONEY, note="移送强制执行后已追缴到位的金额"),
    Column("移送司法机关", CHOICE, choices=CRIMINAL_TRANSFERS, note="涉嫌犯罪移送的，填公安机关或检察机关；未移送的留空"),
), ("案件编号",), "决定日期")

INSPECTIONS = LedgerKind("inspections", "执法检查台账", (
    Column("年度", YEAR, True),
    Column("月份", MONTH, note="按月填报的填 1-12；按年填报的留空（同一单位同一年度不要既按年又按月填报）"),
    UNIT,
    Column("检查次数", COUNT, True),
    Column("双随机检查次数", COUNT, note="其中“双随机、一公开”抽查的次数"),
    Column("联合检查次数", COUNT, note="其中与其他部门联合检查的次数"),
), ("年度", "月份", "执法单位"), "年度")

PLANS = LedgerKind("plans", "案件计划台账", (
    Column("年度", YEAR, True),
    UNIT,
    Column("单位类别", CHOICE, True, UNIT_TYPES),
    Column("预防性处罚案件计划数", COUNT, True),
), ("年度", "执法单位"), "年度")

LEGALITY = LedgerKind("legality", "合法性审查台账", (
    Column("编号", TEXT, True, note="审查意见书文号或登记编号；与审核台账中同一文号的记录只计一次"),
    Column("类别", CHOICE, True, ("重大行政决策", "规范性文件")),
    Column("名称", TEXT, True),
    Column("审查日期", DATE, True),
    Column("审查结论", CHOICE, choices=("合法", "修改后合法", "不合法")),
    Column("风险评估", YESNO, note="决策前是否进行了风险评估（重大行政决策填写）"),
), ("编号",), "审查日期")

TRAINING = LedgerKind("training", "学法培训台账", (
    Column("编号", TEXT, True),
    Column("日期", DATE, True),
    Column("类别", CHOICE, True, ("党组中心组学法", "专题培训", "执法人员培训", "企业人员考试")),
    Column("主题", TEXT, True),
    Column("参加人次", COUNT),
    Column("考试场次", COUNT, note="企业人员考试填写"),
    Column("考核人次", COUNT, note="企业人员考试填写"),
), ("编号",), "日期")

PUBLICITY = LedgerKind("publicity", "普法宣传台账", (
    Column("编号", TEXT, True),
    Column("日期", DATE, True),
    Column("类别", CHOICE, True, ("安全生产月", "七进", "知识竞答", "其他")),
    Column("活动名称", TEXT, True),
    Column("七进场所", CHOICE, choices=SEVEN_PLACES, note="“七进”活动填写"),
    Column("参与人次", COUNT),
), ("编号",), "日期")

KINDS: dict[str, LedgerKind] = {kind.key: kind for kind in (CASES, INSPECTIONS, PLANS, LEGALITY, TRAINING, PUBLICITY)}


def find_kind(name: str) -> LedgerKind:
    """The kind called ``name`` (cases, 执法案件台账 or 执法案件); raises KeyError naming the kinds."""
    for kind in KINDS.values():
        if name in (kind.key, kind.name, kind.name.removesuffix("台账")):
            return kind
    raise KeyError(f"没有“{name}”这种台账，可用：" + "、".join(f"{k.key}（{k.name}）" for k in KINDS.values()))
