"""The web chat follows the HTTP API's rules: no API keys, open reading and no writes; keys, a valid key.

With keys, the key is typed once, at the login; the documents tab then writes for that login session.
The login in front of reading is tested end to end in tests/ui/test_auth.py, writing in a real browser in
tests/ui/test_browser.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import gradio as gr
import pytest

import assistant.api
import ui.access
from assistant.service import Assistant
from assistant.settings import Settings
from ui.access import (
    LOGIN_MESSAGE,
    NO_LOGIN,
    READ_ONLY_NOTICE,
    WRITES_DISABLED,
    key_login,
    login_required,
    write_refusal,
    writes_enabled,
)
from ui.app import build_ui

KEYS = ["khoa-mot", "khoa-hai"]


@pytest.mark.parametrize("username", [None, "", "an", "khoa-mot"])
def test_without_keys_every_write_is_refused_and_the_reason_names_the_setting(username: str | None) -> None:
    assert not writes_enabled([])
    assert write_refusal(username, []) == WRITES_DISABLED
    assert "DQA_API_KEYS" in WRITES_DISABLED
    assert "DQA_API_KEYS" in READ_ONLY_NOTICE and "đăng nhập" in READ_ONLY_NOTICE


def test_with_keys_a_request_without_a_login_session_may_not_write() -> None:
    assert writes_enabled(KEYS)
    assert write_refusal(None, KEYS) == NO_LOGIN and "đăng nhập" in NO_LOGIN


@pytest.mark.parametrize("username", ["an", "Phòng Tổng hợp", ""])
def test_with_keys_a_login_session_may_write_whatever_its_user_name(username: str) -> None:
    # every login session was opened with one of the keys (`key_login`); the name is only a label
    assert write_refusal(username, KEYS) is None


def test_reading_needs_a_login_exactly_when_keys_are_configured() -> None:
    assert not login_required([]) and login_required(KEYS) and login_required(["mot-khoa"])


@pytest.mark.parametrize(("name", "key", "accepted"), [
    ("an", "khoa-mot", True), ("Phòng Tổng hợp", " khoa-hai\n", True), ("khoa-mot", "", False),
    ("an", "khoa-ba", False), ("an", "KHOA-MOT", False), ("an", "khoa-mot,khoa-hai", False),
])
def test_the_login_takes_any_name_and_an_api_key_as_password(name: str, key: str, accepted: bool) -> None:
    assert key_login(KEYS)(name, key) is accepted


def test_the_login_uses_the_api_key_check(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ui.access.key_is_valid is assistant.api.key_is_valid  # one constant-time check, not a copy
    calls: list[tuple[str | None, list[str]]] = []

    def spy(key: str | None, keys: list[str]) -> bool:
        calls.append((key, keys))
        return True

    monkeypatch.setattr("ui.access.key_is_valid", spy)
    assert key_login(KEYS)("an", " khoa-ba ")
    assert calls == [("khoa-ba", KEYS)]


# --- the documents tab, built without a browser ----------------------------------------------------


def _ui(tmp_path: Path, keys: list[str]) -> tuple[gr.Blocks, dict[str, Any], Settings]:
    settings = Settings(data_dir=tmp_path / "data", api_keys=keys)
    demo = build_ui(Assistant(settings), settings)  # nothing is opened until an event runs
    components = {c["props"].get("elem_id"): c for c in demo.get_config_file()["components"]}
    return demo, components, settings


def _handler(demo: gr.Blocks, name: str) -> Any:
    found = [block_fn.fn for block_fn in demo.fns.values() if block_fn.name == name]
    return found[0] if found else None


def test_the_login_page_says_in_vietnamese_to_log_in_with_the_api_key() -> None:
    assert LOGIN_MESSAGE.startswith("<strong>Đăng nhập bằng khóa API</strong>")
    # Gradio's own English labels are named, so the message can be followed
    for label in ("username", "password", "Login", "Incorrect Credentials"):
        assert label in LOGIN_MESSAGE
    assert "không phải nhập lại khóa" in LOGIN_MESSAGE


def test_without_keys_the_documents_tab_is_read_only_and_says_how_to_enable_writes(tmp_path: Path) -> None:
    demo, components, _ = _ui(tmp_path, [])
    notice = components["dqa-read-only"]["props"]
    assert notice["visible"] is not False and "DQA_API_KEYS" in notice["value"]
    assert components["dqa-docs-table"]["props"]["visible"] is not False  # the list still works
    assert components["dqa-doc-changes"]["props"]["visible"] is False
    assert components["dqa-write-note"]["props"]["visible"] is False
    assert not _password_boxes(components)
    # no event of the page can upload or delete: those handlers are not wired at all
    assert _handler(demo, "index_files") is None and _handler(demo, "remove") is None
    assert _handler(demo, "refresh") is not None


def _password_boxes(components: dict[str, Any]) -> list[Any]:
    return [c for c in components.values() if c["props"].get("type") == "password"]


def test_with_keys_the_documents_tab_writes_for_the_login_session_and_asks_no_key(tmp_path: Path) -> None:
    demo, components, settings = _ui(tmp_path, KEYS)
    assert "dqa-read-only" not in components and "dqa-admin-key" not in components
    assert not _password_boxes(components)  # the key is typed once, at the login
    assert components["dqa-doc-changes"]["props"]["visible"] is not False
    note = components["dqa-write-note"]["props"]
    assert note["visible"] is not False and "không cần nhập lại" in note["value"]
    upload, remove = _handler(demo, "index_files"), _handler(demo, "remove")
    document = tmp_path / "ke-hoach.txt"
    document.write_text("KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Sở Nội vụ chủ trì.\n", encoding="utf-8")
    no_session = gr.Request(username=None)

    report, chosen = upload([str(document)], no_session)
    assert NO_LOGIN in report and chosen == gr.update()  # the chosen files stay for a retry
    assert remove("mot-van-ban", no_session)[1] == NO_LOGIN
    assert not settings.data_dir.exists()  # refused before the store was opened: nothing written
    # a login session passes the gate (no file chosen, no document picked, so nothing changes)
    session = gr.Request(username="Phòng Tổng hợp")
    assert "Chưa chọn tệp nào" in upload(None, session)[0]
    assert remove(None, session)[1] == "Hãy chọn văn bản cần xóa."
