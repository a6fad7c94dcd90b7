"""In the browser: 承办 submits a two-violation case (a field error shown live, then fixed),
审核 sees the machine's findings, chooses the conclusion and downloads the opinion; the unit
sees the result."""

import docx
from playwright.sync_api import expect

CASE = {
    "机关": "示例市应急管理局", "送审科室": "危险化学品安全监督管理科",
    "案由": "未按照规定对从业人员进行安全生产教育和培训；特种作业人员未持证上岗",
    "送审日期": "2026-03-20", "立案日期": "2026-02-11",
    "当事人.名称": "示例市某化工有限公司", "当事人.统一社会信用代码": "91000000MA000001",
    "违法事实": "新招用的5名从业人员未经安全生产教育和培训即上岗作业；2名焊工未取得特种作业操作证上岗作业。",
    "证据": "现场检查记录\n询问笔录\n培训档案复印件",
    "违法行为发生日期": "2026-01-05", "发现日期": "2026-02-10",
    "违法行为[0].案由": "未按照规定对从业人员进行安全生产教育和培训",
    "违法行为[0].违法事实": "新招用的5名从业人员未经安全生产教育和培训即上岗作业。",
    "违法行为[0].违反条款": "《中华人民共和国安全生产法》第二十八条第一款",
    "违法行为[0].处罚依据": "《中华人民共和国安全生产法》第九十七条第（三）项",
    "违法行为[0].裁量.事项编号": "AQ-097-3",
    "违法行为[0].拟处罚.罚款": "80000", "违法行为[0].拟处罚.其他处罚": "责令限期改正", "拟决定日期": "2026-03-27",
    "程序.告知日期": "2026-03-10", "程序.陈述申辩": "未提出",
}
SECOND = {"违法行为[1].案由": "特种作业人员未按照规定经专门的安全作业培训并取得相应资格上岗作业",
          "违法行为[1].违法事实": "2名焊工未取得特种作业操作证上岗作业。",
          "违法行为[1].违反条款": "《中华人民共和国安全生产法》第三十条第一款",
          "违法行为[1].处罚依据": "《中华人民共和国安全生产法》第九十七条第（七）项",
          "违法行为[1].拟处罚.罚款": "20000"}


def _fill(page, values):
    for name, value in values.items():
        page.locator(f'#case-form [name="{name}"]').fill(value)


def test_submit_review_download(server, login, tmp_path):
    clerk = login("张承办")
    clerk.goto(f"{server}/review/new")
    _fill(clerk, CASE)
    clerk.select_option('#case-form [name="当事人.类型"]', "单位")
    clerk.select_option('#case-form [name="违法行为[0].裁量.阶次"]', "一般")
    clerk.select_option('#case-form [name="程序.告知听证"]', "否")
    clerk.click("text=添加违法行为")
    _fill(clerk, SECOND)
    error = clerk.locator('[data-errors-for="当事人.统一社会信用代码"]')
    expect(error).to_contain_text("应为18位")
    clerk.locator('#case-form [name="当事人.统一社会信用代码"]').fill("91000000MA0000001X")
    expect(error).to_be_empty()
    findings = clerk.locator("#findings [data-findings] li")
    expect(findings.first).to_be_visible()
    expect(clerk.locator("#findings")).to_contain_text("处罚裁量")
    clerk.click("#case-form .actions button")
    expect(clerk.locator("h1")).to_contain_text("示例市某化工有限公司")
    expect(clerk.locator(".case-view")).to_contain_text("第三十条第一款")
    case_url = clerk.url

    reviewer = login("李审核")
    reviewer.goto(case_url)
    problem = reviewer.locator("#findings li.outcome-问题", has_text="处罚裁量")
    expect(problem).to_contain_text("高于")
    reviewer.locator('#case-form [name="文号"]').fill("示例应急法审〔2026〕21号")
    reviewer.locator('#case-form [name="审查意见.裁量"]').fill("拟罚款高于一般阶次幅度，应调整至幅度之内。")
    reviewer.select_option('#case-form [name="结论"]', "修改后同意")
    expect(reviewer.locator("#findings [data-conclusion]")).to_contain_text("审核结论：修改后同意")
    reviewer.click("#case-form .actions button")
    expect(reviewer.locator(".result-box")).to_contain_text("修改后同意")
    with reviewer.expect_download() as download:
        reviewer.click("text=下载法制审核意见书")
    path = tmp_path / "opinion.docx"
    download.value.save_as(path)
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "示例市某化工有限公司" in text
    assert "示例应急法审〔2026〕21号" in text
    assert "建议修改后提交" in text  # the standard wording of the 审核结论
    assert "拟罚款高于一般阶次幅度" in text
    assert "第三十条" in text and "第二十八条" in text

    clerk.goto(f"{server}/review")
    row = clerk.locator("table.list tr", has_text="示例市某化工有限公司")
    expect(row).to_contain_text("已审核")
    expect(row).to_contain_text("修改后同意")
    clerk.goto(case_url)
    expect(clerk.locator(".history")).to_contain_text("审核完毕")
    expect(clerk.locator("#case-form")).to_have_count(0)
