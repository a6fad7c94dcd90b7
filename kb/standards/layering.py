"""A supplement (e.g. a provincial standard) layered on its base (e.g. the national one).

Works on the raw dictionaries (the YAML shape): an item of the supplement with the code of a base
item overrides the fields it gives and inherits the others; its tiers and statutory ranges override
the fields of the base ones of the same name and add new ones after them. Base items the supplement does not
mention are taken over unchanged.
"""

from kb.standards import fields as f


def merge_items(base: list[dict], supplement: list[dict]) -> tuple[list[dict], set[str]]:
    """Return (merged items in base order then new ones, codes taken unchanged from the base)."""
    own = {item.get(f.CODE): item for item in supplement}
    merged = [merge_item(item, own[item[f.CODE]]) if item[f.CODE] in own else item for item in base]
    base_codes = {item[f.CODE] for item in base}
    merged += [item for item in supplement if item.get(f.CODE) not in base_codes]
    return merged, base_codes - set(own)


def merge_item(base: dict, override: dict) -> dict:
    """Return the base item with the override's fields; tiers and ranges merged by name."""
    merged = base | {key: value for key, value in override.items() if key not in (f.TIERS, f.BANDS)}
    for key, name in ((f.TIERS, f.TIER_NAME), (f.BANDS, f.BAND_NAME)):
        if key in override:
            merged[key] = _merge_named(base.get(key, []), override[key], name)
    return merged


def _merge_named(base: list[dict], override: list[dict], name: str) -> list[dict]:
    replacing = {entry.get(name): entry for entry in override}
    merged = [entry | replacing.get(entry[name], {}) for entry in base]
    known = {entry[name] for entry in base}
    return merged + [entry for entry in override if entry.get(name) not in known]
