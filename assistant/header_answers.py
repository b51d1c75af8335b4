"""Answers from a document's own header: its signer, issue date, số hiệu and issuer.

Read from the registry's metadata, or from the header and signature lines of the text when the
metadata lacks a field; the quote is always the value's exact span in the document text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.doc_answers import TYPE_WORD, cited_titles
from assistant.evidence import (
    MAX_LIST_CHARS,
    NUMBER,
    Candidate,
    asked_numbers,
    date_pattern,
    number_key,
    own_name,
    question_doc_type,
    retrieved_records,
    shorten,
    support,
    toneless,
)
from assistant.facts import quoted
from assistant.model import Hit
from assistant.question import OFFICE, QuestionAnalysis, QuestionKind, content_terms
from assistant.spans import clauses
from assistant.what_answers import POSITION_ASKED
from assistant.who_answers import asked_position, holds_position
from indexer.abbreviations import expand_abbreviations
from indexer.model import DocumentMetadata, DocumentRecord
from indexer.normalize import match_key


def header_candidates(analysis: QuestionAnalysis, hits: list[Hit],
              get_record: Callable[[str], DocumentRecord | None]) -> list[Candidate]:
    """Return signer, issue date, số hiệu or issuer of the document the question is about."""
    by_doc: dict[str, float] = {}
    for rank, hit in enumerate(hits):
        by_doc[hit.doc.doc_id] = by_doc.get(hit.doc.doc_id, 0.0) + 1.0 / (1 + rank)
    found = []
    for doc_id, prior in by_doc.items():
        record = get_record(doc_id)
        if record is None:
            continue
        meta = record.metadata
        asked = asked_numbers(analysis)
        own = {number_key(n) for n in NUMBER.findall(meta.number or "")}
        implemented = {number_key(n) for n in NUMBER.findall(meta.title or "")}
        if asked and not asked & own:
            # the question may name the document this one implements: "Kế hoạch thực hiện Nghị quyết 15
            # … do ai ký" is this plan, "Ai ký Nghị quyết 15" is not the plan implementing it
            asked_type = question_doc_type(analysis)
            same_type = asked_type is None or match_key(meta.doc_type or "").startswith(asked_type)
            if not (asked & implemented and same_type):
                continue
        asked_type = question_doc_type(analysis)
        if analysis.kind is QuestionKind.DOC_NUMBER and not _same_type(asked_type, meta.doc_type):
            continue  # "Quyết định … có số hiệu gì" does not ask for the số hiệu of this Kế hoạch
        signing = analysis.kind is QuestionKind.SIGNER
        signature = f" {meta.signer_name} {meta.signer_position}" if signing else ""
        if signature and _other_office(analysis, meta.signer_position):
            continue  # "Chủ tịch UBND tỉnh ký … là ai" of a document a Phó Chủ tịch signed
        backing = support(analysis, own_name(meta) + " " + record.text[:400] + signature)
        value, pattern = _metadata_value(analysis.kind, record)
        if not value or pattern is None:
            continue
        match = pattern.search(record.text)
        if match is None:
            continue
        # the document's own field is the designed answer when the question is about the document
        found.append(Candidate(shorten(value), None, (match.start(), match.end()), backing,
                               backing + 0.25 + 0.1 * prior, doc_id))
    return found


def _other_office(analysis: QuestionAnalysis, signer_position: str | None) -> bool:
    """Return True when the question names the signer's office with or without "Phó" the other way round.

    The office is the last line of the signing block: "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" signs as Phó Chủ
    tịch, so "Chủ tịch … ký" is not answered by it, nor "Phó Bí thư … ký" by a "BÍ THƯ".
    """
    if not signer_position:
        return False
    key = match_key(analysis.text)
    on_behalf = re.match(r"(?:kt|tm)\b", match_key(signer_position))
    if on_behalf and re.search(r"\bký thay\b|\bthay mặt\b|\bkt\.?\s", key):
        return False  # "Ai ký thay Chủ tịch …" is answered by the "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" who signs
    office = match_key(signer_position.split(" / ")[-1])
    title = re.match(OFFICE, office)  # "phó bí thư thường trực" signs as a Phó Bí thư
    bare = (title.group(0) if title else office).removeprefix("phó ").strip()
    key = match_key(re.sub(r"“[^”]*”|\"[^\"]*\"", " ", analysis.text))  # not the "Bí thư" of a contest's name
    named = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(bare)}(?!\w)", key)] if bare else []
    if not named:
        return False
    deputy_asked = any(key[:at].endswith("phó ") for at in named)
    return deputy_asked != office.startswith("phó ")


def _same_type(asked: str | None, doc_type: str | None) -> bool:
    """Return True unless the question asks for one document type and the document is of another."""
    return asked is None or not doc_type or match_key(doc_type).startswith(asked)


def _metadata_value(kind: QuestionKind, record: DocumentRecord) -> tuple[str | None, re.Pattern[str] | None]:
    """Return the metadata answer and a pattern locating it in the document text."""
    meta = record.metadata
    if kind is QuestionKind.SIGNER and meta.signer_name:
        position = f" ({' '.join(meta.signer_position.split())})" if meta.signer_position else ""
        return meta.signer_name + position, _loose(meta.signer_name)
    if kind is QuestionKind.DOC_NUMBER and meta.number:
        return meta.number, _loose(meta.number)
    if kind is QuestionKind.ISSUER and meta.issuer:
        return meta.issuer, _loose(meta.issuer)
    if kind is QuestionKind.ISSUE_DATE and meta.issued_date:
        match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", meta.issued_date)
        if not match:
            return None, None
        year, month, day = (int(x) for x in match.groups())
        # "ngày 31 tháng 12 năm 2025" or "31/12/2025" (leading zeros optional), shown as the document
        # writes it, a long form with its short one: "ngày 14 tháng 4 năm 2026 (14/4/2026)"
        written = date_pattern(day, month, year)
        found = written.search(record.text)
        shown = " ".join(found.group(0).split()) if found else f"{day:02d}/{month:02d}/{year}"
        if "tháng" in shown:
            shown += f" ({day}/{month}/{year})"
        elif not shown.lower().startswith("ngày"):
            shown = f"ngày {shown}"
        return shown, written
    if kind is QuestionKind.SIGNER:
        signature = _SIGNATURE.search(record.text)
        if signature:  # no signer in the metadata: the name under the signing title
            title = " ".join(signature.group("title").split()).strip("* ")
            name = signature.group("name").strip()
            return f"{name} ({title})", re.compile(re.escape(name))
    if kind is QuestionKind.DOC_NUMBER:
        header_number = _HEADER_NUMBER.search(record.text, 0, 1500)
        if header_number:  # no số hiệu in the metadata: the "Số …" line of the header
            return " ".join(header_number.group(1).split()), re.compile(re.escape(header_number.group(1)))
    if kind is QuestionKind.ISSUE_DATE:
        # no full date in the metadata: the place-and-date line may still give month and year,
        # "Ea Kao, ngày   tháng 02 năm 2027" (the day left blank for the signer)
        header = _HEADER_DATE.search(record.text, 0, 2000)
        if header:
            shown = " ".join(re.sub(r"^ngày\s+(?=tháng)", "", header.group(0)).split())
            return shown, re.compile(re.escape(header.group(0)))
    return None, None


# The signature block: an upper-case signing title, then within a few lines a person's name.
#   (?P<title>(?:KT\.|TM\.|T/M|Q\.)?…CAPS…)   "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "TRƯỞNG BAN", "PHÓ BÍ THƯ"
#   (?:\s*\n){1,6}\s*                          blank lines left for the signature and seal
#   (?P<name>Xxx Xxx( Xxx){0,3})\s*$            "Nguyễn Hữu Việt"
_NAME_WORD = "[A-ZĐÀ-Ỹ][a-zđà-ỹ]+"
_SIGNATURE = re.compile(
    r"(?m)^[ \t*]*(?P<title>(?:(?:KT|TM|T/M|TL|TUQ|Q)\.?\s+)?(?:CHỦ TỊCH|PHÓ CHỦ TỊCH|BÍ THƯ|PHÓ BÍ THƯ|"
    r"TRƯỞNG BAN|PHÓ TRƯỞNG BAN|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|CHÁNH VĂN PHÒNG|BAN THƯỜNG VỤ|TRƯỞNG BAN CHỈ ĐẠO)"
    r"[^\n]*(?:(?:[ \t]*\n)+[ \t*]*[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ ]{3,}[^\n]*){0,2})"
    r"(?:[ \t]*\n){1,12}[ \t]*(?:kiêm[ \t]*\n(?:[ \t]*\n){0,6}[ \t]*)?"
    rf"(?P<name>{_NAME_WORD}(?: {_NAME_WORD}){{1,4}})[ \t]*$"
)
# The number line of a document header:
#   (?m)^\s*Số\s*:?\s*     "Số: ", "Số " at the start of a line
#   (\d[^\s,;]*|-\s*[A-ZĐ][^\s,;]*)   "45/KH-UBND", "12-HD/BTGDVTU", or "- KH/ĐU" (number left blank)
_HEADER_NUMBER = re.compile(r"(?m)^\s*Số\s*:?\s*(\d[^\s,;]*|-\s*[A-ZĐ][^\s,;]*)")
# The date line of a document header: "ngày 31 tháng 12 năm 2025", "ngày   tháng 02 năm 2026"
_HEADER_DATE = re.compile(r"ngày\s+(?:\d{1,2}\s+)?tháng\s+\d{1,2}\s+năm\s+\d{4}", re.I)


def _loose(value: str) -> re.Pattern[str]:
    """Return a case-insensitive pattern for a value whose words may be split by any white space."""
    return re.compile(r"\s+".join(re.escape(word) for word in value.split()), re.I)


# "… về vấn đề gì", "… có nội dung gì", "… về việc gì": what a document is about (its trích yếu); what a
# Quyết định "ban hành cái gì" is its trích yếu too ("Ban hành Kế hoạch triển khai …")
_ABOUT = re.compile(r"\b(?:về vấn đề gì|vấn đề gì|về nội dung gì|nội dung gì|về việc gì|về gì|nói về gì"
                    r"|ban hành (?:cái |văn bản |những )?gì|trích yếu)\b")
# "ban hành … gì" in a clause of time asks what was issued then, which the passages say, not what the
# document is: "… triển khai sau khi Ban Chỉ đạo tỉnh ban hành văn bản gì"
_WHEN_CLAUSE = re.compile(r"\b(?:sau|trước)\s+khi(?:\s+\S+){0,8}\s+$")
# "… có tên gọi là gì", "tên chính thức là gì": the quoted name a document's title gives its subject
_NAME_ASKED = re.compile(r"\btên(?: gọi| chính thức| đầy đủ)? (?:là )?gì\b")


def self_candidates(analysis: QuestionAnalysis, hits: list[Hit],
                    get_record: Callable[[str], DocumentRecord | None]) -> list[Candidate]:
    """Return a retrieved document itself when the question describes it.

    "Văn bản nào của UBND tỉnh … chỉ đạo bảo đảm trật tự, an toàn giao thông dịp Tết?" is answered by
    the Chỉ thị whose own name says so ("Chỉ thị số 21/CT-UBND: …"), when its type, số hiệu, title and
    issuer cover the question; "Thông báo 318-TB/TU … kết luận về vấn đề gì?" by its trích yếu, and so
    is "Kế hoạch tháng 02/2026 của Đảng ủy xã X có trích yếu là gì?" when its own name covers the question.
    """
    key = match_key(analysis.text)
    about = analysis.kind is QuestionKind.WHAT and any(
        not match.group(0).startswith("ban hành") or not _WHEN_CLAUSE.search(key, 0, match.start())
        for match in _ABOUT.finditer(key))
    if analysis.kind is not QuestionKind.DOC and not about:
        return []
    asked = asked_numbers(analysis)
    asked_type = analysis.doc_type or question_doc_type(analysis)
    found = []
    for rank, record in retrieved_records(hits, get_record):
        meta = record.metadata
        own = {number_key(n) for n in NUMBER.findall(meta.number or "")}
        if about and (not asked & own) and (asked or "trích yếu" not in match_key(analysis.text)):
            # "… về vấn đề gì" of another document than the one the question names by số hiệu; a document
            # it only describes is asked for its subject by name ("… có trích yếu là gì")
            continue
        if not about and (asked or not meta.number or not _same_type(asked_type, meta.doc_type)):
            continue  # "Nghị quyết nào …" of another type, or a question naming a number: a reference
        backing = support(analysis, own_name(meta))
        if about and asked:  # the question names this document by its số hiệu: that identifies it
            backing = max(backing, 0.7)
        elif about:  # described by its type, date and issuer: the header says them ("trích yếu" is asked)
            backing = support(analysis, f"trích yếu {own_name(meta)} {record.text[:400]}")
        if backing < 0.6:
            continue
        kind = (meta.doc_type or "").capitalize()
        value = meta.title if about else f"{kind} số {meta.number}: {meta.title or ''}"
        anchor = meta.title if about else meta.number
        located = _loose(anchor).search(record.text) if value and anchor else None
        if not value or located is None:
            continue
        fit = 0.3 if about else 0.1  # "Nghị quyết số 15/2026/NQ-HĐND quy định về nội dung gì": its own title
        found.append(Candidate(shorten(value.strip(" :")), None, (located.start(), located.end()), backing,
                               backing + fit + 0.08 / (1 + rank), record.doc_id))
    return found


def title_names(analysis: QuestionAnalysis, hits: list[Hit],
                get_record: Callable[[str], DocumentRecord | None]) -> list[Candidate]:
    """Return the quoted name a retrieved document's title gives the thing the question names.

    "Hội thao … có tên gọi là gì?" is answered by the title "Tổ chức Hội thao “Xã X khỏe - Đoàn kết”
    chào mừng …": the words before the quote name what the question asks about.
    """
    if analysis.kind is not QuestionKind.WHAT or not _NAME_ASKED.search(match_key(analysis.text)):
        return []
    found = []
    for rank, record in retrieved_records(hits, get_record):
        title = record.metadata.title or ""
        for name in quoted(title):
            if not set(content_terms(name.qualifier)[-2:]) & set(analysis.terms):
                continue  # the quote names something else than what the question asks about
            value = title[name.start:name.end].strip("“”\"")
            located = _loose(value).search(record.text)
            if located is None:
                continue
            backing = support(analysis, own_name(record.metadata))
            # a name is asked, and the title names it: above a sentence that repeats the question
            found.append(Candidate(shorten(value), None, (located.start(), located.end()), backing,
                                   backing + 0.45 + 0.08 / (1 + rank), record.doc_id))
    return found


def signer_as_person(analysis: QuestionAnalysis, hits: list[Hit],
                     get_record: Callable[[str], DocumentRecord | None]) -> list[Candidate]:
    """Return the signer of a retrieved document when the question asks who holds the signer's office.

    "Bí thư Đảng ủy xã Tân Hòa Long là ai?" is answered by the Nghị quyết of that Đảng ủy signed
    "T/M ĐẢNG ỦY / BÍ THƯ / Lâm Văn Đức": the office is the last line of the signer's position (a
    "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" is a Phó Chủ tịch, not the Chủ tịch).
    """
    position = asked_position(analysis)
    if not analysis.person or not position:
        return []
    found = []
    for rank, record in retrieved_records(hits, get_record):
        meta = record.metadata
        if not meta.signer_name or not meta.signer_position:
            continue
        office = meta.signer_position.split(" / ")[-1]
        if not holds_position(position, office) or _other_organ(position, _signing_body(meta)):
            continue  # "Chủ tịch UBND xã … là ai" is not the "TM. HỘI ĐỒNG NHÂN DÂN / CHỦ TỊCH"
        located = _loose(meta.signer_name).search(record.text)
        if located is None:
            continue
        name = " ".join(x for x in (meta.issuer, meta.title) if x)
        backing = support(analysis, f"{office} {name}")
        found.append(Candidate(f"{meta.signer_name} ({office})", None, (located.start(), located.end()),
                               backing, backing + 0.1 + 0.08 / (1 + rank), record.doc_id))
    return found


def signer_office(analysis: QuestionAnalysis, hits: list[Hit],
                  get_record: Callable[[str], DocumentRecord | None]) -> list[Candidate]:
    """Return the office a retrieved document's signer signs with when the question names the signer and
    asks their position: "Bà Lê Thị Minh Thư ký kế hoạch … với chức vụ gì?" of a plan signed "KT. GIÁM
    ĐỐC / PHÓ GIÁM ĐỐC / Lê Thị Minh Thư" is "PHÓ GIÁM ĐỐC"."""
    if not POSITION_ASKED.search(match_key(analysis.text)) or not analysis.names:
        return []
    names = {toneless(name) for name in analysis.names}
    found = []
    for rank, record in retrieved_records(hits, get_record):
        meta = record.metadata
        if not meta.signer_name or not meta.signer_position or toneless(meta.signer_name) not in names:
            continue
        located = _loose(meta.signer_name).search(record.text)
        if located is None:
            continue
        office = meta.signer_position.split(" / ")[-1]
        backing = support(analysis, f"{meta.signer_name} {office} {own_name(meta)}")
        found.append(Candidate(office, None, (located.start(), located.end()), backing,
                               backing + 0.3 + 0.08 / (1 + rank), record.doc_id))
    return found


