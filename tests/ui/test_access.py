"""The web chat follows the HTTP API's rules: no API keys, open reading and no writes; keys, a valid key.

The login in front of reading is tested end to end in tests/ui/test_auth.py.
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
    NO_KEY,
    READ_ONLY_NOTICE,
    WRITES_DISABLED,
    key_login,
    login_required,
    write_refusal,
    writes_enabled,
)
from ui.app import build_ui

KEYS = ["khoa-mot", "khoa-hai"]


def test_without_keys_every_write_is_refused_and_the_reason_names_the_setting() -> None:
    assert not writes_enabled([])
    for key in (None, "", "khoa-mot"):
        assert write_refusal(key, []) == WRITES_DISABLED
    assert "DQA_API_KEYS" in WRITES_DISABLED
    assert "DQA_API_KEYS" in READ_ONLY_NOTICE and "Khóa quản trị" in READ_ONLY_NOTICE


@pytest.mark.parametrize("key", [None, "", "   ", "khoa-ba", "khoa-mot-", "KHOA-MOT", "khoa-mot,khoa-hai"])
def test_with_keys_a_missing_or_wrong_key_is_refused(key: str | None) -> None:
    assert writes_enabled(KEYS)
    assert write_refusal(key, KEYS) == NO_KEY


@pytest.mark.parametrize("key", ["khoa-mot", "khoa-hai", "  khoa-hai \n"])
def test_with_keys_any_configured_key_is_accepted(key: str) -> None:
    assert write_refusal(key, KEYS) is None


def test_the_ui_uses_the_api_key_check(monkeypatch: pytest.MonkeyPatch) -> None:
    assert ui.access.key_is_valid is assistant.api.key_is_valid  # one constant-time check, not a copy
    calls: list[tuple[str | None, list[str]]] = []

    def spy(key: str | None, keys: list[str]) -> bool:
        calls.append((key, keys))
        return False

    monkeypatch.setattr("ui.access.key_is_valid", spy)
    assert write_refusal(" khoa-mot ", KEYS) == NO_KEY
    assert calls == [("khoa-mot", KEYS)]


def test_reading_needs_a_login_exactly_when_keys_are_configured() -> None:
    assert not login_required([]) and login_required(KEYS) and login_required(["mot-khoa"])


@pytest.mark.parametrize(("name", "key", "accepted"), [
    ("an", "khoa-mot", True), ("Phòng Tổng hợp", " khoa-hai\n", True), ("khoa-mot", "", False),
    ("an", "khoa-ba", False), ("an", "KHOA-MOT", False), ("an", "khoa-mot,khoa-hai", False),
])
def test_the_login_takes_any_name_and_an_api_key_as_password(name: str, key: str, accepted: bool) -> None:
    assert key_login(KEYS)(name, key) is accepted


def test_the_login_uses_the_api_key_check(monkeypatch: pytest.MonkeyPatch) -> None:
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


def test_without_keys_the_documents_tab_is_read_only_and_says_how_to_enable_writes(tmp_path: Path) -> None:
    demo, components, _ = _ui(tmp_path, [])
    notice = components["dqa-read-only"]["props"]
    assert notice["visible"] is not False and "DQA_API_KEYS" in notice["value"]
    assert components["dqa-docs-table"]["props"]["visible"] is not False  # the list still works
    assert components["dqa-admin-key"]["props"]["visible"] is False
    assert components["dqa-doc-changes"]["props"]["visible"] is False
    # no event of the page can upload or delete: those handlers are not wired at all
    assert _handler(demo, "index_files") is None and _handler(demo, "remove") is None
    assert _handler(demo, "refresh") is not None


def test_with_keys_the_documents_tab_asks_for_a_key_before_any_change(tmp_path: Path) -> None:
    demo, components, settings = _ui(tmp_path, KEYS)
    assert "dqa-read-only" not in components
    assert components["dqa-admin-key"]["props"]["visible"] is not False
    assert components["dqa-admin-key"]["props"]["type"] == "password"
    upload, remove = _handler(demo, "index_files"), _handler(demo, "remove")
    document = tmp_path / "ke-hoach.txt"
    document.write_text("KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Sở Nội vụ chủ trì.\n", encoding="utf-8")

    assert NO_KEY in upload([str(document)], "sai-khoa")[0]
    assert NO_KEY in upload([str(document)], None)[0]
    assert upload([str(document)], None)[1] == gr.update()  # the chosen files stay for a retry with a key
    assert remove("mot-van-ban", "sai-khoa")[1] == NO_KEY
    assert not settings.data_dir.exists()  # refused before the store was opened: nothing written
    # the right key passes the gate (no file chosen, so nothing is indexed)
    assert "Chưa chọn tệp nào" in upload(None, "khoa-hai")[0]
    assert remove(None, "khoa-mot")[1] == "Hãy chọn văn bản cần xóa."
