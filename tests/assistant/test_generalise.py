"""Rules that make answers and abstention generalise: names, years, lists, nouns, document types.

Every passage here is invented in the genre (a Lâm Đồng plan); none is a gold question's text.
"""

from assistant.answer import answer_question
from assistant.evidence import MAX_LIST_CHARS, toneless, ungrounded
from assistant.extract import extract_answer
from assistant.question import QuestionKind, analyse_question, proper_names
from assistant.settings import Settings
from assistant.spans import agency_mentions, completions, objects_after
from indexer.model import DocumentMetadata
from tests.assistant.builders import Library, document, hit

PLAN = """KẾ HOẠCH
phát triển nông nghiệp công nghệ cao tỉnh Lâm Đồng năm 2027

I. MỤC ĐÍCH, YÊU CẦU

1. Xác định kinh tế hợp tác là động lực quan trọng của nông nghiệp tỉnh.

II. NHIỆM VỤ

1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính, Trung tâm Khuyến nông tỉnh và các \
địa phương xây dựng vùng nguyên liệu tập trung; hoàn thành trước ngày 30/9/2027.

2. Nhân rộng mô hình hợp tác xã kiểu mới gắn với chuỗi giá trị, nhất là các ngành hàng cà phê, chè, \
rau và hoa.

3. Ưu tiên đầu tư hạ tầng thủy lợi tại các huyện miền núi (Lạc Dương, Đam Rông, Đơn Dương) bảo đảm tiến độ.

4. Thực hiện các Chương trình phối hợp giữa Sở Nông nghiệp và Môi trường với các hội đoàn thể (Số \
02-CTPH/SNN-HND về nông dân; Số 03-CTPH/SNN-HPN về phụ nữ) và Quyết định số 15-QĐ/UBND về quy chế \
làm việc của tổ công tác.

5. Các sở, ngành báo cáo kết quả thực hiện định kỳ hằng quý, 6 tháng hoặc đột xuất về Sở Nông nghiệp \
và Môi trường trong năm 2027.
"""
META = DocumentMetadata(doc_type="KẾ HOẠCH", number="88/KH-UBND", issuer="Ủy ban nhân dân tỉnh Lâm Đồng",
                        issued_date="2027-01-15",
                        title="phát triển nông nghiệp công nghệ cao tỉnh Lâm Đồng năm 2027")
RECORD = document(PLAN.replace("\\\n", ""), doc_id="kh-88", metadata=META)


def _hits() -> list:  # type: ignore[type-arg]
    text = RECORD.text
    items = [p for p in text.split("\n\n") if p.strip() and p[0].isdigit()]
    return [hit(RECORD, item.strip("\n"), "II. NHIỆM VỤ", score=1.0 - i / 100, index=i)
            for i, item in enumerate(items)]


def _ask(question: str) -> str:
    found = extract_answer(analyse_question(question), _hits(), lambda _: RECORD)
    assert found is not None
    return found.answer


def _answer(question: str, threshold: float = 0.4):  # type: ignore[no-untyped-def]
    return answer_question(Library([RECORD], _hits()), Settings(abstain_threshold=threshold), question)


# --- question analysis ---------------------------------------------------------------------------


def test_proper_names_are_places_and_people_not_agencies() -> None:
    assert proper_names("Tỉnh Gia Lai có bao nhiêu xã?") == ("Gia Lai",)
    assert proper_names("Đồng chí Trần Văn Bình giữ chức vụ gì?") == ("Trần Văn Bình",)
    assert proper_names("Ủy ban nhân dân thành phố Cần Thơ ban hành kế hoạch nào?") == ("Cần Thơ",)
    assert proper_names("Ban Thường vụ Tỉnh ủy giao Sở Tài chính việc gì?") == ()
    assert proper_names("Nghị quyết Đại hội nêu gì?") == ()


def test_years_plural_head_and_excluded_items() -> None:
    analysis = analyse_question("Ngoài quy chế làm việc, hội nghị thông qua những văn bản nào năm 2027?")
    assert analysis.years == ("2027",) and analysis.plural
    assert set(analysis.excluded) == {"quy", "chế", "làm"}
    assert analyse_question("Kế hoạch xác định kinh tế hợp tác là động lực gì?").head == ("động", "lực")
    assert analyse_question("Kế hoạch bàn về vấn đề gì?").head == ()
    assert analyse_question("Nghị quyết số 170/2024/QH15 nói gì?").years == ()  # part of a số hiệu


