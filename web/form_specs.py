"""What the case forms ask for: the fields of each document type's case file
(generator/review/CASEFILE.md), grouped into the sections the form shows, and which of them the
法制科 reviewer fills in rather than the submitting unit."""

from dataclasses import dataclass, field

from generator.review.casefile import (
    CIRCUMSTANCES,
    COMMENTARY,
    LEGALITY,
    OPINION,
    PARTY_KINDS,
    PERSON_ROLES,
    STEPS,
)
from generator.review.circumstances import NAMES as CIRCUMSTANCE_NAMES
from generator.review.findings import (
    ASPECTS,
    LEGALITY_ASPECTS,
    LEGALITY_CHECKS,
    LEGALITY_CONCLUSIONS,
    OPINION_CHECKS,
    OPINION_CONCLUSIONS,
)
from generator.review.parts import HANDLINGS
from generator.review.violations import ACCIDENTS

TEXT, AREA, DATE, MONEY, LINES, BOOL, CHOICE, CHECKS = ("text", "area", "date", "money", "lines", "bool",
                                                          "choice", "checks")


@dataclass(frozen=True)
class Field:
    """One input: its case-file path (当事人.名称), label, kind, and the values it may take."""

    path: str
    label: str
    kind: str = TEXT
    required: bool = False
    choices: tuple[str, ...] = ()
    hint: str = ""


@dataclass(frozen=True)
class Group:
    """A repeatable group of fields (several violations, several fined persons)."""

    path: str
    label: str
    fields: tuple[Field, ...]
    minimum: int = 0


@dataclass(frozen=True)
class Section:
    """A heading of the form and its fields and groups."""

    title: str
    items: tuple = field(default_factory=tuple)


TIERS = ("轻微", "一般", "较重", "严重")
CIRCUMSTANCE_NAMES = tuple(CIRCUMSTANCE_NAMES)

