"""The document registry: one payload-only point per document in the same Qdrant collection.

Keeping the registry in the collection (rather than a side file or a second database) means every
replica of a server deployment sees the same documents, and one write decides which version of a
document is live. The record's `version` is the commit point of an indexing run:

  1. write the new version's chunk points and its text point (searches ignore them: their version
     is not current);
  2. write the registry record with the new version (the switch: searches now see the new chunks);
  3. delete the chunks and text of every other version of that document.

A run killed anywhere leaves each document fully old or fully new; the leftovers of an interrupted
step 1 or 3 are removed by `clean_orphans` at the start of the next run.

Searches filter chunks on the live versions. Reading them is one scroll over every record, and Qdrant
reads a point's whole stored payload even when asked for two fields: so the document text lives in a
point of its own (records stay small), and a process keeps the versions in a `LiveVersions` cache,
dropped by its own index and remove and re-read after a short TTL so replicas sharing one Qdrant
see each other's changes.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from indexer.model import DocumentRecord
from indexer.store import (
    CHUNK,
    DOCUMENT,
    TEXT,
    AnyOf,
    Eq,
    Store,
    StoredPoint,
    Where,
    record_from_payload,
    record_payload,
    record_point_id,
    text_payload,
    text_point_id,
)

_RECORDS = Where(must=(Eq("record", DOCUMENT),))


def current_versions(store: Store) -> dict[str, str]:
    """Return the live version of every indexed document, by document id."""
    return {p["doc_id"]: p["version"] for p in store.scroll(_RECORDS, fields=("doc_id", "version"))}


class LiveVersions:
    """The live versions of all documents for searches, read from the registry at most every `ttl_s`.

    `invalidate` (called by this process after it commits or removes a document) makes the next
    `get` read again; a change made by another process is seen at most `ttl_s` seconds late. While
    stale, a replaced document's chunks are missing from searches (its old chunks are gone, its new
    version not yet known); a half-written version never shows. `ttl_s` 0 reads on every call.
    """

    def __init__(self, store: Store, ttl_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._store = store
        self._ttl_s = ttl_s
        self._clock = clock
        self._read_lock = threading.Lock()  # one registry read at a time; the others wait for it
        self._generation = 0  # bumped by invalidate; a read started before a bump is not fresh
        self._cached: tuple[str, ...] = ()
        self._cached_generation = -1
        self._read_at = 0.0

    def get(self) -> tuple[str, ...]:
        """Return the live version ids, read again if invalidated or older than the TTL."""
        with self._read_lock:
            if self._fresh():
                return self._cached
            generation = self._generation
            versions = tuple(current_versions(self._store).values())
            self._cached, self._cached_generation, self._read_at = versions, generation, self._clock()
            return versions

    def invalidate(self) -> None:
        """Forget the cached versions: this process just changed the registry."""
        # not atomic, but two racing calls still leave it different from the cached generation
        self._generation += 1

    def _fresh(self) -> bool:
        return (
            self._cached_generation == self._generation
            and self._ttl_s > 0
            and self._clock() - self._read_at < self._ttl_s
        )


def list_records(store: Store) -> list[DocumentRecord]:
    """Return every indexed document's record with its text, ordered by document id."""
    records = store.scroll(_RECORDS)
    texts = {(p["doc_id"], p["version"]): p["text"] for p in store.scroll(Where(must=(Eq("record", TEXT),)))}
    return sorted(
        (record_from_payload(p, texts.get((p["doc_id"], p["version"]))) for p in records),
        key=lambda r: r.doc_id,
    )


def get_record(store: Store, doc_id: str) -> DocumentRecord | None:
    """Return one document's record with its text, or None if it is not indexed."""
    payloads = store.scroll(Where(must=(Eq("record", DOCUMENT), Eq("doc_id", doc_id))))
    if not payloads:
        return None
    version = payloads[0]["version"]
    texts = store.scroll(Where(must=(Eq("record", TEXT), Eq("doc_id", doc_id), Eq("version", version))))
    return record_from_payload(payloads[0], texts[0]["text"] if texts else None)


def commit(store: Store, record: DocumentRecord, version: str) -> None:
    """Make `version` the live one for the document, then drop its chunks and text of any other version.

    The text point is written before the record, so a live record always has its text.
    """
    store.upsert([StoredPoint(text_point_id(record.doc_id, version), text_payload(record, version))])
    store.upsert([StoredPoint(record_point_id(record.doc_id), record_payload(record, version))])
    store.delete(
        Where(
            must=(AnyOf("record", (CHUNK, TEXT)), Eq("doc_id", record.doc_id)),
            must_not=(Eq("version", version),),
        )
    )


def remove(store: Store, doc_id: str) -> bool:
    """Delete a document: its record first (it vanishes from searches), then its chunks and text."""
    existed = bool(store.count(Where(must=(Eq("record", DOCUMENT), Eq("doc_id", doc_id)))))
    store.delete(Where(must=(Eq("record", DOCUMENT), Eq("doc_id", doc_id))))
    store.delete(Where(must=(AnyOf("record", (CHUNK, TEXT)), Eq("doc_id", doc_id))))
    return existed


def clean_orphans(store: Store) -> int:
    """Delete chunks and texts whose version is not live (left by an interrupted run); return how many."""
    versions = tuple(current_versions(store).values())
    stale = Where(
        must=(AnyOf("record", (CHUNK, TEXT)),),
        must_not=(AnyOf("version", versions),) if versions else (),
    )
    orphans = store.count(stale)
    if orphans:
        store.delete(stale)
    return orphans


def count_chunks(store: Store, doc_id: str | None = None) -> int:
    """Return the number of chunk points (of every version), for one document or all."""
    must = (Eq("record", CHUNK),) + ((Eq("doc_id", doc_id),) if doc_id else ())
    return store.count(Where(must=must))
