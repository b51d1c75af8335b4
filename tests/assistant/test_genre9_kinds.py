"""Rules found on the genre9 tuning set (written 26 Nov, fourth session): the role nearest the question
word, offices before a class, whole lists, list items without their bracketed details, school terms and
weeks, rates per unit, a value's own place, addressees asked with two nouns.

Every passage here is invented (a Bắc Giang district plan); none is a gold question's text.
"""

from assistant.evidence import item_name
from assistant.facts import times
from assistant.question import Role, analyse_question
from tests.assistant.builders import answer_text, document, hit

PLAN = """KẾ HOẠCH
Hỗ trợ phát triển cây vải thiều huyện Lục Ngạn năm 2026

II. NỘI DUNG
1. Mức hỗ trợ
- Hộ gia đình: hỗ trợ 40% chi phí, tối đa 25 triệu đồng/ha và không quá 90 triệu đồng/hộ.
- Tỷ lệ hộ áp dụng quy trình VietGAP phấn đấu đạt tối thiểu 80% ở vùng trọng điểm và 45% ở vùng còn lại.
- Học sinh các trường THCS tham quan mô hình trong học kỳ II năm học 2025 - 2026.
- Các tổ hợp tác đăng ký từ tuần thứ hai tháng 3/2026; báo cáo trước ngày 05 tháng cuối mỗi quý.
2. Các giống được hỗ trợ:
- Vải thiều Thanh Hà (cây ghép, từ 2 năm tuổi);
- Vải lai chín sớm (cây chiết);
- Vải U hồng.

IV. TỔ CHỨC THỰC HIỆN
1. Phòng Nông nghiệp và Môi trường
- Chủ trì, phối hợp với Phòng Tài chính - Kế hoạch tham mưu UBND huyện phân bổ kinh phí hỗ trợ.
2. Trung tâm Văn hóa - Thông tin
- Chủ trì, phối hợp với Đài Truyền thanh huyện, Báo Bắc Giang, Cổng Thông tin điện tử huyện, hệ thống \
loa truyền thanh cơ sở tuyên truyền Kế hoạch.
3. Trưởng các phòng: Nội vụ, Tư pháp, Kinh tế và Hạ tầng; Chủ tịch UBND các xã chịu trách nhiệm thi \
hành Kế hoạch này.
""".replace("\\\n", "")
RECORD = document(PLAN, doc_id="kh-vai")


def _part(start: str, end: str | None = None) -> str:
    return PLAN[PLAN.index(start):PLAN.index(end) if end else len(PLAN)].strip()


def _ask(question: str, passage: str, section: str) -> str:
    return answer_text(question, [hit(RECORD, passage, section)], RECORD)


def test_the_role_asked_is_the_one_nearest_the_question_word() -> None:
    asked = analyse_question("Phòng A phối hợp với phòng nào để tham mưu phân bổ kinh phí?")
    assert asked.role is Role.COORDINATE
    assert analyse_question("Đơn vị nào chủ trì, phối hợp với Sở B tham mưu?").role is Role.LEAD
    assert analyse_question("Phòng A phối hợp với phòng nào để tham mưu?").preposition == "với"
    agencies = _part("IV. TỔ CHỨC", "2. Trung tâm")
    section = "IV. TỔ CHỨC THỰC HIỆN > 1. Phòng Nông nghiệp và Môi trường"
    assert _ask("Phòng Nông nghiệp và Môi trường phối hợp với phòng nào để tham mưu phân bổ kinh phí hỗ trợ?",
                agencies, section) == "Phòng Tài chính - Kế hoạch"


def test_a_list_of_agencies_is_not_cut_short_and_an_office_before_the_class_counts() -> None:
    spread = _part("2. Trung tâm", "3. Trưởng")
    answer = _ask("Trung tâm Văn hóa - Thông tin phối hợp với những đơn vị nào để tuyên truyền Kế hoạch?",
                  spread, "IV. TỔ CHỨC THỰC HIỆN > 2. Trung tâm Văn hóa - Thông tin")
    assert answer.startswith("Đài Truyền thanh huyện, Báo Bắc Giang, Cổng Thông tin điện tử huyện")
    heads = _part("3. Trưởng")
    assert _ask("Trưởng những phòng nào chịu trách nhiệm thi hành Kế hoạch hỗ trợ cây vải thiều?", heads,
                "IV. TỔ CHỨC THỰC HIỆN") == "Nội vụ, Tư pháp, Kinh tế và Hạ tầng"


