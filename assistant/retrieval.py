"""Retrieval: a question → its dense and keyword vectors → one Qdrant query → ranked hits, timed."""

from __future__ import annotations

import time
from dataclasses import dataclass

from assistant.model import Filters, Hit
from assistant.settings import RetrievalMode
from indexer import registry
from indexer.embedding import Embedder
from indexer.keywords import query_vector
from indexer.store import Store, VectorQuery, hit_from_payload, search_where


@dataclass(frozen=True)
class SearchTimings:
    """Where a search spent its time, in milliseconds: encoding the query, the store query, and both."""

    embed_ms: float
    search_ms: float
    total_ms: float

    def as_dict(self) -> dict[str, float]:
        """Return the timings as {"embed_ms": …, "search_ms": …, "total_ms": …}, rounded to 0.01 ms."""
        return {
            "embed_ms": round(self.embed_ms, 2),
            "search_ms": round(self.search_ms, 2),
            "total_ms": round(self.total_ms, 2),
        }


class Retriever:
    """Searches one store with one embedder; dense, sparse (keywords) or hybrid (both fused by RRF)."""

    def __init__(self, store: Store, embedder: Embedder, prefetch_k: int = 30) -> None:
        self._store = store
        self._embedder = embedder
        self._prefetch_k = prefetch_k

    def search(
        self, query: str, filters: Filters | None, mode: RetrievalMode, top_k: int
    ) -> tuple[list[Hit], SearchTimings]:
        """Return the top_k current passages for the query, best first, and the time each step took."""
        started = time.perf_counter()
        dense = self._embedder.embed([query], "query")[0].tolist() if mode != "sparse" else None
        sparse = query_vector(query) if mode != "dense" else None
        encoded = time.perf_counter()

        versions = tuple(registry.current_versions(self._store).values())
        hits: list[Hit] = []
        if versions:
            request = VectorQuery(
                mode=mode,
                where=search_where(filters, versions),
                limit=top_k,
                prefetch_limit=max(self._prefetch_k, top_k),
                dense=dense,
                sparse=sparse,
            )
            hits = [hit_from_payload(r.payload, r.score) for r in self._store.query(request)]
        finished = time.perf_counter()
        timings = SearchTimings(
            embed_ms=(encoded - started) * 1000,
            search_ms=(finished - encoded) * 1000,
            total_ms=(finished - started) * 1000,
        )
        return hits, timings
