"""The penalty card on real statutes of the shared corpus: the laws an emergency-management bureau
applies beside older and narrower ones that use the same words (工人考核条例, 特种设备安全监察条例,
矿山 and 煤矿 rules). Each expected penalty article was read in the statute text.

Runs only where the shared material is laid beside the repository (../shared); skipped elsewhere.
"""

import pytest

from search.answer import answer
from search.card import card_lines, penalty_card
from search.card_choice import FROM_HITS, ITEM_SHARE, _act, _Found, _link
from search.card_acts import ActFitter, answers_for, condition, doer, other_doer, parties_doing, unit_kind
from search.segment import normalize
from search.card_laws import scopes
from search.query import SearchOptions
from tests.corpus_subset import LAWS, subset_searcher

if not LAWS.is_dir():
    pytest.skip("共享语料 ../shared/corpus/laws 不存在", allow_module_level=True)

FILES = [
    "社会法/安全生产法(2021-06-10).md",
    "社会法/特种设备安全法(2013-06-29).md",
    "行政法/消防法(2021-04-29).md",
    "行政法规/危险化学品安全管理条例(2013-12-07).md",
    "行政法规/生产安全事故报告和调查处理条例(2007-04-09).md",
    "行政法规/生产安全事故应急条例(2019-02-17).md",
    "行政法规/安全生产许可证条例(2014-07-29).md",
    "行政法规/工人考核条例(1990-07-11).md",
    "行政法规/特种设备安全监察条例(2009-01-24).md",
    "行政法规/煤矿安全监察条例(2013-07-18).md",
    "社会法/矿山安全法(2009-08-27).md",
    "行政法规/工伤保险条例(2010-12-20).md",
]
SAFETY, EQUIPMENT = "《中华人民共和国安全生产法》", "《中华人民共和国特种设备安全法》"
ACCIDENTS = "《生产安全事故报告和调查处理条例》"


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    """A searcher over the real statutes of FILES."""
    yield from subset_searcher(tmp_path_factory.mktemp("card-corpus"), FILES)


def card(searcher, question):
    return penalty_card(searcher, question, searcher.search(question, SearchOptions(limit=10)).hits)


@pytest.mark.parametrize("question, penalty, duty", [
    ("叉车司机没有取得特种设备作业人员证就开叉车", EQUIPMENT + "第八十六条第二项", EQUIPMENT + "第十四条"),
    ("锅炉没有办理使用登记就投入使用怎么罚", EQUIPMENT + "第八十三条第一项", EQUIPMENT + "第三十三条"),
    ("新招的工人没经过安全培训就直接上岗干活，企业怎么处罚", SAFETY + "第九十七条第三项", SAFETY + "第二十八条"),
    ("事故单位瞒报事故的处罚", ACCIDENTS + "第三十六条第一项", None),
    ("安全生产许可证有效期满未办理延期手续继续生产", "《安全生产许可证条例》第二十条", None),
    # an item of an article of several 款 is cited with its 款; the second 款 punishes a 个人
    ("消防车通道被堵住了怎么罚", "《中华人民共和国消防法》第六十条第一款第五项", None),
    ("小区住户把杂物堆在楼里的疏散通道上，对住户怎么罚", "《中华人民共和国消防法》第六十条第二款", None),
    # 不 before the verb of a duty tells of a duty not done, for the card
    ("锅炉早就达到报废条件了，使用单位一直不报废，也不办注销", EQUIPMENT + "第八十四条第三项", None),
    ("老板不保证安全生产资金投入，公司不具备安全生产条件怎么罚", SAFETY + "第九十三条第一款", SAFETY + "第二十三条第一款"),
    # 第十四条's second 款 lets the authorities revoke, its first 款 sets no penalty: never the card's
    ("企业把安全生产许可证转让给别人用", "《安全生产许可证条例》第二十一条第一款", None),
])
def test_the_card_cites_the_current_law_the_bureau_applies(searcher, question, penalty, duty):
    found = card(searcher, question)
    assert found.penalty.citation == penalty
    if duty:
        assert found.duty.citation == duty


@pytest.mark.parametrize("question, item", [
    ("饭店把厨房的燃气报警装置拆除了", "第四项"),
    ("餐馆后厨的可燃气体报警器被停用了怎么罚", "第四项"),
    ("饭店后厨一直没装可燃气体报警装置", "第八项"),
])
def test_a_device_put_out_of_use_was_there(searcher, question, item):
    """拆除, 停用 (关掉 → 关闭) tell that the alarm was installed: 第九十九条第四项 (关闭、破坏…报警…设备),
    not 第八项 (未安装可燃气体报警装置), which fits only the alarm never installed."""
    assert card(searcher, question).penalty.citation == SAFETY + "第九十九条" + item


