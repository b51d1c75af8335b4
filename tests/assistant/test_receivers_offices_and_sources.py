"""Rules found on the dev6 and dev7 tuning sets (27 Nov, ninth session): who receives what is sent
("gửi … về Ban X"), the name a text gives an agency in brackets, "những nguy cơ nào" as a question word,
"bao nhiêu năm 2025" as a time, the date of a document named by its title, "… vào đâu", an office named
in a short form before other people, and "từ nguồn nào" answered by a source of money or not at all.

Every passage here is invented (a Ninh Thuận provincial plan); none is a gold question's text.
"""

from assistant.answer import answer_question
from assistant.extract import extract_answer
from assistant.question import QuestionKind, analyse_question
from assistant.settings import Settings
from assistant.who_answers import holds_position
from tests.assistant.builders import Library, answer_over, document, hit


def test_who_receives_is_the_one_it_is_sent_to() -> None:
    text = ("Định kỳ 6 tháng, các phòng, đơn vị gửi kết quả thực hiện công tác dân vận về Văn phòng Huyện ủy "
            "để tổng hợp báo cáo Thường trực Huyện ủy.")
    answer = answer_over(text, "III. TỔ CHỨC THỰC HIỆN",
                          "Bộ phận nào nhận kết quả thực hiện công tác dân vận của các phòng, đơn vị để tổng "
                          "hợp?")
    assert answer.startswith("Văn phòng Huyện ủy")


def test_the_name_a_bracket_gives_an_agency_is_preferred_to_its_cut_form() -> None:
    text = ("Ngày 05/3/2026, Ban Chỉ đạo về phát triển du lịch cộng đồng tỉnh (Ban Chỉ đạo tỉnh) đã tổ "
            "chức Hội nghị sơ kết quý I, trực tuyến đến 65 điểm cầu cấp xã.")
    answer = answer_over(text, "", "Ngày 05/3/2026, cơ quan nào đã tổ chức Hội nghị sơ kết quý I trực tuyến "
                                   "đến 65 điểm cầu cấp xã?")
    assert "Ban Chỉ đạo tỉnh" in answer


def test_which_risks_is_a_question_word_and_a_basis_is_no_department() -> None:
    assert analyse_question("Cần phòng ngừa cho học sinh những nguy cơ nào?").kind is QuestionKind.WHAT
    assert analyse_question("Kế hoạch được xây dựng trên cơ sở nào?").kind is not QuestionKind.WHO


def test_a_year_after_how_much_is_a_time_not_the_unit_counted() -> None:
    assert analyse_question("Ninh Thuận đặt mục tiêu tăng trưởng bao nhiêu năm 2026?").unit is None
    assert analyse_question("Tỉnh có bao nhiêu năm liên tục đạt chỉ tiêu?").unit == "năm liên"


def test_the_date_of_a_document_named_by_its_title() -> None:
    text = ("Thực hiện Hướng dẫn số 09-HD/BTGDVTU, ngày 12/02/2026 của Ban Tuyên giáo và Dân vận Tỉnh ủy "
            "Ninh Thuận về công tác dân vận năm 2026, Ban Thường vụ Đảng ủy xây dựng kế hoạch thực hiện như "
            "sau:")
    answer = answer_over(text, "", "Hướng dẫn về công tác dân vận năm 2026 của Ban Tuyên giáo và Dân vận "
                                   "Tỉnh ủy Ninh Thuận mà xã căn cứ ra ngày nào?")
    assert "12/02/2026" in answer


def test_where_to_is_read_after_the_words_before_it() -> None:
    text = ("- Nghiên cứu, tham mưu Ban Thường vụ Huyện ủy việc bố trí cán bộ trẻ có trình độ đại học vào "
            "các chức danh chủ chốt cấp xã.")
    answer = answer_over(text, "2.3. Ban Tổ chức Huyện ủy",
                          "Ban Tổ chức Huyện ủy tham mưu bố trí cán bộ trẻ có trình độ đại học vào đâu?")
    assert answer == "chức danh chủ chốt cấp xã"


