"""The assistant as one object the CLI, the API, the UI and the evaluation share.

Heavy parts (embedding model, store) are created on first use, never at import time.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import BadInput, NotFound, TooLarge
from assistant.model import Answer, Filters, Hit
from assistant.retrieval import QueryVectors, Retriever, SearchTimings
from assistant.settings import RetrievalMode, Settings
from indexer import registry
from indexer.model import DocumentRecord, IndexReport

if TYPE_CHECKING:
    from indexer.embedding import Embedder
    from indexer.pipeline import ProgressCallback
    from indexer.store import Store


class Assistant:
    """Search, answer and manage documents over one store."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.last_timings: SearchTimings | None = None  # of the latest search, for the bench and answers
        self._embedder: Embedder | None = None
        self._store: Store | None = None
        self._live: registry.LiveVersions | None = None  # live document versions, cached for searches
        self._query_vectors = QueryVectors(settings.query_cache_size)  # vectors of recent questions
        self._lock = threading.Lock()
        # one indexing run at a time: a run's orphan clean-up would delete another's uncommitted points
        self._index_lock = threading.Lock()

    @property
    def embedder(self) -> Embedder:
        """The embedding model, created on first use."""
        with self._lock:
            if self._embedder is None:
                from indexer.embedding import make_embedder

                self._embedder = make_embedder(self.settings)
            return self._embedder

    @property
    def store(self) -> Store:
        """The Qdrant store (Edge under data_dir, or the server at qdrant_url), opened on first use."""
        embedder = self.embedder
        with self._lock:
            if self._store is None:
                from indexer.store import open_store

                self._store = open_store(self.settings, embedder.dimension)
            return self._store

    @property
    def live_versions(self) -> registry.LiveVersions:
        """The cached live versions of the store's documents (dropped by this process's index/remove)."""
        store = self.store
        with self._lock:
            if self._live is None:
                self._live = registry.LiveVersions(store, self.settings.versions_ttl_s)
            return self._live

    def warm_up(self) -> None:
        """Load the model, the word segmenter and the store now, so the first question is not slow."""
        from indexer.keywords import query_vector

        self.embedder.embed(["khởi động"], "query")
        query_vector("khởi động")
        self.live_versions.get()

    def close(self) -> None:
        """Flush and release the store."""
        with self._lock:
            if self._store is not None:
                self._store.close()
                self._store = None
                self._live = None

    # retrieval and documents: filled in by the retrieval work (issue 3)
    def search(
        self,
        query: str,
        *,
        filters: Filters | None = None,
        mode: RetrievalMode | None = None,
        top_k: int | None = None,
    ) -> list[Hit]:
        """Return the ranked passages for a query."""
        hits, _ = self.search_timed(query, filters=filters, mode=mode, top_k=top_k)
        return hits

    def search_timed(
        self,
        query: str,
        *,
        filters: Filters | None = None,
        mode: RetrievalMode | None = None,
        top_k: int | None = None,
    ) -> tuple[list[Hit], SearchTimings]:
        """Return the ranked passages for a query and the time spent encoding it and searching."""
        query = query.strip()
        if not query:
            raise BadInput("the question is empty")
        if len(query) > self.settings.max_question_chars:
            raise TooLarge(f"the question is longer than {self.settings.max_question_chars} characters")
        top_k = top_k if top_k is not None else self.settings.top_k
        if not 1 <= top_k <= 50:
            raise BadInput("top_k must be between 1 and 50")
        retriever = Retriever(
            self.store,
            self.embedder,
            self.settings.prefetch_k,
            self.live_versions,
            self._query_vectors,
            fusion=self.settings.fusion,
        )
        hits, timings = retriever.search(query, filters, mode or self.settings.retrieval_mode, top_k)
        self.last_timings = timings
        return hits, timings

    def index(
        self, paths: list[Path], progress: ProgressCallback | None = None, force: bool = False
    ) -> IndexReport:
        """Index files or folders incrementally (`force`: re-index unchanged files too)."""
        from indexer.pipeline import build_index

        live = self.live_versions
        with self._index_lock:
            try:
                return build_index(paths, self.settings, self.store, self.embedder, progress, force=force,
                                   on_commit=lambda _: live.invalidate())
            finally:
                live.invalidate()  # a run that failed half-way may still have committed documents

    def remove_document(self, doc_id: str) -> None:
        """Delete one document and all its points."""
        removed = registry.remove(self.store, doc_id)
        self.live_versions.invalidate()
        if not removed:
            raise NotFound(f"no indexed document {doc_id!r}")

    def list_documents(self) -> list[DocumentRecord]:
        """Return every indexed document."""
        return registry.list_records(self.store)

    def get_document(self, doc_id: str) -> DocumentRecord:
        """Return one indexed document, or raise NotFound."""
        record = registry.get_record(self.store, doc_id)
        if record is None:
            raise NotFound(f"no indexed document {doc_id!r}")
        return record

    # answering: filled in by the answering work (issue 4)
    def ask(
        self,
        question: str,
        *,
        filters: Filters | None = None,
        top_k: int | None = None,
        mode: RetrievalMode | None = None,
    ) -> Answer:
        """Answer a question with citations, or abstain."""
        from assistant.answer import answer_question

        return answer_question(self, self.settings, question, filters=filters, top_k=top_k, mode=mode)
