"""Discretion standards: the sample standard, YAML/XLSX formats, import errors, layering, versions."""

from datetime import date
from pathlib import Path

import click
import openpyxl
import pytest
import yaml
from click.testing import CliRunner

from fazhi.cli_knowledge import COMMANDS
from kb.errors import KnowledgeError
from kb.importers.files import import_files
from kb.numerals import int_to_chinese
from kb.refs import resolve_ref
from kb.samples import STANDARD_FILE, STATUTES
from kb.standards import penalty_text
from kb.standards.importer import import_standard, save_standard
from kb.standards.models import FineRule
from kb.standards.money import chinese_money, parse_money
from kb.standards.store import StandardStore
from kb.standards.xlsx import read_xlsx, write_xlsx
from kb.standards.yamlfile import dump_yaml, read_yaml, standard_from_dict
from kb.store import Store

SAFETY_LAW = "中华人民共和国安全生产法"
SAMPLE_KEY = "示例省安全生产行政处罚裁量基准"


@pytest.fixture
def store(tmp_path):
    """A store holding the sample statute excerpts."""
    store = Store(tmp_path / "kb.sqlite")
    import_files(store, [STATUTES])
    yield store
    store.close()


@pytest.fixture
def sample(store):
    """The sample standard, imported."""
    return import_standard(store, STANDARD_FILE)


def _write(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _raw() -> dict:
    return read_yaml(STANDARD_FILE)


def _counts(store) -> tuple[int, int]:
    one = lambda sql: store.db.execute(sql).fetchone()[0]  # noqa: E731
    return one("SELECT count(*) FROM standards"), one("SELECT count(*) FROM standard_items")


# -- the sample -------------------------------------------------------------------------------

def test_sample_standard_is_labelled_and_covers_the_required_articles(sample):
    assert sample.sample and "示例" in sample.title and "非正式" in sample.title
    penalty_articles = {ref.number for item in sample.items for ref in item.basis if ref.law == SAFETY_LAW}
    assert {94, 97, 99, 101, 102, 105, 108} <= penalty_articles
    assert all(item.tiers and item.provisions for item in sample.items)


def test_sample_tiers_lie_within_the_statutory_ranges(sample):
    for item in sample.items:
        for tier in item.tiers:
            band = item.band(tier.band)
            for rule in tier.fines:
                statutory = next(r for r in band.fines if r.same_slot(rule))
                low, high = rule.bounds
                assert statutory.bounds[0] <= low <= high <= statutory.bounds[1], (item.code, tier.name)


def test_sample_statutory_ranges_are_those_of_the_penalty_article(store, sample):
    """Every amount of a 法定幅度 is written in the cited penalty article itself."""
    for item in sample.items:
        text = "\n".join(resolve_ref(store, ref).article.text for ref in item.basis)
        for rule in (r for band in item.bands for r in band.fines):
            for word in _statutory_words(rule):
                assert word in text, (item.code, word)


def _statutory_words(rule: FineRule) -> list[str]:
    if rule.income_percent:
        return [f"百分之{int_to_chinese(p)}" for p in rule.income_percent]
    if rule.gains_times:
        return [f"{int_to_chinese(t)}倍" for t in rule.gains_times]
    return [chinese_money(a) for a in (rule.low, rule.high) if a]


# -- formats -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "责令限期改正；处一万元以上三万元以下的罚款；对直接责任人员处二千元以下的罚款",
    "责令停产停业整顿；处十万元以上二十万元以下的罚款",
    "对主要负责人处上一年年收入百分之六十至百分之七十的罚款",
    "责令限期改正，没收违法所得；违法所得十万元以上的，处违法所得二倍以上三倍以下的罚款；"
    "没有违法所得或者违法所得不足十万元的，处十万元以上十五万元以下的罚款",
])
def test_penalty_text_round_trip(text):
    fines, measures = penalty_text.parse(text)
    assert penalty_text.parse(penalty_text.render(fines, measures)) == (fines, measures)


