"""End to end: the real server process over the indexed demo corpus, driven by headless chromium.

Needs Debian's chromium at /usr/bin/chromium (no Playwright browser download). Screenshots go to
artifacts/screenshots/ (desktop 1366x900, phone 390x844); the README's docs/screenshot-answer.png is
rewritten only when DQA_UPDATE_SCREENSHOTS=1 is set, so a test run leaves the work tree clean.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from eval.load import RunningServer
from tests.servers import copy_data, running_server

pytestmark = [pytest.mark.integration, pytest.mark.browser]

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"]
SHOTS = ROOT / "artifacts" / "screenshots"
README_SHOT = ROOT / "docs" / "screenshot-answer.png"  # refreshed only with DQA_UPDATE_SCREENSHOTS=1
ADMIN_KEY = "khoa-quan-tri-thu"
QUESTION = "Ai chủ trì xây dựng Bản đồ số Tài nguyên - Khí hậu?"
SOURCE_DOC = "000_d4e1942f8233c084"  # the demo document that answers QUESTION (gold item d000-01)


@pytest.fixture(scope="module")
def server(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """The real server process over a private copy of the indexed demo corpus, with one API key."""
    if not CHROMIUM.exists():
        pytest.fail("Debian chromium is missing: apt-get install -y chromium")
    data_dir = copy_data(demo_template, tmp_path_factory.mktemp("ui") / "data")
    with running_server(data_dir, api_keys=[ADMIN_KEY]) as running:
        yield running


def _documents(server: RunningServer) -> list[dict[str, str]]:
    """Return the indexed documents as the API lists them."""
    response = httpx.get(f"{server.base_url}/v1/documents", headers={"X-API-Key": server.api_key}, timeout=30)
    assert response.status_code == 200, response.text
    listed: list[dict[str, str]] = response.json()
    return listed


def _keep_readme_screenshot(shot: Path) -> None:
    """Copy a screenshot over the README's docs/screenshot-answer.png when DQA_UPDATE_SCREENSHOTS=1."""
    if os.environ.get("DQA_UPDATE_SCREENSHOTS") == "1":
        README_SHOT.parent.mkdir(exist_ok=True)
        shutil.copyfile(shot, README_SHOT)


def _browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    return playwright, browser


def _logged_in_page(browser, server: RunningServer, **options):  # type: ignore[no-untyped-def]
    """Return a new page whose browser context is logged in to the web chat with the server's API key."""
    page = browser.new_page(**options)
    login = page.request.post(f"{server.base_url}/login",
                              form={"username": "kiem-thu", "password": server.api_key})
    assert login.ok, login.text()
    return page


def _ask(page, question: str):  # type: ignore[no-untyped-def]
    """Type a question, send it, and return the locator of the reply once it is shown."""
    page.locator("#dqa-question textarea").fill(question)
    page.locator("#dqa-send").click()
    reply = page.locator("#dqa-chat .dqa-answer").last
    reply.wait_for(timeout=180_000)
    return reply


def _feedback_rows(data_dir: Path) -> list[tuple[str, str, str, str]]:
    database = data_dir / "feedback.sqlite3"
    if not database.exists():
        return []
    with sqlite3.connect(database) as connection:
        try:
            return connection.execute("SELECT rating, question, citations, comment FROM feedback").fetchall()
        except sqlite3.OperationalError:  # the server has created the file but not yet its table
            return []


