"""The web chat follows the HTTP API's read rule: with API keys configured nothing is read before a login.

The unit tests drive the real FastAPI app with the real Gradio mount in process (a stand-in assistant
that only lists and returns one document); the integration tests start a real server process with a
key configured, log in over HTTP and in headless chromium.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.errors import NotFound
from assistant.service import Assistant
from assistant.settings import Settings
from indexer.model import DocumentMetadata, DocumentRecord
from ui.access import LOGIN_MESSAGE, LOGIN_REQUIRED

KEYS = ["khoa-mot", "khoa-hai"]
SECRET_TEXT = "Sở Nội vụ chủ trì rà soát biên chế trước ngày 15/12/2026."
RECORD = DocumentRecord(
    doc_id="000_kin", source="ke-hoach-mat.txt", content_hash="h",
    metadata=DocumentMetadata(doc_type="KẾ HOẠCH", number="7/KH-UBND", title="Rà soát biên chế"),
    text=f"KẾ HOẠCH\nRà soát biên chế\nII. TỔ CHỨC THỰC HIỆN\n1. {SECRET_TEXT}\n", n_chunks=1,
    indexed_at="2026-11-26T08:00:00")


class OneDocument:
    """Stands in for the assistant: a store holding RECORD only (nothing is loaded or opened)."""

    def list_documents(self) -> list[DocumentRecord]:
        return [RECORD]

    def get_document(self, doc_id: str) -> DocumentRecord:
        if doc_id != RECORD.doc_id:
            raise NotFound(f"no document {doc_id}")
        return RECORD


def _app(tmp_path: Path, keys: list[str]) -> FastAPI:
    settings = Settings(data_dir=tmp_path / "data", api_keys=keys)
    return create_app(settings, cast(Assistant, OneDocument()))  # no lifespan: nothing is warmed up


@pytest.fixture(scope="module")
def keyed_app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    return _app(tmp_path_factory.mktemp("auth"), KEYS)


def _log_in(client: TestClient, name: str, key: str) -> httpx.Response:
    return client.post("/login", data={"username": name, "password": key})


def _chat_is_served(client: TestClient) -> bool:
    """Return True when the UI's config (components and events) is handed out to this client."""
    config = client.get("/config")
    return config.status_code == 200 and "dqa-chat" in config.text


DOC_PAGE = f"/ui/doc/{RECORD.doc_id}?start=10&end=20"


def test_without_keys_the_chat_and_the_document_page_stay_open(tmp_path: Path) -> None:
    client = TestClient(_app(tmp_path, []))
    root = client.get("/")
    assert root.status_code == 200 and "dqa-chat" in root.text and "auth_required" not in root.text
    assert "/logout" not in root.text  # nobody logs in, so there is nothing to log out of
    assert _chat_is_served(client)
    page = client.get(DOC_PAGE)
    assert page.status_code == 200 and SECRET_TEXT in page.text
    assert client.post("/gradio_api/queue/join", json={}).status_code != 401


def test_with_keys_nothing_is_read_before_a_login(keyed_app: FastAPI) -> None:
    client = TestClient(keyed_app)
    root = client.get("/")
    # Gradio's login page: the Vietnamese message, no component, no event, no document
    assert root.status_code == 200 and re.search(r'"auth_required":\s*true', root.text)
    assert "Đăng nhập bằng khóa API" in root.text
    assert "dqa-chat" not in root.text and RECORD.source not in root.text
    for path in ("/config", "/gradio_api/info", "/gradio_api/openapi.json"):
        assert client.get(path).status_code == 401, path
    assert client.post("/gradio_api/queue/join", json={}).status_code == 401  # no event runs
    assert client.post("/gradio_api/upload", files={"files": ("a.txt", b"x")}).status_code == 401
    page = client.get(DOC_PAGE)
    assert page.status_code == 401 and LOGIN_REQUIRED in page.text
    assert SECRET_TEXT not in page.text and RECORD.metadata.title not in page.text
    assert client.get("/ui/doc/khong-co").status_code == 401  # not even whether an id exists


def test_the_login_page_carries_the_vietnamese_message(keyed_app: FastAPI) -> None:
    config = re.search(r'"auth_message":\s*("(?:[^"\\]|\\.)*")', TestClient(keyed_app).get("/").text)
    assert config and json.loads(config.group(1)) == LOGIN_MESSAGE


