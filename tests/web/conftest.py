"""A live fazhi web server over the samples (waitress in a thread, on a free loopback port) and
Debian's Chromium driven by Playwright, for the browser tests."""

import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from fazhi.cli import main
from web import db as webdb
from web import users

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
PASSWORD = "correct-horse-9"
ACCOUNTS = {"查阅员": (users.READER, ""), "张承办": (users.CLERK, "危险化学品安全监督管理科"),
            "李审核": (users.REVIEWER, ""), "管理员甲": (users.ADMIN, "")}
UPLOAD_LIMIT_MB = 2


@pytest.fixture(scope="module")
def live_data(tmp_path_factory):
    """A data directory with the samples imported and one account per role."""
    folder = tmp_path_factory.mktemp("web")
    result = CliRunner().invoke(main, ["--data", str(folder), "import", "--samples"])
    assert result.exit_code == 0, result.output
    db = webdb.connect(folder)
    for name, (role, unit) in ACCOUNTS.items():
        users.add_user(db, name, role, PASSWORD, unit)
    db.close()
    return folder


@pytest.fixture(scope="module")
def server(live_data):
    """The base URL of a running server over `live_data` (upload limit UPLOAD_LIMIT_MB)."""
    import waitress

    from web.app import create_app

    app = create_app(live_data, MAX_CONTENT_LENGTH=UPLOAD_LIMIT_MB * 1024 * 1024)
    running = waitress.create_server(app, host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{running.effective_port}"
    running.close()


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def login(browser, server):
    """login(name) → a page of a fresh browser context logged in as that account."""
    contexts, dialogs = [], []

    def log_in(name: str, password: str = PASSWORD):
        context = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True,
                                      locale="zh-CN")
        contexts.append(context)
        context.set_default_timeout(15_000)
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(f"{server}/login")
        page.fill("input[name=name]", name)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        return page

    yield log_in
    for context in contexts:
        context.close()
    assert not dialogs, f"a page opened a dialog (injected script ran?): {dialogs}"