@pytest.mark.timeout(1800)
def test_desktop_answer_sources_document_and_feedback(server: RunningServer) -> None:
    url, data_dir = server.base_url, server.data_dir
    documents = {d["doc_id"]: d for d in _documents(server)}
    title = documents[SOURCE_DOC]["title"]
    assert title, "the demo document has no title in its metadata"
    SHOTS.mkdir(parents=True, exist_ok=True)
    playwright, browser = _browser()
    try:
        page = _logged_in_page(browser, server, viewport={"width": 1366, "height": 900})
        page.goto(url + "/")
        # an empty chat offers example questions written from the indexed documents
        page.locator("#dqa-chat button.example").first.wait_for(timeout=60_000)
        reply = _ask(page, QUESTION)
        assert "UBND tỉnh" in reply.locator(".dqa-short").inner_text()

        # a source names the document's title, section 2.2 and marks the quoted span
        source = reply.locator(".dqa-source").filter(has_text=title).filter(
            has=page.locator(".dqa-section", has_text="2.2")).first
        source.wait_for(timeout=5_000)
        assert "UBND tỉnh" in source.locator(".dqa-passage mark").first.inner_text()
        page.wait_for_timeout(600)  # the chat scrolls the question to the top after the reply
        page.screenshot(path=str(SHOTS / "desktop-answer.png"))
        _keep_readme_screenshot(SHOTS / "desktop-answer.png")

        # the source opens the whole document with that span highlighted and in view
        with page.context.expect_page() as opened:
            source.locator("a.dqa-open").click()
        document = opened.value
        document.wait_for_load_state()
        highlighted = document.locator("mark#dqa-hl")
        assert "UBND tỉnh" in highlighted.inner_text()
        document.wait_for_function(
            "() => { const r = document.getElementById('dqa-hl').getBoundingClientRect();"
            " return r.top >= 0 && r.bottom <= window.innerHeight; }", timeout=5_000)
        assert title in document.locator("h1").inner_text()
        document.screenshot(path=str(SHOTS / "desktop-document.png"))
        document.close()

        # thumbs-down stores a feedback row with the question, the answer's citations; then a comment
        page.locator("#dqa-chat button[aria-label='Chưa đúng']").last.click()
        deadline = time.monotonic() + 20
        while not _feedback_rows(data_dir) and time.monotonic() < deadline:
            time.sleep(0.3)
        rows = _feedback_rows(data_dir)
        assert [(r[0], r[1]) for r in rows] == [("down", QUESTION)]
        assert SOURCE_DOC in rows[0][2]
        page.locator("#dqa-comment textarea").fill("Cần nêu rõ cả các sở, ngành.")
        page.get_by_role("button", name="Gửi góp ý").click()
        deadline = time.monotonic() + 20
        while _feedback_rows(data_dir)[0][3] == "" and time.monotonic() < deadline:
            time.sleep(0.3)
        assert _feedback_rows(data_dir)[0][3] == "Cần nêu rõ cả các sở, ngành."
        page.screenshot(path=str(SHOTS / "desktop-feedback.png"))
    finally:
        browser.close()
        playwright.stop()


@pytest.mark.timeout(900)
def test_phone_width_answer_and_documents_tab(server: RunningServer) -> None:
    url = server.base_url
    SHOTS.mkdir(parents=True, exist_ok=True)
    playwright, browser = _browser()
    try:
        page = _logged_in_page(browser, server, viewport={"width": 390, "height": 844},
                               device_scale_factor=2, is_mobile=True, has_touch=True)
        page.goto(url + "/")
        reply = _ask(page, QUESTION)
        assert "UBND tỉnh" in reply.locator(".dqa-short").inner_text()
        assert reply.locator(".dqa-source mark").count() >= 1
        # nothing sticks out sideways on a phone
        assert page.evaluate("document.documentElement.scrollWidth") <= 392
        page.wait_for_timeout(600)
        page.screenshot(path=str(SHOTS / "phone-answer.png"))

        page.get_by_role("tab", name="Văn bản").click()
        table = page.locator("#dqa-docs-table table.dqa-docs")
        table.wait_for(timeout=30_000)
        assert table.locator("tbody tr").count() == 5
        assert page.evaluate("document.documentElement.scrollWidth") <= 392
        page.screenshot(path=str(SHOTS / "phone-documents.png"), full_page=True)
    finally:
        browser.close()
        playwright.stop()


UPLOADED = """ỦY BAN NHÂN DÂN
TỈNH THỬ NGHIỆM
Số: 99/KH-UBND
KẾ HOẠCH
Tổ chức ngày hội đọc sách năm 2026
I. MỤC ĐÍCH, YÊU CẦU
1. Khơi dậy phong trào đọc sách trong cán bộ, công chức.
II. TỔ CHỨC THỰC HIỆN
1. Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức ngày hội đọc sách, hoàn thành trước ngày 30/4/2026.
"""


ROW_COUNT = "n => document.querySelectorAll('#dqa-docs-table tbody tr').length === n"


def _log_in_with_the_form(page, url: str, key: str) -> None:  # type: ignore[no-untyped-def]
    """Log in on Gradio's login page as a person does: a name, the API key typed once; wait for the chat."""
    page.goto(url + "/")
    page.get_by_text("Đăng nhập bằng khóa API").wait_for(timeout=60_000)
    page.get_by_label("username").fill("Phòng Tổng hợp")
    page.get_by_label("password").fill(key)
    page.get_by_role("button", name="Login").click()
    page.locator("#dqa-chat").wait_for(timeout=60_000)


def _uploaded_titles(server: RunningServer) -> list[str]:
    return [d["title"] for d in _documents(server) if "đọc sách" in (d.get("title") or "")]


