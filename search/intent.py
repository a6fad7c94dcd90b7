"""What a question asks beyond its words: the kind of answer it wants (a time limit, a frequency,
conditions, duties, a list), the party it is about, whether it describes a violation, and the laws
whose subject its words name (routing).

The cue words are data (lexicon/question_cues.tsv, lexicon/subjects.tsv); the routing table is
made from the titles of the national laws in the store.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from kb.models import CURRENT
from search.segment import LEXICON, normalize

CUES_FILE = LEXICON / "question_cues.tsv"
SUBJECTS_FILE = LEXICON / "subjects.tsv"
PROCEDURE_FILE = LEXICON / "procedure_terms.txt"
# Words of a question about punishment (a procedure term removed first: procedure_terms.txt).
PENALTY_RE = re.compile(r"罚|处分|判刑|判几年|坐牢|拘留|吊销|刑事责任|法律责任")
LAY_SEPARATOR = "、"
# A fine as what is paid (交罚款, 罚款…分期交, 罚款…先不交): the execution of a penalty, not the punishment.
PAYING_RE = re.compile(r"(?:交|缴|付|退)[^，。？！,?!]{0,3}罚款|罚款[^，。？！,?!]{0,8}?(?:交|缴|付|退)")
# Words a question uses when it describes something done wrong (the act a penalty item names).
VIOLATION_RE = re.compile(r"没有|没按|未经|未按|未依法|未取得|未设置|未配备|未进行|未组织|未如实|未定期|未建立|"
                          r"不按|不具备|不服从|不立即|不如实|拒不|拒绝|擅自|造假|弄虚作假|伪造|冒用|转让|"
                          r"不组织|不采取|不报告|不配备|不设置|隐瞒|瞒报|谎报|逃跑|逃匿|跑了|跑路|超过|违反|违章|无证|非法|"
                          r"篡改|销毁|继续使用|继续进行生产|堵塞|锁闭|封堵|拿不出|"
                          # the deeds statutes forbid (不得…): 消防法第二十八条, 危险化学品安全管理条例, 特种设备安全法
                          r"占用|遮挡|埋压|圈占|挪用|拆除|丢弃|涂改|私拉|私接|损毁|"
                          r"(?:没|未)(?:去|有去)?(?:履行|落实|签|装|安装|提供|办理|制定|整改|消除|维护|检测|检验|登记|持证|培训|"
                          r"投保|记录|告知|执行|申请(?!行政复议|复议|听证|诉讼)|做|搞|弄|交|买|配|设|建|报|修|换|贴|挂|放|办|开展|进行|组织|安排|审批|"
                          r"经过|停)|迟报|漏报|才报")
# Title endings that name the kind of instrument, and endings that name a generic aim (dropped
# only when three characters or more of subject remain: 国家安全法 keeps 国家安全).
INSTRUMENTS = ("实施条例", "实施细则", "实施办法", "条例", "规定", "办法", "细则", "法")
AIMS = ("暂行", "程序", "安全管理", "监督管理", "管理", "安全", "保护", "防治", "促进")
WHERE = {"全文": False, "列举": True}   # where an article must hold its cues: anywhere, opening a list
ROUTED_LEVELS = {"法律": 3, "行政法规": 3, "部门规章": 4}   # level → shortest subject that routes


@dataclass
class Intent:
    """The signals of one question."""

    cues: list[tuple[str, ...]] = field(default_factory=list)   # article cues of each answer kind asked
    listed: list[bool] = field(default_factory=list)           # … whether they must open a list (列举)
    subjects: list[str] = field(default_factory=list)          # statutory names of the parties named
    violation: bool = False
    routed: list[str] = field(default_factory=list)            # keys of the laws whose subject it names
    named: list[str] = field(default_factory=list)             # … and those subjects


def _table(path, columns: int) -> list[list[str]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != columns or not all(c.strip() for c in cells):
            raise ValueError(f"{path.name} 第 {number} 行：应有 {columns} 列，以制表符分隔")
        rows.append([c.strip() for c in cells])
    return rows


@lru_cache(maxsize=1)
def answer_kinds() -> list[tuple[str, tuple[str, ...], tuple[str, ...], bool]]:
    """(kind, question cues, article cues, whether they must open a list) as written in
    lexicon/question_cues.tsv."""
    rows = _table(CUES_FILE, 4)
    for kind, _, _, where in rows:
        if where not in WHERE:
            raise ValueError(f"{CUES_FILE.name}：“{kind}”的范围应为 {' 或 '.join(WHERE)}，而不是“{where}”")
    return [(kind, tuple(normalize(w) for w in asked.split(LAY_SEPARATOR)), tuple(answer.split()), WHERE[where])
            for kind, asked, answer, where in rows]


@lru_cache(maxsize=1)
def parties() -> list[tuple[str, tuple[str, ...]]]:
    """(statutory term, the term and its other names) as written in lexicon/subjects.tsv."""
    return [(term, (normalize(term),) + tuple(normalize(w) for w in names.split(LAY_SEPARATOR)))
            for term, names in _table(SUBJECTS_FILE, 2)]


@lru_cache(maxsize=1)
def procedure_terms() -> tuple[str, ...]:
    """Terms holding 罚 that name a procedure, not a punishment (lexicon/procedure_terms.txt),
    longest first."""
    lines = PROCEDURE_FILE.read_text(encoding="utf-8").splitlines()
    return tuple(sorted({normalize(w.strip()) for w in lines if w.strip() and not w.startswith("#")},
                        key=len, reverse=True))


def asks_punishment(text: str) -> bool:
    """Whether a normalized question asks about punishment, not about the penalty procedure
    (lexicon/procedure_terms.txt: "处罚决定书应当写明哪些内容") or paying a fine already imposed
    (罚款能不能分期交, 先不交罚款: 行政处罚法 第六章 行政处罚的执行)."""
    for term in procedure_terms():
        text = text.replace(term, " ")
    return bool(PENALTY_RE.search(PAYING_RE.sub(" ", text)))


def describes_violation(text: str) -> bool:
    """Whether a text (a question, or the legal terms its lay words stand for: 阻挠 → 拒绝 阻碍)
    holds the words of something done wrong."""
    return bool(VIOLATION_RE.search(text))


def read(text: str, routes: dict[str, list[str]], denied=()) -> Intent:
    """Return the signals of a normalized question; `routes` is subject → law keys (see routes);
    a subject in `denied` (a remedy the question's case goes without: 不走行政复议) routes nowhere."""
    kinds = [(answer, listed) for _, asked, answer, listed in answer_kinds() if any(word in text for word in asked)]
    subjects = [term for term, names in parties() if any(name in text for name in names)]
    named = [core for core in subjects_named(text, routes) if core not in denied]
    return Intent([cues for cues, _ in kinds], [listed for _, listed in kinds], subjects,
                  describes_violation(text), [k for core in named for k in routes[core]], named)


def subject_of(title: str) -> str:
    """The subject words of a law title: 中华人民共和国特种设备安全法 → 特种设备."""
    core = normalize(title).removeprefix("中华人民共和国")
    core = re.sub(r"[（(].*?[)）]", "", core)
    changed = True
    while changed:
        changed = False
        for ending in INSTRUMENTS + AIMS:
            rest = len(core) - len(ending)
            if core.endswith(ending) and rest >= (1 if ending in INSTRUMENTS else 3):
                core, changed = core[:-len(ending)], True
    return core


def routes(laws) -> dict[str, list[str]]:
    """Subject words → keys of the current national laws (法律, 行政法规, 部门规章) whose titles
    have them, for subjects at least as long as the level allows."""
    table: dict[str, list[str]] = {}
    for law in laws:
        shortest = ROUTED_LEVELS.get(law.category)
        if shortest is None or law.status != CURRENT:
            continue
        core = subject_of(law.title)
        if len(core) >= shortest and law.key not in table.get(core, []):
            table.setdefault(core, []).append(law.key)
    return table


def subjects_named(text: str, table: dict[str, list[str]]) -> list[str]:
    """The law subjects of `table` the question names; a subject inside a longer named one
    (安全生产 inside 安全生产许可证) gives way to it."""
    named = [core for core in table if core in text]
    return [core for core in named if not any(core != other and core in other for other in named)]
