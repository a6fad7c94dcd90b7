"""Conformance tests every full-text engine behind `search.engine.Engine` must pass."""

import pytest

from search.engine import EngineQuery, IndexDoc
from search.tantivy_engine import TantivyEngine

ENGINES = [TantivyEngine]

DOCS = [
    IndexDoc(doc_id=1, kind="条文", title="安全 生产 安全生产 法", chapter="法律 责任",
             body="生产 经营 单位 未 如实 记录 安全 生产 教育 培训 情况 罚款",
             category="法律", status="现行有效", law_key="中华人民共和国安全生产法", version=20210610),
    IndexDoc(doc_id=2, kind="条文", title="安全 生产 安全生产 法", chapter="法律 责任",
             body="生产 经营 单位 未 如实 记录 安全 生产 教育 培训 情况 罚款",
             category="法律", status="已被修订", law_key="中华人民共和国安全生产法", version=20140831),
    IndexDoc(doc_id=3, kind="条文", title="上海市 安全 生产 条例", chapter="总则",
             body="本市 行政 区域 生产 经营 单位 安全 生产 监督 管理",
             category="地方性法规", status="现行有效", region="上海", law_key="上海市安全生产条例",
             version=20180524),
    IndexDoc(doc_id=4, kind="条文", title="刑法", chapter="危害 公共 安全 罪",
             body="强令 他人 违章 冒险 作业 发生 重大 伤亡 事故 有期徒刑",
             category="法律", status="现行有效", law_key="中华人民共和国刑法", version=20231229),
    IndexDoc(doc_id=7, kind="案例", title="危险 作业 案", chapter="裁判 要点",
             body="生产 安全 监控 设备 关闭 危险 作业 罪 有期徒刑",
             category="案例", status="现行有效"),
]


@pytest.fixture(scope="module", params=ENGINES, ids=lambda engine: engine.__name__)
def engine(request, tmp_path_factory):
    """An engine of each kind, built from DOCS and opened for reading."""
    directory = tmp_path_factory.mktemp(request.param.__name__)
    assert request.param().build(directory, DOCS) == len(DOCS)
    return request.param().open(directory)


def ids(engine, query: EngineQuery, limit: int = 10) -> list[int]:
    """The doc ids an engine returns for a query, best first."""
    return [hit.doc_id for hit in engine.search(query, limit)]


def test_hits_carry_kind_id_and_a_positive_score(engine):
    hits = engine.search(EngineQuery(terms={"chapter": {"裁判": 1.0}}), 10)
    assert [(hit.kind, hit.doc_id) for hit in hits] == [("案例", 7)]
    assert hits[0].score > 0


def test_term_weights_decide_the_order(engine):
    fines_first = EngineQuery(terms={"body": {"罚款": 8.0, "有期徒刑": 1.0}})
    assert set(ids(engine, fines_first)[:2]) == {1, 2}
    prison_first = EngineQuery(terms={"body": {"罚款": 1.0, "有期徒刑": 8.0}})
    assert set(ids(engine, prison_first)[:2]) == {4, 7}


def test_field_weights_are_per_field(engine):
    favour_title = {"title": {"刑法": 5.0}, "body": {"监控": 1.0}}
    assert ids(engine, EngineQuery(terms=favour_title)) == [4, 7]
    favour_body = {"title": {"刑法": 1.0}, "body": {"监控": 5.0}}
    assert ids(engine, EngineQuery(terms=favour_body)) == [7, 4]


def test_required_terms_must_all_be_present(engine):
    query = EngineQuery(terms={"body": {"生产": 1.0}}, phrases=[["有期徒刑"], ["关闭"]])
    assert ids(engine, query) == [7]
    assert ids(engine, EngineQuery(phrases=[["违章", "冒险", "作业"]])) == [4]
    assert ids(engine, EngineQuery(phrases=[["作业", "冒险"]])) == []


def test_required_terms_without_matching_weighted_terms_give_nothing(engine):
    assert ids(engine, EngineQuery(terms={"body": {"罚款": 1.0}}, phrases=[["冒险", "作业"]])) == []


def test_keyword_filters(engine):
    every = {"body": {"生产": 1.0, "有期徒刑": 1.0}}
    assert sorted(ids(engine, EngineQuery(terms=every, must={"status": ["现行有效"]}))) == [1, 3, 4, 7]
    assert ids(engine, EngineQuery(terms=every, must={"region": ["上海"]})) == [3]
    assert sorted(ids(engine, EngineQuery(terms=every, must={"category": ["法律", "案例"],
                                                              "status": ["现行有效"]}))) == [1, 4, 7]
    assert sorted(ids(engine, EngineQuery(terms=every, must={"law_key": ["中华人民共和国安全生产法"]}))) == [1, 2]
    assert ids(engine, EngineQuery(terms=every, must={"kind": ["案例"]})) == [7]


def test_version_range(engine):
    every = {"body": {"生产": 1.0, "有期徒刑": 1.0}}
    assert ids(engine, EngineQuery(terms=every, version_from=20140101, version_to=20151231)) == [2]
    assert sorted(ids(engine, EngineQuery(terms=every, version_from=20200101))) == [1, 4]
    articles = {"kind": ["条文"]}
    assert sorted(ids(engine, EngineQuery(terms=every, must=articles, version_to=20190101))) == [2, 3]


def test_filters_alone_match_every_allowed_document(engine):
    assert sorted(ids(engine, EngineQuery(must={"category": ["法律"]}))) == [1, 2, 4]


def test_limit(engine):
    query = EngineQuery(terms={"body": {"生产": 1.0}})
    assert len(ids(engine, query)) == 4
    assert len(ids(engine, query, limit=2)) == 2


def test_empty_result(engine):
    assert ids(engine, EngineQuery(terms={"body": {"地震": 1.0}})) == []
    assert ids(engine, EngineQuery(terms={"body": {"生产": 1.0}}, must={"region": ["北京"]})) == []


def test_rarer_tokens_have_a_higher_idf(engine):
    assert engine.idf("有期徒刑") > engine.idf("安全") > 0
    assert engine.idf("不存在的词") > engine.idf("有期徒刑")
