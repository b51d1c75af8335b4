"""Rules found on the genre6 and dev3 tuning sets (written 26 Nov, third session): fractions of a whole, …

Every passage here is invented (a Hà Giang council's rules); none is a gold question's text.
"""

from assistant.extract import extract_answer
from assistant.facts import quantities, times
from assistant.question import analyse_question
from indexer.model import DocumentMetadata
from tests.assistant.builders import answer_text, article_hits, document, hit

RULES = """ỦY BAN NHÂN DÂN TỈNH HÀ GIANG
Số: 77/QĐ-UBND
QUY CHẾ
hoạt động của Hội đồng thi đua - khen thưởng tỉnh

Điều 5. Hội đồng họp định kỳ 6 tháng một lần. Cuộc họp chỉ được tiến hành khi có ít nhất hai phần ba \
(2/3) tổng số thành viên tham dự; ý kiến kết luận được thông qua khi quá 1/2 số thành viên có mặt \
tán thành. Phiên họp tổng kết năm 2026 tổ chức ngày 2/3/2027 với 25 đại biểu.
""".replace("\\\n", "")
META = DocumentMetadata(doc_type="QUY CHẾ", number="77/QĐ-UBND", issuer="ỦY BAN NHÂN DÂN TỈNH HÀ GIANG",
                        issued_date="2026-12-10",
                        title="hoạt động của Hội đồng thi đua - khen thưởng tỉnh")
RECORD = document(RULES, doc_id="qc-77", metadata=META)


def _hits() -> list:  # type: ignore[type-arg]
    return article_hits(RECORD)


def _ask(question: str) -> str:
    return answer_text(question, _hits(), RECORD)


def test_a_fraction_is_a_quantity_not_a_date() -> None:
    text = RULES
    found = [text[f.start:f.end] for f in quantities(text)]
    assert any(phrase.startswith("ít nhất hai phần ba (2/3) tổng số thành viên") for phrase in found)
    assert any(phrase.startswith("quá 1/2 số thành viên") for phrase in found)
    dates = [text[f.start:f.end] for f in times(text)]
    assert "ngày 2/3/2027" in dates and not any("(2/3)" in d or "1/2" in d for d in dates)


def test_a_fraction_answers_how_many_members() -> None:
    answer = _ask("Cuộc họp Hội đồng thi đua Hà Giang cần tối thiểu bao nhiêu thành viên dự?")
    assert "hai phần ba (2/3) tổng số thành viên" in answer
    assert "1/2" in _ask("Kết luận được thông qua khi bao nhiêu thành viên có mặt tán thành?")


def test_agency_names_with_lower_case_words() -> None:
    from assistant.spans import agency_mentions

    def names(text: str) -> list[str]:
        return [text[a:b] for a, b in agency_mentions(text, 0, len(text))]

    assert names("Chi cục Thủy lợi phối hợp với Trung tâm Quan trắc tài nguyên và môi trường đo mặn") == [
        "Chi cục Thủy lợi", "Trung tâm Quan trắc tài nguyên và môi trường"]
    assert names("phối hợp với Trung tâm Dịch vụ tổng hợp xã hướng dẫn người nuôi") == [
        "Trung tâm Dịch vụ tổng hợp xã"]
    # a "và" after place words or before "các" or a verb joins two phrases, not one name
    assert names("Công an tỉnh và lực lượng chức năng kiểm tra") == ["Công an tỉnh"]
    assert names("Sở Tài chính và các địa phương") == ["Sở Tài chính"]
    assert names("Sở Y tế tổng hợp và báo cáo") == ["Sở Y tế"]


INVITATION = """THÔNG BÁO
triệu tập hội nghị tổng kết năm 2026

1. Mời dự:
- Các đồng chí Ủy viên Ban Thường vụ Huyện ủy;
- Trưởng, phó các ban đảng, Chánh Văn phòng Huyện ủy;
- Bí thư đảng ủy các xã, thị trấn;
- Giám đốc Trung tâm Y tế huyện.

2. Thời gian: 01 ngày, ngày 20/12/2026.
"""


def test_members_of_an_invitation_list_are_kept_whole() -> None:
    from assistant.outline import outline_candidates

    record = document(INVITATION, doc_id="tb-moi")
    start = INVITATION.index("1. Mời dự")
    hits = [hit(record, INVITATION[start:INVITATION.index("2. Thời")].strip(), "1. Mời dự:")]
    found = outline_candidates(analyse_question("Những ai được mời dự hội nghị tổng kết?"), hits,
                               lambda _: record)
    assert found and found[0].answer.split("; ") == [
        "Các đồng chí Ủy viên Ban Thường vụ Huyện ủy", "Trưởng, phó các ban đảng, Chánh Văn phòng Huyện ủy",
        "Bí thư đảng ủy các xã, thị trấn", "Giám đốc Trung tâm Y tế huyện"]


