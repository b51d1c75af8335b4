"""The server store reports an unreachable Qdrant server as NotReady (HTTP 503), not a crash."""

from __future__ import annotations

import pytest

from assistant.errors import NotReady
from assistant.settings import Settings
from indexer.store import open_store


def test_an_unreachable_server_is_not_ready() -> None:
    settings = Settings(qdrant_url="http://127.0.0.1:9", collection="directives")
    with pytest.raises(NotReady, match="cannot reach Qdrant"):
        open_store(settings, 384)