def test_a_day_question_and_a_time_after_bao_nhieu() -> None:
    assert analyse_question("Vùng nguyên liệu phải xong trước ngày nào?").day
    assert not analyse_question("Vùng nguyên liệu phải xong trong tháng nào?").day
    number = analyse_question("Năng suất lúa phải đạt bao nhiêu trong năm 2027?")
    assert number.kind is QuestionKind.NUMBER and number.unit is None


def test_a_program_number_question_is_a_document_number_question() -> None:
    analysis = analyse_question("Chương trình phối hợp với Hội Nông dân mang ký hiệu gì?")
    assert analysis.kind is QuestionKind.DOC_NUMBER


# --- grounding ----------------------------------------------------------------------------------


def test_toneless_names_match_across_spellings() -> None:
    assert toneless("ĐẮK NÔNG") == toneless("Đăk Nông") == toneless("Đắc Nông")
    assert toneless("Lâm Đồng") != toneless("Lâm Hà")


def test_a_name_or_year_the_sources_lack_is_reported() -> None:
    analysis = analyse_question("Tỉnh Gia Lai ưu tiên thủy lợi ở đâu năm 2027?")
    assert ungrounded(analysis, RECORD.text, RECORD.text) == ["Gia Lai"]
    later = analyse_question("Tỉnh Lâm Đồng ưu tiên thủy lợi ở đâu năm 2029?")
    assert ungrounded(later, RECORD.text, RECORD.text) == ["2029"]


def test_abstains_when_the_question_names_another_province() -> None:
    assert not _answer("Sở nào chủ trì xây dựng vùng nguyên liệu tập trung của tỉnh Lâm Đồng?").abstained
    assert _answer("Sở nào chủ trì xây dựng vùng nguyên liệu tập trung của tỉnh Gia Lai?").abstained


def test_abstains_when_the_question_names_a_year_the_passage_does_not_have() -> None:
    assert not _answer("Vùng nguyên liệu tập trung phải hoàn thành trước ngày nào năm 2027?").abstained
    assert _answer("Vùng nguyên liệu tập trung phải hoàn thành trước ngày nào năm 2030?").abstained


def test_a_contact_question_without_a_contact_in_the_passages_abstains() -> None:
    assert _answer("Số điện thoại của Sở Nông nghiệp và Môi trường là gì?", threshold=0.0).abstained


def test_a_day_question_is_not_answered_by_a_year() -> None:
    analysis = analyse_question("Các sở, ngành báo cáo kết quả về Sở Nông nghiệp trước ngày nào?")
    found = extract_answer(analysis, _hits()[4:], lambda _: RECORD)
    assert found is None or "2027" not in found.answer


# --- lists and nouns ----------------------------------------------------------------------------


def test_completion_of_the_asked_noun() -> None:
    text = "Xác định kinh tế hợp tác là động lực quan trọng của nông nghiệp tỉnh, lâu dài."
    spans = completions(text, 0, len(text), ("động", "lực"), False, 200)
    assert [text[a:b] for a, b in spans] == ["động lực quan trọng của nông nghiệp tỉnh, lâu dài"]


def test_completion_takes_a_parenthesised_list_whole() -> None:
    text = "Ưu tiên thủy lợi tại các huyện miền núi (Lạc Dương, Đam Rông) bảo đảm tiến độ; còn lại."
    spans = completions(text, 0, len(text), ("miền", "núi"), True, MAX_LIST_CHARS)
    assert text[spans[0][0]:spans[0][1]] == "miền núi (Lạc Dương, Đam Rông) bảo đảm tiến độ"


def test_objects_after_a_preposition() -> None:
    text = "Sở A chủ trì, phối hợp với Sở Tài chính, Trung tâm Khuyến nông và các địa phương xây dựng vùng."
    spans = objects_after(text, 0, len(text), "với", {"hợp"})
    assert [text[a:b] for a, b in spans] == ["Sở Tài chính, Trung tâm Khuyến nông và các địa phương"]


def test_what_question_gets_what_the_noun_is() -> None:
    assert "động lực quan trọng" in _ask("Kinh tế hợp tác được kế hoạch xác định là động lực gì?")


