"""In the browser: a question that describes a violation shows the penalty card above the hits;
a question that names no act shows none."""

from playwright.sync_api import expect


def test_the_search_page_shows_the_penalty_card(server, login):
    page = login("查阅员")
    page.goto(f"{server}/search?q=焊工无证上岗")
    card = page.locator(".penalty-card")
    expect(card.locator(".penalty")).to_have_text("《中华人民共和国安全生产法》第九十七条第七项（已读取）")
    expect(card.locator(".duty")).to_have_text("《中华人民共和国安全生产法》第三十条第一款")
    expect(card.locator(".ranges")).to_contain_text("基本情形·单位：责令改正；罚款 100,000元以下")
    expect(card.locator(".standard")).to_contain_text("AQ-097-7")
    expect(card.locator(".cases")).to_contain_text("示例应急罚〔2024〕19号")
    assert page.locator(".penalty-card + ol.hits").count() == 1
    page.goto(f"{server}/search?q=安全生产法怎么罚")
    expect(page.locator("ol.hits > li").first).to_be_visible()
    assert page.locator(".penalty-card").count() == 0
