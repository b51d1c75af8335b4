"""The `Store` interface both Qdrant backends implement, and the payload and filter shapes they share.

One collection holds three kinds of points, told apart by the payload field `record`:
  - "chunk": a passage with a dense vector "dense" (cosine) and a sparse vector "sparse" (IDF);
  - "document": the registry entry of one document, payload only (see `indexer.registry`);
  - "text": the whole cleaned text of one document version, payload only. It is kept out of the
    registry entry because Qdrant reads a point's whole payload even when asked for two fields, and
    the registry is read for every document's live version.
Every chunk and text carries the `version` of the indexing run that wrote it; searches only see chunks
whose version is the registry's current one for their document.

Filters are written once here as small neutral values (`Where`, `Eq`, `AnyOf`, `DateRange`) and each
backend translates them into its own filter classes.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from assistant.errors import BadInput
from assistant.model import DocInfo, Filters, Hit
from assistant.settings import FusionMethod, RetrievalMode
from indexer.keywords import KeywordVector
from indexer.model import Chunk, Document, DocumentMetadata, DocumentRecord, Footnote
from indexer.normalize import match_key

if TYPE_CHECKING:
    from assistant.settings import Settings

DENSE = "dense"
SPARSE = "sparse"
CHUNK = "chunk"
DOCUMENT = "document"
TEXT = "text"
RRF_K = 60  # the usual reciprocal-rank-fusion constant: 1 / (60 + rank)

Payload = dict[str, Any]

# payload fields with an index, and their kind: keyword matches or a date range
KEYWORD_FIELDS = ("record", "doc_id", "version", "doc_type_key", "issuer_key", "number_key")
DATE_FIELDS = ("issued_date",)

_POINT_NAMESPACE = uuid.UUID("6f1c8a52-3d8e-4c55-9a43-0b7d2f6e9a10")


# --- neutral filters ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Eq:
    """Payload field equals a value."""

    key: str
    value: str


@dataclass(frozen=True)
class AnyOf:
    """Payload field equals one of the values."""

    key: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class DateRange:
    """Payload date field within [gte, lte] (ISO dates, either end open)."""

    key: str
    gte: str | None = None
    lte: str | None = None


Condition = Eq | AnyOf | DateRange


@dataclass(frozen=True)
class Where:
    """All of `must` and none of `must_not`."""

    must: tuple[Condition, ...] = ()
    must_not: tuple[Condition, ...] = ()


# --- what goes in and comes out -----------------------------------------------------------------


@dataclass(frozen=True)
class StoredPoint:
    """A point to write: id, payload, and its vectors (none for a registry record)."""

    point_id: str
    payload: Payload
    dense: Sequence[float] | None = None
    sparse: KeywordVector | None = None


@dataclass(frozen=True)
class VectorQuery:
    """One search: the query vectors the mode needs, a filter and how many results."""

    mode: RetrievalMode
    where: Where
    limit: int
    prefetch_limit: int
    dense: Sequence[float] | None = None
    sparse: KeywordVector | None = field(default=None)
    fusion: FusionMethod = "dbsf"  # how hybrid fuses its two lists


@dataclass(frozen=True)
class ScoredPayload:
    """A search result: the point's payload and its score (cosine, IDF-weighted dot, or RRF)."""

    payload: Payload
    score: float


class Store(Protocol):
    """A Qdrant collection as the indexer and the retriever use it."""

    def upsert(self, points: Sequence[StoredPoint]) -> None:
        """Write points durably (returns after the write is applied)."""
        ...

    def delete(self, where: Where) -> None:
        """Delete every point matching the filter."""
        ...

    def scroll(self, where: Where, fields: Sequence[str] | None = None) -> list[Payload]:
        """Return the payloads of every point matching the filter (only `fields` when given)."""
        ...

    def count(self, where: Where) -> int:
        """Return the exact number of points matching the filter."""
        ...

    def query(self, request: VectorQuery) -> list[ScoredPayload]:
        """Return the best points for a dense, sparse or hybrid (RRF-fused) query, best first."""
        ...

    def close(self) -> None:
        """Flush and release the store."""
        ...


def open_store(settings: Settings, dense_size: int) -> Store:
    """Return the store the settings choose: a Qdrant server if `qdrant_url` is set, else Qdrant Edge."""
    if settings.qdrant_url:
        from indexer.store_client import ClientStore

        return ClientStore.connect(settings, dense_size)
    from indexer.store_edge import EdgeStore

    return EdgeStore(settings.store_dir, dense_size)


# --- ids and payloads ----------------------------------------------------------------------------


def chunk_point_id(doc_id: str, version: str, index: int) -> str:
    """Return the stable point id of one chunk of one document version."""
    return str(uuid.uuid5(_POINT_NAMESPACE, f"chunk/{doc_id}/{version}/{index}"))


def record_point_id(doc_id: str) -> str:
    """Return the point id of a document's registry record."""
    return str(uuid.uuid5(_POINT_NAMESPACE, f"document/{doc_id}"))


def text_point_id(doc_id: str, version: str) -> str:
    """Return the point id of the whole text of one document version."""
    return str(uuid.uuid5(_POINT_NAMESPACE, f"text/{doc_id}/{version}"))


