"""Recall: national articles gathered before local ones (search.candidates), the articles similar
recorded questions chose (search.votes) and learned words several questions used."""

import json

import pytest

from fazhi.composition import build_index, open_searcher
from kb.models import Article, Law
from kb.store import Store
from search import candidates, learning, votes
from search.engine import EngineHit, EngineQuery, IndexDoc
from search.knowledge import STANDARD
from search.tantivy_engine import TantivyEngine

SAFETY = "中华人民共和国安全生产法"
FIRE = "中华人民共和国消防法"
# Article texts as in the statutes (安全生产法 2021, 消防法 2021; first paragraphs).
ARTICLES = {
    SAFETY: [
        ("第二十八条", 28, "生产经营单位应当对从业人员进行安全生产教育和培训，保证从业人员具备必要的安全生产知识，"
                         "熟悉有关的安全生产规章制度和安全操作规程。"),
        ("第四十五条", 45, "生产经营单位必须为从业人员提供符合国家标准或者行业标准的劳动防护用品，并监督、教育从业人员"
                         "按照使用规则佩戴、使用。"),
        ("第四十七条", 47, "生产经营单位应当安排用于配备劳动防护用品、进行安全生产培训的经费。"),
    ],
    FIRE: [
        ("第十六条", 16, "机关、团体、企业、事业等单位应当履行下列消防安全职责：按照国家标准、行业标准配置消防设施、"
                       "器材，设置消防安全标志，并定期组织检验、维修，确保完好有效。"),
    ],
}
LOG = [("工人不戴头盔", "安全生产法", "第四十五条"), ("头盔没有发", "安全生产法", "第四十五条"),
       ("没培训就上岗", "安全生产法", "第二十八条"), ("新员工不培训", "安全生产法", "第二十八条"),
       ("灭火器坏了谁修", "消防法", "第十六条"), ("灭火器过期", "消防法", "第十六条")]


@pytest.fixture
def data(tmp_path):
    """A data directory holding a few real articles of two laws, their index and a usage log."""
    store = Store(tmp_path / "fazhi.sqlite")
    for title, articles in ARTICLES.items():
        store.put_law(Law(title=title, category="法律", version=None, file=str(tmp_path / f"{title}.md"),
                          articles=[Article(label=label, number=number, paragraphs=[text], position=i)
                                    for i, (label, number, text) in enumerate(articles)]))
    log = tmp_path / "usage.jsonl"
    log.write_text("\n".join(json.dumps({"question": q, "law": law, "article": article}, ensure_ascii=False)
                             for q, law, article in LOG), encoding="utf-8")
    learning.learn(store, learning.read_log(store, log), source=log.name)
    build_index(store, tmp_path)
    yield store, tmp_path
    store.close()


def test_articles_chosen_for_similar_questions_are_scored_up_by_their_share_of_the_votes():
    voted = votes.Votes(articles={1: 0.5, 3: 1.0, 4: 1.0})
    found = votes.with_article_votes([EngineHit("条文", 1, 10.0), EngineHit("条文", 2, 8.0),
                                      EngineHit("案例", 3, 6.0)], voted)
    scores = {(hit.kind, hit.doc_id): hit.score for hit in found}
    assert scores == {("条文", 1): pytest.approx(10.0 * (1 + votes.ARTICLE_VOTE_WEIGHT * 0.5)),
                      ("条文", 2): 8.0, ("案例", 3): 6.0}      # a case with an article's id: untouched


def test_a_question_like_recorded_ones_scores_up_the_article_chosen_for_them(data, monkeypatch):
    searcher = open_searcher(*data)

    def score(weight: float) -> float:
        monkeypatch.setattr(votes, "ARTICLE_VOTE_WEIGHT", weight)
        return next(hit.score for hit in searcher.search("头盔").hits if hit.article == "第四十五条")

    # both recorded questions with 头盔 chose 第四十五条: it has all the votes
    assert score(1.0) == pytest.approx(2 * score(0.0), rel=1e-3)


def _engine(tmp_path, docs: list[tuple[int, str, str]]) -> TantivyEngine:
    engine = TantivyEngine()
    engine.build(tmp_path, [IndexDoc(doc_id=i, kind=category if category == STANDARD else "条文", title="",
                                     chapter="", body=body, category=category) for i, category, body in docs])
    return engine.open(tmp_path)


def test_a_bonus_adds_its_score_to_the_documents_of_its_values(tmp_path):
    engine = _engine(tmp_path, [(1, "法律", "劳动防护用品 经费"), (2, "地方性法规", "劳动防护用品 经费")])
    query = EngineQuery(terms={"body": {"劳动防护用品": 1.0}})
    plain = {hit.doc_id: hit.score for hit in engine.search(query, 10)}
    query.bonus = {"category": (["法律"], 5.0)}
    boosted = {hit.doc_id: hit.score for hit in engine.search(query, 10)}
    assert boosted[1] == pytest.approx(plain[1] + 5.0) and boosted[2] == pytest.approx(plain[2])


def test_national_articles_and_standard_items_are_gathered_before_local_ones_and_keep_their_scores(tmp_path):
    local = [(i, "地方性法规", "劳动防护用品 劳动防护用品 经费") for i in range(3, 13)]
    own = [(1, "法律", "生产经营单位 应当 安排 配备 劳动防护用品 进行 培训 经费"),
           (2, STANDARD, "未 按 规定 配备 劳动防护用品 经费 不足")]
    engine = _engine(tmp_path, own + local)
    query = EngineQuery(terms={"body": {"劳动防护用品": 1.0, "经费": 1.0}})
    assert not {1, 2} & {hit.doc_id for hit in engine.search(query, 5)}
    category = {i: c for i, c, _ in own + local}
    found = candidates.national_first(engine, query, {"劳动防护用品": 1.0, "经费": 1.0}, 5,
                                      lambda ids: {i: category[i] for i in ids})
    plain = {hit.doc_id: hit.score for hit in engine.search(query, 20)}
    assert {1, 2} <= {hit.doc_id for hit in found}
    assert all(hit.score == pytest.approx(plain[hit.doc_id]) for hit in found)
