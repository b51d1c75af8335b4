"""Cleaning raw copies of directives: wrapped lines, page noise, markup, footnotes, header cells, glue."""

from __future__ import annotations

import unicodedata

from indexer.cleaning import clean
from indexer.normalize import match_key

# A PDF copy: lines wrapped at ~80 characters, a page number between two pages, a running header.
WRAPPED = """\
TỈNH ỦY ĐẮK LẮK
II. NHIỆM VỤ TRỌNG TÂM
2.4. Triển khai thực hiện hiệu quả các nghị quyết, chỉ thị, kết luận của Đảng về
một số giải pháp đột phá nhằm tăng cường bảo vệ, chăm sóc và nâng cao sức khỏe
Nhân dân
- UBND tỉnh lãnh đạo, chỉ đạo các sở, ngành, địa phương tập trung củng cố hệ
thống y tế, nâng cao chất lượng khám, chữa bệnh, đáp ứng tốt nhu cầu của Nhân dân;
triển khai thực hiện hiệu quả Chương trình hành động số 05-CTr/TU, ngày 10/12/2025
của Ban Thường vụ Tỉnh ủy về thực hiện Nghị quyết số 72-NQ/TW, ngày 09/9/2025


4
TỈNH ỦY ĐẮK LẮK
của Bộ Chính trị về một số giải pháp đột phá nhằm tăng cường bảo vệ, chăm sóc và
nâng cao sức khỏe Nhân dân.
- Nâng cao năng lực y tế cơ sở và y tế dự phòng; từng bước hiện đại hóa hệ thống
bệnh viện theo hướng phát triển kỹ thuật cao, mở rộng các chuyên khoa sâu; đẩy mạnh
ứng dụng công nghệ thông tin, triển khai đồng bộ hồ sơ sức khỏe điện tử.
5
TỈNH ỦY ĐẮK LẮK
- Hướng dẫn, đôn đốc cấp ủy quán triệt, phổ biến Chỉ thị 07-
CT/TU của Ban Thường vụ Tỉnh ủy; chủ trì, phối hợp các cơ quan, đơn vị có liên quan
tham mưu Ban Thường vụ Đảng ủy lãnh đạo, chỉ đạo việc triển khai thực hiện Chỉ thị.
"""


def _lines(text: str) -> list[str]:
    return text.split("\n")


def test_wrapped_lines_are_joined_and_list_breaks_kept() -> None:
    lines = _lines(clean(WRAPPED).text)
    assert lines[1] == "II. NHIỆM VỤ TRỌNG TÂM"
    # a heading broken over three lines is one line again
    assert lines[2] == (
        "2.4. Triển khai thực hiện hiệu quả các nghị quyết, chỉ thị, kết luận của Đảng về một số giải pháp "
        "đột phá nhằm tăng cường bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân"
    )
    assert [line[:2] for line in lines[3:]] == ["- ", "- ", "- "]
    assert lines[3].endswith("nâng cao sức khỏe Nhân dân.")


def test_page_numbers_and_running_headers_disappear_without_breaking_the_sentence() -> None:
    text = clean(WRAPPED).text
    assert "ngày 09/9/2025 của Bộ Chính trị" in text
    assert text.count("TỈNH ỦY ĐẮK LẮK") == 1
    assert not any(line.strip().isdigit() for line in _lines(text))


def test_hyphen_wrapped_document_number_joins_without_a_space() -> None:
    assert "Chỉ thị 07-CT/TU của Ban Thường vụ" in clean(WRAPPED).text


def test_double_spaced_copy_rejoins_too() -> None:
    raw = (
        "Thực hiện Nghị quyết số 02-NQ/TU ngày 24/10/2025 của Ban Chấp hành \n\n"
        "Đảng bộ tỉnh về phương hướng, nhiệm vụ trọng tâm quý IV/2025 và một số nội \n\n"
        "dung khác theo thẩm quyền; căn cứ ý kiến chỉ đạo của Ban Thường vụ Đảng uỷ \n\n"
        "UBND tỉnh tại Công văn số 605-CV/ĐU ngày 04/11/2025 về việc triển khai \n\n"
        "thực hiện Nghị quyết nêu trên, UBND tỉnh ban hành Kế hoạch triển khai thực \n\n"
        "hiện Nghị quyết với các nội dung cụ thể sau: \n\n"
        "I. MỤC ĐÍCH, YÊU CẦU \n\n"
        "1. Mục đích: \n\n"
        "- Cụ thể hóa và triển khai đồng bộ, hiệu quả các nhiệm vụ, giải pháp được \n\n"
        "nêu trong Nghị quyết số 02-NQ/TU của Ban Chấp hành Đảng bộ tỉnh. \n\n"
    )
    lines = _lines(clean(raw).text)
    assert len(lines) == 4
    assert lines[0].startswith("Thực hiện") and lines[0].endswith("cụ thể sau:")
    assert lines[1:3] == ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích:"]


