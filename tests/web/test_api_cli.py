"""`fazhi user …` and the token-authenticated JSON API (through Flask's test client) and the upload
checks on real files."""

import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from fazhi.cli import main
from kb.store import Store
from web import uploads
from web.app import create_app

SAMPLE_CASE = Path(__file__).resolve().parents[2] / "kb" / "samples" / "review" / "示例-法制审核-某危险化学品仓储有限公司.yaml"


@pytest.fixture(scope="module")
def api(sample_data):
    runner = CliRunner()
    for name, role in (("接口用户", "查阅"), ("接口承办", "承办")):
        result = runner.invoke(main, ["--data", str(sample_data), "user", "add", name, "--role", role,
                                      "--password-stdin"], input="long-enough-1\n")
        assert result.exit_code == 0, result.output
    tokens = {name: runner.invoke(main, ["--data", str(sample_data), "user", "token", name]).output.strip()
              for name in ("接口用户", "接口承办")}
    return create_app(sample_data).test_client(), tokens


def test_user_commands(api, sample_data):
    runner = CliRunner()
    listed = runner.invoke(main, ["--data", str(sample_data), "user", "list"])
    assert "接口用户\t查阅" in listed.output
    short = runner.invoke(main, ["--data", str(sample_data), "user", "add", "短密码", "--role", "查阅",
                                 "--password-stdin"], input="short\n")
    assert short.exit_code == 1 and "密码至少 8 位" in short.output
    taken = runner.invoke(main, ["--data", str(sample_data), "user", "add", "接口用户", "--role", "查阅",
                                 "--password-stdin"], input="long-enough-2\n")
    assert "已存在" in taken.output


def test_api_search_and_article(api):
    client, tokens = api
    assert client.get("/api/search?q=安全帽").status_code == 401
    headers = {"Authorization": f"Bearer {tokens['接口用户']}"}
    found = client.get("/api/search?q=安全生产法第九十七条", headers=headers).get_json()
    assert found["jumped"] and found["hits"][0]["article"] == "第九十七条"
    article = client.get("/api/article?citation=安全生产法第九十七条", headers=headers).get_json()
    assert article["citation"] == "《中华人民共和国安全生产法》第九十七条"
    assert any(item["code"] == "AQ-097-7" for item in article["standard_items"])
    missing = client.get("/api/article?citation=安全生产法第九百条", headers=headers)
    assert missing.status_code == 404 and "没有第九百条" in missing.get_json()["error"]


def test_api_review(api):
    client, tokens = api
    import yaml
    case = yaml.safe_load(SAMPLE_CASE.read_text(encoding="utf-8"))
    body = json.dumps(case, ensure_ascii=False, default=str)
    reader = client.post("/api/review", data=body, content_type="application/json",
                         headers={"Authorization": f"Bearer {tokens['接口用户']}"})
    assert reader.status_code == 403
    headers = {"Authorization": f"Bearer {tokens['接口承办']}"}
    result = client.post("/api/review", data=body, content_type="application/json", headers=headers).get_json()
    outcomes = {f["check"]: f["outcome"] for f in result["findings"]}
    assert outcomes["处罚裁量"] == "问题" and result["conclusion"]["result"] != "同意"
    broken = client.post("/api/review", json={"文书类型": "法制审核意见书"}, headers=headers)
    assert broken.status_code == 422 and any("当事人" in p for p in broken.get_json()["problems"])


def test_upload_checks():
    real = (Path(__file__).resolve().parents[2] / "templates" / "法制审核意见书.docx").read_bytes()
    assert uploads.sniff(real) == uploads.DOCX
    assert uploads.clean_name("../../etc/<passwd>.md") == "_passwd_.md"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert uploads.sniff(out.getvalue()) == uploads.XLSX
    with pytest.raises(uploads.UploadRejected, match="损坏"):
        uploads.sniff(b"PK\x03\x04 not really a zip")
    assert uploads.sniff(b"\x00\x01binary") is None


@pytest.mark.parametrize("sample", ["示例-合法性审查-重大事故隐患治理督办办法.yaml", "示例-案例评析-锁闭安全出口.yaml",
                                    "示例-法制审核-多个违法行为.yaml"])
