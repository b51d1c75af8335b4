"""Benchmark: indexing throughput and query latency (query encoding, store search, total) per mode.

One run indexes the corpus into a fresh temporary store, then asks every question in every mode
(modes interleaved per question, so background load hits them alike) and reports p50/p95. The cache
of question vectors is off, so every query is embedded (cold numbers: the dense and hybrid runs of a
question would otherwise share one embedding); the live-version cache works as in production.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, get_args

from assistant.retrieval import SearchTimings
from assistant.service import Assistant
from assistant.settings import RetrievalMode, Settings

MODES: tuple[RetrievalMode, ...] = get_args(RetrievalMode)


def percentile(values: Sequence[float], q: float) -> float:
    """Return the q-th percentile (0–100) by linear interpolation between closest ranks."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _summary(timings: Sequence[SearchTimings]) -> dict[str, dict[str, float]]:
    parts = {
        "embed_ms": [t.embed_ms for t in timings],
        "search_ms": [t.search_ms for t in timings],
        "total_ms": [t.total_ms for t in timings],
    }
    return {
        name: {"p50": round(percentile(v, 50), 2), "p95": round(percentile(v, 95), 2)}
        for name, v in parts.items()
    }


def run_bench(
    settings: Settings, questions: Sequence[str], corpus: Path | None = None, top_k: int | None = None
) -> dict[str, Any]:
    """Index `corpus` (default: the demo corpus) into a fresh store, time every question in every mode."""
    if not questions:
        raise ValueError("the benchmark needs at least one question")
    with tempfile.TemporaryDirectory(prefix="dqa-bench-") as scratch:
        # a fresh store, so every chunk is embedded; a server gets its own throw-away collection
        bench_settings = settings.model_copy(
            update={
                "data_dir": Path(scratch),
                "collection": f"{settings.collection}-bench-{os.getpid()}",
                "query_cache_size": 0,
            }
        )
        assistant = Assistant(bench_settings)
        try:
            assistant.warm_up()
            report = assistant.index([corpus or settings.demo_corpus])
            timings: dict[RetrievalMode, list[SearchTimings]] = {mode: [] for mode in MODES}
            for question in questions:
                for mode in MODES:
                    _, spent = assistant.search_timed(question, mode=mode, top_k=top_k)
                    timings[mode].append(spent)
            if settings.qdrant_url:
                for record in assistant.list_documents():
                    assistant.remove_document(record.doc_id)
        finally:
            assistant.close()
    return {
        "index": {
            "documents": len(report.added),
            "failed": [list(item) for item in report.failed],
            "chunks": report.chunks,
            "seconds": report.seconds,
            "chunks_per_s": round(report.chunks / report.seconds, 2) if report.seconds else 0.0,
        },
        "queries": len(questions),
        "store": "qdrant-server" if settings.qdrant_url else "qdrant-edge",
        "embedder": settings.embedder,
        "modes": {mode: _summary(timings[mode]) for mode in MODES},
        "machine": {"cpus": os.cpu_count(), "load_avg_1m": round(os.getloadavg()[0], 2)},
    }


def markdown_table(result: dict[str, Any]) -> str:
    """Return the benchmark as a Markdown table (one row per mode) with the indexing line above it."""
    index = result["index"]
    lines = [
        f"Indexing: {index['documents']} documents, {index['chunks']} chunks in {index['seconds']:.1f} s "
        f"({index['chunks_per_s']:.1f} chunks/s); {result['queries']} queries per mode; "
        f"{result['machine']['cpus']} CPUs, load {result['machine']['load_avg_1m']}",
        "",
        "| mode | embed p50 | embed p95 | search p50 | search p95 | total p50 | total p95 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for mode, parts in result["modes"].items():
        parts_order = ("embed_ms", "search_ms", "total_ms")
        cells = [f"{parts[part][q]:.1f}" for part in parts_order for q in ("p50", "p95")]
        lines.append(f"| {mode} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("(milliseconds)")
    return "\n".join(lines)