def test_a_year_range_the_sentence_repeats_is_not_another_year() -> None:
    from assistant.evidence import other_year

    text = ("Sở Tài chính chủ trì hoàn thành điều chỉnh Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến "
            "năm 2050, trình cấp có thẩm quyền trong quý IV/2026.")
    record = document(text, doc_id="kh-qh")
    hits = [hit(record, text, "II. NHIỆM VỤ")]
    asked = analyse_question("Sở nào chủ trì điều chỉnh Quy hoạch tỉnh thời kỳ 2021 - 2030?")
    answer = extract_answer(asked, hits, lambda _: record)
    assert answer is not None and answer.answer.startswith("Sở Tài chính")
    assert not other_year(asked, answer, hits)
    # a year the sentence does not give at all is still another year's fact
    assert other_year(analyse_question("Sở nào chủ trì điều chỉnh Quy hoạch tỉnh năm 2027?"), answer, hits)


CLOSING = DocumentMetadata(
    doc_type="KẾ HOẠCH", number="15-KH/ĐU", issuer="ĐẢNG ỦY XÃ MINH TÂN", title="công tác dân vận năm 2027",
    recipients=("Ban Dân vận Huyện ủy (báo cáo)", "Thường trực Đảng ủy (b/c)", "UBND xã (thực hiện)",
                "Các chi bộ trực thuộc (thực hiện)", "Lưu Văn phòng Đảng ủy"))
PLAN_TEXT = """ĐẢNG ỦY XÃ MINH TÂN
Số 15-KH/ĐU
KẾ HOẠCH
công tác dân vận năm 2027

1. Các chi bộ gửi báo cáo về Văn phòng Đảng ủy trước ngày 15/12/2027.

Nơi nhận:
- Ban Dân vận Huyện ủy (báo cáo),
- Thường trực Đảng ủy (b/c),
- UBND xã (thực hiện),
- Các chi bộ trực thuộc (thực hiện),
- Lưu Văn phòng Đảng ủy.
"""


def test_where_a_document_is_sent_is_its_list_of_addressees() -> None:
    from assistant.header_answers import addressees

    record = document(PLAN_TEXT, doc_id="kh-15", metadata=CLOSING)
    hits = [hit(record, PLAN_TEXT[PLAN_TEXT.index("1. Các"):PLAN_TEXT.index("Nơi")].strip(), "1.")]

    def ask(question: str) -> str:
        found = extract_answer(analyse_question(question), hits, lambda _: record)
        assert found is not None
        return found.answer

    assert ask("Kế hoạch công tác dân vận năm 2027 của Đảng ủy xã Minh Tân được gửi để báo cáo những nơi "
               "nào?") == "Ban Dân vận Huyện ủy (báo cáo); Thường trực Đảng ủy (b/c)"
    assert ask("Kế hoạch công tác dân vận năm 2027 được gửi tới những nơi nào?").endswith(
        "Các chi bộ trực thuộc (thực hiện)")  # filing ("Lưu …") is no addressee
    assert analyse_question("Các chi bộ gửi báo cáo tới những cơ quan nào?").recipients is None
    # a Công văn's "Như trên" stands for its "Kính gửi" addressees; copies after it are not where it is sent
    assert addressees(("Sở Y tế", "Sở Nội vụ", "Như trên", "UBND tỉnh (b/c)", "Lưu: VT"), "") == [
        "Sở Y tế", "Sở Nội vụ"]


RESOLUTION_TEXT = ("Sở Công Thương tham mưu triển khai Nghị quyết số 70-NQ/TW về bảo đảm an ninh năng lượng "
                   "quốc gia đến năm 2030, tầm nhìn đến năm 2045; góp phần thực hiện Nghị quyết Đại hội "
                   "đại biểu toàn quốc lần thứ XIV của Đảng, Nghị quyết Đại hội Đảng bộ tỉnh lần thứ I.")


def _ask_text(question: str, text: str = RESOLUTION_TEXT) -> str:
    record = document(text, doc_id="kh-nl")
    return answer_text(question, [hit(record, text, "II. NHIỆM VỤ")], record)


def test_the_words_right_before_a_value_say_which_one_is_asked() -> None:
    assert _ask_text("Nghị quyết 70-NQ/TW có tầm nhìn đến năm bao nhiêu?") == "đến năm 2045"
    assert _ask_text("Nghị quyết 70-NQ/TW về an ninh năng lượng có mục tiêu đến năm bao nhiêu?") == (
        "đến năm 2030")
    assert _ask_text("Nghị quyết Đại hội Đảng bộ tỉnh lần thứ mấy?") == "lần thứ I"
    assert _ask_text("Nghị quyết Đại hội đại biểu toàn quốc lần thứ bao nhiêu của Đảng?") == "lần thứ XIV"