def test_list_question_gets_the_whole_enumeration() -> None:
    answer = _ask("Kế hoạch ưu tiên thủy lợi ở những huyện miền núi nào?")
    assert "Lạc Dương, Đam Rông, Đơn Dương" in answer
    assert "cà phê, chè, rau và hoa" in _ask("Mô hình hợp tác xã gắn với những ngành hàng nào?")


def test_plural_who_question_gets_every_coordinating_agency() -> None:
    answer = _ask("Sở Nông nghiệp và Môi trường phối hợp với những đơn vị nào để xây dựng vùng nguyên liệu?")
    assert "Sở Tài chính, Trung tâm Khuyến nông tỉnh và các địa phương" in answer


def test_a_bare_so_reference_inherits_its_document_type() -> None:
    answer = _ask("Chương trình phối hợp với hội đoàn thể về nông dân mang ký hiệu gì?")
    assert "02-CTPH/SNN-HND" in answer and "15-QĐ/UBND" not in answer


def test_report_periods_are_listed() -> None:
    assert "hằng quý, 6 tháng hoặc đột xuất" in _ask("Các sở, ngành báo cáo kết quả theo những kỳ nào?")


def test_an_ordinal_the_sources_lack_is_reported() -> None:
    analysis = analyse_question("Phiên họp thứ hai của tổ công tác diễn ra ngày nào?")
    assert analysis.ordinals == ("thứ hai",)
    minutes = "THÔNG BÁO KẾT LUẬN PHIÊN HỌP THỨ NHẤT CỦA TỔ CÔNG TÁC. Ngày 05/3/2027, tổ công tác họp."
    assert ungrounded(analysis, minutes, minutes) == ["thứ hai"]
    first = analyse_question("Phiên họp thứ nhất của tổ công tác diễn ra ngày nào?")
    assert ungrounded(first, minutes, minutes) == []


def test_a_money_question_is_not_answered_by_a_duration() -> None:
    text = "Đơn vị chậm nộp báo cáo quá 6 tháng bị phạt 2 triệu đồng mỗi lần vi phạm."
    record = document(text, doc_id="qd-09")
    found = extract_answer(analyse_question("Mức phạt đối với đơn vị chậm nộp báo cáo là bao nhiêu?"),
                           [hit(record, text)], lambda _: record)
    assert found is not None and found.answer == "2 triệu đồng"


def test_a_number_in_another_clause_of_the_sentence_does_not_answer() -> None:
    text = ("Sở Tài chính phân tích tốc độ tăng trưởng 6 tháng đầu năm 2027; đề xuất giải pháp để đạt mức "
            "tăng trưởng 7% cả năm 2027.")
    record = document(text, doc_id="kh-07")
    library = Library([record], [hit(record, text)])
    half_year = answer_question(library, Settings(),
                                "Tốc độ tăng trưởng 6 tháng đầu năm 2027 đạt bao nhiêu phần trăm?")
    assert half_year.abstained
    whole_year = answer_question(library, Settings(),
                                 "Mức tăng trưởng phấn đấu đạt cả năm 2027 là bao nhiêu phần trăm?")
    assert not whole_year.abstained and whole_year.answer == "7%"


# --- names of agencies and people, dates inside dates, names with words between ------------------------

DECISION = """ỦY BAN NHÂN DÂN TỈNH GIA LAI
Số: 12/QĐ-UBND
QUYẾT ĐỊNH
thành lập Ban Chỉ đạo chuyển đổi số tỉnh Gia Lai

Điều 1. Thành lập Ban Chỉ đạo chuyển đổi số tỉnh Gia Lai, gồm các ông, bà có tên sau:

1. Trưởng ban: Ông Lê Văn Hùng - Chủ tịch UBND tỉnh.

2. Phó Trưởng ban: Bà Đỗ Thị Lan - Giám đốc Sở Khoa học và Công nghệ.

Điều 2. Sở Giao thông vận tải phối hợp với Kho bạc Nhà nước khu vực XIV rà soát các dự án; đến ngày \
31/3/2027 đã giải ngân đạt 21,5% kế hoạch vốn dịp Tết Nguyên đán Đinh Mùi.

Điều 3. Mọi vướng mắc liên hệ Sở GD&ĐT (qua bà Trần Thị Mai, chuyên viên).
"""
DECISION_META = DocumentMetadata(doc_type="QUYẾT ĐỊNH", number="12/QĐ-UBND", issuer="UBND tỉnh Gia Lai",
                                 title="thành lập Ban Chỉ đạo chuyển đổi số tỉnh Gia Lai")
