"""Loading files: encodings, Word paragraphs and tables in order, PDF text layers, and clear refusals."""

from __future__ import annotations

import io

import pytest

from assistant.errors import UnsupportedFile
from indexer.loaders import load_bytes, load_file
from tests.indexer.docfiles import blank_pdf_bytes, pdf_bytes

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
        "STT | Nội dung | Thời gian",
        "1 | Sơ kết | Quý I",
        "- Đoạn cuối.",
    ]


def test_pdf_text_layer_is_read() -> None:
    loaded = load_bytes("kh.pdf", pdf_bytes(TEXT))
    assert "thực hiện công tác khoa giáo năm 2026" in loaded.text
    assert loaded.file_format == "pdf"


def test_pdf_without_text_layer_needs_ocr() -> None:
    with pytest.raises(UnsupportedFile, match="needs OCR") as error:
        load_bytes("scan.pdf", blank_pdf_bytes())
    assert "scan.pdf" in str(error.value)


def test_missing_file_is_an_unsupported_file(tmp_path: object) -> None:
    from pathlib import Path

    with pytest.raises(UnsupportedFile, match="khong-co.txt"):
        load_file(Path(str(tmp_path)) / "khong-co.txt")
