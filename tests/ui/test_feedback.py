"""Feedback rows in a real SQLite file, and their export as gold-set candidates."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from assistant.errors import BadInput, NotReady
from assistant.model import Answer, Citation
from eval.feedback_export import export_thumbs_down, export_to_file
from eval.gold import parse_gold_line
from ui.feedback import FeedbackStore

CITATION = Citation(doc_id="000_abc", source="000_abc.txt", title="Kế hoạch", number="12-KH/ĐU",
                    section="2.2. Về tài nguyên", text="UBND tỉnh chủ trì.", quote="UBND tỉnh chủ trì",
                    start=10, end=27, score=0.5)


def answer(question: str = "Ai chủ trì xây dựng bản đồ số?") -> Answer:
    return Answer(question=question, answer="Sở Tài chính", abstained=False, citations=(CITATION,))


@pytest.fixture
def store(tmp_path: Path) -> FeedbackStore:
    return FeedbackStore(f"sqlite:///{tmp_path / 'sub' / 'feedback.sqlite3'}")


def test_a_vote_is_stored_durably_with_question_answer_and_citations(store: FeedbackStore,
                                                                     tmp_path: Path) -> None:
    store.record("a1", answer(), "down", comment="Sai cơ quan")
    store.close()
    rows = FeedbackStore(f"sqlite:///{tmp_path / 'sub' / 'feedback.sqlite3'}").rows()
    assert len(rows) == 1
    row = rows[0]
    assert (row.rating, row.question, row.answer, row.comment) == (
        "down", "Ai chủ trì xây dựng bản đồ số?", "Sở Tài chính", "Sai cơ quan")
    assert row.citations[0]["quote"] == "UBND tỉnh chủ trì"
    assert row.citations[0]["section"] == "2.2. Về tài nguyên"
    assert row.created_at.endswith("+00:00")


def test_a_second_vote_and_a_comment_update_the_same_row(store: FeedbackStore) -> None:
    store.record("a1", answer(), "up")
    store.record("a1", answer(), "down")
    assert store.add_comment("a1", "  thiếu sở ngành  ")
    assert not store.add_comment("unknown", "x")
    rows = store.rows()
    assert [(r.rating, r.comment) for r in rows] == [("down", "thiếu sở ngành")]


def test_bad_rating_is_refused(store: FeedbackStore) -> None:
    with pytest.raises(BadInput):
        store.record("a1", answer(), "meh")  # type: ignore[arg-type]


def test_unknown_database_scheme_is_a_clear_error() -> None:
    with pytest.raises(NotReady, match="no database driver"):
        FeedbackStore("nosuchdb://x/y").rows()


def test_thumbs_down_export_is_gold_format_for_evaluators(store: FeedbackStore, tmp_path: Path) -> None:
    store.record("a1", answer(), "down", comment="Sai cơ quan")
    store.record("a2", answer("Hạn báo cáo là ngày nào?"), "down")
    store.record("a3", answer("Câu được khen"), "up")
    out = io.StringIO()
    assert export_thumbs_down(store, out) == 2
    lines = out.getvalue().splitlines()
    first, second = (json.loads(line) for line in lines)
    assert {"id", "question", "answers", "evidence", "doc", "type"} <= first.keys()
    assert (first["question"], first["answers"], first["evidence"], first["doc"], first["type"]) == (
        "Ai chủ trì xây dựng bản đồ số?", [], [], "000_abc.txt", "who")
    assert second["type"] == "when"
    assert first["feedback"]["comment"] == "Sai cơ quan"
    assert first["feedback"]["assistant_answer"] == "Sở Tài chính"
    # once an evaluator fills in answers and evidence, the line is a valid gold item
    confirmed = {**first, "answers": ["UBND tỉnh"], "evidence": ["UBND tỉnh chủ trì"]}
    assert parse_gold_line(json.dumps(confirmed), "candidate").doc == "000_abc.txt"
    path = tmp_path / "out" / "candidates.jsonl"
    assert export_to_file(store, path) == 2 and len(path.read_text().splitlines()) == 2
