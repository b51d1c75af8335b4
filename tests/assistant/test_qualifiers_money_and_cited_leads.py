"""Rules found on the dev5, genre13 and genre15 tuning sets (27 Nov, seventh session): a number whose
clause qualifies the question's noun otherwise ("Ngân sách tỉnh" for "Ngân sách Trung ương"), money
asked without a unit ("Tổng mức đầu tư … là bao nhiêu?"), a figure asked of a quoted name its passage
does not write, the bracket naming the members of a plural answer ("các xã miền núi (A, B, C)"), and a
definition asked after a lead-in citing the document ("Theo Kế hoạch …, trọng tâm của … là gì?").

Every passage here is invented (a Quảng Trị provincial plan); none is a gold question's text.
"""

from assistant.answer import _other_qualifier
from assistant.evidence import Candidate
from assistant.question import analyse_question
from indexer.model import DocumentMetadata
from tests.assistant.builders import answer_over, answer_text, document, hit

PLAN = """IV. KINH PHÍ
Ngân sách tỉnh bố trí 9,5 tỷ đồng cho công tác phòng, chống dịch bệnh trên cây trồng năm 2026.
Tỷ lệ người dân tham gia bảo hiểm y tế đạt 94,1%.
Dự án kè chống sạt lở bờ sông Thạch Hãn đã bàn giao 12,6 ha mặt bằng, đạt 80% diện tích.
Tổ chức 04 phiên chợ nông sản tại các xã miền núi (Hướng Lập, Hướng Phùng, A Dơi, Ba Tầng) trong quý IV.
Chương trình “Sản phẩm OCOP Quảng Trị” có kinh phí 1,2 tỷ đồng.
V. PHỐI HỢP
Trọng tâm là tăng cường trao đổi thông tin giữa các cấp, kịp thời xử lý những vấn đề phát sinh.
""".replace("\\\n", "")
RECORD = document(PLAN, doc_id="kh-qt")


def _line(start: str) -> str:
    at = PLAN.index(start)
    return PLAN[at:PLAN.index("\n", at)]



def _clause_check(question: str, line: str) -> bool:
    hits = [hit(RECORD, line, "IV. KINH PHÍ")]
    found = Candidate("?", 0, (0, len(line)), 0.8, 1.0, "kh-qt")
    return _other_qualifier(analyse_question(question), found, hits)


def test_a_number_whose_clause_qualifies_the_asked_noun_otherwise_is_no_answer() -> None:
    budget, insured = _line("Ngân sách"), _line("Tỷ lệ")
    assert _clause_check("Ngân sách Trung ương hỗ trợ tỉnh bao nhiêu cho phòng, chống dịch bệnh?", budget)
    assert _clause_check("Tỷ lệ người dân tham gia bảo hiểm xã hội tự nguyện là bao nhiêu?", insured)
    # the same qualifier, or none after the shared noun, is an answer
    assert not _clause_check("Ngân sách tỉnh bố trí bao nhiêu cho phòng, chống dịch bệnh trên cây trồng?",
                             budget)
    assert not _clause_check("Tỷ lệ người dân tham gia bảo hiểm y tế là bao nhiêu?", insured)
    assert not _clause_check("Bao nhiêu phần trăm người dân tham gia bảo hiểm?", insured)


def test_money_asked_without_a_unit_is_not_answered_by_another_quantity() -> None:
    assert analyse_question("Tổng mức đầu tư Dự án kè sông Thạch Hãn là bao nhiêu?").unit == "tiền"
    assert analyse_question("Kinh phí thực hiện kế hoạch là bao nhiêu?").unit == "tiền"
    assert analyse_question("Tỷ lệ giải ngân vốn đầu tư công là bao nhiêu?").unit == "%"
    hits = [hit(RECORD, _line("Dự án kè"), "IV. KINH PHÍ"), hit(RECORD, _line("Ngân sách"), "IV. KINH PHÍ",
                                                                 score=0.9, index=1)]
    assert answer_text("Kinh phí tỉnh bố trí cho phòng, chống dịch bệnh trên cây trồng là bao nhiêu?", hits,
                       RECORD) == "9,5 tỷ đồng"


def test_what_a_thing_is_after_a_lead_in_naming_the_document() -> None:
    hits = [hit(RECORD, _line("Trọng tâm"), "V. PHỐI HỢP")]
    question = "Theo Kế hoạch của UBND tỉnh Quảng Trị, trọng tâm của công tác phối hợp là gì?"
    answer = answer_text(question, hits, RECORD)
    assert answer.startswith("tăng cường trao đổi thông tin giữa các cấp")


