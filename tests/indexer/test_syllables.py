"""Vietnamese syllable structure and the repair of two syllables glued by a lost space."""

from __future__ import annotations

from indexer.syllables import is_syllable, split_glued_syllables, splits


def test_well_formed_syllables_of_the_genre() -> None:
    words = "tổ chức thực hiện nghiêng người trường quyết khuyến giữ gìn việc riêng kênh huỳnh thuở quả"
    assert all(is_syllable(w) for w in words.split())


def test_ill_formed_strings_are_not_syllables() -> None:
    # a stop final under the hỏi tone, a stop final with no tone, two vowel nuclei with two tones,
    # no vowel, "k" before "a", "ng" before "e", a consonant cluster, "ch" after "o"
    ill_formed = ("tổc", "thuc", "thựchiện", "ng", "ka", "nge", "str", "loch")
    assert [w for w in ill_formed if is_syllable(w)] == []


def test_a_glued_pair_splits_where_both_halves_are_syllables() -> None:
    assert splits("tổchức") == [("tổ", "chức")]
    assert splits("lãnhđạo") == [("lãnh", "đạo")]
    assert ("thực", "hiện") in splits("thựchiện") and len(splits("thựchiện")) == 2


def test_the_words_of_the_document_choose_between_two_splits() -> None:
    vocabulary = frozenset({"thực", "hiện", "các", "đơn", "vị"})
    assert split_glued_syllables("thựchiện,", vocabulary) == "thực hiện,"
    assert split_glued_syllables("thựchiện,") == "thựchiện,"  # ambiguous without them


def test_codes_capitals_single_syllables_and_foreign_words_stay_whole() -> None:
    tokens = ("KH&CN", "GD&ĐT", "1024/BGDĐT-GDTrH", "TCCS", "Thựchiện", "nghiêng", "online", "zôna", "wá")
    for token in tokens:
        assert split_glued_syllables(token) == token


def test_punctuation_and_footnote_markers_around_the_word_stay_in_place() -> None:
    assert split_glued_syllables("(tổchức¹;") == "(tổ chức¹;"