def test_a_document_dated_is_its_issue_date() -> None:
    from assistant.question import QuestionKind

    assert analyse_question("Thông báo số 01-TB/BCĐ đề ngày nào?").kind is QuestionKind.ISSUE_DATE


BOARD = """VI. HỘI ĐỒNG XÉT CHỌN
Sở Y tế thành lập Hội đồng thẩm định, gồm: Giám đốc Sở Y tế làm Chủ tịch Hội đồng; Phó Giám đốc Sở phụ \
trách chuyển đổi số làm Phó Chủ tịch Hội đồng.
- Thư ký Hội đồng: đồng chí Trưởng phòng Nghiệp vụ Y.
Thành lập Tổ vận động do đồng chí Chủ tịch UBND xã làm Tổ trưởng.
Ngày 14/3/2027, tại Phòng họp số 1, Ủy ban nhân dân huyện, đồng chí Trần Văn Hậu - Phó Bí thư Huyện ủy, \
Chủ tịch UBND huyện chủ trì cuộc họp về giải phóng mặt bằng. Giao đồng chí Lê Minh Hòa - Phó Chủ tịch \
UBND huyện trực tiếp chỉ đạo, đôn đốc giải phóng mặt bằng; Phòng Nông nghiệp phối hợp với Chi nhánh Văn \
phòng Đăng ký đất đai huyện xác định nguồn gốc đất.
""".replace("\\\n", "")


def test_offices_held_by_other_offices_and_people_named_by_office() -> None:
    assert _ask_text("Ai làm Chủ tịch Hội đồng thẩm định của Sở Y tế?", BOARD) == "Giám đốc Sở Y tế"
    assert _ask_text("Ai làm Phó Chủ tịch Hội đồng thẩm định?", BOARD).startswith("Phó Giám đốc Sở")
    assert _ask_text("Ai làm Thư ký Hội đồng?", BOARD) == "đồng chí Trưởng phòng Nghiệp vụ Y"
    assert _ask_text("Tổ vận động do ai làm Tổ trưởng?", BOARD) == "đồng chí Chủ tịch UBND xã"
    assert "Trần Văn Hậu" in _ask_text("Ai chủ trì cuộc họp về giải phóng mặt bằng?", BOARD)
    assert "Lê Minh Hòa" in _ask_text("Lãnh đạo nào của UBND huyện trực tiếp chỉ đạo giải phóng mặt bằng?",
                                      BOARD)
    assert _ask_text("Phòng Nông nghiệp phối hợp với đơn vị nào để xác định nguồn gốc đất?", BOARD) == (
        "Chi nhánh Văn phòng Đăng ký đất đai huyện")


def test_an_office_after_a_title_is_no_person_name() -> None:
    from assistant.spans import person_mentions

    text = "đồng chí Trưởng Ban Tuyên giáo và đồng chí Nguyễn Văn An - Phó Trưởng Ban"
    assert [text[a:b] for a, b in person_mentions(text, 0, len(text))] == ["Nguyễn Văn An"]


def test_a_number_asked_after_la_is_no_label() -> None:
    from assistant.number_answers import _NUMBERED_NOUN

    assert _NUMBERED_NOUN.search("tổng kinh phí giai đoạn 2026-2030 là bao nhiêu?") is None
    found = _NUMBERED_NOUN.search("theo thang điểm mấy?")
    assert found is not None and found.group(1) == "thang điểm"


QUOTAS = """IV. SỐ LƯỢNG
Năm 2027 toàn tỉnh xét chọn không quá 40 mô hình tiêu biểu; mỗi Đảng ủy xã, phường đề nghị không quá 02 \
mô hình, mỗi Đảng ủy trực thuộc khác đề nghị không quá 03 mô hình. Trước khi sáp nhập, hai tỉnh đã ban \
hành kế hoạch riêng. Dự án ảnh hưởng đến 312 hộ gia đình, cá nhân. Các lớp học bơi hè 2027 tổ chức \
từ ngày 01/6/2027 đến ngày 15/8/2027 trong năm 2027. Kế hoạch số 15-KH/UBND thực hiện Chỉ thị số \
05-CT/TU; Nghị quyết số 12-NQ/TU về du lịch.
""".replace("\\\n", "")


