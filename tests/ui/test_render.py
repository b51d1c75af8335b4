"""Rendering of answers, sources and documents: escaping, highlight offsets, abstention."""

from __future__ import annotations

from assistant.errors import BadInput, NotReady, TooLarge
from assistant.model import Answer, Citation
from indexer.model import DocumentMetadata, DocumentRecord
from ui import render

PASSAGE = "2.2. Về tài nguyên\n- UBND tỉnh chỉ đạo các sở xây dựng Bản đồ số Tài nguyên - Khí hậu."
QUOTE = "UBND tỉnh chỉ đạo các sở xây dựng Bản đồ số"


def citation(**changes: object) -> Citation:
    values: dict[str, object] = dict(
        doc_id="000_abc", source="000_abc.txt", title="Kế hoạch thực hiện Chỉ thị 07-CT/TU",
        number="12-KH/ĐU", section="II. NHIỆM VỤ > 2. Nhiệm vụ cụ thể > 2.2. Về tài nguyên",
        text=PASSAGE, quote=QUOTE, start=120, end=120 + len(QUOTE), score=0.9)
    values.update(changes)
    return Citation(**values)  # type: ignore[arg-type]


def answer(abstained: bool = False, citations: tuple[Citation, ...] = (citation(),)) -> Answer:
    return Answer(question="Ai chủ trì?", answer="UBND tỉnh", abstained=abstained, citations=citations)


def test_highlight_marks_exactly_the_span_and_escapes_around_it() -> None:
    assert render.highlight("a <b> c & d", 2, 5) == "a <mark>&lt;b&gt;</mark> c &amp; d"


def test_highlight_with_a_bad_span_marks_nothing() -> None:
    assert render.highlight("abc", 2, 9) == "abc"
    assert render.highlight("abc", 2, 2) == "abc"


def test_locate_quote_finds_it_across_line_breaks() -> None:
    text = "trước\nUBND tỉnh chỉ\nđạo các sở"
    assert render.locate_quote(text, "UBND tỉnh chỉ đạo") == (6, 23)
    assert render.locate_quote(text, "không có") is None


def test_answer_comes_first_then_sources_with_title_number_section_and_marked_quote() -> None:
    html = render.answer_html(answer())
    assert html.index("UBND tỉnh") < html.index("dqa-sources")
    assert "Kế hoạch thực hiện Chỉ thị 07-CT/TU" in html
    assert "12-KH/ĐU" in html
    assert "2.2. Về tài nguyên" in html
    assert f"<mark>{QUOTE}</mark>" in html
    assert "/ui/doc/000_abc?start=120&amp;end=" in html


def test_chat_html_is_one_line_so_markdown_leaves_it_alone() -> None:
    assert "\n" not in render.answer_html(answer())


def test_text_from_documents_is_escaped() -> None:
    evil = citation(title="<script>alert(1)</script>", text="x <img src=x onerror=alert(1)> y",
                    quote="<img src=x onerror=alert(1)>", section="<b>II</b>")
    html = render.answer_html(answer(citations=(evil,)))
    assert "<script>" not in html and "<img" not in html and "<b>II" not in html
    assert "&lt;script&gt;" in html and "<mark>&lt;img src=x onerror=alert(1)&gt;</mark>" in html


def test_quote_not_in_passage_is_still_shown_marked() -> None:
    html = render.answer_html(answer(citations=(citation(quote="câu không có trong đoạn"),)))
    assert "Trích dẫn: <mark>câu không có trong đoạn</mark>" in html


def test_long_passage_is_cut_around_the_quote() -> None:
    text = "mở đầu " * 200 + QUOTE + " kết thúc" * 200
    html = render.answer_html(answer(citations=(citation(text=text),)))
    assert f"<mark>{QUOTE}</mark>" in html
    assert html.count("mở đầu") < 100 and "…" in html


def test_abstention_says_so_and_offers_nearest_passages_under_see_more() -> None:
    html = render.answer_html(answer(abstained=True))
    assert "Không tìm thấy câu trả lời" in html
    assert "<details" in html and "Xem thêm" in html
    assert html.index("Xem thêm") < html.index("dqa-source")
    assert "dqa-short" not in html  # no answer is presented as if it were one


def test_abstention_without_passages_has_no_see_more() -> None:
    html = render.answer_html(answer(abstained=True, citations=()))
    assert "Không tìm thấy câu trả lời" in html and "Xem thêm" not in html


def test_errors_are_explained_in_vietnamese() -> None:
    assert "tối đa 1000 ký tự" in render.error_html(TooLarge("long"), 1000)
    assert "khởi động" in render.error_html(NotReady("loading"), 1000)
    assert "chưa hợp lệ" in render.error_html(BadInput("bad <x>"), 1000)
    assert "&lt;x&gt;" in render.error_html(BadInput("bad <x>"), 1000)
    assert "ngoài dự kiến" in render.error_html(RuntimeError("boom"), 1000)


def record(text: str = "Mở đầu <i>. UBND tỉnh chủ trì. Kết thúc.") -> DocumentRecord:
    meta = DocumentMetadata(doc_type="KẾ HOẠCH", number="12-KH/ĐU", title="Kế hoạch <thử>",
                            issued_date="2025-03-04", issuer="Đảng ủy UBND tỉnh")
    return DocumentRecord(doc_id="000_abc", source="000_abc.txt", content_hash="h", metadata=meta,
                          text=text, n_chunks=3, indexed_at="2025-03-05T00:00:00+00:00")


def test_document_page_marks_the_span_and_scrolls_to_it() -> None:
    doc = record()
    start = doc.text.index("UBND")
    page = render.document_page(doc, start, start + len("UBND tỉnh chủ trì"))
    assert '<mark id="dqa-hl">UBND tỉnh chủ trì</mark>' in page
    assert "scrollIntoView" in page
    assert "Mở đầu &lt;i&gt;." in page and "Kế hoạch &lt;thử&gt;" in page
    assert "04/03/2025" in page and "12-KH/ĐU" in page


def test_document_page_without_a_valid_span_marks_nothing() -> None:
    page = render.document_page(record(), 5, 10_000)
    assert "<mark" not in page


def test_documents_table_lists_metadata_escaped() -> None:
    html = render.documents_table([record()])
    assert "Kế hoạch &lt;thử&gt;" in html and "12-KH/ĐU" in html and "04/03/2025" in html
    assert render.documents_table([]).count("<tr>") == 0


def test_upload_report_shows_failures_first() -> None:
    html = render.upload_report([("a.txt", "added")], [("b.pdf", "không đọc được tệp (cần OCR)")])
    assert html.index("b.pdf") < html.index("a.txt")
    assert "đã thêm" in html and "cần OCR" in html
