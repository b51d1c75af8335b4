"""Rules found on the dev5 tuning set (26 Nov, fifth session, third batch): which named document's date
is asked, a year asked of an event, a deadline is no issue date, "trung hạn" is no deadline, a time
given by an event ("sau khi …"), a purpose ("nhằm mục đích gì"), the action done to what the question
names after "làm gì với", the number of an appendix heading, and the place of a document's own field.

Every passage here is invented (a Điện Biên provincial plan); none is a gold question's text.
"""

from assistant.question import QuestionKind, analyse_question
from indexer.model import DocumentMetadata
from tests.assistant.builders import answer_text, document, hit

PLAN = """II. NHIỆM VỤ
1. Kế hoạch số 52-KH/TU, ngày 10/01/2026 của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 71-NQ/TW, ngày \
22/8/2025 của Bộ Chính trị.
2. Sơ kết việc thực hiện Chỉ thị định kỳ hằng năm, trước ngày 15/11.
3. Sở Tài chính xây dựng lộ trình kế hoạch đầu tư công trung hạn sau khi Trung ương có thông báo chính thức \
về hạn mức vốn.
4. Thực hiện chính sách thu hút chuyên gia về công tác tại tỉnh, qua đó nâng cao chất lượng nguồn nhân lực.
5. Tăng cường kiểm tra, kịp thời biểu dương, khen thưởng các tập thể, cá nhân thực hiện tốt.
""".replace("\\\n", "")
RECORD = document(PLAN, doc_id="kh-db")


def _line(start: str) -> str:
    at = PLAN.index(start)
    return PLAN[at:PLAN.index("\n", at)]


def _ask(question: str, passage: str, section: str = "II. NHIỆM VỤ") -> str:
    return answer_text(question, [hit(RECORD, passage, section)], RECORD)


def test_the_date_of_the_document_a_question_names_first() -> None:
    line = _line("1. Kế hoạch")
    assert _ask("Kế hoạch số 52-KH/TU thực hiện Nghị quyết 71-NQ/TW ra ngày nào?", line) == "ngày 10/01/2026"


def test_a_year_asked_of_an_event_is_not_a_documents_date_nor_a_frequency() -> None:
    from assistant.scope import read_scopes
    from assistant.when_answers import when_candidates

    asked = analyse_question("Theo Kế hoạch 52-KH/TU, việc sơ kết Chỉ thị phải tổ chức vào năm nào?")
    passages = [hit(RECORD, _line("1. Kế hoạch"), "II"), hit(RECORD, _line("2. Sơ kết"), "II")]
    scopes = read_scopes(asked, passages)
    assert when_candidates(asked, scopes) == []


def test_a_deadline_is_no_issue_date_and_trung_han_is_no_deadline() -> None:
    asked = analyse_question("Các phòng phải ban hành chương trình công tác của mình trước ngày nào?")
    assert asked.kind is QuestionKind.WHEN and asked.deadline
    assert analyse_question("Kế hoạch được ban hành ngày nào?").kind is QuestionKind.ISSUE_DATE
    assert not analyse_question("Khi nào xây dựng kế hoạch đầu tư công trung hạn?").deadline
    assert analyse_question("Thời hạn nộp hồ sơ là khi nào?").deadline


def test_a_time_given_by_an_event() -> None:
    assert _ask("Khi nào Sở Tài chính xây dựng lộ trình kế hoạch đầu tư công trung hạn?",
                _line("3. Sở")) == "sau khi Trung ương có thông báo chính thức về hạn mức vốn"


def test_a_purpose_and_the_action_done_to_what_the_question_names() -> None:
    assert _ask("Chính sách thu hút chuyên gia về công tác tại tỉnh nhằm mục đích gì?", _line("4. Thực")) == (
        "nâng cao chất lượng nguồn nhân lực")
    asked = "Kế hoạch yêu cầu làm gì với các tập thể, cá nhân thực hiện tốt?"
    assert "biểu dương, khen thưởng" in _ask(asked, _line("5. Tăng"))


def test_the_number_of_an_appendix_heading() -> None:
    asked = analyse_question("Trong Hướng dẫn 12-HD/BTG, các nội dung trọng tâm nằm ở phụ lục số mấy?")
    assert asked.kind is QuestionKind.NUMBER
    text = "Một số nội dung trọng tâm chỉ đạo công tác khoa giáo từng lĩnh vực."
    record = document(text, doc_id="hd-12")
    assert answer_text(asked.text, [hit(record, text, "Phụ lục 01: NỘI DUNG TRỌNG TÂM")], record) == (
        "Phụ lục 01")