def _key(value: str | None) -> str | None:
    return match_key(value) if value else None


def _metadata_payload(metadata: DocumentMetadata) -> Payload:
    return {
        "title": metadata.title,
        "number": metadata.number,
        "doc_type": metadata.doc_type,
        "issuer": metadata.issuer,
        "issued_date": metadata.issued_date,
        # tone-folded lower-case copies for filtering: "Kế hoạch" finds "KẾ HOẠCH"
        "doc_type_key": _key(metadata.doc_type),
        "issuer_key": _key(metadata.issuer),
        "number_key": _key(metadata.number),
    }


def chunk_payload(document: Document, chunk: Chunk, version: str) -> Payload:
    """Return the payload of a chunk point: document fields for citing and filtering, and the passage."""
    return {
        "record": CHUNK,
        "doc_id": document.doc_id,
        "version": version,
        "content_hash": document.content_hash,
        "source": document.source,
        **_metadata_payload(document.metadata),
        "index": chunk.index,
        "section": chunk.section,
        "text": chunk.text,
        "start": chunk.start,
        "end": chunk.end,
        "footnotes": [{"marker": f.marker, "text": f.text} for f in chunk.footnotes],
    }


def hit_from_payload(payload: Mapping[str, Any], score: float) -> Hit:
    """Return the hit a chunk payload describes."""
    chunk = Chunk(
        doc_id=payload["doc_id"],
        index=int(payload["index"]),
        section=payload.get("section") or "",
        text=payload["text"],
        start=int(payload["start"]),
        end=int(payload["end"]),
        footnotes=tuple(Footnote(f["marker"], f["text"]) for f in payload.get("footnotes") or ()),
    )
    doc = DocInfo(
        doc_id=payload["doc_id"],
        source=payload["source"],
        title=payload.get("title"),
        number=payload.get("number"),
        doc_type=payload.get("doc_type"),
        issuer=payload.get("issuer"),
        issued_date=payload.get("issued_date"),
    )
    return Hit(chunk=chunk, doc=doc, score=float(score))


def text_payload(record: DocumentRecord, version: str) -> Payload:
    """Return the payload of a document version's text point."""
    return {"record": TEXT, "doc_id": record.doc_id, "version": version, "text": record.text}


def record_payload(record: DocumentRecord, version: str) -> Payload:
    """Return the payload of a document's registry record (its text goes in a point of its own)."""
    metadata = record.metadata
    return {
        "record": DOCUMENT,
        "doc_id": record.doc_id,
        "version": version,
        "source": record.source,
        "content_hash": record.content_hash,
        **_metadata_payload(metadata),
        "place": metadata.place,
        "signer_name": metadata.signer_name,
        "signer_position": metadata.signer_position,
        "recipients": list(metadata.recipients),
        "n_chunks": record.n_chunks,
        "indexed_at": record.indexed_at,
    }


def record_from_payload(payload: Mapping[str, Any], text: str | None = None) -> DocumentRecord:
    """Return the document record a registry payload and its text point describe.

    Records written before texts had points of their own carry the text in the payload.
    """
    metadata = DocumentMetadata(
        doc_type=payload.get("doc_type"),
        number=payload.get("number"),
        issuer=payload.get("issuer"),
        place=payload.get("place"),
        issued_date=payload.get("issued_date"),
        title=payload.get("title"),
        signer_name=payload.get("signer_name"),
        signer_position=payload.get("signer_position"),
        recipients=tuple(payload.get("recipients") or ()),
    )
    return DocumentRecord(
        doc_id=payload["doc_id"],
        source=payload["source"],
        content_hash=payload["content_hash"],
        metadata=metadata,
        text=text if text is not None else payload.get("text") or "",
        n_chunks=int(payload.get("n_chunks") or 0),
        indexed_at=payload.get("indexed_at") or "",
    )


def _iso_day(value: str | None) -> str | None:
    """Return an ISO date unchanged, or raise BadInput for anything else ("31/12/2025" included)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadInput(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def search_where(filters: Filters | None, versions: Sequence[str]) -> Where:
    """Return the filter of a search: current chunks only, restricted by the user's filters.

    Document type, issuer and số hiệu compare in match form, so "Kế hoạch" matches "KẾ HOẠCH".
    """
    must: list[Condition] = [Eq("record", CHUNK), AnyOf("version", tuple(versions))]
    if filters is not None:
        if filters.doc_ids is not None:
            must.append(AnyOf("doc_id", filters.doc_ids))
        if filters.doc_types is not None:
            must.append(AnyOf("doc_type_key", tuple(match_key(t) for t in filters.doc_types)))
        if filters.issuers is not None:
            must.append(AnyOf("issuer_key", tuple(match_key(i) for i in filters.issuers)))
        if filters.numbers is not None:
            must.append(AnyOf("number_key", tuple(match_key(n) for n in filters.numbers)))
        if filters.date_from or filters.date_to:
            must.append(DateRange("issued_date", _iso_day(filters.date_from), _iso_day(filters.date_to)))
    return Where(must=tuple(must))