def test_list_items_are_named_without_their_bracketed_details() -> None:
    assert item_name("- Vải thiều Thanh Hà (cây ghép, từ 2 năm tuổi);") == "- Vải thiều Thanh Hà"
    assert item_name("Vải U hồng.") == "Vải U hồng"
    assert item_name("Kinh phí (theo Phụ lục) được bố trí từ ngân sách huyện") == (
        "Kinh phí (theo Phụ lục) được bố trí từ ngân sách huyện")  # the brackets do not close the item
    kinds = _part("2. Các giống", "IV.")
    assert _ask("Kế hoạch phát triển cây vải thiều Lục Ngạn hỗ trợ những giống nào?", kinds,
                "II. NỘI DUNG > 2. Các giống được hỗ trợ:") == (
        "Vải thiều Thanh Hà; Vải lai chín sớm; Vải U hồng")


def test_school_terms_weeks_and_a_day_of_every_quarter_are_times() -> None:
    text = _part("- Học sinh", "2. Các giống")
    found = [text[f.start:f.end] for f in times(text)]
    assert "trong học kỳ II năm học 2025 - 2026" in found
    assert "từ tuần thứ hai tháng 3/2026" in found
    assert "trước ngày 05 tháng cuối mỗi quý" in found


def test_a_rate_per_unit_and_the_value_of_the_asked_place() -> None:
    levels = _part("1. Mức hỗ trợ", "- Học sinh")
    section = "II. NỘI DUNG > 1. Mức hỗ trợ"
    assert _ask("Hộ trồng vải thiều ở Lục Ngạn được hỗ trợ tối đa bao nhiêu tiền mỗi héc-ta?", levels,
                section) == "tối đa 25 triệu đồng/ha"
    assert _ask("Ở vùng còn lại, tỷ lệ hộ áp dụng VietGAP phấn đấu đạt tối thiểu mấy phần trăm?", levels,
                section) == "45%"


def test_where_a_letter_is_sent_asked_with_two_nouns() -> None:
    assert analyse_question("Công văn này được gửi tới những cơ quan, đơn vị nào?").recipients == ""
    assert analyse_question("Công văn này được gửi tới những cơ quan nào?").recipients == ""


REPORT = """SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH BẮC GIANG
Số: 215/BC-SNNMT
BÁO CÁO
Kết quả thực hiện Chương trình “Mỗi xã một sản phẩm” quý I năm 2026

Điều 1. Đối tượng áp dụng
a) Hộ gia đình, cá nhân sản xuất sản phẩm OCOP;
b) Tổ hợp tác, hợp tác xã có sản phẩm được công nhận;
c) Sở Công Thương và các cơ quan có liên quan.

Điều 2. Kết quả
Giảm nghèo: tỷ lệ hộ nghèo còn 2,1%, giảm 0,4 điểm phần trăm so với cuối năm 2025; toàn tỉnh còn 4.215 hộ \
nghèo. Toàn tỉnh có 1,8 triệu tài khoản thanh toán cá nhân.
""".replace("\\\n", "")


def test_a_report_named_by_its_type_and_a_title_name_asked() -> None:
    from assistant.extract import extract_answer
    from indexer.model import DocumentMetadata

    meta = DocumentMetadata(doc_type="BÁO CÁO", number="215/BC-SNNMT",
                            issuer="SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG TỈNH BẮC GIANG",
                            title="Kết quả thực hiện Chương trình “Mỗi xã một sản phẩm” quý I năm 2026")
    record = document(REPORT, doc_id="bc-ocop", metadata=meta)
    hits = [hit(record, REPORT[REPORT.index("Điều 2."):].strip(), "Điều 2. Kết quả")]
    number = extract_answer(analyse_question(
        "Báo cáo kết quả thực hiện chương trình mỗi xã một sản phẩm của Sở NN&MT Bắc Giang có số hiệu gì?"),
        hits, lambda _: record)
    assert number is not None and number.answer == "215/BC-SNNMT"
    name = extract_answer(analyse_question("Chương trình mà Sở NN&MT Bắc Giang báo cáo có tên gọi là gì?"),
                          hits, lambda _: record)
    assert name is not None and name.answer == "Mỗi xã một sản phẩm"


