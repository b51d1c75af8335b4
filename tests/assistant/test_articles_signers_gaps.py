"""Rules found on the genre12 and dev4 tuning sets (26 Nov, fifth session): durations counted in days,
articles named by their agency ("Điều 11. Sở Tài chính"), the agencies listed by "; " before a verb,
the item's subject for a later clause, ordinals asked mid-question, signers' offices and bodies, the
type of a document, a target asked of a result, and the words between the question's own.

Every passage here is invented (a Vĩnh Phúc flood-response Quy chế and notices); none is a gold
question's text.
"""

from assistant.evidence import Candidate, now_for_target, other_year
from assistant.facts import doc_refs
from assistant.question import QuestionKind, analyse_question, proper_names
from assistant.spans import heading_actor, series_start
from indexer.model import DocumentMetadata
from tests.assistant.builders import answer_text, document, hit

RULES = """QUY CHẾ
Phối hợp ứng phó mưa lũ trên địa bàn tỉnh Vĩnh Phúc

Điều 5. Lưu trữ dữ liệu
Trạm quan trắc phải lưu trữ số liệu mưa tại chỗ tối thiểu 45 ngày; dự trữ nhiên liệu đủ dùng tối thiểu \
05 ngày.

Điều 9. Kho bạc Nhà nước khu vực IX
Kiểm soát, thanh toán kinh phí khắc phục hậu quả ngay khi nhận đủ hồ sơ hợp lệ.

Điều 10. Trách nhiệm của Sở Tài chính
Tham mưu UBND tỉnh bố trí kinh phí ứng phó mưa lũ trong dự toán ngân sách hằng năm.

Điều 11. Phó Trưởng ban Thường trực
1. Phó Trưởng ban Thường trực là Giám đốc Sở Nông nghiệp và Môi trường, giúp Trưởng ban điều hành công \
việc chung; chủ trì các cuộc họp khi Trưởng ban vắng mặt.

Điều 12. Tổ chức thực hiện
Chánh Văn phòng UBND tỉnh; Giám đốc Sở Tài chính; Chủ tịch UBND các xã, phường và Thủ trưởng các cơ quan \
có liên quan chịu trách nhiệm thi hành Quyết định này.
Các trường học lồng ghép nội dung kỹ năng phòng tránh đuối nước, sơ cứu ban đầu vào hoạt động ngoại khóa.
Kết quả ứng phó là tiêu chí quan trọng để đánh giá, xếp loại cán bộ cuối năm.
Sở Tài chính tham mưu UBND tỉnh trình HĐND tỉnh ban hành Nghị quyết về mức hỗ trợ khắc phục hậu quả mưa lũ.
Căn cứ Nghị quyết số 19-NQ/TW, ngày 16/6/2022 của Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng \
khoá XIII.
""".replace("\\\n", "")
RECORD = document(RULES, doc_id="qc-mua-lu")


def _article(title: str) -> str:
    at = RULES.index(title)
    end = RULES.find("\n\n", at)
    return RULES[at:end if end > 0 else len(RULES)].strip()


def _ask(question: str, passage: str, section: str = "") -> str:
    return answer_text(question, [hit(RECORD, passage, section)], RECORD)


def test_a_duration_answers_how_many_days() -> None:
    article = _article("Điều 5.")
    assert _ask("Trạm quan trắc phải lưu trữ số liệu mưa tại chỗ tối thiểu mấy ngày?", article,
                "Điều 5. Lưu trữ dữ liệu") == "tối thiểu 45 ngày"
    assert _ask("Nhiên liệu phải dự trữ đủ dùng ít nhất bao nhiêu ngày?", article,
                "Điều 5. Lưu trữ dữ liệu") == "tối thiểu 05 ngày"


def test_an_article_named_by_its_agency_does_the_subject_less_item() -> None:
    assert heading_actor("Điều 10. Trách nhiệm của Sở Tài chính") == "Sở Tài chính"
    assert heading_actor("Điều 8. Nhiệm vụ, quyền hạn của Ban Chỉ huy") == "Ban Chỉ huy"
    assert heading_actor("Điều 5. Lưu trữ dữ liệu") is None
    treasury = _article("Điều 9.")
    body = treasury.split("\n", 1)[1]
    assert _ask("Cơ quan nào kiểm soát, thanh toán kinh phí khắc phục hậu quả mưa lũ?", body,
                "Điều 9. Kho bạc Nhà nước khu vực IX").startswith("Kho bạc Nhà nước khu vực IX")
    finance = _article("Điều 10.").split("\n", 1)[1]
    assert _ask("Đơn vị nào tham mưu bố trí kinh phí ứng phó mưa lũ trong dự toán ngân sách?", finance,
                "Điều 10. Trách nhiệm của Sở Tài chính").startswith("Sở Tài chính")


