"""Lay phrases of the dictionaries read as an inspector tells a violation, on real statutes of the
shared corpus: a phrase said in pieces (许可证……到期) adds its legal terms, and the penalty article
its line was written from leads for a question about a violation (search.line_sources); a line
written from an article that sets no penalty raises nothing.

Runs only where the shared material is laid beside the repository (../shared); skipped elsewhere.
"""

from search import lexicon
from search.query import SearchOptions
from tests.corpus_subset import subset_fixture

FILES = [
    "社会法/安全生产法(2021-06-10).md",
    "行政法规/安全生产许可证条例(2014-07-29).md",
    "行政法规/危险化学品安全管理条例(2013-12-07).md",
    "行政法规/烟花爆竹安全管理条例(2016-02-06).md",
    "行政法/行政许可法(2019-04-23).md",
    "行政法/行政处罚法(2021-01-22).md",
]
LICENCES = "安全生产许可证条例"
searcher = subset_fixture("lay-phrases", FILES)


def first(searcher, question: str) -> tuple[str, str]:
    hit = searcher.search(question, SearchOptions(limit=5, kinds=("条文",))).hits[0]
    return hit.title, hit.article


def test_an_expired_licence_told_in_pieces_gets_its_penalty(searcher):
    question = "这家企业的安全生产许可证上个月已经到期，到现在也没去办延期，车间一直照常开工"
    analysis = searcher.analyze(question)
    assert "有效期满" in analysis.terms and {"期满", "手续"} <= set(analysis.pieced)
    assert "《安全生产许可证条例》第二十条" in analysis.cited
    assert [searcher.titles[key] for key in analysis.lined][:1] == [LICENCES]     # searched on its own too
    assert first(searcher, question) == (LICENCES, "第二十条")


def test_only_a_penalty_article_of_a_line_is_raised(searcher):
    sources = lexicon.sources()["许可证到期"]
    assert sources == ("《安全生产许可证条例》第二十条", "《中华人民共和国行政许可法》第五十条")
    raised = searcher.line_sources.penalty_ids(list(sources))
    law, article = searcher.store.find_article(LICENCES, 20, 0, None)
    assert raised == {article.id}          # 行政许可法第五十条 (延续) sets no penalty