# A question asking what kind of document one is: "… thuộc loại văn bản gì", "ban hành loại văn bản nào"
_KIND_ASKED = re.compile(r"\b(?:loại|hình thức) văn bản\b")


def document_kinds(analysis: QuestionAnalysis, hits: list[Hit],
                   get_record: Callable[[str], DocumentRecord | None]) -> list[Candidate]:
    """Return the type of a retrieved document when the question asks what kind of document it is:
    "Văn bản số 01-TB/BCĐ … thuộc loại văn bản gì?" is "Thông báo" (the one whose số hiệu it gives
    first), "Ban Thường vụ … ban hành loại văn bản gì để triển khai …" the type of the document the
    question describes best."""
    key = match_key(analysis.text)
    kind_asked = _KIND_ASKED.search(key)
    if not kind_asked:
        return []
    # the words asking for the type ("thuộc loại văn bản gì") are no evidence to look for
    asking = " ".join(key[:kind_asked.end()].split()[-4:])
    # the số hiệu naming the document asked about: "Văn bản số 213-KL/TW … là loại văn bản gì", not the
    # one it implements ("Để triển khai Chỉ thị 07-CT/TU, … ban hành loại văn bản gì")
    given = asked_numbers(analysis)
    asked = {number_key(m.group(1)) for m in _NAMED_NUMBER.finditer(analysis.text)} & given
    found = []
    for rank, record in retrieved_records(hits, get_record):
        meta = record.metadata
        if not meta.doc_type:
            continue
        located = _loose(meta.doc_type).search(record.text)
        if located is None:
            continue
        named = bool(meta.number) and number_key(meta.number or "") in given
        backing = support(analysis, f"{asking} {own_name(meta)} {record.text[:400]}")
        # (a số hiệu the question gives that is not this document's names another one)
        fit = 0.45 if named else 0.05 if asked else 0.25
        found.append(Candidate(meta.doc_type.capitalize(), None, (located.start(), located.end()), backing,
                               backing + fit + 0.08 / (1 + rank), record.doc_id))
    for rank, hit in enumerate(hits):  # "… tham mưu trình HĐND tỉnh ban hành loại văn bản nào"
        text = hit.chunk.text
        # "Văn bản số 213-KL/TW … là loại văn bản gì": a document the passage cites ("Kết luận số 213-KL/TW")
        for ref, _, share in cited_titles(analysis, text, asking=key[kind_asked.start():kind_asked.end()],
                                          numbers=asked):
            backing = support(analysis, text[ref.start():ref.end() + 200], hit.chunk.section)
            if number_key(ref.group("number")) in asked:
                backing = max(backing, 0.75)  # the số hiệu the question gives, written in the passage
            found.append(Candidate(" ".join(ref.group("type").split()), rank, (ref.start(), ref.end()),
                                   backing, backing + 0.3 + 0.2 * share + 0.08 / (1 + rank), hit.doc.doc_id))
        for clause in clauses(text):
            for issued in _ISSUED_TYPE.finditer(text, clause.start, clause.end):
                if not issued.group(1)[0].isupper():
                    continue  # "xây dựng kế hoạch" names no document
                backing = support(analysis, f"{asking} {text[clause.start:clause.end]}", hit.chunk.section)
                found.append(Candidate(issued.group(1), rank, (clause.start, clause.end), backing,
                                       backing + 0.25 + 0.08 / (1 + rank), hit.doc.doc_id))
    return found


