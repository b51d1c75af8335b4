"""Question analysis: the kind of answer asked for, the role or unit named, the content terms."""

import pytest

from assistant.question import QuestionKind, Role, analyse_question


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Ai chủ trì lập Bản đồ quy hoạch vùng chè?", QuestionKind.WHO),
        ("Cơ quan nào thẩm định hồ sơ dự án?", QuestionKind.WHO),
        ("Đơn vị nào phụ trách công tác tuyển quân?", QuestionKind.WHO),
        ("Sở nào tham mưu UBND tỉnh ban hành quy chế?", QuestionKind.WHO),
        ("Bộ phận nào tiếp nhận hồ sơ?", QuestionKind.WHO),
        ("Khi nào phải nộp báo cáo sơ kết?", QuestionKind.WHEN),
        ("Hội nghị tổng kết tổ chức vào ngày nào?", QuestionKind.WHEN),
        ("Thời hạn gửi kế hoạch chi tiết?", QuestionKind.WHEN),
        ("Hạn chót nộp hồ sơ khen thưởng?", QuestionKind.WHEN),
        ("Các xã phải báo cáo trước ngày nào?", QuestionKind.WHEN),
        ("Giao ban tổ chức bao lâu một lần?", QuestionKind.WHEN),
        ("Có bao nhiêu đại biểu tham dự?", QuestionKind.NUMBER),
        ("Tỉnh có mấy huyện biên giới?", QuestionKind.NUMBER),
        ("Kế hoạch này thực hiện văn bản nào?", QuestionKind.DOC),
        ("Chỉ thị triển khai nghị quyết nào của Bộ Chính trị?", QuestionKind.DOC),
        ("Mục tiêu của đề án là gì?", QuestionKind.WHAT),
        ("Thông báo kết luận về vấn đề gì?", QuestionKind.WHAT),
        ("Nội dung giao ban gồm những gì?", QuestionKind.LIST),
        ("Ai ký Quyết định số 15/QĐ-UBND?", QuestionKind.SIGNER),
        ("Công văn này được ban hành ngày nào?", QuestionKind.ISSUE_DATE),
        ("Số hiệu của hướng dẫn này là gì?", QuestionKind.DOC_NUMBER),
        ("Cơ quan nào ban hành kế hoạch này?", QuestionKind.ISSUER),
        ("Chuyển đổi số cấp xã", QuestionKind.FREE),
    ],
)
def test_kind_follows_the_question_words(question: str, kind: QuestionKind) -> None:
    assert analyse_question(question).kind is kind


def test_an_interrogative_beats_a_content_cue_earlier_in_the_question() -> None:
    # "định kỳ" appears first, but the question asks "qua đơn vị nào"
    analysis = analyse_question("Các xã gửi hồ sơ định kỳ hằng quý qua đơn vị nào?")
    assert analysis.kind is QuestionKind.WHO


def test_signing_an_agreement_is_not_the_signer() -> None:
    assert analyse_question("Ai ký kết chương trình phối hợp với Hội Nông dân?").kind is QuestionKind.WHO


def test_role_unit_and_flags() -> None:
    assert analyse_question("Ai chủ trì, phối hợp tổ chức hội nghị?").role is Role.LEAD
    assert analyse_question("Đơn vị nào phối hợp với Sở Y tế?").role is Role.COORDINATE
    assert analyse_question("Hội nghị có bao nhiêu điểm cầu?").unit == "điểm cầu"
    assert analyse_question("Tăng trưởng đạt bao nhiêu phần trăm?").unit == "%"
    assert analyse_question("Kế hoạch triển khai nghị quyết nào?").doc_type == "nghị quyết"
    assert analyse_question("Thời hạn nộp báo cáo là khi nào?").deadline
    assert analyse_question("Sơ kết định kỳ mấy tháng một lần?").period


def test_terms_are_tone_folded_content_words() -> None:
    terms = analyse_question("Ai chịu trách nhiệm trước Tỉnh uỷ về kết quả?").terms
    assert "ủy" in terms and "uỷ" not in terms  # old-style tone placement folded
    assert "ai" not in terms and "về" not in terms
    assert {"trách", "nhiệm", "kết", "quả"} <= set(terms)


def test_focus_is_what_precedes_the_question_word() -> None:
    analysis = analyse_question("Đoàn viên được yêu cầu tích cực tham gia những phong trào gì?")
    assert analysis.focus[-4:] == ("tham", "gia", "phong", "trào")
    assert analyse_question("Ai chủ trì hội nghị?").focus == ("chủ", "trì", "hội", "nghị")


def test_ho_ten_asks_for_people() -> None:
    analysis = analyse_question("Họ tên các Phó Trưởng ban Ban Chỉ đạo tỉnh là gì?")
    assert analysis.kind is QuestionKind.WHO and analysis.person