def test_quantities_read_as_the_question_counts_them() -> None:
    assert _ask_text("Mỗi Đảng ủy xã, phường được đề nghị tối đa mấy mô hình?", QUOTAS) == (
        "không quá 02 mô hình")
    assert _ask_text("Trước khi sáp nhập có bao nhiêu tỉnh đã ban hành kế hoạch riêng?", QUOTAS) == "hai tỉnh"
    assert _ask_text("Dự án ảnh hưởng đến bao nhiêu hộ gia đình, cá nhân?", QUOTAS).startswith(
        "312 hộ gia đình")


def test_a_bare_year_does_not_answer_a_period_the_question_dates() -> None:
    assert _ask_text("Các lớp học bơi hè 2027 được tổ chức trong khoảng thời gian nào?", QUOTAS) == (
        "từ ngày 01/6/2027 đến ngày 15/8/2027")


def test_a_document_number_asked_by_type() -> None:
    # the plan beside Chỉ thị 05 is the plan asked; a Nghị quyết's number is no plan's number
    assert _ask_text("Kế hoạch thực hiện Chỉ thị 05-CT/TU có số hiệu gì?", QUOTAS).startswith(
        "Kế hoạch số 15-KH/UBND")
    text = "Tỉnh ủy ban hành Nghị quyết số 12-NQ/TU về phát triển du lịch."
    record = document(text, doc_id="nq-12")
    hits = [hit(record, text, "I.")]
    assert extract_answer(analyse_question("Kế hoạch phát triển du lịch có số hiệu gì?"), hits,
                          lambda _: record) is None


def test_agencies_named_one_after_another_are_one_list_answer() -> None:
    from assistant.spans import agency_mentions, agency_series

    text = ("Các ủy viên: đại diện lãnh đạo Ban Tổ chức Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy, Sở Nội vụ và Báo "
            "Hà Giang; thư ký là chuyên viên Phòng Dân vận.")
    spans = agency_series(text, agency_mentions(text, 0, len(text)))
    assert [text[a:b] for a, b in spans] == [
        "Ban Tổ chức Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy, Sở Nội vụ và Báo Hà Giang"]
    assert _ask_text("Các ủy viên là đại diện lãnh đạo những cơ quan nào?", text).startswith(
        "Ban Tổ chức Tỉnh ủy, Ủy ban Kiểm tra Tỉnh ủy")


PARTNERS = """VI. TỔ CHỨC THỰC HIỆN

5. Đề nghị các cơ quan phối hợp
- Sở Khoa học và Công nghệ hỗ trợ kỹ thuật, kiểm tra an toàn thông tin.
- Bảo hiểm xã hội tỉnh phối hợp tiếp nhận dữ liệu, giám định chi phí.
- Công an tỉnh hỗ trợ xác thực thông tin người bệnh.
"""


def test_the_doers_of_the_items_under_a_named_heading() -> None:
    from assistant.outline import outline_candidates

    record = document(PARTNERS, doc_id="kh-ba")
    start = PARTNERS.index("5. Đề nghị")
    hits = [hit(record, PARTNERS[start:].strip(), "VI. TỔ CHỨC THỰC HIỆN > 5. Đề nghị các cơ quan phối hợp")]
    found = outline_candidates(analyse_question("Sở Y tế đề nghị những cơ quan nào phối hợp?"), hits,
                               lambda _: record)
    assert found and found[0].answer == "Sở Khoa học và Công nghệ; Bảo hiểm xã hội tỉnh; Công an tỉnh"


def test_a_bare_number_takes_the_capitalised_type_before_it() -> None:
    from assistant.evidence import question_doc_type

    text = ("các Chương trình phối hợp (Số 08-CTPH/BTG-SNN “Tuyên truyền chính sách, pháp luật về môi "
            "trường”; Số 10-CTPH/BTG-BHXH “Tuyên truyền về bảo hiểm xã hội”).")
    assert _ask_text("Chương trình phối hợp về bảo hiểm xã hội có số hiệu là gì?", text) == (
        "Số 10-CTPH/BTG-BHXH")
    asked = analyse_question("Tỉnh thực hiện Nghị quyết 72-NQ/TW bằng chương trình hành động số mấy?")
    assert question_doc_type(asked) == "chương trình"


def test_a_list_asked_by_two_nouns_starts_at_the_first() -> None:
    text = ("Tổ chức các lớp bồi dưỡng nhằm nâng cao năng lực chuyên môn, kỹ năng nghiệp vụ và phương pháp "
            "tham mưu cho đội ngũ cán bộ.")
    question = "Các lớp bồi dưỡng nhằm nâng cao những năng lực, kỹ năng gì?"
    assert analyse_question(question).head == ("năng", "lực")
    assert _ask_text("Các lớp bồi dưỡng nhằm nâng cao những năng lực, kỹ năng gì?", text).startswith(
        "năng lực chuyên môn, kỹ năng nghiệp vụ")


