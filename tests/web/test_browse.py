"""In the browser: log in, search, open 安全生产法第九十七条, copy its citation, import a statute
file through the import page and compare two versions of an article."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

SHARED = Path(os.environ.get("FAZHI_SHARED") or Path(__file__).resolve().parents[3] / "shared") / "corpus" / "laws"
TWO_VERSIONS = [SHARED / "司法解释" / f"最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释({day}).md"
                for day in ("2020-12-29", "2022-04-24")]


def test_login_required_and_wrong_password(browser, server, login):
    page = login("查阅员", "wrong-password")
    expect(page.locator(".flash.error")).to_contain_text("用户名或密码不正确")
    page.goto(f"{server}/search?q=安全生产")
    assert page.url.startswith(f"{server}/login")


def test_search_question_then_article(server, login):
    page = login("查阅员")
    assert page.url.endswith("/search")
    response = page.goto(f"{server}/search")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    cookie = next(c for c in page.context.cookies() if c["name"] == "fazhi_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    page.fill("input[name=q]", "工地不给工人发安全帽怎么罚")
    page.click(".searchbox button")
    hits = page.locator("ol.hits > li")
    expect(hits.first).to_be_visible()
    assert hits.count() >= 3
    assert page.locator(".snippet mark").count() > 0

    page.fill("input[name=q]", "安全生产法第九十七条")
    page.click(".searchbox button")
    page.locator("a.hit-title", has_text="第九十七条").first.click()
    expect(page.locator("h1")).to_have_text("《中华人民共和国安全生产法》第九十七条")
    expect(page.locator(".statute .path")).to_contain_text("第六章 法律责任")
    expect(page.locator(".article-text")).to_contain_text("特种作业人员未按照规定经专门的安全作业培训")
    expect(page.locator(".toc a.on")).to_have_text("第九十七条")
    page.locator("button.copy", has_text="第（三）项").click()
    expect(page.locator(".cite-field")).to_have_value("《中华人民共和国安全生产法》第九十七条第（三）项")
    expect(page.locator(".refs")).to_contain_text("AQ-097-7")
    following = page.locator(".neighbours a").last
    label = following.inner_text().rstrip(" ›")
    following.click()
    expect(page.locator("h1")).to_contain_text(label)


@pytest.mark.skipif(not all(p.exists() for p in TWO_VERSIONS), reason="共享语料 ../shared/corpus/laws 不存在")
def test_import_two_versions_and_compare(server, login):
    page = login("李审核")
    page.goto(f"{server}/import")
    page.check("input[name=kind][value=法规]")
    page.set_input_files("input[name=files]", [str(p) for p in TWO_VERSIONS])
    page.click("form.card button.primary")
    expect(page.locator("[data-phase]")).to_have_text("完成", timeout=60_000)
    rows = page.locator("[data-files] tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("已导入")
    expect(rows.nth(1)).to_contain_text("现行有效")

    page.goto(f"{server}/search?q=残疾赔偿金根据受害人丧失劳动能力程度")
    page.locator("a.hit-title", has_text="第十二条").first.click()
    expect(page.locator(".meta")).to_contain_text("现行有效")
    current = page.url
    page.locator(".versions a", has_text="该版本中的对应条文").click()     # matched when asked for
    expect(page.locator(".meta")).to_contain_text("已被修订")
    expect(page.locator("h1")).to_contain_text("第十二条")
    page.goto(current)
    page.locator(".versions a", has_text="与本版本对照").click()
    focus = page.locator("tr.focus")
    expect(focus).to_contain_text("修改")
    expect(focus.locator("del")).to_contain_text("或者农村居民人均纯")
    assert re.search(r"2020年12月29日版", page.locator("table.diff thead").inner_text())
    assert page.locator("table.diff tbody tr").count() >= 3
