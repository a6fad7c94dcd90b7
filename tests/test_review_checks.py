"""The machine's review on the shipped sample content: one case per finding, a clean case, overrides,
the proposed conclusion, the appendix, and the `fazhi review` command."""

import copy
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import kb.samples
from fazhi.cli import main
from generator.review import findings as fd
from generator.review import decisions, ledger
from generator.review.casefile import load_case, parse_case, read_data
from generator.review.checks import propose_conclusion, review_case, run_opinion_checks
from generator.review.thresholds import ThresholdError, load_thresholds
from kb.models import Article, Law
from kb.samples import load_samples
from kb.store import Store

SAMPLES = Path(kb.samples.__file__).parent / "review"
CLEAN = read_data(SAMPLES / "示例-法制审核-某化工有限公司.yaml")




@pytest.fixture(autouse=True)
def empty_ledger(store):
    ledger.ensure_ledger(store)
    store.db.execute("DELETE FROM review_ledger")


def case_with(changes: dict | None = None, **top):
    """The clean sample case with some fields replaced; `changes` maps dotted paths to values."""
    data = copy.deepcopy(CLEAN) | top
    for path, value in (changes or {}).items():
        *parents, name = path.split(".")
        target = data
        for parent in parents:
            target = target.setdefault(parent, {})
        target[name] = value
    return parse_case(data)


def findings_of(store, case, thresholds=None) -> dict[str, fd.Finding]:
    return {f.check_id: f for f in run_opinion_checks(store, case, thresholds)}


# -- the clean case ------------------------------------------------------------------------------

def test_the_clean_case_passes_every_check_and_is_agreed(store):
    result = review_case(store, case_with())
    assert [f.check_id for f in result.findings] == list(fd.OPINION_CHECKS)
    assert {f.check_id: f.outcome for f in result.findings} == dict.fromkeys(fd.OPINION_CHECKS, fd.PASS)
    assert result.conclusion.result == fd.AGREE and result.conclusion.proposed
    assert len(result.conclusion.reasons) == len(fd.OPINION_CHECKS) and not result.conclusion.notes


def test_every_finding_cites_resolved_articles_for_the_appendix(store):
    result = review_case(store, case_with())
    for finding in result.findings:
        assert finding.citations, finding.check_id
        assert all(a.resolved for a in finding.citations), finding.check_id
    hearing = next(f for f in result.findings if f.check_id == fd.HEARING).citations[0]
    assert hearing.citation == "《中华人民共和国行政处罚法》第六十三条第一款（2021年1月22日版）"
    labels = [(r.law.short_title, r.article.label) for r in result.appendix]
    assert labels[:2] == [("安全生产法", "第二十八条"), ("安全生产法", "第九十七条")]
    assert ("行政处罚法", "第六十三条") in labels and len(labels) == len(set(labels))
    quoted = next(r for r in result.appendix if r.article.label == "第六十三条")
    assert quoted.law.version == date(2021, 1, 22)
    assert quoted.article.text.startswith("行政机关拟作出下列行政处罚决定，应当告知当事人有要求听证的权利")


def test_sections_follow_the_review_aspects(store):
    result = review_case(store, case_with())
    assert [s.aspect for s in result.sections] == list(fd.ASPECTS)
    program = next(s for s in result.sections if s.aspect == "程序")
    assert {f.check_id for f in program.findings} == {fd.HEARING, fd.STATEMENT, fd.REVIEW_SCOPE, fd.COLLECTIVE,
                                                      fd.REFERRAL, fd.TIME_LIMIT, fd.REVIEW_LIMIT}
    assert next(s for s in result.sections if s.aspect == "管辖").note.startswith("违法行为发生在本市")


# -- 法律依据 -------------------------------------------------------------------------------------

def test_a_wrong_article_is_flagged_with_the_standards_article_suggested(store):
    # The sample store holds an excerpt of 安全生产法: a missing article there proves nothing (需核实).
    finding = findings_of(store, case_with(处罚依据=["《中华人民共和国安全生产法》第九百条"]))[fd.LEGAL_BASIS]
    assert finding.status == fd.UNVERIFIED and finding.implies == fd.INVESTIGATE
    assert "为节选本，未收录第九百条" in finding.details[1] and "没有第九百条" not in finding.details[1]
    assert "所选裁量基准事项的处罚依据为《中华人民共和国安全生产法》第九十七条第三项" in finding.details[1]
    assert [a.resolved.article.label for a in finding.citations] == ["第二十八条", "第九十七条"]