def test_the_items_after_a_lead_in_naming_the_asked_noun() -> None:
    text = ("Tuy nhiên, còn những hạn chế, rào cản cần khắc phục, đó là: các nhiệm vụ mới triển khai trên kế "
            "hoạch; nhận thức của một bộ phận cán bộ chưa cao; còn tâm lý e ngại đổi mới.")
    answer = _ask_text("Thông báo chỉ ra những hạn chế, rào cản nào?", text)
    assert answer.startswith("các nhiệm vụ mới triển khai trên kế hoạch; nhận thức")


def test_who_does_the_asked_action_by_the_texts_own_words() -> None:
    text = ("Xét Tờ trình số 28/TTr-UBND ngày 10/02/2027 của Ủy ban nhân dân tỉnh; Báo cáo thẩm tra "
            "số 09/BC-HĐND ngày 17/02/2027 của Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh. Hộ gia đình "
            "được Hội đồng xét duyệt cấp xã đề nghị, Ủy ban nhân dân cấp huyện phê duyệt. Đề nghị Ủy ban "
            "Mặt trận Tổ quốc Việt Nam tỉnh chủ trì vận động ủng hộ Quỹ “Vì người nghèo”.")
    assert _ask_text("Cơ quan nào của Hội đồng nhân dân tỉnh thẩm tra dự thảo nghị quyết?", text) == (
        "Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh")
    assert _ask_text("Hộ gia đình được hỗ trợ thì cấp nào phê duyệt?", text) == "Ủy ban nhân dân cấp huyện"
    # a name the question writes without the quotes the text puts in it is still the text's name
    record = document(text, doc_id="nq")
    answer = extract_answer(analyse_question("Ai chủ trì vận động ủng hộ Quỹ Vì người nghèo?"),
                            [hit(record, text, "")], lambda _: record)
    assert answer is not None and answer.answer.startswith("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh")


def test_a_range_of_numbered_things() -> None:
    text = "Thông báo danh mục sách giáo khoa từ lớp 6 - đến lớp 12 được phê duyệt điều chỉnh."
    assert _ask_text("Danh mục sách giáo khoa được điều chỉnh từ lớp mấy đến lớp mấy?", text) == (
        "từ lớp 6 - đến lớp 12")


def test_an_agency_owned_by_the_asked_one_is_not_it() -> None:
    from assistant.evidence import agency_in, toneless

    text = toneless("Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh yêu cầu cấp ủy báo cáo trước ngày 15/11.")
    assert not agency_in(text, "Ủy ban nhân dân tỉnh")
    assert agency_in(toneless("Ủy ban nhân dân tỉnh chỉ đạo các sở."), "UBND tỉnh")


def test_a_deadline_of_another_agency_does_not_answer() -> None:
    from assistant.answer import is_supported

    text = """II. NHIỆM VỤ
2. Phòng Nông nghiệp và Môi trường
Chủ trì xác định nguồn gốc đất, hoàn thành trước ngày 31/3/2027.
"""
    record = document(text, doc_id="tb-gpmb")
    hits = [hit(record, text, "II. NHIỆM VỤ > 2. Phòng Nông nghiệp và Môi trường")]
    asked = analyse_question("Hạn chót để Phòng Tư pháp hướng dẫn thủ tục cưỡng chế là ngày nào?")
    assert asked.agencies == ("Phòng Tư pháp",)
    found = extract_answer(asked, hits, lambda _: record)
    assert found is None or not is_supported(found, asked, 0.4, lambda _: record, hits)


def test_a_series_runs_on_over_a_closing_collective_but_not_over_other_words() -> None:
    from assistant.spans import agency_mentions, agency_series

    def series(text: str) -> list[str]:
        return [text[a:b] for a, b in agency_series(text, agency_mentions(text, 0, len(text)))]

    assert series("phối hợp với Sở Tài chính, Trung tâm Khuyến nông tỉnh và các địa phương xây dựng") == [
        "Sở Tài chính, Trung tâm Khuyến nông tỉnh và các địa phương"]
    assert series("Sau khi nghe báo cáo của UBND tỉnh, Văn phòng Tỉnh ủy và ý kiến phát biểu") == [
        "UBND tỉnh, Văn phòng Tỉnh ủy"]
    assert series("gửi Ban Chỉ đạo (qua Sở Khoa học và Công nghệ, Văn phòng Tỉnh ủy) trước ngày 30/7") == [
        "Sở Khoa học và Công nghệ, Văn phòng Tỉnh ủy"]


