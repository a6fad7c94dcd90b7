"""Read the penalty of an article's text into a Provision.

A paragraph is cut into segments at ； and clauses at ，. A condition holds to the end of its
segment; a segment without one is the basic situation. The clauses before the first sanction of
a segment state its condition: the act itself (the basic situation), a statutory situation
(逾期未改正, 情节严重, 导致发生生产安全事故, 发生较大事故 …) that opens a new Situation, or an
illegal-gains condition that narrows the fines after it. 构成犯罪 and 赔偿 segments are not
administrative penalties. Every clause that mentions 罚款 but whose amount cannot be read, and every
sanction whose party is unclear, is recorded as a doubt: the provision is then 需人工核实.
"""

import re

from kb.penalties import models as m
from kb.penalties.amounts import gains_condition, parse_amount, with_condition
from kb.penalties.parties import kind_of, party_of, subject_of

SITUATION_RE = re.compile(r"逾期[未不]|拒不|情节|导致|造成|发生[^，；]{0,8}事故|再次|屡次|经[^，；]{0,12}仍")
ACCIDENT_RE = re.compile(r"特别重大事故|重大事故|较大事故|一般事故")
CRIMINAL_RE = re.compile(r"^(?:构成犯罪|涉嫌犯罪)")
CIVIL_RE = re.compile(r"赔偿|连带")
ELSEWHERE_RE = re.compile(r"依照(?P<rule>[^，；。]*?)(?:的|有关)?规定(?:予以)?(?:处罚|处理|给予处罚|追究法律责任)")
BODY = r"[^，；]*?(?:部门|机关|政府|机构|委员会)"
AUTHORITY_RE = re.compile(rf"^(?:并)?(?:分别)?由{BODY}(?:(?:、|和|或者|以及){BODY})*(?:按照各自职权|按照职责分工|依照职责|依法)?")
BY_ITEMS_RE = re.compile(r"依照下列规定")
PARTY_RE = re.compile(r"^(?:并)?对(?P<party>[^，；]+?)(?=(?:可以)?(?:单处或者并处|并处|处以?|给予|依法给予|没收|吊销|暂扣|予以|责令))")
FINE_RE = re.compile(r"(?P<opt>可以)?(?P<alt>单处或者并|单处或并)?(?:并)?处(?:以)?(?P<amount>[^，；处]*?)(?:的)?罚款")
# 按照前款罚款数额的二倍以上五倍以下对负有责任的生产经营单位处以罚款
SCALED_FINE_RE = re.compile(r"(?P<opt>可以)?按照(?P<amount>[^，；]+?)对(?P<party>[^，；]+?)处以?罚款")
ITEM_MARK_RE = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
NOT_CONDITIONS = ("尚不构成犯罪", "构成犯罪")
PARTY_ONLY_RE = re.compile(r"^(?:并)?对(?P<party>[^，；]+?)(?:除.*)?$")
ALTERNATIVE_RE = re.compile(r"^(?:警告|[零一二两三四五六七八九十\d]+日(?:以上[零一二两三四五六七八九十\d]+日)?以下拘留)或者")
ORDERS_UNIT = re.compile(r"责令(?:生产经营单位|其所在单位|该单位)")      # 责令生产经营单位停产停业整顿
SKIPPED = ("自", "所需费用")                # 自…之日起 (the start of a term), costs of enforcement


def read_text(text: str, citation: str = "", subject: str = "") -> m.Provision:
    """Read one text (a 款, or a 项 with its lead sentence) into a Provision; `subject` is the party
    sanctions without 对 … fall on (default: the subject of the text's first clause)."""
    provision = m.Provision(citation=citation, text=text, subject=subject or subject_of(text))
    read_paragraph(provision, text)
    return provision


def read_paragraph(provision: m.Provision, text: str, opening: bool = True) -> None:
    """Add the sanctions of one paragraph (款) or item (项) to `provision`. In an `opening` text the
    first clause describes the act; in an item it states the item's situation (发生一般事故的)."""
    text = ITEM_MARK_RE.sub("", text.strip()).rstrip("。:：；")
    for sentence_number, sentence in enumerate(text.split("。")):
        if sentence_number and _new_act(sentence):
            provision.doubts.append("本款规定了不止一种违法行为的处罚，需人工核实所适用的一种")
        for number, segment in enumerate(re.split(r"[；;]", sentence)):
            _segment(provision, segment.strip(), opening and number == 0 and sentence_number == 0,
                     item=not opening and number == 0 and sentence_number == 0)


def _new_act(sentence: str) -> bool:
    """True when a later sentence of a paragraph describes another act that it punishes
    (以上施工单位倒卖…的，责令停产停业整顿…)."""
    first = re.split(r"[，,；;]", sentence.strip(), maxsplit=1)[0]
    return first.endswith("的") and not SITUATION_RE.search(first) and bool(FINE_RE.search(sentence))