def test_a_missing_item_is_flagged(store):
    finding = findings_of(store, case_with(处罚依据=["《中华人民共和国安全生产法》第九十七条第（九）项"]))[fd.LEGAL_BASIS]
    assert finding.outcome == fd.PROBLEM and "第九十七条没有第九项" in finding.details[1]


def test_a_superseded_version_not_in_the_store_is_flagged(store):
    cited = "《中华人民共和国安全生产法》（2014年修正）第九十四条第（三）项"
    finding = findings_of(store, case_with(处罚依据=[cited]))[fd.LEGAL_BASIS]
    assert finding.outcome == fd.PROBLEM
    assert "所引为2014年版本，不是现行《中华人民共和国安全生产法》（2021年6月10日版）" in finding.details[1]


def test_a_law_outside_the_store_is_unverified_and_never_agreed(store):
    case = case_with(违反条款=["《示例省安全生产条例》第十条"])
    finding = findings_of(store, case)[fd.LEGAL_BASIS]
    assert finding.status == fd.UNVERIFIED and finding.implies == fd.INVESTIGATE
    assert "法规库未收录《示例省安全生产条例》" in finding.details[0]
    assert review_case(store, case).conclusion.result != fd.AGREE


def test_a_superseded_version_in_the_store_is_mapped_to_the_current_article(tmp_path):
    store = Store(tmp_path / "versions.sqlite")
    old_text = "生产经营单位应当对从业人员进行安全生产教育和培训，未经培训合格的从业人员不得上岗作业。"
    for version, number in ((date(2010, 1, 1), 5), (date(2020, 1, 1), 7)):
        store.put_law(Law(title="测试用安全条例", category="地方性法规", version=version,
                          file=f"测试用安全条例({version}).md",
                          articles=[Article(label=f"第{'五' if number == 5 else '七'}条", number=number,
                                            paragraphs=[old_text], position=0)]))
    load_samples(store)
    case = case_with(违反条款=["《测试用安全条例》（2010年）第五条"])
    finding = findings_of(store, case)[fd.LEGAL_BASIS]
    assert finding.outcome == fd.PROBLEM
    assert "与原条文对应的现行条文为《测试用安全条例》第七条" in finding.details[0]
    assert finding.citations[0].resolved.article.number == 7
    store.close()


# -- 处罚裁量 -------------------------------------------------------------------------------------

def test_a_fine_above_the_tier_is_flagged_with_the_excess(store):
    finding = findings_of(store, case_with({"拟处罚.罚款": 70000, "程序.告知听证": "是"}))[fd.DISCRETION]
    assert finding.outcome == fd.PROBLEM and finding.implies == fd.AGREE_IF_AMENDED
    assert "单位拟罚款 70,000元，高于适用幅度上限 60,000元，超出 10,000元；未说明偏离裁量基准的理由。" in finding.details


def test_a_fine_below_the_tier_is_flagged(store):
    finding = findings_of(store, case_with({"拟处罚.罚款": 20000}))[fd.DISCRETION]
    assert finding.outcome == fd.PROBLEM
    assert any("低于适用幅度下限 30,000元，差 10,000元" in line for line in finding.details)


def test_a_deviation_with_stated_reasons_is_a_note(store):
    case = case_with({"拟处罚.罚款": 20000, "裁量.偏离理由": "当事人积极配合，经集体讨论决定从轻"})
    finding = findings_of(store, case)[fd.DISCRETION]
    assert finding.outcome == fd.NOTE and finding.implies is None
    assert any("已说明偏离基准的理由：当事人积极配合" in line for line in finding.details)


def test_a_fine_above_the_statutory_maximum_is_flagged(store):
    finding = findings_of(store, case_with({"拟处罚.罚款": 120000, "程序.告知听证": "是"}))[fd.DISCRETION]
    assert finding.outcome == fd.PROBLEM
    assert any("超过法定最高额 100,000元" in line for line in finding.details)


def test_a_fine_where_the_law_says_no_penalty_is_refused(store):
    case = case_with({"裁量.情节": ["违法行为轻微", "及时改正", "没有造成危害后果"]})
    finding = findings_of(store, case)[fd.DISCRETION]
    assert finding.outcome == fd.PROBLEM and finding.implies == fd.DISAGREE
    assert "依法应当不予行政处罚，但拟罚款 40,000元" in finding.details[-1]
    assert "《中华人民共和国行政处罚法》第三十三条第一款" in [a.ref.text for a in finding.citations]