def test_a_place_the_question_gives_must_be_in_the_documents_own_name_for_its_fields() -> None:
    from assistant.answer import answer_question
    from assistant.settings import Settings
    from tests.assistant.builders import Library

    text = ("ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN\nSố: 41/KH-UBND\nKẾ HOẠCH\nTriển khai Nghị quyết 02-NQ/TU\n"
            "I. NHIỆM VỤ\n1. Phối hợp với tỉnh Lai Châu trong quản lý biên giới.\n"
            "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLò Văn Mừng\n")
    meta = DocumentMetadata(doc_type="KẾ HOẠCH", number="41/KH-UBND",
                            title="Triển khai Nghị quyết 02-NQ/TU",
                            issuer="ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN", signer_name="Lò Văn Mừng",
                            signer_position="KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")
    record = document(text, doc_id="kh-41", metadata=meta)
    hits = [hit(record, "1. Phối hợp với tỉnh Lai Châu trong quản lý biên giới.", "I. NHIỆM VỤ")]

    def ask(question: str) -> str:
        found = answer_question(Library([record], hits), Settings(), question)
        return "ABSTAIN" if found.abstained else found.answer

    assert ask("Kế hoạch triển khai Nghị quyết 02-NQ/TU của UBND tỉnh Điện Biên do ai ký?").startswith(
        "Lò Văn Mừng")
    assert ask("Kế hoạch triển khai Nghị quyết 02-NQ/TU của UBND tỉnh Lai Châu do ai ký?") == "ABSTAIN"


def test_a_cause_asked_and_a_result_asked_of_a_target() -> None:
    from assistant.evidence import Candidate, target_for_now

    assert analyse_question("Vì sao sản lượng điện giảm?").kind is QuestionKind.WHAT
    report = "Riêng sản lượng điện thương phẩm giảm 2,4% do một số nhà máy thủy điện thiếu nước."
    record = document(report, doc_id="bc-9t")
    assert answer_text("Vì sao sản lượng điện thương phẩm 9 tháng giảm?", [hit(record, report, "I. KẾT QUẢ")],
                       record) == "một số nhà máy thủy điện thiếu nước"
    target = "Phấn đấu cả năm 2026 chỉ số sản xuất công nghiệp tăng trên 10%."
    plan = document(target, doc_id="bc-q4")
    figure = Candidate("trên 10%", 0, (0, len(target)), 0.8, 0.8, "bc-q4")
    passages = [hit(plan, target, "II. NHIỆM VỤ QUÝ IV > 1. Mục tiêu")]
    # "đã tăng" asks a result: a target ("Phấn đấu … tăng trên 10%") does not answer it
    assert target_for_now(analyse_question("Cả năm 2026 chỉ số sản xuất công nghiệp đã tăng bao nhiêu phần "
                                            "trăm?"), figure, passages)


def test_the_basis_a_sentence_opens_with() -> None:
    item = ("- Căn cứ yêu cầu nhiệm vụ và thực trạng đội ngũ cán bộ, tổ chức các lớp bồi dưỡng, tập huấn "
            "nâng cao năng lực chuyên môn.")
    record = document(item, doc_id="kh-bd")
    assert answer_text("Các lớp bồi dưỡng, tập huấn được tổ chức căn cứ vào đâu?", [hit(record, item, "3.")],
                       record) == "yêu cầu nhiệm vụ và thực trạng đội ngũ cán bộ"


def test_an_agency_the_question_names_only_as_the_owner_of_another_and_a_reporting_channel() -> None:
    from assistant.who_answers import _named_in_question

    asked = analyse_question("Ai được kế hoạch của Đảng ủy UBND tỉnh giao bố trí nguồn lực cho khoa giáo?")
    assert not _named_in_question(asked, "UBND tỉnh")
    assert _named_in_question(asked, "Đảng ủy UBND tỉnh")
    assert _named_in_question(analyse_question("UBND tỉnh giao ai bố trí nguồn lực?"), "UBND tỉnh")
    item = ("- Tập trung bố trí nguồn lực cho các lĩnh vực khoa giáo; thực hiện chế độ báo cáo định kỳ với "
            "Ban Thường vụ Tỉnh ủy.")
    record = document(f"2. UBND tỉnh\n{item}\n", doc_id="kh-07")
    answer = answer_text(asked.text, [hit(record, item, "III. TỔ CHỨC THỰC HIỆN > 2. UBND tỉnh")], record)
    assert answer.startswith("UBND tỉnh")
