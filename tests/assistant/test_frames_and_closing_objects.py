"""Rules found on the dev4 and dev5 tuning sets (27 Nov, eighth session): the question's words only in
the document it names as its source ("Theo kế hoạch …, ") do not make an answer a repetition, a clause
whose object the question repeats is answered by what it does to it ("Phấn đấu hoàn thành … | các mục
tiêu …"), and a noun's other kind is read right after the noun, not anywhere in the clause.

Every passage here is invented (a Quảng Bình provincial plan); none is a gold question's text.
"""

from assistant.answer import _other_qualifier
from assistant.evidence import Candidate
from assistant.extract import _repeats_question
from assistant.question import QuestionKind, analyse_question, content_terms
from tests.assistant.builders import answer_over, document, hit


def test_words_of_the_source_document_do_not_make_the_answer_a_repetition() -> None:
    text = ("- Sở Công Thương chủ trì, phối hợp với các địa phương đẩy mạnh xúc tiến thương mại, "
            "phấn đấu kim ngạch xuất khẩu năm 2026 vượt kế hoạch; trong đó, chú trọng thị trường Nhật Bản.")
    answer = answer_over(text, "II. NHIỆM VỤ > 2. Thương mại",
                          "Theo kế hoạch của UBND tỉnh Quảng Bình, kim ngạch xuất khẩu năm 2026 phấn đấu đạt "
                          "mức nào?")
    assert "vượt kế hoạch" in answer


def test_a_clause_whose_object_the_question_repeats_is_answered_by_what_it_does() -> None:
    text = ("Phấn đấu hoàn thành ở mức cao nhất các mục tiêu, chỉ tiêu phát triển du lịch năm 2026; "
            "tạo động lực vững chắc cho các ngành dịch vụ khác phát triển nhanh, bền vững trong giai đoạn "
            "2026 - 2030, góp phần đưa du lịch thực sự trở thành ngành kinh tế mũi nhọn của tỉnh Quảng Bình.")
    answer = answer_over(text, "I. MỤC ĐÍCH, YÊU CẦU > 1. Mục đích:",
                          "Đối với các mục tiêu, chỉ tiêu phát triển du lịch năm 2026, kế hoạch của tỉnh "
                          "Quảng Bình đặt mục đích gì?")
    # the clause, not the next one the sentence goes on to
    assert answer == "Phấn đấu hoàn thành ở mức cao nhất các mục tiêu, chỉ tiêu phát triển du lịch năm 2026"


def test_another_kind_of_the_noun_is_read_right_after_it() -> None:
    line = ("Vận động các tổ chức chính trị - xã hội tuyên truyền Nhân dân tham gia bảo hiểm y tế, phấn đấu "
            "đạt trên 95% dân số.")
    found = Candidate("trên 95%", 0, (0, len(line)), 0.8, 1.0, "kh-qb")
    record = document(line + "\n", doc_id="kh-qb")
    hits = [hit(record, line, "II. NHIỆM VỤ")]
    # "xã hội" elsewhere in the clause does not make "bảo hiểm y tế" the asked "bảo hiểm xã hội"
    social, health = "bảo hiểm xã hội", "bảo hiểm y tế"
    assert _other_qualifier(analyse_question(f"Tỷ lệ lao động tham gia {social} là bao nhiêu?"), found, hits)
    assert not _other_qualifier(analyse_question(f"Tỷ lệ dân tham gia {health} là bao nhiêu?"), found, hits)
    # the asked kind a few words on still counts ("ngân sách tỉnh và Trung ương")
    both = "Ngân sách tỉnh và Trung ương bố trí 12 tỷ đồng cho chương trình."
    found = Candidate("12 tỷ đồng", 0, (0, len(both)), 0.8, 1.0, "kh-qb")
    record = document(both + "\n", doc_id="kh-qb")
    assert not _other_qualifier(analyse_question("Ngân sách Trung ương bố trí bao nhiêu cho chương trình?"),
                                found, [hit(record, both, "IV. KINH PHÍ")])


def test_from_which_source_takes_the_source_written_after_the_same_preposition() -> None:
    assert analyse_question("Kinh phí diễn tập lấy từ nguồn nào?").preposition == "từ"
    text = ("Các hợp tác xã tự bố trí kinh phí từ nguồn thu dịch vụ thủy lợi nội đồng và các nguồn hợp pháp "
            "khác; UBND các xã bố trí từ ngân sách cấp xã.")
    answer = answer_over(text, "IV. KINH PHÍ",
                          "Các hợp tác xã lấy kinh phí nạo vét kênh mương nội đồng từ nguồn nào?")
    # the source after "từ", not the last "nguồn" of the sentence ("các nguồn hợp pháp khác")
    assert answer.startswith("nguồn thu dịch vụ thủy lợi nội đồng"), answer