def test_lists_named_by_a_heading_a_lead_in_or_one_after_another() -> None:
    text = ("Tổ lấy ý kiến do Trưởng ấp làm Tổ trưởng, thành viên gồm đại diện Ban công tác Mặt trận, "
            "Chi hội Phụ nữ, Chi đoàn Thanh niên ấp. Các ủy viên: đại diện Sở Nội vụ và Báo và Phát thanh, "
            "Truyền hình Hà Giang.")
    assert _ask_text("Tổ lấy ý kiến gồm đại diện những tổ chức nào?", text) == (
        "Ban công tác Mặt trận, Chi hội Phụ nữ, Chi đoàn Thanh niên ấp")
    assert _ask_text("Các ủy viên là đại diện những cơ quan nào?", text) == (
        "Sở Nội vụ và Báo và Phát thanh, Truyền hình Hà Giang")
    dossier = "1. Hồ sơ gồm: (1) Tờ trình đề nghị; (2) Biên bản họp xét chọn; (3) Báo cáo mô hình."
    assert "(1) Tờ trình đề nghị; (2) Biên bản họp xét chọn; (3) Báo cáo mô hình" in _ask_text(
        "Hồ sơ đề nghị biểu dương mô hình gồm những gì?", dossier)


def test_members_a_heading_lists_answer_which_of_them_do_the_item() -> None:
    text = "- Thành lập Tổ vận động do Chủ tịch UBND xã làm Tổ trưởng; kiên trì đối thoại với các hộ."
    record = document(text, doc_id="tb")
    hits = [hit(record, text, "II. NHIỆM VỤ > 6. UBND các xã Phước Lý, Long Thượng và thị trấn Cần Đước")]
    asked = analyse_question("Những xã nào phải thành lập Tổ vận động?")
    found = extract_answer(asked, hits, lambda _: record)
    assert found is not None and found.answer == "Phước Lý, Long Thượng và thị trấn Cần Đước"


def test_whom_a_cong_van_is_sent_to() -> None:
    assert analyse_question("Công văn lấy ý kiến cử tri gửi tới những ai?").recipients == ""
    assert analyse_question("Báo cáo gửi cho ai?").recipients is None


def test_long_lower_case_names_end_at_a_verb() -> None:
    from assistant.spans import agency_mentions

    def names(text: str) -> list[str]:
        return [text[a:b] for a, b in agency_mentions(text, 0, len(text))]

    assert names("phối hợp với Phòng Bảo vệ chính trị nội bộ theo dõi") == ["Phòng Bảo vệ chính trị nội bộ"]
    # no verb ends it: three lower-case words only
    assert names("Sở Tài chính cân đối ngân sách địa phương cho") == ["Sở Tài chính cân đối"]
    assert names("UBND các huyện, thị xã, thành phố chỉ đạo") == ["UBND các huyện, thị xã, thành phố"]


def test_a_heading_naming_a_class_of_agencies_does_the_items_under_it() -> None:
    text = "- Bố trí đội cấp cứu lưu động thường trực trong suốt thời gian tiêm."
    record = document(text, doc_id="kh-mr")
    heading = "3. Các bệnh viện đa khoa khu vực, Bệnh viện Sản - Nhi tỉnh"
    hits = [hit(record, text, f"IV. TỔ CHỨC THỰC HIỆN > {heading}")]
    found = extract_answer(analyse_question("Bên nào phải bố trí đội cấp cứu lưu động thường trực?"), hits,
                           lambda _: record)
    assert found is not None and found.answer.startswith(heading[3:])


def test_a_money_unit_keeps_its_currency() -> None:
    text = "Bác sĩ về làm việc tại trạm y tế phường: 100 triệu đồng/người."
    assert _ask_text("Bác sĩ về trạm y tế phường được hỗ trợ mấy triệu?", text) == "100 triệu đồng"


def test_what_an_agency_is_tasked_with_and_which_meeting() -> None:
    text = "Ngày 10/7/2027, Ban Chỉ đạo tỉnh đã tổ chức Phiên họp thứ nhất theo hình thức trực tuyến."
    assert _ask_text("Thông báo là kết luận của cuộc họp nào?", text).startswith("Phiên họp thứ nhất")
    assert analyse_question("Bưu điện huyện được giao làm gì?").head == ()
    item = "- Bố trí phương tiện, nhân lực vận chuyển phiếu lấy ý kiến đến các xã."
    record = document(item, doc_id="cv")
    hits = [hit(record, item, "III. TỔ CHỨC THỰC HIỆN > 7. Bưu điện huyện Mỏ Cày Nam")]
    asked = analyse_question("Bưu điện huyện Mỏ Cày Nam được giao làm gì trong đợt lấy ý kiến?")
    found = extract_answer(asked, hits, lambda _: record)
    assert found is not None and found.answer.startswith("Bố trí phương tiện, nhân lực vận chuyển phiếu")


