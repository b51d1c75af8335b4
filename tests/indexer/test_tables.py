"""Task tables (tab- or pipe-separated rows, Word tables) become one labelled line per row; others stay."""

from __future__ import annotations

from pathlib import Path

from indexer.cleaning import clean
from indexer.ingest import ingest_bytes
from indexer.loaders import load_file
from indexer.tables import find_table, is_label, render_row, rewrite_tables, split_cells
from tests.indexer.docfiles import docx_table_file

_TITLE = """\
PHỤ LỤC
DANH MỤC NHIỆM VỤ TRỌNG TÂM NĂM 2027
(Kèm theo Kế hoạch số 77/KH-UBND ngày 02/3/2027 của UBND tỉnh Hòa Bình Xanh)

"""
_ROWS = (
    ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"),
    (
        "1",
        "Xây dựng đề án chuyển đổi số trong thư viện tỉnh",
        "Sở Văn hóa và Thể thao",
        "Sở Khoa học và Công nghệ",
        "Quý II/2027",
    ),
    ("2", "Rà soát quy hoạch mạng lưới trường mầm non", "Sở Giáo dục và Đào tạo", "", "Tháng 9/2027"),
    (
        "3",
        "Bộ tiêu chí chấm điểm cải cách hành chính cấp xã",
        "Sở Nội vụ",
        "Văn phòng UBND tỉnh; UBND các xã, phường",
        "Tháng 12/2027",
    ),
)
# a task table as a copy from Word gives it: one row per line, a tab between cells
TAB_TABLE = _TITLE + "".join("\t".join(row) + "\n" for row in _ROWS)


def words(text: str) -> int:
    return len(text.split())


def test_each_row_of_a_tab_table_becomes_one_item_naming_its_cells() -> None:
    lines = rewrite_tables(TAB_TABLE.split("\n"))
    assert lines[:4] == TAB_TABLE.split("\n")[:4]  # the text before the table is untouched
    assert lines[4:7] == [
        "- 1. Xây dựng đề án chuyển đổi số trong thư viện tỉnh. Cơ quan chủ trì: Sở Văn hóa và Thể thao. "
        "Cơ quan phối hợp: Sở Khoa học và Công nghệ. Thời gian hoàn thành: Quý II/2027.",
        # the empty "Cơ quan phối hợp" cell is left out
        "- 2. Rà soát quy hoạch mạng lưới trường mầm non. Cơ quan chủ trì: Sở Giáo dục và Đào tạo. "
        "Thời gian hoàn thành: Tháng 9/2027.",
        "- 3. Bộ tiêu chí chấm điểm cải cách hành chính cấp xã. Cơ quan chủ trì: Sở Nội vụ. "
        "Cơ quan phối hợp: Văn phòng UBND tỉnh; UBND các xã, phường. Thời gian hoàn thành: Tháng 12/2027.",
    ]
    assert not any("Nhiệm vụ\t" in line or line.startswith("TT") for line in lines)  # the header row goes


def test_pipe_table_with_rule_bold_labels_and_outer_pipes() -> None:
    raw = [
        "| **STT** | **Nội dung công việc** | **Đơn vị thực hiện** | **Thời hạn** |",
        "| --- | --- | --- | --- |",
        "| 1 | Tổ chức hội nghị sơ kết | Ban Tuyên giáo | 30/6/2027 |",
        "| 2 | In ấn tài liệu tuyên truyền | Trung tâm Văn hóa | Tháng 5/2027 |",
        "Các đơn vị báo cáo kết quả về Ban Thường vụ.",
    ]
    assert rewrite_tables(raw) == [
        "- 1. Tổ chức hội nghị sơ kết. Đơn vị thực hiện: Ban Tuyên giáo. Thời hạn: 30/6/2027.",
        "- 2. In ấn tài liệu tuyên truyền. Đơn vị thực hiện: Trung tâm Văn hóa. Thời hạn: Tháng 5/2027.",
        "",
        "Các đơn vị báo cáo kết quả về Ban Thường vụ.",
    ]


