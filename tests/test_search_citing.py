"""Articles that cite a strong hit, or that it cites, are scored up below the first ten
(search.citing), on the real text of 民法典 总则 and the Supreme People's Court's interpretation of it."""

from kb.models import Law
from search import citing
from search.index import current_index_dir
from search.options import SearchOptions
from tests.corpus_subset import subset_fixture

INTERPRETATION = "司法解释/最高人民法院关于适用《民法典》总则编若干问题的解释(2022-02-24).md"
searcher = subset_fixture("citing", ["民法典/总则.md", INTERPRETATION])
FRAUD = "一方以欺诈手段使对方违背真实意思实施的民事法律行为能撤销吗"


def _id(searcher, title_start: str, label: str) -> int:
    law = next(law for law in searcher.laws.values() if law.title.startswith(title_start))
    return next(a.id for a in searcher.store.articles(law.id) if a.label == label)


def test_the_table_names_the_articles_that_cite_each_article_and_those_it_cites(searcher):
    table = citing.read(current_index_dir(searcher.store.path.parent))
    fraud_rule = _id(searcher, "最高人民法院", "第二十一条")     # …民法典第一百四十八条、第一百四十九条规定的欺诈
    fraud, concealment = (_id(searcher, "中华人民共和国民法典", label) for label in ("第一百四十八条", "第一百四十九条"))
    assert fraud_rule in table.citing[fraud]
    assert fraud_rule in table.citing[concealment]     # a bare 第X条 after a named law cites that law
    assert {fraud, concealment} <= set(table.cites[fraud_rule])


def test_an_article_citing_a_top_hit_moves_up_below_the_first_ten(searcher, monkeypatch):
    options = SearchOptions(limit=100, kinds=("条文",))
    fraud_rule = _id(searcher, "最高人民法院", "第二十一条")
    with_them = searcher.search(FRAUD, options).hits
    monkeypatch.setattr(citing, "WEIGHT", 0.0)
    without = searcher.search(FRAUD + " ", options).hits
    assert with_them[0].article == "第一百四十八条"
    assert [(h.doc_id, h.score) for h in with_them[:10]] == [(h.doc_id, h.score) for h in without[:10]]
    rank = {h.doc_id: place for place, h in enumerate(with_them)}
    rank_without = {h.doc_id: place for place, h in enumerate(without)}
    assert 10 <= rank[fraud_rule] < rank_without.get(fraud_rule, len(without))


def _law(title: str, part: str = "") -> Law:
    return Law(title=title, category="法律", version=None, file="x.md", part=part, id=1)


def test_a_citation_is_read_in_the_law_it_names_or_stands_in():
    names = {"民法典": "民法典", "安全生产法": "安全生产法", "中华人民共和国安全生产法": "安全生产法"}
    parts = {"民法典": ["民法典·总则", "民法典·合同编"]}         # the keys of a code's parts
    stored = citing.citations_of("依照《中华人民共和国安全生产法》第九十七条、第九十九条和本法第三条的规定")
    assert citing.cited_articles(stored, _law("某条例"), names, parts) == {
        ("安全生产法", 97, 0), ("安全生产法", 99, 0), ("某条例", 3, 0)}
    in_code = citing.citations_of("适用本法第一百四十八条；本编第五条")
    assert citing.cited_articles(in_code, _law("民法典", "合同编"), names, parts) == {
        ("民法典·总则", 148, 0), ("民法典·合同编", 148, 0), ("民法典·合同编", 5, 0)}
    # a bare 第X条 with no law named before it may be another text's article: left out
    assert citing.cited_articles(citing.citations_of("依照第三十条处理"), _law("某条例"), names, parts) == set()
