"""Rules found on unseen documents of other kinds (a decision, a notice, a công văn): days of the week,
hour ranges, monthly deadlines, members listed after a class noun, series of quoted names, signers
asked by office, what a document is about.

Every passage here is invented (an Yên Bái decision); none is a gold question's text.
"""

from collections.abc import Callable

import pytest

from assistant.evidence import other_year, ungrounded, written_date
from assistant.extract import extract_answer
from assistant.facts import times
from assistant.header_answers import header_candidates
from assistant.question import QuestionKind, analyse_question
from indexer.abbreviations import expand_abbreviations
from indexer.model import DocumentMetadata
from tests.assistant.builders import answer_text, article_hits, document, hit

DECISION = """ỦY BAN NHÂN DÂN TỈNH YÊN BÁI
Số: 905/QĐ-UBND
QUYẾT ĐỊNH
Về việc thành lập Tổ kiểm tra an toàn thực phẩm dịp Tết Nguyên đán 2027

Điều 1. Thành lập Tổ kiểm tra gồm các thành viên sau: Ông Vũ Đình Khang - Phó Giám đốc Sở Y tế, Tổ trưởng.

Điều 2. Tổ kiểm tra họp giao ban vào thứ Ba hằng tuần; báo cáo kết quả trước ngày 20 hằng tháng. \
Cấm vận chuyển gia cầm vào thành phố từ 22 giờ đến 5 giờ. Kết quả kiểm tra xếp theo 3 mức “Đạt”, \
“Đạt có điều kiện”, “Không đạt”.

Điều 3. Chánh Văn phòng UBND tỉnh; Giám đốc các sở: Y tế, Công Thương, Nông nghiệp và Môi trường, \
Công an tỉnh và các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Hà Minh Tuấn
""".replace("\\\n", "")
META = DocumentMetadata(doc_type="QUYẾT ĐỊNH", number="905/QĐ-UBND", issuer="ỦY BAN NHÂN DÂN TỈNH YÊN BÁI",
                        issued_date="2026-12-02",
                        title="Về việc thành lập Tổ kiểm tra an toàn thực phẩm dịp Tết Nguyên đán 2027",
                        signer_name="Hà Minh Tuấn",
                        signer_position="TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")
RECORD = document(DECISION, doc_id="qd-905", metadata=META)


def _hits() -> list:  # type: ignore[type-arg]
    return article_hits(RECORD)


def _ask(question: str) -> str:
    return answer_text(question, _hits(), RECORD)


@pytest.mark.parametrize(("text", "expected"), [
    ("họp giao ban vào thứ Ba hằng tuần", ["vào thứ Ba", "hằng tuần"]),
    ("báo cáo trước ngày 20 hằng tháng.", ["trước ngày 20 hằng tháng", "hằng tháng"]),
    ("cấm từ 22 giờ đến 5 giờ hằng ngày", ["từ 22 giờ đến 5 giờ", "hằng ngày"]),
    ("Hội nghị lần thứ hai họp năm 2027", ["năm 2027"]),  # "thứ hai" here is an ordinal
])
def test_weekdays_monthly_days_and_hour_ranges_are_times(text: str, expected: list[str]) -> None:
    assert [text[f.start:f.end] for f in times(text)] == expected


def test_a_day_of_the_week_answers_which_day_of_a_weekly_duty() -> None:
    assert _ask("Tổ kiểm tra an toàn thực phẩm Yên Bái họp giao ban định kỳ vào ngày nào trong tuần?") \
        == "vào thứ Ba hằng tuần"


def test_an_hour_range_answers_which_hours() -> None:
    assert _ask("Yên Bái cấm vận chuyển gia cầm vào thành phố trong khung giờ nào?") == "từ 22 giờ đến 5 giờ"


def test_a_monthly_deadline_is_a_deadline() -> None:
    answer = _ask("Tổ kiểm tra Yên Bái báo cáo kết quả trước ngày nào hằng tháng?")
    assert "trước ngày 20 hằng tháng" in answer


