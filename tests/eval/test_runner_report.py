"""Runner bookkeeping, the HTML report, run comparison and the floors check, on tiny hand-made runs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.errors import BadInput, NotFound
from assistant.model import Answer, Citation
from assistant.settings import Settings
from eval.__main__ import app
from eval.compare import headline_deltas, load_run, question_changes
from eval.floors import check_floors
from eval.gold import GoldItem
from eval.report import failure_reasons, render_report
from eval.runner import RunConfig, configure, evaluate, write_run

ITEMS = [
    GoldItem(
        "w1",
        "Ai chủ trì <điều chỉnh> quy hoạch?",
        ("Sở Tài chính",),
        ("Sở Tài chính chủ trì",),
        "d.txt",
        "who",
    ),
    GoldItem("n1", "Ai ký Chỉ thị?", (), (), None, "none"),
    GoldItem("t1", "Hạn chót là ngày nào?", ("30/7/2025",), ("trước ngày 30/7/2025",), "d.txt", "when"),
]


def _citation(text: str) -> Citation:
    return Citation("d", "d.txt", "Kế hoạch", "01-KH/TU", "II > 1.", text, text[:10], 0, len(text), 0.5)


def _answers(good: bool) -> dict[str, Answer]:
    """Answers of a system that is right on everything (good) or wrong on the who/none questions."""
    who = "Sở Tài chính" if good else "Sở Xây dựng"
    return {
        ITEMS[0].question: Answer(
            ITEMS[0].question, who, False, (_citation("Sở Tài chính chủ trì, phối hợp"),), {"total": 12.0}
        ),
        ITEMS[1].question: Answer(
            ITEMS[1].question, "Không tìm thấy" if good else "Nguyễn Văn A", good, (), {"total": 8.0}
        ),
        ITEMS[2].question: Answer(
            ITEMS[2].question,
            "trước ngày 30/7/2025",
            False,
            (_citation("gửi Ban Chỉ đạo trước ngày 30/7/2025."),),
            {"total": 20.0},
        ),
    }


def _write(tmp_path: Path, name: str, good: bool) -> Path:
    answers = _answers(good)
    records = evaluate(ITEMS, lambda q: answers[q], progress=False)
    write_run(tmp_path / name, {"gold": "tiny", "top_k": 5}, records, f"tiny {name}")
    return tmp_path / name


def test_evaluate_records_errors_and_verdicts() -> None:
    def ask(question: str) -> Answer:
        if question == ITEMS[2].question:
            raise BadInput("question too long")
        return _answers(True)[question]

    records = evaluate(ITEMS, ask, progress=False)
    verdicts = [r["verdict"] for r in records]
    assert [v["correct"] for v in verdicts] == [True, None, False]  # type: ignore[index]
    assert verdicts[2]["error"] == "BadInput: question too long"  # type: ignore[index]
    assert records[0]["answer"]["citations"][0]["number"] == "01-KH/TU"  # type: ignore[index]


def test_evaluate_stops_on_a_bug() -> None:
    with pytest.raises(ZeroDivisionError):
        evaluate(ITEMS, lambda q: 1 / 0, progress=False)  # type: ignore[arg-type,return-value]


def test_configure_passes_modes_through_settings() -> None:
    base = Settings(llm_base_url="http://127.0.0.1:9/v1", llm_model="m")
    extractive = configure(base, RunConfig(gold="g", retrieval="sparse", top_k=3, heading_context=False))
    assert extractive.llm_base_url is None and extractive.retrieval_mode == "sparse"
    assert extractive.top_k == 3 and extractive.answer_use_heading_context is False
    assert configure(base, RunConfig(gold="g", mode="llm")).llm_base_url == "http://127.0.0.1:9/v1"
    with pytest.raises(BadInput, match="DQA_LLM_BASE_URL"):
        configure(Settings(llm_base_url=None), RunConfig(gold="g", mode="llm"))


def test_write_run_and_report(tmp_path: Path) -> None:
    folder = _write(tmp_path, "bad", good=False)
    metrics = json.loads((folder / "metrics.json").read_text(encoding="utf-8"))
    assert metrics["answer_accuracy"] == pytest.approx(0.5) and metrics["abstain_accuracy"] == 0.0
    assert metrics["by_type"]["who"]["answer_accuracy"] == 0.0 and metrics["config"]["gold"] == "tiny"
    lines = (folder / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["w1", "n1", "t1"]
    html = (folder / "report.html").read_text(encoding="utf-8")
    assert html.count("<svg") == 3
    assert "Ai chủ trì &lt;điều chỉnh&gt; quy hoạch?" in html  # failures shown, escaped
    assert "Sở Xây dựng" in html and "Nguyễn Văn A" in html
    assert "Hạn chót là ngày nào?" not in html  # a passing question is not listed as a failure
    assert "answer_accuracy" in html and "0.500" in html


def test_failure_reasons() -> None:
    records = evaluate(ITEMS, lambda q: _answers(False)[q], progress=False)
    reasons = [failure_reasons(r["verdict"]) for r in records]  # type: ignore[arg-type]
    assert reasons[0] == ["no accepted answer in the answer"]
    assert reasons[1] == ["answered a question the documents do not answer"]
    assert reasons[2] == []


def test_render_report_without_failures() -> None:
    records = evaluate(ITEMS, lambda q: _answers(True)[q], progress=False)
    from eval.metrics import compute_metrics
    from eval.runner import verdicts_of

    html = render_report(compute_metrics(verdicts_of(records)), records, "all good")
    assert "Failures (0 of 3)" in html and "<p>None.</p>" in html


def test_compare_runs(tmp_path: Path) -> None:
    before, after = load_run(_write(tmp_path, "bad", False)), load_run(_write(tmp_path, "good", True))
    deltas = {d.metric: d for d in headline_deltas(before.metrics, after.metrics)}
    assert deltas["answer_accuracy"].better is True and deltas["abstain_accuracy"].better is True
    assert deltas["hit@1"].better is None  # unchanged
    changes = question_changes(before.records, after.records)
    assert [(c.id, c.better) for c in changes] == [("w1", True), ("n1", True)]
    assert [c.id for c in question_changes(after.records, before.records)] == ["w1", "n1"]
    result = CliRunner().invoke(app, ["compare", str(tmp_path / "bad"), str(tmp_path / "good")])
    assert result.exit_code == 0, result.output
    assert "answer_accuracy" in result.output and "2 questions changed" in result.output


def test_compare_rejects_a_folder_that_is_not_a_run(tmp_path: Path) -> None:
    with pytest.raises(BadInput):
        load_run(tmp_path)
    result = CliRunner().invoke(app, ["compare", str(tmp_path), str(tmp_path)])
    assert result.exit_code == 2


def test_floors_and_ceilings() -> None:
    metrics = {"answer_accuracy": 0.8, "false_abstain_rate": 0.1, "hit@1": 0.9}
    checks = check_floors(
        metrics,
        {"answer_accuracy": 0.85, "false_abstain_rate": 0.05, "hit@1": 0.9, "mrr": 0.5, "hit@5": None},
    )
    assert [(c.metric, c.passed) for c in checks] == [
        ("answer_accuracy", False),
        ("false_abstain_rate", False),
        ("hit@1", True),
        ("mrr", False),
    ]


def test_check_command_exit_codes(tmp_path: Path) -> None:
    metrics = tmp_path / "metrics.json"
    metrics.write_text(json.dumps({"answer_accuracy": 0.92, "latency_ms_p95": 900.0}), encoding="utf-8")
    floors = tmp_path / "floors.json"
    floors.write_text(
        json.dumps({"floors": {"answer_accuracy": 0.9, "latency_ms_p95": 1000}}), encoding="utf-8"
    )
    ok = CliRunner().invoke(app, ["check", "--metrics", str(metrics), "--floors", str(floors)])
    assert ok.exit_code == 0, ok.output
    floors.write_text(json.dumps({"floors": {"answer_accuracy": 0.95}}), encoding="utf-8")
    low = CliRunner().invoke(app, ["check", "--metrics", str(metrics), "--floors", str(floors)])
    assert low.exit_code == 1 and "FAIL answer_accuracy" in low.output


def test_not_found_is_a_dqa_error() -> None:
    # the runner records any DQAError as that question's failure and keeps going
    records = evaluate(ITEMS[:1], lambda q: (_ for _ in ()).throw(NotFound("gone")), progress=False)
    assert records[0]["verdict"]["error"] == "NotFound: gone"  # type: ignore[index]
