"""Run the assistant over a gold file and write metrics.json, results.jsonl and report.html.

Flow: configure settings → index the corpus (incremental) → ask every question → judge → write.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from assistant.errors import BadInput, DQAError
from assistant.model import Answer
from assistant.settings import RetrievalMode, Settings
from eval.gold import GoldItem, load_gold
from eval.metrics import Verdict, compute_metrics, judge
from eval.report import render_report

AnswerMode = Literal["extractive", "llm"]

Ask = Callable[[str], Answer]
Search = Callable[[str], list[str]]  # a question -> the retriever's passages, best first


@dataclass(frozen=True)
class RunConfig:
    """What a run varies; recorded in metrics.json so that two runs can be told apart."""

    gold: str
    mode: AnswerMode = "extractive"
    retrieval: RetrievalMode = "hybrid"
    top_k: int = 5
    heading_context: bool = True


def configure(settings: Settings, config: RunConfig) -> Settings:
    """Return a copy of the settings with the run's answer mode, retrieval mode, k and ablation flag."""
    if config.mode == "llm" and not (settings.llm_base_url and settings.llm_model):
        raise BadInput("--mode llm needs DQA_LLM_BASE_URL and DQA_LLM_MODEL")
    update: dict[str, object] = {
        "retrieval_mode": config.retrieval,
        "top_k": config.top_k,
        "answer_use_heading_context": config.heading_context,
    }
    if config.mode == "extractive":
        update["llm_base_url"] = None
    return settings.model_copy(update=update)


def answer_record_dict(
    item: GoldItem, answer: Mapping[str, object] | None, verdict: Verdict
) -> dict[str, object]:
    """Return one results.jsonl line: the question, what was expected, the full answer and the verdict."""
    return {
        "id": item.id,
        "type": item.type,
        "question": item.question,
        "expected": {"answers": list(item.answers), "evidence": list(item.evidence), "doc": item.doc},
        "answer": dict(answer) if answer is not None else None,
        "verdict": dataclasses.asdict(verdict),
    }


def evaluate(
    items: Sequence[GoldItem], ask: Ask, progress: bool = True, search: Search | None = None
) -> list[dict[str, object]]:
    """Ask every gold question and return the results.jsonl records, in gold order.

    With `search`, the retriever's own ranking is judged as well (after the answer, so that the
    answer's latency is not affected).

    An assistant error on one question (a DQAError) is recorded as that question's failure;
    anything else (a bug, a missing store) stops the run.
    """
    from tqdm import tqdm

    records: list[dict[str, object]] = []
    for item in tqdm(items, desc="questions", unit="q", disable=not progress):
        started = time.perf_counter()
        answer: Answer | None = None
        error: str | None = None
        try:
            answer = ask(item.question)
        except DQAError as exc:
            error = f"{type(exc).__name__}: {exc}"
        wall_ms = (time.perf_counter() - started) * 1000
        latency = answer.timings_ms.get("total", wall_ms) if answer is not None else wall_ms
        searched = search(item.question) if search is not None and item.answerable and error is None else []
        verdict = judge(
            item,
            answer=answer.answer if answer else "",
            abstained=answer.abstained if answer else False,
            passages=[c.text for c in answer.citations] if answer else [],
            latency_ms=latency,
            error=error,
            searched=searched,
        )
        records.append(answer_record_dict(item, dataclasses.asdict(answer) if answer else None, verdict))
    return records


def verdicts_of(records: Sequence[dict[str, object]]) -> list[Verdict]:
    """Return the verdicts stored in results records (as written by `answer_record`)."""
    return [Verdict(**record["verdict"]) for record in records]  # type: ignore[arg-type]


def write_run(
    out: Path, config: Mapping[str, object], records: Sequence[dict[str, object]], title: str
) -> dict[str, object]:
    """Compute the metrics of the records and write metrics.json, results.jsonl and report.html."""
    metrics = compute_metrics(verdicts_of(records))
    metrics["config"] = {**config, "finished_at": datetime.now(UTC).isoformat(timespec="seconds")}
    out.mkdir(parents=True, exist_ok=True)
    (out / "metrics.json").write_text(json.dumps(metrics, ensure_ascii=False, indent=2), encoding="utf-8")
    with (out / "results.jsonl").open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    (out / "report.html").write_text(render_report(metrics, records, title), encoding="utf-8")
    return metrics


def run(
    settings: Settings,
    config: RunConfig,
    out: Path,
    corpus: Path | None = None,
    progress: bool = True,
) -> dict[str, object]:
    """Index the corpus, answer every question of the gold file and write the run to `out`."""
    from assistant.service import Assistant

    items = load_gold(Path(config.gold))
    assistant = Assistant(configure(settings, config))
    try:
        if corpus is not None:
            assistant.index([corpus])

        def ask(question: str) -> Answer:
            return assistant.ask(question, top_k=config.top_k, mode=config.retrieval)

        def search(question: str) -> list[str]:
            hits = assistant.search(question, top_k=config.top_k, mode=config.retrieval)
            return [hit.chunk.text for hit in hits]

        records = evaluate(items, ask, progress=progress, search=search)
    finally:
        assistant.close()
    title = f"{Path(config.gold).name}: {config.mode}, {config.retrieval}, k={config.top_k}" + (
        "" if config.heading_context else ", no heading context"
    )
    configuration = {**dataclasses.asdict(config), "fusion": assistant.settings.fusion}
    return write_run(out, configuration, records, title)
