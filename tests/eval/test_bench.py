"""The benchmark: indexing throughput and per-mode latency split, on a small real corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.settings import Settings
from eval.bench import markdown_table, percentile, run_bench
from tests.indexer.corpus import write_corpus


def test_percentile_interpolates_between_ranks() -> None:
    values = [10.0, 20.0, 30.0, 40.0, 50.0]
    assert percentile(values, 50) == 30.0
    assert percentile(values, 95) == pytest.approx(48.0)
    assert percentile([7.0], 95) == 7.0


@pytest.mark.integration
def test_bench_reports_throughput_and_latency_split_per_mode(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "unused")
    result = run_bench(settings, ["Ai phun hóa chất diệt muỗi?", "Hỗ trợ bao nhiêu tiền?"],
                       corpus=write_corpus(tmp_path / "docs"))

    assert result["index"]["documents"] == 3 and result["index"]["chunks_per_s"] > 0
    assert set(result["modes"]) == {"dense", "sparse", "hybrid"}
    for mode, parts in result["modes"].items():
        assert parts["total_ms"]["p95"] >= parts["total_ms"]["p50"] > 0, mode
        assert parts["search_ms"]["p50"] > 0, mode
    assert result["modes"]["sparse"]["embed_ms"]["p50"] < result["modes"]["dense"]["embed_ms"]["p50"]
    assert not (tmp_path / "unused").exists()  # the benchmark used a throw-away store
    assert "| hybrid |" in markdown_table(result)
