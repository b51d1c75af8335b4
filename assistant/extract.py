"""Extractive answering: the best short answer to an analysed question from ranked passages.

Every candidate is a verbatim phrase of one passage (or of the document header, for metadata
questions) together with the clause that supports it. A candidate's score adds
  - support: how much of the question's content the supporting sentence covers,
  - fit: how well the phrase answers this kind of question (role named, deadline, unit, type),
  - a small retrieval-rank prior.
The answer calls `extract_answer`; `support` is what abstention is calibrated on. The candidates of
each question kind come from their own module (`who_answers`, `when_answers`, `number_answers`,
`doc_answers`, `what_answers`, `list_answers`, `header_answers` for metadata), the clauses they read
from `scope`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from assistant.doc_answers import cited_issuers, doc_candidates
from assistant.evidence import (
    MAX_LIST_CHARS,
    NUMBER,
    Candidate,
    asked_numbers,
    cited_chunk,
    is_date_like,
    item_name,
    misgrounded,
    number_key,
    quoted_text,
)
from assistant.header_answers import (
    document_kinds,
    header_candidates,
    recipient_candidates,
    self_candidates,
    signer_as_person,
    signer_office,
    title_names,
)
from assistant.list_answers import (
    items_under_heading,
    list_candidates,
)
from assistant.model import Hit
from assistant.number_answers import number_candidates
from assistant.outline import outline_candidates
from assistant.question import METADATA_KINDS, SOURCE_FRAME, QuestionAnalysis, QuestionKind, content_terms
from assistant.scope import one_line, read_scopes
from assistant.spans import person_mentions, role_of_phrase, starts_with_verb
from assistant.what_answers import (
    appendix_titles,
    asked_contact,
    definitions,
    done_by_another,
    labelled_values,
    positions_held,
    row_cells,
    tasks_of_agency,
    under_other_label,
    venues,
    what_candidates,
)
from assistant.when_answers import when_candidates
from assistant.who_answers import attendees, class_members, who_candidates
from indexer.model import DocumentRecord
from indexer.normalize import match_key

# Nouns of those who do a task: "những xã nào", "các sở nào", "những đơn vị nào"
_DOER_NOUNS = frozenset({"xã", "huyện", "phường", "tỉnh", "sở", "ban", "ngành", "cơ", "đơn", "địa", "phòng",
                         "trường", "bệnh", "tổ"})


# --- entry point ----------------------------------------------------------------------------------


def extract_answer(
    analysis: QuestionAnalysis,
    hits: list[Hit],
    get_record: Callable[[str], DocumentRecord | None],
    *,
    use_headings: bool = True,
) -> Candidate | None:
    """Return the best-scoring candidate answer for the question, or None if no passage offers one."""
    if not hits:
        return None
    meta: list[Candidate] = []
    if analysis.kind in METADATA_KINDS:
        meta = header_candidates(analysis, hits, get_record)
        if analysis.kind is QuestionKind.SIGNER:
            # who signed is only in the document header; passages do not say
            return max(meta, key=lambda c: c.score) if meta else None
    sent = recipient_candidates(analysis, hits, get_record)
    if sent:  # where the document is sent is in its Nơi nhận, not in its passages
        return max(sent, key=lambda c: c.score)
    types = document_kinds(analysis, hits, get_record)
    if types:  # "thuộc loại văn bản gì" is answered by a document's type, never by a phrase of it
        return max(types, key=lambda c: c.score)
    scopes = read_scopes(analysis, hits)
    labelled = labelled_values(analysis, scopes)  # "… tại điểm cầu cấp xã": the line it labels
    kind = analysis.kind
    if kind is QuestionKind.WHO or kind is QuestionKind.ISSUER or kind is QuestionKind.SIGNER:
        candidates = who_candidates(analysis, scopes, use_headings)
        if kind is QuestionKind.ISSUER:  # "Quy chế … do ai ban hành": the issuer of a document cited by it
            candidates += cited_issuers(analysis, scopes)
        if analysis.plural:  # "giao nhiệm vụ cho những cơ quan nào": the agencies heading its parts
            candidates += outline_candidates(analysis, hits, get_record) + attendees(analysis, scopes)
        # "những ai dự … tại điểm cầu cấp xã": its line, when the text labels other cases too ("Điểm cầu
        # cấp tỉnh: …"); "Các ủy viên: …" is read by who_candidates
        if labelled and any(under_other_label(analysis, c, hits) for c in candidates):
            candidates += labelled
    elif kind is QuestionKind.WHEN or kind is QuestionKind.ISSUE_DATE:
        candidates = when_candidates(analysis, scopes)
    elif kind is QuestionKind.NUMBER:
        candidates = number_candidates(analysis, scopes)
    elif kind is QuestionKind.DOC or kind is QuestionKind.DOC_NUMBER:
        # documents without a số hiệu ("thông qua các dự thảo: Quy chế A, Đề án B") are in sentences
        sentences = [replace(c, score=c.score - 0.1) for c in what_candidates(analysis, scopes)]
        if kind is QuestionKind.DOC_NUMBER:
            sentences = []  # "… mang số hiệu gì" is answered by a số hiệu, never by a sentence
        elif analysis.doc_type:  # "theo báo cáo nào" is answered by a sentence naming a báo cáo, if any
            sentences = [c for c in sentences if analysis.doc_type in match_key(c.answer)]
        candidates = doc_candidates(analysis, scopes) + sentences
    elif kind is QuestionKind.LIST:
        candidates = (list_candidates(analysis, scopes) + items_under_heading(analysis, hits, scopes)
                      + outline_candidates(analysis, hits, get_record) + what_candidates(analysis, scopes)
                      + attendees(analysis, scopes))
    else:
        candidates = (what_candidates(analysis, scopes) + positions_held(analysis, scopes)
                      + tasks_of_agency(analysis, scopes) + definitions(analysis, scopes)
                      + appendix_titles(analysis, hits))
        if re.search(r"\bnội dung (?:gì|nào)\b", match_key(analysis.text)):
            candidates += row_cells(analysis, scopes, "Nội dung")  # "… chủ trì nội dung gì" of a schedule
        if analysis.venue:  # "tổ chức ở đâu" is answered by a place, or not at all
            candidates = venues(analysis, scopes)
        if analysis.plural and analysis.head:  # "những ấp nào": "các ấp Tân Điền, Kinh Tám, …"
            candidates += class_members(analysis, scopes)
        if analysis.plural:  # "những khẩu hiệu nào": the items after a lead-in ending with ":" or a heading
            listed = list_candidates(analysis, scopes) + items_under_heading(analysis, hits, scopes,
                                                                             by_head=True)
            candidates += [replace(c, score=c.score - 0.05) for c in listed]
        if analysis.plural and analysis.head and analysis.head[0] in _DOER_NOUNS:
            # "UBND những xã nào được giao …": the communes doing it, named by the heading or the clause
            candidates += who_candidates(analysis, scopes, use_headings)
        contact = asked_contact(analysis)
        if contact is not None:  # a telephone number or an address, or nothing
            candidates = [c for c in candidates if contact.fullmatch(c.answer)]
    # a date, số hiệu or issuer may be the document's own (metadata) or one the passages mention
    candidates = (meta + candidates + self_candidates(analysis, hits, get_record)
                  + title_names(analysis, hits, get_record) + signer_as_person(analysis, hits, get_record)
                  + signer_office(analysis, hits, get_record))
    if kind is QuestionKind.WHAT or kind is QuestionKind.LIST:  # "Sở Nội vụ được giao nâng cao những gì"
        candidates = [replace(c, score=c.score - 0.05) if done_by_another(analysis, c, hits) else c
                      for c in candidates]
    if labelled:  # asked "tại điểm cầu cấp xã": not the line "Điểm cầu cấp tỉnh: …"
        candidates = [replace(c, score=c.score - 0.2) if under_other_label(analysis, c, hits) else c
                      for c in candidates]
    if kind not in METADATA_KINDS and kind is not QuestionKind.WHO:
        # an answer made only of the question's own words says nothing new (an agency named in the
        # question is scored down in `who_candidates` instead: "Ban X (tham mưu Ban Y …)" may repeat it)
        # (words only of the document it names as its source are not asked: "Theo kế hoạch …, thu ngân
        # sách … phấn đấu đạt mức nào" is answered by "… phấn đấu thu ngân sách … vượt kế hoạch")
        frame = SOURCE_FRAME.match(analysis.text)
        asked = set(analysis.terms) - (set(content_terms(frame.group(0))) - set(
            content_terms(analysis.text[frame.end():])) if frame else set())
        terms = content_terms(analysis.text)
        pairs = set(zip(terms, terms[1:], strict=False))
        candidates = [c for c in candidates if not _repeats_question(c.answer, asked, pairs)]
    if kind is QuestionKind.WHO and analysis.head and not analysis.person:
        # "Ban nào …" is answered by a Ban before an Ủy ban the same passage names
        head = " ".join(analysis.head)
        candidates = [replace(c, score=c.score + 0.05) if match_key(c.answer).startswith(head + " ") else c
                      for c in candidates]
    # "các nhiệm vụ sau", "như sau" point at what follows; they say nothing themselves
    # (a time may be "năm sau")
    if kind is not QuestionKind.WHEN:
        candidates = [c for c in candidates if not _POINTER_ONLY.fullmatch(match_key(c.answer).strip(" :.;"))]
    if kind is not QuestionKind.WHO and _FUNDS_ASKED.search(match_key(analysis.text)):
        # "Kinh phí … được bố trí từ nguồn nào" is answered by a source of money, or not at all
        candidates = [c for c in candidates if _FUNDS.search(match_key(c.answer))]
    if kind is QuestionKind.WHO or kind is QuestionKind.ISSUER:
        # "… ngày 24/11/2023 của Hội nghị lần thứ tám BCHTW": a meeting alone is nobody
        candidates = [c for c in candidates if not _EVENT_ONLY.fullmatch(match_key(_named_part(c.answer)))]
    if kind is QuestionKind.WHO:
        # "đồng chí Vũ Thị Lan, Phó Bí thư Đảng ủy, Chủ tịch UBND xã báo cáo": the person with the office
        candidates = [_with_person(c, hits) for c in candidates]
        # "… do đơn vị nào xây dựng" is not answered by "Ban Xây dựng Đảng"; "… do cơ quan nào xem xét"
        # is by "trình Ban Thường vụ Tỉnh ủy xem xét"
        closing, action = _asked_action(analysis, closing=True), _asked_action(analysis, closing=False)
        candidates = [replace(c, score=c.score - 0.3) if _verb_only_in_name(closing, c, hits)
                      else replace(c, score=c.score + 0.1) if _does_asked_action(action, c, hits) else c
                      for c in candidates]
    if analysis.excluded:  # "Ngoài Trưởng ban, … gồm những cơ quan nào": not the one set aside
        aside = set(analysis.excluded)
        candidates = [replace(c, score=c.score - 0.2) if ";" not in c.answer and aside <= set(
            content_terms(c.answer)) else c for c in candidates]
    if analysis.names or analysis.years:
        candidates = [_grounding_checked(analysis, c, hits, get_record) for c in candidates]
    if kind is not QuestionKind.DOC and kind is not QuestionKind.DOC_NUMBER and asked_numbers(analysis):
        # "Quyết định 574/QĐ-UBND … những lớp nào" is not answered by the sentence of Quyết định 573/QĐ-UBND
        candidates = [replace(c, score=c.score - 0.15) if _of_sibling_document(analysis, c, hits) else c
                      for c in candidates]
    if not candidates:
        return None
    best = max(candidates, key=lambda c: c.score)
    if kind is QuestionKind.WHO:
        best = _fullest_name(best, candidates)
    return _with_listed(_whole_list(best, candidates), hits) if analysis.plural else best


def _fullest_name(best: Candidate, candidates: list[Candidate]) -> Candidate:
    """Return the longest equally scored reading of the same passage that goes on from the best answer:
    "Ban Chỉ đạo về … tỉnh (Ban Chỉ đạo tỉnh)" read both as "Ban Chỉ đạo" and "Ban Chỉ đạo tỉnh" is the
    latter, the name the text gives it."""
    longer = [c for c in candidates if c.hit_index == best.hit_index and c.doc_id == best.doc_id
              and c.score >= best.score - 1e-9 and c.answer.startswith(best.answer + " ")]
    return max(longer, key=lambda c: len(c.answer)) if longer else best


# A bracket naming the members of what comes before it: " (Bình Yên, Phú Đình, Tràng Xá)"
_LISTED = re.compile(r"\s*\(([^()\n]{3,300}?,[^()\n]{2,300}?)\)")


def _with_listed(candidate: Candidate, hits: list[Hit]) -> Candidate:
    """Return a plural answer with the bracket its passage writes right after it: "các xã vùng cao"
    of "… tại các xã vùng cao (Bình Yên, Phú Đình, Tràng Xá)" names none of the communes asked."""
    chunk = cited_chunk(candidate, hits)
    if chunk is None:
        return candidate
    text = chunk.text
    answer = candidate.answer.rstrip(" .;,")
    at = text.find(answer, candidate.quote[0]) if answer else -1
    listed = _LISTED.match(text, at + len(answer)) if at >= 0 else None
    if listed is None or len(answer) + len(listed.group(0)) > MAX_LIST_CHARS:
        return candidate
    return replace(candidate, answer=f"{answer} ({one_line(text, listed.span(1))})")


def _of_sibling_document(analysis: QuestionAnalysis, candidate: Candidate, hits: list[Hit]) -> bool:
    """Return True when the candidate's sentence names a document of the same series as the one the
    question names ("573/QĐ-UBND" for "574/QĐ-UBND") and not that one: it tells of its sibling."""
    said = quoted_text(candidate, hits)
    if said is None:
        return False
    named = {number_key(n) for n in NUMBER.findall(said) if not is_date_like(n)}
    asked = asked_numbers(analysis)
    siblings = {_series(n) for n in named} & {_series(n) for n in asked}
    return bool(named) and not named & asked and bool(siblings)


# The action a question asks the doer of: "do cơ quan nào xem xét, công nhận …", "ai ban hành"
_DOER_ACTION = re.compile(r"(?<!\w)(?:ai|(?:cơ quan|đơn vị|sở|ban|bộ phận|phòng|tổ chức|ngành|cấp) nào)\s+"
                          r"((?:[^\W\d_]+\s+)?[^\W\d_]+)")
_QUESTION_END = re.compile(r"\s*[?.]?\s*")


def _asked_action(analysis: QuestionAnalysis, *, closing: bool) -> str | None:
    """Return the verb right after a question's doer ("xây dựng" of "do đơn vị nào xây dựng"), the first
    one in the question or, with `closing`, the one it ends with; None when no verb follows the doer."""
    key = match_key(analysis.text)
    asked = next((m for m in _DOER_ACTION.finditer(key)
                  if not closing or _QUESTION_END.fullmatch(key, m.end())), None)
    return asked.group(1) if asked is not None and starts_with_verb(asked.group(1), 0) else None


def _sentence_and_name(candidate: Candidate, hits: list[Hit]) -> tuple[str, str] | None:
    """Return the candidate's sentence and its answer without the bracketed role, in match form."""
    said = quoted_text(candidate, hits)
    return None if said is None else (match_key(said), match_key(_named_part(candidate.answer)))


