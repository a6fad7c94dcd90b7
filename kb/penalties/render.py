"""A provision for people (text lines) and for programs (plain dicts, JSON-ready)."""

import re
from dataclasses import asdict
from decimal import Decimal

from kb.dates import date_text
from kb.penalties import models as m
from kb.penalties.amounts import describe
from kb.penalties.lookup import Lookup

BASIC = "基本情形"


def lines(found: Lookup) -> list[str]:
    """The structured penalty as text: the citation and version, then per situation who may be
    punished with what; doubts last, as 需人工核实."""
    provision = found.provision
    version = f"（{date_text(found.version)}版）" if found.version else ""
    out = [f"{provision.citation}{version}　{provision.state}"]
    for situation in provision.situations:
        out.append(f"【{situation.condition or BASIC}】")
        for party in dict.fromkeys(s.party for s in situation.sanctions):
            parts = [sanction_text(s) for s in situation.sanctions if s.party == party]
            out.append(f"  {party}：{'；'.join(parts)}")
    if provision.criminal:
        out.append("构成犯罪的，依法追究刑事责任（应当移送司法机关）。")
    if provision.elsewhere:
        out.append(f"部分情形依照{provision.elsewhere}的规定处罚。")
    out += [f"需人工核实：{doubt}" for doubt in provision.doubts]
    return out


def as_dict(found: Lookup) -> dict:
    """The provision as a JSON-ready dict (amounts as strings)."""
    data = asdict(found.provision)
    data.update(state=found.provision.state, law=found.law_title,
                version=found.version.isoformat() if found.version else None)
    return _plain(data)


def sanction_text(sanction: m.Sanction) -> str:
    """One sanction in a few words: a fine with its range; an order (责令…) in the statute's own
    words (责令停止使用有关特种设备或者停产停业整顿, not only its kind); any other by its kind."""
    if sanction.fine:
        text = f"罚款 {describe(sanction.fine)}"
    else:
        order = re.match(r"(?:并|或者|可以)*(责令[^，,；;。]*)", sanction.text)
        text = order.group(1) if order else sanction.kind
    if sanction.alternative:
        text += "（可以单处）"
    elif sanction.optional:
        text += "（可以）"
    return text


def _plain(value):
    if isinstance(value, Decimal):
        return str(int(value)) if value == value.to_integral_value() else str(value.normalize())
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
