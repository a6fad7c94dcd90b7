"""In the browser, what must be refused: a wrong role, a form without its CSRF token, repeated
failed logins, an oversized upload, a zip bomb and a path outside the archive, and HTML in a
statute, in a case file and in a file name shown as text, never run."""

import io
import re
import zipfile
from pathlib import Path

from playwright.sync_api import expect

from tests.web.conftest import UPLOAD_LIMIT_MB

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "statutes" / "刑法（节选）.txt"
INJECTED = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">"


def _docx_zip(extra: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for name, data in extra.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_wrong_role_is_refused(server, login):
    page = login("查阅员")
    for path, role in (("/review/new", "承办"), ("/import", "审核"), ("/ledger", "审核"), ("/admin/users", "管理员")):
        response = page.goto(f"{server}{path}")
        assert response.status == 403
        expect(page.locator(".error-text")).to_contain_text(f"需要“{role}”")
    assert page.locator("nav.main a", has_text="导入").count() == 0
    api = page.request.get(f"{server}/api/search?q=安全生产")
    assert api.status == 401 and "令牌" in api.json()["error"]


def test_form_without_csrf_token_is_refused(server, login):
    page = login("张承办")
    page.goto(f"{server}/cases")
    page.evaluate("document.querySelector('form.card input[name=csrf_token]').remove()")
    page.fill("textarea[name=facts]", "叉车司机没有特种作业操作证")
    page.click("form.card button")
    expect(page.locator("h1")).to_have_text("表单已失效")
    expect(page.locator(".error-text")).to_contain_text("安全令牌")


def test_repeated_failed_logins_must_wait(browser, server):
    context = browser.new_context()
    page = context.new_page()
    for attempt in range(4):
        page.goto(f"{server}/login")
        page.fill("input[name=name]", "不存在的用户")
        page.fill("input[name=password]", f"guess-{attempt}")
        page.click("button[type=submit]")
    expect(page.locator(".flash.error")).to_contain_text("秒后再试")
    context.close()


def test_oversized_upload_and_zip_bombs(server, login):
    page = login("李审核")
    page.goto(f"{server}/import")
    big = b"x" * ((UPLOAD_LIMIT_MB + 1) * 1024 * 1024)
    page.set_input_files("input[name=files]", {"name": "大文件.txt", "mimeType": "text/plain", "buffer": big})
    page.click("form.card button.primary")
    expect(page.locator("h1")).to_have_text("文件过大")
    expect(page.locator(".error-text")).to_contain_text(f"{UPLOAD_LIMIT_MB} MB")

    page.goto(f"{server}/check")
    bomb = _docx_zip({"word/media/zeros.bin": bytes(60 * 1024 * 1024)})
    assert len(bomb) < UPLOAD_LIMIT_MB * 1024 * 1024
    page.set_input_files("input[name=draft]", {"name": "草稿.docx", "mimeType": "application/zip", "buffer": bomb})
    page.click("form.card button.primary")
    expect(page.locator(".flash.error")).to_contain_text("压缩炸弹")

    escape = _docx_zip({"../../etc/evil.xml": b"<x/>"})
    page.set_input_files("input[name=draft]", {"name": "草稿.docx", "mimeType": "application/zip", "buffer": escape})
    page.click("form.card button.primary")
    expect(page.locator(".flash.error")).to_contain_text("指向压缩包之外的路径")

    page.set_input_files("input[name=draft]", {"name": "草稿.docx", "mimeType": "text/plain", "buffer": "纯文本".encode()})
    page.click("form.card button.primary")
    expect(page.locator(".flash.error")).to_contain_text("扩展名为 .docx，但内容是文本")


def test_html_in_statute_and_file_names_stays_text(server, login, tmp_path):
    text = FIXTURE.read_text(encoding="utf-8")
    first_article = next(line for line in text.splitlines() if re.match(r"^第[一二三四五六七八九十百零]+条", line.strip()))
    label, body = first_article.strip().split("\u3000", 1)
    poisoned = tmp_path / "刑法<b>（节选）.txt"
    poisoned.write_text(text.replace(first_article, f"{label}\u3000{INJECTED}{body}", 1), encoding="utf-8")
    page = login("李审核")
    page.goto(f"{server}/import")
    page.check("input[name=kind][value=法规]")
    page.set_input_files("input[name=files]", str(poisoned))
    page.click("form.card button.primary")
    expect(page.locator("[data-phase]")).to_have_text("完成", timeout=60_000)
    expect(page.locator("[data-files]")).to_contain_text("已导入")
    assert page.locator("[data-files] b").count() == 0

    page.goto(f"{server}/search?q=刑法{label}")
    snippet = page.locator(".snippet").first
    expect(snippet).to_contain_text("<script>")
    page.locator("a.hit-title").first.click()
    expect(page.locator(".article-text")).to_contain_text("<script>document.title='pwned'</script>")
    assert page.locator(".article-text script, .article-text img").count() == 0
    assert page.title() != "pwned"

    case_file = tmp_path / "<img src=x onerror=alert(1)>.yaml"
    case_file.write_text("文书类型: 法制审核意见书\n案由: \"<script>document.title='pwned'</script>\"\n", encoding="utf-8")
    clerk = login("张承办")
    clerk.goto(f"{server}/review/new")
    clerk.set_input_files("input[name=casefile]", str(case_file))
    clerk.click("form.load-file button")
    expect(clerk.locator(".flash.info")).to_contain_text("已从")
    expect(clerk.locator('#case-form [name="案由"]')).to_have_value("<script>document.title='pwned'</script>")
    assert clerk.locator("main img").count() == 0
    assert clerk.title() != "pwned"