def test_a_figure_of_a_quoted_name_the_passage_does_not_write_is_no_answer() -> None:
    from assistant.answer import _quoted_elsewhere

    passage = _line("Ngân sách")
    assert _quoted_elsewhere(analyse_question("Chương trình “Sản phẩm OCOP” có kinh phí bao nhiêu?"), passage)
    assert not _quoted_elsewhere(analyse_question("Chương trình “Sản phẩm OCOP” có kinh phí bao nhiêu?"),
                                 _line("Chương trình"))
    assert not _quoted_elsewhere(analyse_question("Ngân sách tỉnh bố trí bao nhiêu?"), passage)


def test_a_plural_answer_keeps_the_bracket_naming_its_members() -> None:
    from assistant.extract import _with_listed

    line = _line("Tổ chức 04")
    hits = [hit(RECORD, line, "IV. KINH PHÍ")]
    found = Candidate("các xã miền núi", 0, (0, len(line)), 0.8, 1.0, "kh-qt")
    assert _with_listed(found, hits).answer == "các xã miền núi (Hướng Lập, Hướng Phùng, A Dơi, Ba Tầng)"
    # a bracket that is not right after the answer, or holds no list, is left out
    other = Candidate("phiên chợ nông sản", 0, (0, len(line)), 0.8, 1.0, "kh-qt")
    assert _with_listed(other, hits).answer == "phiên chợ nông sản"


DECISION = """Điều 3. Chánh Văn phòng HĐND và UBND huyện; Trưởng các phòng: Nội vụ, Y tế, Văn hóa và \
Thông tin; Chủ tịch UBND các xã, thị trấn và Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách \
nhiệm thi hành Quyết định này.
"""
DECISION_RECORD = document(DECISION, doc_id="qd-hh")


def test_the_office_the_question_puts_before_a_class_picks_its_members() -> None:
    hits = [hit(DECISION_RECORD, DECISION.strip(), "Điều 3.")]
    question = "Trưởng những phòng nào chịu trách nhiệm thi hành Quyết định?"
    assert answer_text(question, hits, DECISION_RECORD) == "Nội vụ, Y tế, Văn hóa và Thông tin"


def test_a_province_written_after_the_district_is_where_it_is() -> None:
    from assistant.evidence import ungrounded

    notice = "Huyện Hải Hậu tổ chức 04 lớp tập huấn."
    asked = analyse_question("Huyện Hải Hậu, Nam Định tổ chức bao nhiêu lớp tập huấn?")
    assert ungrounded(asked, notice, notice) == []
    # a province asked on its own is still needed
    asked = analyse_question("Tỉnh Nam Định tổ chức bao nhiêu lớp tập huấn ở huyện Hải Hậu?")
    assert ungrounded(asked, notice, notice) == ["Nam Định"]


MEETING = """Ngày 12/5/2026, Ban Chỉ đạo tỉnh tổ chức Phiên họp thứ hai theo hình thức trực tuyến(1).
Điểm cầu cấp tỉnh: với sự tham dự của các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy, lãnh đạo các sở, ngành.
Điểm cầu cấp xã: Đồng chí Bí thư Đảng ủy, đồng chí Chủ tịch UBND, công chức văn hóa - xã hội.
"""
MEETING_RECORD = document(MEETING, doc_id="tb-bcd")


def test_who_attends_where_the_question_names_the_line_label() -> None:
    notes = MEETING[MEETING.index("Điểm cầu cấp tỉnh"):].strip()
    hits = [hit(MEETING_RECORD, notes, "Chú thích 1")]
    answer = answer_text("Những ai dự Phiên họp thứ hai tại điểm cầu cấp xã?", hits, MEETING_RECORD)
    assert answer.startswith("Đồng chí Bí thư Đảng ủy, đồng chí Chủ tịch UBND")


def test_the_words_opening_a_clause_before_the_question_words_are_kept() -> None:
    aims = "1. Cụ thể hóa để triển khai kịp thời Chỉ thị số 15-CT/TU của Ban Thường vụ Tỉnh ủy.\n"
    answer = answer_over(aims, "I. MỤC ĐÍCH",
                          "Mục đích đầu tiên của kế hoạch triển khai Chỉ thị 15-CT/TU là gì?")
    assert answer.startswith("Cụ thể hóa để triển khai")


