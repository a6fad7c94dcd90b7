"""Typical cases: YAML/Markdown/.docx import, YAML export, import errors, similar cases and
cross-references between articles, standard items and cases."""

from datetime import date

import click
import docx
import pytest
import yaml
from click.testing import CliRunner

from fazhi.cli_knowledge import COMMANDS
from kb.cases.convert import case_from_dict
from kb.cases.crossref import case_articles, citing
from kb.cases.importer import import_cases
from kb.cases.models import Fine
from kb.cases.similar import similar_cases
from kb.cases.store import CaseStore
from kb.cases.yamlfile import dump_case, read_yaml_cases
from kb.errors import KnowledgeError
from kb.importers.files import import_files
from kb.refs import Ref
from kb.samples import CASES, STANDARD_FILE, STATUTES
from kb.standards.importer import import_standard
from kb.store import Store

SAFETY_LAW = "中华人民共和国安全生产法"
CASE = {
    "编号": "T-01", "案件名称": "某五金厂未按照规定进行安全生产教育和培训案", "案号": "测应急罚〔2025〕1号",
    "日期": "2025-02-10", "执法机关": "示例市应急管理局", "当事人": "示例市某五金厂", "当事人类型": "单位",
    "违法事实": "检查发现5名新员工未经安全生产教育和培训上岗作业。\n当事人已补训。",
    "证据": ["现场检查记录", "询问笔录"],
    "违反条款": ["《中华人民共和国安全生产法》第二十八条第一款"],
    "处罚依据": ["《中华人民共和国安全生产法》第九十七条第三项"],
    "裁量基准事项": "AQ-097-3", "裁量阶次": "一般", "处罚决定": "处罚款三万元。",
    "罚款": [{"对象": "单位", "金额": 30000}, {"对象": "直接责任人员", "姓名": "李某", "金额": 2000}],
    "法核意见要点": ["事实清楚", "裁量适当"], "标签": ["教育培训"], "示例": True}


@pytest.fixture
def store(tmp_path):
    """A store with the sample statute excerpts and the sample standard, no cases."""
    store = Store(tmp_path / "kb.sqlite")
    import_files(store, [STATUTES])
    import_standard(store, STANDARD_FILE)
    yield store
    store.close()




def _yaml(path, data):
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _cases(store) -> int:
    return len(CaseStore(store).all())


# -- samples and formats ------------------------------------------------------------------------

def test_sample_cases_are_labelled_and_varied(samples):
    cases = CaseStore(samples).all()
    assert len(cases) >= 10 and all(c.sample and "示例" in c.source for c in cases)
    assert {c.tier for c in cases} >= {"轻微", "一般", "较重", "严重"}
    assert any(c.factors == ["初次违法", "危害后果轻微", "及时改正"] and not c.fines for c in cases)
    assert any(c.hearing.startswith("拟作出责令停产停业整顿") for c in cases)
    twice = [c for c in cases if c.party == "示例市某仓储有限公司"]
    assert len(twice) == 2 and all(c.fines and c.violated == twice[0].violated for c in twice)
    assert {c.party_type for c in cases} == {"单位", "个人"}


def test_yaml_import_and_export_round_trip(tmp_path, store):
    imported = import_cases(store, [_yaml(tmp_path / "t.yaml", CASE)])[0]
    assert imported.fines == [Fine("单位", 30000), Fine("直接责任人员", 2000, "李某")]
    assert imported.violated == [Ref(SAFETY_LAW, 28, paragraph=1)]
    stored = CaseStore(store).get("T-01")
    exported = tmp_path / "out.yaml"
    exported.write_text(dump_case(stored), encoding="utf-8")
    again = case_from_dict(read_yaml_cases(exported)[0])
    again.file, again.id = stored.file, stored.id
    assert again == stored
    assert CaseStore(store).get("测应急罚〔2025〕1号").code == "T-01"


def test_sample_cases_export_to_the_same_yaml(samples):
    for case in CaseStore(samples).all():
        again = case_from_dict(yaml.safe_load(dump_case(case)))
        again.file, again.id = case.file, case.id
        assert again == case


MARKDOWN = """# 某五金厂未按照规定进行安全生产教育和培训案

## 编号
T-MD

## 日期
2025-02-10

## 当事人类型
单位

## 违法事实
检查发现5名新员工未经安全生产教育和培训上岗作业。

当事人已补训。

## 违反条款
- 《中华人民共和国安全生产法》第二十八条第一款

## 处罚依据
- 《中华人民共和国安全生产法》第九十七条第（三）项

## 罚款
- 单位：3万元
- 直接责任人员（李某）：2000元

## 法核意见要点
1. 事实清楚
2. 裁量适当
"""


def test_markdown_import(tmp_path, store):
    path = tmp_path / "t.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    case = import_cases(store, [path])[0]
    assert (case.code, case.title, case.decided) == ("T-MD", "某五金厂未按照规定进行安全生产教育和培训案", date(2025, 2, 10))
    assert case.facts == "检查发现5名新员工未经安全生产教育和培训上岗作业。\n当事人已补训。"
    assert case.basis == [Ref(SAFETY_LAW, 97, item=3)]
    assert case.fines == [Fine("单位", 30000), Fine("直接责任人员", 2000, "李某")]
    assert case.review == ["事实清楚", "裁量适当"]


