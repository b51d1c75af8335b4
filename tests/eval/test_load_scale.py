"""The pure parts of the load and scale benchmarks: percentiles, summaries, the synthetic corpus."""

from __future__ import annotations

import random

import numpy as np
import pytest

from eval.load import Sample, percentile, summarise
from eval.scale import digit_permutation, noisy_copies, perturb_document, sparse_from_tokens
from indexer.keywords import document_vector, keyword_tokens
from indexer.model import Chunk, Document, DocumentMetadata

PASSAGE = (
    "2.2. Ủy ban nhân dân tỉnh chỉ đạo Sở Tài nguyên và Môi trường chủ trì, phối hợp với các sở, ngành "
    "liên quan hoàn thành trước ngày 30/7/2025 theo Kế hoạch số 12-KH/TU, đạt 102 điểm cầu."
)


def test_percentile_interpolates_between_ranks() -> None:
    values = [float(v) for v in range(1, 101)]  # 1..100
    assert percentile(values, 50) == pytest.approx(50.5)
    assert percentile(values, 95) == pytest.approx(95.05)
    assert percentile(values, 100) == 100.0
    assert percentile([7.0], 99) == 7.0


def test_summary_counts_every_non_200_as_an_error_and_leaves_it_out_of_latency() -> None:
    samples = [Sample(10.0, "200")] * 98 + [Sample(5000.0, "503"), Sample(30000.0, "ReadTimeout")]
    result = summarise(samples, clients=20, duration_s=10.0)
    assert result.requests == 100 and result.errors == 2
    assert result.throughput_rps == pytest.approx(9.8)
    assert result.p99_ms == 10.0
    assert result.outcomes == {"200": 98, "503": 1, "ReadTimeout": 1}


def test_perturbed_copy_keeps_offsets_and_changes_only_digits() -> None:
    text = f"KẾ HOẠCH\n{PASSAGE}\n"
    start = text.index(PASSAGE)
    chunk = Chunk("kh", 0, "II. NHIỆM VỤ > 2.2.", PASSAGE, start, start + len(PASSAGE))
    document = Document("kh", "kh.txt", "abc", text, DocumentMetadata(number="12-KH/TU"), (chunk,))
    table = digit_permutation(random.Random(1))
    copy = perturb_document(document, 4, table)
    assert copy.doc_id == "kh-s4" and copy.source == "kh-s4.txt"
    (moved,) = copy.chunks
    assert copy.text[moved.start : moved.end] == moved.text
    assert moved.text != PASSAGE
    assert [c for c in moved.text if not c.isdigit()] == [c for c in PASSAGE if not c.isdigit()]
    assert copy.metadata.number != "12-KH/TU"


def test_noisy_copies_are_unit_vectors_near_their_base() -> None:
    rng = np.random.default_rng(0)
    base = rng.normal(size=(50, 384)).astype(np.float32)
    base /= np.linalg.norm(base, axis=1, keepdims=True)
    noisy = noisy_copies(base, rng)
    assert np.allclose(np.linalg.norm(noisy, axis=1), 1.0, atol=1e-5)
    cosine = (noisy * base).sum(axis=1)
    assert cosine.min() > 0.85 and cosine.max() < 0.99


@pytest.mark.integration  # pyvi's segmentation model
def test_keywords_of_a_perturbed_passage_are_the_perturbed_keywords() -> None:
    table = digit_permutation(random.Random(2))
    tokens = keyword_tokens(PASSAGE)
    assert sparse_from_tokens(tokens) == document_vector(PASSAGE)
    assert keyword_tokens(PASSAGE.translate(table)) == [t.translate(table) for t in tokens]
    perturbed = [t.translate(table) for t in tokens]
    assert sparse_from_tokens(perturbed) == document_vector(PASSAGE.translate(table))