def test_penalty_text_reads_arabic_numerals_and_statute_wording():
    fines, measures = penalty_text.parse("责令限期改正，处1万元以上3万元以下的罚款，"
                                         "对其直接负责的主管人员和其他直接责任人员处1.5万元的罚款。")
    assert measures == ["责令限期改正"]
    assert fines == [FineRule(low=10000, high=30000), FineRule(party="直接责任人员", low=15000, high=15000)]


@pytest.mark.parametrize("text, message", [
    ("处很多钱的罚款", "无法识别的罚款金额"),
    ("对路人处一万元的罚款", "处罚对象“路人”"),
])
def test_penalty_text_errors(text, message):
    with pytest.raises(ValueError, match=message):
        penalty_text.parse(text)


def test_money_in_chinese_both_ways():
    for amount in (2000, 15000, 20000, 100000, 105000, 1000000, 10000000):
        assert parse_money(chinese_money(amount)) == amount
    assert (chinese_money(105000), chinese_money(100500)) == ("十万五千元", "十万零五百元")


def test_yaml_round_trip(sample):
    again = standard_from_dict(yaml.safe_load(dump_yaml(sample)))
    assert again.items == sample.items
    assert (again.key, again.issued, again.hearing_amounts) == (sample.key, sample.issued, sample.hearing_amounts)


def test_xlsx_round_trip(tmp_path, store, sample):
    workbook = tmp_path / "示例裁量基准.xlsx"
    write_xlsx(sample, workbook)
    assert read_xlsx(workbook)["事项"][0]["编号"] == "AQ-094"
    other = Store(tmp_path / "other.sqlite")
    import_files(other, [STATUTES])
    imported = import_standard(other, workbook)
    assert imported.items == sample.items
    assert (imported.title, imported.issued, imported.sample) == (sample.title, sample.issued, True)


