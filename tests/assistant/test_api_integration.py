"""The HTTP API as office software sees it: a real `python -m assistant serve` process over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.servers import running_server

pytestmark = pytest.mark.integration

KEY = "test-key-1"
UPLOAD_LIMIT = 40_000
DECISION = """ỦY BAN NHÂN DÂN
HUYỆN ĐẠI TỪ
Số: 318/QĐ-UBND
Đại Từ, ngày 12 tháng 3 năm 2026

QUYẾT ĐỊNH
Về việc thành lập Tổ công tác rà soát hồ sơ đất đai

Điều 1. Thành lập Tổ công tác rà soát hồ sơ đất đai của huyện.

Điều 2. Phòng Tài nguyên và Môi trường chủ trì, phối hợp với Văn phòng Đăng ký đất đai rà soát toàn
bộ hồ sơ cấp giấy chứng nhận quyền sử dụng đất, hoàn thành trước ngày 30/6/2026.

Điều 3. Chánh Văn phòng HĐND và UBND huyện, Trưởng Phòng Tài nguyên và Môi trường chịu trách nhiệm
thi hành Quyết định này.
"""


SETTINGS = {"DQA_MAX_UPLOAD_BYTES": str(UPLOAD_LIMIT), "DQA_ABSTAIN_THRESHOLD": "0.3"}


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real server over an empty store, with two API keys, ready (model and store loaded)."""
    with running_server(tmp_path_factory.mktemp("api-data"), api_keys=[KEY, "other-key"],
                        env=SETTINGS) as server:
        yield server.base_url


