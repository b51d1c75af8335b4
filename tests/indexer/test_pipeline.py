"""Incremental indexing of files, on both real stores with the real model and the real ingestion."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.settings import Settings
from indexer import registry
from indexer.ingest import doc_id_for
from indexer.pipeline import IndexProgress, build_index
from indexer.store import Store, Where
from tests.indexer.corpus import DENGUE, TEXTS, write_corpus

pytestmark = pytest.mark.integration

DENGUE_FILE = "huong-dan-sot-xuat-huyet.txt"


def _settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


def test_reindexing_unchanged_files_is_idempotent(store: Store, e5: object, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "docs")
    first = build_index([corpus], _settings(tmp_path), store, e5)  # type: ignore[arg-type]
    points = store.count(Where())

    second = build_index([corpus], _settings(tmp_path), store, e5)  # type: ignore[arg-type]

    assert sorted(first.added) == sorted(doc_id_for(name) for name in TEXTS)
    assert first.chunks > 3 and not first.failed
    assert sorted(second.unchanged) == sorted(first.added)
    assert second.added == second.replaced == () and second.chunks == 0
    assert store.count(Where()) == points
    records = registry.list_records(store)
    assert sum(r.n_chunks for r in records) == registry.count_chunks(store) == first.chunks

    forced = build_index([corpus], _settings(tmp_path), store, e5, force=True)  # type: ignore[arg-type]
    assert sorted(forced.replaced) == sorted(first.added) and store.count(Where()) == points


def test_a_changed_file_replaces_its_points(store: Store, e5: object, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "docs")
    build_index([corpus], _settings(tmp_path), store, e5)  # type: ignore[arg-type]
    dengue = doc_id_for(DENGUE_FILE)
    changed = DENGUE.replace("Trường học tuyên truyền cho học sinh cách ngủ màn, phòng muỗi đốt.",
                             "Trạm y tế lập danh sách bệnh nhân sốt cao.\n\n4. Các xã báo cáo hằng tuần.")
    (corpus / DENGUE_FILE).write_text(changed, encoding="utf-8")

    report = build_index([corpus], _settings(tmp_path), store, e5)  # type: ignore[arg-type]

    assert report.replaced == (dengue,) and len(report.unchanged) == 2
    record = registry.get_record(store, dengue)
    assert record is not None and "danh sách bệnh nhân" in record.text
    assert registry.count_chunks(store, dengue) == record.n_chunks == report.chunks
    texts = [p["text"] for p in store.scroll(Where(), fields=("text",)) if "text" in p]
    assert not any("ngủ màn" in t for t in texts)


def test_failed_files_are_reported_and_the_batch_goes_on(store: Store, e5: object, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "docs")
    (corpus / "trong.txt").write_text("", encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / DENGUE_FILE).write_text(DENGUE, encoding="utf-8")  # same id as a file in docs/
    events: list[IndexProgress] = []

    report = build_index(
        [corpus, tmp_path / "missing.txt", other], _settings(tmp_path), store, e5, events.append  # type: ignore[arg-type]
    )

    reasons = dict(report.failed)
    expected = {corpus / "trong.txt", tmp_path / "missing.txt", other / DENGUE_FILE}
    assert set(reasons) == {str(path) for path in expected}
    assert "no such file" in reasons[str(tmp_path / "missing.txt")]
    assert "same document id" in reasons[str(other / DENGUE_FILE)]
    assert len(report.added) == 3
    assert {e.source for e in events} >= set(TEXTS)
    assert any(e.chunks_total and e.chunks_done == e.chunks_total for e in events)
