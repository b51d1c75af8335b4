"""Floors for the headline numbers: what CI checks a test-split run against."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.errors import BadInput
from eval.metrics import LOWER_IS_BETTER


@dataclass(frozen=True)
class FloorCheck:
    """One metric checked against its floor (a ceiling for metrics where lower is better)."""

    metric: str
    value: float | None
    limit: float
    passed: bool


def read_floors(path: Path) -> dict[str, float | None]:
    """Return the metric → limit map of a floors file; a null limit means "not set yet"."""
    if not path.is_file():
        raise BadInput(f"floors file not found: {path}")
    raw = json.loads(path.read_text(encoding="utf-8"))
    floors = raw.get("floors")
    if not isinstance(floors, dict):
        raise BadInput(f"{path}: expected an object with a 'floors' map")
    return {str(k): (None if v is None else float(v)) for k, v in floors.items()}


def check_floors(metrics: Mapping[str, Any], floors: Mapping[str, float | None]) -> list[FloorCheck]:
    """Return one check per metric with a limit; a missing metric value fails its check."""
    checks = []
    for metric, limit in floors.items():
        if limit is None:
            continue
        value = metrics.get(metric)
        if not isinstance(value, int | float):
            checks.append(FloorCheck(metric, None, limit, False))
            continue
        passed = value <= limit if metric in LOWER_IS_BETTER else value >= limit
        checks.append(FloorCheck(metric, float(value), limit, passed))
    return checks
