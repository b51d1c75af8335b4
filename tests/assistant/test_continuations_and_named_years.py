"""Rules found on the dev3, dev4 and dev5 tuning sets (27 Nov, sixth session): the words a sentence
writes after those a question closes on ("… chú trọng nguồn thu nào?"), the year a name carries
("Luật Đất đai năm nào"), "có liên quan" as part of an agency phrase, and an action the question asks the
doer of that the sentence writes only inside an agency's name.

Every passage here is invented (a Quảng Bình provincial plan); none is a gold question's text.
"""

from assistant.extract import extract_answer
from assistant.question import analyse_question
from assistant.spans import starts_with_verb
from tests.assistant.builders import answer_text, document, hit

PLAN = """II. NHIỆM VỤ, GIẢI PHÁP
1. Sở Tài chính tăng cường quản lý các nguồn thu, chú trọng nguồn thu từ cho thuê mặt nước, khẩn trương \
rà soát hồ sơ các dự án.
2. Thu hút đầu tư xây dựng các nhà văn hóa cộng đồng liên xã, nâng cao đời sống tinh thần của Nhân dân.
3. Sở Nội vụ thực hiện đầy đủ, kịp thời các chế độ cho thanh niên xung phong, cựu chiến binh; rà soát hồ sơ.
4. Xử lý dứt điểm các vụ việc tranh chấp xảy ra trước khi Luật Đất đai 2024 có hiệu lực, ngày 12/3/2026.
5. Ban Văn hóa - Xã hội chủ trì, phối hợp với các phòng, ban, các cơ quan có liên quan tổ chức tuyên truyền.
6. Tổ chức tập huấn, phối hợp chặt chẽ với Ban Xây dựng Đảng trong việc tuyên truyền sử dụng phần mềm \
quản lý hồ sơ đảng viên.
7. Tăng cường kiểm tra việc thực hiện chính sách, bảo đảm công khai, minh bạch, đúng quy định.
""".replace("\\\n", "")
RECORD = document(PLAN, doc_id="kh-qb")


def _line(start: str) -> str:
    at = PLAN.index(start)
    return PLAN[at:PLAN.index("\n", at)]


def _ask(question: str, *starts: str) -> str:
    hits = [hit(RECORD, _line(start), "II. NHIỆM VỤ, GIẢI PHÁP", score=1.0 - i / 10, index=i)
            for i, start in enumerate(starts)]
    return answer_text(question, hits, RECORD)


def test_the_words_after_those_the_question_closes_on_with_the_asked_noun() -> None:
    assert _ask("Trong quản lý thu, Sở Tài chính chú trọng nguồn thu nào?", "1. Sở") == (
        "nguồn thu từ cho thuê mặt nước")  # to the comma before the next verb ("khẩn trương")


def test_three_words_before_the_question_word_when_the_noun_is_not_written() -> None:
    assert _ask("Kế hoạch đề ra thu hút đầu tư xây dựng công trình gì?", "2. Thu", "1. Sở") == (
        "nhà văn hóa cộng đồng liên xã")
    # several things asked: to the end of the clause, past its commas
    assert _ask("Sở Nội vụ thực hiện đầy đủ, kịp thời chế độ cho những đối tượng nào?", "3. Sở") == (
        "thanh niên xung phong, cựu chiến binh")


def test_a_manner_or_a_question_going_on_after_its_question_word_is_not_continued() -> None:
    from assistant.what_answers import _continued

    line = _line("3. Sở")
    asked = analyse_question("Sở Nội vụ thực hiện đầy đủ, kịp thời chế độ như thế nào?")
    assert _continued(asked, line, (0, len(line))) is None
    asked = analyse_question("Chế độ nào được Sở Nội vụ thực hiện đầy đủ, kịp thời?")
    assert _continued(asked, line, (0, len(line))) is None


def test_a_requirement_of_short_words_keeps_its_commas() -> None:
    from assistant.what_answers import _clause_or_item_end

    line = _line("7. Tăng")
    start = line.index("công khai")
    assert line[start:_clause_or_item_end(line, start, len(line), plural=False)] == (
        "công khai, minh bạch, đúng quy định.")  # the caller strips the full stop


def test_the_year_a_name_carries() -> None:
    assert _ask("Xử lý tranh chấp xảy ra trước khi Luật Đất đai năm nào có hiệu lực?", "4. Xử") == (
        "Luật Đất đai 2024")  # not the date of the sentence


def test_co_lien_quan_belongs_to_the_agencies_before_it() -> None:
    assert not starts_with_verb("có liên quan tổ chức tuyên truyền", 0)
    assert starts_with_verb("có trách nhiệm tổ chức tuyên truyền", 0)
    assert _ask("Ban Văn hóa - Xã hội phối hợp với những ai để tổ chức tuyên truyền?", "5. Ban") == (
        "các phòng, ban, các cơ quan có liên quan")


