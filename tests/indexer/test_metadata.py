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
        title="triển khai thực hiện Chỉ thị số 07-CT/TU, ngày 14/01/2026 của Ban Thường vụ Tỉnh ủy “về tăng "
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
        title="thực hiện công tác khoa giáo năm 2026",
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
    assert meta.title == "tăng cường phòng, chống sốt xuất huyết"
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