# A số hiệu written without its type: "Văn bản số 213-KL/TW", "số 61-CTr/TU ngày …" at the question's start
_NAMED_NUMBER = re.compile(r"(?i)(?:\bvăn bản\s+(?:số\s+)?|^\s*số\s+)(\S+)")
# A document type as the object of issuing: "trình HĐND tỉnh ban hành Nghị quyết về …", "xây dựng Kế hoạch"
_ISSUED_TYPE = re.compile(r"(?i)(?:ban hành|xây dựng|trình)\s+(?:[^\W\d_]+\s+){0,4}?"
                          + TYPE_WORD.pattern.removeprefix("(?i)"))


# The organs whose offices share a title: a Chủ tịch of the People's Committee is not the Council's
_ORGANS = ("ủy ban nhân dân", "hội đồng nhân dân", "đảng ủy", "tỉnh ủy", "huyện ủy", "thành ủy",
           "mặt trận tổ quốc")


def _other_organ(position: tuple[str, ...], body: str) -> bool:
    """Return True when the asked position names one organ and the signing body is another."""
    asked = match_key(expand_abbreviations(" ".join(position)))
    signing = match_key(expand_abbreviations(body))
    named = [organ for organ in _ORGANS if organ in asked]
    return bool(named) and any(organ in signing for organ in _ORGANS) and not any(
        organ in signing for organ in named)


