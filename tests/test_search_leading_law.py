"""Below the first ten, the articles of the law most of the best hits come from move up
(search.leading_law), on the real text of 民法典 合同编 and 劳动合同法."""

import pytest

from search import citing, leading_law, nearby
from search.engine import EngineHit
from search.query import SearchOptions
from tests.corpus_subset import LAWS, subset_searcher

if not LAWS.is_dir():
    pytest.skip("共享语料 ../shared/corpus/laws 不存在", allow_module_level=True)

QUESTION = "劳动合同无效的情形有哪些"


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    yield from subset_searcher(tmp_path_factory.mktemp("leading"),
                               ["民法典/合同编.md", "社会法/劳动合同法(2012-12-28).md"])


def _ranked(searcher, monkeypatch, weight: float) -> list[tuple[int, str]]:
    monkeypatch.setattr(nearby, "SOURCES", 0)          # the neighbours and the citing articles would
    monkeypatch.setattr(citing, "SOURCES", 0)          # blur what is compared
    monkeypatch.setattr(leading_law, "WEIGHT", weight)
    hits = searcher.search(QUESTION, SearchOptions(limit=100, kinds=("条文",))).hits
    return [(hit.law_id, hit.article) for hit in hits]


def test_the_first_ten_stay_and_the_leading_law_moves_up_below_them(searcher, monkeypatch):
    with_it = _ranked(searcher, monkeypatch, leading_law.WEIGHT)
    without = _ranked(searcher, monkeypatch, 0.0)
    assert with_it[:nearby.BELOW] == without[:nearby.BELOW]
    laws = [law for law, _ in without[:leading_law.LEADERS]]
    leader = max(set(laws), key=laws.count)
    assert laws.count(leader) > leading_law.LEADERS / 2     # the question is answered in one law

    def leader_places(ranked):
        return [place for place, (law, _) in enumerate(ranked) if law == leader and place >= nearby.BELOW]

    moved, stayed = leader_places(with_it), leader_places(without)
    assert {hit for hit in without if hit[0] == leader} <= set(with_it)   # none of its articles drops out
    assert len(moved) > len(stayed) or sum(moved) < sum(stayed)
    assert all(a <= b for a, b in zip(moved, stayed))   # and none moves down


def test_a_short_list_is_left_as_it_is():
    hits = [EngineHit("条文", i, 10.0 - i) for i in range(nearby.BELOW)]
    assert leading_law.with_leading_laws(hits, {i: i % 2 for i in range(nearby.BELOW)}) == hits


def test_a_law_the_question_implies_moves_up_below_the_first_ten_only():
    """A law the question's lay phrases imply (`also`) weighs below the first ten as if it held that
    share of the best hits: its articles move up past those of a law holding none, never into the
    first ten."""
    hits = [EngineHit("条文", i, 100.0 - i) for i in range(40)]
    law_of = {i: 0 if i < nearby.BELOW else 1 + i % 2 for i in range(40)}   # laws 1 and 2 hold none of the best
    plain = [c.doc_id for c in leading_law.with_leading_laws(hits, law_of)]
    assert plain == list(range(40))
    implied = [c.doc_id for c in leading_law.with_leading_laws(hits, law_of, {1: 0.6})]
    assert implied[:nearby.BELOW] == list(range(nearby.BELOW))
    assert all(implied.index(i) < i for i in range(nearby.BELOW + 1, 40) if law_of[i] == 1)
