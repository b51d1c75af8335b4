"""Rules found on the dev4 and genre12 tuning sets (26 Nov, fifth session, second batch): a weekday that
recurs, the preposition before the time asked, a topic's year, "định kỳ hoặc đột xuất", a document's
trích yếu when the question describes it, a sibling document's sentence, the letters of a số hiệu, a
line's label, place names after a class noun, "Giáo dục thường xuyên".

Every passage here is invented (a Hà Tĩnh ward plan and notes); none is a gold question's text.
"""

from assistant.spans import agency_mentions
from indexer.model import DocumentMetadata
from tests.assistant.builders import answer_text, document, hit

NOTES = """II. NHIỆM VỤ
1. Phòng Văn hóa - Xã hội báo cáo UBND phường kết quả định kỳ vào thứ Năm hằng tuần.
2. Chỉ thị số 21-CT/TW, ngày 15/3/2024 của Ban Bí thư về phát triển văn hóa đọc, đến năm 2035 và những năm \
tiếp theo.
3. Định kỳ hoặc đột xuất; các tổ dân phố gửi kết quả thực hiện công tác văn hóa về Ban Văn hóa.
4. Phòng Văn hóa - Xã hội phối hợp với Phòng Giáo dục mầm non - Giáo dục thường xuyên tổ chức Ngày hội \
đọc sách.
5. Các tổ dân phố thực hiện công tác văn hóa năm 2026 theo Kế hoạch này.
Điểm cầu cấp phường: Đồng chí Bí thư Đảng ủy, đồng chí Chủ tịch UBND phường, cán bộ chủ chốt.
Điểm cầu cấp tỉnh: các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy.
""".replace("\\\n", "")
RECORD = document(NOTES, doc_id="kh-van-hoa")


def _line(start: str) -> str:
    at = NOTES.index(start)
    return NOTES[at:NOTES.index("\n", at)]


def _ask(question: str, passage: str, section: str = "II. NHIỆM VỤ", record=RECORD) -> str:  # type: ignore[no-untyped-def]
    return answer_text(question, [hit(record, passage, section)], record)


def test_a_weekday_that_recurs_and_a_period_of_either_kind() -> None:
    assert _ask("Phòng Văn hóa - Xã hội báo cáo UBND phường định kỳ vào lúc nào?", _line("1. Phòng")) == (
        "vào thứ Năm hằng tuần")
    question = "Các tổ dân phố gửi kết quả thực hiện công tác văn hóa khi nào?"
    hits = [hit(RECORD, _line("5. Các"), "II. NHIỆM VỤ"),
            hit(RECORD, _line("3. Định kỳ"), "II. NHIỆM VỤ", index=1)]
    assert answer_text(question, hits, RECORD) == "Định kỳ hoặc đột xuất"  # not the topic's "năm 2026"


def test_the_preposition_before_the_time_asked() -> None:
    assert _ask("Chỉ thị 21-CT/TW về phát triển văn hóa đọc đặt mốc đến năm nào?", _line("2. Chỉ thị")) == (
        "đến năm 2035")
    assert _ask("Chỉ thị 21-CT/TW về phát triển văn hóa đọc ban hành ngày nào?", _line("2. Chỉ thị")) == (
        "ngày 15/3/2024")


def test_a_lines_label_the_question_writes() -> None:
    part = NOTES[NOTES.index("Điểm cầu cấp phường"):].strip()
    assert _ask("Tại điểm cầu cấp phường có những thành phần nào dự?", part, "Chú thích 1").startswith(
        "Đồng chí Bí thư Đảng ủy, đồng chí Chủ tịch UBND phường")


def test_giao_duc_thuong_xuyen_is_part_of_a_name() -> None:
    line = _line("4. Phòng")
    assert [line[a:b] for a, b in agency_mentions(line, 0, len(line))][-1] == (
        "Phòng Giáo dục mầm non - Giáo dục thường xuyên")


def test_the_sentence_of_a_sibling_document_and_the_letters_of_a_so_hieu() -> None:
    note = ("¹ Quyết định số 811/QĐ-UBND, ngày 07/5/2026 về danh mục sách lớp 10, lớp 11, lớp 12. "
            "Quyết định số 812/QĐ-UBND, ngày 07/5/2026 về danh mục sách lớp 6, lớp 7, lớp 8, lớp 9.")
    record = document(note, doc_id="hd-sach")
    asked = "Quyết định 812/QĐ-UBND về danh mục sách những lớp nào?"
    assert "lớp 6, lớp 7, lớp 8, lớp 9" in _ask(asked, note, "Chú thích 1", record)
    programmes = ("3. Chương trình phối hợp: Số 04-CTPH/BTG-SGDĐT về giáo dục; Số 09-CTPH/BTG-SVHTTDL về "
                  "văn hóa, du lịch.")
    record = document(programmes, doc_id="kh-ctph")
    asked = "Chương trình phối hợp về văn hóa giữa Ban Tuyên giáo với Sở VHTTDL có số hiệu gì?"
    assert _ask(asked, programmes, "II. NỘI DUNG", record) == "Số 09-CTPH/BTG-SVHTTDL"