def test_an_office_in_its_short_form_before_other_people_is_held() -> None:
    asked = ("trưởng", "ban", "chỉ", "đạo", "phát", "triển", "du", "lịch", "cộng", "đồng", "tỉnh", "ninh",
             "thuận")
    assert holds_position(asked, " - Bí thư Tỉnh ủy, Trưởng Ban Chỉ đạo tỉnh và các đồng chí Phó")
    assert not holds_position(asked, " - Phó Bí thư Tỉnh ủy, Phó Trưởng Ban Chỉ đạo tỉnh và các đồng")
    text = ("Hội nghị do đồng chí Trần Văn Hùng - Bí thư Tỉnh ủy, Trưởng Ban Chỉ đạo tỉnh và các đồng chí "
            "Phó Bí thư Tỉnh ủy chủ trì.")
    answer = answer_over(text, "", "Ai là Trưởng Ban Chỉ đạo về phát triển du lịch cộng đồng tỉnh "
                                   "Ninh Thuận?")
    assert answer.startswith("Trần Văn Hùng") and "các đồng chí" not in answer


def test_from_which_source_of_money_is_answered_by_one_or_not_at_all() -> None:
    question = "Kinh phí tổ chức Hội thi dân vận khéo lấy từ nguồn nào?"
    silent = "Ban Tổ chức Hội thi dân vận khéo tổng hợp kết quả, báo cáo Thường trực Huyện ủy."
    record = document(silent + "\n", doc_id="kh-nt")
    assert extract_answer(analyse_question(question), [hit(record, silent, "IV. TỔ CHỨC")],
                          lambda _: record) is None
    said = "Kinh phí tổ chức Hội thi dân vận khéo được bảo đảm từ nguồn ngân sách huyện năm 2026."
    assert "ngân sách huyện" in answer_over(said, "IV. KINH PHÍ", question)


def test_a_horizon_asked_is_the_time_after_its_word() -> None:
    text = ("- Sở Công Thương chủ trì tham mưu Kế hoạch triển khai Nghị quyết số 55-NQ/TW của Bộ Chính trị "
            "về định hướng chiến lược năng lượng quốc gia đến năm 2030, tầm nhìn đến năm 2050, phù hợp với "
            "tình hình thực tế của tỉnh.")
    answer = answer_over(text, "II. NHIỆM VỤ > 4. Công nghiệp",
                          "Nghị quyết 55-NQ/TW về định hướng chiến lược năng lượng quốc gia có tầm nhìn đến "
                          "năm nào?")
    assert "2050" in answer


def test_what_an_appendix_is_is_its_title() -> None:
    text = ("Phụ lục 02:\n\nMẪU BÁO CÁO\nKết quả công tác dân vận năm 2026\n\n"
            "1. Tình hình chung\nNêu khái quát.")
    record = document(text + "\n", doc_id="hd-nt")
    passage = "1. Tình hình chung\nNêu khái quát."
    hits = [hit(record, passage, "Phụ lục 02: MẪU BÁO CÁO > 1. Tình hình chung")]
    question = analyse_question("Phụ lục 02 của Hướng dẫn công tác dân vận là tài liệu gì?")
    found = extract_answer(question, hits, lambda _: record)
    assert found is not None and found.answer == "MẪU BÁO CÁO"


def test_to_do_what_asks_the_purpose_not_the_agency_s_task() -> None:
    text = "- Chủ trì, phối hợp xây dựng tiêu chí đánh giá cán bộ trẻ để làm căn cứ quy hoạch, bổ nhiệm."
    answer = answer_over(text, "2.3. Ban Tổ chức Huyện ủy",
                          "Ban Tổ chức Huyện ủy xây dựng tiêu chí đánh giá cán bộ trẻ để làm gì?")
    assert answer == "làm căn cứ quy hoạch, bổ nhiệm"


def test_the_number_of_a_document_of_the_type_and_date_asked_not_of_the_frame() -> None:
    text = ("Thực hiện Kế hoạch số 05-KH/BCĐ, ngày 10/3/2025 của Ban Chỉ đạo tỉnh và Nghị quyết số 33-NQ/TW, "
            "ngày 09/6/2024 của Ban Chấp hành Trung ương về xây dựng và phát triển văn hóa, con người Việt "
            "Nam, Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau:")
    answer = answer_over(text, "", "Trong kế hoạch của Huyện ủy, nghị quyết ngày 09/6/2024 về xây dựng và "
                                   "phát triển văn hóa, con người Việt Nam có số hiệu gì?")
    assert "33-NQ/TW" in answer


