"""Abbreviations and full names of the genre meet on the keyword side."""

from __future__ import annotations

from indexer.abbreviations import other_spellings
from indexer.keywords import keyword_tokens


def test_abbreviation_adds_its_full_name_and_full_name_its_abbreviation() -> None:
    assert other_spellings("UBND tỉnh phối hợp với Hội đồng nhân dân tỉnh") == ["ủy ban nhân dân", "HĐND"]


def test_old_tone_placement_and_separators_still_name_the_body() -> None:
    assert "UBND" in other_spellings("Uỷ ban nhân dân tỉnh")
    assert "KTXH" in other_spellings("phát triển kinh tế – xã hội")
    assert "khoa học và công nghệ" in other_spellings("ứng dụng KH&CN")


def test_abbreviations_inside_document_numbers_are_left_alone() -> None:
    # "TW", "TU", "CP" of a số hiệu are the issuing body's code, not words of the text
    assert other_spellings("Kết luận số 81-KL/TW và Nghị định 45/2020/NĐ-CP") == []


def test_a_word_that_only_contains_an_abbreviation_is_not_one() -> None:
    assert other_spellings("UBNDX và DNA") == []


def test_a_question_finds_a_passage_whichever_way_either_writes_the_name() -> None:
    abbreviated = set(keyword_tokens("UBND tỉnh chỉ đạo các sở, ngành"))
    spelled_out = set(keyword_tokens("Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành"))
    assert "ubnd" in set(keyword_tokens("Ủy ban nhân dân tỉnh chỉ đạo việc gì?", expand=True)) & abbreviated
    question = set(keyword_tokens("UBND tỉnh chỉ đạo việc gì?", expand=True))
    assert {"ủy_ban", "nhân_dân"} <= question & spelled_out


def test_passages_are_not_expanded() -> None:
    assert "ủy_ban" not in keyword_tokens("UBND tỉnh chỉ đạo")


def test_text_without_abbreviations_is_unchanged() -> None:
    text = "Sở Tài chính theo dõi, đôn đốc"
    assert other_spellings(text) == []
    assert keyword_tokens(text)[-1] == "đốc"
