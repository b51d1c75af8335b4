"""`python -m indexer build` killed half-way (SIGKILL) leaves a consistent store; the CLIs end to end."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assistant.retrieval import Retriever
from indexer import registry
from indexer.store import Eq, Where
from indexer.store_edge import EdgeStore
from tests.indexer.corpus import write_corpus

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


def _env(data_dir: Path) -> dict[str, str]:
    return {**os.environ, "DQA_DATA_DIR": str(data_dir), "DQA_EMBED_BATCH_SIZE": "1", "PYTHONPATH": str(ROOT)}


def _run(args: list[str], data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=_env(data_dir), capture_output=True, text=True, timeout=600
    )


def _assert_consistent(store: EdgeStore) -> list[str]:
    """Every live document has exactly its recorded number of chunks of its live version."""
    live = registry.current_versions(store)
    for record in registry.list_records(store):
        version = live[record.doc_id]
        current = Where(must=(Eq("record", "chunk"), Eq("doc_id", record.doc_id), Eq("version", version)))
        assert store.count(current) == record.n_chunks, record.doc_id
    return sorted(live)


def test_a_build_killed_mid_document_leaves_every_document_fully_old_or_fully_new(
    tmp_path: Path, e5: object
) -> None:
    corpus = write_corpus(tmp_path / "docs")
    data_dir = tmp_path / "data"
    build = subprocess.Popen(
        [sys.executable, "-m", "indexer", "build", str(corpus)],
        cwd=ROOT, env=_env(data_dir), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )
    assert build.stderr is not None
    deadline = time.monotonic() + 300
    # "[2/3] ke-hoach-chuyen-doi-so.txt 1/9 chunks": the second document's first chunk is written
    for line in build.stderr:
        if re.match(r"\[2/3\] \S+ 1/\d+ chunks", line) or time.monotonic() > deadline:
            break
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=30)
    assert build.returncode == -signal.SIGKILL

    store = EdgeStore(data_dir / "qdrant", 384)
    try:
        live = _assert_consistent(store)
        assert live == ["huong-dan-sot-xuat-huyet"]  # the first document is fully in, the second not at all
        assert registry.count_chunks(store) > registry.list_records(store)[0].n_chunks  # its orphans exist
        retriever = Retriever(store, e5)  # type: ignore[arg-type]
        hits, _ = retriever.search("chuyển đổi số cơ quan đảng", None, "hybrid", 10)
        assert hits and {h.doc.doc_id for h in hits} == {"huong-dan-sot-xuat-huyet"}
    finally:
        store.close()

    rerun = _run(["-m", "indexer", "build", str(corpus)], data_dir)
    assert rerun.returncode == 0, rerun.stderr
    assert "unchanged" in rerun.stdout and "added" in rerun.stdout

    store = EdgeStore(data_dir / "qdrant", 384)
    try:
        assert len(_assert_consistent(store)) == 3
        records = registry.list_records(store)
        assert registry.count_chunks(store) == sum(r.n_chunks for r in records)  # orphans cleaned
    finally:
        store.close()


def test_build_search_and_remove_from_the_command_line(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "docs")
    data_dir = tmp_path / "data"
    question = "Ai phun hóa chất diệt muỗi?"
    empty = _run(["-m", "assistant", "ask", question], data_dir)
    assert empty.returncode == 2 and "nothing is indexed yet" in empty.stderr and not empty.stdout

    assert _run(["-m", "indexer", "build", str(corpus)], data_dir).returncode == 0
    asked = _run(["-m", "assistant", "ask", question, "--json"], data_dir)
    assert asked.returncode == 0, asked.stderr
    assert json.loads(asked.stdout)["citations"][0]["doc_id"] == "huong-dan-sot-xuat-huyet"
    found = _run(["-m", "assistant", "search", question, "--json", "--top-k", "2"], data_dir)
    assert found.returncode == 0, found.stderr
    result = json.loads(found.stdout)
    assert len(result["hits"]) == 2
    assert result["hits"][0]["doc"]["doc_id"] == "huong-dan-sot-xuat-huyet"
    assert "phun hóa chất" in result["hits"][0]["chunk"]["text"]
    assert set(result["timings_ms"]) == {"embed_ms", "search_ms", "total_ms"}

    removed = _run(["-m", "indexer", "remove", "huong-dan-sot-xuat-huyet"], data_dir)
    assert removed.returncode == 0, removed.stderr
    again = _run(["-m", "assistant", "search", question, "--json", "--mode", "sparse"], data_dir)
    assert all(h["doc"]["doc_id"] != "huong-dan-sot-xuat-huyet" for h in json.loads(again.stdout)["hits"])
    unknown = _run(["-m", "indexer", "remove", "huong-dan-sot-xuat-huyet"], data_dir)
    assert unknown.returncode == 1 and "no indexed document" in unknown.stderr