def test_cells_wrapped_onto_continuation_lines_join_their_row() -> None:
    raw = [
        "| TT | Nhiệm vụ | Chủ trì | Phối hợp |",
        "|---|---|---|---|",
        "| 1 | Xây dựng cơ sở dữ liệu | Sở Tài chính | Sở Nội vụ; |",
        "|   | đất đai dùng chung | | Thuế tỉnh |",
        "| 2 | Số hóa hồ sơ | Sở Tư pháp | Công an tỉnh |",
        "lưu trữ giai đoạn 2027 - 2028",
    ]
    assert rewrite_tables(raw) == [
        "- 1. Xây dựng cơ sở dữ liệu đất đai dùng chung. Chủ trì: Sở Tài chính. "
        "Phối hợp: Sở Nội vụ; Thuế tỉnh.",
        "- 2. Số hóa hồ sơ lưu trữ giai đoạn 2027 - 2028. Chủ trì: Sở Tư pháp. Phối hợp: Công an tỉnh.",
    ]


def test_a_plain_line_between_two_rows_continues_the_task_text() -> None:
    raw = [
        "TT\tNhiệm vụ\tChủ trì\tThời hạn",
        "1\tXây dựng kế hoạch\tSở Y tế\tQuý I/2027",
        "Tuyên truyền phòng chống dịch",
        "2\tTập huấn cán bộ\tSở Y tế\tQuý II/2027",
    ]
    assert rewrite_tables(raw)[0] == (
        "- 1. Xây dựng kế hoạch Tuyên truyền phòng chống dịch. Chủ trì: Sở Y tế. Thời hạn: Quý I/2027."
    )


def test_trailing_empty_cell_short_row_repeated_header_and_page_number_are_tolerated() -> None:
    raw = [
        "STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm\t",
        "1\tKhảo sát hiện trạng\tSở Xây dựng\tUBND các xã\tBáo cáo\t",
        "2\tLập danh mục dự án\tSở Tài chính\t\tDanh mục",
        "",
        "4",
        "Stt\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tSản phẩm",
        "3\tTrình phê duyệt\tSở Tài chính\tSở Xây dựng",  # the empty last cell lost its tab
    ]
    assert rewrite_tables(raw) == [
        "- 1. Khảo sát hiện trạng. Cơ quan chủ trì: Sở Xây dựng. Cơ quan phối hợp: UBND các xã. "
        "Sản phẩm: Báo cáo.",
        "- 2. Lập danh mục dự án. Cơ quan chủ trì: Sở Tài chính. Sản phẩm: Danh mục.",
        "- 3. Trình phê duyệt. Cơ quan chủ trì: Sở Tài chính. Cơ quan phối hợp: Sở Xây dựng.",
    ]


def test_the_header_of_a_second_table_starts_a_new_table() -> None:
    raw = [
        "| STT | Nhiệm vụ | Chủ trì | Phối hợp |",
        "| 1 | Lập kế hoạch | Sở Y tế | Sở Tài chính |",
        "| 2 | Tập huấn | Sở Y tế | Sở Nội vụ |",
        "| STT | Đơn vị | Số lượng | Ghi chú |",
        "| 1 | Xã An Hòa | Hai đội | Đủ |",
        "| 2 | Xã Bình Minh | Ba đội | Thiếu |",
    ]
    assert rewrite_tables(raw) == [
        "- 1. Lập kế hoạch. Chủ trì: Sở Y tế. Phối hợp: Sở Tài chính.",
        "- 2. Tập huấn. Chủ trì: Sở Y tế. Phối hợp: Sở Nội vụ.",
        "",
        "- 1. Xã An Hòa. Số lượng: Hai đội. Ghi chú: Đủ.",
        "- 2. Xã Bình Minh. Số lượng: Ba đội. Ghi chú: Thiếu.",
    ]


def test_a_pipe_row_short_of_a_cell_ends_the_table_for_no_label_can_be_trusted() -> None:
    raw = [
        "| STT | Nhiệm vụ | Chủ trì | Phối hợp |",
        "| 1 | Lập kế hoạch | Sở Y tế | Sở Tài chính |",
        "| 2 | Tập huấn | Sở Y tế | Sở Nội vụ |",
        "3 | Kiểm tra | Sở Y tế",  # a Word row read without its empty cell: which one is unknown
    ]
    rewritten = rewrite_tables(raw)
    assert len(rewritten) == 4 and rewritten[2:] == ["", raw[3]]  # left for the cleaner as it was