def test_a_count_in_millions_and_a_year_it_is_compared_with() -> None:
    from assistant.evidence import other_year
    from assistant.extract import extract_answer

    record = document(REPORT, doc_id="bc-ocop")
    hits = [hit(record, REPORT[REPORT.index("Điều 2."):].strip(), "Điều 2. Kết quả")]
    accounts = analyse_question("Bắc Giang có bao nhiêu tài khoản thanh toán cá nhân?")
    assert answer_text(accounts.text, hits, record) == "1,8 triệu tài khoản"
    poor = analyse_question("Quý I năm 2026 toàn tỉnh Bắc Giang còn mấy hộ nghèo?")
    found = extract_answer(poor, hits, lambda _: record)
    assert found is not None and found.answer == "4.215 hộ nghèo"
    # "so với cuối năm 2025" compares the figure with 2025; it is the 2026 figure
    assert not other_year(poor, found, hits)


def test_the_parts_of_a_named_heading_answer_gom_nhung_ai() -> None:
    from assistant.outline import outline_candidates

    record = document(REPORT, doc_id="bc-ocop")
    part = REPORT[REPORT.index("Điều 1."):REPORT.index("Điều 2.")].strip()
    asked = analyse_question("Đối tượng áp dụng của báo cáo OCOP Bắc Giang gồm những ai?")
    found = outline_candidates(asked, [hit(record, part, "Điều 1. Đối tượng áp dụng")], lambda _: record)
    assert found and max(found, key=lambda c: c.score).answer == (
        "Hộ gia đình, cá nhân sản xuất sản phẩm OCOP; Tổ hợp tác, hợp tác xã có sản phẩm được công nhận; "
        "Sở Công Thương và các cơ quan có liên quan")


def test_near_misses_of_a_count_a_target_and_a_sentence_year() -> None:
    from assistant.evidence import Candidate, given_counts, now_for_target, other_year, ungrounded

    assert given_counts("Hội thao mừng 95 năm thành lập Đảng năm 2025 khai mạc lúc 7h30 ngày 5/1?") == ["95"]
    assert given_counts("Kế hoạch 74-KH/ĐU có 1.500 hộ, 02 ngày, 8,5% trong tháng 3/2027?") == [
        "1500", "2", "8,5"]
    # a count the question gives that the document never writes: "95 năm" of a 96th anniversary
    asked = analyse_question("Hội thao chào mừng 95 năm thành lập Đảng khai mạc ngày nào?")
    assert ungrounded(asked, "Hội thao chào mừng 96 năm Ngày thành lập Đảng", "") == ["95"]
    assert ungrounded(asked, "Kỷ niệm 95 năm Ngày thành lập Đảng", "") == []

    text = ("II. KẾT QUẢ THỰC HIỆN\nNước sạch: tỷ lệ hộ dùng nước sạch đạt 68,5%.\n"
            "Ghi chú: Năm 2025, tổng kinh phí được giao là 4,2 tỷ đồng.")
    record = document(text, doc_id="bc-nuoc")
    result = hit(record, text, "II. KẾT QUẢ THỰC HIỆN > 3. Kết quả trên một số lĩnh vực")
    water = text.index("Nước sạch")
    figure = Candidate("đạt 68,5%", 0, (water, text.index("\nGhi")), 0.8, 0.8, "bc-nuoc")
    assert now_for_target(analyse_question("Tỷ lệ hộ dùng nước sạch phải đạt bao nhiêu phần trăm?"), figure,
                          [result])
    assert not now_for_target(analyse_question("Tỷ lệ hộ dùng nước sạch đạt bao nhiêu phần trăm?"), figure,
                              [result])
    # the sentence's own year dates its figure, whatever year the heading gives
    budget = Candidate("4,2 tỷ đồng", 0, (text.index("Ghi chú"), len(text)), 0.8, 0.8, "bc-nuoc")
    plan = hit(record, text, "Biểu mẫu số 02 DANH MỤC ĐỀ ÁN NĂM 2026")
    assert other_year(analyse_question("Tổng kinh phí năm 2026 là bao nhiêu tỷ đồng?"), budget, [plan])
    assert not other_year(analyse_question("Tổng kinh phí năm 2025 là bao nhiêu tỷ đồng?"), budget, [plan])