def test_a_later_clause_is_done_by_its_items_subject_before_the_heading() -> None:
    deputy = _article("Điều 11.").split("\n", 1)[1]
    assert _ask("Khi Trưởng ban vắng mặt thì ai chủ trì các cuộc họp?", deputy,
                "Điều 11. Phó Trưởng ban Thường trực").startswith("Phó Trưởng ban Thường trực")


def test_the_agencies_listed_by_semicolons_before_the_verb() -> None:
    line = RULES[RULES.index("Chánh Văn phòng"):RULES.index("Các trường học")].strip()
    assert series_start(line, 0, line.index("Chủ tịch UBND")) == 0
    assert series_start("Đẩy mạnh tuyên truyền; Chủ tịch UBND xã thực hiện", 0, 30) == 30
    answer = _ask("Những ai chịu trách nhiệm thi hành Quyết định này?", line, "Điều 12. Tổ chức thực hiện")
    assert answer.startswith("Chánh Văn phòng UBND tỉnh; Giám đốc Sở Tài chính; Chủ tịch UBND các xã")


def test_the_words_between_those_around_the_question_word() -> None:
    line = RULES[RULES.index("Các trường học"):RULES.index("Kết quả ứng phó")].strip()
    assert _ask("Các trường học lồng ghép những nội dung gì vào hoạt động ngoại khóa?", line) == (
        "kỹ năng phòng tránh đuối nước, sơ cứu ban đầu")
    # what follows "về" belongs to the answer
    criteria = RULES[RULES.index("Kết quả ứng phó"):RULES.index("Sở Tài chính tham mưu")].strip()
    assert "đánh giá, xếp loại cán bộ" in _ask(
        "Kết quả ứng phó là tiêu chí quan trọng cho những việc gì về cán bộ?", criteria)


def test_a_type_of_document_named_in_a_passage() -> None:
    line = RULES[RULES.index("Sở Tài chính tham mưu"):RULES.index("Căn cứ")].strip()
    assert _ask("Sở Tài chính tham mưu trình HĐND tỉnh ban hành loại văn bản nào về mức hỗ trợ?", line) == (
        "Nghị quyết")


def test_members_are_no_agency_and_an_object_is_no_items_subject() -> None:
    from assistant.spans import is_agency

    assert not is_agency("hội viên, đoàn viên")
    item = ("- Tuyên truyền trong đoàn viên, hội viên; phối hợp với Hội Cựu chiến binh tỉnh tổ chức gặp mặt "
            "nhân chứng lịch sử.")
    record = document(item, doc_id="kh-mt")
    answer = answer_text("Mặt trận Tổ quốc tỉnh phối hợp với tổ chức nào để gặp mặt nhân chứng lịch sử?",
                         [hit(record, item, "4. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh")], record)
    assert "hội viên" not in answer


def test_an_ordinal_asked_in_the_middle_of_a_question() -> None:
    line = RULES[RULES.index("Căn cứ"):].strip()
    assert _ask("Nghị quyết 19-NQ/TW là của Hội nghị lần thứ mấy Ban Chấp hành Trung ương?", line) == (
        "lần thứ năm")
    assert _ask("Nghị quyết 19-NQ/TW là của Ban Chấp hành Trung ương Đảng khóa mấy?", line) == "khoá XIII"


def test_a_report_asked_by_its_type_and_a_body_named_by_its_level() -> None:
    asked = analyse_question("Số liệu 12 trạm quan trắc được lấy theo báo cáo nào?")
    assert asked.kind is QuestionKind.DOC and asked.doc_type == "báo cáo"
    text = "Thực hiện Công điện số 07/CĐ-UBND ngày 02/9/2026 của Chủ tịch UBND tỉnh về ứng phó mưa lũ."
    assert [text[f.start:f.end] for f in doc_refs(text)] == [
        "Công điện số 07/CĐ-UBND ngày 02/9/2026 của Chủ tịch UBND tỉnh"]
    assert proper_names("Phong trào mà Tỉnh Đoàn Vĩnh Phúc phát động có tên là gì?") == ("Vĩnh Phúc",)
    assert proper_names("Thành ủy Phúc Yên ban hành gì?") == ("Phúc Yên",)


def test_a_dates_own_year_and_a_target_asked_of_a_result() -> None:
    text = "Nghị quyết này được HĐND xã Tam Dương thông qua ngày 18 tháng 11 năm 2026."
    record = document(text, doc_id="nq-td")
    found = [hit(record, text, "Điều 4. Hiệu lực thi hành")]
    date = Candidate("ngày 18 tháng 11 năm 2026", 0, (0, len(text)), 0.8, 0.8, "nq-td")
    assert not other_year(analyse_question("Nghị quyết về kế hoạch đầu tư công năm 2027 được thông qua ngày "
                                           "nào?"), date, found)
    result = "Một số đơn vị có tỷ lệ giải ngân cao như Ban Quản lý dự án giao thông (đạt 71,3%)."
    report = document(result, doc_id="tb-gn")
    figure = Candidate("đạt 71,3%", 0, (0, len(result)), 0.8, 0.8, "tb-gn")
    target = analyse_question("Ban Quản lý dự án giao thông phấn đấu giải ngân bao nhiêu phần trăm?")
    assert now_for_target(target, figure, [hit(report, result, "I. ĐÁNH GIÁ CHUNG")])
    assert not now_for_target(target, figure, [hit(report, result, "II. NHIỆM VỤ")])