def test_roman_group_rows_become_headings_and_capital_labels_sentence_case() -> None:
    raw = [
        "TT\tNỘI DUNG\tĐƠN VỊ CHỦ TRÌ\tTHỜI GIAN",
        "I\tNHÓM NHIỆM VỤ VỀ THỂ CHẾ",
        "1\tBan hành quy chế phối hợp\tSở Nội vụ\tQuý III/2027",
        "II\tNHÓM NHIỆM VỤ VỀ HẠ TẦNG\t\t",
        "1\tNâng cấp trung tâm dữ liệu\tSở Khoa học và Công nghệ\tNăm 2028",
    ]
    assert rewrite_tables(raw) == [
        "I. NHÓM NHIỆM VỤ VỀ THỂ CHẾ",
        "- 1. Ban hành quy chế phối hợp. Đơn vị chủ trì: Sở Nội vụ. Thời gian: Quý III/2027.",
        "II. NHÓM NHIỆM VỤ VỀ HẠ TẦNG",
        "- 1. Nâng cấp trung tâm dữ liệu. Đơn vị chủ trì: Sở Khoa học và Công nghệ. Thời gian: Năm 2028.",
    ]


def test_table_without_a_number_column_leads_with_its_first_column() -> None:
    raw = [
        "Nhiệm vụ | Cơ quan chủ trì | Thời hạn",
        "Kiểm tra an toàn thực phẩm | Sở Y tế | Tháng 1/2027",
        "| | | |",  # a row of empty cells says nothing
        "Kiểm tra giá cả thị trường | Sở Công Thương | Tháng 2/2027",
    ]
    assert rewrite_tables(raw) == [
        "- Kiểm tra an toàn thực phẩm. Cơ quan chủ trì: Sở Y tế. Thời hạn: Tháng 1/2027.",
        "- Kiểm tra giá cả thị trường. Cơ quan chủ trì: Sở Công Thương. Thời hạn: Tháng 2/2027.",
    ]


HEADER_AND_SIGNATURE = """\
ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÒA BÌNH XANH\tĐộc lập - Tự do - Hạnh phúc
Số: 77/KH-UBND\tHòa Bình Xanh, ngày 02 tháng 3 năm 2027
| UBND TỈNH HÒA BÌNH XANH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | |
| SỞ NỘI VỤ | Độc lập - Tự do - Hạnh phúc | |
| Số: 12/SNV | ngày 02 tháng 3 năm 2027 | |
Nơi nhận:\t\t\t\tT/M ĐẢNG ỦY
- Ban Thường vụ Tỉnh ủy (b/c),\t\t\t\tBÍ THƯ
- Lưu Văn phòng.\t\t\t\tNguyễn Văn Bình
Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\t
- Như trên;\tKT. CHỦ TỊCH\t
- Lưu: VT.\tPHÓ CHỦ TỊCH\t
"""


def test_header_and_signature_blocks_in_columns_are_not_rewritten() -> None:
    lines = HEADER_AND_SIGNATURE.split("\n")
    assert rewrite_tables(lines) == lines


def test_three_signatures_side_by_side_are_not_a_task_table() -> None:
    lines = [
        "TRƯỞNG BAN\tPHÓ TRƯỞNG BAN\tỦY VIÊN",
        "(Đã ký)\t(Đã ký)\t(Đã ký)",
        "Nguyễn Văn An\tTrần Thị Bình\tLê Văn Cường",
    ]
    assert rewrite_tables(lines) == lines


def test_tables_short_of_columns_rows_or_labels_stay() -> None:
    one_row = ["TT\tNhiệm vụ\tChủ trì", "1\tLập kế hoạch\tSở Y tế", "Các sở thực hiện."]
    two_columns = ["Nhiệm vụ\tChủ trì", "Lập kế hoạch\tSở Y tế", "Tập huấn\tSở Nội vụ"]
    figures = ["Chỉ tiêu\tNăm 2026\tNăm 2027", "Doanh nghiệp mới\t1.500\t1.800", "Hợp tác xã\t40\t55"]
    for lines in (one_row, two_columns, figures):
        assert rewrite_tables(lines) == lines


