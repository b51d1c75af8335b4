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
        "  ",  # the provision of a one-sentence article, under its own heading
        "Điều 2.",
        "  1. Sở",
        "    a) Hướng",
        "    b) Kiểm",
        "  2. Sở",
        "Điều 3.",
        "  ",
    ]
    article_1, article_2 = sections[2], sections[3]
    assert article_2.is_heading and article_2.label == "Điều 2. Trách nhiệm thi hành"
    # "Điều 1. … ." is a provision, yet the article still names the section its words sit in
    assert article_1.is_heading
    assert article_1.label == "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp"
    provision = article_1.children[0]
    assert DECISION[provision.start : provision.end] == "Ban hành kèm theo Quyết định này Quy chế phối hợp."
    assert not provision.is_heading and provision.label == ""
    # a numbered clause under an article is content of that article, not a heading of its own
    assert not article_2.children[1].is_heading and not article_2.children[1].children


def test_long_heading_label_is_cut_at_a_word() -> None:
    label = heading_label("2.4. " + "Triển khai thực hiện hiệu quả các nghị quyết, chỉ thị " * 4)
    assert len(label) <= 121 and label.endswith("…") and not label.endswith(" …")


def sections_of(text: str) -> dict[str, str]:
    """Return the heading path of each passage, keyed by the passage's first words."""
    from indexer.chunking import chunk_sections

    passages = chunk_sections(text, tree(text), lambda s: len(s.split()), 200)
    return {" ".join(text[p.start : p.end].split()[:3]): p.section for p in passages}


CONCLUSION = """\
Ngày 02/3/2026, Thường trực Tỉnh ủy họp và kết luận như sau:
1. Đánh giá chung
Công tác phòng cháy được triển khai kịp thời.
2. Nhiệm vụ thời gian tới
2.1. Sở Nông nghiệp chủ trì kiểm tra các khu rừng.
2.2. Công an tỉnh bảo đảm an ninh; báo cáo trước ngày 30/4/2026.
3. Văn phòng Tỉnh ủy theo dõi việc thực hiện Thông báo này; báo cáo định kỳ.
Thường trực Tỉnh ủy thông báo để các cơ quan biết, thực hiện./.
"""


def test_a_top_level_item_that_is_a_sentence_names_its_own_section() -> None:
    paths = sections_of(CONCLUSION)
    assert paths["3. Văn phòng"] == "3. Văn phòng Tỉnh ủy theo dõi việc thực hiện Thông báo này"
    # under a heading, an item that is a sentence stays content of that heading
    assert paths["2. Nhiệm vụ"] == "2. Nhiệm vụ thời gian tới"  # the heading line opens item 2.1
    assert paths["2.2. Công an"] == "2. Nhiệm vụ thời gian tới"


def test_closing_paragraph_after_the_last_item_leaves_the_item() -> None:
    sections = tree(CONCLUSION)
    assert outline(sections)[-3:] == ["3. Văn", "  ", "Thường trực"]
    assert sections_of(CONCLUSION)["Thường trực Tỉnh"] == ""
    # under a heading, the closing paragraph stays under that heading, apart from the last item
    letter = "6. Tổ chức thực hiện\n6.1. Các trường đăng ký dự thi.\n6.2. Các trường nộp lệ phí.\n" + (
        "Mọi vướng mắc, đề nghị liên hệ Phòng Giáo dục.\nSở yêu cầu các đơn vị thực hiện nghiêm túc./.\n"
    )
    assert outline(tree(letter)) == ["6. Tổ", "  6.1. Các", "  6.2. Các", "  Mọi vướng", "  Sở yêu"]


def test_a_paragraph_between_items_and_an_articles_last_paragraph_stay_where_they_are() -> None:
    middle = "1. Sở Tài chính bố trí kinh phí.\nKinh phí lấy từ nguồn sự nghiệp.\n2. Sở Y tế kiểm tra.\n"
    assert outline(tree(middle)) == ["1. Sở", "  ", "    Kinh phí", "2. Sở", "  "]
    decision = (
        "Điều 2. Quyết định có hiệu lực từ ngày ký.\n"
        "Chánh Văn phòng và các sở chịu trách nhiệm thi hành Quyết định này./.\n"
    )
    assert sections_of(decision) == {"Điều 2. Quyết": "Điều 2. Quyết định có hiệu lực từ ngày ký"}


def test_an_article_number_alone_on_its_line_is_the_heading_of_the_paragraphs_under_it() -> None:
    decision = "Điều 3.\nQuyết định này có hiệu lực từ ngày ký.\n"
    assert sections_of(decision) == {"Điều 3. Quyết": "Điều 3."}