def _error(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()["error"]
    assert body["type"] and body["message"]
    return str(body["type"])


AUTH = {"X-API-Key": KEY}


def test_health_and_openapi(api: str) -> None:
    assert httpx.get(f"{api}/healthz").json() == {"status": "ok"}
    assert httpx.get(f"{api}/readyz").json() == {"status": "ready"}
    assert "/v1/ask" in httpx.get(f"{api}/openapi.json").json()["paths"]
    assert httpx.get(f"{api}/docs").status_code == 200


def test_read_endpoints_need_a_key_when_keys_are_configured(api: str) -> None:
    assert _error(httpx.get(f"{api}/v1/documents"), 401) == "Unauthorized"
    assert _error(httpx.get(f"{api}/v1/documents", headers={"X-API-Key": "wrong"}), 401) == "Unauthorized"
    assert _error(httpx.get(f"{api}/v1/documents", headers={"Authorization": "Bearer wrong"}), 401)
    assert httpx.get(f"{api}/v1/documents", headers={"X-API-Key": KEY}).status_code == 200
    assert httpx.get(f"{api}/v1/documents", headers={"Authorization": f"Bearer {KEY}"}).status_code == 200
    assert httpx.get(f"{api}/v1/documents", headers={"X-API-Key": "other-key"}).status_code == 200


def test_bad_questions_and_filters_are_refused(api: str) -> None:
    assert _error(httpx.post(f"{api}/v1/ask", json={"question": "  "}, headers=AUTH), 422) == "BadInput"
    assert _error(httpx.post(f"{api}/v1/ask", json={"question": "a" * 1001}, headers=AUTH), 422) == "BadInput"
    assert _error(httpx.post(f"{api}/v1/ask", json={}, headers=AUTH), 422) == "BadInput"
    unknown = {"query": "đất đai", "filters": {"doc_ids": ["khong-co"]}}
    assert _error(httpx.post(f"{api}/v1/search", json=unknown, headers=AUTH), 422) == "BadInput"
    unknown_type = {"query": "đất đai", "filters": {"doc_types": ["SẮC LỆNH"]}}
    assert _error(httpx.post(f"{api}/v1/search", json=unknown_type, headers=AUTH), 422) == "BadInput"
    bad_field = {"query": "đất đai", "filters": {"colour": ["đỏ"]}}
    assert _error(httpx.post(f"{api}/v1/search", json=bad_field, headers=AUTH), 422) == "BadInput"
    bad_date = {"query": "đất đai", "filters": {"date_from": "31/12/2025"}}
    assert _error(httpx.post(f"{api}/v1/search", json=bad_date, headers=AUTH), 422) == "BadInput"


def test_bad_uploads_are_refused_and_change_nothing(api: str) -> None:
    before = httpx.get(f"{api}/v1/documents", headers=AUTH).json()
    upload = f"{api}/v1/documents"
    assert _error(httpx.post(upload, files={"file": ("qd.txt", DECISION.encode())}), 401) == "Unauthorized"
    big = ("Điều 1. " + "x" * UPLOAD_LIMIT).encode()
    assert _error(httpx.post(upload, files={"file": ("big.txt", big)}, headers=AUTH), 413) == "TooLarge"
    assert _error(httpx.post(upload, files={"file": ("tool.exe", b"MZ\x90")}, headers=AUTH), 415)
    assert _error(httpx.post(upload, files={"file": ("empty.txt", b"")}, headers=AUTH), 415)
    corrupt = b"%PDF-1.7\n\x00\x01 not really a pdf \xff\xfe"
    assert _error(httpx.post(upload, files={"file": ("broken.pdf", corrupt)}, headers=AUTH, timeout=120), 415)
    assert httpx.get(f"{api}/v1/documents", headers=AUTH).json() == before
    assert _error(httpx.delete(f"{api}/v1/documents/khong-co", headers=AUTH), 404) == "NotFound"


def test_upload_ask_delete(api: str, tmp_path: Path) -> None:
    # a path in the file name is stripped: nothing is written outside the data folder
    response = httpx.post(f"{api}/v1/documents", headers=AUTH, timeout=300,
                          files={"file": ("../../qd-318.txt", DECISION.encode(), "text/plain")})
    assert response.status_code == 201, response.text
    doc_id = response.json()["doc_id"]
    assert response.json()["source"] == "qd-318.txt"
    assert doc_id in [d["doc_id"] for d in httpx.get(f"{api}/v1/documents", headers=AUTH).json()]

    question = {"question": "Cơ quan nào chủ trì rà soát hồ sơ cấp giấy chứng nhận quyền sử dụng đất?"}
    answer = httpx.post(f"{api}/v1/ask", json=question, headers=AUTH, timeout=60).json()
    assert set(answer) == {"question", "answer", "abstained", "citations", "timings_ms"}
    assert not answer["abstained"]
    assert answer["answer"].startswith("Phòng Tài nguyên và Môi trường")
    first = answer["citations"][0]
    assert first["doc_id"] == doc_id and first["quote"] in first["text"]
    assert set(first) == {"doc_id", "source", "title", "number", "section", "text", "quote", "start", "end",
                          "score"}
    assert set(answer["timings_ms"]) == {"retrieve", "answer", "total"}

    deadline = httpx.post(f"{api}/v1/ask", json={"question": "Thời hạn hoàn thành rà soát hồ sơ đất đai?"},
                          headers={"Authorization": f"Bearer {KEY}"}, timeout=60).json()
    assert "30/6/2026" in deadline["answer"]

    assert httpx.delete(f"{api}/v1/documents/{doc_id}", headers=AUTH, timeout=120).status_code == 204
    after = httpx.post(f"{api}/v1/ask", json=question, headers=AUTH, timeout=60).json()
    assert all(c["doc_id"] != doc_id for c in after["citations"])
    assert after["abstained"]
    assert _error(httpx.delete(f"{api}/v1/documents/{doc_id}", headers=AUTH), 404) == "NotFound"


def test_writes_are_refused_when_no_keys_are_configured(tmp_path: Path) -> None:
    with running_server(tmp_path, api_keys=[], env=SETTINGS) as server:
        base = server.base_url
        response = httpx.post(f"{base}/v1/documents", files={"file": ("qd.txt", DECISION.encode())})
        assert "DQA_API_KEYS" in response.json()["error"]["message"] and response.status_code == 401
        assert httpx.delete(f"{base}/v1/documents/x").status_code == 401
        assert httpx.get(f"{base}/v1/documents").status_code == 200  # reads are open without keys
        # the web chat of the same process follows the same rule: a read-only documents tab, no write events
        elem_ids, handlers = _web_chat(base)
        assert "dqa-read-only" in elem_ids and not {"index_files", "remove"} & handlers


def _web_chat(base: str, key: str | None = None) -> tuple[set[str], set[str]]:
    """Return the element ids and the event handler names of the web chat served at "/", logged in
    with `key` when keys are configured (the chat then reads nothing before a login)."""
    with httpx.Client(base_url=base, timeout=30) as client:
        if key is not None:
            assert client.get("/config").status_code == 401  # nothing before the login
            assert client.post("/login", data={"username": "an", "password": key}).status_code == 200
        config = client.get("/config").json()
    return ({c["props"]["elem_id"] for c in config["components"] if c["props"].get("elem_id")},
            {d["api_name"] for d in config["dependencies"] if d.get("api_name")})


def test_web_chat_can_change_documents_only_behind_a_key_when_keys_are_configured(api: str) -> None:
    elem_ids, handlers = _web_chat(api, KEY)
    assert "dqa-read-only" not in elem_ids and {"dqa-write-note", "dqa-upload"} <= elem_ids
    assert "dqa-admin-key" not in elem_ids  # the login's key is used: no second key box
    assert {"index_files", "remove"} <= handlers
