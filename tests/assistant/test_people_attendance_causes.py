"""Rules found on the genre15 tuning set (27 Nov, sixth session): "tháng mấy" asks a month, the person
whose offices an answer gives, who attends a meeting, and a cause named in another clause of the
sentence.

Every passage here is invented (a Đảng ủy xã in Ninh Bình); none is a gold question's text.
"""

from assistant.question import QuestionKind, analyse_question
from tests.assistant.builders import answer_text, document, hit

NOTICE = """Ngày 08/4/2026, Ban Thường vụ Đảng ủy xã Gia Vân tổ chức hội nghị sơ kết quý I. Dự hội nghị có \
các đồng chí Ủy viên Ban Chấp hành Đảng bộ xã, Trưởng các đoàn thể chính trị - xã hội xã, bí thư 18 chi bộ \
trực thuộc. Sau khi nghe đồng chí Đinh Văn Hùng, Phó Bí thư Đảng ủy, Chủ tịch UBND xã báo cáo kết quả quý \
I, đồng chí Bí thư Đảng ủy xã kết luận như sau.
Quý I xảy ra 05 vụ ngập úng cục bộ, thiệt hại 12 ha lúa; nguyên nhân chủ yếu do hệ thống kênh tiêu \
bị bồi lắng.
Tổ chức diễn tập phòng, chống thiên tai cấp xã trong tháng 5/2026.
""".replace("\\\n", "")
RECORD = document(NOTICE, doc_id="tb-gv")


def _line(start: str) -> str:
    at = NOTICE.index(start)
    end = NOTICE.find(". ", at)
    end = NOTICE.index("\n", at) if end < 0 or "\n" in NOTICE[at:end] else end + 1
    return NOTICE[at:end]


def _ask(question: str, *passages: str) -> str:
    hits = [hit(RECORD, p, "", score=1.0 - i / 10, index=i) for i, p in enumerate(passages)]
    return answer_text(question, hits, RECORD)


def test_thang_may_asks_a_month_and_may_thang_a_number() -> None:
    assert analyse_question("Diễn tập phòng, chống thiên tai vào tháng mấy?").kind is QuestionKind.WHEN
    assert analyse_question("Diễn tập kéo dài trong mấy tháng?").kind is QuestionKind.NUMBER
    assert _ask("Xã tổ chức diễn tập phòng, chống thiên tai vào tháng mấy?",
                _line("Tổ chức diễn tập")) == "trong tháng 5/2026"


def test_the_person_whose_offices_the_answer_gives() -> None:
    answer = _ask("Ai báo cáo kết quả quý I tại hội nghị?", _line("Sau khi nghe"))
    assert answer.startswith("Đinh Văn Hùng, Phó Bí thư Đảng ủy, Chủ tịch UBND xã")


def test_who_attends_is_everything_after_dự_hội_nghị_có() -> None:
    answer = _ask("Thành phần dự hội nghị sơ kết quý I gồm những ai?", _line("Dự hội nghị"))
    assert answer == ("Ủy viên Ban Chấp hành Đảng bộ xã, Trưởng các đoàn thể chính trị - xã hội xã, "
                      "bí thư 18 chi bộ trực thuộc")


def test_dự_án_and_dự_kiến_ask_no_attendance() -> None:
    from assistant.scope import read_scopes
    from assistant.who_answers import attendees

    asked = analyse_question("Những cơ quan nào dự kiến tham gia diễn tập?")
    assert attendees(asked, read_scopes(asked, [hit(RECORD, _line("Dự hội nghị"))])) == []


def test_a_cause_named_in_the_next_clause() -> None:
    assert _ask("Nguyên nhân chủ yếu gây ngập úng quý I là gì?", _line("Quý I xảy ra")) == (
        "hệ thống kênh tiêu bị bồi lắng")