def _segment(provision: m.Provision, segment: str, first: bool, item: bool = False) -> None:
    """Read one segment; in the first segment of an item (`item`) the opening clause is the item's
    situation even without 的 (（一）发生一般事故，处十万元以上…罚款)."""
    clauses = [c.strip() for c in re.split(r"[，,]", segment) if c.strip()]
    if not clauses:
        return
    if CRIMINAL_RE.match(clauses[0]) or any(CRIMINAL_RE.match(c) and c.endswith("的") for c in clauses[:2]):
        provision.criminal = True
        return
    if CIVIL_RE.search(segment) and not any("罚款" in c for c in clauses):
        return
    gains: dict = {}
    party = None
    current = _situation(provision, "")        # a situation (逾期未改正的 …) lasts to the end of its segment
    for index, clause in enumerate(clauses):
        if item and index == 0 and not clause.endswith("的") and not _is_sanction(clause) and len(clauses) > 1:
            current = _situation(provision, clause)
            continue
        if clause.endswith("的") and not _is_sanction(clause):
            condition = gains_condition(clause)
            if condition is not None:
                gains = condition
            elif not clause.startswith(NOT_CONDITIONS) and (
                    not first or index > 0 and SITUATION_RE.search(clause) or "前款" in clause and "有前款" not in clause):
                current = _situation(provision, _condition_text(clause))
            continue
        party = _clause(provision, current, clause, gains, party)


def _clause(provision, current: m.Situation, clause: str, gains: dict, party: str | None) -> str | None:
    """Read one sanction clause into `current`; return the party it named (for the next clause)."""
    alone = PARTY_ONLY_RE.match(clause)
    if alone and not FINE_RE.search(clause) and not kind_of(clause):
        named = (party_of(alone.group("party")) or [party or m.OFFENDER])[0]
        provision.subject = provision.subject or named
        return named
    if CRIMINAL_RE.match(clause) or CIVIL_RE.search(clause) and "罚款" not in clause:
        return party
    found = ELSEWHERE_RE.search(clause)
    if found and "罚款" not in clause:
        provision.elsewhere = found.group("rule") or "其他规定"
        return party
    clause = AUTHORITY_RE.sub("", clause)
    if BY_ITEMS_RE.search(clause) and re.search(r"处以?罚款$", clause) or clause.startswith(SKIPPED):
        return party
    scaled = SCALED_FINE_RE.search(clause)
    if scaled:
        return _scaled(provision, current, clause, scaled)
    named = PARTY_RE.match(clause)
    roles = [party or provision.subject or m.OFFENDER]
    if named and not named.group("party").endswith("的"):
        roles = party_of(named.group("party")) or roles
    body = clause[named.end():] if named else clause
    fine = FINE_RE.search(body)
    if fine:
        words = fine.group("amount")
        alternative = ALTERNATIVE_RE.match(words)
        if alternative:
            words = words[alternative.end():]
            kind = m.WARNING if alternative.group(0).startswith("警告") else m.DETENTION
            for role in roles:
                _add(provision, current, m.Sanction(role, kind, None, clause, alternative=True))
        amount = parse_amount(words)
        if amount is None:
            provision.doubts.append(f"罚款数额“{words}”无法确定")
        else:
            amount = with_condition(amount, gains) if gains else amount
        for role in roles:
            _add(provision, current, m.Sanction(role, m.FINE, amount, clause, optional=bool(fine.group("opt")),
                                                alternative=bool(fine.group("alt"))))
        body = body[:fine.start()] + body[fine.end():]
    elif re.search(r"处[^，；]*罚款", body):
        provision.doubts.append(f"“{clause}”中的罚款数额无法确定")
    for part in re.split(r"或者|、|并", body):
        kind = kind_of(part)
        if kind:
            for role in ([m.UNIT] if ORDERS_UNIT.search(part) else roles):
                _add(provision, current, m.Sanction(role, kind, None, clause, optional="可以" in body))
    return roles[0] if named else party


def _scaled(provision, current: m.Situation, clause: str, found: re.Match) -> str | None:
    """按照前款罚款数额的二倍以上五倍以下对…处以罚款: a multiple of another fine."""
    amount = parse_amount(found.group("amount"))
    if amount is None:
        provision.doubts.append(f"罚款数额“{found.group('amount')}”无法确定")
    roles = party_of(found.group("party")) or [provision.subject or m.OFFENDER]
    for role in roles:
        _add(provision, current, m.Sanction(role, m.FINE, amount, clause, optional=bool(found.group("opt"))))
    return roles[0]


def _add(provision: m.Provision, situation: m.Situation, sanction: m.Sanction) -> None:
    if sanction not in situation.sanctions:
        situation.sanctions.append(sanction)


def _situation(provision: m.Provision, condition: str) -> m.Situation:
    found = provision.situation(condition)
    if found is None:
        grade = ACCIDENT_RE.search(condition)
        found = m.Situation(condition, grade.group(0) if grade else "")
        provision.situations.append(found)
    return found


def _is_sanction(clause: str) -> bool:
    return bool(FINE_RE.search(clause)) or clause.startswith(("责令", "处", "并处", "没收", "吊销", "给予"))


def _condition_text(clause: str) -> str:
    clause = re.sub(r"^.*?有前款(?:规定的)?违法行为", "", clause).lstrip("，,")
    return clause.removesuffix("的").strip()
