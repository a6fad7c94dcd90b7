"""Similar cases: rank stored cases against a facts text by TF-IDF cosine over jieba terms, plus a
bonus for each article both cite (articles cited in the text or given explicitly)."""

import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import jieba

from kb.cases.models import Case
from kb.cases.store import CaseStore
from kb.citations import parse_citations
from kb.numerals import article_label
from kb.refs import Ref
from kb.store import Store

ARTICLE_BONUS = 0.15
DOMAIN_WORDS = ("特种作业", "特种作业人员", "有限空间", "动火作业", "应急预案", "应急演练", "劳动防护用品",
                "事故隐患", "重大事故隐患", "疏散通道", "安全出口", "安全生产教育和培训", "危险化学品",
                "可燃气体报警装置", "现场安全管理", "主要负责人", "停产停业整顿", "监督检查", "操作证")
STOPWORDS = {"或者", "以及", "其中", "有关", "进行", "按照", "依照", "根据", "有限公司", "公司", "当事人",
             "经查", "发现", "存在", "情况", "规定", "没有", "对其", "检查", "执法人员"}


@dataclass
class SimilarCase:
    """A case with its similarity score and what it shares with the query."""

    case: Case
    score: float
    shared_terms: list[str] = field(default_factory=list)
    shared_articles: list[str] = field(default_factory=list)


def terms(text: str) -> list[str]:
    """The content terms of a text: jieba search-mode words of two or more characters, no numbers
    or stopwords."""
    return [w for w in _tokenizer().cut_for_search(text)
            if len(w) > 1 and w not in STOPWORDS and re.search(r"[\u4e00-\u9fffA-Za-z]", w) and not w.isdigit()]


def similar_cases(store: Store, facts: str, articles: list[Ref] = (), limit: int = 10,
                  exclude: str = "") -> list[SimilarCase]:
    """Rank the stored cases by similarity to `facts`; `articles` adds cited articles to those
    found in the text; `exclude` leaves out one case code (the case being compared)."""
    cases = [case for case in CaseStore(store).all() if case.code != exclude]
    if not cases:
        return []
    documents = [Counter(terms(f"{case.title}\n{case.facts}\n{' '.join(case.tags)}")) for case in cases]
    frequency = Counter(term for document in documents for term in document)
    idf = {term: math.log((len(cases) + 1) / (count + 1)) + 1 for term, count in frequency.items()}
    query = _weights(Counter(terms(facts)), idf)
    wanted = _article_keys(store, list(articles) + [_ref(c) for c in parse_citations(facts) if c.law])
    cited = CaseStore(store).articles_of([case.id for case in cases])
    ranked = []
    for case, document in zip(cases, documents):
        weights = _weights(document, idf)
        shared = sorted(set(query) & set(weights), key=lambda t: -query[t] * weights[t])
        score = _cosine(query, weights)
        common = sorted(wanted & cited[case.id])
        score += ARTICLE_BONUS * len(common)
        if score > 0:
            ranked.append(SimilarCase(case, round(score, 4), shared[:8],
                                      [f"《{law}》{article_label(number, suffix)}" for law, number, suffix in common]))
    ranked.sort(key=lambda hit: (-hit.score, hit.case.code))
    return ranked[:limit]


@lru_cache(maxsize=1)
def _tokenizer() -> jieba.Tokenizer:
    """A private jieba tokenizer with the domain words (the global one is left alone)."""
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    for word in DOMAIN_WORDS:
        tokenizer.add_word(word)
    return tokenizer


def _weights(counts: Counter, idf: dict[str, float]) -> dict[str, float]:
    return {term: count * idf[term] for term, count in counts.items() if term in idf}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(weight * b[term] for term, weight in a.items() if term in b)
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def _ref(citation) -> Ref:
    return Ref(law=citation.law, number=citation.number, suffix=citation.suffix)


def _article_keys(store: Store, refs: list[Ref]) -> set[tuple[str, int, int]]:
    keys = set()
    for ref in refs:
        laws = store.find_laws(ref.law)
        if laws:
            keys.add((laws[0].key, ref.number, ref.suffix))
    return keys