def test_labels_are_short_words_without_digits_or_sentence_marks() -> None:
    assert is_label("Cơ quan chủ trì") and is_label("STT") and is_label("Kinh phí (triệu đồng)")
    assert not is_label("Nơi nhận:") and not is_label("TM. ỦY BAN NHÂN DÂN") and not is_label("Năm 2026")
    assert not is_label("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") and not is_label("T/M ĐẢNG ỦY")
    assert not is_label("")


def test_a_label_may_hold_a_number_inside_three_words_or_more() -> None:
    assert is_label("Diện tích thiệt hại trên 70% (ha)") and is_label("Diện tích chè đến năm 2030 (ha)")
    assert not is_label("08h00 ngày 05/12/2026") and not is_label("Năm 2026") and not is_label("2.450")
    table = ["| STT | Đơn vị | Số hộ (hộ) | Diện tích thiệt hại trên 70% (ha) | Kinh phí (triệu đồng) |",
             "|---|---|---|---|---|",
             "| 1 | Huyện Cư Jút | 412 | 286,4 | 2.864 |",
             "| 2 | Huyện Krông Nô | 538 | 371,2 | 3.712 |"]
    assert rewrite_tables(table)[1] == ("- 2. Huyện Krông Nô. Số hộ (hộ): 538. Diện tích thiệt hại trên 70% "
                                        "(ha): 371,2. Kinh phí (triệu đồng): 3.712.")


def test_split_cells_and_find_table_report_the_table_span() -> None:
    assert split_cells("| 1 | Lập kế hoạch |") == ("|", ["1", "Lập kế hoạch"])
    assert split_cells("1\tLập <br> kế hoạch\t") == ("\t", ["1", "Lập kế hoạch", ""])
    assert split_cells("Không có ô nào") is None
    lines = TAB_TABLE.split("\n")
    table = find_table(lines, 4)
    assert table is not None and (table.start, table.end, len(table.rows)) == (4, 8, 3)
    assert find_table(lines, 0) is None


def test_render_row_closes_each_value_with_one_full_stop() -> None:
    labels = ("TT", "Nhiệm vụ", "Chủ trì", "Phối hợp")
    assert render_row(labels, ("2.1", "Rà soát văn bản.", "Sở Tư pháp;", ""), True) == (
        "- 2.1. Rà soát văn bản. Chủ trì: Sở Tư pháp."
    )
    assert render_row(labels, ("3", "", "Sở Y tế", ""), True) == "- 3. Chủ trì: Sở Y tế."
    total = ("Tổng cộng", "", "", "12 nhiệm vụ")  # a word in the number column joins the text
    assert render_row(labels, total, True) == "- Tổng cộng. Phối hợp: 12 nhiệm vụ."


def test_cleaned_text_keeps_each_row_on_its_own_line_and_the_text_after_apart() -> None:
    raw = TAB_TABLE + "Tổng hợp kết quả gửi Sở Tài chính trước ngày 15/12/2027.\n"
    text = clean(raw).text
    rows = [line for line in text.split("\n") if line.startswith("- ")]
    assert len(rows) == 3 and rows[2].endswith("Thời gian hoàn thành: Tháng 12/2027.")
    assert text.split("\n")[-1] == "Tổng hợp kết quả gửi Sở Tài chính trước ngày 15/12/2027."


def test_each_row_is_its_own_passage_under_the_appendix_heading() -> None:
    raw = "KẾ HOẠCH\nI. MỤC ĐÍCH\n1. Nâng cao chất lượng phục vụ người dân.\n" + TAB_TABLE
    document = ingest_bytes("kh.txt", raw.encode(), words, 200)
    rows = [c for c in document.chunks if "Cơ quan chủ trì:" in c.text]
    assert len(rows) == 3
    assert all(c.section.startswith("PHỤ LỤC") for c in rows)
    assert rows[1].text.startswith("- 2. Rà soát quy hoạch mạng lưới trường mầm non.")


