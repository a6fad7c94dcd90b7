"""Who an article punishes and with what: party phrases (对其直接负责的主管人员和其他直接责任人员)
to roles, and sanction clauses (责令停产停业整顿, 吊销…许可证, 给予撤职处分) to kinds."""

import re

from kb.penalties import models as m

# Phrases naming a party after 对 (or as the subject of the article), longest first when matched.
PARTY_PHRASES = {
    "其直接负责的主管人员和其他直接责任人员": m.RESPONSIBLE,
    "直接负责的主管人员和其他直接责任人员": m.RESPONSIBLE,
    "直接负责的主管人员和直接责任人员": m.RESPONSIBLE,
    "有关责任人员": m.RESPONSIBLE,
    "直接责任人员": m.RESPONSIBLE,
    "生产经营单位的主要负责人": m.PRINCIPAL,
    "事故发生单位主要负责人": m.PRINCIPAL,
    "事故发生单位的主要负责人": m.PRINCIPAL,
    "单位主要负责人": m.PRINCIPAL,
    "主要负责人": m.PRINCIPAL,
    "生产经营单位": m.UNIT,
    "事故发生单位": m.UNIT,
    "单位": m.UNIT,
    "个人": m.INDIVIDUAL,
}
# Subjects at the start of an article that are units (机构, 企业 …).
UNIT_ENDINGS = ("单位", "机构", "企业", "公司", "场所", "经营者", "生产者", "销售者", "承运人", "托运人", "组织")
SUBJECT_RE = re.compile(
    r"^(?P<subject>[^，,；;：:]{0,40}?(?:人员|负责人|投资人|单位|机构|企业|公司|个人|场所|经营者|生产者|销售者|承运人|托运人))"
    r"(?=有|未|不|在|擅自|违反|将|对|与|要求|拒绝|出具|租借|以|伪造|转让|冒用|使用|生产|经营|销售|储存|运输|发生|隐瞒|谎报|迟报|漏报|及其|，|,)")

# Sanction words: (pattern, kind), tried in order; the first that matches a clause names its kind.
KIND_PATTERNS = (
    (r"警告", m.WARNING),
    (r"通报批评", m.CRITICISM),
    (r"没收违法所得", m.CONFISCATE_GAINS),
    (r"没收", m.CONFISCATE),
    (r"停产停业|停业整顿|停止生产|停止建设|停止施工|停止使用|停止制造|停止经营|停止作业|停产整顿|停止营业", m.SUSPEND_BUSINESS),
    (r"暂扣|暂停", m.SUSPEND_LICENCE),
    (r"吊销|(?:撤销|取消).{0,12}(?:许可|资质|资格|证)", m.REVOKE_LICENCE),
    (r"降低资质等级", m.LOWER_GRADE),
    (r"关闭|取缔", m.CLOSE),
    (r"不得担任|禁入|不得从事", m.RESTRICT),
    (r"拘留", m.DETENTION),
    (r"撤职", m.DISMISSAL),
    (r"处分", m.DISCIPLINE),
    (r"责令.{0,8}改正|责令.{0,6}消除|责令.{0,10}整改|限期改正|责令改正", m.CORRECT),
)


def party_of(phrase: str) -> list[str]:
    """The roles a party phrase names (对主要负责人、直接负责的主管人员和其他直接责任人员 -> two)."""
    phrase = phrase.strip().removeprefix("对").removeprefix("并对").removeprefix("其")
    roles = []
    for part in re.split(r"、|以及|和(?=主要负责人|个人)|或者", phrase):
        part = part.strip()
        if not part:
            continue
        role = PARTY_PHRASES.get(part) or PARTY_PHRASES.get("其" + part)
        roles.append(role or _tail_role(part))
    return list(dict.fromkeys(roles))


def subject_of(text: str) -> str:
    """The party an article punishes when a sanction names none: the subject of its first clause."""
    text = re.sub(r"^违反本(?:法|条例|规定|办法)(?:的)?规定[，,]", "", text.strip())
    found = SUBJECT_RE.match(text)
    if not found:
        return ""
    subject = found.group("subject")
    return PARTY_PHRASES.get(subject) or _tail_role(subject)


def kind_of(clause: str) -> str | None:
    """The kind of sanction a clause imposes, or None when it imposes none we know."""
    for pattern, kind in KIND_PATTERNS:
        if re.search(pattern, clause):
            return kind
    return None


def _tail_role(phrase: str) -> str:
    phrase = re.sub(r"^(?:生产经营单位|事故发生单位|本单位)的?(?=.)", "", phrase)
    for known, role in PARTY_PHRASES.items():
        if phrase.endswith(known) and role != m.UNIT:
            return role
    return m.UNIT if phrase.endswith(UNIT_ENDINGS) else phrase