def test_a_form_asked_with_theo_is_a_theo_phrase() -> None:
    text = ("Đổi mới nội dung, hình thức tuyên truyền; vận động Nhân dân tham gia bảo hiểm y tế (theo hộ gia "
            "đình), phấn đấu đạt trên 97% dân số.")
    asked = "Nhân dân được vận động tham gia bảo hiểm y tế theo hình thức nào?"
    assert "theo hộ gia đình" in _ask_text(asked, text)


def test_near_misses_of_period_state_and_hour() -> None:
    from assistant.answer import is_supported

    text = """II. MỤC TIÊU, CHỈ TIÊU NĂM 2027
1. Mục tiêu đến năm 2030
Tỷ lệ người dân tham gia bảo hiểm y tế đạt 95,5%; năng suất lao động tăng bình quân 8,5%/năm.
2. Các trường gia cố phòng học ngày 28/6/2027; báo cáo trước 16 giờ 00 ngày 27/6/2027.
"""
    record = document(text, doc_id="kh")
    heading = "II. MỤC TIÊU, CHỈ TIÊU NĂM 2027 > 1. Mục tiêu đến năm 2030"
    first = text.index("Tỷ lệ")
    hits = [hit(record, text[first:text.index("2. Các")].strip(), heading),
            hit(record, text[text.index("2. Các"):].strip(), "II. MỤC TIÊU, CHỈ TIÊU NĂM 2027", index=1)]

    def supported(question: str) -> bool:
        asked = analyse_question(question)
        found = extract_answer(asked, hits, lambda _: record)
        return found is not None and is_supported(found, asked, 0.4, lambda _: record, hits)

    assert supported("Tỷ lệ người dân tham gia bảo hiểm y tế năm 2027 là bao nhiêu?")
    # the heading's year is another; a target is asked as a present state
    assert not supported("Tỷ lệ người dân tham gia bảo hiểm y tế năm 2026 là bao nhiêu?")
    assert not supported("Năng suất lao động hiện nay tăng bao nhiêu phần trăm?")
    assert _ask_text("Hạn báo cáo là mấy giờ?", text).startswith("trước 16 giờ 00")
    record2 = document("Các trường gia cố phòng học ngày 28/6/2027.", doc_id="x")
    hits2 = [hit(record2, record2.text, "")]
    asked = analyse_question("Hạn gia cố phòng học là mấy giờ?")
    assert extract_answer(asked, hits2, lambda _: record2) is None


def test_a_long_list_of_doers_before_a_council_named_with_phoi_hop() -> None:
    text = ("Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tư pháp, Thủ trưởng các sở, ban, ngành thuộc tỉnh, "
            "Chủ tịch UBND các xã, phường và các thành viên Hội đồng phối hợp phổ biến, giáo dục pháp luật "
            "tỉnh chịu trách nhiệm thi hành Quyết định này.")
    assert _ask_text("Những ai chịu trách nhiệm thi hành Quyết định?", text).startswith(
        "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tư pháp, Thủ trưởng các sở, ban, ngành thuộc tỉnh, Chủ tịch")


CONTEST = """KẾ HOẠCH
Tổ chức Hội thi "Bí thư Chi đoàn giỏi" tỉnh Lai Châu lần thứ V năm 2027

III. THỜI GIAN
- Vòng thi trực tuyến mở từ 08 giờ 00 ngày 02/6/2027 đến 17 giờ 00 ngày 08/6/2027.
- Vòng chung khảo: 02 ngày, từ ngày 19 đến ngày 20/6/2027 (ngày 20/6 trao giải).
- Đăng ký tại https://forms.gle/BTCD2027 hoặc gửi thư về bithuchidoan@gmail.com.
- Các cơ sở Đoàn báo cáo kết quả trước ngày 20 hằng tháng.

VII. BAN GIÁM KHẢO
2. Ban Giám khảo gồm 03 thành viên:
- Đồng chí Lò Thị Hạnh, Phó Bí thư Tỉnh đoàn - Trưởng ban;
- Đồng chí Giàng Seo Chúng, Trưởng Ban Xây dựng Đoàn - Phó Trưởng ban;
- Đồng chí Hoàng Văn Đạt, giảng viên Trường Chính trị tỉnh - thành viên.
"""