def _equipment_item(searcher, label, number):
    law = next(law for law in searcher.laws.values() if law.title == EQUIPMENT.strip("《》"))
    article = next(a for a in searcher.store.articles(law.id) if a.label == label)
    return law, article, next(text for _, item, text in article.items if item == number) if number else article.text


def test_an_inspection_is_not_the_mark_of_it(searcher):
    """未经定期检验 is the use of equipment not inspected (第八十四条第一项), not the 定期检验标志 of
    第八十三条第二项: a question word just before 标志 names the mark, which the question does not."""
    question = "特种设备未经定期检验继续使用"
    fitter = ActFitter(searcher, searcher.analyze(question), [], normalize(question))
    law, _, mark = _equipment_item(searcher, "第八十三条", 2)
    _, _, uninspected = _equipment_item(searcher, "第八十四条", 1)
    assert fitter.fit(law, uninspected).own > fitter.fit(law, mark).own


def test_a_unit_of_another_kind_does_not_breach_the_users_duty(searcher):
    """The 经营单位's item (第八十二条第一项, selling equipment not inspected) does not restate the
    使用单位's duty to have it inspected (第四十条)."""
    _, seller, act = _equipment_item(searcher, "第八十二条", 1)
    _, duty, _ = _equipment_item(searcher, "第四十条", None)
    assert unit_kind(act, seller) == "经营" and unit_kind(duty.text, duty) == "使用"
    assert _link(seller, act, [(0, duty)], searcher.engine.idf).duty is None


def test_an_act_punished_here_comes_before_one_punished_under_another_law(searcher):
    """危险化学品安全管理条例第七十七条: its first 款 (no 安全生产许可证) is punished under another
    law, its third (no 经营许可证) here. Even with the 经营许可 duty 第三十三条 first among the hits, which
    restates the first 款's words more than the third's, a question on trading without the licence
    is the third 款."""
    question = "没有取得危险化学品经营许可证就经营危险化学品"
    law, penalty = searcher.store.find_article("危险化学品安全管理条例", 77, 0, None)
    duty = searcher.store.find_article("危险化学品安全管理条例", 33, 0, None)[1]
    analysis = searcher.analyze(question)
    fitter = ActFitter(searcher, analysis, [], normalize(question))
    chosen = _act(_Found(0, law, penalty, FROM_HITS), [(0, duty)], fitter, searcher.engine.idf, [],
                  normalize(question))
    assert chosen[0] == 3


def test_not_done_in_everyday_words_describes_a_violation(searcher):
    """没办 (证, 手续, 许可) is how an inspector says 未取得 / 未办理: the question describes an act."""
    found = card(searcher, "农药厂拿危险化学品做原料生产，一直没办安全使用许可证")
    assert found.penalty.citation == "《危险化学品安全管理条例》第七十七条第二款"


def test_an_escalator_is_a_lift_of_the_special_equipment_law(searcher):
    """自动扶梯 and 自动人行道 are 电梯 in the 特种设备目录: a missing notice on an escalator is the
    lift operator's item of 特种设备安全法, not the general law's 警示标志 of 安全生产法第九十九条."""
    found = card(searcher, "超市自动扶梯没有张贴安全注意事项和警示标志")
    assert found.penalty.citation == EQUIPMENT + "第八十七条第三项"
    # the duty is the 款 that restates the act, shown alone (the first 款 is on daily trial runs)
    assert found.duty.citation == EQUIPMENT + "第四十三条第二款"
    assert found.duty.text.startswith("电梯、客运索道、大型游乐设施的运营使用单位应当将")


