"""Filters built from the side panel, document pickers and example questions."""

from __future__ import annotations

import pytest

from assistant.errors import BadInput
from assistant.model import Filters
from indexer.model import DocumentMetadata, DocumentRecord
from ui.controls import (
    GENERAL_QUESTIONS,
    build_filters,
    document_choices,
    example_questions,
    parse_date,
)


def record(doc_id: str, number: str | None, doc_type: str | None = "KẾ HOẠCH",
           title: str | None = None) -> DocumentRecord:
    meta = DocumentMetadata(doc_type=doc_type, number=number, title=title)
    return DocumentRecord(doc_id=doc_id, source=f"{doc_id}.txt", content_hash="h", metadata=meta, text="",
                          n_chunks=1, indexed_at="2025-01-01T00:00:00+00:00")


@pytest.mark.parametrize("typed, iso", [("31/12/2025", "2025-12-31"), ("1.2.2024", "2024-02-01"),
                                        ("2024-02-01", "2024-02-01"), (" ", None), (None, None)])
def test_parse_date_accepts_day_first_and_iso(typed: str | None, iso: str | None) -> None:
    assert parse_date(typed, "Từ ngày") == iso


@pytest.mark.parametrize("typed", ["31/02/2025", "hôm qua", "2025"])
def test_parse_date_refuses_non_dates_in_vietnamese(typed: str) -> None:
    with pytest.raises(BadInput, match="Từ ngày"):
        parse_date(typed, "Từ ngày")


def test_no_choice_means_no_filter() -> None:
    assert build_filters(None, [], None, "", "") is None


def test_choices_become_typed_filters() -> None:
    assert build_filters(["d1"], ["KẾ HOẠCH"], None, "01/01/2024", "31/12/2024") == Filters(
        doc_ids=("d1",), doc_types=("KẾ HOẠCH",), date_from="2024-01-01", date_to="2024-12-31")


def test_reversed_date_range_is_refused() -> None:
    with pytest.raises(BadInput):
        build_filters(None, None, None, "02/01/2025", "01/01/2025")


def test_document_choices_are_labelled_by_number_and_title() -> None:
    choices = document_choices([record("b", "12-KH/TU", title="Về công tác khoa giáo"), record("a", None)])
    assert choices == [("12-KH/TU — Về công tác khoa giáo", "b"), ("a.txt", "a")]


def test_example_questions_come_from_the_documents_metadata() -> None:
    questions = example_questions([record("a", "12-KH/TU"), record("b", "07-CT/TU", doc_type="CHỈ THỊ")])
    assert questions[0] == "Kế hoạch 12-KH/TU về vấn đề gì?"
    assert questions[1] == "Ai ký chỉ thị 07-CT/TU?"
    assert len(questions) == 4 and questions[2] == GENERAL_QUESTIONS[0]


def test_no_documents_no_examples() -> None:
    assert example_questions([]) == []
