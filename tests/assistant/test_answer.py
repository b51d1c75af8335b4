"""The answer flow: citations in rank order with the answering passage first, exact offsets, abstention."""

import pytest

from assistant.answer import ABSTAIN_TEXT, answer_question
from assistant.errors import BadInput
from assistant.settings import Settings
from tests.assistant.builders import Library, document, hit

TEXT = """HƯỚNG DẪN
công tác phòng, chống dịch bệnh mùa mưa

1. Sở Y tế chủ trì, phối hợp với UBND các xã, phường tổ chức tiêm chủng mở rộng cho trẻ em dưới 5 tuổi.

2. Trung tâm Kiểm soát bệnh tật tỉnh giám sát các ổ dịch sốt xuất huyết; báo cáo Sở Y tế trước ngày
20 hằng tháng.

3. Các trường học tuyên truyền vệ sinh môi trường, diệt lăng quăng tại trường.
"""
RECORD = document(TEXT, doc_id="hd-02")
PASSAGES = [p for p in TEXT.split("\n\n")[1:] if p.strip()]


def _library(order: list[int]) -> Library:
    hits = [hit(RECORD, PASSAGES[i].strip(), "1. Nhiệm vụ", score=1.0 - rank / 10, index=i)
            for rank, i in enumerate(order)]
    return Library([RECORD], hits)


def test_answer_cites_its_passage_first_with_exact_offsets() -> None:
    library = _library([2, 0, 1])  # the answering passage is ranked second by retrieval
    answer = answer_question(library, Settings(abstain_threshold=0.3),
                             "Cơ quan nào chủ trì tổ chức tiêm chủng mở rộng?")
    assert not answer.abstained
    assert answer.answer.startswith("Sở Y tế")
    first = answer.citations[0]
    assert first.text.startswith("1. Sở Y tế chủ trì")
    assert first.quote in first.text and "tiêm chủng" in first.quote
    for citation in answer.citations:  # every quote is the document text at its offsets
        assert RECORD.text[citation.start:citation.end] == citation.quote
    # the other passages follow in rank order
    assert [c.text[:2] for c in answer.citations[1:]] == ["3.", "2."]
    assert set(answer.timings_ms) == {"retrieve", "answer", "total"}


def test_abstains_with_the_nearest_passages_when_nothing_supports_an_answer() -> None:
    library = _library([0, 1, 2])
    answer = answer_question(library, Settings(abstain_threshold=0.3),
                             "Mức hỗ trợ học phí cho sinh viên sư phạm là bao nhiêu?")
    assert answer.abstained and answer.answer == ABSTAIN_TEXT
    assert len(answer.citations) == 3


def test_abstains_when_the_topic_is_there_but_not_the_asked_fact() -> None:
    # the passages talk about vaccination but give no deadline for it
    answer = answer_question(_library([0, 1, 2]), Settings(abstain_threshold=0.3),
                             "Thời hạn hoàn thành tiêm chủng mở rộng là khi nào?")
    assert answer.abstained


def test_abstains_when_the_question_names_a_document_that_is_not_indexed() -> None:
    answer = answer_question(_library([0, 1, 2]), Settings(abstain_threshold=0.3),
                             "Theo Công văn số 777/SYT-NVY, ai chủ trì tổ chức tiêm chủng mở rộng?")
    assert answer.abstained


def test_threshold_zero_answers_anything_it_can_extract() -> None:
    answer = answer_question(_library([0, 1, 2]), Settings(abstain_threshold=0.0),
                             "Ai tuyên truyền vệ sinh môi trường?")
    assert not answer.abstained and answer.answer.startswith("Các trường học")


def test_top_k_limits_citations() -> None:
    answer = answer_question(_library([0, 1, 2]), Settings(abstain_threshold=0.3),
                             "Ai giám sát các ổ dịch sốt xuất huyết?", top_k=2)
    assert len(answer.citations) == 2 and answer.citations[0].text.startswith("2.")


@pytest.mark.parametrize("question", ["", "   ", "x" * 1001])
def test_empty_or_too_long_questions_are_refused(question: str) -> None:
    with pytest.raises(BadInput):
        answer_question(_library([0]), Settings(), question)


def test_invisible_characters_are_dropped_and_letters_recombined() -> None:
    from unicodedata import normalize

    from assistant.answer import checked_question

    question = "Ai chủ trì tổ chức tiêm chủng mở rộng?"
    odd = "".join(ch + ("\u200b" if i % 5 == 0 else "") for i, ch in enumerate(normalize("NFD", question)))
    assert checked_question(odd, 1000) == question
    with pytest.raises(BadInput):
        checked_question(" \u200b\u200c\u2060\ufeff\u0301\u0323 \n", 1000)


def test_no_question_word_found_is_an_abstention_even_at_threshold_zero() -> None:
    answer = answer_question(_library([0, 1, 2]), Settings(abstain_threshold=0.0), "Xyzzy quorp?")
    assert answer.abstained