OPINION_SUBMIT = (
    Section("案件基本信息", (
        Field("机关", "作出审核意见的机关", required=True, hint="如：示例市应急管理局"),
        Field("案件编号", "立案编号／案号"),
        Field("送审科室", "送审科室", required=True),
        Field("案由", "案由", required=True),
        Field("送审日期", "送审日期", DATE, required=True),
        Field("立案日期", "立案日期", DATE, required=True),
    )),
    Section("当事人", (
        Field("当事人.名称", "名称／姓名", required=True),
        Field("当事人.类型", "类型", CHOICE, required=True, choices=PARTY_KINDS),
        Field("当事人.统一社会信用代码", "统一社会信用代码", hint="单位填写，18位"),
        Field("当事人.身份证号", "身份证号", hint="个人填写，18位"),
        Field("当事人.地址", "地址"),
        Field("当事人.法定代表人", "法定代表人"),
        Field("当事人.主要负责人", "主要负责人"),
    )),
    Section("违法事实与证据", (
        Field("违法事实", "违法事实", AREA, required=True),
        Field("证据", "证据", LINES, required=True, hint="每行一项证据"),
        Field("违法行为发生日期", "违法行为发生日期", DATE),
        Field("违法行为终了日期", "违法行为终了日期", DATE),
        Field("连续或者继续状态", "违法行为连续或者继续", BOOL),
        Field("发现日期", "发现日期", DATE),
    )),
    Section("违法行为、裁量与拟处罚", (
        Group("违法行为", "违法行为", (
            Field("案由", "该违法行为的案由", hint="一案多个违法行为时写明，核对结果用它指称"),
            Field("违法事实", "该违法行为的事实", AREA, hint="不写时用案件的违法事实"),
            Field("违反条款", "违反条款", LINES, required=True,
                  hint="每行一条，如：《中华人民共和国安全生产法》第二十八条第一款"),
            Field("处罚依据", "处罚依据", LINES, required=True,
                  hint="每行一条，写到款、项，如：《中华人民共和国安全生产法》第九十七条第（三）项"),
            Field("法定情形", "法定情形", hint="如：逾期未改正、情节严重；基本情形不写"),
            Field("事故等级", "事故等级", CHOICE, choices=ACCIDENTS),
            Field("裁量.事项编号", "裁量基准事项编号", hint="如：AQ-097-3；没有对应事项的不写"),
            Field("裁量.基准", "裁量基准标识", hint="不写则用现行最具体的基准"),
            Field("裁量.阶次", "裁量阶次", CHOICE, choices=TIERS),
            Field("裁量.说明", "适用该阶次的理由", AREA),
            Field("裁量.偏离理由", "罚款偏离阶次幅度的理由", AREA),
            Field("情节", "该违法行为的法定情节", CHECKS, choices=CIRCUMSTANCE_NAMES),
            Field("违法所得", "违法所得（元）", MONEY),
            Field("货值金额", "货值金额（元）", MONEY),
            Field("拟处罚.罚款", "对当事人罚款（元）", MONEY, hint="如 40000 或 4万"),
            Field("拟处罚.个人罚款", "个人罚款", LINES,
                  hint=f"每行一人：姓名，身份（{'、'.join(PERSON_ROLES)}），罚款（元）"),
            Field("拟处罚.其他处罚", "其他处罚", LINES, hint="每行一项，如：责令限期改正"),
            Field("拟处罚.不予处罚", "拟不予行政处罚", BOOL),
        ), minimum=1),
        Field("拟决定日期", "拟决定日期", DATE),
    )),
    Section("程序", (
        Field("程序.告知日期", "行政处罚事先告知日期", DATE),
        Field("程序.告知罚款", "告知书中拟罚款合计（元）", MONEY),
        Field("程序.陈述申辩", "当事人陈述申辩", AREA,
              hint="当事人的陈述、申辩内容；未提出的写“未提出陈述、申辩”，明确放弃的写“放弃陈述、申辩”"),
        Field("程序.陈述申辩处理", "陈述申辩处理", CHOICE, choices=HANDLINGS),
        Field("程序.处理理由", "采纳或者不予采纳的理由", AREA),
        Field("程序.告知听证", "已告知听证权利", BOOL),
        Field("程序.要求听证", "当事人要求听证", BOOL),
        Field("程序.要求听证日期", "要求听证日期", DATE),
        Field("程序.听证通知日期", "听证通知日期", DATE),
        Field("程序.举行听证", "已举行听证", BOOL),
        Field("程序.听证日期", "听证日期", DATE),
        Field("程序.集体讨论", "已经负责人集体讨论", BOOL),
        Field("程序.集体讨论日期", "集体讨论日期", DATE),
        Field("程序.移送司法机关", "已移送司法机关", BOOL),
        Field("程序.移送日期", "移送日期", DATE),
        Field("程序.延长审核", "法制审核期限经批准延长", BOOL),
        Field("延期.批准日期", "延长办案期限：批准日期", DATE),
        Field("延期.延长至", "延长至", DATE),
        Field("延期.延长日数", "延长日数"),
        Field("延期.批准人", "批准人"),
        Field("延期.理由", "延期理由"),
    )),
    Section("情节与案件情形", (
        Field("情节", "全案的法定情节", CHECKS, choices=CIRCUMSTANCE_NAMES,
              hint="行政处罚法第三十条至第三十三条；只涉及某一违法行为的，勾在该违法行为中"),
        Field("从重情节", "裁量基准规定的从重情节", LINES, hint="每行一项"),
        Field("案件情形", "案件情形", CHECKS, choices=CIRCUMSTANCES),
        Field("听证标准", "听证较大数额标准", hint="如：示例省；不填用默认标准"),
    )),
)

