"""The server store: a Qdrant collection through qdrant-client (a server, a cluster, or its local mode).

Tests run the same code against `QdrantClient(path=...)`, qdrant-client's pure-Python local mode,
standing in for the server.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any

import httpx
from qdrant_client import QdrantClient, models
from qdrant_client.http.exceptions import ApiException

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

if TYPE_CHECKING:
    from assistant.settings import Settings

_SCROLL_PAGE = 256
# what a down, unreachable or refusing server raises; turned into NotReady (HTTP 503) for the user
_SERVER_ERRORS = (ApiException, httpx.HTTPError, ConnectionError, TimeoutError)


@contextmanager
def _server_call(what: str) -> Iterator[None]:
    try:
        yield
    except _SERVER_ERRORS as error:
        raise NotReady(f"Qdrant server error while {what}: {error}") from error


def _condition(condition: Condition) -> models.FieldCondition:
    match condition:
        case Eq(key, value):
            return models.FieldCondition(key=key, match=models.MatchValue(value=value))
        case AnyOf(key, values):
            return models.FieldCondition(key=key, match=models.MatchAny(any=list(values)))
        case DateRange(key, gte, lte):
            bounds = models.DatetimeRange(gte=_day(gte), lte=_day(lte))
            return models.FieldCondition(key=key, range=bounds)
    raise TypeError(condition)


def _day(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None


def _filter(where: Where) -> models.Filter | None:
    if not where.must and not where.must_not:
        return None
    return models.Filter(
        must=[_condition(c) for c in where.must] or None,
        must_not=[_condition(c) for c in where.must_not] or None,
    )


def _sparse(indices: Sequence[int], values: Sequence[float]) -> models.SparseVector:
    return models.SparseVector(indices=list(indices), values=list(values))


def _vectors(point: StoredPoint) -> dict[str, Any]:
    vectors: dict[str, Any] = {}
    if point.dense is not None:
        vectors[DENSE] = [float(x) for x in point.dense]
    if point.sparse:
        vectors[SPARSE] = _sparse(point.sparse.indices, point.sparse.values)
    return vectors


class ClientStore:
    """One collection through qdrant-client, created if missing with named dense and sparse vectors."""

    def __init__(
        self,
        client: QdrantClient,
        collection: str,
        dense_size: int,
        *,
        shard_number: int = 1,
        replication_factor: int = 1,
    ) -> None:
        self._client = client
        self._collection = collection
        try:
            exists = client.collection_exists(collection)
        except Exception as error:  # connection refused, bad API key, …
            raise NotReady(f"cannot reach Qdrant for collection {collection!r}: {error}") from error
        if exists:
            self._check_size(dense_size)
        else:
            client.create_collection(
                collection,
                vectors_config={DENSE: models.VectorParams(size=dense_size, distance=models.Distance.COSINE)},
                sparse_vectors_config={SPARSE: models.SparseVectorParams(modifier=models.Modifier.IDF)},
                shard_number=shard_number,
                replication_factor=replication_factor,
            )
            self._create_indexes()

    @classmethod
    def connect(cls, settings: Settings, dense_size: int) -> ClientStore:
        """Return the store on the Qdrant server the settings name."""
        api_key = settings.qdrant_api_key.get_secret_value() if settings.qdrant_api_key else None
        client = QdrantClient(url=settings.qdrant_url, api_key=api_key)
        return cls(
            client,
            settings.collection,
            dense_size,
            shard_number=settings.shard_number,
            replication_factor=settings.replication_factor,
        )

    def _check_size(self, dense_size: int) -> None:
        vectors = self._client.get_collection(self._collection).config.params.vectors
        stored = vectors.get(DENSE) if isinstance(vectors, dict) else None
        if stored is None or stored.size != dense_size:
            size = stored.size if stored is not None else "no"
            raise NotReady(
                f"collection {self._collection!r} holds {size} dense vectors of the expected name/size "
                f"({dense_size}); use another DQA_COLLECTION for this embedder"
            )

    def _create_indexes(self) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # local mode warns that payload indexes have no effect there
            for name in KEYWORD_FIELDS:
                self._client.create_payload_index(self._collection, name, models.PayloadSchemaType.KEYWORD)
            for name in DATE_FIELDS:
                self._client.create_payload_index(self._collection, name, models.PayloadSchemaType.DATETIME)

    def upsert(self, points: Sequence[StoredPoint]) -> None:
        """Write points and wait until the server has applied them."""
        if not points:
            return
        structs = [models.PointStruct(id=p.point_id, vector=_vectors(p), payload=p.payload) for p in points]
        with _server_call("writing points"):
            self._client.upsert(self._collection, structs, wait=True)

    def delete(self, where: Where) -> None:
        """Delete every point matching the filter."""
        selector = models.FilterSelector(filter=_filter(where) or models.Filter())
        with _server_call("deleting points"):
            self._client.delete(self._collection, points_selector=selector, wait=True)

    def scroll(self, where: Where, fields: Sequence[str] | None = None) -> list[Payload]:
        """Return the payloads of every point matching the filter."""
        with_payload: Any = list(fields) if fields is not None else True
        payloads: list[Payload] = []
        offset: Any = None
        while True:
            with _server_call("reading points"):
                records, offset = self._client.scroll(
                    self._collection,
                    scroll_filter=_filter(where),
                    limit=_SCROLL_PAGE,
                    offset=offset,
                    with_payload=with_payload,
                    with_vectors=False,
                )
            payloads.extend(dict(r.payload or {}) for r in records)
            if offset is None:
                return payloads

    def count(self, where: Where) -> int:
        """Return the exact number of points matching the filter."""
        with _server_call("counting points"):
            return int(self._client.count(self._collection, count_filter=_filter(where), exact=True).count)

    def query(self, request: VectorQuery) -> list[ScoredPayload]:
        """Return the best chunks for the query's mode; hybrid fuses dense and sparse by RRF."""
        query_filter = _filter(request.where)
        stages: list[tuple[Any, str]] = []
        if request.mode in ("dense", "hybrid") and request.dense is not None:
            stages.append(([float(x) for x in request.dense], DENSE))
        if request.mode in ("sparse", "hybrid") and request.sparse:
            stages.append((_sparse(request.sparse.indices, request.sparse.values), SPARSE))
        if not stages:
            return []
        with _server_call("searching"):
            response = self._query_points(request, stages, query_filter)
        return [ScoredPayload(dict(p.payload or {}), float(p.score)) for p in response.points]

    def _query_points(
        self, request: VectorQuery, stages: list[tuple[Any, str]], query_filter: models.Filter | None
    ) -> models.QueryResponse:
        if len(stages) == 1:
            vector, using = stages[0]
            return self._client.query_points(
                self._collection,
                query=vector,
                using=using,
                query_filter=query_filter,
                limit=request.limit,
                with_payload=True,
            )
        prefetch = [
            models.Prefetch(query=vector, using=using, limit=request.prefetch_limit, filter=query_filter)
            for vector, using in stages
        ]
        return self._client.query_points(
            self._collection,
            prefetch=prefetch,
            query=(
                models.FusionQuery(fusion=models.Fusion.DBSF)
                if request.fusion == "dbsf"
                else models.RrfQuery(rrf=models.Rrf(k=RRF_K))
            ),
            query_filter=query_filter,
            limit=request.limit,
            with_payload=True,
        )

    def close(self) -> None:
        """Release the client (and the local-mode folder lock)."""
        self._client.close()
