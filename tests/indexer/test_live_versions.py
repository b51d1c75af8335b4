"""The per-process cache of live document versions, on both real Qdrant engines (registry records only)."""

from __future__ import annotations

import pytest

from indexer import registry
from indexer.model import DocumentMetadata, DocumentRecord
from indexer.store import Store

pytestmark = pytest.mark.integration


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _commit(store: Store, doc_id: str, version: str) -> None:
    record = DocumentRecord(doc_id, f"{doc_id}.txt", "h", DocumentMetadata(), "văn bản", 0, "2026-11-26")
    registry.commit(store, record, version)


def test_versions_are_reread_after_the_ttl_so_other_replicas_changes_arrive(store: Store) -> None:
    clock = Clock()
    live = registry.LiveVersions(store, ttl_s=2.0, clock=clock)
    _commit(store, "a", "a1")
    assert live.get() == ("a1",)

    _commit(store, "a", "a2")  # another replica replaces the document: this process is not told
    _commit(store, "b", "b1")
    clock.now += 1.9
    assert live.get() == ("a1",)  # within the TTL: the cached list
    clock.now += 0.2
    assert sorted(live.get()) == ["a2", "b1"]


def test_invalidate_makes_the_next_search_see_this_process_changes_at_once(store: Store) -> None:
    clock = Clock()
    live = registry.LiveVersions(store, ttl_s=60.0, clock=clock)
    _commit(store, "a", "a1")
    assert live.get() == ("a1",)

    registry.remove(store, "a")
    live.invalidate()
    assert live.get() == ()
    _commit(store, "b", "b1")
    live.invalidate()
    assert live.get() == ("b1",)


def test_ttl_zero_reads_the_registry_every_time(store: Store) -> None:
    live = registry.LiveVersions(store, ttl_s=0, clock=Clock())
    assert live.get() == ()
    _commit(store, "a", "a1")
    assert live.get() == ("a1",)