def test_an_agency_with_a_place_the_text_writes_and_a_bare_head_before_its_lower_case_name() -> None:
    from assistant.evidence import agency_in
    from assistant.spans import agency_mentions, objects_after

    header = "uy ban nhan dan thanh pho hue so y te ke hoach"
    assert agency_in(header, "Sở Y tế Huế")  # "Huế" is written in the header, "Sở Y tế" near the answer
    assert not agency_in("uy ban nhan dan thanh pho da nang so y te ke hoach", "Sở Y tế Huế")

    def names(text: str) -> list[str]:
        return [text[a:b] for a, b in agency_mentions(text, 0, len(text))]

    assert names("vai trò của Ban tuyên giáo và dân vận, Ban xây dựng Đảng trong nắm bắt dư luận") == [
        "Ban tuyên giáo", "Ban xây dựng Đảng"]
    # a role verb or a document after the head names no agency; a số hiệu's letters name none at all
    assert names("giao Sở chủ trì Kế hoạch; Sở xây dựng Kế hoạch") == ["Sở", "Sở"]
    assert names("Công an cấp huyện phối hợp với Ban Chỉ huy Quân sự cùng cấp thẩm tra") == [
        "Công an cấp huyện", "Ban Chỉ huy Quân sự cùng cấp"]
    assert names("Kế hoạch số 37/KH-UBND giao Sở Công Thương; -Sở Tài chính") == [
        "Sở Công Thương", "Sở Tài chính"]
    text = "chú trọng vai trò chủ động của Ban tuyên giáo và dân vận, Ban xây dựng Đảng trong nắm bắt"
    assert [text[a:b] for a, b in objects_after(text, 0, len(text), "của", {"động"})] == [
        "Ban tuyên giáo và dân vận, Ban xây dựng Đảng"]


def test_a_clause_singling_out_the_asked_case() -> None:
    exam = "- Các môn thi theo hình thức tự luận; riêng môn Tin học thi thực hành trên máy tính."
    record = document(exam, doc_id="hd-thi")
    assert answer_text("Môn Tin học trong kỳ thi học sinh giỏi thi theo hình thức nào?",
                       [hit(record, exam, "3. Môn thi, hình thức thi")], record) == (
        "môn Tin học thi thực hành trên máy tính.")


SCHEDULE = """CHƯƠNG TRÌNH CÔNG TÁC tháng 12 năm 2026
- Sở tổ chức khảo sát chất lượng học sinh lớp 12 hai đợt: đợt 1 trong tháng 01/2027, đợt 2 trong \
tháng 4/2027.
- Hoàn thiện hồ sơ điều chỉnh Quy hoạch chung Khu du lịch Tà Xùa đến năm 2045, trình UBND tỉnh trước \
ngày 30/5/2027.
- Ngày 10/3/2027, đồng chí Vàng A Dơ - Chủ tịch UBND tỉnh đã đi kiểm tra thực tế tại huyện.
- 29/12: trao Huy hiệu Đảng cho 46 đảng viên.
- Hộ nông dân đạt danh hiệu cấp huyện có thu nhập từ 500 triệu đồng/hộ/năm trở lên.
""".replace("\\\n", "")
PROGRAMME = document(SCHEDULE, doc_id="ctr-12")


def _line(start: str) -> str:
    at = SCHEDULE.index(start)
    return SCHEDULE[at:SCHEDULE.index("\n", at)]