def test_contest_plan_times_links_and_people() -> None:
    from assistant.outline import outline_candidates

    record = document(CONTEST, doc_id="kh-thi")
    times_part = CONTEST[CONTEST.index("III."):CONTEST.index("VII.")].strip()
    hits = [hit(record, times_part, "III. THỜI GIAN")]
    assert answer_text("Vòng thi trực tuyến mở từ khi nào đến khi nào?", hits, record) == (
        "từ 08 giờ 00 ngày 02/6/2027 đến 17 giờ 00 ngày 08/6/2027")
    assert answer_text("Vòng chung khảo diễn ra vào những ngày nào?", hits, record) == (
        "từ ngày 19 đến ngày 20/6/2027")
    assert answer_text("Đường link đăng ký dự thi là gì?", hits, record) == "https://forms.gle/BTCD2027"
    # a contact of no named kind is any kind, a short link included
    item = "- Thí sinh nộp bài dự thi trực tuyến tại https://forms.gle/BaiThi2027 trước ngày 10/6/2027."
    notice = document(item, doc_id="tb-thi")
    assert answer_text("Thí sinh nộp bài dự thi ở địa chỉ nào?", [hit(notice, item, "III. THỜI GIAN")],
                       notice) == "https://forms.gle/BaiThi2027"
    assert "20 hằng tháng" in answer_text("Các cơ sở Đoàn báo cáo định kỳ vào thời điểm nào?", hits, record)
    board = CONTEST[CONTEST.index("2. Ban Giám khảo"):].strip()
    asked = analyse_question("Ban Giám khảo Hội thi Bí thư Chi đoàn giỏi gồm những ai?")
    section = "VII. BAN GIÁM KHẢO > 2. Ban Giám khảo gồm 03 thành viên:"
    people = outline_candidates(asked, [hit(record, board, section)], lambda _: record)
    assert people and max(people, key=lambda c: c.score).answer == (
        "Lò Thị Hạnh; Giàng Seo Chúng; Hoàng Văn Đạt")
    assert asked.agencies == ("Ban Giám khảo",)


def test_question_cues_of_dates_and_addressees() -> None:
    from assistant.question import QuestionKind

    assert analyse_question("Buổi ra quân đầu tiên diễn ra ngày mấy?").kind is QuestionKind.WHEN
    long_title = ("Nghị quyết của Đảng ủy Sở Xây dựng tỉnh Bình Thuận về phát triển nhà ở xã hội năm 2025 "
                  "được ban hành ngày nào?")
    assert analyse_question(long_title).kind is QuestionKind.ISSUE_DATE
    assert analyse_question("Báo cáo của Sở được gửi (kính gửi) những cơ quan nào?").recipients == ""


def test_names_and_offices_read_from_either_side() -> None:
    text = ('Tổ chức 58 chuyên đề về dạy tiếng Việt cho trẻ em; tổ chức Hội thi "Bé kể chuyện bằng tiếng '
            'Việt" cấp tỉnh tại huyện Lạc Thủy với 96 trẻ tham gia. Giao đồng chí Phó Bí thư Đảng ủy, Phó '
            'Giám đốc Sở Trần Minh Luân chỉ đạo theo dõi việc thực hiện.')
    assert _ask_text("Hội thi cấp tỉnh tổ chức tại huyện Lạc Thủy có tên gì?", text) == (
        '"Bé kể chuyện bằng tiếng Việt"')
    assert _ask_text("Đồng chí Trần Minh Luân giữ chức vụ gì?", text) == "Phó Bí thư Đảng ủy, Phó Giám đốc Sở"


def test_more_abbreviations_of_the_genre() -> None:
    from indexer.abbreviations import expand_abbreviations

    assert expand_abbreviations("Hội LHPN phường") == "Hội liên hiệp phụ nữ phường"
    assert "giải phóng mặt bằng" in expand_abbreviations("tiến độ GPMB dự án")


def test_an_office_inside_a_quoted_name_is_not_the_signer_asked() -> None:
    from assistant.header_answers import header_candidates

    title = 'Tổ chức Hội thi "Bí thư Chi đoàn giỏi" năm 2027'
    meta = DocumentMetadata(doc_type="KẾ HOẠCH", number="86-KH/TĐTN", issuer="TỈNH ĐOÀN LAI CHÂU",
                            title=title, signer_name="Lò Thị Hạnh",
                            signer_position="TM. BAN THƯỜNG VỤ TỈNH ĐOÀN / PHÓ BÍ THƯ")
    text = f"TỈNH ĐOÀN LAI CHÂU\nSố 86-KH/TĐTN\nKẾ HOẠCH\n{title}\n\nLò Thị Hạnh\n"
    record = document(text, doc_id="kh-86", metadata=meta)
    asked = analyse_question('Ai ký kế hoạch tổ chức Hội thi "Bí thư Chi đoàn giỏi" năm 2027?')
    found = header_candidates(asked, [hit(record, text.split("\n\n")[0], "")], lambda _: record)
    assert found and found[0].answer.startswith("Lò Thị Hạnh")
