"""The law in force at the time (行政处罚法第三十六条、第三十七条) on laws with two versions in the shared
corpus: 突发事件应对法 (2007, 2024: in force from 2024-11-01) and 行政复议法 (2017, 2023: from
2024-01-01). Skipped when ../shared is absent."""

import copy
import os
from datetime import date
from pathlib import Path

import pytest

from generator.review import findings as fd
from generator.review.casefile import parse_case, read_data
from generator.review.checks import run_opinion_checks
from generator.review.versions import in_force
from kb.importers.files import import_files
from kb.samples import STATUTES
from kb.samples import ROOT as SAMPLES
from kb.store import Store

SHARED = Path(os.environ.get("FAZHI_SHARED") or Path(__file__).resolve().parents[2] / "shared")
CORPUS = SHARED / "corpus" / "laws"
FILES = [CORPUS / "行政法" / "突发事件应对法(2007-08-30).md", CORPUS / "行政法" / "突发事件应对法(2024-06-28).md",
         CORPUS / "诉讼与非诉讼程序法" / "行政复议法(2017-09-01).md", CORPUS / "诉讼与非诉讼程序法" / "行政复议法(2023-09-01).md"]
if not all(path.is_file() for path in FILES):
    pytest.skip("共享语料 ../shared/corpus/laws 不存在", allow_module_level=True)

OLD = "《中华人民共和国突发事件应对法》第六十四条第（二）项"
NEW = "《中华人民共和国突发事件应对法》第九十六条第（二）项"


@pytest.fixture(scope="module")
def versions_store(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("versions") / "fazhi.sqlite")
    import_files(store, [STATUTES, *FILES])
    yield store
    store.close()


def emergency_case(basis: str, act: date, **dates):
    """A fine on a unit that did not remove a hazard, under 突发事件应对法."""
    data = copy.deepcopy(read_data(SAMPLES / "review" / "示例-法制审核-某化工有限公司.yaml"))
    for key in ("裁量",):
        data.pop(key)
    data.update({"案由": "未及时消除已发现的可能引发突发事件的隐患", "违法行为发生日期": act,
                 "违反条款": ["《中华人民共和国突发事件应对法》第三十五条"], "处罚依据": [basis],
                 "拟处罚": {"罚款": 80000, "拟决定日期": dates.get("decided", date(2025, 3, 27))},
                 "立案日期": dates.get("filed", date(2025, 2, 11)), "发现日期": dates.get("found", date(2025, 2, 10)),
                 "送审日期": date(2025, 3, 20), "审核日期": date(2025, 3, 21), "程序": {"告知日期": date(2025, 3, 10),
                                                                              "告知听证": "是"}})
    return parse_case(data)


def test_the_version_in_force_follows_the_effective_date(versions_store):
    then, every = in_force(versions_store, "行政复议法", date(2023, 12, 31))
    assert then.version == date(2017, 9, 1) and len(every) == 2
    assert in_force(versions_store, "行政复议法", date(2024, 1, 1))[0].version == date(2023, 9, 1)
    # passed on 2024-06-28 but in force from 2024-11-01
    assert in_force(versions_store, "突发事件应对法", date(2024, 8, 1))[0].version == date(2007, 8, 30)


def test_an_act_before_the_change_keeps_the_old_rule_when_the_new_is_not_lighter(versions_store):
    finding = {f.check_id: f for f in run_opinion_checks(versions_store, emergency_case(OLD, date(2024, 8, 1)))}
    version = finding[fd.VERSION]
    assert version.outcome == fd.PASS and "应当适用违法行为发生时的规定" in version.message
    assert "第九十六条第一款第（二）项（2024年6月28日版）" in version.message
    assert version.citations[0].citation.startswith("《中华人民共和国行政处罚法》第三十七条")
    cited_new = {f.check_id: f for f in run_opinion_checks(versions_store, emergency_case(NEW, date(2024, 8, 1)))}
    assert cited_new[fd.VERSION].outcome == fd.PROBLEM
    assert "与应当适用的版本不一致" in cited_new[fd.VERSION].message


def test_an_act_after_the_change_uses_the_new_version_and_an_old_citation_is_wrong(versions_store):
    finding = {f.check_id: f for f in run_opinion_checks(versions_store, emergency_case(NEW, date(2024, 12, 1)))}
    assert finding[fd.VERSION].outcome == fd.PASS and finding[fd.STATUTORY].outcome == fd.PASS
    old_form = "2007年版《中华人民共和国突发事件应对法》第六十四条第（二）项"
    finding = {f.check_id: f for f in run_opinion_checks(versions_store, emergency_case(old_form, date(2024, 12, 1)))}
    assert finding[fd.VERSION].outcome == fd.PROBLEM and "所引为2007年8月30日版" in finding[fd.VERSION].message


def test_when_the_old_text_is_not_in_the_store_the_finding_says_so(tmp_path):
    store = Store(tmp_path / "fazhi.sqlite")
    import_files(store, [STATUTES, FILES[1]])
    finding = {f.check_id: f for f in run_opinion_checks(store, emergency_case(NEW, date(2024, 8, 1)))}
    assert finding[fd.VERSION].status == fd.UNVERIFIED
    assert "未收录违法行为发生时有效的版本" in finding[fd.VERSION].message
    store.close()