def test_the_members_after_a_class_noun_and_colon_answer_which_of_them() -> None:
    answer = _ask("Giám đốc những sở nào của Yên Bái chịu trách nhiệm thi hành quyết định lập Tổ kiểm tra?")
    # not "Công an tỉnh", an agency of its own
    assert answer == "Y tế, Công Thương, Nông nghiệp và Môi trường"


def test_a_series_of_quoted_names_is_one_list() -> None:
    assert _ask("Kết quả kiểm tra an toàn thực phẩm ở Yên Bái được xếp theo những mức nào?") \
        == "“Đạt”, “Đạt có điều kiện”, “Không đạt”"


def _signer(question: str) -> list[str]:
    return [c.answer for c in header_candidates(analyse_question(question), _hits(), lambda _: RECORD)]


def test_a_signer_asked_by_another_office_is_not_answered() -> None:
    assert analyse_question("Chủ tịch UBND tỉnh Yên Bái ký Quyết định 905/QĐ-UBND là ai?").kind \
        is QuestionKind.SIGNER
    assert _signer("Chủ tịch UBND tỉnh Yên Bái ký Quyết định 905/QĐ-UBND là ai?") == []
    assert _signer("Phó Chủ tịch UBND tỉnh Yên Bái nào ký Quyết định 905/QĐ-UBND?") == [
        "Hà Minh Tuấn (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)"]
    assert _signer("Ông Hà Minh Tuấn ký Quyết định 905/QĐ-UBND với cương vị gì?") == [
        "Hà Minh Tuấn (TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)"]


def test_what_a_document_named_by_its_number_is_about_is_its_title() -> None:
    assert _ask("Quyết định 905/QĐ-UBND của UBND tỉnh Yên Bái về việc gì?").startswith(
        "Về việc thành lập Tổ kiểm tra an toàn thực phẩm")


def test_the_issue_date_is_shown_as_the_document_writes_it() -> None:
    text = "QUYẾT ĐỊNH\nYên Bái, ngày 02 tháng 12 năm 2026\nĐiều 1. …"
    record = document(text, doc_id="qd-1", metadata=META)
    found = header_candidates(analyse_question("Quyết định thành lập Tổ kiểm tra Yên Bái ban hành ngày nào?"),
                              [hit(record, "Điều 1. …")], lambda _: record)
    assert [c.answer for c in found] == ["ngày 02 tháng 12 năm 2026 (2/12/2026)"]


def test_agency_abbreviations_of_the_new_ministries_are_spelled_out() -> None:
    assert expand_abbreviations("Sở NN&MT, Sở VH,TT&DL") == (
        "Sở nông nghiệp và môi trường, Sở văn hóa, thể thao và du lịch")


def test_who_holds_an_office_named_after_ai_lam() -> None:
    assert _ask("Ai làm Tổ trưởng Tổ kiểm tra an toàn thực phẩm của Yên Bái?").startswith("Vũ Đình Khang")


def test_the_name_of_an_office_holder_the_text_does_not_name_is_not_answered() -> None:
    analysis = analyse_question("Đồng chí Bí thư Tỉnh ủy Yên Bái dự họp Tổ kiểm tra tên là gì?")
    assert analysis.kind is QuestionKind.WHO and analysis.person
    assert extract_answer(analysis, _hits(), lambda _: RECORD) is None


def test_an_agency_whose_words_are_scattered_over_the_question_is_not_named_by_it() -> None:
    record = document("2. Ủy ban Kiểm tra Tỉnh ủy\n- Chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy cung cấp "
                      "thông tin về kết quả kiểm tra, thi hành kỷ luật đối với cán bộ diện Ban Thường vụ "
                      "Tỉnh ủy quản lý.")
    found = extract_answer(analyse_question(
        "Cơ quan nào cung cấp thông tin về kết quả kiểm tra, thi hành kỷ luật của cán bộ diện Ban Thường vụ "
        "Tỉnh ủy quản lý?"), [hit(record, record.text, "2. Ủy ban Kiểm tra Tỉnh ủy")], lambda _: record)
    assert found is not None and found.answer.startswith("Ủy ban Kiểm tra Tỉnh ủy")


