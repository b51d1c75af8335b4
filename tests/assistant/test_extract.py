"""Answer extraction from hand-built passages of the genre: each pattern, short answers, exact quotes."""

from assistant.evidence import MAX_ANSWER_CHARS
from assistant.extract import extract_answer
from assistant.question import analyse_question
from indexer.model import DocumentMetadata
from tests.assistant.builders import document, hit

PLAN = """KẾ HOẠCH
triển khai công tác chuyển đổi số năm 2026

II. NHIỆM VỤ

1. Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Nội vụ xây dựng Cổng dữ liệu mở của tỉnh, hoàn
thành trong tháng 9/2026.

2. Giao Sở Tài chính: bố trí kinh phí thực hiện Kế hoạch; tổng hợp dự toán gửi UBND tỉnh trước ngày 15/7/2026.

2.3. Văn phòng UBND tỉnh
- Chủ trì, phối hợp các đơn vị tổ chức Hội nghị trực tuyến đến 125 điểm cầu cấp xã, với hơn 3.000 đại biểu.
- Nghiên cứu triển khai nền tảng họp không giấy.

3. Tổ chức giao ban chuyển đổi số (3 tháng/lần) theo phương châm “dân biết, dân làm, dân hưởng lợi”.

4. Căn cứ Quyết định số 1234/QĐ-UBND ngày 05/8/2025 của UBND tỉnh về Đề án phát triển chính quyền số
và Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá khoa học công nghệ.

5. Các sở, ngành báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ (qua Phòng Chuyển đổi số) để tổng hợp.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Lê Văn Minh
"""
META = DocumentMetadata(doc_type="KẾ HOẠCH", number="45/KH-UBND", issuer="Ủy ban nhân dân tỉnh Lâm Đồng",
                        issued_date="2026-02-10", title="triển khai công tác chuyển đổi số năm 2026",
                        signer_name="Lê Văn Minh", signer_position="KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")
RECORD = document(PLAN + "\nLâm Đồng, ngày 10 tháng 02 năm 2026\nSố: 45/KH-UBND\n", metadata=META)


def _passages():  # type: ignore[no-untyped-def]
    text = RECORD.text
    items = [p for p in text.split("\n\n") if p.strip() and not p.startswith(("KẾ HOẠCH", "II."))]
    sections = {2: "II. NHIỆM VỤ > 2.3. Văn phòng UBND tỉnh"}
    return [hit(RECORD, item.strip("\n"), sections.get(i, "II. NHIỆM VỤ"), score=1.0 - i / 100, index=i)
            for i, item in enumerate(items)]


def _ask(question: str, use_headings: bool = True):  # type: ignore[no-untyped-def]
    hits = _passages()
    found = extract_answer(analyse_question(question), hits, lambda _: RECORD, use_headings=use_headings)
    assert found is not None
    if found.hit_index is not None:  # the answer is backed by an exact span of the passage it cites
        passage = hits[found.hit_index].chunk
        quote = passage.text[found.quote[0]:found.quote[1]]
        assert RECORD.text[passage.start + found.quote[0]:passage.start + found.quote[1]] == quote
    assert len(found.answer) <= MAX_ANSWER_CHARS
    return found


def test_lead_agency_of_an_assignment() -> None:
    found = _ask("Cơ quan nào chủ trì xây dựng Cổng dữ liệu mở?")
    assert found.answer.startswith("Sở Khoa học và Công nghệ (chủ trì, phối hợp với Sở Nội vụ")


def test_assignment_with_giao() -> None:
    assert _ask("Ai bố trí kinh phí thực hiện kế hoạch?").answer.startswith("Sở Tài chính")


def test_actor_from_the_heading_when_the_item_starts_with_a_verb() -> None:
    assert _ask("Đơn vị nào chủ trì tổ chức hội nghị trực tuyến?").answer.startswith("Văn phòng UBND tỉnh")


def test_heading_context_can_be_switched_off() -> None:
    found = extract_answer(analyse_question("Đơn vị nào chủ trì tổ chức hội nghị trực tuyến?"), _passages(),
                           lambda _: RECORD, use_headings=False)
    assert found is None or not found.answer.startswith("Văn phòng UBND tỉnh")


def test_recipient_named_after_gui_ve() -> None:
    found = _ask("Các sở, ngành báo cáo kết quả thực hiện về cơ quan nào?")
    assert "Sở Khoa học và Công nghệ" in found.answer


def test_deadline_and_month() -> None:
    assert _ask("Thời hạn gửi dự toán cho UBND tỉnh là khi nào?").answer == "trước ngày 15/7/2026"
    assert _ask("Cổng dữ liệu mở phải hoàn thành khi nào?").answer == "hoàn thành trong tháng 9/2026"


def test_frequency() -> None:
    assert _ask("Giao ban chuyển đổi số tổ chức bao lâu một lần?").answer == "3 tháng/lần"


def test_quantity_with_the_asked_unit() -> None:
    assert _ask("Hội nghị trực tuyến có bao nhiêu điểm cầu?").answer == "125 điểm cầu"
    assert _ask("Có bao nhiêu đại biểu dự hội nghị trực tuyến?").answer == "hơn 3.000 đại biểu"


def test_quoted_name() -> None:
    assert _ask("Phương châm giao ban chuyển đổi số là gì?").answer == "“dân biết, dân làm, dân hưởng lợi”"


def test_referenced_document_of_the_asked_type() -> None:
    found = _ask("Kế hoạch căn cứ quyết định nào về Đề án phát triển chính quyền số?")
    assert found.answer.startswith("Quyết định số 1234/QĐ-UBND ngày 05/8/2025")
    assert _ask("Nghị quyết nào về đột phá khoa học công nghệ?").answer.startswith("Nghị quyết số 57-NQ/TW")