def test_a_clause_done_by_another_agency_than_the_one_asked_about() -> None:
    from assistant.what_answers import done_by_another

    tasks = ("- Sở Tài chính chủ trì, hoàn thành điều chỉnh quy hoạch tỉnh, bảo đảm đồng bộ.\n"
             "- Sở Nội vụ chủ trì, sắp xếp tổ chức bộ máy; nâng cao năng lực, kỷ luật công vụ.\n")
    record = document(tasks, doc_id="kh-nv")
    hits = [hit(record, tasks.strip(), "II. NHIỆM VỤ")]
    finance = (tasks.index("Sở Tài chính"), tasks.index("\n"))
    interior = (tasks.index("Sở Nội vụ"), len(tasks.strip()))
    asked = analyse_question("Sở Nội vụ được giao nâng cao những gì?")
    assert done_by_another(asked, Candidate("?", 0, finance, 0.5, 0.5, "kh-nv"), hits)
    assert not done_by_another(asked, Candidate("?", 0, interior, 0.5, 0.5, "kh-nv"), hits)
    unnamed = analyse_question("Kế hoạch yêu cầu nâng cao những gì?")
    assert not done_by_another(unnamed, Candidate("?", 0, finance, 0.5, 0.5, "kh-nv"), hits)


def test_a_union_of_associations_is_named_whole() -> None:
    from assistant.spans import is_agency

    assert is_agency("Liên hiệp các Hội Văn học nghệ thuật tỉnh")
    line = "Tiếp tục đổi mới, nâng cao hiệu quả hoạt động của Liên hiệp các Hội Văn học nghệ thuật tỉnh."
    answer = answer_over(line, "II. NHIỆM VỤ", "Kế hoạch nhằm nâng cao hiệu quả hoạt động của tổ chức nào?")
    assert answer.startswith("Liên hiệp các Hội Văn học nghệ thuật tỉnh")


def test_a_meeting_alone_does_not_answer_who_issued_a_resolution() -> None:
    line = ("- Thực hiện Nghị quyết số 19-NQ/TW, ngày 16/6/2022 của Hội nghị lần thứ năm Ban Chấp hành "
            "Trung ương Đảng khóa XIII về nông nghiệp, nông dân, nông thôn.")
    answer = answer_over(line, "II. NHIỆM VỤ",
                          "Nghị quyết 19-NQ/TW ngày 16/6/2022 về nông nghiệp do cơ quan nào ban hành?")
    assert "Ban Chấp hành Trung ương" in answer


def test_a_who_question_is_not_answered_by_the_tasks_its_agency_labels() -> None:
    line = ("- Sở Tài chính: Chủ trì, phối hợp với Ban Quản lý Khu kinh tế tỉnh lập danh mục dự án cần "
            "rà soát.")
    answer = answer_over(line, "IV. TỔ CHỨC THỰC HIỆN",
                          "Sở Tài chính phối hợp với đơn vị nào để lập danh mục dự án cần rà soát?")
    assert answer.startswith("Ban Quản lý Khu kinh tế tỉnh")


def test_parts_headed_về_are_listed_by_their_topics() -> None:
    plan = ("II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU\n1. Về phát triển kinh tế, thúc đẩy tăng trưởng\n"
            "- Sở Tài chính tham mưu điều hành ngân sách.\n2. Về văn hóa, xã hội, giảm nghèo\n"
            "- Sở Y tế nâng cao chất lượng khám chữa bệnh.\n3. Về quốc phòng, an ninh\n"
            "- Công an tỉnh bảo đảm trật tự an toàn xã hội.\n")
    answer = answer_over(plan, "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU",
                          "Phần nhiệm vụ, giải pháp chủ yếu của kế hoạch gồm những nhóm nào?")
    assert answer == ("phát triển kinh tế, thúc đẩy tăng trưởng; văn hóa, xã hội, giảm nghèo; "
                      "quốc phòng, an ninh")