def _signing_body(meta: DocumentMetadata) -> str:
    """Return the body a signer signs for: the "TM. HỘI ĐỒNG NHÂN DÂN" line of the signing block, else
    the issuer ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG" for "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC")."""
    for line in (meta.signer_position or "").split(" / "):
        on_behalf = re.match(r"(?i)\s*T\.?\s*/?\s*M\.?\s+(.+)", line)
        if on_behalf:
            return on_behalf.group(1)
    return (meta.issuer or "").split(" / ")[-1]


# A Nơi nhận item sending copies to the addressees above it: "Như trên", "Như Kính gửi"
_AS_ABOVE_WORDS = r"như\s+(?:trên|kính gửi)"
_AS_ABOVE = re.compile(rf"(?i)^{_AS_ABOVE_WORDS}")
# A Nơi nhận item that names no addressee: "Lưu: VT", "Như trên", "Như Điều 3"
_NOT_ADDRESSEE = re.compile(rf"(?i)^(?:lưu\b|như\s+(?:điều|khoản)|{_AS_ABOVE_WORDS})")
# The purpose marks of an addressee: "(báo cáo)", "(b/c)", "(để b/c)", "(thực hiện)", "(t/h)"
_PURPOSE_MARKS = {
    "báo cáo": re.compile(r"(?i)\((?:để\s+)?(?:báo cáo|b/c)\)"),
    "thực hiện": re.compile(r"(?i)\((?:để\s+)?(?:thực hiện|t/h)\)"),
    "biết": re.compile(r"(?i)\((?:để\s+)?biết\)"),
    "phối hợp": re.compile(r"(?i)\((?:để\s+)?(?:phối hợp|p/h)\)"),
}