def test_dates_months_and_periods_a_question_writes_like_a_so_hieu() -> None:
    from assistant.evidence import asked_numbers, is_date_like, written_date

    assert is_date_like("29/12/2026") and is_date_like("12/2026") and is_date_like("2026-2028")
    assert not is_date_like("58-CTr/HU")
    assert asked_numbers(analyse_question("Số hiệu Chương trình công tác tháng 12/2026 là gì?")) == set()
    assert written_date("12/2026", SCHEDULE) and not written_date("11/2026", SCHEDULE)
    # a day of a dated programme: "29/12" in a text that writes its year
    assert written_date("29/12/2026", SCHEDULE) and not written_date("29/12/2025", SCHEDULE)


def test_which_of_a_series_a_deadline_beside_a_horizon_and_offices_before_a_verb() -> None:
    survey = _line("- Sở tổ chức")
    assert _ask_in("Đợt 2 khảo sát chất lượng học sinh lớp 12 diễn ra khi nào?", survey) == (
        "trong tháng 4/2027")
    plan = _line("- Hoàn thiện")
    assert _ask_in("Hạn chót trình UBND tỉnh hồ sơ điều chỉnh quy hoạch Khu du lịch Tà Xùa là khi nào?",
                   plan) == "trước ngày 30/5/2027"
    visit = _line("- Ngày 10/3")
    assert _ask_in("Đồng chí Vàng A Dơ giữ chức vụ gì?", visit) == "Chủ tịch UBND tỉnh"


def test_an_amount_asked_per_year_counts_no_noun() -> None:
    income = _line("- Hộ nông dân")
    asked = analyse_question("Hộ nông dân cần thu nhập bao nhiêu một năm để đạt danh hiệu cấp huyện?")
    assert asked.unit is None
    assert _ask_in(asked.text, income) == "500 triệu đồng"


def _ask_in(question: str, passage: str) -> str:
    return answer_text(question, [hit(PROGRAMME, passage, "I. TRỌNG TÂM")], PROGRAMME)


ROWS = """II. LỊCH CÔNG TÁC CỤ THỂ
- 09/12 (Thứ Tư). Thời gian: 8h00. Nội dung: Hội nghị sơ kết phong trào thi đua năm 2026. \
Chủ trì: Đ/c Phó Bí thư Thường trực Huyện ủy. Chuẩn bị: Ban Tổ chức Huyện ủy. Địa điểm: Hội trường \
Nhà văn hóa huyện.
- 16/12 (Thứ Tư). Thời gian: 14h00. Nội dung: Gặp mặt kỷ niệm ngày thành lập Quân đội nhân dân. \
Chủ trì: Đ/c Bí thư Huyện ủy. Chuẩn bị: Ban Chỉ huy Quân sự huyện. Địa điểm: Phòng họp số 2.
""".replace("\\\n", "")
SCHEDULE_RECORD = document(ROWS, doc_id="ctr-rows")


def test_the_cells_of_a_schedule_row_answer_with_the_whole_row() -> None:
    hits = [hit(SCHEDULE_RECORD, ROWS.strip(), "II. LỊCH CÔNG TÁC CỤ THỂ")]

    def ask(question: str) -> str:
        return answer_text(question, hits, SCHEDULE_RECORD)

    assert ask("Hội nghị sơ kết phong trào thi đua năm 2026 do ai chủ trì?") == (
        "Đ/c Phó Bí thư Thường trực Huyện ủy")
    assert ask("Cơ quan nào chuẩn bị buổi gặp mặt kỷ niệm ngày thành lập Quân đội nhân dân?") == (
        "Ban Chỉ huy Quân sự huyện")
    assert ask("Hội nghị sơ kết phong trào thi đua năm 2026 tổ chức ở đâu?") == "Hội trường Nhà văn hóa huyện"
    assert ask("Buổi gặp mặt kỷ niệm ngày thành lập Quân đội nhân dân diễn ra ngày nào?") == "16/12"
    # the row of the day the question gives, not the first row the words match
    assert ask("Chiều 16/12/2026 Bí thư Huyện ủy chủ trì nội dung gì?") == (
        "Gặp mặt kỷ niệm ngày thành lập Quân đội nhân dân")


