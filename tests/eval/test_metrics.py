"""Metric functions on hand-made answers: each one can fail."""

from __future__ import annotations

import pytest

from eval.gold import GoldItem
from eval.metrics import (
    compute_metrics,
    contains_answer,
    contains_evidence,
    evidence_rank,
    judge,
    normalize_answer,
    percentile,
    summarise,
    token_f1,
)

WHO = GoldItem(
    id="q1",
    question="Ai chủ trì xây dựng Bản đồ số Tài nguyên - Khí hậu?",
    answers=("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
    evidence=(
        "UBND tỉnh chỉ đạo các sở, ngành liên quan nghiên cứu xây dựng Bản đồ số Tài nguyên - Khí hậu",
    ),
    doc="000.txt",
    type="who",
)
NONE = GoldItem(id="q2", question="Ai ký Chỉ thị?", answers=(), evidence=(), doc=None, type="none")
EVIDENCE_PASSAGE = (
    "- UBND tỉnh chỉ đạo các sở, ngành liên quan nghiên cứu xây dựng Bản đồ số Tài \n"
    "nguyên - Khí hậu, gắn khai thác thủy sản với bảo tồn nguồn lợi"
)
OTHER_PASSAGE = "- UBND tỉnh lãnh đạo, chỉ đạo các sở, ngành, địa phương tăng cường quản lý"


def test_normalize_folds_tones_case_and_punctuation_but_keeps_percent() -> None:
    assert normalize_answer("Uỷ ban, “UBND” Tỉnh!") == "ủy ban ubnd tỉnh"
    assert normalize_answer("6 tháng/lần") == "6 tháng lần"
    assert normalize_answer("đạt 8%.") == "đạt 8%"


def test_contains_answer_matches_whole_syllables_only() -> None:
    assert contains_answer("Ủy ban nhân dân tỉnh (chỉ đạo các sở)", WHO.answers)
    assert contains_answer("Uỷ ban nhân dân tỉnh", WHO.answers)  # old tone placement
    assert contains_answer("mức tăng trưởng 8% trong năm 2025", ["8%"])
    assert not contains_answer("mức tăng trưởng 18% trong năm 2025", ["8%"])
    assert not contains_answer("Sở Tài chính", WHO.answers)
    assert not contains_answer("", WHO.answers)


def test_token_f1_is_syllable_level_and_takes_the_best_reference() -> None:
    assert token_f1("UBND tỉnh", ["UBND tỉnh"]) == pytest.approx(1.0)
    # 2 of 4 predicted syllables match a 2-syllable reference: P=0.5, R=1 → F1=2/3
    assert token_f1("UBND tỉnh chỉ đạo", ["Sở Y tế", "UBND tỉnh"]) == pytest.approx(2 / 3)
    assert token_f1("Sở Tài chính", ["UBND tỉnh"]) == 0.0
    assert token_f1("", ["UBND tỉnh"]) == 0.0


def test_evidence_found_across_a_wrapped_line_and_ranked() -> None:
    assert contains_evidence(EVIDENCE_PASSAGE, WHO.evidence)
    assert not contains_evidence(OTHER_PASSAGE, WHO.evidence)
    assert evidence_rank([OTHER_PASSAGE, EVIDENCE_PASSAGE], WHO.evidence) == 2
    assert evidence_rank([OTHER_PASSAGE], WHO.evidence) is None
    assert evidence_rank([EVIDENCE_PASSAGE], []) is None


def test_judge_answerable_correct_and_wrong() -> None:
    good = judge(WHO, answer="UBND tỉnh", abstained=False, passages=[EVIDENCE_PASSAGE], latency_ms=10)
    assert good.correct and good.rank == 1 and good.first_citation_ok and good.answer_chars == 9
    wrong = judge(
        WHO, answer="Sở Y tế", abstained=False, passages=[OTHER_PASSAGE, EVIDENCE_PASSAGE], latency_ms=10
    )
    assert wrong.correct is False and wrong.rank == 2 and wrong.first_citation_ok is False


def test_judge_abstained_answer_never_counts_as_correct() -> None:
    # the abstention text happens to contain the answer; it still is not an answer
    verdict = judge(WHO, answer="UBND tỉnh: không tìm thấy", abstained=True, passages=[], latency_ms=5)
    assert verdict.correct is False and verdict.f1 == 0.0 and verdict.first_citation_ok is None


def test_judge_unanswerable_has_no_answer_metrics() -> None:
    verdict = judge(NONE, answer="", abstained=True, passages=[OTHER_PASSAGE], latency_ms=5)
    assert verdict.correct is None and verdict.rank is None and verdict.f1 is None


def test_search_rank_judges_the_retriever_order_apart_from_the_citations() -> None:
    verdict = judge(
        WHO, answer="UBND tỉnh", abstained=False, passages=[EVIDENCE_PASSAGE], latency_ms=10,
        searched=[OTHER_PASSAGE, OTHER_PASSAGE, EVIDENCE_PASSAGE],
    )
    assert (verdict.rank, verdict.search_rank) == (1, 3)
    missed = judge(WHO, answer="", abstained=True, passages=[], latency_ms=10, searched=[OTHER_PASSAGE])
    m = summarise([verdict, missed])
    assert (m["search_hit@1"], m["search_hit@5"]) == (0.0, 0.5)
    assert m["search_mrr"] == pytest.approx((1 / 3) / 2)
    assert m["hit@1"] == 0.5


def test_summarise_on_hand_made_verdicts() -> None:
    verdicts = [
        judge(WHO, answer="UBND tỉnh", abstained=False, passages=[EVIDENCE_PASSAGE], latency_ms=10),
        judge(
            WHO, answer="Sở Y tế", abstained=False, passages=[OTHER_PASSAGE, EVIDENCE_PASSAGE], latency_ms=20
        ),
        judge(WHO, answer="", abstained=True, passages=[OTHER_PASSAGE], latency_ms=30),
        judge(NONE, answer="", abstained=True, passages=[], latency_ms=40),
        judge(NONE, answer="UBND tỉnh", abstained=False, passages=[], latency_ms=50),
    ]
    m = summarise(verdicts)
    assert (m["n"], m["n_answerable"], m["n_unanswerable"]) == (5, 3, 2)
    assert m["answer_accuracy"] == pytest.approx(1 / 3)
    assert m["hit@1"] == pytest.approx(1 / 3)
    assert m["hit@5"] == pytest.approx(2 / 3)
    assert m["mrr"] == pytest.approx((1 + 0.5 + 0) / 3)
    assert m["citation_precision"] == pytest.approx(1 / 2)  # over the two answered answerable questions
    assert m["abstain_accuracy"] == pytest.approx(1 / 2)
    assert m["false_abstain_rate"] == pytest.approx(1 / 3)
    assert m["latency_ms_p50"] == pytest.approx(30)
    assert m["answer_chars_p50"] == pytest.approx(9)  # answered: "UBND tỉnh", "Sở Y tế", "UBND tỉnh"


def test_compute_metrics_breaks_down_by_type() -> None:
    verdicts = [
        judge(WHO, answer="UBND tỉnh", abstained=False, passages=[EVIDENCE_PASSAGE], latency_ms=10),
        judge(NONE, answer="", abstained=False, passages=[], latency_ms=10),
    ]
    metrics = compute_metrics(verdicts)
    by_type = metrics["by_type"]
    assert isinstance(by_type, dict)
    assert set(by_type) == {"who", "none"}
    assert by_type["who"]["answer_accuracy"] == 1.0 and by_type["who"]["abstain_accuracy"] is None
    assert by_type["none"]["abstain_accuracy"] == 0.0 and by_type["none"]["answer_accuracy"] is None


def test_percentile_interpolates() -> None:
    assert percentile([], 50) is None
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == pytest.approx(2.5)
    assert percentile([float(v) for v in range(1, 101)], 95) == pytest.approx(95.05)