def test_a_forklift_driver_without_a_certificate(searcher):
    """A forklift is a 特种设备 (场（厂）内专用机动车辆) whose driver needs the 特种设备安全法's 作业人员
    qualification (第十四条); 特种作业操作证 is the 安全生产法's (特种作业人员, 第三十条). Both laws
    punish the unit that puts the unqualified driver to work, not the driver: the card cites the
    law of the question's own scope (安全生产法第二条), 第八十六条第二项, with the general law's
    第九十七条第七项 beside it — never the driver's own 第九十二条 (造成事故的), the 工人考核条例 or
    a mining rule whose words are closer."""
    found = card(searcher, "仓库叉车司机没有特种作业操作证怎么罚")
    assert found.penalty.citation == EQUIPMENT + "第八十六条第二项"
    assert found.act.startswith("（二）使用未取得相应资格的人员")
    assert found.duty.citation == EQUIPMENT + "第十四条"
    # the general law's item only when the hits hold it (ranking decides; a card shows no article
    # the hits do not support)
    assert [a.citation for a in found.alternatives] in ([], [SAFETY + "第九十七条第七项"])
    assert found.parties == ["从业人员", "特种设备作业人员"]
    assert {r.party for r in found.ranges} == {"单位"}
    late = next(r for r in found.ranges if r.situation == "逾期未改正")     # the statute's own order
    assert late.sanctions == ["责令停止使用有关特种设备或者停产停业整顿", "罚款 10,000元至50,000元"]
    lines = card_lines(found)
    assert f"处罚依据：{EQUIPMENT}第八十六条第二项（已读取）" in lines
    if found.alternatives:
        assert lines[lines.index("另可适用：") + 1].startswith(f"  {SAFETY}第九十七条第七项：（七）特种作业人员未按照规定")


def test_a_question_about_a_worker_is_about_the_unit_that_employs_them(searcher):
    """The unit answers for the workers it employs (card_workers.txt); a worker's own act is the
    worker's; an act of the 主要负责人 is neither."""
    safety = searcher.store.find_article("安全生产法", 97, 0, None)[1]
    untrained = safety.items[6][2]
    assert answers_for(untrained, safety, ["特种作业人员"]) and answers_for(untrained, safety, ["从业人员"])
    assert not answers_for(untrained, safety, ["主要负责人"])
    own = searcher.store.find_article("特种设备安全法", 92, 0, None)[1]
    assert answers_for(own.text, own, ["从业人员"])
    principal = searcher.store.find_article("安全生产法", 94, 0, None)[1]
    assert not answers_for(principal.paragraphs[0], principal, ["从业人员"])


def test_an_act_punished_for_the_accident_it_caused_needs_an_accident(searcher):
    """特种设备安全法第九十二条 punishes a worker's breach of the operating rules 造成事故的: without an
    accident the card is the unit's handling of it (安全生产法第一百零七条)."""
    assert card(searcher, "特种设备作业人员违反操作规程造成事故怎么处理").penalty.citation == EQUIPMENT + "第九十二条"
    assert card(searcher, "特种设备作业人员违反操作规程怎么处理").penalty.citation == SAFETY + "第一百零七条"


def test_an_act_punished_more_heavily_for_an_accident_fits_without_one(searcher):
    """安全生产法第九十六条 punishes the act itself (…未履行…职责的，责令限期改正，处…罚款) and, after it,
    the act that caused an accident (导致发生生产安全事故的，暂停或者吊销…): it fits a question that
    tells of no accident."""
    question = "安全生产管理人员没有履行安全生产管理职责的罚款"
    analysis = searcher.analyze(question)
    fitter = ActFitter(searcher, analysis, [], normalize(question))
    law, article = searcher.store.find_article("安全生产法", 96)
    assert condition(article.text).endswith("未履行本法规定的安全生产管理职责的，")
    assert fitter.fit(law, article.text).own > 0.3


def test_a_late_report_by_the_principal_cites_the_paragraph_of_the_act(searcher):
    """The 款 that names 迟报 is cited; it is punished 依照前款规定, so the ranges are the article's."""
    found = card(searcher, "事故发生后单位主要负责人迟报事故怎么罚")
    cited = [found.penalty.citation] + [a.citation for a in found.alternatives]
    assert found.penalty.citation == SAFETY + "第一百一十条第二款"
    assert set(cited) <= {SAFETY + "第一百一十条第二款", ACCIDENTS + "第三十五条第二项"}
    assert found.parties == ["主要负责人"]
    assert "罚款 上一年年收入60%至100%" in {(r.situation, r.party): r.sanctions
                                         for r in found.ranges}[("基本情形", "主要负责人")]


@pytest.mark.parametrize("question", ["危险化学品违法怎么处罚", "消防违法行为一般罚多少钱",
                                      "特种设备安全法规定了哪些法律责任", "应急管理部门可以作出哪些行政处罚"])
def test_a_question_naming_no_act_gets_no_card(searcher, question):
    assert card(searcher, question) is None


@pytest.mark.parametrize("question", ["对企业先责令限期改正再罚款吗", "逾期未改正的才能罚款吗",
                                      "企业被责令改正后逾期未改正怎么罚"])
def test_the_measures_a_penalty_orders_are_no_act(searcher, question):
    """责令限期改正 and 逾期未改正 follow the act in nearly every penalty article: a question about
    them asks about the procedure and describes no act."""
    assert card(searcher, question) is None