def test_a_basis_without_a_number_answers_which_document_it_rests_on() -> None:
    text = ("Thực hiện Hướng dẫn số 20-HD/BTGDVTW, ngày 15/12/2025 của Ban Tuyên giáo và Dân vận Trung ương "
            "về công tác dân vận năm 2026; căn cứ Chương trình công tác toàn khóa của Tỉnh ủy, Ban Tuyên "
            "giáo và Dân vận Tỉnh ủy hướng dẫn công tác dân vận năm 2026 như sau:")
    answer = answer_over(text, "", "Ngoài Hướng dẫn 20-HD/BTGDVTW, Hướng dẫn công tác dân vận năm 2026 của "
                                   "tỉnh còn căn cứ vào văn bản nào?")
    assert answer == "Chương trình công tác toàn khóa của Tỉnh ủy"


OUTLINE = """HƯỚNG DẪN
công tác dân vận năm 2026

I. MỤC ĐÍCH
Nâng cao hiệu quả công tác dân vận.

Phụ lục 02:

ĐỀ CƯƠNG BÁO CÁO
Kết quả công tác dân vận năm 2026

1. Tình hình chung
Những thuận lợi, khó khăn tác động đến công tác dân vận và tâm trạng của Nhân dân.

2. Kết quả thực hiện
Kết quả nổi bật trong năm.

3. Kiến nghị
Đề xuất với cấp trên.
"""


def test_a_part_the_question_names_is_answered_by_its_text_not_by_the_list_of_parts() -> None:
    from assistant.outline import outline_candidates

    record = document(OUTLINE, doc_id="hd-dv")
    passage = OUTLINE[OUTLINE.index("1. Tình hình chung"):OUTLINE.index("2. Kết quả")].strip()
    hits = [hit(record, passage, "Phụ lục 02: ĐỀ CƯƠNG BÁO CÁO > 1. Tình hình chung")]
    asked = analyse_question("Mục “Tình hình chung” trong đề cương báo cáo công tác dân vận phải nêu "
                             "những gì?")
    found = outline_candidates(asked, hits, lambda _: record)
    assert [c.answer for c in found] == [
        "Những thuận lợi, khó khăn tác động đến công tác dân vận và tâm trạng của Nhân dân."]
    # the parts are still the answer when the question names none of them
    parts = outline_candidates(analyse_question("Đề cương báo cáo công tác dân vận gồm những mục nào?"), hits,
                               lambda _: record)
    assert [c.answer for c in parts] == ["Tình hình chung; Kết quả thực hiện; Kiến nghị"]


def test_which_actors_takes_any_phrase_after_the_same_preposition() -> None:
    text = ("Phát huy tối đa sức mạnh tổng hợp của cả hệ thống chính trị, doanh nghiệp và người dân trong "
            "quá trình xây dựng nông thôn mới.")
    answer = answer_over(text, "I. MỤC ĐÍCH", "Kế hoạch yêu cầu phát huy sức mạnh tổng hợp của những chủ thể "
                                             "nào trong xây dựng nông thôn mới?")
    assert answer == "cả hệ thống chính trị, doanh nghiệp và người dân"


def test_which_levels_takes_the_bodies_after_the_same_preposition() -> None:
    text = ("+ Tham mưu triển khai kịp thời các nhiệm vụ được giao theo kế hoạch của Trung ương, Ban Thường "
            "vụ Tỉnh ủy, Ban Chỉ đạo tỉnh đã đề ra.")
    answer = answer_over(text, "2.2.1. Văn phòng Tỉnh ủy", "Văn phòng Tỉnh ủy tham mưu triển khai các nhiệm "
                                                         "vụ được giao theo kế hoạch của những cấp nào?")
    assert answer == "Trung ương, Ban Thường vụ Tỉnh ủy, Ban Chỉ đạo tỉnh"


REVIEW = """HƯỚNG DẪN
công tác dân vận năm 2026

1. Công tác sơ kết, tổng kết
- Sơ kết 10 năm thực hiện Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và
làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh đến năm 2030.

2. Chế độ báo cáo
- Các đơn vị báo cáo kết quả về Ban Dân vận trước ngày 15/11/2026.
"""


def _review_answer(question: str) -> str:
    record = document(REVIEW, doc_id="hd-dv26")
    parts = [p.strip() for p in REVIEW.split("\n\n")[1:]]
    hits = [hit(record, part, part.split("\n")[0], score=1.0 - i / 10, index=i)
            for i, part in enumerate(parts)]
    reply = answer_question(Library([record], hits), Settings(), question)
    return "" if reply.abstained else reply.answer