def test_an_action_written_only_inside_the_answers_name_says_no_doer() -> None:
    asked = analyse_question("Phần mềm quản lý hồ sơ đảng viên do đơn vị nào xây dựng?")
    found = extract_answer(asked, [hit(RECORD, _line("6. Tổ"), "II")], lambda _: RECORD)
    assert found is None or "Xây dựng Đảng" not in found.answer or found.score < 0.5
    # the same agency answers when the sentence says it does the action itself
    assert "Ban Văn hóa - Xã hội" in _ask("Đơn vị nào chủ trì tổ chức tuyên truyền?", "5. Ban")


def test_no_continuation_for_an_action_a_definition_or_a_preposition_phrase() -> None:
    from assistant.what_answers import _continued

    line = _line("5. Ban")
    for question in ("Ban Văn hóa - Xã hội phối hợp với các cơ quan có liên quan làm gì?",
                     "Ban Văn hóa - Xã hội phối hợp với các cơ quan có liên quan là gì?",
                     "Ban Văn hóa - Xã hội phối hợp với các cơ quan có liên quan theo hình thức nào?"):
        assert _continued(analyse_question(question), line, (0, len(line))) is None, question


def test_of_two_continuations_in_one_sentence_the_clause_matching_the_question() -> None:
    from assistant.what_answers import _continued

    note = ("Quyết định số 212/QĐ-UBND phê duyệt danh mục thiết bị dạy học lớp 10, lớp 11; Quyết định số "
            "213/QĐ-UBND phê duyệt danh mục thiết bị dạy học lớp 1, lớp 2, lớp 3.")
    asked = analyse_question("Quyết định 213/QĐ-UBND phê duyệt danh mục thiết bị dạy học những lớp nào?")
    found = _continued(asked, note, (0, len(note)))
    assert found is not None and note[found[0][0]:found[0][1]] == "lớp 1, lớp 2, lớp 3"


REVIEW = """5. Quy trình công nhận
Ban Tổ chức Huyện ủy tổng hợp, trình Ban Thường vụ Huyện ủy xem xét, công nhận và tặng Giấy khen.
6. Lịch nghỉ
Bão số 9 dự kiến đổ bộ vào đất liền trong ngày 12/10/2026.
Cho học sinh toàn huyện nghỉ học trong hai ngày 11/10/2026 và 12/10/2026 để tránh bão số 9.
"""
REVIEW_RECORD = document(REVIEW, doc_id="hd-qb")


def test_the_doer_is_the_agency_written_right_before_the_asked_action() -> None:
    line = "Ban Tổ chức Huyện ủy tổng hợp, trình Ban Thường vụ Huyện ủy xem xét, công nhận và tặng Giấy khen."
    answer = answer_text("Chi bộ tiêu biểu do cơ quan nào xem xét, công nhận và tặng Giấy khen?",
                         [hit(REVIEW_RECORD, line, "5. Quy trình công nhận")], REVIEW_RECORD)
    assert answer.startswith("Ban Thường vụ Huyện ủy")


def test_several_days_asked_are_answered_by_several_days() -> None:
    storm = "Bão số 9 dự kiến đổ bộ vào đất liền trong ngày 12/10/2026."
    days = "Cho học sinh toàn huyện nghỉ học trong hai ngày 11/10/2026 và 12/10/2026 để tránh bão số 9."
    hits = [hit(REVIEW_RECORD, storm, "6. Lịch nghỉ", index=0),
            hit(REVIEW_RECORD, days, "6. Lịch nghỉ", score=0.9, index=1)]
    answer = answer_text("Học sinh được nghỉ học tránh bão số 9 vào những ngày nào?", hits, REVIEW_RECORD)
    assert "11/10/2026" in answer and "12/10/2026" in answer


def test_a_count_without_the_words_that_single_out_the_asked_thing_is_no_answer() -> None:
    from assistant.answer import _unqualified_count
    from assistant.evidence import Candidate

    line = "Năm 2025, huyện đón khoảng 1,3 triệu lượt khách, tăng 20% so với năm 2024."
    record = document(line + "\n", doc_id="tb-kt")
    hits = [hit(record, line, "I. ĐÁNH GIÁ CHUNG")]
    found = Candidate("khoảng 1,3 triệu lượt khách", 0, (0, len(line)), 0.8, 1.0, "tb-kt")
    international = analyse_question("Năm 2025 huyện đón bao nhiêu lượt khách quốc tế?")
    assert _unqualified_count(international, found, hits)
    assert not _unqualified_count(analyse_question("Năm 2025 huyện đón bao nhiêu lượt khách?"), found, hits)
    # words saying when or where are no qualifier; a unit the answer does not repeat is not checked
    assert not _unqualified_count(analyse_question("Huyện đón bao nhiêu lượt khách năm 2025?"), found, hits)
    assert not _unqualified_count(analyse_question("Doanh thu du lịch là bao nhiêu tiền?"), found, hits)
    # the question goes on after the thing counted: its words there are not checked
    assert not _unqualified_count(analyse_question("Huyện đón bao nhiêu lượt khách dự lễ hội năm 2025?"),
                                  found, hits)
