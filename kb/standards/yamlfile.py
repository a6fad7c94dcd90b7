"""The YAML form of a standard (see FORMAT.md): reading, writing, and the dict <-> dataclass mapping
shared with the XLSX importer."""

from datetime import date, datetime
from pathlib import Path

import yaml

from kb.errors import KnowledgeError
from kb.refs import parse_refs
from kb.standards import fields as f
from kb.standards import penalty_text
from kb.standards.models import LEVELS, Band, Standard, StandardItem, Tier
from kb.standards.money import to_yuan
from kb.yamlfile import read_yaml_data

STANDARD_FIELDS = (f.KEY, f.TITLE, f.ISSUED, f.EFFECTIVE, f.ISSUER, f.LEVEL, f.BASE, f.SAMPLE, f.NOTE,
                   f.HEARING, f.ITEMS)
ITEM_FIELDS = (f.CODE, f.VIOLATION, f.PROVISIONS, f.BASIS, f.NOTE, f.BANDS, f.TIERS)
BAND_FIELDS = (f.BAND_NAME, f.PENALTY)
TIER_FIELDS = (f.TIER_NAME, f.TIER_BAND, f.CONDITIONS, f.PENALTY, f.NOTE)


def read_yaml(path: Path) -> dict:
    """Read a YAML file into a dict; raise KnowledgeError naming the file and the line on errors."""
    data = read_yaml_data(path)
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path}：顶层应为“字段: 值”的映射")
    return data


def standard_from_dict(data: dict, inherited: set[str] = frozenset()) -> Standard:
    """Build a Standard from its dict form; raise KnowledgeError naming the field or item."""
    check_fields(data, STANDARD_FIELDS, "裁量基准")
    for name in (f.KEY, f.TITLE, f.ISSUED):
        if not data.get(name):
            raise KnowledgeError(f"裁量基准缺少“{name}”")
    level = str(data.get(f.LEVEL) or "省级")
    if level not in LEVELS:
        raise KnowledgeError(f"“{f.LEVEL}”应为 {'、'.join(LEVELS)} 之一，而不是“{level}”")
    items = data.get(f.ITEMS)
    if not isinstance(items, list) or not items:
        raise KnowledgeError(f"裁量基准“{data[f.TITLE]}”没有“{f.ITEMS}”列表")
    try:
        hearing = {str(k): to_yuan(v, f"{f.HEARING}（{k}）") for k, v in (data.get(f.HEARING) or {}).items()}
    except (ValueError, AttributeError) as error:
        raise KnowledgeError(f"“{f.HEARING}”应写成“单位: 金额”“个人: 金额”：{error}") from None
    return Standard(
        key=str(data[f.KEY]).strip(), title=str(data[f.TITLE]).strip(),
        issued=to_date(data[f.ISSUED], f.ISSUED), effective=to_date(data.get(f.EFFECTIVE), f.EFFECTIVE),
        issuer=str(data.get(f.ISSUER) or ""), level=level, base=str(data.get(f.BASE) or ""),
        sample=bool(data.get(f.SAMPLE)), note=str(data.get(f.NOTE) or "").strip(),
        hearing_amounts=hearing, items=[item_from_dict(item) for item in items], inherited=set(inherited))


def item_from_dict(data: dict) -> StandardItem:
    """Build one item; the error names its code."""
    if not isinstance(data, dict) or not data.get(f.CODE):
        raise KnowledgeError(f"“{f.ITEMS}”中有一项缺少“{f.CODE}”：{data!r:.80}")
    code = str(data[f.CODE]).strip()
    where = f"事项 {code}"
    check_fields(data, ITEM_FIELDS, where)
    bands = [_band(entry, where) for entry in _entries(data.get(f.BANDS), f.BANDS, where)]
    tiers = [_tier(entry, where) for entry in _entries(data.get(f.TIERS), f.TIERS, where)]
    return StandardItem(code=code, title=str(data.get(f.VIOLATION) or "").strip(),
                        provisions=parse_refs(data.get(f.PROVISIONS), where, f.PROVISIONS),
                        basis=parse_refs(data.get(f.BASIS), where, f.BASIS),
                        bands=bands, tiers=tiers, note=str(data.get(f.NOTE) or "").strip())