def test_a_fine_on_a_person_the_tier_does_not_fine_is_flagged(store):
    case = case_with({"拟处罚.个人罚款": [{"姓名": "赵某", "身份": "直接责任人员", "罚款": 5000}]})
    finding = findings_of(store, case)[fd.DISCRETION]
    assert finding.outcome == fd.PROBLEM
    assert "直接责任人员：所选阶次对直接责任人员不处罚款，拟罚款 5,000元 没有依据" in finding.details


def test_without_a_standard_item_discretion_cannot_be_checked(store):
    assert findings_of(store, case_with(裁量=None))[fd.DISCRETION].outcome == fd.NOTE
    unknown = findings_of(store, case_with({"裁量.事项编号": "AQ-999"}))[fd.DISCRETION]
    assert unknown.outcome == fd.NOTE and "AQ-999" in unknown.message


# -- 听证告知 -------------------------------------------------------------------------------------

def test_a_large_fine_without_hearing_notice_is_refused(store):
    finding = findings_of(store, case_with({"拟处罚.罚款": 50000}))[fd.HEARING]
    assert finding.outcome == fd.PROBLEM and finding.implies == fd.DISAGREE
    assert "达到单位较大数额罚款标准（50,000元以上）" in finding.details[0]
    assert finding.citations[0].ref.label == "第六十三条第一款第一项"
    notified = findings_of(store, case_with({"拟处罚.罚款": 50000, "程序.告知听证": "是"}))[fd.HEARING]
    assert notified.outcome == fd.PASS and "当事人未要求听证" in notified.message


def test_closing_down_requires_a_hearing_whatever_the_amount(store):
    case = case_with({"拟处罚.其他处罚": ["责令停产停业整顿"]})
    finding = findings_of(store, case)[fd.HEARING]
    assert finding.outcome == fd.PROBLEM
    assert "拟责令停产停业整顿（《中华人民共和国行政处罚法》第六十三条第一款第（四）项）" in finding.details


def test_thresholds_come_from_configuration(store, tmp_path):
    person = {"拟处罚.个人罚款": [{"姓名": "王某", "身份": "主要负责人", "罚款": 15000}]}
    sample_province = findings_of(store, case_with(person))[fd.HEARING]
    assert sample_province.outcome == fd.PROBLEM and "个人较大数额罚款标准（10,000元以上）" in sample_province.details[0]
    ministry = findings_of(store, case_with(person, 听证标准="应急管理部门规章"))[fd.HEARING]
    assert ministry.outcome == fd.PASS and "应急管理部门规章" in ministry.details[-1]
    config = tmp_path / "thresholds.yaml"
    config.write_text("默认: 本市\n标准:\n  本市:\n    单位罚款: 30000\n    个人罚款: 5000\n"
                      "    来源: 测试配置\n    需确认: false\n", encoding="utf-8")
    own = load_thresholds(config).select()
    finding = findings_of(store, case_with(听证标准=""), own)[fd.HEARING]
    assert finding.outcome == fd.PROBLEM and "（30,000元以上）" in finding.details[0]
    assert "尚待" not in finding.details[-1]


def test_the_packaged_default_documents_its_source_and_needs_confirmation():
    config = load_thresholds()
    entry = config.select()
    assert config.default == "应急管理部门规章" and entry.unconfirmed
    assert "应急管理部令第18号" in entry.note and "2026年2月1日" in entry.note
    assert "安全生产违法行为行政处罚办法" in entry.source
    with pytest.raises(ThresholdError, match="没有“火星”"):
        config.select("火星")


def test_confiscation_without_a_configured_threshold_is_left_to_the_reviewer(store):
    case = case_with({"拟处罚.其他处罚": [{"种类": "没收违法所得", "金额": 80000}]})
    finding = findings_of(store, case)[fd.HEARING]
    assert finding.outcome == fd.NOTE and "请人工判断" in finding.details[0]


def test_a_requested_hearing_must_be_held(store):
    case = case_with({"拟处罚.罚款": 50000, "程序.告知听证": "是", "程序.要求听证": "是"})
    assert findings_of(store, case)[fd.HEARING].message == "当事人要求听证，尚未组织听证"