def test_a_year_in_the_source_named_does_not_date_the_fact() -> None:
    assert "10 năm" in _review_answer("Theo hướng dẫn công tác dân vận năm 2026 của tỉnh, cần sơ kết mấy năm "
                                      "thực hiện Chỉ thị 05-CT/TW?")
    # a year the question asks of, outside that frame, still does
    assert _review_answer("Năm 2027 cần sơ kết mấy năm thực hiện Chỉ thị 05-CT/TW?") == ""


def test_the_issue_date_of_a_plan_is_not_the_date_of_what_it_implements_nor_a_deadline() -> None:
    assert _review_answer("Hướng dẫn triển khai Chỉ thị 05-CT/TW về đẩy mạnh học tập và làm theo tư tưởng, "
                          "đạo đức, phong cách Hồ Chí Minh được ban hành ngày nào?") == ""
    assert "15/5/2016" in _review_answer("Chỉ thị 05-CT/TW của Bộ Chính trị được ban hành ngày nào?")
    assert _review_answer("Hướng dẫn về chế độ báo cáo kết quả của các đơn vị về Ban Dân vận được ban hành "
                          "ngày nào?") == ""


def test_members_counted_before_their_class_noun_and_a_head_after_a_comma() -> None:
    question = ("Trước khi sắp xếp đơn vị hành chính cấp huyện, những huyện nào đã ban hành kế hoạch thực "
                "hiện Đề án?")
    assert analyse_question(question).head == ("huyện",)
    assert analyse_question("Cần nâng cao những năng lực, kỹ năng gì?").head == ("năng", "lực")
    text = ("Trước đây, ba huyện Bảo Lâm, Bảo Lạc và Nguyên Bình đều đã ban hành kế hoạch thực hiện Đề án; "
            "nay cần thống nhất một kế hoạch chung.")
    assert answer_over(text, "Chú thích 2", question) == "Bảo Lâm, Bảo Lạc và Nguyên Bình"


def test_reporting_periods_listed_after_a_frequency_are_periods_too() -> None:
    text = "Các phòng, đơn vị báo cáo định kỳ hằng quý, 6 tháng, 9 tháng hoặc đột xuất về Văn phòng Huyện ủy."
    answer = answer_over(text, "5. Chế độ thông tin, báo cáo",
                          "Các phòng, đơn vị báo cáo định kỳ theo những kỳ nào?")
    assert "hằng quý, 6 tháng, 9 tháng" in answer


def test_a_terse_question_without_a_question_word_is_read_by_its_opening() -> None:
    assert analyse_question("Kế hoạch thực hiện Kết luận 15 về du lịch?").kind is QuestionKind.DOC
    assert analyse_question("Chỉ tiêu tham gia bảo hiểm y tế năm 2026?").kind is QuestionKind.NUMBER
    assert analyse_question("Cơ quan chủ trì xây dựng Đề án du lịch cộng đồng?").kind is QuestionKind.WHO
    assert analyse_question("Hạn gửi báo cáo sơ kết?").kind is QuestionKind.WHEN
    assert analyse_question("Công tác dân vận năm 2026?").kind is QuestionKind.FREE
    text = ("(3) Kết luận số 15-KL/TW, ngày 10/02/2024 của Bộ Chính trị về phát triển du lịch và Kế hoạch số "
            "88-KH/TU, ngày 05/4/2024 của Ban Thường vụ Tỉnh ủy thực hiện Kết luận số 15-KL/TW.")
    answer = answer_over(text, "Phụ lục 01", "Kế hoạch thực hiện Kết luận 15 về du lịch ở Ninh Thuận?")
    assert answer.startswith("Kế hoạch số 88-KH/TU")


def test_what_something_is_held_to_be_is_read_after_xem_day_la() -> None:
    text = ("Các chi bộ quán triệt, triển khai công tác dân vận gắn với thực hiện nhiệm vụ chính trị của cơ "
            "quan, đơn vị; xem đây là nhiệm vụ thường xuyên, lâu dài của cả hệ thống chính trị; kịp thời "
            "biểu dương điển hình.")
    answer = answer_over(text, "I. MỤC ĐÍCH, YÊU CẦU",
                          "Kế hoạch yêu cầu các chi bộ xem công tác dân vận là gì?")
    assert answer == "nhiệm vụ thường xuyên, lâu dài của cả hệ thống chính trị"