def addressees(recipients: tuple[str, ...], purpose: str) -> list[str]:
    """Return the addressees of a document for a purpose ("" for all), as written.

    "Nơi nhận: - Như trên; - UBND tỉnh (b/c); - Lưu: VT" of a Công văn sends it to its "Kính gửi"
    addressees (the items before "Như trên"); the copies after it are for reporting and filing.
    """
    items = [item for item in recipients if item]  # one addressee each (split at indexing)
    if purpose:
        mark = _PURPOSE_MARKS[purpose]
        return [item for item in items if mark.search(item)]
    as_above = next((i for i, item in enumerate(items) if _AS_ABOVE.match(item)), None)
    if as_above:
        items = items[:as_above]
    return [item for item in items if not _NOT_ADDRESSEE.match(item)]


def recipient_candidates(analysis: QuestionAnalysis, hits: list[Hit],
                         get_record: Callable[[str], DocumentRecord | None]) -> list[Candidate]:
    """Return where a retrieved document is sent, from its "Kính gửi" and "Nơi nhận" lists.

    "Kế hoạch … được gửi để báo cáo những nơi nào?" is answered by the "(báo cáo)" items of the plan's
    Nơi nhận; the quote is the first addressee as the document writes it.
    """
    if analysis.recipients is None:
        return []
    found = []
    for rank, record in retrieved_records(hits, get_record):
        names = addressees(record.metadata.recipients, analysis.recipients)
        located = _loose(names[0]).search(record.text) if names else None
        if located is None:
            continue
        backing = support(analysis, own_name(record.metadata) + " " + record.text[:400])
        answer = shorten("; ".join(names), MAX_LIST_CHARS)
        found.append(Candidate(answer, None, (located.start(), located.end()), backing,
                               backing + 0.3 + 0.08 / (1 + rank), record.doc_id))
    return found