# -- 法制审核范围、集体讨论 ------------------------------------------------------------------------

def test_a_case_heard_at_a_hearing_requires_legal_review(store):
    case = case_with({"拟处罚.罚款": 50000, "程序.告知听证": "是", "程序.要求听证": "是", "程序.举行听证": "是"})
    finding = findings_of(store, case)[fd.REVIEW_SCOPE]
    assert finding.outcome == fd.NOTE and "应当进行法制审核" in finding.message
    assert finding.details == ["本案经过听证程序：属于第五十八条第一款第（二）项"]
    assert finding.citations[0].resolved.excerpt.endswith("（二）直接关系当事人或者第三人重大权益，经过听证程序的；")


def test_stated_circumstances_bring_a_case_under_mandatory_review(store):
    finding = findings_of(store, case_with(案件情形=["涉及重大公共利益", "案件情况疑难复杂"]))[fd.REVIEW_SCOPE]
    assert [a.ref.item for a in finding.citations] == [1, 3]


def test_missing_collective_discussion_is_flagged(store):
    finding = findings_of(store, case_with(案件情形=["重大违法行为"]))[fd.COLLECTIVE]
    assert finding.outcome == fd.PROBLEM and finding.implies == fd.AGREE_IF_AMENDED
    assert finding.citations[0].ref.label == "第五十七条第二款"
    done = findings_of(store, case_with({"程序.集体讨论": "是"}, 案件情形=["情节复杂"]))[fd.COLLECTIVE]
    assert done.outcome == fd.PASS


def test_a_hearing_level_penalty_asks_whether_discussion_is_needed(store):
    finding = findings_of(store, case_with({"拟处罚.罚款": 50000, "程序.告知听证": "是"}))[fd.COLLECTIVE]
    assert finding.outcome == fd.NOTE and "请确认是否属于重大违法行为" in finding.message


# -- 办案期限、追责时效 ----------------------------------------------------------------------------

def test_a_decision_after_ninety_days_is_flagged(store):
    finding = findings_of(store, case_with({"拟处罚.拟决定日期": date(2026, 5, 20)}))[fd.TIME_LIMIT]
    assert finding.outcome == fd.PROBLEM and finding.message == "超过办案期限 8 日，且没有延期批准记录"
    assert finding.citations[0].resolved.article.label == "第六十条"


def test_an_approved_extension_moves_the_deadline(store):
    extension = {"批准日期": date(2026, 5, 8), "延长日数": 30, "理由": "案情复杂，需要鉴定"}
    finding = findings_of(store, case_with({"拟处罚.拟决定日期": date(2026, 5, 20)}, 延期=extension))[fd.TIME_LIMIT]
    assert finding.outcome == fd.PASS and "届满日 2026年6月11日" in finding.message


def test_a_deadline_close_at_hand_is_a_note(store):
    finding = findings_of(store, case_with({"拟处罚.拟决定日期": date(2026, 5, 8)}))[fd.TIME_LIMIT]
    assert finding.outcome == fd.NOTE and "仅剩 4 日" in finding.message


def test_an_act_discovered_after_two_years_cannot_be_punished(store):
    finding = findings_of(store, case_with(违法行为发生日期=date(2023, 12, 1)))[fd.LIMITATION]
    assert finding.outcome == fd.PROBLEM and finding.implies == fd.DISAGREE
    assert "违法行为在二年内未被发现" in finding.message


def test_five_years_apply_to_life_and_health_with_harm(store):
    both = case_with(违法行为发生日期=date(2023, 12, 1), 案件情形=["涉及公民生命健康安全", "有危害后果"])
    assert findings_of(store, both)[fd.LIMITATION].outcome == fd.PASS
    without_harm = case_with(违法行为发生日期=date(2023, 12, 1), 案件情形=["涉及公民生命健康安全"])
    finding = findings_of(store, without_harm)[fd.LIMITATION]
    assert finding.outcome == fd.PROBLEM and "不适用五年期限" in finding.details[-1]


def test_a_continuing_act_counts_from_its_end(store):
    ongoing = case_with(违法行为发生日期=date(2023, 6, 1), 连续或者继续状态="是")
    assert "尚未起算" in findings_of(store, ongoing)[fd.LIMITATION].message
    ended = case_with(违法行为发生日期=date(2023, 6, 1), 违法行为终了日期=date(2025, 1, 1), 连续或者继续状态="是")
    finding = findings_of(store, ended)[fd.LIMITATION]
    assert finding.outcome == fd.PASS and "违法行为终了日期 2025年1月1日" in finding.details[0]