def _docx(path, sections, plain_headings=False):
    document = docx.Document()
    document.add_heading("某五金厂未按照规定进行安全生产教育和培训案", level=0)
    for heading, lines in sections:
        if plain_headings:
            document.add_paragraph(heading + "：")
        else:
            document.add_heading(heading, level=2)
        for line in lines:
            document.add_paragraph(line)
    document.save(path)
    return path


DOCX_SECTIONS = [("编号", ["T-DOCX"]), ("日期", ["2025-02-10"]), ("当事人类型", ["单位"]),
                 ("违法事实", ["检查发现5名新员工未经培训上岗。", "当事人已补训。"]),
                 ("违反条款", ["《中华人民共和国安全生产法》第二十八条第一款"]),
                 ("处罚依据", ["《中华人民共和国安全生产法》第九十七条第三项"]),
                 ("罚款", ["单位：30000元"]), ("标签", ["教育培训", "五金"])]


@pytest.mark.parametrize("plain_headings", [False, True])
def test_docx_import(tmp_path, store, plain_headings):
    path = _docx(tmp_path / "t.docx", DOCX_SECTIONS, plain_headings)
    case = import_cases(store, [path])[0]
    assert (case.code, case.title) == ("T-DOCX", "某五金厂未按照规定进行安全生产教育和培训案")
    assert case.facts == "检查发现5名新员工未经培训上岗。\n当事人已补训。"
    assert case.fines == [Fine("单位", 30000)] and case.tags == ["教育培训", "五金"]


# -- import errors --------------------------------------------------------------------------------

@pytest.mark.parametrize("change, message", [
    ({"处罚依据": ["《中华人民共和国安全生产法》第九百条"]}, r"案例 T-01（某五金厂.*）：引用“《中华人民共和国安全生产法》第九百条”"),
    ({"违反条款": ["《中华人民共和国消防法》第十六条"]}, r"案例 T-01.*法规库中没有《中华人民共和国消防法》"),
    ({"违反条款": ["《安全生产法》第二十八条第九款"]}, r"案例 T-01.*第二十八条只有4款，没有第九款"),
    ({"裁量基准事项": "AQ-999"}, r"案例 T-01.*裁量基准事项“AQ-999”不在已导入的裁量基准中"),
    ({"裁量阶次": "特别严重"}, r"案例 T-01.*事项 AQ-097-3 没有裁量阶次“特别严重”"),
    ({"当事人类型": "法人"}, r"案例 T-01.*“当事人类型”应为 单位、个人"),
    ({"违法事实": ""}, r"案例 T-01.*缺少“违法事实”"),
    ({"罚款": ["路人：100元"]}, r"案例 T-01.*罚款的对象“路人”"),
    ({"罚款": ["单位：很多"]}, r"案例 T-01.*罚款金额“很多”无法识别"),
    ({"日期": "2025年"}, r"案例 T-01.*“日期”应为 YYYY-MM-DD"),
    ({"案由": "x"}, r"案例 T-01.*未知字段“案由”"),
], ids=["unknown-article", "unknown-law", "unknown-paragraph", "unknown-item", "unknown-tier", "party-type",
        "missing-facts", "fine-party", "fine-amount", "date", "unknown-field"])
def test_import_errors_name_the_case_and_import_nothing(tmp_path, store, change, message):
    good = _yaml(tmp_path / "a-good.yaml", CASE | {"编号": "T-00"})
    bad = _yaml(tmp_path / "b-bad.yaml", CASE | change)
    with pytest.raises(KnowledgeError, match=message) as error:
        import_cases(store, [tmp_path])
    assert str(bad) in str(error.value)
    assert good.exists() and _cases(store) == 0


@pytest.mark.parametrize("name, content, message", [
    ("c.md", "# 标题\n\n## 案由\n无\n", "未知的小节“案由”"),
    ("c.md", "# 标题\n正文不在小节里\n", "第 2 行：正文应写在“## 字段名”小节之下"),
    ("c.docx", "not a docx", "不是有效的 .docx 文件"),
    ("c.yaml", "- 1\n- 2\n", "应为一个案例"),
    ("c.yaml", "日期: 2025-02-30\n", "无效的值"),
    ("c.pdf", "x", "不支持的文件类型“.pdf”"),
])
def test_file_errors(tmp_path, store, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=message):
        import_cases(store, [path])


def test_duplicate_codes_and_missing_paths(tmp_path, store):
    _yaml(tmp_path / "a.yaml", CASE)
    _yaml(tmp_path / "b.yaml", CASE)
    with pytest.raises(KnowledgeError, match="案例编号重复：T-01"):
        import_cases(store, [tmp_path])
    with pytest.raises(KnowledgeError, match="文件不存在"):
        import_cases(store, [tmp_path / "none.yaml"])
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(KnowledgeError, match="没有找到案例文件"):
        import_cases(store, [empty])


