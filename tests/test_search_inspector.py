"""Inspectors' questions of our own (bench/inspector_questions.jsonl, not the bureau's 56) on real
statutes of the shared corpus, beside laws of other fields that share their words: each needs one
of the signals of the bureau's own work — the laws it applies (lexicon/bureau_laws.txt), the law
whose own scope the question names (card_laws.tsv), a violation told in lay words, the wording of a
time limit. Each expected article was read in the statute text.

Runs only where the shared material is laid beside the repository (../shared); skipped elsewhere.
"""

import pytest

from search import domain, intent, lexicon
from search.query import SearchOptions
from tests.corpus_subset import subset_fixture

FILES = [
    "社会法/安全生产法(2021-06-10).md",
    "社会法/特种设备安全法(2013-06-29).md",
    "行政法/消防法(2021-04-29).md",
    "行政法规/生产安全事故报告和调查处理条例(2007-04-09).md",
    "行政法规/生产安全事故应急条例(2019-02-17).md",
    "行政法规/建设工程安全生产管理条例(2003-11-24).md",
    "行政法/突发事件应对法(2024-06-28).md",
    "行政法/行政处罚法(2021-01-22).md",
    "行政法/行政强制法(2011-06-30).md",
    "行政法/道路交通安全法(2021-04-29).md",
    "诉讼与非诉讼程序法/民事诉讼法(2023-09-01).md",
]


searcher = subset_fixture("inspector", FILES)     # a searcher over the real statutes of FILES


SAFETY = "中华人民共和国安全生产法"


@pytest.mark.parametrize("question, answers", [
    # a violation in lay words (堵死 → 堵塞, 关了/删了 → 关闭/篡改/销毁): the penalty, not the duty
    ("车间安全出口被货物堵死了，老板要承担什么责任", {(SAFETY, "第一百零五条"), ("中华人民共和国消防法", "第六十条")}),
    ("企业把监控报警设备关了还删了数据", {(SAFETY, "第九十九条")}),
    # 没签 describes the breach of a duty
    ("两家单位在同一个作业区域干活没签安全管理协议", {(SAFETY, "第一百零四条")}),
    # 几小时内 asks a time limit: the regulation's "1小时内", not the law's "立即"
    ("出了事故单位负责人要在几小时内报告安监部门", {("生产安全事故报告和调查处理条例", "第九条")}),
    # 应急救援队伍 is within the scope of 生产安全事故应急条例
    ("哪些单位应当建立应急救援队伍", {("生产安全事故应急条例", "第十条")}),
    # 几年 asks a time limit (二年内), in the bureau's procedure law
    ("违法行为过了几年没发现就不再处罚", {("中华人民共和国行政处罚法", "第三十六条")}),
    # 继续使用 describes a violation: the penalty for using scrapped equipment, not the duty to scrap it
    ("继续使用已经报废的起重机", {("中华人民共和国特种设备安全法", "第八十四条")}),
])
def test_the_answering_article_comes_first(searcher, question, answers):
    first = searcher.search(question, SearchOptions(limit=5, kinds=("条文",))).hits[0]
    assert (first.title, first.article) in answers