@pytest.mark.parametrize("key", ["", " ", "khoa-ba", "khoa-mot-", "KHOA-MOT", "khoa-mot,khoa-hai"])
def test_a_wrong_key_does_not_log_in(keyed_app: FastAPI, key: str) -> None:
    client = TestClient(keyed_app)
    assert _log_in(client, "an", key).status_code in (400, 422)  # 422: Gradio's form needs a password
    assert not client.cookies
    assert not _chat_is_served(client) and client.get(DOC_PAGE).status_code == 401


@pytest.mark.parametrize(("name", "key"), [("an", "khoa-mot"), ("Phòng Tổng hợp", " khoa-hai ")])
def test_any_name_with_a_key_logs_in_and_opens_the_chat_and_the_document_page(
        keyed_app: FastAPI, name: str, key: str) -> None:
    client = TestClient(keyed_app)
    assert _log_in(client, name, key).status_code == 200
    assert "dqa-chat" in client.get("/").text and _chat_is_served(client)
    assert client.get("/gradio_api/user").json() == name
    assert LOGOUT in client.get("/config").text  # the header offers to log out
    page = client.get(DOC_PAGE)
    assert page.status_code == 200 and SECRET_TEXT in page.text and 'id="dqa-hl"' in page.text
    assert client.get("/ui/doc/khong-co").status_code == 404
    # logging out ends the session: reading is refused again
    assert client.get(LOGOUT, follow_redirects=False).status_code == 302
    assert not _chat_is_served(client) and client.get(DOC_PAGE).status_code == 401


LOGOUT = "/logout?all_session=false"  # the header's "Đăng xuất" link


def test_logging_out_ends_only_that_session_even_under_a_shared_user_name(keyed_app: FastAPI) -> None:
    leaving, staying = TestClient(keyed_app), TestClient(keyed_app)
    for client in (leaving, staying):  # user names are free labels: two people may both type "an"
        assert _log_in(client, "an", "khoa-mot").status_code == 200
    assert leaving.get(LOGOUT, follow_redirects=False).status_code == 302
    assert not _chat_is_served(leaving) and leaving.get(DOC_PAGE).status_code == 401
    assert _chat_is_served(staying) and staying.get(DOC_PAGE).status_code == 200


def test_the_document_page_also_takes_an_api_key_header(keyed_app: FastAPI) -> None:
    client = TestClient(keyed_app)
    assert client.get(DOC_PAGE, headers={"X-API-Key": "khoa-hai"}).status_code == 200
    assert client.get(DOC_PAGE, headers={"Authorization": "Bearer khoa-mot"}).status_code == 200
    assert client.get(DOC_PAGE, headers={"X-API-Key": "khoa-ba"}).status_code == 401
    assert client.get(DOC_PAGE, headers={"Authorization": "Basic khoa-mot"}).status_code == 401


def test_a_made_up_session_cookie_is_refused(keyed_app: FastAPI) -> None:
    client = TestClient(keyed_app)
    assert _log_in(client, "an", "khoa-mot").status_code == 200
    names = list(client.cookies.keys())
    assert len(names) == 2 and all(n.startswith("access-token-") for n in names)
    forged = TestClient(keyed_app, cookies={name: secrets.token_urlsafe(16) for name in names})
    assert forged.get(DOC_PAGE).status_code == 401 and not _chat_is_served(forged)


# --- a real server process with a key, over HTTP and in headless chromium ---------------------------

SERVER_KEY = "khoa-dang-nhap-thu"
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"  # git-ignored
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"]
UPLOADED = """ỦY BAN NHÂN DÂN
TỈNH THỬ NGHIỆM
Số: 12/KH-UBND
KẾ HOẠCH
Kiểm tra công tác văn thư lưu trữ năm 2026
I. MỤC ĐÍCH, YÊU CẦU
1. Đánh giá việc lập hồ sơ điện tử của các cơ quan.
II. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ chủ trì kiểm tra, hoàn thành trước ngày 30/6/2026.
"""


