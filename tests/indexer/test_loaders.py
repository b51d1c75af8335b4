"""Loading files: encodings, Word paragraphs and tables in order, PDF text layers, and clear refusals."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from assistant.errors import UnsupportedFile
from indexer.loaders import load_bytes, load_file
from tests.indexer.docfiles import blank_pdf_bytes, docx_table_file, pdf_bytes

TEXT = "KẾ HOẠCH\nthực hiện công tác khoa giáo năm 2026\n- Tỉnh ủy chỉ đạo các sở, ngành."


@pytest.mark.parametrize(
    "encoded",
    [
        TEXT.encode("utf-8"),
        TEXT.encode("utf-8-sig"),
        TEXT.encode("utf-16"),  # with BOM
        TEXT.encode("utf-16-le"),  # without BOM
        TEXT.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be"],
)
def test_text_files_in_utf8_and_utf16_read_the_same(encoded: bytes) -> None:
    loaded = load_bytes("ke-hoach.txt", encoded)
    assert loaded.text == TEXT
    assert loaded.file_format == "txt" and loaded.source == "ke-hoach.txt"


def test_decomposed_unicode_is_composed_to_nfc() -> None:
    import unicodedata

    loaded = load_bytes("a.md", unicodedata.normalize("NFD", TEXT).encode())
    assert loaded.text == TEXT


def test_other_encodings_are_refused_naming_the_file() -> None:
    with pytest.raises(UnsupportedFile, match="cp1258-file.txt"):
        load_bytes("cp1258-file.txt", "Công tác khoa giáo".encode("cp1258"))  # a legacy Windows code page


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("bang.xlsx", b"PK\x03\x04", "unsupported file type"),
        ("rong.txt", b"  \n ", "empty"),
        ("hong.docx", b"not a zip at all", "not a readable .docx"),
        ("hong.pdf", b"%PDF-1.4 garbage", "PDF"),
    ],
)
def test_unsupported_empty_or_corrupt_files_are_refused(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(UnsupportedFile, match=reason) as error:
        load_bytes(name, data)
    assert name in str(error.value)


def test_docx_paragraphs_and_tables_come_in_document_order() -> None:
    import docx

    document = docx.Document()
    header = document.add_table(rows=1, cols=2)
    header.rows[0].cells[0].text = "TỈNH ỦY CAO BẰNG\nSố 12-HD/BTGDVTU"
    header.rows[0].cells[1].text = "ĐẢNG CỘNG SẢN VIỆT NAM\nCao Bằng, ngày 31 tháng 12 năm 2025"
    document.add_paragraph("HƯỚNG DẪN")
    data = document.add_table(rows=2, cols=3)
    for row, cells in zip(
        data.rows, (("STT", "Nội dung", "Thời gian"), ("1", "Sơ kết", "Quý I")), strict=True
    ):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("- Đoạn cuối.")
    buffer = io.BytesIO()
    document.save(buffer)

    lines = [line for line in load_bytes("hd.docx", buffer.getvalue()).text.split("\n") if line]

    assert lines == [
        "TỈNH ỦY CAO BẰNG",
        "Số 12-HD/BTGDVTU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Cao Bằng, ngày 31 tháng 12 năm 2025",
        "HƯỚNG DẪN",
        "| STT | Nội dung | Thời gian |",
        "| 1 | Sơ kết | Quý I |",
        "- Đoạn cuối.",
    ]


def test_docx_task_table_gives_one_line_per_row_and_one_cell_per_grid_column(tmp_path: Path) -> None:
    path = docx_table_file(
        tmp_path / "kh.docx",
        [
            ("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"),
            ("I. NHÓM NHIỆM VỤ VỀ THỂ CHẾ", "", "", "", ""),  # merged across the whole row
            ("1", "Ban hành quy chế\nphối hợp liên ngành", "Sở Nội vụ", "", "Quý III/2027"),
            ("2", "Rà soát thủ tục", "Sở Tư pháp", "Sở Tài chính\nUBND các xã", ""),
            ("3", "Giao các sở, ngành theo chức năng", "", "Công an tỉnh", "Năm 2028"),
            ("4", "Tập huấn", "Sở Y tế", "", ""),
        ],
        merges=[((1, 0), (1, 4)), ((4, 1), (4, 2)), ((4, 4), (5, 4))],
    )

    lines = load_file(path).text.split("\n")

    assert lines == [
        "PHỤ LỤC",
        "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn |",
        "I. NHÓM NHIỆM VỤ VỀ THỂ CHẾ",  # one merged cell: a plain line
        # a paragraph going on in lower case joins with a space; an empty cell stays empty
        "| 1 | Ban hành quy chế phối hợp liên ngành | Sở Nội vụ |  | Quý III/2027 |",
        # two agencies in two paragraphs join with "; "; the empty last cell stays
        "| 2 | Rà soát thủ tục | Sở Tư pháp | Sở Tài chính; UBND các xã |  |",
        # a cell merged across two columns comes once, a cell merged down repeats in each row
        "| 3 | Giao các sở, ngành theo chức năng |  | Công an tỉnh | Năm 2028 |",
        "| 4 | Tập huấn | Sở Y tế |  | Năm 2028 |",
        "",
    ]


def test_docx_layout_table_without_labels_keeps_its_cell_lines_apart(tmp_path: Path) -> None:
    path = docx_table_file(
        tmp_path / "tb.docx",
        [
            ("ỦY BAN NHÂN DÂN\nTỈNH HÒA BÌNH XANH\nSố: 12/TB-UBND", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("", "", "Hòa Bình Xanh, ngày 02 tháng 3 năm 2027"),
        ],
        before="",
    )

    lines = load_file(path).text.split("\n")

    assert lines == [
        "",
        "ỦY BAN NHÂN DÂN",
        "TỈNH HÒA BÌNH XANH",
        "Số: 12/TB-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "|  |  | Hòa Bình Xanh, ngày 02 tháng 3 năm 2027 |",
        "",
    ]


def test_pdf_text_layer_is_read() -> None:
    loaded = load_bytes("kh.pdf", pdf_bytes(TEXT))
    assert "thực hiện công tác khoa giáo năm 2026" in loaded.text
    assert loaded.file_format == "pdf"


def test_pdf_without_text_layer_needs_ocr() -> None:
    with pytest.raises(UnsupportedFile, match="needs OCR") as error:
        load_bytes("scan.pdf", blank_pdf_bytes())
    assert "scan.pdf" in str(error.value)


def test_missing_file_is_an_unsupported_file(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFile, match="khong-co.txt"):
        load_file(Path(str(tmp_path)) / "khong-co.txt")