NOTICE = """THÔNG BÁO
Triệu tập hội nghị tổng kết công tác dân vận năm 2026

1. Thời gian, địa điểm
Hội nghị tổ chức tại Hội trường B, Nhà khách Tỉnh ủy (số 4, đường Trần Phú), từ 8 giờ 00 ngày 20/12/2026.

2. Phân công
2.1. Ban Dân vận Tỉnh ủy
- Chuẩn bị báo cáo tổng kết, phối hợp với Văn phòng Tỉnh ủy bố trí hội trường.
2.2. Đài Phát thanh - Truyền hình tỉnh
- Đưa tin về hội nghị.

3. Liên hệ
Đồng chí Lò Thị Mai, chuyên viên Ban Dân vận Tỉnh ủy; điện thoại: 0214.3822.555.
"""
NOTICE_RECORD = document(NOTICE, doc_id="tb-7")


def _notice_hits() -> list:  # type: ignore[type-arg]
    parts = [("1. Thời gian, địa điểm", NOTICE.split("\n\n")[1]),
             ("2. Phân công > 2.1. Ban Dân vận Tỉnh ủy",
              "- Chuẩn bị báo cáo tổng kết, phối hợp với Văn phòng Tỉnh ủy bố trí hội trường."),
             ("2. Phân công > 2.2. Đài Phát thanh - Truyền hình tỉnh", "- Đưa tin về hội nghị."),
             ("3. Liên hệ", NOTICE.split("\n\n")[3].strip())]
    return [hit(NOTICE_RECORD, text, section, 1.0 - i / 100, i) for i, (section, text) in enumerate(parts)]


def _ask_notice(question: str) -> str | None:
    found = extract_answer(analyse_question(question), _notice_hits(), lambda _: NOTICE_RECORD)
    return found.answer if found else None


def test_where_an_event_is_held() -> None:
    assert _ask_notice("Hội nghị tổng kết công tác dân vận năm 2026 tổ chức ở đâu?") \
        == "Hội trường B, Nhà khách Tỉnh ủy"


def test_a_contact_under_a_contact_heading_answers_whom_to_contact() -> None:
    for question in ("Cần hỏi về hội nghị tổng kết công tác dân vận thì liên hệ với ai?",
                     "Người đầu mối liên hệ về hội nghị tổng kết công tác dân vận là ai?"):
        assert (_ask_notice(question) or "").startswith("Lò Thị Mai")


def test_what_an_agency_named_by_a_heading_is_tasked_with() -> None:
    answer = _ask_notice("Đài Phát thanh - Truyền hình tỉnh có nhiệm vụ gì trong hội nghị tổng kết?") or ""
    assert answer.rstrip(".") == "Đưa tin về hội nghị"


def test_a_task_table_row_names_its_lead_and_partner_agencies_by_their_labels() -> None:
    rows = ("PHỤ LỤC\n- 1. Xây dựng bản đồ số du lịch tỉnh. Cơ quan chủ trì: Sở Văn hóa, Thể thao và "
            "Du lịch. Cơ quan phối hợp: Sở Khoa học và Công nghệ; UBND các xã. Thời gian hoàn thành: "
            "Quý II/2027.\n- 2. Tổ chức tuần lễ văn hóa trà. Cơ quan chủ trì: Sở Công Thương. Thời gian "
            "hoàn thành: Tháng 5/2027.")
    record = document(rows, doc_id="kh-pl")
    hits = [hit(record, rows, "PHỤ LỤC")]
    lead = extract_answer(analyse_question("Đơn vị nào chủ trì xây dựng bản đồ số du lịch tỉnh?"), hits,
                          lambda _: record)
    partner = extract_answer(analyse_question("Cơ quan nào phối hợp xây dựng bản đồ số du lịch tỉnh?"), hits,
                             lambda _: record)
    when = extract_answer(analyse_question("Khi nào phải hoàn thành bản đồ số du lịch tỉnh?"), hits,
                          lambda _: record)
    assert lead is not None and lead.answer == "Sở Văn hóa, Thể thao và Du lịch"
    assert partner is not None and partner.answer.startswith("Sở Khoa học và Công nghệ")
    assert when is not None and when.answer == "Quý II/2027"


