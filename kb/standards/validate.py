"""Checks that a standard is consistent in itself: tiers stay inside their statutory ranges."""

from kb.errors import KnowledgeError
from kb.standards.models import Band, FineRule, Standard, StandardItem, Tier
from kb.standards.penalty_text import fine_text


def check_standard(standard: Standard) -> None:
    """Raise KnowledgeError for duplicate item codes or any inconsistent item."""
    seen = set()
    for item in standard.items:
        if item.code in seen:
            raise KnowledgeError(f"事项编号“{item.code}”重复")
        seen.add(item.code)
        check_item(item)


def check_item(item: StandardItem) -> None:
    """Raise KnowledgeError naming the item and tier when a tier is not inside its statutory range."""
    where = f"事项 {item.code}"
    for field_name, value in (("违法行为", item.title), ("法律规定", item.provisions),
                              ("处罚依据", item.basis), ("法定幅度", item.bands), ("裁量阶次", item.tiers)):
        if not value:
            raise KnowledgeError(f"{where}：缺少“{field_name}”")
    for rule in (r for band in item.bands for r in band.fines):
        _check_rule(rule, f"{where} 法定幅度")
    names = [t.name for t in item.tiers]
    if len(set(names)) != len(names):
        raise KnowledgeError(f"{where}：裁量阶次名称重复：{'、'.join(names)}")
    for tier in item.tiers:
        band = item.band(tier.band)
        if band is None:
            raise KnowledgeError(f"{where} 裁量阶次“{tier.name}”：法定情形“{tier.band}”不在法定幅度中"
                                 f"（有：{'、'.join(b.name for b in item.bands)}）")
        _check_tier(tier, band, f"{where} 裁量阶次“{tier.name}”")


def _check_tier(tier: Tier, band: Band, where: str) -> None:
    for rule in tier.fines:
        _check_rule(rule, where)
        statutory = next((r for r in band.fines if r.same_slot(rule)), None)
        if statutory is None:
            raise KnowledgeError(f"{where}：“{fine_text(rule)}”在法定情形“{band.name}”中没有对应的法定罚款")
        low, high = rule.bounds
        statutory_low, statutory_high = statutory.bounds
        if low < statutory_low or high > statutory_high:
            raise KnowledgeError(f"{where}：“{fine_text(rule)}”超出法定幅度“{fine_text(statutory)}”")


def _check_rule(rule: FineRule, where: str) -> None:
    low, high = rule.bounds
    if high is None or low > high:
        raise KnowledgeError(f"{where}：罚款幅度下限高于上限：“{fine_text(rule)}”")