def test_markup_and_separators_are_dropped() -> None:
    raw = (
        "**KẾT LUẬN PHIÊN HỌP\nTHỨ NHẤT**\n-----\n- Gửi về Văn phòng **trước 11h00, ngày 11/7/2025**.\n"
        "- (*qua Ban Xây dựng Đảng*) báo cáo ***trước ngày 15/7/2025***.\n*\n"
    )
    text = clean(raw).text
    assert "*" not in text and "-----" not in text
    assert "- Gửi về Văn phòng trước 11h00, ngày 11/7/2025." in text
    assert "- (qua Ban Xây dựng Đảng) báo cáo trước ngày 15/7/2025." in text


def test_footnotes_leave_the_running_text_and_keep_their_markers() -> None:
    raw = (
        "Hội nghị có hơn 2.100 đại biểu tham dự¹, do đồng chí Bí thư chủ trì.\n\n"
        "- Nghiên cứu, trình HĐND tỉnh ban hành chính sách hỗ trợ các địa phương, doanh\n\n"
        "¹ Điểm cầu cấp tỉnh: các đồng chí thành viên Ban Chỉ đạo tỉnh.\n\n"
        "Điểm cầu cấp xã: Đồng chí Bí thư Đảng ủy, Chủ tịch UBND xã\n\n"
        "² Lãnh đạo: HĐND tỉnh, Ban Tổ chức Tỉnh ủy.\n\n"
        "nghiệp, hộ kinh doanh trong ứng dụng chuyển đổi số².\n"
    )
    cleaned = clean(raw)
    assert cleaned.text.split("\n") == [
        "Hội nghị có hơn 2.100 đại biểu tham dự¹, do đồng chí Bí thư chủ trì.",
        "- Nghiên cứu, trình HĐND tỉnh ban hành chính sách hỗ trợ các địa phương, doanh nghiệp, "
        "hộ kinh doanh trong ứng dụng chuyển đổi số².",
    ]
    assert [(note.marker, note.text) for note in cleaned.footnotes] == [
        (
            "1",
            "Điểm cầu cấp tỉnh: các đồng chí thành viên Ban Chỉ đạo tỉnh.\n"
            "Điểm cầu cấp xã: Đồng chí Bí thư Đảng ủy, Chủ tịch UBND xã",
        ),
        ("2", "Lãnh đạo: HĐND tỉnh, Ban Tổ chức Tỉnh ủy."),
    ]


def test_lost_footnote_markers_and_replacement_characters() -> None:
    raw = (
        "1. Phối hợp theo Quyết định số 238-QĐ/TW của Ban Bí thư.\n---------\n\n"
        "\ufffd Quyết định số 238-QĐ/TW, ngày 30/9/2020 của Ban Bí thư.\n\n"
        "\ufffd Dự kiến ban hành năm 2026.\n"
    )
    cleaned = clean(raw)
    assert "\ufffd" not in cleaned.text and "Dự kiến" not in cleaned.text
    assert [n.marker for n in cleaned.footnotes] == ["1", "2"]
    assert cleaned.footnotes[1].text == "Dự kiến ban hành năm 2026."


def test_header_cells_split_at_table_pipes_but_data_rows_stay() -> None:
    raw = (
        "| TỈNH ỦY CAO BẰNG | ĐẢNG CỘNG SẢN VIỆT NAM |\n|---|---|\n"
        "| Số 12-HD/BTGDVTU | Cao Bằng, ngày 31 tháng 12 năm 2025 |\n"
        "HƯỚNG DẪN\n| 1 | Sơ kết Chỉ thị số 06-CT/TW | Quý II |\n"
    )
    lines = _lines(clean(raw).text)
    assert lines == [
        "TỈNH ỦY CAO BẰNG",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số 12-HD/BTGDVTU",
        "Cao Bằng, ngày 31 tháng 12 năm 2025",
        "HƯỚNG DẪN",
        "1 | Sơ kết Chỉ thị số 06-CT/TW | Quý II",
    ]


def test_glued_words_are_split_but_brand_names_stay() -> None:
    raw = "Ban Tuyên giáo Tỉnh ủyĐắk Lắk ban hành Kế hoạch số07-KH/TU ngày10/7/2025.Trong đó, dùng TikTok."
    assert clean(raw).text == (
        "Ban Tuyên giáo Tỉnh ủy Đắk Lắk ban hành Kế hoạch số 07-KH/TU ngày 10/7/2025. Trong đó, dùng TikTok."
    )


