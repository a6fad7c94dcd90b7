"""The Chinese field names of the case format (YAML keys, Markdown/.docx headings). See FORMAT.md."""

CODE = "编号"
TITLE = "案件名称"
NUMBER = "案号"
DATE = "日期"
AUTHORITY = "执法机关"
REGION = "地区"
PARTY = "当事人"
PARTY_TYPE = "当事人类型"
FACTS = "违法事实"
EVIDENCE = "证据"
VIOLATED = "违反条款"
BASIS = "处罚依据"
ITEM = "裁量基准事项"
TIER = "裁量阶次"
FACTORS = "裁量情节"
DECISION = "处罚决定"
FINES = "罚款"
MEASURES = "处罚措施"
HEARING = "听证"
REVIEW = "法核意见要点"
COMMENTARY = "评析"
TAGS = "标签"
RELATED = "关联案例"
SOURCE = "来源"
SAMPLE = "示例"

# The order fields are written in, and how each is read from a Markdown/.docx section.
ORDER = (CODE, TITLE, NUMBER, DATE, AUTHORITY, REGION, PARTY, PARTY_TYPE, FACTS, EVIDENCE, VIOLATED,
         BASIS, ITEM, TIER, FACTORS, DECISION, FINES, MEASURES, HEARING, REVIEW, COMMENTARY, TAGS,
         RELATED, SOURCE, SAMPLE)
LISTS = (EVIDENCE, VIOLATED, BASIS, FACTORS, FINES, MEASURES, REVIEW, TAGS, RELATED)
TEXTS = (FACTS, DECISION, COMMENTARY, HEARING)
REQUIRED = (CODE, TITLE, DATE, PARTY_TYPE, FACTS, VIOLATED, BASIS)
