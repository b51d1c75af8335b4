"""Metadata of directives: the five demo documents (written by hand from reading them) and genre cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.cleaning import clean
from indexer.metadata import extract_metadata, find_layout
from indexer.model import DocumentMetadata

CORPUS = Path(__file__).resolve().parents[2] / "indexer" / "demo_corpus"


def metadata_of(raw: str) -> DocumentMetadata:
    text = clean(raw).text
    return extract_metadata(text, find_layout(text))


EXPECTED = {
    "000_d4e1942f8233c084.txt": DocumentMetadata(
        doc_type="KẾ HOẠCH",
        number=None,  # the copy has no số hiệu line
        issuer="Ban Thường vụ Đảng ủy UBND tỉnh",  # no header block; the preamble says who issues it
        place=None,
        issued_date=None,  # "ngày 14/01/2026" in the title is the Chỉ thị's date, not this plan's
        # the trích yếu as written, re-joined from three lines, first letter capitalised for display
        title="Triển khai thực hiện Chỉ thị số 07-CT/TU, ngày 14/01/2026 của Ban Thường vụ Tỉnh ủy “về tăng "
        "cường sự lãnh đạo của Đảng đối với công tác khoa giáo trên địa bàn tỉnh”",
        signer_name="Nguyễn Hữu Việt",
        signer_position="T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ",
        recipients=(
            "Ban Thường vụ Tỉnh ủy (báo cáo)",
            "Ban Tuyên giáo và Dân vận Tỉnh ủy (báo cáo)",
            "Thường trực Đảng ủy (báo cáo)",
            "UBND tỉnh (thực hiện)",
            "Các cơ quan tham mưu, giúp việc Đảng ủy (thực hiện)",
            "Cấp ủy các TCCS đảng (thực hiện)",
            "Lưu Văn phòng Đảng ủy (BTGDV)",
        ),
    ),
    "001_e80aa98701cc6a8e.txt": DocumentMetadata(
        doc_type="KẾ HOẠCH",
        number=None,  # "Số - KH/ĐU": left blank
        issuer="Ban Thường vụ Đảng ủy",
        place="Thái Tân",
        issued_date=None,  # "ngày tháng 02 năm 2026": the day is blank
        title="Thực hiện công tác khoa giáo năm 2026",
        signer_name="Mạc Lê Phi",
        signer_position="T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ THƯỜNG TRỰC",
        recipients=(
            "Ban Tuyên giáo và Dân vận Thành ủy (báo cáo)",
            "Thường trực Đảng ủy",
            "UBND xã",
            "Các cơ quan, đơn vị trên địa bàn xã",
            "Lưu Văn phòng Đảng ủy",
        ),
    ),
    "002_6357818ae491ad68.txt": DocumentMetadata(
        doc_type="KẾ HOẠCH",
        number=None,
        issuer="UBND tỉnh",
        place=None,
        issued_date=None,
        title="Triển khai thực hiện Nghị quyết số 02-NQ/TU ngày 24/10/2025 của Ban Chấp hành Đảng bộ tỉnh về "
        "phương hướng, nhiệm vụ trọng tâm quý IV/2025 và một số nội dung khác theo thẩm quyền",
        signer_name="Trương Công Thái",
        signer_position="KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
        recipients=(
            "TTTU, TT HĐND tỉnh (báo cáo)",
            "CT, các PCT UBND tỉnh",
            "Ban Tuyên giáo và Dân vận Tỉnh uỷ",
            "Văn phòng Tỉnh ủy",
            "CVP, các PCVP UBND tỉnh",
            "Các sở, ban, ngành",
            "Các cơ quan TW đóng trên địa bàn tỉnh",
            "UBND các xã, phường",
            "Báo và Phát thanh, Truyền hình tỉnh",
            "Các Phòng, TT thuộc VP UBND tỉnh",
            "Lưu: VT, TH (ĐH.05b)",
        ),
    ),
    "003_5107906df75e0577.txt": DocumentMetadata(
        doc_type="THÔNG BÁO",
        number="01-TB/BCĐ",
        issuer="TỈNH ỦY ĐẮK LẮK / BAN CHỈ ĐẠO VỀ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ "
        "CHUYỂN ĐỔI SỐ TỈNH",
        place="Đăk Lăk",
        issued_date="2025-07-10",
        title="KẾT LUẬN PHIÊN HỌP THỨ NHẤT BAN CHỈ ĐẠO VỀ PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO "
        "VÀ CHUYỂN ĐỔI SỐ TỈNH",
        signer_name="Nguyễn Đình Viên",
        signer_position="CHÁNH VĂN PHÒNG TỈNH ỦY / kiêm",  # the copy lost what follows "kiêm"
        recipients=(
            "Các đồng chí UV BTVTU",
            "Các đồng chí thành viên Ban Chỉ đạo",
            "Đoàn ĐBQH tỉnh, HĐND tỉnh, UBND tỉnh",
            "Các cq tham mưu, giúp việc của Tỉnh ủy",
            "UBMTTQ VN và các tổ chức CT-XH tỉnh",
            "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
            "Văn phòng UBND tỉnh",
            "Các sở, ban, ngành cấp tỉnh và tương đương, Trường Chính trị tỉnh",
            "Các đảng ủy trực thuộc Tỉnh ủy",
            "Lãnh đạo Văn phòng Tỉnh ủy",
            "Lưu Văn phòng Tỉnh ủy (p)",
        ),
    ),
    "004_06463d6869ffcb23.txt": DocumentMetadata(
        doc_type="HƯỚNG DẪN",
        number="12-HD/BTGDVTU",
        issuer="TỈNH UỶ CAO BẰNG / BAN TUYÊN GIÁO VÀ DÂN VẬN",
        place="Cao Bằng",
        issued_date="2025-12-31",
        title="Công tác khoa giáo năm 2026",
        signer_name="Nông Thanh Tùng",
        signer_position="TRƯỞNG BAN",
        recipients=(
            "Ban Tuyên giáo và Dân vận TW (b/c)",
            "Thường trực Tỉnh uỷ (b/c)",
            "Các ngành Khoa giáo",
            "MTTQ và các đoàn thể tỉnh",
            "Các Đảng uỷ trực thuộc Tỉnh uỷ",
            "Ban Xây dựng Đảng Đảng uỷ các xã, phường",
            "Lãnh đạo Ban",
            "Các phòng chuyên môn thuộc Ban",
            "Lưu Ban Tuyên giáo và Dân vận Tỉnh uỷ",
        ),
    ),
}


@pytest.mark.parametrize("source", sorted(EXPECTED))
def test_demo_document_metadata(source: str) -> None:
    assert metadata_of((CORPUS / source).read_text(encoding="utf-8")) == EXPECTED[source]


DECISION = """\
ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
| Độc lập - Tự do - Hạnh phúc
Số: 1234/QĐ-UBND | Quảng Nam, ngày 5 tháng 3 năm 2024
QUYẾT ĐỊNH
Về việc ban hành Quy chế phối hợp
trong công tác chuyển đổi số
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp trong công tác chuyển đổi số.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Nơi nhận:
- Như Điều 2;
- Lưu: VT, KGVX.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
(Đã ký)
Trần Anh Tuấn
"""


def test_decision_with_header_table_pipes() -> None:
    meta = metadata_of(DECISION)
    assert meta == DocumentMetadata(
        doc_type="QUYẾT ĐỊNH",
        number="1234/QĐ-UBND",
        issuer="ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM",
        place="Quảng Nam",
        issued_date="2024-03-05",
        title="Về việc ban hành Quy chế phối hợp trong công tác chuyển đổi số",
        signer_name="Trần Anh Tuấn",
        signer_position="KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
        recipients=("Như Điều 2", "Lưu: VT, KGVX"),
    )


OFFICIAL_LETTER = """\
UBND TỈNH NGHỆ AN
SỞ Y TẾ
Số: 215/SYT-NVY
V/v tăng cường phòng, chống sốt xuất huyết
Nghệ An, ngày 02 tháng 8 năm 2024
Kính gửi:
- Trung tâm Kiểm soát bệnh tật tỉnh;
- Các bệnh viện tuyến tỉnh.
Thực hiện chỉ đạo của UBND tỉnh về phòng, chống dịch bệnh mùa mưa, Sở Y tế đề nghị các đơn vị thực hiện:
1. Giám sát chặt chẽ ca bệnh tại cộng đồng.
2. Báo cáo kết quả trước ngày 30/8/2024.
Nơi nhận:
- Như trên;
- Lưu: VT.
GIÁM ĐỐC
Nguyễn Văn Hùng
"""


def test_official_letter_with_kinh_gui_and_subject_line() -> None:
    text = clean(OFFICIAL_LETTER).text
    layout = find_layout(text)
    meta = extract_metadata(text, layout)
    assert meta.doc_type == "CÔNG VĂN"
    assert meta.number == "215/SYT-NVY"
    assert meta.issuer == "UBND TỈNH NGHỆ AN / SỞ Y TẾ"
    assert meta.title == "Tăng cường phòng, chống sốt xuất huyết"
    assert (meta.place, meta.issued_date) == ("Nghệ An", "2024-08-02")
    assert meta.recipients == (
        "Trung tâm Kiểm soát bệnh tật tỉnh",
        "Các bệnh viện tuyến tỉnh",
        "Như trên",
        "Lưu: VT",
    )
    assert (meta.signer_name, meta.signer_position) == ("Nguyễn Văn Hùng", "GIÁM ĐỐC")
    body = "".join(text[a:b] for a, b in layout.body)
    assert body.startswith("Thực hiện chỉ đạo") and "Kính gửi" not in body and "Nơi nhận" not in body


def test_blank_number_and_blank_day_are_none_never_guessed() -> None:
    meta = metadata_of(
        "Số:     /KH-UBND\nHà Nội, ngày    tháng 5 năm 2025\nKẾ HOẠCH\nphòng chống thiên tai\n"
        "Căn cứ tình hình thực tế, UBND huyện ban hành Kế hoạch như sau:\n1. Mục đích"
    )
    assert (meta.number, meta.place, meta.issued_date) == (None, "Hà Nội", None)
    assert meta.signer_name is None and meta.recipients == ()


def test_old_and_new_tone_placement_give_the_same_structure() -> None:
    old = (
        "TỈNH UỶ HOÀ BÌNH\nSố 3-CT/TU\nHoà Bình, ngày 1 tháng 2 năm 2025\nCHỈ THỊ\nvề chăm sóc sức khoẻ\n"
        "Thực hiện chủ trương của Trung ương, Ban Thường vụ Tỉnh uỷ chỉ thị:\n1. Các cấp uỷ quan tâm.\n"
        "Nơi nhận:\n- Các huyện uỷ.\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\nBùi Văn Tỉnh\n"
    )
    new = (
        old.replace("UỶ", "ỦY")
        .replace("uỷ", "ủy")
        .replace("Hoà", "Hòa")
        .replace("HOÀ", "HÒA")
        .replace("khoẻ", "khỏe")
    )
    a, b = metadata_of(old), metadata_of(new)
    assert a.doc_type == b.doc_type == "CHỈ THỊ"
    assert a.issuer == "TỈNH UỶ HOÀ BÌNH" and b.issuer == "TỈNH ỦY HÒA BÌNH"  # display keeps each form
    assert (a.number, a.place, a.issued_date) == ("3-CT/TU", "Hoà Bình", "2025-02-01")
    assert (b.place, b.signer_position, b.recipients) == (
        "Hòa Bình",
        "T/M BAN THƯỜNG VỤ / BÍ THƯ",
        ("Các huyện ủy",),
    )


def test_number_printed_under_the_type_line_is_not_part_of_the_title() -> None:
    meta = metadata_of(
        "THÔNG BÁO KẾT LUẬN\nSố 88-TB/TU\ncủa Thường trực Tỉnh ủy về khắc phục hậu quả lũ lụt\n"
        "1. Hỗ trợ mỗi hộ gia đình có nhà bị sập đổ hoàn toàn 40 triệu đồng."
    )
    assert (meta.doc_type, meta.number) == ("THÔNG BÁO", "88-TB/TU")
    assert meta.title == "KẾT LUẬN của Thường trực Tỉnh ủy về khắc phục hậu quả lũ lụt"


# --- genre headers, invented: table pipes, names and titles broken over lines, authority lines -------

DECISION_IN_CAPITALS = """\
ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
-------
Số: 77/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Hà Tĩnh, ngày 9 tháng 10 năm 2024
QUYẾT ĐỊNH
VỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC
RÀ SOÁT THỦ TỤC HÀNH CHÍNH
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Xét đề nghị của Giám đốc Sở Nội vụ,
QUYẾT ĐỊNH:
Điều 1. Thành lập Tổ công tác rà soát thủ tục hành chính.
"""


def test_decision_title_in_capitals_stops_at_the_authority_line_which_stays_out_of_the_body() -> None:
    text = clean(DECISION_IN_CAPITALS).text
    layout = find_layout(text)
    meta = extract_metadata(text, layout)
    assert (meta.doc_type, meta.number) == ("QUYẾT ĐỊNH", "77/QĐ-UBND")
    assert meta.issuer == "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH"  # one name printed over two lines
    assert meta.title == "VỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC RÀ SOÁT THỦ TỤC HÀNH CHÍNH"  # capitals as printed
    body = "".join(text[a:b] for a, b in layout.body)
    assert body.startswith("Căn cứ Luật") and "CHỦ TỊCH" not in body


def test_council_resolution_name_and_session_lines_are_header_not_title_or_body() -> None:
    text = clean(
        "HỘI ĐỒNG NHÂN DÂN\nTỈNH LONG AN\nSố: 05/2025/NQ-HĐND\nLong An, ngày 12 tháng 3 năm 2025\n"
        "NGHỊ QUYẾT\nQuy định mức chi hỗ trợ cho lực lượng\nbảo vệ an ninh, trật tự ở cơ sở\n"
        "HỘI ĐỒNG NHÂN DÂN TỈNH LONG AN\nKHÓA X, KỲ HỌP THỨ 20\n"
        "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;\nQUYẾT NGHỊ:\nĐiều 1. Phạm vi điều chỉnh\n"
    ).text
    layout = find_layout(text)
    meta = extract_metadata(text, layout)
    assert meta.issuer == "HỘI ĐỒNG NHÂN DÂN TỈNH LONG AN"
    assert meta.title == "Quy định mức chi hỗ trợ cho lực lượng bảo vệ an ninh, trật tự ở cơ sở"
    assert "".join(text[a:b] for a, b in layout.body).startswith("Căn cứ Luật Ngân sách")


def test_official_letter_in_table_cells_gives_a_clean_issuer_and_subject() -> None:
    meta = metadata_of(
        "UBND TỈNH THANH HÓA | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG | Độc lập - Tự do - Hạnh phúc\n"
        "Số: 3310/SNNMT-TL | Thanh Hóa, ngày 14 tháng 9 năm 2025\n"
        "V/v chủ động ứng phó với | \n\nmưa lũ sau bão số 5 |\n"
        "Kính gửi: Ủy ban nhân dân các xã, phường.\n"
        "Thực hiện Công điện của Chủ tịch UBND tỉnh, Sở Nông nghiệp và Môi trường đề nghị:\n"
        "1. Kiểm tra an toàn hồ đập.\n"
    )
    assert meta.doc_type == "CÔNG VĂN" and meta.number == "3310/SNNMT-TL"
    assert meta.issuer == "UBND TỈNH THANH HÓA / SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"  # no pipe, no motto
    assert meta.title == "Chủ động ứng phó với mưa lũ sau bão số 5"  # the "V/v" cell re-joined
    assert (meta.place, meta.issued_date) == ("Thanh Hóa", "2025-09-14")
    assert meta.recipients == ("Ủy ban nhân dân các xã, phường",)


def test_directive_title_ends_where_the_first_body_sentence_starts() -> None:
    text = clean(
        "ĐẢNG BỘ TỈNH ĐẮK LẮK\nĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH\n*\nSố 15-CT/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Đắk Lắk, ngày 3 tháng 4 năm 2025\nCHỈ THỊ\nvề tăng cường công tác phòng,\nchống lãng phí\n"
        "Thời gian qua, công tác phòng, chống lãng phí đạt nhiều kết quả.\n1. Các cấp ủy quán triệt.\n"
    ).text
    layout = find_layout(text)
    meta = extract_metadata(text, layout)
    assert meta.issuer == "ĐẢNG BỘ TỈNH ĐẮK LẮK / ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH"  # parent / issuing body
    assert meta.title == "Về tăng cường công tác phòng, chống lãng phí"
    assert "".join(text[a:b] for a, b in layout.body).startswith("Thời gian qua")


def test_a_header_without_title_or_issuer_leaves_them_none() -> None:
    meta = metadata_of("Số: 12/TB-UBND\nNgày 3/4/2025, đoàn kiểm tra làm việc tại xã.\n1. Kết quả.\n")
    assert meta.title is None and meta.issuer is None and meta.doc_type is None


def test_an_issuer_name_broken_before_its_last_word_is_joined_again() -> None:
    meta = metadata_of(
        "BAN TUYÊN GIÁO VÀ DÂN VẬN\nTỈNH ỦY\nSố 20-HD/BTGDVTU\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Lạng Sơn, ngày 2 tháng 1 năm 2026\nHƯỚNG DẪN\ntuyên truyền kỷ niệm ngày thành lập Đảng\n"
        "Thực hiện kế hoạch năm 2026, Ban hướng dẫn như sau:\n1. Nội dung tuyên truyền\n"
    )
    assert meta.issuer == "BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY"
    assert meta.title == "Tuyên truyền kỷ niệm ngày thành lập Đảng"


def test_a_title_in_capitals_broken_after_cua_keeps_the_body_named_on_its_next_line() -> None:
    meta = metadata_of(
        "TỈNH ỦY NINH BÌNH\nSố 45-TB/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nNinh Bình, ngày 6 tháng 5 năm 2025\n"
        "THÔNG BÁO\nKẾT LUẬN CỦA\nBAN THƯỜNG VỤ TỈNH ỦY\n"
        "Căn cứ Quy chế làm việc, Ban Thường vụ Tỉnh ủy kết luận như sau:\n1. Về công tác cán bộ.\n"
    )
    assert meta.title == "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY"


def test_a_title_in_capitals_goes_on_in_a_lower_case_line() -> None:
    # "KẾT LUẬN CỦA BAN …" in capitals, then the subject in lower case over two more lines
    meta = metadata_of(
        "TỈNH ỦY HÀ GIANG\nSố 77-TB/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Giang, ngày 3 tháng 4 năm 2026\n"
        "THÔNG BÁO\nKẾT LUẬN CỦA THƯỜNG TRỰC TỈNH ỦY\nvề công tác phòng, chống cháy rừng\n"
        "mùa khô năm 2026\n\nNgày 01/4/2026, Thường trực Tỉnh ủy họp nghe báo cáo.\n1. Đánh giá chung\n"
    )
    assert meta.title == (
        "KẾT LUẬN CỦA THƯỜNG TRỰC TỈNH ỦY về công tác phòng, chống cháy rừng mùa khô năm 2026"
    )
    text = clean(
        "THÔNG BÁO\nKẾT LUẬN CỦA THƯỜNG TRỰC TỈNH ỦY\nvề công tác phòng cháy\n\n"
        "Ngày 01/4/2026, Thường trực Tỉnh ủy họp.\n"
    ).text
    body = find_layout(text).body
    assert text[body[0][0] :].startswith("Ngày 01/4/2026")  # the subject line is not body text


def test_a_motto_broken_over_two_lines_is_not_part_of_the_issuer() -> None:
    # agency names and the motto printed in narrow header cells, each broken over two lines
    meta = metadata_of(
        "UBND TỈNH HÀ\nTĨNH\nSỞ NÔNG NGHIỆP VÀ\nMÔI TRƯỜNG\nSố: 52/SNNMT-KH\nV/v báo cáo tiến độ\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Hà Tĩnh, ngày 2 tháng 3 năm 2026\nKính gửi: Các phòng chuyên môn.\n"
        "Sở đề nghị các phòng báo cáo trước ngày 10/3/2026.\n"
    )
    assert meta.issuer == "UBND TỈNH HÀ TĨNH / SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"
    assert (meta.doc_type, meta.number, meta.title) == ("CÔNG VĂN", "52/SNNMT-KH", "Báo cáo tiến độ")


def test_the_issuer_reader_leaves_out_a_split_motto_even_in_text_the_cleaner_did_not_join() -> None:
    header = ["SỞ Y TẾ TỈNH ĐIỆN BIÊN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA", "VIỆT NAM", "Số: 9/SYT-NV"]
    text = "\n".join(header) + "\nV/v tiêm chủng\nKính gửi: Các bệnh viện.\nĐề nghị thực hiện.\n"
    assert extract_metadata(text, find_layout(text)).issuer == "SỞ Y TẾ TỈNH ĐIỆN BIÊN"


@pytest.mark.parametrize(
    "closing",
    [
        # tab columns, collapsed to spaces by cleaning
        "Nơi nhận:\tTL. CHỦ TỊCH\n- Chủ tịch, các PCT UBND tỉnh;\tKT. CHÁNH VĂN PHÒNG\n"
        "- Các sở: XD, TC;\tPHÓ CHÁNH VĂN PHÒNG\n- Công an tỉnh;\n- Lưu: VT, KTN.\tNgô Minh Khoa",
        # table pipes from a web copy
        "Nơi nhận: | TL. CHỦ TỊCH\n- Chủ tịch, các PCT UBND tỉnh; | KT. CHÁNH VĂN PHÒNG\n"
        "- Các sở: XD, TC; | PHÓ CHÁNH VĂN PHÒNG\n- Công an tỉnh; |\n- Lưu: VT, KTN. | (đã ký)\n"
        "| Ngô Minh Khoa",
    ],
)
def test_signature_printed_beside_the_recipients_is_read_apart(closing: str) -> None:
    text = clean("\n".join([
        "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG", "Số: 41/TB-UBND", "THÔNG BÁO",
        "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về giải phóng mặt bằng", "",
        "1. Các sở hoàn thành giải phóng mặt bằng trước ngày 30/11/2026.", "", closing,
    ])).text
    metadata = extract_metadata(text, find_layout(text))
    assert metadata.signer_name == "Ngô Minh Khoa"
    assert metadata.signer_position == "TL. CHỦ TỊCH / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG"
    assert metadata.recipients[:2] == ("Chủ tịch, các PCT UBND tỉnh", "Các sở: XD, TC")


def test_a_web_copy_closing_in_one_row_of_two_cells() -> None:
    # "| Nơi nhận: - A; - B; - Lưu: VT. | CHỦ TỊCH Name |": recipients in one cell, signer in the other
    text = clean("\n".join([
        "HỘI ĐỒNG NHÂN DÂN TỈNH KON TUM", "Số: 07/2025/NQ-HĐND", "NGHỊ QUYẾT",
        "Quy định mức hỗ trợ nhà ở", "", "Điều 1. Mức hỗ trợ 60 triệu đồng/căn.", "",
        "| Nơi nhận: - Ủy ban Thường vụ Quốc hội; - Chính phủ; - Các sở, ban, ngành tỉnh; - Lưu: VT. "
        "| CHỦ TỊCH Trần Văn Hưng |",
    ])).text
    metadata = extract_metadata(text, find_layout(text))
    assert (metadata.signer_name, metadata.signer_position) == ("Trần Văn Hưng", "CHỦ TỊCH")
    assert metadata.recipients == (
        "Ủy ban Thường vụ Quốc hội", "Chính phủ", "Các sở, ban, ngành tỉnh", "Lưu: VT")


def test_recipients_under_a_heading_cell_of_a_markdown_closing() -> None:
    closing = "\n".join(["| **Nơi nhận:** | **T/L BAN THƯỜNG VỤ** |", "|---|---|",
                         "| - Thường trực Tỉnh ủy (b/c); | CHÁNH VĂN PHÒNG |",
                         "| - Các đảng ủy trực thuộc; | (Đã ký) |",
                         "| - Lưu Văn phòng Huyện ủy. | Lâm Thị Lan |"])
    text = clean("\n".join(["HUYỆN ỦY CẦU NGANG", "Số 12-TB/HU", "THÔNG BÁO", "Kết luận về nhiệm vụ", "",
                            "1. Các ban hoàn thành trước ngày 30/11/2026.", "", closing])).text
    metadata = extract_metadata(text, find_layout(text))
    assert metadata.signer_name == "Lâm Thị Lan"
    assert metadata.recipients == (
        "Thường trực Tỉnh ủy (b/c)", "Các đảng ủy trực thuộc", "Lưu Văn phòng Huyện ủy")


def test_a_filing_line_beside_the_signer_name() -> None:
    # "- Lưu: VT, KT.<tab>Name": "KT" is the filing department here, not "ký thay"
    text = clean("\n".join([
        "ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH", "Số: 11/QĐ-UBND", "QUYẾT ĐỊNH", "Về việc ban hành Quy chế", "",
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc.", "",
        "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN", "- Như Điều 3;\tCHỦ TỊCH", "- CT, các PCT UBND tỉnh;\t(Đã ký)",
        "- Lưu: VT, KT.\tHồ Quang Vinh",
    ])).text
    metadata = extract_metadata(text, find_layout(text))
    assert metadata.signer_name == "Hồ Quang Vinh"
    assert metadata.signer_position == "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"


def test_a_subject_in_table_cells_goes_on_over_capitalised_names() -> None:
    meta = metadata_of(
        "UBND TỈNH BẮC GIANG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ CÔNG THƯƠNG | Độc lập - Tự do - Hạnh phúc\n"
        "Số: 512/SCT-QLTM | Bắc Giang, ngày 03 tháng 4 năm 2026\n"
        "V/v báo cáo kết quả thực hiện |\nChương trình xúc tiến thương mại |\nquý I năm 2026 |\n"
        "Kính gửi: Ủy ban nhân dân các huyện, thành phố.\n"
        "Sở Công Thương đề nghị:\n1. Báo cáo trước ngày 10/4/2026.\n"
    )
    assert meta.title == "Báo cáo kết quả thực hiện Chương trình xúc tiến thương mại quý I năm 2026"
    assert meta.recipients == ("Ủy ban nhân dân các huyện, thành phố",)


def test_a_numbered_form_after_the_signature_is_no_part_of_it() -> None:
    text = clean("\n".join([
        "SỞ NỘI VỤ TỈNH BẮC GIANG", "Số: 88/SNV-TCBC", "V/v báo cáo biên chế năm 2026", "",
        "1. Các cơ quan báo cáo trước ngày 15/4/2026 theo Biểu mẫu số 01.", "",
        "Nơi nhận:", "- Như trên;", "- UBND tỉnh (b/c); - Lưu: VT.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
        "Ngô Thị Hà", "",
        "Biểu mẫu số 01", "BÁO CÁO BIÊN CHẾ NĂM 2026", "| STT | Đơn vị | Biên chế |",
    ])).text
    metadata = extract_metadata(text, find_layout(text))
    assert (metadata.signer_name, metadata.signer_position) == ("Ngô Thị Hà", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC")
    # a line holding two recipients where the copy lost a break is two recipients
    assert metadata.recipients == ("Như trên", "UBND tỉnh (b/c)", "Lưu: VT")


def test_a_signer_named_after_a_military_rank() -> None:
    text = clean("\n".join([
        "BỘ CHỈ HUY QUÂN SỰ TỈNH KON TUM", "Số: 901/BCH-TM", "V/v chuẩn bị tuyển quân năm 2027", "",
        "Kính gửi: Ủy ban nhân dân các huyện.", "", "1. Rà soát nguồn công dân trước ngày 15/11/2026.", "",
        "Nơi nhận:\tKT. CHỈ HUY TRƯỞNG", "- Như trên;\tPHÓ CHỈ HUY TRƯỞNG",
        "- Lưu: VT, TM.\tThượng tá Hà Văn An",
    ])).text
    metadata = extract_metadata(text, find_layout(text))
    assert (metadata.signer_name, metadata.signer_position) == (
        "Hà Văn An", "KT. CHỈ HUY TRƯỞNG / PHÓ CHỈ HUY TRƯỞNG")