def test_what_an_agency_issues_in_a_clause_of_time_is_not_the_document_itself() -> None:
    from assistant.header_answers import self_candidates

    notice = ("THÔNG BÁO\nKết luận Phiên họp thứ hai Ban Chỉ đạo tỉnh\n"
              "Sau khi Ban Chỉ đạo tỉnh ban hành Kế hoạch hành động, các sở, ngành khẩn trương triển khai.\n")
    meta = DocumentMetadata(doc_type="thông báo", number="05-TB/BCĐ",
                            title="Kết luận Phiên họp thứ hai Ban Chỉ đạo tỉnh")
    record = document(notice, doc_id="tb-kl", metadata=meta)
    hits = [hit(record, notice.strip().splitlines()[-1], "II. NHIỆM VỤ")]
    asked = analyse_question("Theo Thông báo 05-TB/BCĐ, các sở, ngành phải triển khai sau khi Ban Chỉ đạo "
                             "tỉnh ban hành văn bản gì?")
    assert self_candidates(asked, hits, lambda _: record) == []
    # what the document itself issues is its own name
    asked = analyse_question("Thông báo 05-TB/BCĐ ban hành nội dung gì?")
    assert [c.answer for c in self_candidates(asked, hits, lambda _: record)] == [meta.title]


def test_a_written_out_table_row_gives_its_value_with_the_unit_its_label_brackets() -> None:
    rows = ("- 1. Xã Hòa Lạc. Số hộ (hộ): 31. Kinh phí (triệu đồng): 1.085.\n"
            "- 2. Xã Tiêu Lộc. Số hộ (hộ): 52. Kinh phí (triệu đồng): 1.820.\n")
    record = document(rows, doc_id="pl-nt")
    hits = [hit(record, rows.strip(), "PHỤ LỤC PHÂN BỔ KINH PHÍ")]
    answer = answer_text("Kinh phí phân bổ cho xã Tiêu Lộc là bao nhiêu triệu đồng?", hits, record)
    assert answer == "1.820 triệu đồng"
    assert answer_text("Xã Hòa Lạc có bao nhiêu hộ được hỗ trợ?", hits, record) == "31 hộ"


def test_a_month_the_question_names_picks_its_line_of_a_schedule() -> None:
    schedule = ("IV. LỊCH CÔNG TÁC\n- Tháng 11/2025: Hội thi giáo viên dạy giỏi cấp tỉnh.\n"
                "- Tháng 12/2025: Thi chọn học sinh giỏi cấp tỉnh lớp 9; kiểm tra cuối học kỳ I.\n")
    answer = answer_over(schedule, "IV. LỊCH CÔNG TÁC",
                          "Trong tháng 12/2025 ngành giáo dục có những công việc chủ yếu nào?")
    assert answer.startswith("Thi chọn học sinh giỏi cấp tỉnh lớp 9")


def test_a_line_labelled_by_the_asked_noun_and_question_words_answers() -> None:
    money = ("Điều 1. Phê duyệt kinh phí hỗ trợ khôi phục sản xuất sau bão, cụ thể như sau:\n"
             "- Tổng kinh phí hỗ trợ: 9.600 triệu đồng.\n"
             "- Nguồn kinh phí: dự phòng ngân sách tỉnh năm 2026.\n")
    meta = DocumentMetadata(doc_type="quyết định",
                            title="Phê duyệt kinh phí hỗ trợ khôi phục sản xuất sau bão")
    record = document(money, doc_id="qd-kp", metadata=meta)
    hits = [hit(record, money[money.index("- Tổng"):].strip(), "Điều 1. Phê duyệt kinh phí hỗ trợ"),
            hit(record, money[:money.index("\n")], "Điều 1. Phê duyệt kinh phí hỗ trợ", score=0.9, index=1)]
    answer = answer_text("Kinh phí hỗ trợ khôi phục sản xuất sau bão được lấy từ nguồn nào?", hits, record)
    assert answer.startswith("dự phòng ngân sách tỉnh năm 2026")


def test_an_appendix_title_in_capitals_answers_nothing() -> None:
    appendix = ("PHỤ LỤC\nPHÂN BỔ KINH PHÍ HỖ TRỢ KHÔI PHỤC SẢN XUẤT NÔNG NGHIỆP\nDO BÃO SỐ 3 NĂM 2026\n"
                "(Kèm theo Quyết định số 12/QĐ-UBND ngày 09/6/2026 của UBND tỉnh)\n")
    record = document(appendix, doc_id="pl-kp")
    found = hit(record, appendix.strip(), "PHỤ LỤC PHÂN BỔ KINH PHÍ HỖ TRỢ KHÔI PHỤC SẢN XUẤT NÔNG NGHIỆP")
    from assistant.extract import extract_answer

    asked = analyse_question("Kinh phí hỗ trợ khôi phục sản xuất nông nghiệp do bão số 3 lấy từ nguồn nào?")
    candidate = extract_answer(asked, [found], lambda _: record)
    assert candidate is None or "PHÂN BỔ KINH PHÍ" not in candidate.answer