DECISION_RECORD = document(DECISION.replace("\\\n", ""), doc_id="qd-12", metadata=DECISION_META)


def _decision_answer(question: str) -> str:
    text = DECISION_RECORD.text
    items = [p for p in text.split("\n\n") if p.strip() and (p[0].isdigit() or p.startswith("Điều"))]
    hits = [hit(DECISION_RECORD, item, "Điều 1", score=1.0 - i / 100, index=i)
            for i, item in enumerate(items)]
    answer = answer_question(Library([DECISION_RECORD], hits), Settings(), question)
    return "ABSTAIN" if answer.abstained else answer.answer


def test_person_named_ong_under_a_position_label_answers_ai_la() -> None:
    assert "Lê Văn Hùng" in _decision_answer("Ai là Trưởng Ban Chỉ đạo chuyển đổi số tỉnh Gia Lai?")
    assert "Đỗ Thị Lan" in _decision_answer("Ai là Phó Trưởng ban Ban Chỉ đạo chuyển đổi số tỉnh Gia Lai?")


def test_agency_names_keep_lower_case_words_and_ampersands() -> None:
    assert "Kho bạc Nhà nước khu vực XIV" in _decision_answer(
        "Sở Giao thông vận tải Gia Lai phối hợp với đơn vị nào để rà soát các dự án?")
    text = "liên hệ Sở GD&ĐT (qua bà Trần Thị Mai)"
    assert [text[s:e] for s, e in agency_mentions(text, 0, len(text))] == ["Sở GD&ĐT"]


def test_month_of_a_full_date_and_a_name_with_words_between_ground_the_answer() -> None:
    # "tháng 3/2027" is inside "31/3/2027"; "Tết Đinh Mùi" is "Tết Nguyên đán Đinh Mùi"
    assert "21,5%" in _decision_answer(
        "Đến hết tháng 3/2027 tỉnh Gia Lai giải ngân được bao nhiêu phần trăm kế hoạch vốn dịp Tết Đinh Mùi?")
    assert ungrounded(analyse_question("Tết Đinh Mùi ở Gia Lai có gì?"), toneless(DECISION), "") == []
    assert ungrounded(analyse_question("Tết Canh Thân ở Gia Lai có gì?"), toneless(DECISION), "") != []


def test_agency_a_question_gives_a_task_to_must_be_in_the_answering_passage() -> None:
    assert analyse_question("Kế hoạch giao Sở Tư pháp nhiệm vụ gì?").agencies == ("Sở Tư pháp",)
    assert analyse_question("Chánh Văn phòng Tỉnh ủy Cao Bằng là ai?").agencies == ("Văn phòng Tỉnh ủy",)
    assert analyse_question("Cơ quan nào phối hợp với UBND tỉnh?").agencies == ()  # a partner, not the doer
    # item 1 tasks Sở Nông nghiệp và Môi trường; Sở Xây dựng is tasked nowhere
    task = "Lâm Đồng phải hoàn thành vùng nguyên liệu tập trung trước ngày nào?"
    assert _answer(f"Sở Xây dựng {task}").abstained
    assert "30/9/2027" in _answer(f"Sở Nông nghiệp và Môi trường {task}").answer


def test_a_person_question_without_the_person_abstains_and_contacts_match_their_kind() -> None:
    assert analyse_question("Chánh Văn phòng Tỉnh ủy Gia Lai là ai?").person
    assert _decision_answer("Chánh Văn phòng UBND tỉnh Gia Lai là ai?") == "ABSTAIN"
    assert _decision_answer("Địa chỉ email của Sở GD&ĐT Gia Lai là gì?") == "ABSTAIN"


def test_footnote_marks_neither_hide_a_word_nor_end_up_in_an_answer() -> None:
    text = "Hội nghị do đồng chí Lê Văn Tâm - Bí thư Tỉnh ủy chủ trì¹. Hội nghị thống nhất 5 nội dung."
    record = document(text, doc_id="tb-1", metadata=DocumentMetadata(doc_type="THÔNG BÁO", number="1-TB/TU"))
    hits = [hit(record, text, "", score=1.0, index=0)]
    answer = answer_question(Library([record], hits), Settings(), "Ai chủ trì hội nghị?")
    assert "Lê Văn Tâm" in answer.answer and "¹" not in answer.answer


