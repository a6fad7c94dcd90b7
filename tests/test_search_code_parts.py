"""A code in parts (民法典: 总则, 合同编, 人格权编 … each a law version of its own) on the real text
of the shared corpus: its own name stands for the whole code — a citation jumps to the article in
whichever part holds it, `--law 民法典` searches every part, a question naming 民法典 weighs them all
— and a part's name (民法典人格权编) for that part alone.

Runs only where the shared material is laid beside the repository (../shared); skipped elsewhere.
"""

from kb.citations import parse_citations
from search.query import SearchOptions
from tests.corpus_subset import subset_fixture

FILES = ["民法典/人格权编.md", "民法典/合同编.md", "社会法/劳动合同法(2012-12-28).md"]
searcher = subset_fixture("code-parts", FILES)


def parts(hits) -> list[tuple[str, str]]:
    return [(hit.part, hit.article) for hit in hits]


def test_a_citation_of_the_code_jumps_into_the_part_that_holds_it(searcher):
    result = searcher.search("民法典第六百五十七条", SearchOptions(limit=3))
    assert result.jumped and parts(result.hits) == [("合同编", "第六百五十七条")]
    assert parts(searcher.search("民法典人格权编第九百九十条", SearchOptions(limit=3)).hits) == [("人格权编", "第九百九十条")]


def test_the_code_as_a_filter_or_named_in_a_question_covers_every_part(searcher):
    filtered = searcher.search("出租人维修义务", SearchOptions(limit=3, law="民法典")).hits
    assert filtered[0].part == "合同编" and filtered[0].article == "第七百一十三条"
    named = searcher.search("民法典中关于租赁合同出租人维修义务的规定", SearchOptions(limit=3, kinds=("条文",))).hits
    assert (named[0].part, named[0].article) == ("合同编", "第七百一十三条")
    only_part = searcher.search("出租人维修义务", SearchOptions(limit=5, law="民法典人格权编")).hits
    assert {hit.part for hit in only_part} == {"人格权编"}


def test_a_part_of_a_code_is_a_law_name_and_this_part_a_reference_to_the_context():
    assert [(c.law, c.number) for c in parse_citations("民法典合同编第五百条、民法典总则第十条")] == [
        ("民法典合同编", 500), ("民法典总则", 10)]
    assert all(c.refers_to_context for c in parse_citations("依照本编第三条，依照本法第五条"))
    assert [(c.law, c.number) for c in parse_citations("第二编第三条")] == [(None, 3)]