def test_a_question_on_the_subject_of_a_law_no_card_cites_gets_no_card(searcher):
    """工伤保险 is the subject of 工伤保险条例 (enforced by 人力资源社会保障部门, not among the card's
    laws): no article of the bureau's laws is offered in its place (安全生产法第一百零六条, 免责协议)."""
    assert card(searcher, "小作坊老板一直没给工人交工伤保险，怎么罚") is None


def test_acts_of_public_bodies_and_of_other_parties_are_not_the_card(searcher):
    law, officials = searcher.store.find_article("生产安全事故报告和调查处理条例", 39, 0, None)
    assert other_doer(officials.items[0][2], officials, [], "事故单位瞒报事故")
    assert not other_doer(officials.items[0][2], officials, [], "监管部门瞒报事故")
    funding = searcher.store.find_article("安全生产法", 93, 0, None)[1]
    assert doer(funding.paragraphs[0], funding) == "生产经营单位的决策机构、主要负责人或者个人经营的投资人"
    assert parties_doing(funding.paragraphs[0], funding) == ["主要负责人", "个人"]   # 个人经营的投资人
    principal = searcher.store.find_article("安全生产法", 94, 0, None)[1]
    assert other_doer(principal.paragraphs[0], principal, ["从业人员"], "员工未履行职责")
    assert not other_doer(principal.paragraphs[0], principal, ["主要负责人"], "老板未履行职责")


def test_every_law_of_the_card_table_is_a_current_law_of_the_corpus():
    names = {path.stem.split("(")[0] for path in LAWS.rglob("*.md")}
    assert {scope.title for scope in scopes().values()} <= names


def test_the_web_card_links_the_alternative_to_its_article(searcher):
    """The search page's card template shows 另可适用 with the law's scope word and a link to the
    article; the rows of the party asked about are marked."""
    from flask import render_template

    from web.app import create_app

    app = create_app(searcher.store.path.parent, TESTING=True)
    plan = card(searcher, "企业没有制定生产安全事故应急救援预案怎么罚")
    late = card(searcher, "事故发生后单位主要负责人迟报事故怎么罚")
    alternative = next(a for a in plan.alternatives if a.scope)
    with app.test_request_context("/search"):
        shown = render_template("_card.html", card=plan)
        marked = render_template("_card.html", card=late)
    assert "<dt>另可适用</dt>" in shown and f'href="/article/{alternative.article_id}"' in shown
    assert f"{alternative.citation}</a>（问题涉及“应急”）" in shown
    assert '<tr class="asked"><td>基本情形</td><td>主要负责人</td>' in marked


def test_an_article_punishing_under_another_law_gives_the_card_to_that_law(searcher):
    """生产安全事故应急条例第三十条 punishes a missing emergency plan 依照《安全生产法》有关规定: the
    card cites 安全生产法第九十七条第六项, which sets the penalty, and keeps 第三十条 beside it."""
    found = card(searcher, "企业没有制定生产安全事故应急救援预案怎么罚")
    assert found.penalty.citation == SAFETY + "第九十七条第六项"
    assert found.state == "已读取"
    assert "《生产安全事故应急条例》第三十条" in [a.citation for a in found.alternatives]


def test_the_article_that_sets_the_penalty_itself_comes_first(searcher):
    from dataclasses import replace

    from search.card_choice import Choice, _own_penalty_first, _punished

    def choice(title, number, item):
        law, article = searcher.store.find_article(title, number, 0, None)
        found = Choice(law, article, None, item, "", None, 0, "检索结果")
        return replace(found, elsewhere=_punished(article, None, item)[1])
    referring = choice("生产安全事故应急条例", 30, None)
    own = choice("中华人民共和国安全生产法", 97, 6)
    assert _own_penalty_first([referring, own]) == [own, referring]
    assert _own_penalty_first([own, referring]) == [own, referring]
    assert _own_penalty_first([referring]) == [referring]


def test_a_workers_own_misconduct_is_punished_by_the_article_on_workers(searcher):
    """违章操作 and 不听劝阻 are the worker's own acts (安全生产法第一百零七条: 从业人员……不服从管理，违反
    安全生产规章制度或者操作规程的); the duty they breach is the worker's (第五十七条), never the unit's
    duty to train its workers (第二十八条)."""
    found = card(searcher, "员工违章操作不听安全员劝阻怎么处理")
    assert found.penalty.citation == SAFETY + "第一百零七条"
    assert found.duty is None or found.duty.citation.startswith(SAFETY + "第五十七条")