def test_a_month_the_question_gives_must_be_near_the_answer() -> None:
    from assistant.answer import answer_question
    from assistant.settings import Settings
    from indexer.model import DocumentMetadata
    from tests.assistant.builders import Library

    note = "¹ Theo Thông báo số 215-TB/HU ngày 20/11/2026 của Văn phòng Huyện ủy."
    text = f"{ROWS}\n{note}\n"
    meta = DocumentMetadata(doc_type="CHƯƠNG TRÌNH", number="58-CTr/HU",
                            title="Công tác của Ban Thường vụ Huyện ủy tháng 12 năm 2026")
    record = document(text, doc_id="ctr-12-2026", metadata=meta)
    hits = [hit(record, ROWS.strip(), "II. LỊCH CÔNG TÁC CỤ THỂ"), hit(record, note, "Chú thích 1", index=1)]

    def ask(question: str) -> str:
        answer = answer_question(Library([record], hits), Settings(), question)
        return "ABSTAIN" if answer.abstained else answer.answer

    assert ask("Tháng 12/2026 gặp mặt kỷ niệm ngày thành lập Quân đội nhân dân là ngày nào?") == "16/12"
    # "11/2026" is written only inside the date of another document, far from the schedule
    assert ask("Tháng 11/2026 gặp mặt kỷ niệm ngày thành lập Quân đội nhân dân là ngày nào?") == (
        "ABSTAIN")


def test_a_date_of_a_case_singled_out_in_brackets() -> None:
    line = "- Tháng 8/2027: Tựu trường ngày 28/8/2027 (riêng lớp 1 tựu trường ngày 25/8/2027); tập huấn hè."
    record = document(line, doc_id="kh-nam-hoc")
    ask = analyse_question("Học sinh lớp 1 tựu trường ngày nào?")
    assert answer_text(ask.text, [hit(record, line, "V. LỊCH")], record) == "ngày 25/8/2027"
    assert answer_text("Học sinh tựu trường ngày nào?", [hit(record, line, "V. LỊCH")], record) == (
        "ngày 28/8/2027")


def test_a_board_without_the_member_set_aside_perennial_crops_and_two_circulars() -> None:
    from assistant.spans import agency_mentions

    board = ("6. Ban Tổ chức Hội thi do đồng chí Trần Văn Bình, Phó Chủ tịch Hội Nông dân tỉnh làm "
             "Trưởng ban; các thành viên gồm đại diện Sở Công Thương, Đài Phát thanh và Truyền hình tỉnh, "
             "Liên minh Hợp tác xã tỉnh.")
    record = document(board, doc_id="hd-hoi-thi")
    assert answer_text("Ngoài Trưởng ban, Ban Tổ chức Hội thi gồm đại diện những cơ quan nào?",
                       [hit(record, board, "IV. HỘI THI")], record) == (
        "Sở Công Thương, Đài Phát thanh và Truyền hình tỉnh, Liên minh Hợp tác xã tỉnh")
    portal = "đăng tải trên Cổng Thông tin điện tử tỉnh"
    assert [portal[a:b] for a, b in agency_mentions(portal, 0, len(portal))] == [
        "Cổng Thông tin điện tử tỉnh"]
    assert analyse_question("Những loại cây trồng lâu năm nào được hỗ trợ?").kind.value == "what"
    rules = "- Hồ sơ theo Thông tư số 148/2018/TT-BQP và Thông tư số 105/2023/TT-BQP của Bộ Quốc phòng."
    circulars = document(rules, doc_id="cv-hs")
    assert answer_text("Hồ sơ theo những thông tư nào?", [hit(circulars, rules, "2. Hồ sơ")],
                       circulars) == (
        "Thông tư số 148/2018/TT-BQP và Thông tư số 105/2023/TT-BQP của Bộ Quốc phòng")


def test_items_after_gom_separated_by_commas() -> None:
    line = ("- Hồ sơ công dân nhập ngũ theo Thông tư số 148/2018/TT-BQP của Bộ Quốc phòng, gồm: phiếu "
            "tự khai sức khỏe, lý lịch nghĩa vụ quân sự, giấy gọi nhập ngũ.")
    record = document(line, doc_id="cv-nhap-ngu")
    assert answer_text("Hồ sơ công dân nhập ngũ gồm những giấy tờ nào?", [hit(record, line, "3. Hồ sơ")],
                       record) == "phiếu tự khai sức khỏe, lý lịch nghĩa vụ quân sự, giấy gọi nhập ngũ"
