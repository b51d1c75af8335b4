"""One contract, two engines: every test runs on Qdrant Edge and on qdrant-client (local mode).

Real bundled model, real Qdrant engines; documents are built here, so the store is tested apart
from ingestion.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from assistant.errors import BadInput
from assistant.model import Filters, Hit
from assistant.retrieval import Retriever
from assistant.settings import FusionMethod, RetrievalMode
from indexer import registry
from indexer.keywords import document_vector
from indexer.model import Document
from indexer.pipeline import index_document
from indexer.store import (
    Eq,
    Store,
    StoredPoint,
    Where,
    chunk_payload,
    chunk_point_id,
    text_payload,
    text_point_id,
)
from tests.indexer.corpus import DENGUE, DIGITAL, METADATA, make_document, sample_documents

pytestmark = pytest.mark.integration

MODES: tuple[RetrievalMode, ...] = ("dense", "sparse", "hybrid")


def _index(store: Store, embedder: object, documents: list[Document], version: str = "v1") -> None:
    for document in documents:
        index_document(document, f"{version}-{document.doc_id}", store, embedder, batch_size=8)  # type: ignore[arg-type]


def _search(
    store: Store, embedder: object, query: str, filters: Filters | None = None, mode: RetrievalMode = "hybrid"
) -> list[Hit]:
    hits, _ = Retriever(store, embedder).search(query, filters, mode, 10)  # type: ignore[arg-type]
    return hits


def test_registry_lists_every_document_with_its_chunk_count(store: Store, e5: object) -> None:
    documents = sample_documents()
    _index(store, e5, documents)

    records = registry.list_records(store)
    assert [r.doc_id for r in records] == ["dengue", "digital", "flood"]
    by_id = {d.doc_id: d for d in documents}
    for record in records:
        assert record.n_chunks == len(by_id[record.doc_id].chunks)
        assert registry.count_chunks(store, record.doc_id) == record.n_chunks
        assert record.metadata == by_id[record.doc_id].metadata
        assert record.text == by_id[record.doc_id].text
    assert registry.get_record(store, "nope") is None


@pytest.mark.parametrize("mode", MODES)
def test_every_mode_finds_the_passage_that_answers(store: Store, e5: object, mode: RetrievalMode) -> None:
    _index(store, e5, sample_documents())

    hits = _search(store, e5, "Cơ quan nào phun hóa chất diệt muỗi ở ổ dịch?", mode=mode)

    assert hits, mode
    top = hits[0]
    assert top.doc.doc_id == "dengue"
    assert "phun hóa chất" in top.chunk.text
    assert top.doc.number == "03-HD/BTG"
    assert DENGUE[top.chunk.start : top.chunk.end] == top.chunk.text
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


@pytest.mark.parametrize("fusion", ["dbsf", "rrf"])
def test_both_fusions_rank_the_answer_first_from_the_two_lists(
    store: Store, e5: object, fusion: FusionMethod
) -> None:
    _index(store, e5, sample_documents())
    query = "Cơ quan nào phun hóa chất diệt muỗi ở ổ dịch?"

    hybrid, _ = Retriever(store, e5, fusion=fusion).search(query, None, "hybrid", 10)  # type: ignore[arg-type]
    dense, _ = Retriever(store, e5).search(query, None, "dense", 50)  # type: ignore[arg-type]
    sparse, _ = Retriever(store, e5).search(query, None, "sparse", 50)  # type: ignore[arg-type]

    assert hybrid[0].doc.doc_id == "dengue" and "phun hóa chất" in hybrid[0].chunk.text
    ids = {(h.doc.doc_id, h.chunk.start) for h in hybrid}
    assert len(ids) == len(hybrid) and ids <= {(h.doc.doc_id, h.chunk.start) for h in dense + sparse}
    assert [h.score for h in hybrid] == sorted((h.score for h in hybrid), reverse=True)


def test_keyword_search_ignores_tone_placement(store: Store, e5: object) -> None:
    _index(store, e5, sample_documents())

    # the passage writes "Văn phòng Tỉnh uỷ" (old placement); the query the new one
    hits = _search(store, e5, "Văn phòng Tỉnh ủy số hóa hồ sơ lưu trữ", mode="sparse")

    assert hits[0].doc.doc_id == "digital"
    assert "hồ sơ lưu trữ" in hits[0].chunk.text


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(doc_ids=("flood",)), {"flood"}),
        (Filters(doc_types=("Hướng dẫn",)), {"dengue"}),  # any case
        (Filters(issuers=("Thường trực Tỉnh uỷ Quảng Trị",)), {"flood"}),  # any tone placement
        (Filters(numbers=("15-kh/tu",)), {"digital"}),
        (Filters(numbers=("15-KH/TU", "88-TB/TU")), {"digital", "flood"}),
        (Filters(date_from="2025-01-01", date_to="2025-12-31"), {"dengue"}),
        (Filters(date_from="2025-06-01"), {"dengue", "digital"}),
        (Filters(date_to="2024-12-31"), {"flood"}),
        (Filters(doc_types=("KẾ HOẠCH",), date_to="2025-12-31"), set()),
    ],
)
def test_filters_restrict_results(store: Store, e5: object, filters: Filters, expected: set[str]) -> None:
    _index(store, e5, sample_documents())

    for mode in MODES:
        hits = _search(store, e5, "Sở nào chủ trì thực hiện?", filters, mode)
        assert {h.doc.doc_id for h in hits} == expected, mode


def test_a_date_that_is_not_iso_is_rejected(store: Store, e5: object) -> None:
    _index(store, e5, sample_documents()[:1])
    with pytest.raises(BadInput):
        _search(store, e5, "nhiệm vụ", Filters(date_from="31/12/2025"))


def _changed_digital() -> Document:
    text = DIGITAL.replace("số hóa toàn bộ hồ sơ lưu trữ", "triển khai chữ ký số cho lãnh đạo")
    return make_document("digital", text, METADATA["digital"], content_hash="h2")


def test_uncommitted_version_stays_invisible_until_its_record_is_written(store: Store, e5: object) -> None:
    _index(store, e5, sample_documents())
    old_count = registry.count_chunks(store, "digital")
    new = _changed_digital()

    # step 1 of an update only (as if the run was killed before the registry write)
    store.upsert(
        [
            StoredPoint(
                chunk_point_id("digital", "v2", c.index),
                chunk_payload(new, c, "v2"),
                dense=e5.embed([c.text], "passage")[0].tolist(),  # type: ignore[attr-defined]
                sparse=document_vector(c.text),
            )
            for c in new.chunks
        ]
    )
    # and the first write of step 2: the text point, without the record that makes it live
    live_record = registry.get_record(store, "digital")
    assert live_record is not None
    new_record = replace(live_record, text=new.text)
    store.upsert([StoredPoint(text_point_id("digital", "v2"), text_payload(new_record, "v2"))])
    for mode in MODES:
        texts = [h.chunk.text for h in _search(store, e5, "chữ ký số cho lãnh đạo", mode=mode)]
        assert not any("chữ ký số" in t for t in texts), mode
    record = registry.get_record(store, "digital")
    assert record is not None and record.text == DIGITAL  # still the live version's text

    assert registry.clean_orphans(store) == len(new.chunks) + 1
    assert registry.count_chunks(store, "digital") == old_count
    assert store.count(Where(must=(Eq("record", "text"), Eq("doc_id", "digital")))) == 1


def test_committing_a_new_version_replaces_the_old_points(store: Store, e5: object) -> None:
    _index(store, e5, sample_documents())
    new = _changed_digital()

    index_document(new, "v2-digital", store, e5, batch_size=8)  # type: ignore[arg-type]

    assert registry.count_chunks(store, "digital") == len(new.chunks)
    record = registry.get_record(store, "digital")
    assert record is not None and record.content_hash == "h2" and record.n_chunks == len(new.chunks)
    assert record.text == new.text  # the new version's text, and only that one is kept
    assert store.count(Where(must=(Eq("record", "text"), Eq("doc_id", "digital")))) == 1
    registry_payload = store.scroll(Where(must=(Eq("record", "document"), Eq("doc_id", "digital"))))[0]
    assert "text" not in registry_payload  # registry reads stay small: no document text in the record
    texts = [h.chunk.text for h in _search(store, e5, "chữ ký số cho lãnh đạo", mode="sparse")]
    assert any("chữ ký số" in t for t in texts)
    old = [h for h in _search(store, e5, "số hóa toàn bộ hồ sơ lưu trữ", mode="sparse")]
    assert not any("hồ sơ lưu trữ từ năm 2010" in h.chunk.text for h in old)


def test_removal_leaves_no_point_behind(store: Store, e5: object) -> None:
    _index(store, e5, sample_documents())
    total = store.count(Where())
    dengue_chunks = registry.count_chunks(store, "dengue")

    assert registry.remove(store, "dengue") is True

    assert registry.count_chunks(store, "dengue") == 0
    assert store.count(Where()) == total - dengue_chunks - 2  # its chunks, its record and its text
    assert registry.get_record(store, "dengue") is None
    assert _search(store, e5, "phun hóa chất diệt muỗi", Filters(doc_ids=("dengue",))) == []
    assert all(h.doc.doc_id != "dengue" for h in _search(store, e5, "phun hóa chất diệt muỗi"))
    assert registry.remove(store, "dengue") is False


def test_an_empty_store_answers_with_no_hits(store: Store, e5: object) -> None:
    for mode in MODES:
        assert _search(store, e5, "chuyển đổi số", mode=mode) == []