def test_place_names_after_a_class_noun_and_a_heading_listing_them() -> None:
    heading = "8. UBND các xã, phường: Kỳ Anh, Hồng Lĩnh, Cẩm Xuyên"
    item = "- Thành lập Tổ công tác do Chủ tịch UBND xã, phường làm Tổ trưởng, hoàn thành trước ngày 07/11."
    record = document(f"{heading}\n{item}\n", doc_id="tb-gpmb")
    assert _ask("Những xã, phường nào phải thành lập Tổ công tác?", item, f"II. KẾT LUẬN > {heading}",
                record) == "Kỳ Anh, Hồng Lĩnh, Cẩm Xuyên"


def test_the_trich_yeu_of_a_document_the_question_describes() -> None:
    from assistant.answer import answer_question
    from assistant.settings import Settings
    from tests.assistant.builders import Library

    title = "Thực hiện công tác văn hóa năm 2026"
    text = ("ĐẢNG BỘ TỈNH HÀ TĨNH\nĐẢNG ỦY PHƯỜNG BẮC HỒNG\nSố 14-KH/ĐU\n"
            f"Bắc Hồng, ngày 05 tháng 02 năm 2026\nKẾ HOẠCH\n{title}\n"
            "I. MỤC ĐÍCH\nNâng cao đời sống văn hóa.\n")
    meta = DocumentMetadata(doc_type="KẾ HOẠCH", number="14-KH/ĐU", title=title,
                            issuer="ĐẢNG ỦY PHƯỜNG BẮC HỒNG", issued_date="2026-02-05")
    record = document(text, doc_id="kh-14", metadata=meta)
    hits = [hit(record, "Nâng cao đời sống văn hóa.", "I. MỤC ĐÍCH")]
    asked = "Kế hoạch tháng 02/2026 của Đảng ủy phường Bắc Hồng (Hà Tĩnh) có trích yếu là gì?"
    found = answer_question(Library([record], hits), Settings(), asked)
    assert not found.abstained and found.answer == title


def test_near_misses_of_a_period_a_code_and_a_subject() -> None:
    from assistant.question import analyse_question
    from assistant.scope import read_scopes
    from assistant.when_answers import when_candidates

    # "mấy tháng một lần" needs a number of months: "Định kỳ hoặc đột xuất" gives none

    asked = analyse_question("Các tổ dân phố gửi kết quả định kỳ mấy tháng một lần?")
    scopes = read_scopes(asked, [hit(RECORD, _line("3. Định kỳ"), "II. NHIỆM VỤ")])
    assert when_candidates(asked, scopes) == []
    # the letters of the plan's own Sở are no partner's: "Sở GDĐT" is not "QĐ-BGDĐT"
    bases = ("Căn cứ Quyết định số 2045/QĐ-BGDĐT ngày 28/7/2026 của Bộ Giáo dục và Đào tạo; Quyết định "
             "số 1932/QĐ-UBND ngày 05/8/2026 của UBND tỉnh ban hành Kế hoạch thời gian năm học.")
    record = document(bases, doc_id="kh-nh")
    assert _ask("Kế hoạch năm học của Sở GDĐT căn cứ vào quyết định nào của Ủy ban nhân dân tỉnh?", bases, "",
                record).startswith("Quyết định số 1932/QĐ-UBND")


def test_a_ward_asked_of_must_be_in_the_answers_passage_or_the_documents_name() -> None:
    from assistant.evidence import Candidate, local_elsewhere
    from assistant.question import analyse_question

    opening = "Ngày 29/10/2026, tại Trụ sở UBND tỉnh (phường Kỳ Anh), đồng chí Phó Chủ tịch chủ trì họp."
    figures = "Giải ngân cao như UBND phường Hồng Lĩnh (đạt 68,2%), UBND xã Cẩm Xuyên (đạt 61,5%)."
    record = document(f"{opening}\n{figures}\n", doc_id="tb-gn",
                      metadata=DocumentMetadata(doc_type="THÔNG BÁO", issuer="UBND TỈNH HÀ TĨNH / VĂN PHÒNG"))
    hits = [hit(record, figures, "I. ĐÁNH GIÁ CHUNG")]
    figure = Candidate("đạt 68,2%", 0, (0, len(figures)), 0.8, 0.8, "tb-gn")
    asked = analyse_question("Tỷ lệ giải ngân của phường Kỳ Anh là bao nhiêu?")
    assert local_elsewhere(asked, figure, record, hits)
    assert not local_elsewhere(analyse_question("Tỷ lệ giải ngân của phường Hồng Lĩnh là bao nhiêu?"), figure,
                               record, hits)
    own = document(figures, doc_id="kh-ka", metadata=DocumentMetadata(doc_type="KẾ HOẠCH", place="Kỳ Anh"))
    assert not local_elsewhere(analyse_question("Các đơn vị của phường Kỳ Anh giải ngân đạt bao nhiêu?"),
                               figure, own, [hit(own, figures, "I.")])