def test_a_document_the_question_describes_answers_which_document_and_what_it_is_about() -> None:
    assert "12/QĐ-UBND" in _decision_answer(
        "Văn bản nào của UBND tỉnh Gia Lai thành lập Ban Chỉ đạo chuyển đổi số tỉnh?")
    assert "Ban Chỉ đạo chuyển đổi số" in _decision_answer("Quyết định 12/QĐ-UBND của Gia Lai về việc gì?")
    assert "12/QĐ-UBND" in _decision_answer(
        "Quyết định thành lập Ban Chỉ đạo chuyển đổi số tỉnh Gia Lai mang số nào?")


def test_a_numbered_grade_or_a_counted_kind_the_passage_lacks_is_a_near_miss() -> None:
    assert analyse_question("Kỳ thi học sinh giỏi lớp 9 của tỉnh tổ chức ngày nào?").ordinals == ("lớp 9",)
    text = ("Trong năm 2026, toàn tỉnh xảy ra 187 vụ tai nạn giao thông; "
            "kỳ thi học sinh giỏi lớp 12 vào ngày 02/12/2026.")
    record = document(text, doc_id="bc-1", metadata=DocumentMetadata(doc_type="BÁO CÁO", number="5/BC-UBND"))
    hits = [hit(record, text, "", score=1.0, index=0)]

    def ask(question: str) -> str:
        answer = answer_question(Library([record], hits), Settings(), question)
        return "ABSTAIN" if answer.abstained else answer.answer

    assert "187 vụ" in ask("Năm 2026 toàn tỉnh xảy ra bao nhiêu vụ tai nạn giao thông?")
    assert ask("Năm 2026 toàn tỉnh xảy ra bao nhiêu vụ cháy nổ?") == "ABSTAIN"
    assert "02/12/2026" in ask("Kỳ thi học sinh giỏi lớp 12 tổ chức ngày nào?")
    assert ask("Kỳ thi học sinh giỏi lớp 9 tổ chức ngày nào?") == "ABSTAIN"


def test_the_offices_after_a_named_person_answer_what_position_they_hold() -> None:
    text = ("Hội nghị do đồng chí Lê Văn Tâm - Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy "
            "chủ trì. Hội nghị thống nhất 5 nội dung.")
    record = document(text, doc_id="tb-2", metadata=DocumentMetadata(doc_type="THÔNG BÁO", number="2-TB/TU"))
    hits = [hit(record, text, "", score=1.0, index=0)]
    answer = answer_question(Library([record], hits), Settings(), "Đồng chí Lê Văn Tâm giữ chức vụ gì?")
    assert answer.answer == "Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy"


def test_liên_hệ_với_ai_is_answered_by_the_person_to_contact() -> None:
    text = ("Mọi vướng mắc, đề nghị các đơn vị liên hệ về Sở GD&ĐT (qua Phòng Giáo dục Trung học, "
            "bà Trần Thị Mai, chuyên viên, điện thoại: 0238.3844.618) để được hướng dẫn.")
    record = document(text, doc_id="cv-1", metadata=DocumentMetadata(doc_type="CÔNG VĂN", number="9/SGDĐT"))
    hits = [hit(record, text, "", score=1.0, index=0)]
    answer = answer_question(Library([record], hits), Settings(), "Có vướng mắc thì liên hệ với ai?")
    assert "Trần Thị Mai" in answer.answer


def test_units_named_otherwise_and_the_signer_as_the_holder_of_an_office() -> None:
    text = ("Kinh phí thực hiện Kế hoạch là 2.350 triệu đồng. Trong 9 tháng năm 2025 đã bàn giao "
            "612,4 ha mặt bằng.\nT/M ĐẢNG ỦY\nBÍ THƯ\nLâm Văn Đức")
    meta = DocumentMetadata(doc_type="NGHỊ QUYẾT", number="9-NQ/ĐU", issuer="ĐẢNG ỦY XÃ TÂN HÒA",
                            title="về xây dựng nông thôn mới năm 2026", signer_name="Lâm Văn Đức",
                            signer_position="T/M ĐẢNG ỦY / BÍ THƯ")
    record = document(text, doc_id="nq-9", metadata=meta)
    hits = [hit(record, text.split("\n")[0], "", score=1.0, index=0)]

    def ask(question: str) -> str:
        answer = answer_question(Library([record], hits), Settings(), question)
        return "ABSTAIN" if answer.abstained else answer.answer

    assert ask("Kinh phí thực hiện kế hoạch là bao nhiêu tiền?") == "2.350 triệu đồng"
    assert "612,4 ha" in ask("9 tháng năm 2025 đã bàn giao bao nhiêu héc-ta mặt bằng?")
    assert ask("6 tháng đầu năm 2025 đã bàn giao bao nhiêu héc-ta mặt bằng?") == "ABSTAIN"
    assert "Lâm Văn Đức" in ask("Bí thư Đảng ủy xã Tân Hòa là ai?")
    assert ask("Phó Bí thư Đảng ủy xã Tân Hòa là ai?") == "ABSTAIN"