@pytest.mark.parametrize("question, duty", [
    # the unit's duty to 配备 certified 作业人员 (第十三条第二款), the one 第八十六条第一项 punishes;
    # never 第四十一条 (the authorities' 检查)
    ("起重机司机无证操作起重机，使用单位怎么处罚", EQUIPMENT + "第十三条"),
    ("拒绝阻碍安全生产监督检查怎么罚", SAFETY + "第六十六条"),                  # not 第六十五条 (职权)
])
def test_the_duty_shown_restates_the_act(searcher, question, duty):
    """The duty shown is addressed to the party that does the act; when the hits hold none such, it
    is found by searching the law for the act's words — never an article on what the authorities do."""
    assert card(searcher, question).duty.citation.startswith(duty)


@pytest.mark.parametrize("question, first", [
    ("公司主要负责人不履行安全生产管理职责怎么处罚", "第九十四条"),     # ranked first: 第一百一十三条 (关闭)
    ("锅炉工没有取得作业人员资格证就上岗操作锅炉", "第八十六条"),       # ranked first: 矿山安全法第四十一条
    ("事故单位瞒报事故的处罚", "第三十六条"),                           # ranked first: 第三十九条 (officials)
])
def test_the_cards_article_leads_the_hits(searcher, question, first):
    options = SearchOptions(limit=10)
    ranked = searcher.search(question, options).hits
    shown = answer(searcher, question, options)
    assert ranked[0].article != first
    assert shown.result.hits[0].doc_id == shown.card.penalty.article_id
    assert shown.result.hits[0].article == first
    assert sorted(h.doc_id for h in shown.result.hits) == sorted(h.doc_id for h in ranked)


def test_a_question_without_a_card_keeps_the_ranked_order(searcher):
    question = "生产经营单位的主要负责人有哪些职责"
    options = SearchOptions(limit=10)
    shown = answer(searcher, question, options)
    assert shown.card is None
    assert [h.doc_id for h in shown.result.hits] == [h.doc_id for h in searcher.search(question, options).hits]


def test_the_card_names_the_act_without_its_penalty_whatever_the_number_of_hits(searcher):
    question = "公司主要负责人不履行安全生产管理职责怎么处罚"
    one = answer(searcher, question, SearchOptions(limit=1))
    ten = answer(searcher, question, SearchOptions(limit=10))
    assert one.card.penalty.citation == ten.card.penalty.citation == SAFETY + "第九十四条第一款"
    assert one.card.act == "生产经营单位的主要负责人未履行本法规定的安全生产管理职责的"
    assert [h.article for h in one.result.hits] == ["第九十四条"]


def test_the_enforcer_that_notified_is_not_the_doer(searcher):
    """消防部门通知 names the body that notified the unit, not one whose staff did the act: the card is
    the unit's 不及时消除 (第六十条第一款第七项), never the staff's 不及时通知 (第七十一条), and its duty is
    not the authorities' own article (第五十四条: 消防救援机构……应当通知)."""
    found = card(searcher, "消防部门通知整改火灾隐患，单位一直拖着不改，怎么处罚")
    assert found.penalty.citation == "《中华人民共和国消防法》第六十条第一款第七项"
    assert found.duty is None or not found.duty.citation.endswith("第五十四条")


def test_the_pieces_of_a_lay_word_are_not_act_words(searcher):
    """危化品 is said by 危险化学品 alone: its characters 危 化 品 are no words of the act, so the
    危险化学品安全管理条例 does not win by naming the kind of business; the act (安责险) decides."""
    found = card(searcher, "危化品企业没有配应急值班人员")
    assert found.penalty.citation == "《生产安全事故应急条例》第三十二条"


def test_an_item_that_only_names_the_party_asked_about_does_not_fit(searcher):
    """安全员 (安全生产管理人员) is asked about: the party check judges who, so the party's statutory
    name is no act word — 第九十七条第二项 (主要负责人和安全生产管理人员未按照规定经考核合格) holds too
    little of the act words of a question on 履行职责 to fit it, 第九十六条 (未履行…安全生产管理职责) holds them."""
    question = "安全员没有履行职责的罚款"
    fitter = ActFitter(searcher, searcher.analyze(question), [], normalize(question))
    law, examined = searcher.store.find_article("安全生产法", 97)
    duties = searcher.store.find_article("安全生产法", 96)[1]
    assert "安全生产管理人员" not in fitter.matcher.weights
    assert fitter.fit(law, examined.items[1][2]).own < ITEM_SHARE <= fitter.fit(law, duties.text).own
