"""One process, one port: the web UI at "/", the API at "/v1", OpenAPI at "/docs"."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.settings import Settings


def test_ui_api_and_docs_share_one_app(tmp_path: Path) -> None:
    client = TestClient(create_app(Settings(data_dir=tmp_path)))  # no lifespan: nothing is loaded
    page = client.get("/")
    assert page.status_code == 200 and "gradio" in page.text.lower()
    assert client.get("/docs").status_code == 200
    assert "/v1/ask" in client.get("/openapi.json").json()["paths"]
    assert not any(path.startswith("/ui") for path in client.get("/openapi.json").json()["paths"])
    missing = client.get("/v1/khong-co")
    assert missing.status_code == 404 and missing.json()["error"]["type"] == "NotFound"