def test_output_is_nfc_and_keeps_the_original_tone_placement() -> None:
    raw = unicodedata.normalize("NFD", "Tỉnh uỷ chỉ đạo giữ hoà khí, khoẻ mạnh.")
    text = clean(raw).text
    assert unicodedata.is_normalized("NFC", text)
    assert text == "Tỉnh uỷ chỉ đạo giữ hoà khí, khoẻ mạnh."  # display keeps the writer's form
    assert match_key(text) == match_key("Tỉnh ủy chỉ đạo giữ hòa khí, khỏe mạnh.")


def test_document_numbers_with_mixed_case_codes_are_not_split() -> None:
    text = clean("Căn cứ Công văn số 1024/BGDĐT-GDTrH ngày 10/3/2025 của Bộ Giáo dục và Đào tạo.\n").text
    assert "1024/BGDĐT-GDTrH" in text


def test_header_names_and_mottos_broken_in_narrow_cells_are_joined_but_two_names_stay_apart() -> None:
    raw = (
        "UBND TỈNH HÀ\nTĨNH\nSỞ NÔNG NGHIỆP VÀ\nMÔI TRƯỜNG\nSố: 52/SNNMT-KH\n"
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "THÔNG BÁO\nKẾT LUẬN CỦA GIÁM ĐỐC SỞ\n"
    )
    assert _lines(clean(raw).text) == [
        "UBND TỈNH HÀ TĨNH",
        "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
        "Số: 52/SNNMT-KH",
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "THÔNG BÁO",  # a type line keeps its own line
        "KẾT LUẬN CỦA GIÁM ĐỐC SỞ",
    ]


def test_a_period_wrapped_to_the_line_start_is_not_a_heading() -> None:
    raw = (
        "2.5. Sở Tài chính tổng hợp, báo cáo kết quả thực hiện trong quý\nIII/2026.\n"
        "2.6. Sở Xây dựng hoàn thành việc rà soát trong quý\nIII-IV/2026; báo cáo UBND tỉnh.\n"
    )
    assert _lines(clean(raw).text) == [
        "2.5. Sở Tài chính tổng hợp, báo cáo kết quả thực hiện trong quý III/2026.",
        "2.6. Sở Xây dựng hoàn thành việc rà soát trong quý III-IV/2026; báo cáo UBND tỉnh.",
    ]


def test_a_number_after_a_date_word_continues_unless_it_is_the_next_item() -> None:
    raw = (
        "1. Mục đích\n2. Chuyển đổi số\n3. Cải cách hành chính\n"
        "Các sở hoàn thành việc kiểm tra trước tháng\n12. Đồng thời báo cáo kết quả.\n"
    )
    assert _lines(clean(raw).text) == [
        "1. Mục đích",
        "2. Chuyển đổi số",  # "… số" then "3." - the next item of the list, not a continuation
        "3. Cải cách hành chính",
        "Các sở hoàn thành việc kiểm tra trước tháng 12. Đồng thời báo cáo kết quả.",
    ]


def test_two_lower_case_syllables_glued_by_a_lost_space_are_split() -> None:
    raw = (
        "Các sở tổ chức thực hiện kế hoạch.\n"
        "- Sở Nội vụ chủ trì tổchức hội nghị; các huyện triển khai thựchiện nghiêm túc.\n"
        "- Giữ nguyên KH&CN, GD&ĐT, 1024/BGDĐT-GDTrH, TCCS, online và zalo.\n"
    )
    lines = _lines(clean(raw).text)
    assert lines[1] == "- Sở Nội vụ chủ trì tổ chức hội nghị; các huyện triển khai thực hiện nghiêm túc."
    assert lines[2] == "- Giữ nguyên KH&CN, GD&ĐT, 1024/BGDĐT-GDTrH, TCCS, online và zalo."


def test_a_glued_pair_that_splits_two_ways_stays_whole_without_the_document_to_decide() -> None:
    # "thựchiện" is "thự|chiện" or "thực|hiện" by structure alone; nothing else in this text tells
    assert clean("Các đơn vị thựchiện nghiêm túc.\n").text == "Các đơn vị thựchiện nghiêm túc."


def test_a_lone_type_word_or_stamp_in_capitals_keeps_its_own_line() -> None:
    lines = ["QUỐC HỘI", "LUẬT", "SỞ Y TẾ HÀ NỘI", "KHẨN"]
    assert _lines(clean("\n".join(lines)).text) == lines