_DOCX_HEADER = ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn")


def cleaned_docx_lines(path: Path) -> list[str]:
    return clean(load_file(path).text).text.split("\n")


def test_docx_row_with_an_empty_cell_names_no_empty_label(tmp_path: Path) -> None:
    path = docx_table_file(
        tmp_path / "kh.docx",
        [
            _DOCX_HEADER,
            ("1", "Xây dựng kế hoạch số hóa", "Sở Nội vụ", "", "Quý I/2027"),
            ("2", "Kiểm tra việc thực hiện", "Văn phòng UBND tỉnh", "Sở Tư pháp", ""),
        ],
    )
    assert cleaned_docx_lines(path) == [
        "PHỤ LỤC",
        # the deadline keeps its own label although the cell before it is empty
        "- 1. Xây dựng kế hoạch số hóa. Cơ quan chủ trì: Sở Nội vụ. Thời hạn: Quý I/2027.",
        "- 2. Kiểm tra việc thực hiện. Cơ quan chủ trì: Văn phòng UBND tỉnh. Cơ quan phối hợp: Sở Tư pháp.",
    ]


def test_docx_cell_of_two_paragraphs_reads_as_one_value(tmp_path: Path) -> None:
    path = docx_table_file(
        tmp_path / "kh.docx",
        [
            _DOCX_HEADER,
            ("1", "Tổ chức hội nghị:\ntập huấn cán bộ", "Sở Nội vụ", "Sở Tài chính\nUBND các xã", "Quý II"),
            ("2", "Tổng kết", "Sở Nội vụ", "Các sở, ngành;\nUBND các xã", "Tháng 12/2027"),
        ],
    )
    assert cleaned_docx_lines(path) == [
        "PHỤ LỤC",
        "- 1. Tổ chức hội nghị: tập huấn cán bộ. Cơ quan chủ trì: Sở Nội vụ. "
        "Cơ quan phối hợp: Sở Tài chính; UBND các xã. Thời hạn: Quý II.",
        "- 2. Tổng kết. Cơ quan chủ trì: Sở Nội vụ. Cơ quan phối hợp: Các sở, ngành; UBND các xã. "
        "Thời hạn: Tháng 12/2027.",
    ]


def test_docx_group_heading_rows_merged_across_the_table_stay_headings(tmp_path: Path) -> None:
    path = docx_table_file(
        tmp_path / "kh.docx",
        [
            _DOCX_HEADER,
            ("I. NHÓM NHIỆM VỤ VỀ THỂ CHẾ", "", "", "", ""),
            ("1", "Ban hành quy chế phối hợp", "Sở Nội vụ", "Sở Tư pháp", "Quý III/2027"),
            ("2", "Rà soát văn bản", "Sở Tư pháp", "", "Quý IV/2027"),
            ("NHÓM NHIỆM VỤ VỀ HẠ TẦNG", "", "", "", ""),  # no number, in capitals
            ("1", "Nâng cấp trung tâm dữ liệu", "Sở Khoa học và Công nghệ", "", "Năm 2028"),
            ("III", "NHÓM NHIỆM VỤ VỀ NHÂN LỰC", "", "", ""),  # the number cell apart, the title merged
            ("1", "Đào tạo kỹ năng số", "Sở Nội vụ", "", "Năm 2028"),
        ],
        merges=[((1, 0), (1, 4)), ((4, 0), (4, 4)), ((6, 1), (6, 4))],
    )
    assert cleaned_docx_lines(path) == [
        "PHỤ LỤC",
        "I. NHÓM NHIỆM VỤ VỀ THỂ CHẾ",
        "- 1. Ban hành quy chế phối hợp. Cơ quan chủ trì: Sở Nội vụ. Cơ quan phối hợp: Sở Tư pháp. "
        "Thời hạn: Quý III/2027.",
        "- 2. Rà soát văn bản. Cơ quan chủ trì: Sở Tư pháp. Thời hạn: Quý IV/2027.",
        "NHÓM NHIỆM VỤ VỀ HẠ TẦNG",
        "- 1. Nâng cấp trung tâm dữ liệu. Cơ quan chủ trì: Sở Khoa học và Công nghệ. Thời hạn: Năm 2028.",
        "III. NHÓM NHIỆM VỤ VỀ NHÂN LỰC",
        "- 1. Đào tạo kỹ năng số. Cơ quan chủ trì: Sở Nội vụ. Thời hạn: Năm 2028.",
    ]