# -- similar cases -------------------------------------------------------------------------------

def test_similar_cases_by_facts(samples):
    hits = similar_cases(samples, "检查发现两名电焊工没有取得特种作业操作证就在厂房内进行焊接作业")
    assert hits[0].case.code == "SL-2024-03"
    assert "焊接" in hits[0].shared_terms and hits[0].score > 2 * hits[1].score
    hits = similar_cases(samples, "仓库的安全出口被锁住，疏散通道堆满货物")
    assert hits[0].case.code == "SL-2024-08"


def test_similar_cases_shared_articles_count(samples):
    facts = "企业拒绝执法人员进入厂区检查。"
    plain = {hit.case.code: hit.score for hit in similar_cases(samples, facts, limit=20)}
    cited = similar_cases(samples, facts + "违反《安全生产法》第六十六条。", limit=20)
    assert {hit.case.code for hit in cited[:2]} == {"SL-2025-11", "SL-2025-12"}
    assert cited[0].shared_articles == ["《中华人民共和国安全生产法》第六十六条"]
    explicit = similar_cases(samples, facts, articles=[Ref("安全生产法", 108)], limit=20)
    top = explicit[0]
    assert top.shared_articles == ["《中华人民共和国安全生产法》第一百零八条"]
    assert top.score > plain.get(top.case.code, 0)
    assert "SL-2025-11" not in {h.case.code for h in similar_cases(samples, facts, exclude="SL-2025-11")}


def test_similar_cases_in_an_empty_store(store):
    assert similar_cases(store, "任何事实") == []


# -- cross-references ------------------------------------------------------------------------------

def test_article_lists_the_items_and_cases_citing_it(samples):
    found = citing(samples, "安全生产法第九十七条")
    assert (found.law.title, found.article.label) == (SAFETY_LAW, "第九十七条")
    assert {item.code for _, item, _ in found.items} == {"AQ-097-3", "AQ-097-6", "AQ-097-7"}
    assert {case.code for case, _ in found.cases} == {"SL-2024-01", "SL-2024-02", "SL-2024-03"}
    duty = citing(samples, "《中华人民共和国安全生产法》第二十一条")
    assert {item.code for _, item, role in duty.items if role == "法律规定"} == {"AQ-094", "AQ-095"}
    assert {case.code for case, role in duty.cases} == {"SL-2024-09", "SL-2025-10"}
    assert [c.code for c, _ in citing(samples, "行政处罚法第三十三条").cases] == ["SL-2024-02"]
    assert citing(samples, "行政处罚法第二十九条").cases == []


def test_case_links_its_articles(samples):
    case = CaseStore(samples).get("SL-2024-09")
    linked = case_articles(samples, case)
    assert [(role, ref.text) for role, ref in linked] == [
        ("违反条款", "《中华人民共和国安全生产法》第二十一条第三项"),
        ("违反条款", "《中华人民共和国安全生产法》第二十一条第五项"),
        ("处罚依据", "《中华人民共和国安全生产法》第九十四条第一款")]
    assert linked[0][1].excerpt.endswith("（三）组织制定并实施本单位安全生产教育和培训计划；")
    assert "五年内不得担任" not in linked[2][1].excerpt


@pytest.mark.parametrize("citation, message", [("第九十七条", "无法识别的条文引用"),
                                               ("安全生产法第九百条", "中没有第九百条")])
def test_cross_reference_errors(samples, citation, message):
    with pytest.raises(KnowledgeError, match=message):
        citing(samples, citation)


# -- command line -------------------------------------------------------------------------------

def test_cli_case_commands(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    store = Store(data / "fazhi.sqlite")
    import_files(store, [STATUTES])
    import_standard(store, STANDARD_FILE)
    store.close()
    group = click.Group(commands={c.name: c for c in COMMANDS})
    run = lambda *args: CliRunner().invoke(group, list(args), obj={"data": str(data)})  # noqa: E731
    result = run("case", "import", str(CASES))
    assert result.exit_code == 0 and "已导入 12 个案例" in result.output
    result = run("case", "show", "SL-2024-09")
    assert "第二十一条第三项" in result.output and "（三）组织制定并实施本单位安全生产教育和培训计划" in result.output
    out = tmp_path / "SL-2024-09.yaml"
    assert run("case", "export", "SL-2024-09", "-o", str(out)).exit_code == 0
    assert read_yaml_cases(out)[0]["编号"] == "SL-2024-09"
    result = run("case", "similar", "两名焊工无证进行焊接作业")
    assert result.output.splitlines()[0].split()[1] == "SL-2024-03"
    result = run("refs", "安全生产法第一百零八条")
    assert "AQ-108" in result.output and "SL-2025-11" in result.output
    result = run("case", "show", "SL-0000")
    assert result.exit_code == 1 and "没有编号或案号为“SL-0000”的案例" in result.output
    bad = _yaml(tmp_path / "bad.yaml", CASE | {"处罚依据": ["《安全生产法》第九百条"]})
    result = run("case", "import", str(bad))
    assert result.exit_code == 1 and "案例 T-01" in result.output and "Traceback" not in result.output
