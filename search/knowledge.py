"""Standard items (裁量基准) and typical cases (案例) as search documents and hits, next to articles."""

from dataclasses import dataclass

from kb.cases.models import Case
from kb.cases.store import CaseStore
from kb.models import CURRENT
from kb.standards.models import Standard, StandardItem
from kb.standards.store import StandardStore
from kb.store import Store
from search import segment, snippets
from search.engine import IndexDoc

STANDARD = "裁量基准"
CASE = "案例"


def _item_ids(store: Store) -> dict[tuple[int, str], int]:
    rows = store.db.execute("SELECT id, standard_id, code FROM standard_items")
    return {(standard_id, code): item_id for item_id, standard_id, code in rows}


def _current_items(store: Store) -> dict[int, tuple[Standard, StandardItem]]:
    standards = StandardStore(store)
    ids = _item_ids(store)
    return {ids[(standard.id, item.code)]: (standard, item) for standard, item in standards.iter_items()}


def _joined(text: str) -> str:
    return " ".join(segment.tokens(text))


def knowledge_docs(store: Store) -> list[IndexDoc]:
    """Index documents for every item of the current standards and for every case."""
    docs = [IndexDoc(doc_id=item_id, kind=STANDARD, title=_joined(standard.title),
                     chapter=_joined(item.title), body=_joined(item.full_text),
                     category=STANDARD, status=CURRENT, law_key=standard.key,
                     version=int(standard.issued.strftime("%Y%m%d")))
            for item_id, (standard, item) in _current_items(store).items()]
    docs += [IndexDoc(doc_id=case.id, kind=CASE, title=_joined(case.title), chapter=_joined(" ".join(case.tags)),
                      body=_joined(case.full_text), category=CASE, status=CURRENT, region=case.region,
                      version=int(case.decided.strftime("%Y%m%d")))
             for case in CaseStore(store).all()]
    return docs


@dataclass
class KnowledgeHit:
    """What a hit on a standard item or a case shows: heading, label, text, date."""

    title: str
    label: str
    text: str
    version: str
    region: str = ""
    source: str = ""


class KnowledgeIndex:
    """Standard items and cases by index document id, loaded once per searcher."""

    def __init__(self, store: Store):
        self.items = _current_items(store)
        self.cases = {case.id: case for case in CaseStore(store).all()}

    def find(self, kind: str, doc_id: int) -> KnowledgeHit | None:
        """Return what to show for a standard-item or case document, or None if it is gone."""
        if kind == STANDARD and doc_id in self.items:
            standard, item = self.items[doc_id]
            return KnowledgeHit(title=standard.title, label=f"{item.code} {item.title}",
                                text=_item_text(item), version=standard.issued.isoformat(),
                                source=standard.file)
        if kind == CASE and doc_id in self.cases:
            case = self.cases[doc_id]
            return KnowledgeHit(title=case.title, label=case.number or case.code, text=_case_text(case),
                                version=case.decided.isoformat(), region=case.region, source=case.file)
        return None


def _item_text(item: StandardItem) -> str:
    cited = "；".join(ref.text for _, ref in item.citations)
    tiers = "\n".join(f"{t.name}：{'；'.join(t.conditions)}" for t in item.tiers)
    return f"违法行为：{item.title}\n依据：{cited}\n{tiers}"


def _case_text(case: Case) -> str:
    return f"{case.facts}\n处罚决定：{case.decision}"


def snippet(hit: KnowledgeHit, terms: list[str]) -> str:
    """The best window of a knowledge hit's text for the matched terms."""
    return snippets.best_window(hit.text.replace("\n", " "), terms)
