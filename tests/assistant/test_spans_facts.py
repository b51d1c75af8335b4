"""Clauses, actors and typed facts found in passages of the genre (incl. forms the demo corpus lacks)."""

import pytest

from assistant.facts import doc_refs, quantities, quoted, times
from assistant.question import Role
from assistant.spans import agency_mentions, clauses, find_actor, heading_actor


def _actor(text: str) -> tuple[str, str | None, Role | None] | None:
    clause = clauses(text)[0]
    actor = find_actor(text, clause.start, clause.end)
    if actor is None:
        return None
    phrase = text[actor.role_phrase[0]:actor.role_phrase[1]] if actor.role_phrase else None
    return text[actor.name[0]:actor.name[1]], phrase, actor.role


@pytest.mark.parametrize(
    ("text", "name", "phrase", "role"),
    [
        ("- Sở Tài chính chủ trì, phối hợp với Thống kê tỉnh, các sở, ngành rà soát tốc độ tăng trưởng.",
         "Sở Tài chính", "chủ trì, phối hợp với Thống kê tỉnh, các sở, ngành", Role.LEAD),
        ("- UBND tỉnh chỉ đạo các sở, ngành liên quan nghiên cứu lập bản đồ vùng trồng.",
         "UBND tỉnh", "chỉ đạo các sở, ngành liên quan", Role.DIRECT),
        ("3. Ủy ban kiểm tra Đảng ủy tham mưu Ban Thường vụ tăng cường kiểm tra, giám sát.",
         "Ủy ban kiểm tra Đảng ủy", "tham mưu Ban Thường vụ", Role.ADVISE),
        ("Căn cứ tình hình thực tế, Ban Dân vận Huyện ủy chủ trì tổ chức hội nghị.",
         "Ban Dân vận Huyện ủy", "chủ trì", Role.LEAD),
        ("- Giao Sở Y tế chịu trách nhiệm hướng dẫn các cơ sở khám bệnh thực hiện.",
         "Sở Y tế", "chịu trách nhiệm", Role.RESPONSIBLE),
        ("- Các Sở: Nội vụ, Tư pháp chủ trì, phối hợp với các địa phương tham mưu đề án.",
         "Các Sở: Nội vụ, Tư pháp", "chủ trì, phối hợp với các địa phương", Role.LEAD),
        ("- Sở Xây dựng theo dõi chặt chẽ tiến độ dự án đường sắt.", "Sở Xây dựng",
         "theo dõi chặt chẽ tiến độ dự án đường sắt", None),
        ("- Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh: Chủ động nắm chắc tình hình.",
         "Bộ Chỉ huy Quân sự tỉnh, Công an tỉnh", None, None),
    ],
)
def test_actor_and_role_phrase(text: str, name: str, phrase: str | None, role: Role | None) -> None:
    assert _actor(text) == (name, phrase, role)


def test_agencies_after_the_verb_are_objects_not_the_actor() -> None:
    assert _actor("- Chủ trì, phối hợp các cơ quan, đơn vị có liên quan tham mưu Ban Thường vụ.") is None
    assert _actor("- Tổ chức hội nghị sơ kết, Ban hành kế hoạch.") is None


@pytest.mark.parametrize(
    ("heading", "actor"),
    [
        ("2.2.3. Ban Tổ chức Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"),
        ("2. Giao Sở Tài chính:", "Sở Tài chính"),
        ("2. Đề nghị Đảng uỷ Uỷ ban nhân dân tỉnh", "Đảng uỷ Uỷ ban nhân dân tỉnh"),
        ("Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Y tế",
         "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Y tế"),
        ("Điều 11. Sở Tài chính", "Sở Tài chính"),
        ("Điều 9. Trách nhiệm của Công an tỉnh", "Công an tỉnh"),
        ("Điều 5. Lắp đặt camera", None),
        ("1. Về phát triển kinh tế, thúc đẩy tăng trưởng", None),
        ("III. TỔ CHỨC THỰC HIỆN", None),
    ],
)
def test_heading_actor(heading: str, actor: str | None) -> None:
    assert heading_actor(heading) == actor


def test_clauses_split_items_sentences_and_semicolons() -> None:
    text = ("2.2.3. Ban Tổ chức Tỉnh ủy\n- Nghiên cứu, tham mưu bố trí cán bộ.\n"
            "- Phối hợp đào tạo; chủ trì xây dựng tiêu chí. Trong đó, ưu tiên cán bộ trẻ.")
    parts = [text[c.start:c.end] for c in clauses(text)]
    assert parts == ["Ban Tổ chức Tỉnh ủy", "Nghiên cứu, tham mưu bố trí cán bộ.", "Phối hợp đào tạo;",
                     "chủ trì xây dựng tiêu chí.", "Trong đó, ưu tiên cán bộ trẻ."]
    last = clauses(text)[-1]
    assert text[last.item_start:].startswith("Phối hợp đào tạo")