def test_sectors_a_verb_acts_on_are_not_agencies() -> None:
    assert analyse_question("Kế hoạch ưu tiên thu hút đầu tư vào những ngành nào?").kind is QuestionKind.WHAT
    assert analyse_question("Ngành nào chủ trì tổ chức hội chợ?").kind is QuestionKind.WHO
    text = ("Sở Khoa học và Công nghệ chủ trì, phối hợp với các sở, ngành đẩy mạnh ứng dụng công nghệ "
            "phục vụ phát triển các ngành công nghiệp chế biến nông sản;")
    answer = answer_over(text, "II. NHIỆM VỤ > 3. Khoa học", "Sở Khoa học và Công nghệ đẩy mạnh ứng dụng "
                          "công nghệ phục vụ phát triển những ngành nào?")
    assert "công nghiệp chế biến nông sản" in answer, answer


def test_a_bracket_after_an_agency_names_the_channel_asked_by_qua() -> None:
    text = ("Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị phản ánh về Sở Nội vụ (qua phòng "
            "Công chức - Viên chức, điện thoại 0232.3822.111) để tổng hợp, báo cáo UBND tỉnh.")
    answer = answer_over(text, "IV. TỔ CHỨC THỰC HIỆN",
                          "Có vướng mắc thì các đơn vị phản ánh qua phòng nào của Sở Nội vụ?")
    assert answer == "phòng Công chức - Viên chức", answer


def test_cái_gì_asks_for_what_follows_the_verb() -> None:
    text = ("- Chuẩn hóa quy trình cấp giấy phép xây dựng, tái sử dụng dữ liệu dân cư để cung cấp dịch vụ "
            "công trực tuyến toàn trình cho người dân, doanh nghiệp, góp phần cải cách hành chính.")
    assert not analyse_question("Các xã phải chuẩn hóa cái gì?").plural
    question = ("Để cung cấp dịch vụ công trực tuyến toàn trình cho người dân, doanh nghiệp, các xã "
                "phải chuẩn hóa cái gì?")
    answer = answer_over(text, "II. NHIỆM VỤ > 2. Chuyển đổi số", question)
    assert answer.startswith("quy trình cấp giấy phép xây dựng"), answer


def test_a_later_clause_of_an_item_under_an_agency_heading_is_the_headings_task() -> None:
    text = ("Thường xuyên kiểm tra việc thực hiện; định kỳ 6 tháng báo cáo về Ban Thường vụ Huyện ủy (qua "
            "Văn phòng Huyện ủy) trước ngày 20/6.")
    answer = answer_over(text, "III. TỔ CHỨC THỰC HIỆN > 3. Các chi bộ trực thuộc",
                          "Ai phải báo cáo định kỳ 6 tháng về Ban Thường vụ Huyện ủy trước ngày 20/6?")
    assert answer.startswith("Các chi bộ trực thuộc"), answer


def test_a_lead_in_pointing_at_the_following_lines_answers_nothing() -> None:
    text = ("- Công an tỉnh chủ trì thực hiện các nhiệm vụ sau:\n"
            "+ Rà soát, bổ sung phương án bảo đảm an ninh trật tự tại các khu công nghiệp;\n"
            "+ Phối hợp với Sở Xây dựng kiểm tra an toàn phòng cháy tại các chợ.")
    answer = answer_over(text, "II. NHIỆM VỤ > 7. Về quốc phòng, an ninh",
                          "Công an tỉnh được giao những nhiệm vụ gì?")
    assert "sau" not in answer.split() and "Rà soát" in answer, answer


def test_the_agency_advised_is_not_the_one_doing_the_task() -> None:
    text = ("- Chủ trì, phối hợp Văn phòng Huyện ủy tham mưu Ban Thường vụ Huyện ủy triển khai phần mềm "
            "Quản lý hồ sơ đảng viên trong toàn Đảng bộ.")
    answer = answer_over(text, "II. NHIỆM VỤ > 2.3. Ban Tổ chức Huyện ủy",
                          "Cơ quan nào được giao triển khai phần mềm Quản lý hồ sơ đảng viên?")
    assert answer.startswith("Ban Tổ chức Huyện ủy"), answer


def test_who_issued_a_document_the_passage_cites_by_its_title() -> None:
    question = ("Quy chế phối hợp giữa Ban Dân vận Tỉnh ủy với các sở, ngành trong công tác dân vận chính "
                "quyền do ai ban hành?")
    assert analyse_question(question).kind is QuestionKind.ISSUER
    text = ("- Tiếp tục thực hiện Quyết định số 25-QĐ/TU, ngày 03/3/2025 của Ban Thường vụ Tỉnh ủy về việc "
            "ban hành “Quy chế phối hợp giữa Ban Dân vận Tỉnh ủy với các sở, ngành trong công tác dân vận "
            "chính quyền”.")
    answer = answer_over(text, "II. NỘI DUNG > 3. Phối hợp", question)
    assert answer == "Ban Thường vụ Tỉnh ủy", answer


