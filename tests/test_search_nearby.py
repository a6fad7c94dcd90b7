"""The articles next to a strong hit fill the list below the first ten (search.nearby), on the
real text of 民法典 总则."""

import pytest

from search import nearby
from search.query import SearchOptions
from tests.corpus_subset import LAWS, subset_searcher

if not LAWS.is_dir():
    pytest.skip("共享语料 ../shared/corpus/laws 不存在", allow_module_level=True)


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    yield from subset_searcher(tmp_path_factory.mktemp("nearby"), ["民法典/总则.md"])


def _ids(searcher, labels: list[str]) -> dict[str, int]:
    law = next(iter(searcher.laws.values()))
    return {a.label: a.id for a in searcher.store.articles(law.id) if a.label in labels}


def test_the_neighbours_of_an_article_are_those_of_its_own_chapter_one_or_two_places_away(searcher):
    ids = _ids(searcher, ["第一百五十一条", "第一百五十二条", "第一百五十三条", "第一百五十四条",
                          "第一百五十五条", "第一百三十二条", "第一百三十三条"])
    around = searcher.articles.nearby([ids["第一百五十三条"], ids["第一百三十三条"]], 2)
    assert around[ids["第一百五十三条"]] == {ids["第一百五十一条"]: 2, ids["第一百五十二条"]: 1,
                                           ids["第一百五十四条"]: 1, ids["第一百五十五条"]: 2}
    # 第一百三十三条 opens 第六章 民事法律行为: 第一百三十二条 closes 第五章 and is not its neighbour
    assert ids["第一百三十二条"] not in around[ids["第一百三十三条"]]


def test_neighbours_fill_the_list_below_the_first_ten_hits(searcher, monkeypatch):
    question, options = "违背公序良俗的民事法律行为有效吗", SearchOptions(limit=100, kinds=("条文",))
    with_them = [(h.article, round(h.score, 9)) for h in searcher.search(question, options).hits]
    sources = nearby.SOURCES
    monkeypatch.setattr(nearby, "SOURCES", 0)
    without = [(h.article, round(h.score, 9)) for h in searcher.search(question, options).hits]
    assert with_them[:nearby.BELOW] == without[:nearby.BELOW]
    lifted = {label for label, _ in with_them} - {label for label, _ in without}
    scores = dict(with_them)
    assert lifted and all(scores[label] < with_them[nearby.BELOW - 1][1] for label in lifted)
    ids = _ids(searcher, [label for label, _ in with_them])
    around = searcher.articles.nearby([ids[label] for label, _ in without[:sources]], nearby.DISTANCE)
    neighbours = {i for found in around.values() for i in found}
    assert {ids[label] for label in lifted} <= neighbours