@pytest.mark.timeout(900)
def test_a_logged_in_user_uploads_and_removes_without_typing_the_key_again(
        server: RunningServer, tmp_path: Path) -> None:
    url, data_dir = server.base_url, server.data_dir
    good = tmp_path / "ke-hoach-ngay-hoi-doc-sach.txt"
    good.write_text(UPLOADED, encoding="utf-8")
    empty = tmp_path / "rong.txt"
    empty.write_text("", encoding="utf-8")
    playwright, browser = _browser()
    try:
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        _log_in_with_the_form(page, url, ADMIN_KEY)
        page.get_by_role("tab", name="Văn bản").click()
        rows = page.locator("#dqa-docs-table table.dqa-docs tbody tr")
        rows.first.wait_for(timeout=30_000)
        before = rows.count()
        # no key box anywhere: the tab says the login's key is used
        assert page.locator("input[type=password]").count() == 0
        assert "không cần nhập lại" in page.locator("#dqa-write-note").inner_text()

        page.locator("#dqa-upload input[type=file]").set_input_files([str(good), str(empty)])
        page.locator(f"#dqa-upload td.filename[aria-label='{good.name}']").wait_for(timeout=30_000)
        page.get_by_role("button", name="Tải lên và lập chỉ mục").click()
        report = page.locator("#dqa-upload-result ul.dqa-upload-report")
        report.locator("li.dqa-ok").wait_for(timeout=300_000)
        assert "tệp rỗng" in report.locator("li.dqa-fail").inner_text()  # a bad file among good ones
        assert "đã thêm" in report.locator("li.dqa-ok").inner_text()
        page.wait_for_function(ROW_COUNT, arg=before + 1, timeout=30_000)
        assert (data_dir / "uploads" / good.name).is_file() and _uploaded_titles(server)
        page.screenshot(path=str(SHOTS / "desktop-documents.png"), full_page=True)

        page.locator("#dqa-remove input").click()
        # labelled "số hiệu — trích yếu" when the metadata was read, else by the file name
        page.locator("#dqa-remove li[role=option]").filter(has_text=re.compile("đọc sách|doc-sach")).click()
        page.get_by_role("button", name="Xóa văn bản…").click()
        page.get_by_role("button", name="Xác nhận xóa").click()
        page.wait_for_function(ROW_COUNT, arg=before, timeout=60_000)
        assert "Đã xóa" in page.locator("#dqa-doc-changes").inner_text()
        assert not (data_dir / "uploads" / good.name).exists() and not _uploaded_titles(server)
    finally:
        browser.close()
        playwright.stop()


@pytest.mark.timeout(900)
def test_a_client_without_a_login_cannot_upload_or_remove(server: RunningServer, tmp_path: Path) -> None:
    url, data_dir = server.base_url, server.data_dir
    good = tmp_path / "ke-hoach-ngay-hoi-doc-sach.txt"
    good.write_text(UPLOADED, encoding="utf-8")
    listed = len(_documents(server))
    playwright, browser = _browser()
    try:
        # a browser that never logged in gets the login page: no documents tab, no upload, no delete
        stranger = browser.new_page(viewport={"width": 1366, "height": 900})
        stranger.goto(url + "/")
        stranger.get_by_text("Đăng nhập bằng khóa API").wait_for(timeout=60_000)
        assert stranger.locator("#dqa-upload, #dqa-remove, #dqa-tab-docs").count() == 0
        # nor can it call the page's events or send a file directly
        for path in ("/gradio_api/call/index_files", "/gradio_api/call/remove"):
            assert stranger.request.post(url + path, data={"data": [None]}).status == 401, path
        sent = stranger.request.post(url + "/gradio_api/upload", multipart={
            "files": {"name": good.name, "mimeType": "text/plain", "buffer": good.read_bytes()}})
        assert sent.status == 401

        # a session that ends after the page loaded can no longer write from that page
        context = browser.new_context(viewport={"width": 1366, "height": 900})  # two tabs, one session
        page = context.new_page()
        _log_in_with_the_form(page, url, ADMIN_KEY)
        page.get_by_role("tab", name="Văn bản").click()
        page.locator("#dqa-upload input[type=file]").set_input_files([str(good)])
        page.locator(f"#dqa-upload td.filename[aria-label='{good.name}']").wait_for(timeout=30_000)
        other_tab = context.new_page()
        other_tab.goto(url + "/")
        other_tab.get_by_role("link", name="Đăng xuất").click()
        other_tab.get_by_text("Đăng nhập bằng khóa API").wait_for(timeout=60_000)
        with page.expect_response(lambda response: "/queue/join" in response.url) as joined:
            page.get_by_role("button", name="Tải lên và lập chỉ mục").click()
        assert joined.value.status == 401
        page.wait_for_timeout(2_000)
        assert len(_documents(server)) == listed and not (data_dir / "uploads" / good.name).exists()
    finally:
        browser.close()
        playwright.stop()
