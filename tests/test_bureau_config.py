"""The bureau's own review configuration in the data directory (`fazhi config`, the 管理员 page):
reviews read the installed copy, a file with an error is refused naming it and never replaces
the one in use, and a calendar without the case's year leaves the review limit unchecked."""

import io
import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import kb.samples
from fazhi.cli import main
from generator.review import bureau_config
from generator.review import findings as fd
from web import db as webdb
from web import users
from web.app import create_app

CLEAN = Path(kb.samples.__file__).parent / "review" / "示例-法制审核-某化工有限公司.yaml"
OWN_THRESHOLDS = ("默认: 本市\n标准:\n  本市:\n    单位罚款: 30000\n    个人罚款: 5000\n"
                  "    来源: 本市安全生产行政处罚听证程序规定（测试用配置）\n    需确认: false\n")
ONLY_2025 = ("年份:\n  2025:\n    来源: 国务院办公厅关于2025年部分节假日安排的通知\n    需确认: false\n"
             "    放假: [2025-01-01]\n    上班: []\n")


def run(data: Path, *args: str, input: str | None = None):
    return CliRunner().invoke(main, ["--data", str(data), *args], input=input)


def reviewed(data: Path, case: Path) -> dict[str, dict]:
    result = run(data, "review", str(case), "--json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    return found, {f["check"]: f for f in found["findings"]}


@pytest.fixture()
def case_without_standard(tmp_path) -> Path:
    data = yaml.safe_load(CLEAN.read_text(encoding="utf-8"))
    data.pop("听证标准")
    path = tmp_path / "案件.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_reviews_use_the_thresholds_the_bureau_imported(sample_data, tmp_path, case_without_standard):
    listed = run(sample_data, "config", "list").output
    assert listed.count("随软件附带") == 3 and "默认标准“应急管理部门规章”" in listed
    exported = tmp_path / "听证标准.yaml"
    assert run(sample_data, "config", "export", "hearing_thresholds.yaml", "-o", str(exported)).exit_code == 0
    assert exported.read_text(encoding="utf-8") == bureau_config.FILES["hearing_thresholds.yaml"].shipped.read_text(
        encoding="utf-8-sig")
    _, before = reviewed(sample_data, case_without_standard)
    assert before[fd.HEARING]["outcome"] == fd.PASS          # 40,000 元 is below the ministry's 50,000

    exported.write_text(OWN_THRESHOLDS, encoding="utf-8")
    imported = run(sample_data, "config", "import", "hearing_thresholds.yaml", str(exported))
    assert imported.exit_code == 0 and "今后的审核使用本机关的听证较大数额标准" in imported.output
    assert "本机关配置" in run(sample_data, "config", "list").output
    _, after = reviewed(sample_data, case_without_standard)
    assert after[fd.HEARING]["outcome"] == fd.PROBLEM
    assert any("30,000元以上" in line for line in after[fd.HEARING]["details"])

    assert "已恢复使用随软件附带的听证较大数额标准" in run(sample_data, "config", "reset", "hearing_thresholds.yaml").output
    _, reset = reviewed(sample_data, case_without_standard)
    assert reset[fd.HEARING]["outcome"] == fd.PASS


def test_a_file_with_an_error_is_refused_and_the_one_in_use_stays(sample_data, tmp_path):
    good = tmp_path / "期限.yaml"
    good.write_text("工作日: 5\n延长工作日: 2\n来源: 本局重大执法决定法制审核办法第十条\n需确认: false\n", encoding="utf-8")
    assert run(sample_data, "config", "import", "review_time_limit.yaml", str(good)).exit_code == 0
    bad = tmp_path / "改错的期限.yaml"
    bad.write_text("工作日: 七\n来源: 本局办法\n", encoding="utf-8")
    refused = run(sample_data, "config", "import", "review_time_limit.yaml", str(bad))
    assert refused.exit_code == 1
    assert f"“{bad}”不能作为法制审核期限" in refused.output and "“工作日”" in refused.output and "未采用" in refused.output
    assert str(tmp_path / "config") not in refused.output
    in_use = bureau_config.active(sample_data, "review_time_limit.yaml")
    assert in_use.parent == sample_data / "config" and "工作日: 5" in in_use.read_text(encoding="utf-8")
    assert [p.name for p in (sample_data / "config").iterdir()] == ["review_time_limit.yaml"]
    unknown = run(sample_data, "config", "import", "tax.yaml", str(good))
    assert unknown.exit_code == 2 and "hearing_thresholds.yaml" in unknown.output
    run(sample_data, "config", "reset", "review_time_limit.yaml")


def test_a_calendar_without_the_year_of_the_case_is_never_approved(sample_data, tmp_path):
    calendar = tmp_path / "节假日.yaml"
    calendar.write_text(ONLY_2025, encoding="utf-8")
    assert run(sample_data, "config", "import", "holidays.yaml", str(calendar)).exit_code == 0
    found, by_check = reviewed(sample_data, CLEAN)
    limit = by_check[fd.REVIEW_LIMIT]
    assert limit["outcome"] == fd.NOTE and "没有2026年" in limit["message"]
    assert found["conclusion"]["result"] != fd.AGREE
    run(sample_data, "config", "reset", "holidays.yaml")
    found, _ = reviewed(sample_data, CLEAN)
    assert found["conclusion"]["result"] == fd.AGREE


def test_the_admin_page_installs_downloads_and_resets_a_configuration(sample_data):
    db = webdb.connect(sample_data)
    for name, role in (("配置管理员", users.ADMIN), ("配置审核员", users.REVIEWER)):
        if users.find_user(db, name) is None:
            users.add_user(db, name, role, "long-enough-6")
    db.close()
    app = create_app(sample_data, WTF_CSRF_ENABLED=False)
    reviewer = app.test_client()
    reviewer.post("/login", data={"name": "配置审核员", "password": "long-enough-6"})
    denied = reviewer.post("/admin/config/holidays.yaml", data={"reset": "1"})
    assert denied.status_code == 403
    admin = app.test_client()
    admin.post("/login", data={"name": "配置管理员", "password": "long-enough-6"})
    page = admin.get("/admin/templates").get_data(as_text=True)
    assert "审核配置" in page and page.count("随软件附带的文件") == 3 and "法制审核期限" in page

    upload = OWN_THRESHOLDS.encode("gb18030")           # as Notepad saves it on a Chinese Windows
    taken = admin.post("/admin/config/hearing_thresholds.yaml",
                       data={"file": (io.BytesIO(upload), "本局听证标准.yaml")},
                       content_type="multipart/form-data", follow_redirects=True).get_data(as_text=True)
    assert "今后的审核使用本局上传的听证较大数额标准“本局听证标准.yaml”" in taken
    assert "本市" in taken and "30,000" in taken and "本局上传的文件" in taken
    downloaded = admin.get("/admin/config/hearing_thresholds.yaml")
    assert downloaded.data.decode("utf-8") == OWN_THRESHOLDS

    broken = admin.post("/admin/config/hearing_thresholds.yaml",
                        data={"file": (io.BytesIO("默认: 别处\n标准: {}\n".encode()), "错的.yaml")},
                        content_type="multipart/form-data", follow_redirects=True).get_data(as_text=True)
    assert "“错的.yaml”不能作为听证较大数额标准" in broken and "未采用" in broken
    assert "本市" in bureau_config.active(sample_data, "hearing_thresholds.yaml").read_text(encoding="utf-8")

    admin.post("/admin/config/hearing_thresholds.yaml", data={"reset": "1"})
    assert bureau_config.own_copy(sample_data, "hearing_thresholds.yaml") is None
    audit = admin.get("/admin/audit").get_data(as_text=True)
    assert "上传配置" in audit and "恢复配置" in audit
