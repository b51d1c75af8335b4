"""Cutting the heading tree into passages: small items, headings opening passages, budgets, offsets."""

from __future__ import annotations

import re

from indexer.chunking import Passage, chunk_sections
from indexer.sections import parse_sections


def words(text: str) -> int:
    """A token counter for pure tests: one token per word."""
    return len(text.split())


def chunk(text: str, budget: int) -> list[Passage]:
    return chunk_sections(text, parse_sections(text, [(0, len(text))]), words, budget)


TEXT = """\
II. NHIỆM VỤ TRỌNG TÂM
1. Công tác tuyên truyền
- UBND tỉnh triển khai phổ biến Chỉ thị 07-CT/TU.
- Tăng cường sự lãnh đạo của cấp ủy đảng.
2. Công tác tài chính
- Sở Tài chính chủ trì, phối hợp với các sở:
+ Bố trí kinh phí thực hiện.
+ Hướng dẫn thanh quyết toán.
3. Công tác kiểm tra
- Ủy ban kiểm tra tham mưu kiểm tra việc thực hiện. Định kỳ báo cáo kết quả. Kịp thời khen thưởng tập thể.
III. TỔ CHỨC THỰC HIỆN
Các cơ quan báo cáo trước ngày 15/11.
"""


def texts(passages: list[Passage]) -> list[str]:
    return [TEXT[p.start : p.end] for p in passages]


def test_one_passage_per_item_and_headings_open_the_first() -> None:
    passages = chunk(TEXT, 40)
    assert texts(passages)[:2] == [
        "II. NHIỆM VỤ TRỌNG TÂM\n1. Công tác tuyên truyền\n- UBND tỉnh triển khai phổ biến Chỉ thị 07-CT/TU.",
        "- Tăng cường sự lãnh đạo của cấp ủy đảng.",
    ]
    assert passages[0].section == passages[1].section == "II. NHIỆM VỤ TRỌNG TÂM > 1. Công tác tuyên truyền"


def test_item_with_small_sub_items_is_one_passage() -> None:
    passages = chunk(TEXT, 40)
    assert (
        "- Sở Tài chính chủ trì, phối hợp với các sở:\n+ Bố trí kinh phí thực hiện.\n"
        "+ Hướng dẫn thanh quyết toán."
        in texts(passages)[2]
    )


def test_lead_in_opens_its_first_sub_item_when_the_whole_does_not_fit() -> None:
    passages = chunk(TEXT, 24)
    found = [p for p in passages if "Bố trí kinh phí" in TEXT[p.start : p.end]][0]
    assert TEXT[found.start : found.end] == (
        "2. Công tác tài chính\n- Sở Tài chính chủ trì, phối hợp với các sở:\n+ Bố trí kinh phí thực hiện."
    )
    second = passages[passages.index(found) + 1]
    assert TEXT[second.start : second.end] == "+ Hướng dẫn thanh quyết toán."
    assert (
        second.section
        == "II. NHIỆM VỤ TRỌNG TÂM > 2. Công tác tài chính > - Sở Tài chính chủ trì, phối hợp với các sở:"
    )


def test_long_item_splits_at_sentences_within_the_budget() -> None:
    passages = chunk(TEXT, 24)
    inspection = [TEXT[p.start : p.end] for p in passages if p.section.endswith("3. Công tác kiểm tra")]
    assert inspection == [
        "3. Công tác kiểm tra\n- Ủy ban kiểm tra tham mưu kiểm tra việc thực hiện. Định kỳ báo cáo kết quả.",
        "Kịp thời khen thưởng tập thể.",
    ]
    assert all(words(t) <= 24 for t in texts(passages))


def test_headings_stand_alone_rather_than_cutting_a_sentence_between_words() -> None:
    passages = chunk(TEXT, 14)
    assert texts(passages)[:2] == [
        "II. NHIỆM VỤ TRỌNG TÂM\n1. Công tác tuyên truyền",
        "- UBND tỉnh triển khai phổ biến Chỉ thị 07-CT/TU.",
    ]


def test_passages_never_cross_sections_and_cover_everything() -> None:
    for budget in (8, 12, 40, 400):
        passages = chunk(TEXT, budget)
        covered = [False] * len(TEXT)
        for p in passages:
            assert TEXT[p.start : p.end].strip() == TEXT[p.start : p.end]
            for i in range(p.start, p.end):
                assert not covered[i], "passages overlap"
                covered[i] = True
            # a passage holds at most one numbered heading of each level: it never spans two sections
            assert len(re.findall(r"(?m)^[IVX]+\. ", TEXT[p.start : p.end])) <= 1
        assert all(covered[i] for i, ch in enumerate(TEXT) if not ch.isspace())


def test_sentence_cuts_do_not_fall_after_heading_numbers() -> None:
    text = "II. NHIỆM VỤ\n- " + "Câu một rất dài. " * 6 + "Hết."
    passages = chunk_sections(text, parse_sections(text, [(0, len(text))]), words, 9)
    assert text[passages[0].start : passages[0].end].startswith("II. NHIỆM VỤ\n- Câu một")