def _named_part(answer: str) -> str:
    """Return an answer without the role it brackets: "Ban Tổ chức Tỉnh ủy (tổng hợp)" -> "Ban Tổ chức
    Tỉnh ủy"."""
    return re.sub(r"\s*\(.*", "", answer)


def _does_asked_action(verb: str | None, candidate: Candidate, hits: list[Hit]) -> bool:
    """Return whether the answer's sentence writes the asked action right after the answer's name:
    "… tổng hợp, trình Ban Thường vụ Tỉnh ủy xem xét, công nhận" says who "xem xét, công nhận"."""
    if verb is None or role_of_phrase(verb, (0, len(verb))) is not None:
        return False  # a role ("Ai chủ trì …") is read by `who_candidates`, a person's included
    found = _sentence_and_name(candidate, hits)
    if found is None:
        return False
    said, name = found
    return bool(name) and re.search(rf"(?<!\w){re.escape(name)}\s+{re.escape(verb)}(?!\w)", said) is not None


# An answer that only points at the lines after it: "nhiệm vụ sau", "các nội dung như sau", "sau đây"
_POINTER_ONLY = re.compile(r"(?:(?:các|những)\s+)?(?:[^\W\d_]+\s+){0,3}(?:sau|như sau|sau đây)")
# A question asking where money comes from: "Kinh phí … lấy từ nguồn nào", "Vốn … từ đâu"
_FUNDS_ASKED = re.compile(r"\b(?:kinh phí|vốn|ngân sách|tiền|chi phí|khoản hỗ trợ)\b"
                          r".*\b(?:nguồn (?:\w+ )?(?:nào|gì)|từ đâu)")
