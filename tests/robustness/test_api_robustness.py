"""The real HTTP server under bad input, hostile upload names and uploads running beside questions.

Bad input gets a clear 4xx and loses nothing; an upload cannot write outside the data folder; questions
keep being answered while a document is uploaded and indexed.
"""

from __future__ import annotations

import random
import tempfile
import threading
import time
import unicodedata
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from eval.load import RunningServer
from tests.robustness.conftest import KNOWN_QUESTION, KNOWN_SOURCE
from tests.servers import copy_data, running_server

pytestmark = pytest.mark.integration

UPLOAD_LIMIT = 200_000  # bytes; the server under test gets this as DQA_MAX_UPLOAD_BYTES
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


@pytest.fixture(scope="module")
def server(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """A real `python -m assistant serve` process over a copy of the indexed demo corpus."""
    data_dir = copy_data(demo_template, tmp_path_factory.mktemp("api-robustness") / "data")
    with running_server(data_dir, env={"DQA_MAX_UPLOAD_BYTES": str(UPLOAD_LIMIT)}) as running:
        yield running


@pytest.fixture(scope="module")
def client(server: RunningServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, headers={"X-API-Key": server.api_key}, timeout=300) as http:
        yield http


def documents(client: httpx.Client) -> list[dict[str, Any]]:
    response = client.get("/v1/documents")
    assert response.status_code == 200, response.text
    listed: list[dict[str, Any]] = response.json()
    return listed


def upload(client: httpx.Client, name: str, data: bytes) -> httpx.Response:
    return client.post("/v1/documents", files={"file": (name, data, "application/octet-stream")})


def ask(client: httpx.Client, question: str) -> httpx.Response:
    return client.post("/v1/ask", json={"question": question})


def assert_clear_error(response: httpx.Response, statuses: tuple[int, ...]) -> None:
    """The response is one of the expected 4xx statuses with a JSON body that says what went wrong."""
    assert response.status_code in statuses, (response.status_code, response.text[:300])
    error = response.json()["error"]
    assert error["type"] and error["message"].strip(), error


def assert_nothing_lost(client: httpx.Client, count: int) -> None:
    assert len(documents(client)) == count
    response = ask(client, KNOWN_QUESTION)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert not answer["abstained"] and answer["citations"][0]["source"] == KNOWN_SOURCE


JUNK = random.Random(7).randbytes(4096)
BAD_UPLOADS = {
    "corrupt.pdf": (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\n" + JUNK, (400, 415, 422)),
    "corrupt.docx": (b"PK\x03\x04" + JUNK, (400, 415, 422)),
    "empty.txt": (b"", (400, 415, 422)),
    "junk.txt": (JUNK, (400, 415, 422)),
    "program.exe": (b"MZ" + JUNK, (400, 415, 422)),
    "too_big.txt": ("Kế hoạch triển khai. ".encode() * (UPLOAD_LIMIT // 20), (413,)),
}


@pytest.mark.parametrize("name", sorted(BAD_UPLOADS))
def test_bad_upload_gets_a_clear_4xx_and_loses_nothing(client: httpx.Client, name: str) -> None:
    data, statuses = BAD_UPLOADS[name]
    count = len(documents(client))
    assert_clear_error(upload(client, name, data), statuses)
    assert_nothing_lost(client, count)


def test_a_100000_character_question_gets_a_clear_4xx(client: httpx.Client) -> None:
    count = len(documents(client))
    question = ("Ai chủ trì xây dựng Bản đồ số? " * 4000)[:100_000]
    assert_clear_error(ask(client, question), (413, 422))
    assert_nothing_lost(client, count)


def test_a_question_of_only_invisible_characters_is_empty(client: httpx.Client) -> None:
    assert_clear_error(ask(client, f" {ZERO_WIDTH}\u0301\u0323 \n"), (400, 422))


def test_decomposed_question_with_zero_width_characters_is_answered_as_plain(client: httpx.Client) -> None:
    plain = ask(client, KNOWN_QUESTION).json()
    decomposed = unicodedata.normalize("NFD", KNOWN_QUESTION)
    odd = "".join(
        ch + (ZERO_WIDTH[i % 5] if ch.isalpha() and i % 7 == 0 else "") for i, ch in enumerate(decomposed)
    )
    response = ask(client, odd)
    assert response.status_code == 200, response.text
    assert response.json()["answer"] == plain["answer"]
    assert response.json()["citations"][0]["source"] == KNOWN_SOURCE


@pytest.mark.parametrize("prefix", ["../../", "..\\..\\", "sub/../../../", "/tmp/", "./../"])
def test_upload_name_with_path_parts_cannot_write_outside_the_data_folder(
    client: httpx.Client, server: RunningServer, prefix: str
) -> None:
    marker = f"x_{uuid.uuid4().hex[:8]}.txt"
    text = f"CÔNG VĂN\nSố: 7/CV\n1. Phòng Hành chính {marker} chủ trì tổng hợp báo cáo.\n".encode()
    count = len(documents(client))

    response = upload(client, prefix + marker, text)

    assert response.status_code < 500, response.text
    # anywhere around the data folder, and every folder a "../" chain from the server's cwd or a
    # temporary staging folder could reach
    around = [p for p in server.data_dir.parent.parent.rglob(marker) if not p.is_relative_to(server.data_dir)]
    reachable = {Path.cwd(), *Path.cwd().parents, Path(tempfile.gettempdir()), Path("/")}
    assert around == [] and not any((folder / marker).exists() for folder in reachable)
    if response.status_code < 300:  # accepted: stored under its bare file name
        sources = [doc["source"] for doc in documents(client)]
        assert marker in sources
        assert not any("/" in s or "\\" in s or s.startswith(".") for s in sources)
    else:
        assert_clear_error(response, (400, 415, 422))
        assert len(documents(client)) == count


def test_questions_are_answered_while_a_document_is_uploaded_and_indexed(
    client: httpx.Client, server: RunningServer
) -> None:
    demo = sorted((Path(__file__).resolve().parents[2] / "indexer" / "demo_corpus").glob("*.txt"))
    largest = max(demo, key=lambda p: p.stat().st_size)
    text = largest.read_text(encoding="utf-8").translate(str.maketrans("0123456789", "9876543210"))
    name = f"dong_thoi_{uuid.uuid4().hex[:6]}.txt"
    count = len(documents(client))
    outcome: dict[str, Any] = {}

    def upload_in_background() -> None:
        with httpx.Client(
            base_url=server.base_url, headers={"X-API-Key": server.api_key}, timeout=600
        ) as own:
            outcome["response"] = upload(own, name, text.encode("utf-8"))

    uploader = threading.Thread(target=upload_in_background)
    uploader.start()
    answered = []
    while uploader.is_alive():
        started = time.perf_counter()
        response = ask(client, KNOWN_QUESTION)
        answered.append((response.status_code, time.perf_counter() - started))
        assert response.status_code == 200, response.text
        assert response.json()["citations"][0]["source"] == KNOWN_SOURCE
    uploader.join()

    assert outcome["response"].status_code in (200, 201), outcome["response"].text
    assert len(answered) >= 3, answered  # the upload took long enough to overlap with several questions
    assert len(documents(client)) == count + 1