def test_the_bureau_laws_and_scopes_are_read_from_the_lexicon():
    titles = domain.bureau_titles()
    assert "安全生产法" in titles and "行政处罚法" in titles and not any(t.startswith("#") for t in titles)
    names = {"中华人民共和国安全生产法": "k1", "生产安全事故应急条例": "k2", "中华人民共和国特种设备安全法": "k3"}
    assert domain.bureau_keys(names) == {"k1", "k2", "k3"}
    table = domain.scope_keys(names)
    assert "k1" not in [key for _, key in table]                       # the general law has no scope
    assert domain.scoped("电梯多久检验一次", table) == ["k3"]
    assert domain.scoped("企业多久组织一次预案演练", table) == ["k2"]
    assert domain.scoped("事故要在几小时内报给县应急局", table) == []       # the bureau's name: no scope
    litigation = domain.scope_keys({"中华人民共和国行政诉讼法": "k4", "中华人民共和国行政复议法": "k5"})
    assert domain.scoped("复议维持了处罚决定，企业去法院起诉，被告是谁", litigation) == ["k5", "k4"]
    assert domain.scoped("企业申请复议的期限", litigation) == ["k5"]       # 复议+起诉 needs both parts
    # a party that is 不服 and goes to court may have to go to 复议 first (复议前置)
    assert domain.scoped("当场开的罚单企业不服，能直接去法院起诉吗", litigation) == ["k5", "k4"]
    assert domain.scoped("企业不服处罚决定怎么办", litigation) == ["k5"]
    assert domain.scoped("法院起诉民事纠纷", litigation) == []
    # a route the question says the party does not take names no scope; one it asks about does
    for question, keys in (("企业不想走复议，打算直接去法院告我们，多久之内必须起诉", ["k4"]),
                           ("企业没申请复议，想直接起诉我们局的处罚决定", ["k4"]),
                           ("他不服，能不能不经过复议直接去法院告", ["k5", "k4"])):
        assert domain.scoped(question, litigation, domain.denied(question)) == keys
    assert domain.denied("公司没走行政复议，直接起诉") and not domain.denied("能不能不经过复议")
    assert domain.scoped("没有安全生产许可证就擅自生产", table) == domain.scoped("安全生产许可证", table)


def test_lay_words_of_a_violation_and_of_a_time_limit():
    assert intent.describes_violation("两家单位没签安全管理协议")
    assert intent.describes_violation("拒绝 阻碍 监督检查")          # the legal terms of 阻挠
    assert not intent.describes_violation("安全员的职责是什么")
    assert intent.describes_violation("新工人没经过考核就上岗")          # 没经过: 未经
    assert intent.describes_violation("出了事故拖到第二天才报")          # a late report: 迟报
    assert intent.describes_violation("一直没申请安全生产许可证")
    assert intent.describes_violation("开了好几年叉车，就是拿不出叉车证")   # 拿不出: 无证
    assert not intent.describes_violation("企业没申请复议，想直接起诉")     # a remedy not taken
    asked = intent.read("出了事故要在几小时内报告", {})
    assert any("小时内" in cues for cues in asked.cues)


def test_the_law_whose_scope_the_question_names_is_searched_on_its_own(searcher):
    """A question naming a law's own scope (电梯 → 特种设备安全法) weighs that law up in re-ranking,
    and its articles are gathered by a pass inside it, so one the first pass ranked beyond its
    candidates can still be reached (直接向法院起诉的起诉期限 → 行政诉讼法第四十六条 on the whole corpus)."""
    from search.engine import EngineQuery
    from search.options import engine_filters
    from search.votes import Votes

    analysis = searcher.analyze("电梯多久检验一次")
    query = EngineQuery(terms=searcher._engine_terms(analysis.weights, False),
                        must=engine_filters(SearchOptions(kinds=("条文",)), searcher._law_keys))
    gathered = searcher._with_preferred_laws([], query, analysis, Votes(), 20)
    laws = {searcher.articles.places([c.doc_id])[c.doc_id][0] for c in gathered}
    assert gathered and {searcher.laws[law].short_title for law in laws} == {"特种设备安全法"}


def test_everyday_words_of_enforcement_work():
    """Word-level lines of synonyms.tsv: the longer lay word decides the sense (报警的东西 is a
    device, not a call to the police), and plain words for first, corrected and seized."""
    said = lexicon.lay_words("后厨墙上啥报警的东西都没装")
    assert said["报警的东西"] == ("报警装置",) and "报警" not in said
    assert "初次" in lexicon.expand("头一回被查出来，当场就改过来了")
    assert "改正" in lexicon.expand("头一回被查出来，当场就改过来了")
    assert "扣押" in lexicon.expand("我们扣了企业几台设备")
    assert any("小时内" in cues for cues in intent.read("老板最晚多久要报到我们局", {}).cues)
    assert any("管辖" in cues for cues in intent.read("企业要复议，该找区政府还是找市局", {}).cues)
