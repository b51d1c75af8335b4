"""The heading tree: Roman, Arabic to any depth, Điều, "-", "+", "(1)", "a)" items and Phụ lục."""

from __future__ import annotations

from indexer.markers import read_marker
from indexer.sections import Section, heading_label, parse_sections


def tree(text: str) -> tuple[Section, ...]:
    return parse_sections(text, [(0, len(text))])


def outline(sections: tuple[Section, ...], depth: int = 0) -> list[str]:
    """Return "  "*depth + first words of each line, in order."""
    lines: list[str] = []
    for section in sections:
        lines.append("  " * depth + " ".join(section.label.split()[:2]))
        lines += outline(section.children, depth + 1)
    return lines


def test_markers_of_the_genre() -> None:
    kinds = {
        "I. MỤC ĐÍCH": ("roman", 1),
        "II- NHIỆM VỤ": ("roman", 1),
        "2. Công tác": ("arabic", 1),
        "2.1. Lĩnh vực": ("arabic", 2),
        "2.2.1 Ban Tổ chức": ("arabic", 3),
        "Điều 1. Ban hành": ("article", 1),
        "- Chủ trì": ("dash", 1),
        "+ Tham mưu": ("plus", 1),
        "(1) Nghị quyết": ("paren", 1),
        "a) Sở Y tế": ("letter", 1),
        "Phụ lục 01:": ("appendix", 1),
        "PHỤ LỤC II": ("appendix", 1),
        "Chương II": ("chapter", 1),
        "2.100 đại biểu tham dự": ("para", 1),
        "10/7/2025 là ngày": ("para", 1),
        "Căn cứ Luật": ("para", 1),
        "Ví dụ. Câu": ("para", 1),
    }
    assert {line: (read_marker(line).kind, read_marker(line).depth) for line in kinds} == kinds


PLAN = """\
Thực hiện Chỉ thị số 07-CT/TU, Ban Thường vụ ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Cụ thể hóa kịp thời Chỉ thị số 07-CT/TU.
II. NHIỆM VỤ TRỌNG TÂM
2. Triển khai thực hiện các nghị quyết
2.1. Về khoa học
- UBND tỉnh chỉ đạo các sở.
2.2. Về thiên tai
- Sở Tài chính chủ trì, phối hợp với các sở:
+ Bố trí kinh phí.
+ Hướng dẫn thanh quyết toán.
- UBND tỉnh chỉ đạo xây dựng Bản đồ số Tài nguyên - Khí hậu.
2.2.3. Ban Tổ chức Tỉnh ủy
- Chủ trì, phối hợp Văn phòng Tỉnh ủy triển khai phần mềm.
Nội dung giao ban gồm: (1) tham mưu; (2) phối hợp.
III- TỔ CHỨC THỰC HIỆN
(1) Nghị quyết số 45-NQ/TW.
(2) Chỉ thị số 42-CT/TW.
Phụ lục 02:
Các nghị quyết cần theo dõi
1. Lĩnh vực khoa học
1.1. Văn bản của Trung ương
(1) Nghị quyết số 57-NQ/TW.
"""


def test_plan_nests_as_written() -> None:
    assert outline(tree(PLAN)) == [
        "Thực hiện",
        "I. MỤC",
        "  1. Cụ",
        "II. NHIỆM",
        "  2. Triển",
        "    2.1. Về",
        "      - UBND",
        "    2.2. Về",
        "      - Sở",
        "        + Bố",
        "        + Hướng",
        "      - UBND",
        "      2.2.3. Ban",
        "        - Chủ",
        "        Nội dung",
        "III- TỔ",
        "  (1) Nghị",
        "  (2) Chỉ",
        "Phụ lục",
        "  1. Lĩnh",
        "    1.1. Văn",
        "      (1) Nghị",
    ]


def test_headings_and_items_are_told_apart() -> None:
    sections = tree(PLAN)
    first_heading = sections[1]
    assert (
        first_heading.is_heading and not first_heading.children[0].is_heading
    )  # "1. Cụ thể hóa …." is content
    lead_in = sections[2].children[0].children[1].children[0]
    assert lead_in.label.startswith("- Sở Tài chính") and lead_in.is_lead_in


def test_appendix_takes_its_title_lines_into_its_heading() -> None:
    appendix = tree(PLAN)[-1]
    assert appendix.label == "Phụ lục 02: Các nghị quyết cần theo dõi"
    assert PLAN[appendix.start : appendix.end] == "Phụ lục 02:\nCác nghị quyết cần theo dõi"


def test_agency_heading_is_in_the_path_of_its_verb_first_items() -> None:
    sections = tree(PLAN)
    agency = sections[2].children[0].children[1].children[2]
    assert agency.label == "2.2.3. Ban Tổ chức Tỉnh ủy" and agency.is_heading
    assert agency.children[0].label.startswith("- Chủ trì, phối hợp")


DECISION = """\
Căn cứ Luật Tổ chức chính quyền địa phương;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.
Điều 2. Trách nhiệm thi hành
1. Sở Nội vụ:
a) Hướng dẫn các đơn vị;
b) Kiểm tra việc thực hiện.
2. Sở Tài chính bố trí kinh phí.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.
"""


def test_decision_articles_with_clauses_and_points() -> None:
    sections = tree(DECISION)
    assert outline(sections) == [
        "Căn cứ",
        "QUYẾT ĐỊNH:",
        "Điều 1.",
        "Điều 2.",
        "  1. Sở",
        "    a) Hướng",
        "    b) Kiểm",
        "  2. Sở",
        "Điều 3.",
    ]
    article_2 = sections[3]
    assert article_2.is_heading and not sections[2].is_heading  # "Điều 1. … ." is a provision, not a title


def test_long_heading_label_is_cut_at_a_word() -> None:
    label = heading_label("2.4. " + "Triển khai thực hiện hiệu quả các nghị quyết, chỉ thị " * 4)
    assert len(label) <= 121 and label.endswith("…") and not label.endswith(" …")
