"""The embedded store: a Qdrant Edge shard (the in-process Qdrant engine) in a local folder."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import qdrant_edge as qe

from assistant.errors import NotReady
from indexer.store import (
    DATE_FIELDS,
    DENSE,
    KEYWORD_FIELDS,
    RRF_K,
    SPARSE,
    AnyOf,
    Condition,
    DateRange,
    Eq,
    Payload,
    ScoredPayload,
    StoredPoint,
    VectorQuery,
    Where,
)

_SCROLL_PAGE = 256


def _condition(condition: Condition) -> qe.FieldCondition:
    match condition:
        case Eq(key, value):
            return qe.FieldCondition(key, match=qe.MatchValue(value))
        case AnyOf(key, values):
            return qe.FieldCondition(key, match=qe.MatchAny(list(values)))
        case DateRange(key, gte, lte):
            return qe.FieldCondition(key, range=qe.RangeDateTime(gte=gte, lte=lte))
    raise TypeError(condition)


def _filter(where: Where) -> qe.Filter | None:
    if not where.must and not where.must_not:
        return None
    return qe.Filter(
        must=[_condition(c) for c in where.must] or None,
        must_not=[_condition(c) for c in where.must_not] or None,
    )


def _vectors(point: StoredPoint) -> dict[str, Any]:
    vectors: dict[str, Any] = {}
    if point.dense is not None:
        vectors[DENSE] = [float(x) for x in point.dense]
    if point.sparse:
        vectors[SPARSE] = qe.SparseVector(list(point.sparse.indices), list(point.sparse.values))
    return vectors


def _fusion(method: str) -> qe.Fusion.Dbsf | qe.Fusion.Rrf:
    """Return Qdrant Edge's fusion of a hybrid query's two prefetch lists."""
    return qe.Fusion.Dbsf() if method == "dbsf" else qe.Fusion.Rrf(k=RRF_K)


class EdgeStore:
    """A Qdrant Edge shard under `path`, created on first use with named dense and sparse vectors."""

    def __init__(self, path: Path, dense_size: int) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._changed = False
        config = qe.EdgeConfig(
            vectors={DENSE: qe.EdgeVectorParams(size=dense_size, distance=qe.Distance.Cosine)},
            sparse_vectors={SPARSE: qe.EdgeSparseVectorParams(modifier=qe.Modifier.Idf)},
        )
        try:
            if (path / "edge_config.json").exists():
                # loading with the config checks that the stored vectors fit this embedder
                self._shard = qe.EdgeShard.load(str(path), config)
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._shard = qe.EdgeShard.create(str(path), config)
        except Exception as error:  # the engine raises its own error types
            raise NotReady(
                f"cannot open the Qdrant Edge store at {path} ({error}); another process (a running "
                f"server?) may hold it, or it was built for vectors other than {dense_size}-dimensional "
                f"(another embedder needs a fresh DQA_DATA_DIR)"
            ) from error
        self._ensure_indexes()

    def _ensure_indexes(self) -> None:
        existing = set(self._shard.info().payload_schema)
        for name in KEYWORD_FIELDS:
            if name not in existing:
                self._shard.update(qe.UpdateOperation.create_field_index(name, qe.PayloadSchemaType.Keyword))
        for name in DATE_FIELDS:
            if name not in existing:
                self._shard.update(qe.UpdateOperation.create_field_index(name, qe.PayloadSchemaType.Datetime))

    def upsert(self, points: Sequence[StoredPoint]) -> None:
        """Write points; the write-ahead log makes them durable once this returns."""
        if not points:
            return
        edge_points = [qe.Point(p.point_id, _vectors(p), p.payload) for p in points]
        with self._lock:
            self._shard.update(qe.UpdateOperation.upsert_points(edge_points))
            self._changed = True

    def delete(self, where: Where) -> None:
        """Delete every point matching the filter."""
        edge_filter = _filter(where) or qe.Filter()
        with self._lock:
            self._shard.update(qe.UpdateOperation.delete_points_by_filter(edge_filter))
            self._changed = True

    def scroll(self, where: Where, fields: Sequence[str] | None = None) -> list[Payload]:
        """Return the payloads of every point matching the filter."""
        selector: Any = qe.PayloadSelector.Include(list(fields)) if fields is not None else True
        payloads: list[Payload] = []
        offset = None
        while True:
            request = qe.ScrollRequest(
                offset=offset, limit=_SCROLL_PAGE, filter=_filter(where), with_payload=selector
            )
            records, offset = self._shard.scroll(request)
            payloads.extend(dict(r.payload or {}) for r in records)
            if offset is None:
                return payloads

    def count(self, where: Where) -> int:
        """Return the exact number of points matching the filter."""
        return int(self._shard.count(qe.CountRequest(exact=True, filter=_filter(where))))

    def query(self, request: VectorQuery) -> list[ScoredPayload]:
        """Return the best chunks for the query's mode; hybrid fuses dense and sparse by RRF."""
        edge_filter = _filter(request.where)
        dense = (
            qe.Query.Nearest([float(x) for x in request.dense], using=DENSE)
            if request.dense is not None
            else None
        )
        sparse = (
            qe.Query.Nearest(
                qe.SparseVector(list(request.sparse.indices), list(request.sparse.values)), using=SPARSE
            )
            if request.sparse
            else None
        )
        match request.mode:
            case "dense":
                stages = [dense]
            case "sparse":
                stages = [sparse]
            case "hybrid":
                stages = [dense, sparse]
        usable = [s for s in stages if s is not None]
        if not usable:
            return []
        if len(usable) == 1:
            query = qe.QueryRequest(
                limit=request.limit, query=usable[0], filter=edge_filter, with_payload=True
            )
        else:
            prefetches = [
                qe.Prefetch(limit=request.prefetch_limit, query=stage, filter=edge_filter) for stage in usable
            ]
            # no filter on the fusion itself: it only ranks the prefetches' results, already filtered
            # (checking the live-version list a third time cost about 15% of the query at 10k chunks)
            query = qe.QueryRequest(
                limit=request.limit,
                prefetches=prefetches,
                query=_fusion(request.fusion),  # type: ignore[arg-type]  # the stub omits Fusion as a query
                with_payload=True,
            )
        return [ScoredPayload(dict(p.payload or {}), float(p.score)) for p in self._shard.query(query)]

    def close(self) -> None:
        """Merge small segments if anything changed, flush and release the shard."""
        with self._lock:
            if self._changed:
                self._shard.optimize()
                self._shard.flush()
            self._shard.close()