def standard_to_dict(standard: Standard) -> dict:
    """The dict (YAML) form of a standard, every item written out in full."""
    data = {f.KEY: standard.key, f.TITLE: standard.title, f.ISSUED: standard.issued,
            f.EFFECTIVE: standard.effective, f.ISSUER: standard.issuer, f.LEVEL: standard.level,
            f.BASE: standard.base, f.SAMPLE: standard.sample, f.NOTE: standard.note,
            f.HEARING: dict(standard.hearing_amounts),
            f.ITEMS: [item_to_dict(item) for item in standard.items]}
    return {key: value for key, value in data.items() if value not in ("", None, {})}


def item_to_dict(item: StandardItem) -> dict:
    """The dict form of one item."""
    data = {f.CODE: item.code, f.VIOLATION: item.title,
            f.PROVISIONS: [r.text for r in item.provisions], f.BASIS: [r.text for r in item.basis],
            f.NOTE: item.note,
            f.BANDS: [{f.BAND_NAME: b.name, f.PENALTY: penalty_text.render(b.fines, b.measures)}
                      for b in item.bands],
            f.TIERS: [_tier_to_dict(t) for t in item.tiers]}
    return {key: value for key, value in data.items() if value != ""}


def dump_yaml(standard: Standard) -> str:
    """Write a standard as YAML text."""
    return yaml.safe_dump(standard_to_dict(standard), allow_unicode=True, sort_keys=False, width=100)


def to_date(value, name: str) -> date | None:
    """Return a date from a YAML date, an XLSX datetime or 'YYYY-MM-DD'; None for empty."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise KnowledgeError(f"“{name}”应为 YYYY-MM-DD 格式的日期，而不是“{value}”") from None


def check_fields(data: dict, allowed: tuple[str, ...], where: str) -> None:
    """Raise KnowledgeError for a key that is not a field of the format (usually a typo)."""
    unknown = [str(k) for k in data if k not in allowed]
    if unknown:
        raise KnowledgeError(f"{where}：未知字段“{'、'.join(unknown)}”，可用字段：{'、'.join(allowed)}")


def text_list(value) -> list[str]:
    """A list of non-empty strings from a list or a multi-line string."""
    if isinstance(value, str):
        value = value.splitlines()
    return [str(v).strip() for v in value or [] if str(v).strip()]


def _entries(value, name: str, where: str) -> list[dict]:
    if not isinstance(value or [], list) or not all(isinstance(v, dict) for v in value or []):
        raise KnowledgeError(f"{where}：“{name}”应为列表，每项是“字段: 值”的映射")
    return value or []


def _penalty(text, where: str):
    try:
        return penalty_text.parse(text)
    except ValueError as error:
        raise KnowledgeError(f"{where}：{f.PENALTY}中{error}") from None


def _band(data: dict, where: str) -> Band:
    name = str(data.get(f.BAND_NAME) or "").strip()
    where = f"{where} 法定幅度“{name}”"
    check_fields(data, BAND_FIELDS, where)
    if not name:
        raise KnowledgeError(f"{where}：缺少“{f.BAND_NAME}”")
    fines, measures = _penalty(data.get(f.PENALTY), where)
    return Band(name=name, fines=fines, measures=measures)


def _tier(data: dict, where: str) -> Tier:
    name = str(data.get(f.TIER_NAME) or "").strip()
    where = f"{where} 裁量阶次“{name}”"
    check_fields(data, TIER_FIELDS, where)
    if not name or not data.get(f.TIER_BAND):
        raise KnowledgeError(f"{where}：缺少“{f.TIER_NAME}”或“{f.TIER_BAND}”")
    fines, measures = _penalty(data.get(f.PENALTY), where)
    return Tier(name=name, band=str(data[f.TIER_BAND]).strip(), conditions=text_list(data.get(f.CONDITIONS)),
                fines=fines, measures=measures, note=str(data.get(f.NOTE) or "").strip())


def _tier_to_dict(tier: Tier) -> dict:
    data = {f.TIER_NAME: tier.name, f.TIER_BAND: tier.band, f.CONDITIONS: tier.conditions,
            f.PENALTY: penalty_text.render(tier.fines, tier.measures), f.NOTE: tier.note}
    return {key: value for key, value in data.items() if value != ""}
