"""Robustness fixtures: an assistant over a private copy of the demo corpus indexed once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.service import Assistant
from assistant.settings import Settings

# a question the demo corpus answers, and the file it is answered from (the worked example)
KNOWN_QUESTION = "Ai chủ trì xây dựng Bản đồ số Tài nguyên - Khí hậu?"
KNOWN_SOURCE = "000_d4e1942f8233c084.txt"


@pytest.fixture()
def assistant(demo_data_dir: Path) -> Iterator[Assistant]:
    """Return an assistant over a private copy of the indexed demo corpus; closed afterwards."""
    service = Assistant(Settings(data_dir=demo_data_dir))
    try:
        yield service
    finally:
        service.close()


def known_question_found(service: Assistant) -> bool:
    """Return True when the known question still retrieves its source document among the top 5."""
    return any(hit.doc.source == KNOWN_SOURCE for hit in service.search(KNOWN_QUESTION, top_k=5))
