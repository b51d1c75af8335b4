"""The Assistant's search and document management over a real embedded store and the real model."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.errors import BadInput, NotFound, TooLarge
from assistant.model import Filters
from assistant.service import Assistant
from assistant.settings import Settings
from tests.indexer.corpus import write_corpus

pytestmark = pytest.mark.integration


@pytest.fixture
def assistant(tmp_path: Path) -> Iterator[Assistant]:
    service = Assistant(Settings(data_dir=tmp_path / "data", max_question_chars=200))
    report = service.index([write_corpus(tmp_path / "docs")])
    assert len(report.added) == 3 and not report.failed
    yield service
    service.close()


def test_search_returns_ranked_passages_and_times_each_step(assistant: Assistant) -> None:
    question = "Hỗ trợ bao nhiêu tiền cho hộ có nhà bị sập?"
    hits, timings = assistant.search_timed(question, top_k=3)

    assert len(hits) == 3
    assert hits[0].doc.doc_id == "thong-bao-lu-lut" and "40 triệu đồng" in hits[0].chunk.text
    assert timings.embed_ms > 0 and timings.search_ms > 0
    assert timings.total_ms >= timings.embed_ms + timings.search_ms - 0.01
    assert assistant.last_timings == timings
    assert [h.chunk.text for h in assistant.search(question, top_k=3)] == [h.chunk.text for h in hits]


def test_search_honours_mode_top_k_and_filters(assistant: Assistant) -> None:
    for mode in ("dense", "sparse", "hybrid"):
        only_flood = Filters(doc_ids=("thong-bao-lu-lut",))
        hits = assistant.search("Sở nào chủ trì?", mode=mode, top_k=2, filters=only_flood)  # type: ignore[arg-type]
        assert 1 <= len(hits) <= 2 and {h.doc.doc_id for h in hits} == {"thong-bao-lu-lut"}


def test_bad_questions_get_clear_errors(assistant: Assistant) -> None:
    with pytest.raises(BadInput):
        assistant.search("   ")
    with pytest.raises(TooLarge):
        assistant.search("muỗi " * 100)
    with pytest.raises(BadInput):
        assistant.search("muỗi", top_k=0)


def test_documents_are_listed_fetched_and_removed(assistant: Assistant) -> None:
    ids = [r.doc_id for r in assistant.list_documents()]
    assert ids == ["huong-dan-sot-xuat-huyet", "ke-hoach-chuyen-doi-so", "thong-bao-lu-lut"]
    record = assistant.get_document("thong-bao-lu-lut")
    assert "40 triệu đồng" in record.text and record.n_chunks > 0 and len(record.content_hash) == 64

    assistant.remove_document("thong-bao-lu-lut")

    assert "thong-bao-lu-lut" not in [r.doc_id for r in assistant.list_documents()]
    assert all(h.doc.doc_id != "thong-bao-lu-lut" for h in assistant.search("nhà bị sập 40 triệu đồng"))
    with pytest.raises(NotFound):
        assistant.get_document("thong-bao-lu-lut")
    with pytest.raises(NotFound):
        assistant.remove_document("thong-bao-lu-lut")


def test_the_index_survives_closing_and_reopening(tmp_path: Path, assistant: Assistant) -> None:
    assistant.close()
    reopened = Assistant(assistant.settings)
    try:
        assert len(reopened.list_documents()) == 3
        assert reopened.search("diệt lăng quăng, bọ gậy", top_k=1)[0].doc.doc_id == "huong-dan-sot-xuat-huyet"
        assert reopened.index([tmp_path / "docs"]).unchanged
    finally:
        reopened.close()