def _review_sections(aspects, checks, number: str, conclusions, reviewer: str, day: str) -> tuple:
    """The reviewer's part of an opinion-like form: opinions per aspect, judgements on the
    machine's checks, and the conclusion with its number, reviewer and date."""
    return (
        Section("审核意见", tuple(Field(f"审查意见.{aspect}", aspect, AREA) for aspect in aspects)),
        Section("人工判断（对机器核对结果）", tuple(
            Field(f"人工判断.{check}", check, AREA, hint="写明理由后，该核对项记为“通过”并保留机器结果")
            for check in checks)),
        Section("结论", (
            Field("文号", number, required=True, hint="如：示例应急法审〔2026〕8号"),
            Field("结论", "结论", CHOICE, choices=conclusions, hint="不选则采用机器建议结论"),
            Field("理由", "理由", LINES, hint="每行一条；不写则采用机器列出的理由"),
            Field(reviewer, reviewer, required=True),
            Field(day, day, DATE, required=True),
        )),
    )


OPINION_REVIEW = _review_sections(ASPECTS, OPINION_CHECKS, "审核意见书文号", OPINION_CONCLUSIONS, "审核人", "审核日期")

LEGALITY_SUBMIT = (
    Section("决策事项", (
        Field("机关", "审查机关", required=True, hint="如：示例市应急管理局"),
        Field("决策事项", "决策事项", required=True),
        Field("起草单位", "起草单位", required=True),
        Field("送审日期", "送审日期", DATE, required=True),
        Field("决策内容", "决策草案的主要内容", AREA, required=True),
    )),
    Section("法定权限", (
        Field("法定权限依据", "法定权限依据", LINES, required=True, hint="每行一条条文引用"),
        Field("法定权限说明", "法定权限说明", AREA),
    )),
    Section("决策程序", tuple(
        field_ for step in STEPS for field_ in (
            Field(f"程序.{step}.日期", f"{step}：日期", DATE),
            Field(f"程序.{step}.情况", f"{step}：情况"),
            Field(f"程序.{step}.不适用理由", f"{step}：不适用理由"),
        ))),
)

LEGALITY_REVIEW = _review_sections(LEGALITY_ASPECTS, LEGALITY_CHECKS, "审查意见书文号", LEGALITY_CONCLUSIONS,
                                   "审查人", "审查日期")

COMMENTARY_SUBMIT = (
    Section("案例评析", (
        Field("标题", "标题", required=True),
        Field("案例", "案例库中的案例编号", hint="如：SL-2024-08"),
        Field("基本案情", "基本案情", AREA, required=True),
        Field("争议焦点", "争议焦点", LINES, required=True, hint="每行一个"),
        Field("评析", "评析", AREA, required=True, hint="可用 Markdown：### 标题、- 列表、**加粗**"),
        Field("启示", "启示", AREA, required=True),
        Field("引用", "引用条文", LINES, hint="每行一条条文引用"),
    )),
)

COMMENTARY_REVIEW = (
    Section("审定", (
        Field("人工判断.法律依据", "人工判断：法律依据", AREA),
        Field("作者", "作者"),
        Field("日期", "日期", DATE),
    )),
)

FORMS = {OPINION: (OPINION_SUBMIT, OPINION_REVIEW), LEGALITY: (LEGALITY_SUBMIT, LEGALITY_REVIEW),
         COMMENTARY: (COMMENTARY_SUBMIT, COMMENTARY_REVIEW)}
REVIEW_KEYS = {OPINION: ("审查意见", "人工判断", "文号", "结论", "理由", "审核人", "审核日期"),
               LEGALITY: ("审查意见", "人工判断", "文号", "结论", "理由", "审查人", "审查日期"),
               COMMENTARY: ("人工判断", "作者", "日期")}
REVIEWER = {OPINION: ("审核人", "审核日期"), LEGALITY: ("审查人", "审查日期"), COMMENTARY: ("作者", "日期")}
NUMBERED = (OPINION, LEGALITY)       # kinds whose document has a 文号 (the ledger's key)


def fields_of(sections) -> list:
    """Every Field and Group of some sections, in order."""
    return [item for section in sections for item in section.items]