def test_a_period_of_years_must_be_the_answers_own() -> None:
    analysis = analyse_question("Vụ Đông Xuân 2025 - 2026, tỉnh Yên Bái gieo sạ bao nhiêu ha lúa?")
    other = "Yên Bái: vụ Đông Xuân 2026 - 2027 dự kiến gieo sạ 98.500 ha lúa, nhiều hơn vụ 2025"
    same = "Yên Bái: vụ Đông Xuân 2025-2026 gieo sạ 97.000 ha lúa"
    assert ungrounded(analysis, other, other) == ["2025-2026"]
    assert ungrounded(analysis, same, same) == []


RULES = """Điều 4. Chủ tịch Hội đồng
Chủ tịch Hội đồng là Phó Chủ tịch UBND tỉnh phụ trách lĩnh vực nội chính, có nhiệm vụ, quyền hạn sau: \
chỉ đạo hoạt động của Hội đồng.
Điều 5. Phó Chủ tịch Hội đồng
Phó Chủ tịch Hội đồng là Giám đốc Sở Tư pháp, giúp Chủ tịch Hội đồng điều hành công việc.
Điều 6. Thẩm tra
Báo cáo thẩm tra của Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh được gửi trước kỳ họp.
Điều 7. Bãi bỏ
Nghị quyết số 06/2021/NQ-HĐND ngày 17 tháng 3 năm 2021 của Hội đồng tỉnh hết hiệu lực từ \
ngày Quy chế này có hiệu lực.
Điều 8. Thi hành
Quy chế của Hội đồng tỉnh có hiệu lực từ ngày 20 tháng 7 năm 2026. Giải Nhất được thưởng 15.000.000 \
đồng và cờ, cúp.
""".replace("\\\n", "")
RULES_RECORD = document(RULES, doc_id="qc-1")


def _ask_rules(question: str) -> str | None:
    articles = ["Điều" + part for part in RULES.split("Điều")[1:]]
    hits = [hit(RULES_RECORD, a.strip("\n"), a.split("\n")[0], 1.0 - i / 100, i)
            for i, a in enumerate(articles)]
    found = extract_answer(analyse_question(question), hits, lambda _: RULES_RECORD)
    return found.answer if found else None


def test_what_a_subject_is_comes_from_the_sentence_about_that_subject() -> None:
    assert _ask_rules("Chủ tịch Hội đồng phối hợp pháp luật tỉnh Yên Bái là chức danh nào?") \
        == "Phó Chủ tịch UBND tỉnh phụ trách lĩnh vực nội chính"


def test_an_agency_name_goes_on_over_a_dash() -> None:
    assert _ask_rules("Ban nào của Hội đồng nhân dân tỉnh Yên Bái gửi báo cáo thẩm tra?") \
        == "Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh"


def test_the_date_of_a_referenced_document_does_not_answer_when_something_takes_effect() -> None:
    answer = _ask_rules("Quy chế của Hội đồng tỉnh Yên Bái có hiệu lực từ ngày nào?") or ""
    assert "20 tháng 7 năm 2026" in answer


def test_an_amount_of_money_keeps_only_its_currency_words() -> None:
    assert _ask_rules("Giải Nhất của Hội đồng tỉnh Yên Bái được thưởng bao nhiêu tiền?") == "15.000.000 đồng"


def test_a_date_the_question_gives_is_found_in_any_written_form() -> None:
    assert written_date("08/8/2026", "Ngày 08 tháng 8 năm 2026, tại hội trường")
    assert written_date("8/8/2026", "ngày 08/08/2026")
    assert not written_date("08/8/2026", "ngày 18 tháng 8 năm 2026")


def test_the_date_right_after_a_document_reference_is_that_documents() -> None:
    from assistant.spans import clauses
    from assistant.when_answers import _dated_reference

    text = "Nghị quyết số 06/2021/NQ-HĐND ngày 17 tháng 3 năm 2021 hết hiệu lực từ ngày 20 tháng 7 năm 2026."
    clause = clauses(text)[0]
    old, new = times(text)
    effect = analyse_question("Quy chế có hiệu lực từ ngày nào?")
    asked = analyse_question("Nghị quyết 06/2021/NQ-HĐND ban hành ngày nào?")
    assert _dated_reference(effect, text, clause, old) > 0
    assert _dated_reference(effect, text, clause, new) == 0
    assert _dated_reference(asked, text, clause, old) == 0


