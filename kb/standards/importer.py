"""Import a standard file (YAML or XLSX): layer it on its base, check it, resolve every cited
article against the statute store and save it — all of it, or nothing."""

from pathlib import Path

from kb.errors import KnowledgeError
from kb.refs import resolve_refs
from kb.standards import fields as f
from kb.standards.layering import merge_items
from kb.standards.models import Standard
from kb.standards.store import StandardStore
from kb.standards.validate import check_standard
from kb.standards.xlsx import read_xlsx
from kb.standards.yamlfile import item_to_dict, read_yaml, standard_from_dict, to_date
from kb.store import Store

SUFFIXES = (".yaml", ".yml", ".xlsx")


def read_standard_file(path: Path) -> dict:
    """Read a .yaml/.yml or .xlsx standard into its dict form."""
    suffix = Path(path).suffix.lower()
    if suffix in (".yaml", ".yml"):
        return read_yaml(path)
    if suffix == ".xlsx":
        return read_xlsx(path)
    raise KnowledgeError(f"{path}：不支持的文件类型“{suffix or '无扩展名'}”，裁量基准支持 {' '.join(SUFFIXES)}")


def import_standard(store: Store, path: Path) -> Standard:
    """Import one standard file; raise KnowledgeError naming the file and the item on any problem."""
    path = Path(path)
    try:
        return save_standard(store, read_standard_file(path), str(path))
    except KnowledgeError as error:
        message = str(error)
        raise KnowledgeError(message if message.startswith(str(path)) else f"{path}：{message}") from None


def save_standard(store: Store, data: dict, file: str = "") -> Standard:
    """Build a standard from its dict form on top of its base, check and resolve it, and save it."""
    standards = StandardStore(store)
    inherited: set[str] = set()
    if data.get(f.BASE):
        base = standards.get(str(data[f.BASE]), on=to_date(data.get(f.ISSUED), f.ISSUED))
        if base is None:
            raise KnowledgeError(f"基础基准“{data[f.BASE]}”尚未导入（或发布日期晚于本基准），请先导入基础基准")
        if not isinstance(data.get(f.ITEMS), list):
            raise KnowledgeError(f"裁量基准没有“{f.ITEMS}”列表")
        items, inherited = merge_items([item_to_dict(i) for i in base.items], data[f.ITEMS])
        data = data | {f.ITEMS: items}
    standard = standard_from_dict(data, inherited)
    standard.file = file
    check_standard(standard)
    resolved = {}
    for item in standard.items:
        if item.code not in inherited:
            roles = [role for role, _ in item.citations]
            refs = resolve_refs(store, [ref for _, ref in item.citations], f"事项 {item.code}", standard.issued)
            resolved[item.code] = list(zip(roles, refs))
    return standards.save(standard, resolved)
