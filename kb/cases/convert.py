"""The dict form of a case (YAML, and what Markdown/.docx sections are read into) <-> Case."""

import re

from kb.cases import fields as f
from kb.cases.models import PARTY_TYPES, Case, Fine
from kb.errors import KnowledgeError
from kb.refs import parse_refs
from kb.standards.models import PARTIES
from kb.standards.money import parse_money, to_yuan
from kb.standards.yamlfile import check_fields, text_list, to_date

FINE_RE = re.compile(r"^(?P<party>[^（(：:]+)(?:[（(](?P<name>[^）)]+)[）)])?\s*[：:]\s*(?P<amount>.+)$")


def case_from_dict(data: dict) -> Case:
    """Build a Case from its dict form; raise KnowledgeError naming the case and the field."""
    if not isinstance(data, dict):
        raise KnowledgeError(f"案例应为“字段: 值”的映射，而不是：{data!r:.80}")
    code = str(data.get(f.CODE) or "").strip()
    where = f"案例 {code or '（缺少编号）'}" + (f"（{data[f.TITLE]}）" if data.get(f.TITLE) else "")
    check_fields(data, f.ORDER, where)
    missing = [name for name in f.REQUIRED if not data.get(name)]
    if missing:
        raise KnowledgeError(f"{where}：缺少“{'、'.join(missing)}”")
    party_type = str(data[f.PARTY_TYPE]).strip()
    if party_type not in PARTY_TYPES:
        raise KnowledgeError(f"{where}：“{f.PARTY_TYPE}”应为 {'、'.join(PARTY_TYPES)}，而不是“{party_type}”")
    try:
        decided = to_date(data[f.DATE], f.DATE)
    except KnowledgeError as error:
        raise KnowledgeError(f"{where}：{error}") from None

    def text(name: str) -> str:
        return str(data.get(name) or "").strip()

    return Case(
        code=code, title=text(f.TITLE), decided=decided, party_type=party_type, facts=text(f.FACTS),
        violated=parse_refs(data.get(f.VIOLATED), where, f.VIOLATED),
        basis=parse_refs(data.get(f.BASIS), where, f.BASIS),
        number=text(f.NUMBER), authority=text(f.AUTHORITY), region=text(f.REGION), party=text(f.PARTY),
        evidence=text_list(data.get(f.EVIDENCE)), item_code=text(f.ITEM), tier=text(f.TIER),
        factors=text_list(data.get(f.FACTORS)), decision=text(f.DECISION),
        fines=[_fine(entry, where) for entry in _list(data.get(f.FINES))],
        measures=text_list(data.get(f.MEASURES)), hearing=text(f.HEARING),
        review=text_list(data.get(f.REVIEW)), commentary=text(f.COMMENTARY), tags=text_list(data.get(f.TAGS)),
        related=text_list(data.get(f.RELATED)), source=text(f.SOURCE), sample=_bool(data.get(f.SAMPLE)))


def case_to_dict(case: Case) -> dict:
    """The dict form of a case, fields in the documented order, empty ones left out."""
    data = {
        f.CODE: case.code, f.TITLE: case.title, f.NUMBER: case.number, f.DATE: case.decided,
        f.AUTHORITY: case.authority, f.REGION: case.region, f.PARTY: case.party, f.PARTY_TYPE: case.party_type,
        f.FACTS: case.facts, f.EVIDENCE: case.evidence, f.VIOLATED: [r.text for r in case.violated],
        f.BASIS: [r.text for r in case.basis], f.ITEM: case.item_code, f.TIER: case.tier,
        f.FACTORS: case.factors, f.DECISION: case.decision,
        f.FINES: [{"对象": x.party, **({"姓名": x.name} if x.name else {}), "金额": x.amount} for x in case.fines],
        f.MEASURES: case.measures, f.HEARING: case.hearing, f.REVIEW: case.review,
        f.COMMENTARY: case.commentary, f.TAGS: case.tags, f.RELATED: case.related, f.SOURCE: case.source,
        f.SAMPLE: case.sample}
    return {key: value for key, value in data.items() if value not in ("", [], False)}


def _fine(entry, where: str) -> Fine:
    """A fine from {对象, 姓名, 金额} or from '直接责任人员（李某）：20000元'."""
    if isinstance(entry, dict):
        check_fields(entry, ("对象", "姓名", "金额"), f"{where} {f.FINES}")
        party, name, amount = entry.get("对象"), entry.get("姓名") or "", entry.get("金额")
    else:
        match = FINE_RE.match(str(entry).strip())
        if not match:
            raise KnowledgeError(f"{where}：{f.FINES}“{entry}”应写成“对象（姓名）：金额”，如“单位：30000元”")
        party, name, amount = match.group("party"), match.group("name") or "", match.group("amount")
    party = str(party or "").strip()
    if party not in PARTIES:
        raise KnowledgeError(f"{where}：{f.FINES}的对象“{party}”应为 {'、'.join(PARTIES)} 之一")
    try:
        value = to_yuan(amount, f"{f.FINES}金额") if isinstance(amount, int) else parse_money(str(amount))
    except ValueError as error:
        raise KnowledgeError(f"{where}：{f.FINES}金额“{amount}”无法识别：{error}") from None
    return Fine(party=party, amount=value, name=str(name).strip())


def _list(value) -> list:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return text_list(value)
    return list(value) if isinstance(value, list) else [value]


def _bool(value) -> bool:
    return value is True or str(value).strip().lower() in ("true", "是", "yes", "1")