# A source of money: "ngân sách tỉnh", "Quỹ phòng, chống thiên tai", "nguồn xã hội hóa", "dự toán chi …",
# "Chương trình mục tiêu quốc gia …" (not "nguồn nhân lực")
_FUNDS = re.compile(r"\b(?:ngân sách|vốn|quỹ|kinh phí|dự toán|nguồn(?! nhân lực| lực)|xã hội hóa|xã hội hoá|"
                    r"tài trợ|chương trình|đóng góp|huy động)\b")
# An answer naming only a meeting, not who held it: "Hội nghị", "Hội thảo", "Hội nghị lần thứ tám"
_EVENT_ONLY = re.compile(r"(?:các\s+)?(?:hội nghị|hội thảo|phiên họp|cuộc họp|kỳ họp)(?:\s+lần\s+thứ\s+\w+)?")


# Offices between a person's name and the office an answer gives: ", Phó Bí thư Đảng ủy, "
_OFFICES_BETWEEN = re.compile(r"(?:\s*,\s*[^\W\d_][^,;.()\n]{2,60}?)*\s*,\s*$")


def _with_person(candidate: Candidate, hits: list[Hit]) -> Candidate:
    """Return the answer with the person whose office it is, when the sentence names them right before
    it: "Chủ tịch UBND xã" of "… nghe đồng chí Vũ Thị Lan, Phó Bí thư Đảng ủy, Chủ tịch UBND xã báo
    cáo …" is "Vũ Thị Lan, Phó Bí thư Đảng ủy, Chủ tịch UBND xã" (who did it is the person)."""
    chunk = cited_chunk(candidate, hits)
    if chunk is None:
        return candidate
    text = chunk.text
    name = _named_part(candidate.answer)
    at = text.find(name, candidate.quote[0], candidate.quote[1]) if name else -1
    if at <= 0:
        return candidate
    for start, end in person_mentions(text, max(0, at - 160), at):
        if _OFFICES_BETWEEN.fullmatch(text, end, at):
            return replace(candidate, answer=f"{one_line(text, (start, at)).rstrip()} {candidate.answer}")
    return candidate


