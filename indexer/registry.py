"""The document registry: one payload-only point per document in the same Qdrant collection.

Keeping the registry in the collection (rather than a side file or a second database) means every
replica of a server deployment sees the same documents, and one write decides which version of a
document is live. The record's `version` is the commit point of an indexing run:

  1. write the new version's chunk points (searches ignore them: their version is not current);
  2. write the registry record with the new version (the switch: searches now see the new chunks);
  3. delete the chunks of every other version of that document.

A run killed anywhere leaves each document fully old or fully new; the leftovers of an interrupted
step 1 or 3 are removed by `clean_orphans` at the start of the next run.
"""

from __future__ import annotations

from indexer.model import DocumentRecord
from indexer.store import (
    CHUNK,
    DOCUMENT,
    AnyOf,
    Eq,
    Store,
    StoredPoint,
    Where,
    record_from_payload,
    record_payload,
    record_point_id,
)

_RECORDS = Where(must=(Eq("record", DOCUMENT),))


def current_versions(store: Store) -> dict[str, str]:
    """Return the live version of every indexed document, by document id."""
    return {p["doc_id"]: p["version"] for p in store.scroll(_RECORDS, fields=("doc_id", "version"))}


def list_records(store: Store) -> list[DocumentRecord]:
    """Return every indexed document's record, ordered by document id."""
    return sorted((record_from_payload(p) for p in store.scroll(_RECORDS)), key=lambda r: r.doc_id)


def get_record(store: Store, doc_id: str) -> DocumentRecord | None:
    """Return one document's record, or None if it is not indexed."""
    payloads = store.scroll(Where(must=(Eq("record", DOCUMENT), Eq("doc_id", doc_id))))
    return record_from_payload(payloads[0]) if payloads else None


def commit(store: Store, record: DocumentRecord, version: str) -> None:
    """Make `version` the live one for the document, then drop its chunks of any other version."""
    store.upsert([StoredPoint(record_point_id(record.doc_id), record_payload(record, version))])
    store.delete(
        Where(
            must=(Eq("record", CHUNK), Eq("doc_id", record.doc_id)),
            must_not=(Eq("version", version),),
        )
    )


def remove(store: Store, doc_id: str) -> bool:
    """Delete a document: its record first (it vanishes from searches), then its chunks."""
    existed = get_record(store, doc_id) is not None
    store.delete(Where(must=(Eq("record", DOCUMENT), Eq("doc_id", doc_id))))
    store.delete(Where(must=(Eq("record", CHUNK), Eq("doc_id", doc_id))))
    return existed


def clean_orphans(store: Store) -> int:
    """Delete chunks whose version is not live (left by an interrupted run); return how many."""
    versions = tuple(current_versions(store).values())
    stale = Where(
        must=(Eq("record", CHUNK),),
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