def test_a_cited_documents_issuer_stops_before_another_document() -> None:
    from assistant.facts import DOC_REF
    text = "Cụ thể hóa Chỉ thị 05-CT/TU của Ban Thường vụ Tỉnh ủy và Kế hoạch này thành chương trình."
    ref = DOC_REF.search(text)
    assert ref is not None and ref.group("issuer").strip() == "của Ban Thường vụ Tỉnh ủy"
    named = "Thực hiện Kết luận số 12-KL/TU của Ban Tuyên giáo và Dân vận Tỉnh ủy về công tác khoa giáo."
    ref = DOC_REF.search(named)
    assert ref is not None and ref.group("issuer").strip() == "của Ban Tuyên giáo và Dân vận Tỉnh ủy"


def test_the_question_words_in_another_order_are_an_answer() -> None:
    terms = content_terms("Báo cáo định kỳ kết quả công tác văn hóa gửi Ban Tuyên giáo và Dân vận được lồng "
                          "ghép qua báo cáo nào?")
    asked, pairs = set(terms), set(zip(terms, terms[1:], strict=False))
    assert not _repeats_question("báo cáo kết quả công tác tuyên giáo và dân vận định kỳ", asked, pairs)
    assert _repeats_question("báo cáo định kỳ kết quả công tác văn hóa", asked, pairs)


def test_a_basis_written_after_the_task_answers_trên_cơ_sở_nào() -> None:
    assert analyse_question("Sở Tài chính xây dựng dự toán trên cơ sở nào?").kind is QuestionKind.WHAT
    text = ("- Sở Tài chính chủ trì xây dựng dự toán ngân sách năm 2027, trên cơ sở bảo đảm cân đối thu, chi "
            "và khả năng huy động nguồn lực của tỉnh; báo cáo UBND tỉnh trước ngày 15/10.")
    answer = answer_over(text, "II. NHIỆM VỤ > 3. Ngân sách",
                          "Sở Tài chính xây dựng dự toán ngân sách năm 2027 trên cơ sở nào?")
    assert answer.startswith("bảo đảm cân đối thu, chi"), answer


def test_an_issuer_written_before_the_cited_document() -> None:
    text = ("Căn cứ ý kiến chỉ đạo của Ban Thường vụ Đảng ủy UBND tỉnh tại Công văn số 318-CV/ĐU ngày "
            "02/5/2026 về việc triển khai Nghị quyết nêu trên, UBND tỉnh ban hành Kế hoạch thực hiện.")
    question = "Công văn số 318-CV/ĐU ngày 02/5/2026 về triển khai Nghị quyết do ai ban hành?"
    answer = answer_over(text, "", question)
    assert answer == "Ban Thường vụ Đảng ủy UBND tỉnh", answer


def test_đồng_chí_nào_doing_a_task_is_answered_by_the_office_heading_it() -> None:
    text = "- Trực tiếp chỉ đạo số hóa hồ sơ đất đai; sử dụng thường xuyên hệ thống giám sát."
    section = "II. NHIỆM VỤ > 2.2. Nhiệm vụ cụ thể > 2.2.6. Các đồng chí Bí thư Đảng ủy, Chủ tịch UBND các xã"
    answer = answer_over(text, section, "Đồng chí nào ở cấp xã phải trực tiếp chỉ đạo số hóa hồ sơ đất đai?")
    assert answer.startswith("Các đồng chí Bí thư Đảng ủy, Chủ tịch UBND các xã"), answer


def test_a_later_sentence_of_a_line_opening_with_a_verb_is_the_headings_task() -> None:
    text = ("2.2.5. Ủy ban kiểm tra Huyện ủy\nChủ trì xây dựng kế hoạch giám sát chuyên đề chuyển đổi số. "
            "Qua đó, kịp thời biểu dương những tập thể làm tốt; đồng thời nhắc nhở những nơi chậm trễ.")
    question = "Cơ quan nào kịp thời biểu dương những tập thể làm tốt, nhắc nhở những nơi chậm trễ?"
    answer = answer_over(text, "II. NHIỆM VỤ > 2.2.5. Ủy ban kiểm tra Huyện ủy", question)
    assert answer == "Ủy ban kiểm tra Huyện ủy", answer


