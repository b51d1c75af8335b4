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
