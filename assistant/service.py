"""The assistant as one object the CLI, the API, the UI and the evaluation share.

Heavy parts (embedding model, store) are created on first use, never at import time.
"""

from __future__ import annotations

from pathlib import Path

from assistant.model import Answer, Filters, Hit
from assistant.settings import RetrievalMode, Settings
from indexer.model import DocumentRecord, IndexReport


class Assistant:
    """Search, answer and manage documents over one store."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

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
        raise NotImplementedError

    def index(self, paths: list[Path]) -> IndexReport:
        """Index files or folders incrementally."""
        raise NotImplementedError

    def remove_document(self, doc_id: str) -> None:
        """Delete one document and all its points."""
        raise NotImplementedError

    def list_documents(self) -> list[DocumentRecord]:
        """Return every indexed document."""
        raise NotImplementedError

    def get_document(self, doc_id: str) -> DocumentRecord:
        """Return one indexed document, or raise NotFound."""
        raise NotImplementedError

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
        raise NotImplementedError