@pytest.fixture(scope="module")
def keyed_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """A real server with one API key and one uploaded document; yield (base URL, doc_id)."""
    from tests.servers import running_server

    data_dir = tmp_path_factory.mktemp("auth-server") / "data"
    with running_server(data_dir, api_keys=[SERVER_KEY]) as server:
        uploaded = httpx.post(f"{server.base_url}/v1/documents", headers={"X-API-Key": SERVER_KEY},
                              files={"file": ("ke-hoach-van-thu.txt", UPLOADED.encode())}, timeout=300)
        assert uploaded.status_code == 201, uploaded.text
        yield server.base_url, uploaded.json()["doc_id"]


@pytest.mark.integration
@pytest.mark.timeout(600)
def test_real_server_reads_only_after_a_login(keyed_server: tuple[str, str]) -> None:
    url, doc_id = keyed_server
    with httpx.Client(base_url=url, timeout=30) as client:
        root = client.get("/")
        assert root.status_code == 200 and "Đăng nhập bằng khóa API" in root.text
        assert "dqa-chat" not in root.text
        assert client.get("/config").status_code == 401
        refused = client.get(f"/ui/doc/{doc_id}")
        assert refused.status_code == 401 and LOGIN_REQUIRED in refused.text
        assert "văn thư" not in refused.text
        assert client.post("/login", data={"username": "an", "password": "sai"}).status_code == 400
        assert client.get("/config").status_code == 401

        assert client.post("/login", data={"username": "an", "password": SERVER_KEY}).status_code == 200
        assert "dqa-chat" in client.get("/").text and "dqa-chat" in client.get("/config").text
        page = client.get(f"/ui/doc/{doc_id}")
        assert page.status_code == 200 and "Sở Nội vụ chủ trì kiểm tra" in page.text


@pytest.mark.integration
@pytest.mark.browser
@pytest.mark.timeout(600)
def test_real_browser_logs_in_with_the_key(keyed_server: tuple[str, str]) -> None:
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail("Debian chromium is missing: apt-get install -y chromium")
    url, doc_id = keyed_server
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1366, "height": 900})
            page.goto(f"{url}/ui/doc/{doc_id}")
            assert LOGIN_REQUIRED in page.locator("h1").inner_text()
            page.get_by_role("link", name="Đăng nhập ở trang hỏi đáp").click()
            page.get_by_text("Đăng nhập bằng khóa API").wait_for(timeout=60_000)
            assert page.locator("#dqa-chat").count() == 0
            SHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SHOTS / "desktop-login.png"))
            # Gradio's login form: any name, the API key as password
            page.get_by_label("username").fill("Phòng Tổng hợp")
            page.get_by_label("password").fill("khoa-sai")
            page.get_by_role("button", name="Login").click()
            # Gradio's own (English) refusal, apart from the same words quoted in the message above
            page.get_by_role("paragraph").filter(has_text=re.compile("^Incorrect Credentials$")).wait_for(
                timeout=30_000)
            assert page.locator("#dqa-chat").count() == 0
            page.get_by_label("username").fill("Phòng Tổng hợp")
            page.get_by_label("password").fill(SERVER_KEY)
            page.get_by_role("button", name="Login").click()
            page.locator("#dqa-chat").wait_for(timeout=60_000)
            page.get_by_role("link", name="Đăng xuất").wait_for(timeout=10_000)
            page.screenshot(path=str(SHOTS / "desktop-logged-in.png"))
            # events run for the logged-in session: the documents tab lists the uploaded document
            page.get_by_role("tab", name="Văn bản").click()
            page.locator("#dqa-docs-table table.dqa-docs tbody tr").first.wait_for(timeout=30_000)
            assert "văn thư" in page.locator("#dqa-docs-table").inner_text()
            page.goto(f"{url}/ui/doc/{doc_id}")
            assert "Sở Nội vụ chủ trì kiểm tra" in page.locator("article").inner_text()
            page.goto(f"{url}/")
            page.get_by_role("link", name="Đăng xuất").click()
            page.get_by_text("Đăng nhập bằng khóa API").wait_for(timeout=60_000)
            assert page.locator("#dqa-chat").count() == 0

            # a login posted from the page's context (as scripted tests log in) serves the chat too
            other = browser.new_page(viewport={"width": 390, "height": 844})
            login = other.request.post(f"{url}/login", form={"username": "kiem-thu", "password": SERVER_KEY})
            assert login.ok, login.text()
            other.goto(f"{url}/")
            other.locator("#dqa-chat").wait_for(timeout=60_000)
        finally:
            browser.close()