def test_an_unknown_act_date_asks_for_more_investigation(store):
    finding = findings_of(store, case_with(违法行为发生日期=None))[fd.LIMITATION]
    assert finding.outcome == fd.NOTE and finding.implies == fd.INVESTIGATE


# -- 一事不再罚 -----------------------------------------------------------------------------------

def test_the_same_act_fined_in_a_knowledge_base_case_is_refused(store):
    party = {"名称": "示例市某机械制造有限公司", "类型": "单位"}
    case = case_with(当事人=party, 违法行为发生日期=date(2024, 3, 10), 发现日期=date(2024, 4, 16))
    finding = findings_of(store, case)[fd.DOUBLE_FINE]
    assert finding.outcome == fd.PROBLEM and finding.implies == fd.DISAGREE
    assert finding.details[0].startswith("案例库：示例应急罚〔2024〕11号")
    later = case_with(当事人=party)
    assert findings_of(store, later)[fd.DOUBLE_FINE].outcome == fd.PASS
    assert "另有 1 条其他违法行为的处罚记录" in findings_of(store, later)[fd.DOUBLE_FINE].message


def test_the_same_act_fined_by_a_recorded_decision_is_refused_and_an_opinion_is_not_a_fine(store):
    first = case_with()
    ledger.record(store, ledger.entry_for(first, fd.AGREE))
    rereview = case_with(文号="示例应急法审〔2026〕99号")
    finding = findings_of(store, rereview)[fd.DOUBLE_FINE]
    assert finding.outcome == fd.PASS and "本案为重新审核：此前已出具审核意见 示例应急法审〔2026〕8号" in finding.details[-1]
    decided = decisions.record(store, decisions.from_case(case_with(示例=False, 案件编号="示例应急立〔2025〕3号"),
                                                          "示例应急罚〔2025〕5号", date(2026, 3, 1)))
    finding = findings_of(store, rereview)[fd.DOUBLE_FINE]
    assert finding.outcome == fd.PROBLEM and "决定台账：示例应急罚〔2025〕5号" in finding.details[0]
    decisions.void(store, decided.number, "误录")
    assert findings_of(store, rereview)[fd.DOUBLE_FINE].outcome == fd.PASS


# -- overrides and conclusions ---------------------------------------------------------------------

def test_an_override_with_a_reason_changes_the_outcome_and_keeps_the_reason(store):
    reason = "延期审批表已于5月8日签批，案卷漏附"
    case = case_with({"拟处罚.拟决定日期": date(2026, 5, 20)}, 人工判断={"办案期限": reason})
    result = review_case(store, case)
    finding = next(f for f in result.findings if f.check_id == fd.TIME_LIMIT)
    assert (finding.outcome, finding.original_outcome, finding.overridden_by) == (fd.PASS, fd.PROBLEM, reason)
    assert result.conclusion.result == fd.AGREE
    assert any(reason in note and "机器核对为“问题”" in note for note in result.conclusion.notes)


def test_the_most_severe_finding_decides_the_proposed_conclusion(store):
    result = review_case(store, load_case(SAMPLES / "示例-法制审核-某危险化学品仓储有限公司.yaml"))
    outcomes = {f.check_id: f.outcome for f in result.findings}
    assert outcomes[fd.LEGAL_BASIS] == outcomes[fd.DISCRETION] == outcomes[fd.HEARING] == fd.PROBLEM
    assert outcomes[fd.COLLECTIVE] == fd.PROBLEM
    assert result.conclusion.result == fd.DISAGREE
    assert [r.split("：")[0] for r in result.conclusion.reasons] == [
        "法律依据", "法定处罚种类和幅度", "处罚裁量", "违法行为与所引条款", "适用的法律版本", "听证权利告知",
        "事先告知与陈述申辩", "负责人集体讨论"]
    assert "建议：告知当事人有要求听证的权利" in result.conclusion.reasons[5]