def _verb_only_in_name(verb: str | None, candidate: Candidate, hits: list[Hit]) -> bool:
    """Return whether the action a question ends on asking the doer of ("do đơn vị nào xây dựng") is
    written in the answer's sentence only inside the answer's own name ("phối hợp với Ban Xây dựng
    Đảng"): the sentence does not say who does it."""
    found = _sentence_and_name(candidate, hits) if verb is not None else None
    if found is None:
        return False
    said, name = found
    return f" {verb} " in f" {name} " and f" {verb} " not in f" {said.replace(name, ' ')} "


def _series(number: str) -> str:
    """Return the series of a số hiệu, its letters after the number: "574/qđ-ubnd" -> "qđ-ubnd"."""
    return re.sub(r"^\d+(?:/\d{4})?[-/]", "", number)


def _repeats_question(answer: str, asked: set[str], pairs: set[tuple[str, str]]) -> bool:
    """Return whether an answer is made of the question's own words: all of them, or all but a few of
    a long phrase ("Hội thao chào mừng 96 năm Ngày thành lập Đảng của Đảng ủy …" adds "ngày", "ủy").
    The same words in another order say something new: "báo cáo kết quả công tác tuyên giáo và dân vận
    định kỳ" answers "Báo cáo định kỳ kết quả công tác khoa giáo gửi Ban Tuyên giáo và Dân vận … lồng ghép
    qua báo cáo nào" (a quarter of its word pairs at least are not the question's)."""
    words = content_terms(answer)
    said = set(words)
    new = said - asked
    if not new:
        other_order = set(zip(words, words[1:], strict=False)) - pairs
        return len(words) < 6 or len(other_order) < 0.25 * (len(words) - 1)
    return len(said) >= 8 and len(new) <= 0.15 * len(said)