def test_docx_lead_agency_merged_down_rows_is_named_in_each_row(tmp_path: Path) -> None:
    path = docx_table_file(
        tmp_path / "kh.docx",
        [
            _DOCX_HEADER,
            ("1", "Lập danh mục dự án", "Sở Tài chính", "Sở Xây dựng", "Quý I/2027"),
            ("2", "Thẩm định nguồn vốn", "", "Kho bạc Nhà nước", "Quý II/2027"),
            ("3", "Giao kế hoạch vốn", "", "", "Quý III/2027"),
        ],
        merges=[((1, 2), (3, 2))],
    )
    assert cleaned_docx_lines(path) == [
        "PHỤ LỤC",
        "- 1. Lập danh mục dự án. Cơ quan chủ trì: Sở Tài chính. Cơ quan phối hợp: Sở Xây dựng. "
        "Thời hạn: Quý I/2027.",
        "- 2. Thẩm định nguồn vốn. Cơ quan chủ trì: Sở Tài chính. Cơ quan phối hợp: Kho bạc Nhà nước. "
        "Thời hạn: Quý II/2027.",
        "- 3. Giao kế hoạch vốn. Cơ quan chủ trì: Sở Tài chính. Thời hạn: Quý III/2027.",
    ]


def test_a_plain_line_right_under_the_header_titles_the_rows_below_it() -> None:
    raw = [
        "| TT | Nhiệm vụ | Chủ trì | Thời hạn |",
        "Nhóm nhiệm vụ thường xuyên",
        "| 1 | Báo cáo định kỳ | Sở Nội vụ | Hằng quý |",
        "| 2 | Cập nhật dữ liệu | Sở Tư pháp | Hằng tháng |",
    ]
    assert rewrite_tables(raw) == [
        "Nhóm nhiệm vụ thường xuyên",
        "- 1. Báo cáo định kỳ. Chủ trì: Sở Nội vụ. Thời hạn: Hằng quý.",
        "- 2. Cập nhật dữ liệu. Chủ trì: Sở Tư pháp. Thời hạn: Hằng tháng.",
    ]


def test_capitals_after_a_task_row_title_a_group_but_after_a_group_title_go_on_with_it() -> None:
    raw = [
        "TT\tNỘI DUNG\tĐƠN VỊ CHỦ TRÌ\tTHỜI GIAN",
        "I\tNHÓM NHIỆM VỤ VỀ",
        "THỂ CHẾ",  # the group title wrapped
        "1\tBan hành quy chế phối hợp\tSở Nội vụ\tQuý III/2027",
        "NHÓM NHIỆM VỤ VỀ HẠ TẦNG",  # a group title of its own
        "1\tNâng cấp trung tâm dữ liệu\tSở Khoa học và Công nghệ\tNăm 2028",
        "\tB. Nhiệm vụ về vốn của\t\t",  # a marked title in the task column, its number cell empty
        "ngân sách tỉnh",  # wrapped onto the next line
        "1\tPhân bổ vốn\tSở Tài chính\tQuý I/2028",
    ]
    assert rewrite_tables(raw) == [
        "I. NHÓM NHIỆM VỤ VỀ THỂ CHẾ",
        "- 1. Ban hành quy chế phối hợp. Đơn vị chủ trì: Sở Nội vụ. Thời gian: Quý III/2027.",
        "NHÓM NHIỆM VỤ VỀ HẠ TẦNG",
        "- 1. Nâng cấp trung tâm dữ liệu. Đơn vị chủ trì: Sở Khoa học và Công nghệ. Thời gian: Năm 2028.",
        "B. Nhiệm vụ về vốn của ngân sách tỉnh",
        "- 1. Phân bổ vốn. Đơn vị chủ trì: Sở Tài chính. Thời gian: Quý I/2028.",
    ]