def test_names_right_after_a_class_noun_answer_which_of_them() -> None:
    text = ("Tham dự có lãnh đạo Phòng Kinh tế và Trưởng các ấp Tân Điền, Kinh Tám, Rạch Dược. "
            "Yêu cầu các ấp về đích nông thôn mới.")
    record = document(text, doc_id="tb-ap")
    found = extract_answer(analyse_question("Trưởng những ấp nào dự buổi làm việc ở xã Tân Hưng?"),
                           [hit(record, text)], lambda _: record)
    assert found is not None and found.answer == "Tân Điền, Kinh Tám, Rạch Dược"


def test_quoted_names_a_few_words_apart_are_one_series() -> None:
    text = "Giải phong cách: 01 giải “Đội cổ động đẹp nhất” và 01 giải “Đội có tinh thần thể thao cao nhất”."
    record = document(text, doc_id="kh-giai")
    found = extract_answer(analyse_question("Giải đua ghe Yên Bái có những giải phong cách nào?"),
                           [hit(record, text)], lambda _: record)
    assert found is not None and "Đội cổ động đẹp nhất" in found.answer and "tinh thần" in found.answer


def test_a_document_named_by_what_it_issues_is_no_issuer_question() -> None:
    assert analyse_question("Những ai chịu trách nhiệm thi hành Quyết định ban hành Quy chế Hội đồng?").kind \
        is QuestionKind.WHO
    assert analyse_question("Cơ quan nào ban hành Quy chế Hội đồng?").kind is QuestionKind.ISSUER


def test_the_department_name_with_a_comma_is_one_agency() -> None:
    from assistant.spans import agency_mentions

    text = "Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở Tài chính, Sở Xây dựng"
    assert [text[a:b] for a, b in agency_mentions(text, 0, len(text))] == [
        "Sở Văn hóa, Thể thao và Du lịch", "Sở Tài chính", "Sở Xây dựng"]


def test_an_office_held_by_the_holder_of_another_answers_who_holds_it() -> None:
    text = "1. Ban Tổ chức Giải\nGiám đốc Sở Văn hóa, Thể thao và Du lịch làm Trưởng ban; thành viên gồm …"
    record = document(text, doc_id="kh-btc")
    found = extract_answer(analyse_question("Ai làm Trưởng ban Tổ chức Giải đua ghe Yên Bái?"),
                           [hit(record, text, "1. Ban Tổ chức Giải")], lambda _: record)
    assert found is not None and found.answer == "Giám đốc Sở Văn hóa, Thể thao và Du lịch"


def test_a_daily_hour_is_a_time() -> None:
    text = "báo cáo tình hình thiệt hại trước 17 giờ 00 hằng ngày về UBND tỉnh"
    assert [text[f.start:f.end] for f in times(text)][0] == "trước 17 giờ 00 hằng ngày"


def test_a_fact_its_sentence_dates_to_another_year_does_not_answer() -> None:
    text = "Đến hết năm 2025, tỷ lệ che phủ rừng của tỉnh đạt 47,2%."
    record = document(text, doc_id="ct-rung")
    hits = [hit(record, text, "I. TÌNH HÌNH")]
    asked_2026 = analyse_question("Tỷ lệ che phủ rừng của tỉnh năm 2026 là bao nhiêu phần trăm?")
    asked_2025 = analyse_question("Tỷ lệ che phủ rừng của tỉnh năm 2025 là bao nhiêu phần trăm?")
    answer = extract_answer(asked_2025, hits, lambda _: record)
    assert answer is not None and not other_year(asked_2025, answer, hits)
    assert other_year(asked_2026, answer, hits)