def test_propose_conclusion_ranks_the_conclusions():
    def finding(implies, outcome=fd.PROBLEM):
        return fd.Finding("x", "甲", "程序", outcome, "有问题", implies=implies)
    assert propose_conclusion([finding(fd.AGREE_IF_AMENDED), finding(fd.INVESTIGATE)]).result == fd.INVESTIGATE
    assert propose_conclusion([finding(fd.INVESTIGATE), finding(fd.DISAGREE)]).result == fd.DISAGREE
    noted = propose_conclusion([finding(None, fd.NOTE)])
    assert noted.result == fd.AGREE and noted.notes == ["甲：有问题"]


def test_a_written_conclusion_is_kept_beside_the_proposal(store):
    result = review_case(store, case_with(结论="修改后同意", 理由=["告知书文号有误，应更正"]))
    assert result.conclusion.result == fd.AGREE_IF_AMENDED and not result.conclusion.proposed
    assert result.conclusion.reasons == ["告知书文号有误，应更正"] and result.proposed.result == fd.AGREE


# -- legality review and commentary ----------------------------------------------------------------

def test_the_legality_sample_is_lawful(store):
    result = review_case(store, load_case(SAMPLES / "示例-合法性审查-重大事故隐患治理督办办法.yaml"))
    assert [(f.check_id, f.outcome) for f in result.findings] == [(fd.AUTHORITY, fd.PASS), (fd.PROCEDURE, fd.PASS)]
    assert result.conclusion.result == fd.LAWFUL
    assert [s.aspect for s in result.sections] == list(fd.LEGALITY_ASPECTS)
    assert {r.law.title for r in result.appendix} == {"重大行政决策程序暂行条例", "中华人民共和国安全生产法"}


def test_a_discussion_before_the_review_is_flagged(store):
    data = read_data(SAMPLES / "示例-合法性审查-重大事故隐患治理督办办法.yaml")
    data["程序"]["集体讨论"]["日期"] = date(2026, 4, 30)
    del data["程序"]["风险评估"]
    result = review_case(store, parse_case(data))
    procedure = result.findings[1]
    assert procedure.outcome == fd.PROBLEM and result.conclusion.result == fd.LAWFUL_IF_AMENDED
    assert "风险评估：送审材料未说明是否履行" in procedure.details
    assert any("少于第二十六条第二款一般不少于7个工作日" in line for line in procedure.details)


def test_commentary_citations_are_checked(store):
    result = review_case(store, load_case(SAMPLES / "示例-案例评析-锁闭安全出口.yaml"))
    assert result.findings[0].outcome == fd.PASS and result.conclusion.result == ""
    data = read_data(SAMPLES / "示例-案例评析-锁闭安全出口.yaml")
    data["引用"].append("《中华人民共和国安全生产法》第二百零五条")
    assert review_case(store, parse_case(data)).findings[0].status == fd.UNVERIFIED      # the store holds an excerpt
    data["引用"].append("《中华人民共和国行政处罚法》第三十二条第（九）项")
    assert review_case(store, parse_case(data)).findings[0].outcome == fd.PROBLEM


# -- fazhi review ----------------------------------------------------------------------------------

def fazhi(*args):
    """Run the fazhi command line."""
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("data")
    store = Store(folder / "fazhi.sqlite")
    load_samples(store)
    store.close()
    return folder


def test_fazhi_review_prints_findings_and_the_proposed_conclusion(data_dir):
    path = SAMPLES / "示例-法制审核-某危险化学品仓储有限公司.yaml"
    result = fazhi("--data", data_dir, "review", path)
    assert result.exit_code == 0, result.output
    assert "【问题】听证权利告知：对示例市某危险化学品仓储有限公司拟罚款 120,000元，达到单位较大数额罚款标准" in result.output
    assert "建议结论：不同意" in result.output


def test_fazhi_review_names_the_file_and_field_of_an_invalid_case(data_dir, tmp_path):
    data = copy.deepcopy(CLEAN)
    data["当事人"]["类型"] = "公司"
    path = tmp_path / "坏案件.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = fazhi("--data", data_dir, "review", path)
    assert result.exit_code == 1
    assert "坏案件.yaml" in result.output and "当事人.类型：应为“单位”或“个人”，实为“公司”" in result.output
    data["当事人"]["类型"] = "单位"
    data["听证标准"] = "火星"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    unknown = fazhi("--data", data_dir, "review", path)
    assert unknown.exit_code == 1 and "坏案件.yaml：听证标准：" in unknown.output and "没有“火星”" in unknown.output
