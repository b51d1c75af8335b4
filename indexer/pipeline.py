"""The indexing flow: load → clean → sections → chunks (ingest) → embed → store, incrementally.

A document is re-indexed only when its content hash (or the model/chunking configuration) changed.
Each document is switched to its new version in one registry write (see `indexer.registry`), so an
interrupted run never leaves a half-indexed document behind. A file that fails is reported with its
reason and the batch goes on.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from assistant.errors import DQAError
from assistant.settings import Settings
from indexer import registry
from indexer.embedding import (
    Embedder,
    TokenCounter,
    document_label,
    embedder_fingerprint,
    passage_text,
    token_counter,
)
from indexer.ingest import doc_id_for, ingest_bytes
from indexer.keywords import document_vector
from indexer.loaders import SUPPORTED_SUFFIXES  # the loaders decide the file types (the UI reads them here)
from indexer.model import Document, DocumentRecord, IndexReport
from indexer.store import Store, StoredPoint, chunk_payload, chunk_point_id

# bump when ingestion or the embedded text changes in a way that needs every document re-embedded
# (2: header metadata reads titles in their written case and joins issuers broken over lines; the
# title is part of every embedded passage's label)
# (4: the header and the closing block (Nơi nhận, signer) are passages of their own)
# (5: cleaning joins header names and mottos broken over lines, dates wrapped to a line start and two
# glued syllables; a top-level numbered sentence and any article name their own section; closing
# paragraphs leave the last item)
# (6: a signature printed beside the recipients (two-column closing) is read apart)
# (7: rows of task tables (tab- or pipe-separated) become one labelled list item each)
# (8: Word tables are read one row per line, one cell per grid column, merged rows as headings)
# (9: a closing row of two cells: "Nơi nhận: - A; - B" and "CHỦ TỊCH Name" in one cell each)
# (10: more abbreviations spelled out in the keyword index: LHPN, CTMTQG, PBGDPL, CCHC, NSNN, GPMB, …)
# (11: a "Lưu: VT, KT." line beside a signature: its "KT" files, it does not sign)
# (12: "Biểu mẫu số 01" opens an appendix; "V/v …" goes on over mixed-case header cells; a recipients line
# holding two items "- A; - B" is split)
# (13: a signer's name after a military rank, "Đại tá Lê Minh Cường", is read)
# (14: a table header label may hold a number inside its words, "Diện tích thiệt hại trên 70% (ha)")
PIPELINE_REVISION = "14"


@dataclass(frozen=True)
class IndexProgress:
    """Where an indexing run is: file `file_no` of `files_total`, and chunks embedded in that file."""

    source: str
    file_no: int
    files_total: int
    chunks_done: int = 0
    chunks_total: int = 0


ProgressCallback = Callable[[IndexProgress], None]
CommitCallback = Callable[[str], None]  # called with a document id right after its new version is live


def build_index(
    paths: Sequence[Path],
    settings: Settings,
    store: Store,
    embedder: Embedder,
    progress: ProgressCallback | None = None,
    count_tokens: TokenCounter | None = None,
    force: bool = False,
    on_commit: CommitCallback | None = None,
) -> IndexReport:
    """Index files and folders into the store; return what was added, unchanged, replaced or failed.

    `force` re-indexes unchanged files too (after a change to the ingestion code, say); `on_commit`
    hears of each document made live (a search cache drops its list of live versions then).
    """
    started = time.perf_counter()
    report = _Outcome()
    files = list(_collect_files(paths, report))
    count_tokens = count_tokens or token_counter(embedder)
    notify = progress or (lambda _: None)

    registry.clean_orphans(store)  # leftovers of an interrupted run
    live = registry.current_versions(store)
    seen: dict[str, str] = {}
    for file_no, path in enumerate(files, start=1):
        notify(IndexProgress(path.name, file_no, len(files)))
        try:
            data = path.read_bytes()
            doc_id = doc_id_for(path.name)
            if doc_id in seen:
                raise DQAError(f"same document id {doc_id!r} as {seen[doc_id]}; rename one of the files")
            seen[doc_id] = str(path)
            version = document_version(doc_id, data, settings)
            if live.get(doc_id) == version and not force:
                report.unchanged.append(doc_id)
                continue
            document = ingest_bytes(path.name, data, count_tokens, settings.chunk_max_tokens)
            if not document.chunks:
                raise DQAError("no text to index")

            def chunk_progress(done: int, total: int, name: str = path.name, no: int = file_no) -> None:
                notify(IndexProgress(name, no, len(files), done, total))

            index_document(document, version, store, embedder, settings.embed_batch_size, chunk_progress)
            if on_commit:
                on_commit(doc_id)
        except Exception as error:  # one bad file (corrupt PDF, parser bug) must not stop the batch
            report.failed.append((str(path), _reason(error)))
            continue
        (report.replaced if doc_id in live else report.added).append(doc_id)
        report.chunks += len(document.chunks)
    return report.finish(time.perf_counter() - started)


def index_document(
    document: Document,
    version: str,
    store: Store,
    embedder: Embedder,
    batch_size: int = 16,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """Embed and write one document's chunks under `version`, then make that version live."""
    label = document_label(document.metadata)
    chunks = document.chunks
    for start in range(0, len(chunks), batch_size):
        batch = chunks[start : start + batch_size]
        texts = [passage_text(label, chunk.section, chunk.text) for chunk in batch]
        vectors = embedder.embed(texts, "passage")
        store.upsert(
            [
                StoredPoint(
                    chunk_point_id(document.doc_id, version, chunk.index),
                    chunk_payload(document, chunk, version),
                    dense=vector.tolist(),
                    sparse=document_vector(text),
                )
                for chunk, text, vector in zip(batch, texts, vectors, strict=True)
            ]
        )
        if progress:
            progress(start + len(batch), len(chunks))
    registry.commit(store, document_record(document), version)