def test_case_file_round_trip_through_the_forms(sample_data, sample):
    """A sample case file loads into the form, is submitted, reviewed and generated; the case file
    exported afterwards holds what the sample held."""
    import yaml

    from web import db as webdb
    from web import users
    from web.case_form import from_case_file
    from web.form_specs import REVIEW_KEYS

    path = SAMPLE_CASE.parent / sample
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    kind = data["文书类型"]
    db = webdb.connect(sample_data)
    for name, role in (("表单承办", users.CLERK), ("表单审核", users.REVIEWER)):
        if users.find_user(db, name) is None:
            users.add_user(db, name, role, "long-enough-3")
    db.close()
    app = create_app(sample_data, WTF_CSRF_ENABLED=False)
    clerk, reviewer = app.test_client(), app.test_client()
    clerk.post("/login", data={"name": "表单承办", "password": "long-enough-3"})
    reviewer.post("/login", data={"name": "表单审核", "password": "long-enough-3"})
    loaded = clerk.post(f"/review/new?kind={kind}", content_type="multipart/form-data",
                        data={"load": "1", "casefile": (path.open("rb"), path.name)})
    assert "已从“" in loaded.get_data(as_text=True)
    submitted = {k: v for k, v in from_case_file(data, kind).values.items()
                 if v and k.split(".")[0] not in REVIEW_KEYS[kind]}
    made = clerk.post(f"/review/new?kind={kind}", data=submitted)
    assert made.status_code == 302, made.get_data(as_text=True)
    case_url = made.headers["Location"]
    opinions = {k: v for k, v in from_case_file(data, kind).values.items() if v and k.split(".")[0] in REVIEW_KEYS[kind]}
    assert reviewer.post(f"{case_url}/decide", data=opinions).status_code == 302
    document = clerk.get(f"{case_url}/document")
    assert document.status_code == 200 and document.data[:2] == b"PK"
    exported = yaml.safe_load(clerk.get(f"{case_url}/case.yaml").get_data(as_text=True))
    if "文号" in opinions:
        workbook = openpyxl.load_workbook(io.BytesIO(reviewer.get(f"/ledger.xlsx?doc_type={kind}").data))
        rows = [[cell.value for cell in row] for row in workbook.active.iter_rows()]
        assert rows[0][:3] == ["审核日期", "文书类型", "文号"]
        assert any(row[2] == opinions["文号"] and row[1] == kind for row in rows[1:])
        unit = data.get("送审科室") or data.get("起草单位")
        assert any(row[2] == opinions["文号"] and row[5] == unit for row in rows[1:])
        assert opinions["文号"] in reviewer.get("/ledger", query_string={"unit": unit}).get_data(as_text=True)
        assert opinions["文号"] not in reviewer.get("/ledger", query_string={"unit": "无此科室"}).get_data(as_text=True)
    for key, value in data.items():
        if key != "示例":
            assert _plain(exported[key]) == _plain(value), key


def _plain(value):
    """Leaves as stripped text, so dates and numbers compare with their written form."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return str(value).strip()


def test_empty_data_directory_offers_samples(tmp_path):
    """A fresh data directory: the login page says how to create the first 管理员; once logged in,
    the pages say there is no data and the import page loads the samples."""
    import time

    from web import db as webdb
    from web import users

    app = create_app(tmp_path, WTF_CSRF_ENABLED=False)
    client = app.test_client()
    assert "fazhi user add 用户名 --role 管理员" in client.get("/login").get_data(as_text=True)
    db = webdb.connect(tmp_path)
    users.add_user(db, "首位管理员", users.ADMIN, "long-enough-4")
    db.close()
    client.post("/login", data={"name": "首位管理员", "password": "long-enough-4"})
    empty = client.get("/search?q=安全生产")
    assert empty.status_code == 503 and "导入示例内容" in empty.get_data(as_text=True)
    started = client.post("/import", data={"samples": "1"})
    job = started.headers["Location"].rsplit("/", 1)[1]
    for _ in range(300):
        state = client.get(f"/import/{job}/state").get_json()
        if state["finished"]:
            break
        time.sleep(0.1)
    assert state["phase"] == "完成" and state["files"][0]["status"] == "已导入", state
    found = client.get("/search?q=安全生产法第九十七条").get_data(as_text=True)
    assert "第九十七条" in found
    audit = client.get("/admin/audit").get_data(as_text=True)
    assert "导入完成" in audit and "登录" in audit


def test_session_expires(sample_data):
    """A session older than PERMANENT_SESSION_LIFETIME no longer logs in."""
    import time
    from datetime import timedelta

    app = create_app(sample_data, WTF_CSRF_ENABLED=False, PERMANENT_SESSION_LIFETIME=timedelta(seconds=1))
    client = app.test_client()
    client.post("/login", data={"name": "接口用户", "password": "long-enough-1"})
    assert client.get("/search").status_code == 200
    time.sleep(2.1)
    expired = client.get("/search")
    assert expired.status_code == 302 and "/login" in expired.headers["Location"]


def test_templates_page_checks_uploads(sample_data, tmp_path):
    """A 管理员 uploads an edited template: one with an unknown variable is refused with the
    variable named; the shipped one passes, is used, and can be reset."""
    import docx

    from web import db as webdb
    from web import doc_templates, users
    from generator.documents import KINDS

    db = webdb.connect(sample_data)
    if users.find_user(db, "模板管理员") is None:
        users.add_user(db, "模板管理员", users.ADMIN, "long-enough-5")
    db.close()
    client = create_app(sample_data, WTF_CSRF_ENABLED=False).test_client()
    client.post("/login", data={"name": "模板管理员", "password": "long-enough-5"})
    page = client.get("/admin/templates").get_data(as_text=True)
    assert "随软件附带的模板" in page and "示例省" in page
    broken = docx.Document()
    broken.add_paragraph("{{ 不存在的变量 }}")
    broken.save(tmp_path / "broken.docx")
    refused = client.post("/admin/templates", data={"kind": "opinion", "template": (open(tmp_path / "broken.docx", "rb"), "改过的.docx")},
                          content_type="multipart/form-data", follow_redirects=True).get_data(as_text=True)
    assert "未通过模板检查" in refused and doc_templates.active(sample_data, KINDS["opinion"]) is None
    shipped = KINDS["opinion"].template
    taken = client.post("/admin/templates", data={"kind": "opinion", "template": (shipped.open("rb"), "本局模板.docx")},
                        content_type="multipart/form-data", follow_redirects=True).get_data(as_text=True)
    assert "今后使用上传的模板" in taken and doc_templates.active(sample_data, KINDS["opinion"]) is not None
    client.post("/admin/templates", data={"kind": "opinion", "reset": "1"})
    assert doc_templates.active(sample_data, KINDS["opinion"]) is None