def test_plural_when_takes_every_date_and_plural_doers_come_from_the_heading() -> None:
    text = "Tổ chức chiến dịch diệt lăng quăng 3 đợt trong năm vào tháng 4, tháng 6 và tháng 9."
    record = document(text, doc_id="kh-1", metadata=DocumentMetadata(doc_type="KẾ HOẠCH", number="1/KH-SYT"))
    hits = [hit(record, text, "III. NỘI DUNG", score=1.0, index=0)]
    answer = answer_question(Library([record], hits), Settings(),
                             "Chiến dịch diệt lăng quăng làm vào những tháng nào?")
    assert "tháng 4, tháng 6 và tháng 9" in answer.answer
    item = "Hoàn thành bàn giao 56,8 ha mặt bằng sạch Khu công nghiệp Yên Lạc trước ngày 15/11/2025."
    meta = DocumentMetadata(doc_type="THÔNG BÁO", number="3/TB-UBND")
    record = document(item, doc_id="tb-3", metadata=meta)
    hits = [hit(record, item, "2. Nhiệm vụ > 2.5. UBND các xã Yên Lạc, Tam Hồng", score=1.0, index=0)]
    answer = answer_question(Library([record], hits), Settings(),
                             "UBND những xã nào được giao bàn giao mặt bằng Khu công nghiệp Yên Lạc?")
    assert "Yên Lạc, Tam Hồng" in answer.answer


def test_a_number_asked_by_the_noun_it_follows() -> None:
    text = "Các môn thi tự luận, thời gian làm bài 180 phút. Điểm bài thi tính theo thang điểm 20."
    record = document(text, doc_id="cv-2", metadata=DocumentMetadata(doc_type="CÔNG VĂN", number="2/SGDĐT"))
    hits = [hit(record, text, "3. Môn thi", score=1.0, index=0)]
    answer = answer_question(Library([record], hits), Settings(), "Bài thi được chấm theo thang điểm mấy?")
    assert answer.answer == "thang điểm 20"


def test_ho_ten_of_an_office_nobody_in_the_passages_holds_is_not_answered() -> None:
    board = "Ban Chỉ đạo chuyển đổi số tỉnh Gia Lai"
    assert _decision_answer(f"Họ tên Chánh Văn phòng {board} là gì?") == "ABSTAIN"
    assert "Đỗ Thị Lan" in _decision_answer(f"Họ tên Phó Trưởng ban {board} là gì?")


def test_a_signer_answer_cites_the_closing_passage_with_its_section() -> None:
    from indexer.ingest import CLOSING_SECTION

    closing = "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Hùng"
    text = ("Số: 7/QĐ-UBND\nQUYẾT ĐỊNH\nvề việc thành lập Tổ công tác\n\n"
            "Điều 1. Thành lập Tổ công tác.\n" + closing)
    meta = DocumentMetadata(doc_type="QUYẾT ĐỊNH", number="7/QĐ-UBND", title="về việc thành lập Tổ công tác",
                            signer_name="Lê Văn Hùng", signer_position="KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")
    record = document(text, doc_id="qd-7", metadata=meta)
    hits = [hit(record, "Điều 1. Thành lập Tổ công tác.", "Điều 1", 1.0, 0),
            hit(record, closing, CLOSING_SECTION, 0.9, 1)]
    answer = answer_question(Library([record], hits), Settings(), "Ai ký Quyết định 7/QĐ-UBND?")
    assert "Lê Văn Hùng" in answer.answer
    first = answer.citations[0]
    assert (first.section, first.quote) == (CLOSING_SECTION, "Lê Văn Hùng")
    assert text[first.start:first.end] == "Lê Văn Hùng"
