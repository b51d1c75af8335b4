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
from tests.assistant.builders import answer_text, document, hit

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
