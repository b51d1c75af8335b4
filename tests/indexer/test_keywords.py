"""The keyword side: pyvi words, tone folding, stable hashed ids and BM25-style weights."""

from __future__ import annotations

import subprocess
import sys

from indexer.keywords import K1, document_vector, keyword_tokens, query_vector, token_id


def test_tone_placement_variants_give_the_same_keywords() -> None:
    assert keyword_tokens("Tỉnh uỷ chỉ đạo") == keyword_tokens("Tỉnh ủy chỉ đạo")
    assert keyword_tokens("hoà bình, khoẻ mạnh") == keyword_tokens("hòa bình, khỏe mạnh")
    assert query_vector("Ban Thường vụ Tỉnh uỷ") == query_vector("ban thường vụ tỉnh ủy")


def test_words_are_segmented_lower_cased_and_split_into_syllables() -> None:
    tokens = keyword_tokens("Ban Thường vụ Tỉnh ủy")
    assert "thường_vụ" in tokens and "tỉnh_ủy" in tokens
    assert {"thường", "vụ", "tỉnh", "ủy"} <= set(tokens)
    assert all(t == t.lower() for t in tokens)


def test_punctuation_question_words_and_function_words_are_dropped() -> None:
    tokens = keyword_tokens("Ai chủ trì việc tuyên truyền, phổ biến của các cơ quan?")
    assert "ai" not in tokens and "của" not in tokens and "các" not in tokens
    assert not any(t in {",", "?", "(", ")"} for t in tokens)
    assert "chủ_trì" in tokens and "tuyên_truyền" in tokens


def test_document_numbers_and_dates_are_also_kept_whole() -> None:
    tokens = keyword_tokens("thực hiện Chỉ thị số 07-CT/TU, ngày 14/01/2026 của Tỉnh ủy")
    assert "07-ct/tu" in tokens and "14/01/2026" in tokens
    assert "07" in tokens  # and in pieces, for a query that writes "Chỉ thị 07"


def test_keyword_ids_are_stable_across_processes() -> None:
    # ids are stored in the index: a change would silently break every existing store
    assert token_id("tỉnh_ủy") == 2434990316
    other = subprocess.run(
        [sys.executable, "-c", "from indexer.keywords import token_id; print(token_id('tỉnh_ủy'))"],
        capture_output=True, text=True, check=True,
    )
    assert other.stdout.strip() == "2434990316"


def test_document_weights_saturate_with_repetition() -> None:
    once = document_vector("muỗi truyền bệnh sốt xuất huyết")
    many = document_vector("muỗi " * 12 + "truyền bệnh sốt xuất huyết")
    mosquito = token_id("muỗi")
    weight_once = dict(zip(once.indices, once.values, strict=True))[mosquito]
    weight_many = dict(zip(many.indices, many.values, strict=True))[mosquito]
    assert weight_once < weight_many < K1 + 1.0
    assert list(many.indices) == sorted(set(many.indices))


def test_query_weights_are_one_per_distinct_keyword() -> None:
    vector = query_vector("sốt xuất huyết sốt xuất huyết")
    assert vector and set(vector.values) == {1.0}
    assert len(vector.indices) == len(set(vector.indices))


def test_a_query_of_only_question_words_has_no_keywords() -> None:
    assert not query_vector("Ai? Gì? Nào?")
