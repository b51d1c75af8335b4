"""Rules found on the genre8 and genre11 tuning sets (26 Nov, fifth session): an agency written by its
initials, a year the question gives only in a month, ordinals written in words, a day range, more verbs
opening a subject-less item, a labelled "Địa điểm:" line, and the case named first in a bracket.

Every passage here is invented (a Bắc Ninh ward plan); none is a gold question's text.
"""

from assistant.answer import answer_question
from assistant.evidence import Candidate, agency_in, is_date_like, other_year, toneless, written_date
from assistant.question import analyse_question
from assistant.settings import Settings
from assistant.spans import starts_with_verb
from indexer.model import DocumentMetadata
from tests.assistant.builders import Library, answer_text, document, hit

PLAN = """KẾ HOẠCH
Tổ chức Ngày hội đọc sách phường Võ Cường tháng 12/2026

II. NỘI DUNG
1. Thời gian, địa điểm
- Thời gian: 02 ngày, từ ngày 19 đến ngày 20/12/2026.
- Địa điểm: Nhà văn hóa khu phố Hòa Đình, số 25 đường Lý Anh Tông.
2. Lịch cụ thể
- 17/12 - 18/12. Nội dung: Phiên thứ mười hai của Câu lạc bộ Bạn đọc phường.
- Ban Văn hóa tiếp nhận ý kiến bạn đọc định kỳ vào ngày 10 hằng tháng (tháng 12 tiếp nhận vào ngày \
08/12/2026 do trùng lịch).
- Vận động hoàn thành chỉ tiêu tuyển quân năm 2027 và các công trình: nhà văn hóa khu phố Hòa Đình, \
thư viện phường.

III. TỔ CHỨC THỰC HIỆN
1. Phòng Văn hóa - Xã hội phường
- Tổng hợp kết quả, báo cáo UBND phường trước ngày 25 hằng tháng.
2. Các trường THCS trên địa bàn phường
- Đăng ký danh sách học sinh dự thi trước ngày 05/12/2026.
""".replace("\\\n", "")
META = DocumentMetadata(doc_type="KẾ HOẠCH", number="91/KH-UBND",
                        title="Tổ chức Ngày hội đọc sách phường Võ Cường tháng 12 năm 2026")
RECORD = document(PLAN, doc_id="kh-doc-sach", metadata=META)


def _line(start: str) -> str:
    at = PLAN.index(start)
    return PLAN[at:PLAN.index("\n", at)]


def _ask(question: str, passage: str, section: str) -> str:
    return answer_text(question, [hit(RECORD, passage, section)], RECORD)


def _answer(question: str, passage: str, section: str) -> str:
    """Return the whole pipeline's answer ("ABSTAIN" when it abstains) over one passage."""
    found = answer_question(Library([RECORD], [hit(RECORD, passage, section)]), Settings(), question)
    return "ABSTAIN" if found.abstained else found.answer


def test_an_agency_written_by_its_initials_is_found_spelled_out() -> None:
    text = toneless("Phòng Kinh tế, Hạ tầng và Đô thị tổng hợp kết quả")
    assert agency_in(text, "Phòng KT")
    assert agency_in(toneless("Sở Giáo dục và Đào tạo"), "Sở GDĐT")
    assert not agency_in(text, "Phòng TC")
    assert not agency_in(toneless("Phòng Tài chính tổng hợp"), "Phòng KT")
    report = _line("- Tổng hợp")
    section = "III. TỔ CHỨC THỰC HIỆN > 1. Phòng Văn hóa - Xã hội phường"
    assert _answer("Phòng VH-XH phường Võ Cường báo cáo UBND phường định kỳ vào thời điểm nào?", report,
                   section) == "trước ngày 25 hằng tháng"
    assert _answer("Phòng KT phường Võ Cường báo cáo UBND phường định kỳ vào thời điểm nào?", report,
                   section) == "ABSTAIN"


def test_a_year_given_only_in_a_month_does_not_date_the_answer() -> None:
    line = _line("- Vận động")
    works = Candidate("nhà văn hóa khu phố Hòa Đình, thư viện phường", 0, (0, len(line)), 0.8, 0.8,
                      "kh-doc-sach")
    hits = [hit(RECORD, line, "II. NỘI DUNG > 2. Lịch cụ thể")]
    assert not other_year(analyse_question("Tháng 12/2026 phường vận động hoàn thành những công trình nào?"),
                          works, hits)
    assert other_year(analyse_question("Năm 2026 phường vận động hoàn thành những công trình nào?"), works,
                      hits)


def test_an_ordinal_written_in_words_and_a_day_range() -> None:
    assert written_date("17-18/12/2026", "- 17/12 - 18/12. Kỳ họp của năm 2026")
    assert not written_date("17-19/12/2026", "- 17/12 - 18/12. Kỳ họp của năm 2026")
    assert is_date_like("17-18/12/2026")
    row = _line("- 17/12")
    question = "Câu lạc bộ Bạn đọc phường Võ Cường họp ngày 17-18/12/2026 là phiên thứ mấy?"
    assert "thứ mười hai" in _answer(question, row, "II. NỘI DUNG > 2. Lịch cụ thể")


def test_more_verbs_open_an_item_whose_doer_is_its_heading() -> None:
    assert starts_with_verb("Đăng ký danh sách học sinh", 0)
    assert starts_with_verb("Nộp hồ sơ trước ngày 5", 0)
    assert not starts_with_verb("Danh sách học sinh", 0)
    item = _line("- Đăng ký")
    answer = _ask("Đơn vị nào phải đăng ký danh sách học sinh dự thi?", item,
                  "III. TỔ CHỨC THỰC HIỆN > 2. Các trường THCS trên địa bàn phường")
    assert answer.startswith("Các trường THCS trên địa bàn phường")


def test_a_labelled_place_line_answers_where_and_a_time_line_does_not() -> None:
    part = PLAN[PLAN.index("1. Thời gian"):PLAN.index("2. Lịch")].strip()
    answer = _ask("Ngày hội đọc sách phường Võ Cường được tổ chức ở đâu?", part,
                  "II. NỘI DUNG > 1. Thời gian, địa điểm")
    assert answer.startswith("Nhà văn hóa khu phố Hòa Đình")


def test_the_case_named_first_in_a_bracket_takes_its_date() -> None:
    line = _line("- Ban Văn hóa")
    section = "II. NỘI DUNG > 2. Lịch cụ thể"
    assert _ask("Tháng 12/2026 Ban Văn hóa tiếp nhận ý kiến bạn đọc vào ngày nào?", line, section) == (
        "vào ngày 08/12/2026")
    assert _ask("Ban Văn hóa tiếp nhận ý kiến bạn đọc vào ngày nào?", line, section) == (
        "vào ngày 10 hằng tháng")