def document_version(doc_id: str, data: bytes, settings: Settings) -> str:
    """Return the version id of a file's content under the current model and chunking settings."""
    content_hash = hashlib.sha256(data).hexdigest()
    config = f"{embedder_fingerprint(settings)}|{settings.chunk_max_tokens}|{PIPELINE_REVISION}"
    return hashlib.sha256(f"{doc_id}\n{content_hash}\n{config}".encode()).hexdigest()[:24]


def document_record(document: Document) -> DocumentRecord:
    """Return the registry record of a document indexed now."""
    return DocumentRecord(
        doc_id=document.doc_id,
        source=document.source,
        content_hash=document.content_hash,
        metadata=document.metadata,
        text=document.text,
        n_chunks=len(document.chunks),
        indexed_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )


def _collect_files(paths: Iterable[Path], report: _Outcome) -> Iterator[Path]:
    """Yield the files to index: given files as they are, folders' supported files in name order."""
    for path in paths:
        if path.is_dir():
            found = (p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)
            yield from sorted(found)
        elif path.is_file():
            yield path
        else:
            report.failed.append((str(path), "no such file or folder"))


def _reason(error: Exception) -> str:
    return str(error) if isinstance(error, DQAError) else f"{type(error).__name__}: {error}"


class _Outcome:
    """The counts of a run as they accumulate; frozen into an `IndexReport` at the end."""

    def __init__(self) -> None:
        self.added: list[str] = []
        self.unchanged: list[str] = []
        self.replaced: list[str] = []
        self.failed: list[tuple[str, str]] = []
        self.chunks = 0

    def finish(self, seconds: float) -> IndexReport:
        return IndexReport(
            added=tuple(self.added),
            unchanged=tuple(self.unchanged),
            replaced=tuple(self.replaced),
            failed=tuple(self.failed),
            chunks=self.chunks,
            seconds=round(seconds, 2),
        )
