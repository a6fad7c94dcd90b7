"""Import case files (YAML, Markdown, .docx): every case is checked and every cited article and
standard item resolved before anything is written; then all are saved in one transaction."""

from pathlib import Path

from kb.cases.convert import case_from_dict
from kb.cases.markdown import read_markdown
from kb.cases.models import Case
from kb.cases.store import CaseStore
from kb.cases.wordfile import read_docx
from kb.cases.yamlfile import read_yaml_cases
from kb.errors import KnowledgeError
from kb.refs import resolve_refs
from kb.standards.store import StandardStore
from kb.store import Store

SUFFIXES = (".yaml", ".yml", ".md", ".docx")


def find_case_files(paths: list[Path]) -> list[Path]:
    """Expand folders into the case files inside them, sorted; files are taken as given."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
        elif not path.exists():
            raise KnowledgeError(f"文件不存在：{path}")
        else:
            found.append(path)
    return found


def read_case_file(path: Path) -> list[Case]:
    """Read the cases of one file; errors name the file."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        entries = read_yaml_cases(path)
    elif suffix == ".md":
        entries = [read_markdown(path)]
    elif suffix == ".docx":
        entries = [read_docx(path)]
    else:
        raise KnowledgeError(f"{path}：不支持的文件类型“{suffix or '无扩展名'}”，案例支持 {' '.join(SUFFIXES)}")
    cases = []
    for entry in entries:
        try:
            case = case_from_dict(entry)
        except KnowledgeError as error:
            raise KnowledgeError(f"{path}：{error}") from None
        case.file = str(path)
        cases.append(case)
    return cases


def import_cases(store: Store, paths: list[Path]) -> list[Case]:
    """Import all cases under `paths` — all of them or, on the first problem, none."""
    cases = [case for path in find_case_files(paths) for case in read_case_file(path)]
    if not cases:
        raise KnowledgeError(f"没有找到案例文件（支持 {' '.join(SUFFIXES)}）")
    codes = [case.code for case in cases]
    duplicates = sorted({code for code in codes if codes.count(code) > 1})
    if duplicates:
        raise KnowledgeError(f"案例编号重复：{'、'.join(duplicates)}")
    resolved = {case.code: _resolve(store, case) for case in cases}
    return CaseStore(store).save(cases, resolved)


def _resolve(store: Store, case: Case) -> list:
    owner = f"{case.file}：案例 {case.code}（{case.title}）"
    if case.item_code:
        found = StandardStore(store).find_item(case.item_code)
        if found is None:
            raise KnowledgeError(f"{owner}：裁量基准事项“{case.item_code}”不在已导入的裁量基准中")
        if case.tier and found[1].tier(case.tier) is None:
            raise KnowledgeError(f"{owner}：事项 {case.item_code} 没有裁量阶次“{case.tier}”")
    roles = [role for role, _ in case.citations]
    return list(zip(roles, resolve_refs(store, [ref for _, ref in case.citations], owner, case.decided)))
