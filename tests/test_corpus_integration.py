"""A dozen real statutes from the shared LawRefBook corpus: structure, versions and search.

Runs only where the shared material is laid beside the repository (../shared); skipped elsewhere.
"""

import re
from pathlib import Path

import pytest

from kb.models import CURRENT, SUPERSEDED, Law
from search.query import Searcher, SearchOptions
from tests.corpus_subset import LAWS, subset_searcher

if not LAWS.is_dir():
    pytest.skip("共享语料 ../shared/corpus/laws 不存在", allow_module_level=True)

INTERPRETATION = "司法解释/最高人民法院、最高人民检察院关于办理危害生产安全刑事案件适用法律若干问题的解释(2015-12-14).md"
FILES = [
    "社会法/安全生产法(2021-06-10).md",
    "行政法/行政处罚法(2021-01-22).md",
    "社会法/劳动法(2018-12-29).md",
    "社会法/特种设备安全法(2013-06-29).md",
    "社会法/职业病防治法(2018-12-29).md",
    "民法典/总则.md",
    "刑法/刑法.md",
    "行政法规/生产安全事故应急条例(2019-02-17).md",
    "行政法规/生产安全事故报告和调查处理条例(2007-04-09).md",
    INTERPRETATION,
    "DLC/上海地方法规/地方性法规/上海/上海市安全生产条例(2018-05-24).md",
    "社会法/慈善法(2016-03-16).md",
    "社会法/慈善法(2023-12-29).md",
]
# An article line as LawRefBook writes it, counted independently of the importer.
ARTICLE_LINE = re.compile(r"^第[〇零一二两三四五六七八九十百千\d]+条(之[一二三四五六七八九十]+)?(?:[\s\u3000:：]|$)")
SAFETY = "中华人民共和国安全生产法"
CHARITY = "中华人民共和国慈善法"


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    """A searcher over a data directory holding the real statutes of FILES."""
    yield from subset_searcher(tmp_path_factory.mktemp("corpus"), FILES)


def laws_by_file(searcher: Searcher) -> dict[str, Law]:
    """The imported law versions keyed by their corpus-relative file name."""
    return {Path(law.file).relative_to(LAWS).as_posix(): law for law in searcher.store.laws()}


def test_article_counts_equal_article_lines(searcher):
    for name, law in laws_by_file(searcher).items():
        lines = (LAWS / name).read_text(encoding="utf-8").splitlines()
        expected = sum(1 for line in lines if ARTICLE_LINE.match(line))
        assert len(searcher.store.articles(law.id)) == expected, name


def test_categories_parts_and_region(searcher):
    laws = laws_by_file(searcher)
    assert laws["社会法/安全生产法(2021-06-10).md"].category == "法律"
    assert (laws["民法典/总则.md"].title, laws["民法典/总则.md"].part) == ("中华人民共和国民法典", "总则")
    assert laws["行政法规/生产安全事故应急条例(2019-02-17).md"].category == "行政法规"
    assert laws[INTERPRETATION].category == "司法解释"
    local = laws["DLC/上海地方法规/地方性法规/上海/上海市安全生产条例(2018-05-24).md"]
    assert (local.category, local.region) == ("地方性法规", "上海")


def test_versions_are_linked(searcher):
    versions = [(law.version.isoformat(), law.status) for law in searcher.store.versions(CHARITY)]
    assert versions == [("2023-12-29", CURRENT), ("2016-03-16", SUPERSEDED)]
    question = "慈善组织 公开募捐 资格"
    current = searcher.search(question, SearchOptions(law="慈善法"))
    assert current.hits and {hit.version for hit in current.hits} == {"2023-12-29"}
    every = searcher.search(question, SearchOptions(law="慈善法", status="all", limit=50))
    assert {hit.version for hit in every.hits} == {"2023-12-29", "2016-03-16"}


def test_plain_question_finds_article_97(searcher):
    hits = searcher.search("企业没有对员工进行安全生产教育和培训会被怎么处罚").hits
    assert (SAFETY, "第九十七条") in [(hit.title, hit.article) for hit in hits[:10]]


@pytest.mark.parametrize("citation, title, label", [
    ("安全生产法第九十七条", SAFETY, "第九十七条"),
    ("安全生产法 97条", SAFETY, "第九十七条"),
    ("《中华人民共和国安全生产法》第九十七条第一款", SAFETY, "第九十七条"),
    ("刑法第一百三十四条之一", "中华人民共和国刑法", "第一百三十四条之一"),
])
def test_citation_is_hit_one(searcher, citation, title, label):
    first = searcher.search(citation).hits[0]
    assert (first.title, first.article, first.status) == (title, label, CURRENT)


def test_bare_appendix_heading_closes_the_last_chapter(searcher):
    assert searcher.store.find_article("刑法", 452)[1].chapter == "附则"
    assert searcher.store.find_article("刑法", 451)[1].paragraphs[-1] == "部队执行戒严任务或者处置突发性暴力事件时，以战时论。"