def _one_passage(text: str) -> Callable[[str], str]:
    """Return a function answering questions from one passage holding the whole text ("" when none)."""
    record = document(text, doc_id="one")
    hits = [hit(record, text)]

    def ask(question: str) -> str:
        found = extract_answer(analyse_question(question), hits, lambda _: record)
        return found.answer if found else ""

    return ask


def test_durations_working_days_and_quarter_years() -> None:
    text = ("Bác sĩ được cử tăng cường được hưởng hỗ trợ không quá 24 tháng. Tài liệu họp gửi chậm nhất "
            "03 ngày làm việc trước ngày họp. Phấn đấu đến năm 2030 đạt 1.500 ha; trình Đề án trong quý IV "
            "năm 2026.")
    ask = _one_passage(text)
    assert ask("Bác sĩ được cử tăng cường được hưởng hỗ trợ tối đa bao lâu?") == "không quá 24 tháng"
    assert ask("Tài liệu họp phải gửi chậm nhất mấy ngày trước ngày họp?") == "03 ngày làm việc"
    assert ask("Khi nào phải trình Đề án?") == "trong quý IV năm 2026"  # not the goal's "đến năm 2030"


def test_an_enumeration_is_read_from_its_first_item_and_from_brackets() -> None:
    text = ("Bác sĩ đa khoa, bác sĩ y học dự phòng, bác sĩ y học cổ truyền được tuyển dụng lần đầu. "
            "Hồ sơ đăng ký thi đấu (danh sách vận động viên, bản sao căn cước, giấy khám sức khỏe) gửi Sở.")
    ask = _one_passage(text)
    assert ask("Chính sách áp dụng cho những loại bác sĩ nào được tuyển dụng lần đầu?").startswith(
        "Bác sĩ đa khoa, bác sĩ y học dự phòng, bác sĩ y học cổ truyền")
    assert "danh sách vận động viên, bản sao căn cước, giấy khám sức khỏe" in ask(
        "Hồ sơ đăng ký thi đấu gồm những gì?")


def test_which_holder_of_a_deputy_office_took_part() -> None:
    text = ("Ngày 03/10/2026, đồng chí Đào Văn Hải - Chủ tịch UBND tỉnh chủ trì cuộc họp. Tham dự có "
            "đồng chí Vũ Thị Lan - Phó Chủ tịch UBND tỉnh; lãnh đạo các sở.")
    record = document(text, doc_id="tb-ph")
    analysis = analyse_question("Phó Chủ tịch Ủy ban nhân dân tỉnh nào dự cuộc họp ngày 03/10/2026?")
    assert analysis.kind is QuestionKind.WHO and analysis.person
    found = extract_answer(analysis, [hit(record, text)], lambda _: record)
    assert found is not None and found.answer.startswith("Vũ Thị Lan")
    assert not analyse_question("Giám đốc những sở nào dự cuộc họp?").person


def test_a_short_heading_line_is_no_answer() -> None:
    from assistant.scope import read_scopes
    from assistant.what_answers import _is_heading_line

    text = ("I. MỤC ĐÍCH, YÊU CẦU\n1. Cụ thể hóa Chỉ thị số 15-CT/TU.\n"
            "2.2. Văn phòng Tỉnh ủy - Cơ quan Thường trực Ban Chỉ đạo\n- Chủ trì tổng hợp.")
    record = document(text, doc_id="kh-md")
    section = "I. MỤC ĐÍCH, YÊU CẦU > 2.2. Văn phòng Tỉnh ủy - Cơ quan Thường trực Ban Chỉ đạo"
    passage = hit(record, text, section)
    scopes = read_scopes(analyse_question("Mục đích của kế hoạch là gì?"), [passage])
    headings = [text[s.clause.sentence_start:s.clause.sentence_end] for s in scopes if _is_heading_line(s)]
    assert headings == ["MỤC ĐÍCH, YÊU CẦU"]  # the long one says what the office is


def test_the_youth_union_of_a_province_is_an_agency() -> None:
    from assistant.spans import agency_mentions

    text = "Tỉnh đoàn chủ trì tổ chức hành trình “Về nguồn” cho 2.000 đoàn viên."
    assert [text[a:b] for a, b in agency_mentions(text, 0, len(text))] == ["Tỉnh đoàn"]