def test_date_of_a_document_named_by_number() -> None:
    assert _ask("Quyết định số 1234/QĐ-UBND được ban hành ngày nào?").answer == "ngày 05/8/2025"


def test_metadata_answers_quote_the_document_header() -> None:
    signer = _ask("Ai ký kế hoạch triển khai công tác chuyển đổi số năm 2026?")
    assert signer.answer.startswith("Lê Văn Minh") and signer.hit_index is None
    assert RECORD.text[signer.quote[0]:signer.quote[1]] == "Lê Văn Minh"
    issued = _ask("Kế hoạch triển khai công tác chuyển đổi số năm 2026 được ban hành ngày nào?")
    assert issued.answer == "ngày 10 tháng 02 năm 2026 (10/2/2026)"  # as the header writes it
    assert RECORD.text[issued.quote[0]:issued.quote[1]] == "ngày 10 tháng 02 năm 2026"
    assert _ask("Số hiệu của kế hoạch chuyển đổi số năm 2026 là gì?").answer == "45/KH-UBND"


def test_signer_of_another_document_is_not_answered() -> None:
    hits = _passages()
    found = extract_answer(analyse_question("Ai ký Quyết định số 999/QĐ-UBND?"), hits, lambda _: RECORD)
    assert found is None


def test_what_question_gets_one_short_sentence() -> None:
    found = _ask("Nền tảng họp không giấy được giao như thế nào?")
    assert found.answer == "Nghiên cứu triển khai nền tảng họp không giấy."


def test_a_quantity_of_another_unit_is_not_an_answer() -> None:
    hits = _passages()
    for question in ("Hội nghị trực tuyến kéo dài bao nhiêu km?",
                     "Kinh phí hội nghị trực tuyến là bao nhiêu?",
                     "Tỷ lệ đại biểu tham dự đạt bao nhiêu phần trăm?"):
        found = extract_answer(analyse_question(question), hits, lambda _: RECORD)
        assert found is None, question


def test_a_frequency_question_is_not_answered_by_a_date() -> None:
    found = extract_answer(analyse_question("Sở Tài chính tổng hợp dự toán bao lâu một lần?"), _passages(),
                           lambda _: RECORD)
    assert found is None or "tháng/lần" in found.answer


def test_person_and_contact_questions() -> None:
    record = document("Hội nghị do đồng chí Nguyễn Văn Hải - Phó Bí thư Tỉnh ủy, Trưởng Ban Chỉ đạo "
                      "chủ trì.\n\n"
                      "Đăng ký tham gia tại cổng binhdanhocvuso.lamdong.gov.vn hoặc gọi 02633.822.123.",
                      doc_id="tb-9")
    hits = [hit(record, p) for p in record.text.split("\n\n")]
    person = extract_answer(analyse_question("Ai là Trưởng Ban Chỉ đạo chủ trì hội nghị?"), hits,
                            lambda _: record)
    assert person is not None and person.answer.startswith("Nguyễn Văn Hải - Phó Bí thư Tỉnh ủy")
    site = extract_answer(analyse_question("Địa chỉ cổng đăng ký tham gia là gì?"), hits, lambda _: record)
    assert site is not None and site.answer == "binhdanhocvuso.lamdong.gov.vn"


def test_a_sentence_wrapped_over_blank_lines_stays_one_sentence() -> None:
    record = document("- Sở Công Thương chủ trì, phối hợp với các sở, ngành triển khai \n\nBộ chỉ số "
                      "năng lực cạnh tranh cấp sở, ngành, hoàn thành \n\ntrong tháng 11/2026.", doc_id="kh-7")
    hits = [hit(record, record.text)]
    found = extract_answer(analyse_question("Ai chủ trì triển khai Bộ chỉ số năng lực cạnh tranh?"), hits,
                           lambda _: record)
    assert found is not None and found.answer.startswith("Sở Công Thương")
    when = extract_answer(analyse_question("Bộ chỉ số năng lực cạnh tranh hoàn thành khi nào?"), hits,
                          lambda _: record)
    assert when is not None and when.answer == "hoàn thành \n\ntrong tháng 11/2026".replace(" \n\n", " ")


def test_header_fallbacks_when_the_metadata_lacks_a_field() -> None:
    text = ("ĐẢNG ỦY XÃ AN PHÚ\nSố - KH/ĐU\nAn Phú, ngày   tháng 03 năm 2026\n\nKẾ HOẠCH\ntổ chức Ngày hội "
            "đại đoàn kết toàn dân tộc\n\n1. Ủy ban Mặt trận Tổ quốc xã chủ trì tổ chức Ngày hội.\n\n"
            "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n\n\n\nPhạm Thị Lan\n")
    record = document(text, doc_id="kh-an-phu")
    hits = [hit(record, "1. Ủy ban Mặt trận Tổ quốc xã chủ trì tổ chức Ngày hội.")]
    for question, expected, quote in (
        ("Ai ký kế hoạch tổ chức Ngày hội đại đoàn kết?", "Phạm Thị Lan (T/M BAN THƯỜNG VỤ BÍ THƯ)",
         "Phạm Thị Lan"),
        ("Kế hoạch tổ chức Ngày hội đại đoàn kết ban hành ngày nào?", "tháng 03 năm 2026",
         "ngày   tháng 03 năm 2026"),
        ("Số hiệu của kế hoạch tổ chức Ngày hội đại đoàn kết là gì?", "- KH/ĐU", "- KH/ĐU"),
    ):
        found = extract_answer(analyse_question(question), hits, lambda _: record)
        assert found is not None and found.answer == expected, question
        assert record.text[found.quote[0]:found.quote[1]] == quote