def _whole_list(best: Candidate, candidates: list[Candidate]) -> Candidate:
    """Return the longest reading of the best answer's list that goes on from it, nearly as well scored.

    "Báo Ấp Bắc, Đài Phát thanh và Truyền hình Tiền Giang" (two names read as one series) is cut short
    when the same passage goes on ", Cổng Thông tin điện tử tỉnh, hệ thống truyền thanh cơ sở": a
    question asking for several things wants all of them.
    """
    first = re.escape(item_name(best.answer))  # one item of the list, maybe with its details
    longer = [c for c in candidates if c.hit_index == best.hit_index and c.doc_id == best.doc_id
              and c.score >= best.score - 0.1 and len(c.answer) > len(best.answer)
              and re.match(first + r"\s*(?:,|;|\bvà\b)", c.answer)]
    return max(longer, key=lambda c: (len(c.answer), c.score)) if longer else best


def _grounding_checked(analysis: QuestionAnalysis, candidate: Candidate, hits: list[Hit],
                       get_record: Callable[[str], DocumentRecord | None]) -> Candidate:
    """Return the candidate, scored down when its sources lack a place, person or year the question gives.

    Of two passages saying the same thing, the one in the document about the asked place wins.
    """
    record = get_record(candidate.doc_id) if candidate.doc_id else None
    if record is None or not misgrounded(analysis, candidate, record, hits):
        return candidate
    return replace(candidate, score=candidate.score - 0.3)
