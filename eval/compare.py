"""Compare two evaluation runs: headline deltas and what changed question by question."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.errors import BadInput
from eval.metrics import HEADLINE_KEYS, LOWER_IS_BETTER


@dataclass(frozen=True)
class RunData:
    """A finished run read back from its folder."""

    name: str
    metrics: dict[str, Any]
    records: list[dict[str, Any]]


@dataclass(frozen=True)
class Delta:
    """One headline metric in both runs; `better` is None when unchanged or not comparable."""

    metric: str
    before: float | None
    after: float | None
    better: bool | None


@dataclass(frozen=True)
class Change:
    """A question whose outcome differs between the runs."""

    id: str
    question: str
    before: str
    after: str
    better: bool | None  # None: different but neither clearly better nor worse


def load_run(folder: Path) -> RunData:
    """Return the metrics and results of a run folder written by `eval run`."""
    metrics_path, results_path = folder / "metrics.json", folder / "results.jsonl"
    if not metrics_path.is_file() or not results_path.is_file():
        raise BadInput(f"{folder} is not a run folder (needs metrics.json and results.jsonl)")
    metrics = json.loads(metrics_path.read_text(encoding="utf-8"))
    records = [
        json.loads(line) for line in results_path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    return RunData(folder.name, metrics, records)


def outcome(record: Mapping[str, Any]) -> tuple[str, int]:
    """Return a short description of one result and a score to order outcomes (higher is better)."""
    verdict = record["verdict"]
    if verdict.get("error"):
        return "error", 0
    if not verdict["answerable"]:
        return ("abstained (right)", 3) if verdict["abstained"] else ("answered (should abstain)", 0)
    if verdict["abstained"]:
        return "abstained (wrong)", 1
    rank = verdict["rank"]
    where = f"evidence@{rank}" if rank else "no evidence"
    if verdict["correct"]:
        return f"correct, {where}", 3 if rank == 1 else 2
    return f"wrong, {where}", 0


def headline_deltas(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[Delta]:
    """Return each headline metric of both runs and whether it moved the good way."""
    deltas = []
    for key in HEADLINE_KEYS:
        a, b = before.get(key), after.get(key)
        better = None
        if isinstance(a, int | float) and isinstance(b, int | float) and a != b:
            better = (b < a) if key in LOWER_IS_BETTER else (b > a)
        deltas.append(Delta(key, a, b, better))
    return deltas


def question_changes(before: Sequence[Mapping[str, Any]], after: Sequence[Mapping[str, Any]]) -> list[Change]:
    """Return the questions (by id, present in both runs) whose outcome changed."""
    earlier = {r["id"]: r for r in before}
    changes = []
    for record in after:
        old = earlier.get(record["id"])
        if old is None:
            continue
        (was, was_score), (now, now_score) = outcome(old), outcome(record)
        if was != now:
            better = None if was_score == now_score else now_score > was_score
            changes.append(Change(record["id"], record["question"], was, now, better))
    return changes


def print_comparison(a: RunData, b: RunData) -> None:
    """Print the headline deltas and the changed questions as rich tables."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title=f"{a.name} → {b.name}")
    for column in ("metric", a.name, b.name, "delta"):
        table.add_column(column, justify="left" if column == "metric" else "right")
    for delta in headline_deltas(a.metrics, b.metrics):
        moved = "" if delta.before is None or delta.after is None else _num(delta.after - delta.before)
        moved = moved if moved.startswith("-") or not moved else "+" + moved
        style = {True: "green", False: "red", None: ""}[delta.better]
        table.add_row(
            delta.metric, _num(delta.before), _num(delta.after), f"[{style}]{moved}[/]" if style else moved
        )
    console.print(table)
    changes = question_changes(a.records, b.records)
    only_a = {r["id"] for r in a.records} - {r["id"] for r in b.records}
    only_b = {r["id"] for r in b.records} - {r["id"] for r in a.records}
    if only_a or only_b:
        console.print(f"questions only in {a.name}: {len(only_a)}, only in {b.name}: {len(only_b)}")
    if not changes:
        console.print("No question changed its outcome.")
        return
    detail = Table(title=f"{len(changes)} questions changed")
    for column in ("id", "question", a.name, b.name):
        detail.add_column(column, overflow="fold")
    for change in changes:
        mark = {True: "[green]▲[/] ", False: "[red]▼[/] ", None: "  "}[change.better]
        detail.add_row(change.id, change.question, change.before, mark + change.after)
    console.print(detail)
    improved = sum(1 for c in changes if c.better)
    worse = sum(1 for c in changes if c.better is False)
    console.print(f"better: {improved}, worse: {worse}, other: {len(changes) - improved - worse}")


def _num(value: float | None) -> str:
    """Return a ratio with 3 decimals, a count or milliseconds with one, None as a dash."""
    if value is None:
        return "–"
    return f"{value:.3f}" if abs(value) <= 1.0 else f"{value:.1f}"