def test_agency_mentions() -> None:
    text = "gửi về Văn phòng Tỉnh ủy - Cơ quan Thường trực trước 11h00; báo cáo Ủy ban nhân dân tỉnh."
    names = [text[s:e] for s, e in agency_mentions(text, 0, len(text))]
    assert names == ["Văn phòng Tỉnh ủy", "Cơ quan Thường trực", "Ủy ban nhân dân tỉnh"]


def _texts(found, text):  # type: ignore[no-untyped-def]
    return [text[f.start:f.end] for f in found]


def test_time_expressions_and_periods() -> None:
    text = ("Gửi trước 11h00, ngày 11/7/2025; hoàn thành trong tháng 12/2025; giao ban (6 tháng/lần); "
            "định kỳ hằng năm báo cáo trước ngày 15/11; chậm nhất là ngày 05 tháng 3 năm 2026; "
            "từ ngày 01/6 đến ngày 15/6/2026; trong quý III/2026.")
    assert _texts(times(text), text) == [
        "trước 11h00, ngày 11/7/2025", "hoàn thành trong tháng 12/2025", "6 tháng/lần", "định kỳ hằng năm",
        "trước ngày 15/11", "chậm nhất là ngày 05 tháng 3 năm 2026", "từ ngày 01/6 đến ngày 15/6/2026",
        "trong quý III/2026"]


def test_dates_inside_document_references_are_not_deadlines() -> None:
    text = "Thực hiện Chỉ thị số 05-CT/TU, ngày 10/03/2025 của Ban Thường vụ Tỉnh ủy về khoa giáo."
    assert times(text) == []
    assert _texts(doc_refs(text), text) == ["Chỉ thị số 05-CT/TU, ngày 10/03/2025 của Ban Thường vụ Tỉnh ủy"]


def test_document_references_of_other_forms() -> None:
    text = ("theo Nghị quyết số 170/2024/QH15 ngày 30/11/2024 của Quốc hội; Quyết định số 1234/QĐ-UBND "
            "ngày 5/8/2025 của UBND tỉnh; Công văn số 605-CV/ĐU ngày 04/11/2025.")
    assert _texts(doc_refs(text), text) == [
        "Nghị quyết số 170/2024/QH15 ngày 30/11/2024 của Quốc hội",
        "Quyết định số 1234/QĐ-UBND ngày 5/8/2025 của UBND tỉnh",
        "Công văn số 605-CV/ĐU ngày 04/11/2025"]


def test_quantities_skip_numbering_years_and_references() -> None:
    text = ("2.1. Trực tuyến đến 102 điểm cầu, hơn 2.100 đại biểu; tăng trưởng 8% năm 2025; "
            "theo Kết luận số 226-KL/TW; tỷ lệ 95,5 phần trăm.")
    assert [text[f.start:f.end].split()[:3] for f in quantities(text)] == [
        ["102", "điểm", "cầu"], ["hơn", "2.100", "đại"], ["8%"], ["95,5", "phần", "trăm"]]


def test_quoted_names_keep_the_words_before() -> None:
    text = "với phương châm “đi từng ngõ, gõ từng nhà”."
    (fact,) = quoted(text)
    assert text[fact.start:fact.end] == "“đi từng ngõ, gõ từng nhà”" and fact.qualifier == "với phương châm"


def test_a_time_limit_is_a_period() -> None:
    text = "Ban hành Quy chế trong thời hạn 15 ngày kể từ ngày ký Quyết định này; báo cáo hằng quý."
    found = [(f.kind, text[f.start:f.end]) for f in times(text, 0, len(text))]
    assert ("period", "trong thời hạn 15 ngày kể từ ngày ký Quyết định này") in found
    assert ("period", "hằng quý") in found


def test_words_after_a_skipped_year_can_still_qualify_the_next_quantity() -> None:
    text = "đạt trên 95% kế hoạch, trong đó đến ngày 30/9/2026 đạt tối thiểu 60%."
    found = [(text[f.start:f.end], f.qualifier) for f in quantities(text, 0, len(text))]
    assert found == [("trên 95%", "trên"), ("tối thiểu 60%", "tối thiểu")]