def _workbook(path: Path, rows: list[list]) -> Path:
    book = openpyxl.Workbook()
    info = book.active
    info.title = "基准信息"
    for row in (["项目", "内容"], ["标识", "表格基准"], ["名称", "表格基准（示例）"], ["发布日期", "2024-05-01"]):
        info.append(row)
    sheet = book.create_sheet("裁量基准")
    sheet.append(["说明行：本表为示例"])
    sheet.append(["编号", "违法行为", "法律规定", "处罚依据", "法定情形", "法定幅度", "裁量阶次", "适用条件", "具体标准"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_xlsx_rows_continue_the_item_above(tmp_path, store):
    band = "责令限期改正；处十万元以下的罚款"
    path = _workbook(tmp_path / "t.xlsx", [
        ["X-1", "未按规定培训", "《安全生产法》第二十八条第一款", "《安全生产法》第九十七条第三项",
         "责令限期改正", band, "一般", "条件一\n条件二", "责令限期改正，处1万元以上3万元以下的罚款"],
        [None, None, None, None, "责令限期改正", None, "较重", "条件三", "责令限期改正，处3万元以上10万元以下的罚款"]])
    imported = import_standard(store, path)
    item = imported.item("X-1")
    assert [t.name for t in item.tiers] == ["一般", "较重"]
    assert item.tiers[0].conditions == ["条件一", "条件二"]
    assert item.tiers[1].fines == [FineRule(low=30000, high=100000)]


def test_xlsx_errors_name_the_row(tmp_path, store):
    path = _workbook(tmp_path / "bad.xlsx", [
        ["X-1", "未按规定培训", "《安全生产法》第二十八条", "《安全生产法》第九十七条第三项",
         "逾期未改正", None, "严重", "", "处二十万元的罚款"]])
    with pytest.raises(KnowledgeError, match="第 3 行.*法定情形“逾期未改正”第一次出现"):
        import_standard(store, path)


# -- import errors: clear, naming the item, nothing imported ---------------------------------

def _with_item_change(tmp_path, change) -> Path:
    data = _raw()
    change(data["事项"][2])
    return _write(tmp_path / "bad.yaml", data)


@pytest.mark.parametrize("change, message", [
    (lambda item: item.update(法律规定=["《中华人民共和国消防法》第十六条"]),
     r"事项 AQ-097-3.*《中华人民共和国消防法》第十六条.*法规库中没有《中华人民共和国消防法》"),
    (lambda item: item.update(处罚依据=["《中华人民共和国安全生产法》第九百条"]),
     r"事项 AQ-097-3.*第九百条.*中没有第九百条"),
    (lambda item: item.update(处罚依据=["《中华人民共和国安全生产法》第九十七条第九项"]),
     r"事项 AQ-097-3.*第九十七条没有第九项"),
    (lambda item: item.update(法律规定=["第二十八条"]), r"事项 AQ-097-3：法律规定中无法识别的条文引用"),
    (lambda item: item["裁量阶次"][2].update(具体标准="处十万元以上十二万元以下的罚款"),
     r"事项 AQ-097-3 裁量阶次“较重”.*超出法定幅度“处十万元以下的罚款”"),
    (lambda item: item["裁量阶次"][0].update(法定情形="拒不改正"), r"裁量阶次“轻微”：法定情形“拒不改正”不在法定幅度中"),
    (lambda item: item.update(罚则="x"), r"事项 AQ-097-3：未知字段“罚则”"),
    (lambda item: item.pop("违法行为"), r"事项 AQ-097-3：缺少“违法行为”"),
], ids=["unknown-law", "unknown-article", "unknown-item", "no-law-named", "tier-above-statute", "unknown-band",
        "unknown-field", "missing-field"])
def test_import_errors_name_the_item_and_import_nothing(tmp_path, store, change, message):
    path = _with_item_change(tmp_path, change)
    with pytest.raises(KnowledgeError, match=message) as error:
        import_standard(store, path)
    assert str(path) in str(error.value)
    assert _counts(store) == (0, 0)


def test_failed_reimport_keeps_the_previous_version(tmp_path, store, sample):
    before = _counts(store)
    path = _with_item_change(tmp_path, lambda item: item.update(处罚依据=["《安全生产法》第九百条"]))
    with pytest.raises(KnowledgeError):
        import_standard(store, path)
    assert _counts(store) == before
    assert StandardStore(store).get(SAMPLE_KEY).items == sample.items


@pytest.mark.parametrize("name, content, message", [
    ("a.yaml", "名称: [未闭合", "YAML 格式错误第 1 行"),
    ("a.yaml", "标识: x\n名称: y\n发布日期: 2024-13-01\n事项: []\n", "无效的值"),
    ("a.yaml", "标识: x\n名称: y\n发布日期: 2024年\n事项: [{编号: A}]\n", "“发布日期”应为 YYYY-MM-DD"),
    ("a.txt", "x", "不支持的文件类型“.txt”"),
    ("a.xlsx", "not a workbook", "不是有效的 .xlsx 文件"),
])
def test_file_errors(tmp_path, store, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KnowledgeError, match=message):
        import_standard(store, path)


def test_missing_file(tmp_path, store):
    with pytest.raises(KnowledgeError, match="文件不存在"):
        import_standard(store, tmp_path / "none.yaml")


# -- layering and versions -------------------------------------------------------------------

SUPPLEMENT = {
    "标识": "示例市补充裁量基准", "名称": "示例市安全生产行政处罚裁量基准补充规定（示例）", "发布日期": "2024-09-01",
    "层级": "市级", "基础基准": SAMPLE_KEY, "示例": True,
    "事项": [
        {"编号": "AQ-097-3", "裁量阶次": [{"阶次": "一般", "具体标准": "责令限期改正；处四万元以上六万元以下的罚款"},
                                       {"阶次": "特别严重", "法定情形": "逾期未改正", "适用条件": ["逾期未改正且导致事故"],
                                        "具体标准": "责令停产停业整顿；处二十万元的罚款；对直接责任人员处五万元的罚款"}]},
        {"编号": "AQ-099-2", "违法行为": "安全设备的安装、使用、检测、改造和报废不符合国家标准或者行业标准",
         "法律规定": ["《安全生产法》第三十六条第一款"], "处罚依据": ["《安全生产法》第九十九条第二项"],
         "法定幅度": [{"情形": "责令限期改正", "具体标准": "责令限期改正；处五万元以下的罚款"}],
         "裁量阶次": [{"阶次": "一般", "法定情形": "责令限期改正", "具体标准": "责令限期改正；处二万元以下的罚款"}]},
    ]}


def test_supplement_layers_on_its_base(tmp_path, store, sample):
    supplement = import_standard(store, _write(tmp_path / "city.yaml", SUPPLEMENT))
    assert len(supplement.items) == len(sample.items) + 1
    assert supplement.inherited == {item.code for item in sample.items} - {"AQ-097-3"}
    item = supplement.item("AQ-097-3")
    assert [t.name for t in item.tiers] == ["轻微", "一般", "较重", "严重", "特别严重"]
    assert item.tier("一般").fines == [FineRule(low=40000, high=60000)]
    assert item.tier("一般").conditions == sample.item("AQ-097-3").tier("一般").conditions
    assert item.provisions == sample.item("AQ-097-3").provisions
    standards = StandardStore(store)
    owner, found = standards.find_item("AQ-097-3")
    assert owner.key == SUPPLEMENT["标识"] and found.tier("一般").fines[0].low == 40000
    assert standards.find_item("AQ-097-3", standard_key=SAMPLE_KEY)[1] == sample.item("AQ-097-3")
    own = [(s.key, i.code) for s, i in standards.iter_items()]
    assert own.count((SAMPLE_KEY, "AQ-097-3")) == 1 and (SUPPLEMENT["标识"], "AQ-097-3") in own
    assert (SUPPLEMENT["标识"], "AQ-094") not in own
    citing = {(s.key, i.code) for s, i, _ in standards.citing(SAFETY_LAW, 99)}
    assert (SUPPLEMENT["标识"], "AQ-099-2") in citing and (SAMPLE_KEY, "AQ-099-5") in citing


def test_supplement_errors(tmp_path, store, sample):
    orphan = SUPPLEMENT | {"基础基准": "不存在的基准"}
    with pytest.raises(KnowledgeError, match="基础基准“不存在的基准”尚未导入"):
        import_standard(store, _write(tmp_path / "orphan.yaml", orphan))
    incomplete = SUPPLEMENT | {"事项": [{"编号": "AQ-NEW", "违法行为": "新事项"}]}
    with pytest.raises(KnowledgeError, match="事项 AQ-NEW：缺少“法律规定”"):
        import_standard(store, _write(tmp_path / "incomplete.yaml", incomplete))


def test_versions_by_issue_date(store, sample):
    data = _raw()
    data["发布日期"] = date(2025, 1, 1)
    data["事项"][2]["裁量阶次"][1]["具体标准"] = "责令限期改正；处四万元以上六万元以下的罚款"
    save_standard(store, data)
    standards = StandardStore(store)
    assert [v.issued for v in standards.versions(SAMPLE_KEY)] == [date(2025, 1, 1), date(2024, 3, 1)]
    assert standards.find_item("AQ-097-3")[1].tier("一般").fines[0].low == 40000
    old = standards.find_item("AQ-097-3", on=date(2024, 6, 1))[1]
    assert old.tier("一般").fines[0].low == 30000
    assert standards.find_item("AQ-097-3", on=date(2023, 1, 1)) is None
    assert len({s.id for s, _ in standards.iter_items()}) == 1


# -- command line ------------------------------------------------------------------------------

def _cli(tmp_path, *args):
    group = click.Group(commands={c.name: c for c in COMMANDS})
    return CliRunner().invoke(group, list(args), obj={"data": str(tmp_path / "data")})


def test_cli_standard_commands(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    store = Store(data / "fazhi.sqlite")
    import_files(store, [STATUTES])
    store.close()
    result = _cli(tmp_path, "standard", "import", str(STANDARD_FILE))
    assert result.exit_code == 0 and "14 个事项" in result.output
    result = _cli(tmp_path, "standard", "list")
    assert SAMPLE_KEY in result.output and "示例" in result.output
    result = _cli(tmp_path, "standard", "show", "AQ-099-5")
    assert "第九十九条第五项" in result.output and "处一万元以上三万元以下的罚款" in result.output
    result = _cli(tmp_path, "standard", "show", "AQ-000")
    assert result.exit_code == 1 and "没有编号为“AQ-000”的事项" in result.output
    assert "Traceback" not in result.output
