"""Shared fixtures: the demo corpus indexed once per session, copied for each test that changes it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.service import Assistant
from assistant.settings import Settings

# a question the demo corpus answers, and the file it is answered from (the worked example)
KNOWN_QUESTION = "Ai chủ trì xây dựng Bản đồ số Tài nguyên - Khí hậu?"
KNOWN_SOURCE = "000_d4e1942f8233c084.txt"


@pytest.fixture(scope="session")
def indexed_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a data folder with the demo corpus indexed (never modified: copy it before use)."""
    data_dir = tmp_path_factory.mktemp("robustness-template")
    settings = Settings(data_dir=data_dir)
    assistant = Assistant(settings)
    try:
        report = assistant.index([settings.demo_corpus])
    finally:
        assistant.close()
    assert not report.failed, report.failed
    return data_dir


@pytest.fixture()
def data_dir(indexed_template: Path, tmp_path: Path) -> Path:
    """Return a private copy of the indexed demo data folder."""
    target = tmp_path / "data"
    shutil.copytree(indexed_template, target)
    return target


@pytest.fixture()
def assistant(data_dir: Path) -> Iterator[Assistant]:
    """Return an assistant over a private copy of the indexed demo corpus; closed afterwards."""
    service = Assistant(Settings(data_dir=data_dir))
    try:
        yield service
    finally:
        service.close()


def known_question_found(service: Assistant) -> bool:
    """Return True when the known question still retrieves its source document among the top 5."""
    return any(hit.doc.source == KNOWN_SOURCE for hit in service.search(KNOWN_QUESTION, top_k=5))
