"""End to end: the real server process over the indexed demo corpus, driven by headless chromium.

Needs Debian's chromium at /usr/bin/chromium (no Playwright browser download). Screenshots go to
artifacts/screenshots/ (desktop 1366x900, phone 390x844) and docs/screenshot-answer.png.
"""

from __future__ import annotations

import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

pytestmark = [pytest.mark.integration, pytest.mark.browser]

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"]
SHOTS = ROOT / "artifacts" / "screenshots"
QUESTION = "Ai chủ trì xây dựng Bản đồ số Tài nguyên - Khí hậu?"
SOURCE_DOC = "000_d4e1942f8233c084"  # the demo document that answers QUESTION (gold item d000-01)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """Index the demo corpus into a fresh data dir, start the server process, yield (url, data dir)."""
    if not CHROMIUM.exists():
        pytest.fail("Debian chromium is missing: apt-get install -y chromium")
    data_dir = tmp_path_factory.mktemp("ui-data")
    env = {k: v for k, v in os.environ.items() if not k.startswith("DQA_")}
    env |= {"DQA_DATA_DIR": str(data_dir), "PYTHONUNBUFFERED": "1"}
    built = subprocess.run([sys.executable, "-m", "indexer", "build", str(ROOT / "indexer" / "demo_corpus")],
                           cwd=ROOT, env=env, timeout=1500, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr[-3000:]
    port = _free_port()
    log = (data_dir / "server.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "assistant", "serve", "--port", str(port)],
                               cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 240
        while True:
            assert process.poll() is None, (data_dir / "server.log").read_text()
            try:
                if httpx.get(f"{url}/readyz", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "server not ready in 240 s"
            time.sleep(1)
        yield url, data_dir
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def _browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    return playwright, browser


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
        return connection.execute("SELECT rating, question, citations, comment FROM feedback").fetchall()


@pytest.mark.timeout(1800)
def test_desktop_answer_sources_document_and_feedback(server: tuple[str, Path]) -> None:
    url, data_dir = server
    documents = {d["doc_id"]: d for d in httpx.get(f"{url}/v1/documents", timeout=30).json()}
    title = documents[SOURCE_DOC]["title"]
    assert title, "the demo document has no title in its metadata"
    SHOTS.mkdir(parents=True, exist_ok=True)
    playwright, browser = _browser()
    try:
        page = browser.new_page(viewport={"width": 1366, "height": 900})
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
        (ROOT / "docs").mkdir(exist_ok=True)
        page.screenshot(path=str(ROOT / "docs" / "screenshot-answer.png"))

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
def test_phone_width_answer_and_documents_tab(server: tuple[str, Path]) -> None:
    url, _ = server
    SHOTS.mkdir(parents=True, exist_ok=True)
    playwright, browser = _browser()
    try:
        page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                is_mobile=True, has_touch=True)
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


@pytest.mark.timeout(900)
def test_documents_tab_upload_with_errors_and_remove(server: tuple[str, Path], tmp_path: Path) -> None:
    url, data_dir = server
    good = tmp_path / "ke-hoach-ngay-hoi-doc-sach.txt"
    good.write_text(UPLOADED, encoding="utf-8")
    empty = tmp_path / "rong.txt"
    empty.write_text("", encoding="utf-8")
    playwright, browser = _browser()
    try:
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.goto(url + "/")
        page.get_by_role("tab", name="Văn bản").click()
        rows = page.locator("#dqa-docs-table table.dqa-docs tbody tr")
        rows.first.wait_for(timeout=30_000)
        before = rows.count()
        page.locator("#dqa-upload input[type=file]").set_input_files([str(good), str(empty)])
        page.locator(f"#dqa-upload td.filename[aria-label='{good.name}']").wait_for(timeout=30_000)
        page.get_by_role("button", name="Tải lên và lập chỉ mục").click()
        report = page.locator("#dqa-upload-result ul.dqa-upload-report")
        report.wait_for(timeout=300_000)
        assert "tệp rỗng" in report.locator("li.dqa-fail").inner_text()
        assert "đã thêm" in report.locator("li.dqa-ok").inner_text()
        page.wait_for_function(ROW_COUNT, arg=before + 1, timeout=30_000)
        assert (data_dir / "uploads" / good.name).is_file()
        page.screenshot(path=str(SHOTS / "desktop-documents.png"), full_page=True)

        page.locator("#dqa-remove input").click()
        # labelled "số hiệu — trích yếu" when the metadata was read, else by the file name
        page.locator("#dqa-remove li[role=option]").filter(has_text=re.compile("đọc sách|doc-sach")).click()
        page.get_by_role("button", name="Xóa văn bản…").click()
        page.get_by_role("button", name="Xác nhận xóa").click()
        page.wait_for_function(ROW_COUNT, arg=before, timeout=60_000)
        assert not (data_dir / "uploads" / good.name).exists()
    finally:
        browser.close()
        playwright.stop()