def test_the_kind_of_a_cited_document_the_question_names_by_its_number() -> None:
    text = ("- Triển khai thực hiện hiệu quả Kết luận số 118-KL/TW, ngày 15/01/2026 của Ban Bí thư về tăng "
            "cường công tác phòng, chống thiên tai.")
    question = "Văn bản số 118-KL/TW ngày 15/01/2026 mà kế hoạch yêu cầu triển khai là loại văn bản gì?"
    answer = answer_over(text, "II. NHIỆM VỤ", question)
    assert answer == "Kết luận", answer


def test_a_year_in_the_source_the_question_names_dates_the_document() -> None:
    from assistant.evidence import ungrounded
    analysis = analyse_question("Theo kết luận Phiên họp thứ hai năm 2026, cơ quan nào rà soát quy hoạch?")
    document = "THÔNG BÁO\nKết luận Phiên họp thứ hai\nQuảng Bình, ngày 05 tháng 3 năm 2026\n- Sở Xây dựng."
    nearby = "Kết luận Phiên họp thứ hai\n- Sở Xây dựng rà soát quy hoạch."
    assert "2026" not in ungrounded(analysis, document, nearby)
    # a year the question asks of, outside its source, must still be near the answer
    asked = analyse_question("Cơ quan nào rà soát quy hoạch năm 2026?")
    assert "2026" in ungrounded(asked, document, nearby)


def test_someone_signing_on_behalf_answers_who_signs_for_the_chair() -> None:
    from assistant.header_answers import _other_office
    signing = "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    assert not _other_office(analyse_question("Ai ký thay Chủ tịch UBND tỉnh ban hành kế hoạch?"), signing)
    assert _other_office(analyse_question("Chủ tịch UBND tỉnh là ai, có ký kế hoạch không?"), signing)


def test_làm_những_gì_đối_với_reads_the_action_before_its_object() -> None:
    from assistant.what_answers import _before_run
    text = "- Chú trọng tu bổ, tôn tạo, phát huy giá trị các di tích lịch sử trên địa bàn."
    analysis = analyse_question("Sở Văn hóa phải chú trọng làm những gì đối với các di tích lịch sử?")
    span = _before_run(analysis, text, (2, len(text)))
    assert span is not None and text[span[0]:span[1]] == "Chú trọng tu bổ, tôn tạo, phát huy giá trị"


def test_an_agency_asked_with_its_province_is_found_without_it() -> None:
    from assistant.evidence import ungrounded
    analysis = analyse_question("Sở Công Thương Quảng Bình được giao hỗ trợ doanh nghiệp những việc gì?")
    document = "UBND TỈNH QUẢNG BÌNH\nKẾ HOẠCH\n- Sở Công Thương chủ trì hỗ trợ doanh nghiệp xuất khẩu."
    nearby = "- Sở Công Thương chủ trì hỗ trợ doanh nghiệp xuất khẩu."
    assert ungrounded(analysis, document, nearby) == []
    # the province must still be the document's
    elsewhere = analyse_question("Sở Công Thương Gia Lai được giao hỗ trợ doanh nghiệp những việc gì?")
    assert ungrounded(elsewhere, document, nearby)


def test_every_agency_of_a_qua_bracket_is_a_channel_and_a_numbered_heading_line_names_the_doer() -> None:
    text = ("2.2.9. Các cấp ủy, tổ chức đảng trực thuộc Huyện ủy, các phòng, ban, ngành liên quan\n"
            "Xây dựng kế hoạch thực hiện chi tiết; gửi Ban Chỉ đạo huyện (qua Phòng Văn hóa, Văn phòng "
            "Huyện ủy) trước ngày 15/8/2026.")
    question = "Trước ngày 15/8/2026, ai phải xây dựng kế hoạch thực hiện chi tiết gửi Ban Chỉ đạo huyện?"
    answer = answer_over(text, "II. NHIỆM VỤ > 2.2. Nhiệm vụ cụ thể", question)
    assert answer.startswith("Các cấp ủy, tổ chức đảng trực thuộc Huyện ủy, các phòng"), answer


def test_the_object_after_gắn_với_answers_những_yêu_cầu_gì() -> None:
    assert analyse_question("Đào tạo nghề phải gắn với những yêu cầu gì?").preposition == "với"
    text = ("- Đẩy mạnh đào tạo nghề gắn với nhu cầu của doanh nghiệp và yêu cầu chuyển đổi số của tỉnh; "
            "tổ chức các lớp đào tạo linh hoạt.")
    answer = answer_over(text, "II. NHIỆM VỤ > 3. Giáo dục nghề nghiệp",
                          "Theo kế hoạch, đào tạo nghề phải gắn với những yêu cầu gì?")
    assert answer.startswith("nhu cầu của doanh nghiệp và yêu cầu chuyển đổi số"), answer