def _signed(position: str, issuer: str, doc_type: str = "NGHỊ QUYẾT", number: str = "27/NQ-HĐND"):  # type: ignore[no-untyped-def]
    text = (f"{issuer}\nSố: {number}\n{doc_type}\nVề kế hoạch đầu tư công năm 2027\n"
            f"Điều 1. Thông qua kế hoạch đầu tư công năm 2027 của xã Tam Dương.\n"
            f"{position.replace(' / ', chr(10))}\nNguyễn Thị Hoa\n")
    meta = DocumentMetadata(doc_type=doc_type, number=number, issuer=issuer, signer_name="Nguyễn Thị Hoa",
                            signer_position=position, title="Về kế hoạch đầu tư công năm 2027")
    record = document(text, doc_id="nq-27", metadata=meta)
    return record, [hit(record, text.split("\n")[4], "Điều 1.")]


def test_a_signers_body_office_and_the_type_of_a_document() -> None:
    from assistant.answer import answer_question
    from assistant.settings import Settings
    from tests.assistant.builders import Library

    def ask(question: str, position: str, doc_type: str = "NGHỊ QUYẾT", number: str = "27/NQ-HĐND") -> str:
        record, hits = _signed(position, "HĐND XÃ TAM DƯƠNG", doc_type, number)
        found = answer_question(Library([record], hits), Settings(), question)
        return "ABSTAIN" if found.abstained else found.answer

    council = "TM. HỘI ĐỒNG NHÂN DÂN / CHỦ TỊCH"
    assert ask("Chủ tịch Hội đồng nhân dân xã Tam Dương là ai?", council).startswith("Nguyễn Thị Hoa")
    assert ask("Chủ tịch Ủy ban nhân dân xã Tam Dương là ai?", council) == "ABSTAIN"
    assert ask("Phó Chủ tịch UBND xã Tam Dương là ai?", "TL. CHỦ TỊCH / PHÓ CHÁNH VĂN PHÒNG") == "ABSTAIN"
    assert ask("Bí thư Đảng ủy xã Tam Dương ký nghị quyết về kế hoạch đầu tư công là ai?",
               "T/M ĐẢNG ỦY / PHÓ BÍ THƯ THƯỜNG TRỰC") == "ABSTAIN"
    deputy = "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    assert ask("Bà Nguyễn Thị Hoa giữ chức vụ gì trong HĐND xã Tam Dương?", deputy) == "PHÓ CHỦ TỊCH"
    assert ask("Văn bản số 27/NQ-HĐND của xã Tam Dương thuộc loại văn bản gì?", council) == "Nghị quyết"


def test_documents_listed_item_by_item_and_numbers_going_on_without_their_type() -> None:
    items = ["- Sơ kết 05 năm thực hiện Chỉ thị số 03-CT/TW, ngày 12/5/2021 của Ban Bí thư về dân số.",
             "- Sơ kết 05 năm thực hiện Chỉ thị số 14-CT/TU, ngày 02/8/2021 của Ban Thường vụ về y tế.",
             "- Tổng kết 10 năm thực hiện Chỉ thị số 21-CT/TW, ngày 20/1/2016 của Ban Bí thư về thể thao."]
    text = "3.2. Lĩnh vực xã hội\n" + "\n".join(items) + "\n"
    record = document(text, doc_id="hd-kg")
    hits = [hit(record, item, "II. NHIỆM VỤ > 3.2. Lĩnh vực xã hội", index=i) for i, item in enumerate(items)]
    assert answer_text("Năm 2026 cần sơ kết 05 năm thực hiện những chỉ thị nào?", hits, record) == (
        "Chỉ thị số 03-CT/TW; Chỉ thị số 14-CT/TU")
    line = "Các Sở: Y tế, Nội vụ tham mưu triển khai các Nghị quyết số 71-NQ/TW, 72-NQ/TW của Bộ Chính trị."
    resolutions = document(line, doc_id="kh-nq")
    assert answer_text("Các Sở Y tế, Nội vụ tham mưu triển khai những nghị quyết nào của Bộ Chính trị?",
                       [hit(resolutions, line, "5. Về xã hội")], resolutions) == (
        "Nghị quyết số 71-NQ/TW, 72-NQ/TW")
