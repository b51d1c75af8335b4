"""Answer and retrieval metrics: pure functions from answers and gold items to verdicts and numbers.

Definitions (all over the questions named, broken down by question type as well):
- answer_accuracy: answerable questions whose answer was given (not abstained) and contains a
  normalised accepted answer, as whole syllables;
- token_f1: syllable-level F1 between the answer and the best accepted answer (abstained = 0),
  over answerable questions;
- hit@1, hit@5, mrr: rank of the first citation whose text contains an evidence span
  (whitespace collapsed, tone placement folded, case ignored), over answerable questions;
- search_hit@1, search_hit@5, search_mrr: the same, over the retriever's own ranking of the top k
  passages (before the answerer puts the passage its answer came from first);
- citation_precision: answered answerable questions whose first citation contains evidence;
- abstain_accuracy: unanswerable questions the assistant abstained on;
- false_abstain_rate: answerable questions the assistant abstained on;
- latency_ms_p50 / latency_ms_p95: over all questions; answer_chars_p50: over answered questions.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from eval.gold import QUESTION_TYPES, GoldItem
from indexer.normalize import match_key

Metrics = dict[str, float | int | None]

HEADLINE_KEYS: tuple[str, ...] = (
    "answer_accuracy",
    "token_f1",
    "hit@1",
    "hit@5",
    "mrr",
    "search_hit@1",
    "search_hit@5",
    "search_mrr",
    "citation_precision",
    "abstain_accuracy",
    "false_abstain_rate",
    "latency_ms_p50",
    "latency_ms_p95",
    "answer_chars_p50",
)
# for these a lower value is better (compare and floors read them the other way round)
LOWER_IS_BETTER: frozenset[str] = frozenset(
    {"false_abstain_rate", "latency_ms_p50", "latency_ms_p95", "answer_chars_p50"}
)


@dataclass(frozen=True)
class Verdict:
    """How one answer fared against its gold item."""

    id: str
    type: str
    answerable: bool
    abstained: bool
    correct: bool | None  # answerable only: accepted answer found in a given answer
    f1: float | None  # answerable only
    rank: int | None  # 1-based rank of the first citation with evidence; None when none has it
    first_citation_ok: bool | None  # answerable and answered only
    latency_ms: float
    answer_chars: int
    error: str | None = None  # the assistant raised instead of answering
    search_rank: int | None = None  # the same rank in the retriever's own order (None: not searched)


def normalize_answer(text: str) -> str:
    """Return the comparison form of an answer: match_key, punctuation turned into spaces.

    "%" is kept so that "8%" is not reduced to a bare "8". Example: "Ủy ban, “UBND” tỉnh" ->
    "ủy ban ubnd tỉnh"; "6 tháng/lần" -> "6 tháng lần".
    """
    folded = match_key(text)
    spaced = "".join(" " if unicodedata.category(ch).startswith("P") and ch != "%" else ch for ch in folded)
    return " ".join(spaced.split())


def contains_answer(answer: str, accepted: Iterable[str]) -> bool:
    """Return True when a normalised accepted answer occurs in the answer as whole syllables."""
    padded = f" {normalize_answer(answer)} "
    for candidate in accepted:
        needle = normalize_answer(candidate)
        if needle and f" {needle} " in padded:
            return True
    return False


def token_f1(prediction: str, references: Iterable[str]) -> float:
    """Return the best syllable-level F1 between the prediction and any reference (0 if none)."""
    predicted = normalize_answer(prediction).split()
    best = 0.0
    for reference in references:
        expected = normalize_answer(reference).split()
        overlap = sum((Counter(predicted) & Counter(expected)).values())
        if not predicted or not expected or overlap == 0:
            continue
        precision = overlap / len(predicted)
        recall = overlap / len(expected)
        best = max(best, 2 * precision * recall / (precision + recall))
    return best


def contains_evidence(passage: str, evidence: Iterable[str]) -> bool:
    """Return True when the passage contains one of the evidence spans (whitespace and tones folded)."""
    haystack = match_key(passage)
    return any(match_key(span) and match_key(span) in haystack for span in evidence)


def evidence_rank(passages: Sequence[str], evidence: Sequence[str]) -> int | None:
    """Return the 1-based rank of the first passage containing an evidence span, or None."""
    if not evidence:
        return None
    for rank, passage in enumerate(passages, 1):
        if contains_evidence(passage, evidence):
            return rank
    return None


def judge(
    item: GoldItem,
    *,
    answer: str,
    abstained: bool,
    passages: Sequence[str],
    latency_ms: float,
    error: str | None = None,
    searched: Sequence[str] = (),
) -> Verdict:
    """Return the verdict on one answer (its text, abstention flag and cited passages in rank order).

    `searched` are the retriever's passages for the question in its own order, when the run has them.
    """
    rank = evidence_rank(passages, item.evidence) if item.answerable else None
    search_rank = evidence_rank(searched, item.evidence) if item.answerable else None
    answered = not abstained and error is None
    if item.answerable:
        correct: bool | None = answered and contains_answer(answer, item.answers)
        f1: float | None = token_f1(answer, item.answers) if answered else 0.0
        first_ok: bool | None = (rank == 1) if answered else None
    else:
        correct, f1, first_ok = None, None, None
    return Verdict(
        id=item.id,
        type=item.type,
        answerable=item.answerable,
        abstained=abstained,
        correct=correct,
        f1=f1,
        rank=rank,
        first_citation_ok=first_ok,
        latency_ms=latency_ms,
        answer_chars=len(answer) if answered else 0,
        error=error,
        search_rank=search_rank,
    )


def percentile(values: Sequence[float], q: float) -> float | None:
    """Return the q-th percentile (0-100) by linear interpolation, or None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def summarise(verdicts: Sequence[Verdict]) -> Metrics:
    """Return the headline metrics of a set of verdicts (None where a metric has no questions)."""
    answerable = [v for v in verdicts if v.answerable]
    unanswerable = [v for v in verdicts if not v.answerable]
    answered = [v for v in answerable if not v.abstained and v.error is None]
    ranks = [v.rank for v in answerable]
    search_ranks = [v.search_rank for v in answerable]
    return {
        "n": len(verdicts),
        "n_answerable": len(answerable),
        "n_unanswerable": len(unanswerable),
        "answer_accuracy": _mean([1.0 if v.correct else 0.0 for v in answerable]),
        "token_f1": _mean([v.f1 or 0.0 for v in answerable]),
        "hit@1": _mean([1.0 if r is not None and r <= 1 else 0.0 for r in ranks]),
        "hit@5": _mean([1.0 if r is not None and r <= 5 else 0.0 for r in ranks]),
        "mrr": _mean([1.0 / r if r else 0.0 for r in ranks]),
        "search_hit@1": _mean([1.0 if r is not None and r <= 1 else 0.0 for r in search_ranks]),
        "search_hit@5": _mean([1.0 if r is not None and r <= 5 else 0.0 for r in search_ranks]),
        "search_mrr": _mean([1.0 / r if r else 0.0 for r in search_ranks]),
        "citation_precision": _mean([1.0 if v.first_citation_ok else 0.0 for v in answered]),
        "abstain_accuracy": _mean([1.0 if v.abstained else 0.0 for v in unanswerable]),
        "false_abstain_rate": _mean([1.0 if v.abstained else 0.0 for v in answerable]),
        "latency_ms_p50": percentile([v.latency_ms for v in verdicts], 50),
        "latency_ms_p95": percentile([v.latency_ms for v in verdicts], 95),
        "answer_chars_p50": percentile(
            [float(v.answer_chars) for v in verdicts if not v.abstained and v.error is None], 50
        ),
        "errors": sum(1 for v in verdicts if v.error is not None),
    }


def compute_metrics(verdicts: Sequence[Verdict]) -> dict[str, object]:
    """Return the headline metrics plus the same numbers for each question type present."""
    by_type = {
        qtype: summarise([v for v in verdicts if v.type == qtype])
        for qtype in QUESTION_TYPES
        if any(v.type == qtype for v in verdicts)
    }
    return {**summarise(verdicts), "by_type": by_type}
