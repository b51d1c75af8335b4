"""What every answer candidate is and how well a text supports a question (pure helpers)."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from assistant.facts import DOC_REF
from assistant.model import Hit
from assistant.question import SOURCE_FRAME, QuestionAnalysis, QuestionKind, content_terms
from indexer.abbreviations import expand_abbreviations
from indexer.model import Chunk, DocumentMetadata, DocumentRecord
from indexer.normalize import match_key

MAX_ANSWER_CHARS = 200
MAX_LIST_CHARS = 500  # a list answer names every item, so it may run longer (seven headings)
# A số hiệu: "05-CT/TU", "15/2023/QH15", "02-KH/BCĐ"
NUMBER = re.compile(r"\b\d+(?:/\d{4})?[-/][0-9A-ZĐa-zđ]+(?:[-/.][0-9A-ZĐa-zđ]+)*")
_CONTEXT_WEIGHT = 0.5  # a term found only in the heading path counts half
_DOCUMENT_WEIGHT = 0.8  # a term found only in the document's own name (type, số hiệu, title, issuer)
# Genre glue syllables: present in almost every passage, so they count little as evidence.
_WEAK = frozenset(content_terms("tỉnh thực hiện triển khai công tác năm nhiệm vụ tổ chức kế hoạch các cấp"))
_DOC_TYPE_WORDS = ("kế hoạch", "hướng dẫn", "thông báo", "chỉ thị", "quyết định", "công văn", "nghị quyết",
                   "kết luận", "chương trình", "báo cáo", "tờ trình", "đề án", "quy định", "thông tư",
                   "nghị định")


@dataclass(frozen=True)
class Candidate:
    """A possible answer: its text, where it is backed, and how well it fits the question."""

    answer: str
    hit_index: int | None  # rank of the passage it quotes; None when it quotes the document header
    quote: tuple[int, int]  # span in the passage text (or in the record text for metadata)
    support: float  # 0..1 coverage of the question's content by the supporting text
    score: float
    doc_id: str = ""


def bigrams(tokens: tuple[str, ...]) -> set[str]:
    """Return the adjacent token pairs of a token sequence."""
    return {f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)}


# A full date token: "30/4/2026" (day, then month/year)
_DATE_TOKEN = re.compile(r"\d{1,2}/(\d{1,2}/(\d{4}))")


def _with_date_parts(terms: tuple[str, ...]) -> set[str]:
    """Return the terms with the month/year and the year of each full date: "30/4/2026" also gives
    "4/2026" and "2026", so "đến hết tháng 4/2026" finds "đến ngày 30/4/2026"."""
    found = set(terms)
    for term in terms:
        match = _DATE_TOKEN.fullmatch(term)
        if match:
            found.update((match.group(1), match.group(2)))
    return found


def support(analysis: QuestionAnalysis, text: str, context: str = "", document: str = "") -> float:
    """Return the weighted share of question terms and term pairs found in text.

    A term found only in the context (the heading path) counts half; one found only in the
    document's own name (type, số hiệu, title, issuer) counts `_DOCUMENT_WEIGHT`: "Theo kế hoạch
    thực hiện Nghị quyết 15, …" names the document, and the passage need not repeat it.
    """
    terms = analysis.terms
    if not terms:
        return 0.0
    own, ctx, doc = content_terms(text), content_terms(context), content_terms(document)
    own_set, ctx_set, doc_set = _with_date_parts(own), _with_date_parts(ctx), _with_date_parts(doc)
    own_pairs, ctx_pairs, doc_pairs = bigrams(own), bigrams(ctx), bigrams(doc)

    def weight_of(item: str, own_items: set[str], ctx_items: set[str], doc_items: set[str]) -> float:
        if item in own_items:
            return 1.0
        in_context = _CONTEXT_WEIGHT if item in ctx_items else 0.0
        return max(in_context, _DOCUMENT_WEIGHT if item in doc_items else 0.0)

    found = total = 0.0
    for term in terms:
        weight = 0.3 if term in _WEAK else 1.0
        total += weight
        found += weight * weight_of(term, own_set, ctx_set, doc_set)
    for pair in analysis.bigrams:
        total += 1.0
        found += weight_of(pair, own_pairs, ctx_pairs, doc_pairs)
    return found / total if total else 0.0


def date_pattern(day: int, month: int, year: int) -> re.Pattern[str]:
    """Return a pattern for one date in any of its written forms, leading zeros optional: "8/8/2026",
    "08/08/2026", "ngày 08 tháng 8 năm 2026"."""
    return re.compile(
        rf"ngày\s+0?{day}\s+tháng\s+0?{month}\s+năm\s+{year}|(?<!\d)0?{day}/0?{month}/{year}", re.I)


def written_date(number: str, text: str) -> bool:
    """Return True when a date the question gives as "08/8/2026" is in the text in any of its forms; a
    month "12/2026" as "tháng 12 năm 2026" or inside a date ("31/12/2026") too; and a day of a dated
    schedule, "29/12" in a text that writes the year 2026 elsewhere (a programme for "tháng 12 năm
    2026" lists its days without it); each day of a range "17-18/12/2026" ("17/12 - 18/12")."""
    days = re.fullmatch(r"(\d{1,2})-(\d{1,2})/(\d{1,2}/\d{4})", number)
    if days:
        return all(written_date(f"{day}/{days.group(3)}", text) for day in days.group(1, 2))
    month_only = re.fullmatch(r"(\d{1,2})/(\d{4})", number)
    if month_only:
        month, year = (int(x) for x in month_only.groups())
        written = rf"tháng\s+0?{month}\s*(?:/|năm)\s*{year}|(?<![\d/])(?:\d{{1,2}}/)?0?{month}/{year}"
        return re.search(written, text, re.I) is not None
    parts = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", number)
    if not parts:
        return False
    day, month, year = (int(x) for x in parts.groups())
    if date_pattern(day, month, year).search(text):
        return True
    return bool(re.search(rf"(?<![\d/])0?{day}/0?{month}(?![\d/])", text) and str(year) in text)


def is_date_like(number: str) -> bool:
    """Return True for a date, month or period a question writes like a số hiệu: "29/12/2026",
    "17-18/12/2026", "12/2026", "2026-2028"."""
    dated = r"(?:\d{1,2}-)?\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{4}|(?:19|20)\d\d-(?:19|20)\d\d"
    return re.fullmatch(dated, number) is not None


# What an item says about its name after it, in brackets closing the item: "Kéo co (nam, nữ)."
_TRAILING_DETAIL = re.compile(r"^(\S.{1,60}?)\s*\([^()]*\)[\s.;,]*$")


def item_name(item: str) -> str:
    """Return a list item as one line without the details it brackets after its name: "Kéo co (nam - nữ
    phối hợp, mỗi đội 10 người);" -> "Kéo co" (a name of at most 61 characters before the brackets)."""
    item = " ".join(item.split()).rstrip(" ;,.")
    detail = _TRAILING_DETAIL.match(item)
    return detail.group(1) if detail else item


def shorten(text: str, limit: int = MAX_ANSWER_CHARS) -> str:
    """Return one line of at most `limit` characters, cut at a word boundary with an ellipsis."""
    line = " ".join(text.split()).strip(" ;,")
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit - 1)
    return line[: cut if cut > 0 else limit - 1].rstrip(" ,;:") + "…"


def asked_numbers(analysis: QuestionAnalysis) -> set[str]:
    """Return the số hiệu the question names, in comparable form ("07-ct/tu")."""
    return {number_key(n) for n in NUMBER.findall(analysis.text) if not is_date_like(n)}


def number_key(number: str) -> str:
    """Return a số hiệu without spaces, in match_key form."""
    return match_key(re.sub(r"\s", "", number))


def question_doc_type(analysis: QuestionAnalysis) -> str | None:
    """Return the document type the question asks about: the one right before "số mấy" / "số hiệu"
    ("… thực hiện nghị quyết số mấy" asks for a nghị quyết), else the first it names ("kế hoạch")."""
    key = match_key(analysis.text)
    types = "|".join(_DOC_TYPE_WORDS)
    numbered = re.search(rf"({types})(?: \w+){{0,2}} (?:số mấy|số bao nhiêu|số hiệu|số nào)", key)
    if numbered:
        return numbered.group(1)
    # (not a type only in the frame naming where to look: "Trong kế hoạch …, nghị quyết … có số hiệu gì")
    frame = _FRAME.match(key)
    rest = key[frame.end():] if frame else key
    found = [(rest.find(word), word) for word in _DOC_TYPE_WORDS if word in rest] or [
        (key.find(word), word) for word in _DOC_TYPE_WORDS if word in key]
    return min(found)[1] if found else None


# The frame a question opens with, naming the document to look in: "Theo kế hoạch …, ", "Trong hướng dẫn …, "
_FRAME = re.compile(r"\s*(?:theo|trong|tại)\s+[^,?]{3,160},\s*")


@lru_cache(maxsize=256)
def toneless(text: str) -> str:
    """Return text without any diacritics, "đ" as "d", lower case, whitespace collapsed.

    Names are compared in this form: "Đắk Nông", "Đăk Nông", "Đắc Nông" and "ĐẮK NÔNG" are one place.
    Cached: every question compares against the same few whole documents.
    """
    stripped = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    # a final "k" exists only in place names of the Central Highlands, often written with "c": "Đắc Nông"
    return " ".join(re.sub(r"(?<=\w)k\b", "c", stripped.replace("đ", "d").replace("Đ", "D").lower()).split())


def contains_words(haystack: str, needle: str) -> bool:
    """Return True when needle occurs in haystack as whole words (both already in one form)."""
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", haystack) is not None


def contains_name(haystack: str, name: str) -> bool:
    """Return True when a name occurs in haystack, a name of three words or more also with up to two
    words inserted between its own: "Tết Ất Tỵ" is in "Tết Nguyên đán Ất Tỵ" (both already toneless)."""
    words = name.split()
    if len(words) < 3:
        return contains_words(haystack, name)
    gap = r"\s+(?:\S+\s+){0,2}?"
    return re.search(r"(?<!\w)" + gap.join(map(re.escape, words)) + r"(?!\w)", haystack) is not None


# A province or city right before a name: "tỉnh Khánh Hòa", "thành phố Huế"
_PROVINCE_BEFORE = re.compile(r"(?i)\b(?:tỉnh|thành phố)\s+$")
# (not a document or body a capital opens: "tỉnh Kế hoạch …" of a wrapped title)
_DOC_TYPE = re.compile(r"(?i)kế hoạch|nghị quyết|quyết định|chỉ thị|thông báo|hướng dẫn|báo cáo|[uủ][ỷy] ban")
# A province named in a text: "tỉnh Đắk Lắk", "TỈNH GIA LAI", "thành phố Cần Thơ"
_PROVINCE = re.compile(r"(?:tỉnh|TỈNH|thành phố|THÀNH PHỐ)\s+((?:[^\W\d_]+[ -]?){1,4})")


def _foreign_province(record: DocumentRecord, province: str) -> bool:
    """Return True when a document is not of a province (toneless): its own name and header do not name
    it, and its text names it once at most while its header names another or its text names another
    more often ("tỉnh Khánh Hòa" once in a Đắk Lắk plan)."""
    own = f"{own_name(record.metadata)}\n{document_header(record.text)}"
    if contains_name(toneless(own), province):
        return False
    counts = Counter(_province_names(record.text))
    others = [n for name, n in counts.items() if name != province]
    return counts[province] <= 1 and (bool(_province_names(own)) or any(n > counts[province] for n in others))


def _province_names(text: str) -> list[str]:
    """Return the provinces a text names after "tỉnh"/"thành phố", toneless: its capitalised words."""
    found = []
    for match in _PROVINCE.finditer(text):
        written = re.split(r"[ -]", match.group(1).strip())
        words = list(itertools.takewhile(lambda w: w[:1].isupper(), written))
        if words and not _DOC_TYPE.match(" ".join(words)):
            found.append(toneless(" ".join(words)))
    return found
# A commune-level unit right before a name: "phường Đồng Hới", "xã Ea Kao", "thị trấn Cần Giuộc"
_LOCAL_UNIT = re.compile(r"(?i)\b(?:xã|phường|thị trấn|ấp|thôn|bản|tổ dân phố)\s+$")


def ungrounded(analysis: QuestionAnalysis, document: str, nearby: str) -> list[str]:
    """Return the names, years, ordinals and counts the question gives that its answer's sources lack.

    A place or person named in the question must occur somewhere in the answering document; a
    year or an ordinal ("Phiên họp thứ hai") must occur near the answer (`nearby`: the cited
    passage with its heading path and the document's own header), and so must an agency it names
    ("… giao Sở Tư pháp nhiệm vụ gì" is not answered by an item of Sở Tài chính), abbreviations
    spelled out on both sides. "Tỉnh Lâm Đồng …" answered from a Gia Lai plan, or "… năm 2030"
    answered from a passage about 2025, is a near miss, not an answer; so is "Hội thao chào mừng 95
    năm …" of a document that never writes 95 (a count the question gives must be in the document).
    """
    nearby_key = toneless(nearby)
    unquoted = _unquoted(document)
    found = {name for name in analysis.names if contains_name(unquoted, toneless(name))}
    missing = [name for name in analysis.names if name not in found
               and not any(_locates(analysis.text, place, name) for place in found)]
    # (a year in the source the question names, "Theo kết luận Phiên họp … năm 2025, …", dates the
    # document: anywhere in it)
    frame = SOURCE_FRAME.match(analysis.text)
    missing += [year for year in analysis.years
                if year not in nearby_key and not (frame and year in frame.group(0) and year in document)]
    # a period is its two years together: "vụ Đông Xuân 2025 - 2026" is not "vụ Đông Xuân 2026 - 2027"
    missing += [f"{a}-{b}" for a, b in _YEAR_RANGE.findall(analysis.text)
                if not re.search(rf"{a}\s*[-–]\s*{b}", nearby_key)]
    missing += [ordinal for ordinal in analysis.ordinals if not contains_words(nearby_key, toneless(ordinal))]
    if analysis.agencies:
        spelled_out = toneless(expand_abbreviations(nearby))
        missing += [agency for agency in analysis.agencies if not _agency_near(agency, spelled_out, unquoted)]
    written = _numbers_of(document)
    missing += [count for count in given_counts(analysis.text) if count not in written]
    return missing


# A place written after an agency's name, two or three capitalised words: "Sở Công Thương |Đắk Lắk"
_PLACE_AFTER = re.compile(r"(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*){2}$")


def _agency_near(agency: str, spelled_out: str, document: str) -> bool:
    """Return whether an agency the question names is near the answer (`spelled_out`); one it writes
    with its province ("Sở Công Thương Đắk Lắk") may be there without it, the province then in the
    (unquoted) document."""
    if agency_in(spelled_out, agency):
        return True
    bare = _without_place(agency)
    return bare != agency and agency_in(spelled_out, bare) and contains_name(
        document, toneless(agency[len(bare):].strip()))


def _without_place(agency: str) -> str:
    """Return an agency without the place the question writes after it: "Sở Công Thương Đắk Lắk" ->
    "Sở Công Thương" (not "UBND tỉnh Đắk Lắk", whose place is its own name, nor "Sở Công Thương")."""
    place = _PLACE_AFTER.search(agency)
    if place is None or re.search(r"(?i)(?:ủy|uỷ|trung ương|thường vụ|chính trị)$", place.group(0)):
        return agency  # "Văn phòng Tỉnh ủy" ends with no place
    bare = agency[:place.start()]
    if len(bare.split()) < 2 or re.search(r"(?i)\b(?:tỉnh|thành phố|huyện|xã|phường|thị xã|quận)$", bare):
        return agency
    return bare


def _locates(question: str, place: str, name: str) -> bool:
    """Return whether the question writes a name right after a place, as where that place is: "ở Cần
    Giuộc, Long An" (a district's own notice need not name its province)."""
    return re.search(rf"{re.escape(place)}\s*,\s*(?:tỉnh\s+|thành phố\s+)?{re.escape(name)}(?!\w)",
                     question) is not None


# A number as a question gives it, outside dates, hours and số hiệu: "95 năm", "lần thứ 3", "1.500 hộ"
_COUNT = re.compile(r"(?<![\w/.,:-])\d+(?:[.,]\d+)*(?![\w/:-]|[.,]\d)")
# (what is no count: a date "5/9/2025", "3/2027", "20/12"; an hour "7h30", "8 giờ 30"; a số hiệu)
_NOT_COUNT = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}/\d{4}|\d{1,2}/\d{1,2}"
                        r"|\d{1,2}\s*(?:h\d{0,2}(?!\w)|giờ(?:\s*\d+)?)|" + NUMBER.pattern)


def _plain_number(number: str) -> str:
    """Return a number without leading zeros or thousands dots: "02" -> "2", "1.500" -> "1500"."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", number):
        number = number.replace(".", "")
    return number.lstrip("0") or "0"


def given_counts(question: str) -> list[str]:
    """Return the counts and ordinals a question gives in digits ("95 năm", "102 điểm cầu"), not years."""
    bare = _NOT_COUNT.sub(" ", question)
    return [_plain_number(n) for n in _COUNT.findall(bare) if not re.fullmatch(r"(?:19|20)\d\d", n)]


@lru_cache(maxsize=64)
def _numbers_of(document: str) -> frozenset[str]:
    """Return every number a document writes, in plain form (cached: asked once per candidate)."""
    return frozenset(_plain_number(n) for n in re.findall(r"\d+(?:[.,]\d+)*", document))


_QUOTES = re.compile(r"[“”\"‘’]")


@lru_cache(maxsize=64)
def _unquoted(document: str) -> str:
    """Return a document toneless and without quote marks: "Quỹ Vì người nghèo" is written Quỹ “Vì …”."""
    return toneless(_QUOTES.sub(" ", document))


# A period of years: "2025 - 2026", "2021-2025"
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b")


def agency_in(spelled_out: str, agency: str) -> bool:
    """Return whether an agency occurs in a toneless, spelled-out text, also without the lower-case
    words ending its name: "Ban Xây dựng Đảng xã" is "Ban Xây dựng Đảng" of a commune's plan; and
    without a last capitalised word the text writes elsewhere: "Sở Y tế Huế" is "Sở Y tế" of a text
    naming Huế in its header."""
    words = expand_abbreviations(agency).split()
    spelled_out = re.sub(r"\s+[-–]\s+", " ", spelled_out)  # "Ban Tuyên giáo - Tỉnh đoàn" is one name
    while len(words) >= 2:
        needle = " ".join(_word_pattern(word) for word in words)
        for match in re.finditer(r"(?<!\w)" + needle + r"(?!\w)", spelled_out):
            if not _OWNER_BEFORE.search(spelled_out, max(0, match.start() - 30), match.start()):
                return True
        last = toneless(words[-1])
        if words[-1][0].isupper() and not (
                len(words) > 2 and re.search(rf"(?<!\w){re.escape(last)}(?!\w)", spelled_out, re.I)):
            return False  # a capitalised word is part of the name, unless it is a place the text writes
        words = words[:-1]
    return False


# A word of a name written as its syllables' initials: "KT" of "Phòng KT, HT và ĐT" (Kinh tế, …)
_INITIALS = re.compile(r"[A-ZĐ]{2,4}(?:-[A-ZĐ]{2,4})*")  # "KT", "VH-XH" (Văn hóa - Xã hội)


def _word_pattern(word: str) -> str:
    """Return the toneless pattern of a word of a name; initials match the syllables they stand for:
    "KT" matches "kinh te", "VH-XH" "van hoa xa hoi" (abbreviations the genre's list does not spell out)."""
    if _INITIALS.fullmatch(word):
        letters = word.lower().replace("đ", "d").replace("-", "")
        return r"[\s-]+".join(re.escape(letter) + r"\w*" for letter in letters)
    return re.escape(toneless(word))


# A body owned by the agency, written right before its name: "Đảng ủy UBND tỉnh", "Văn phòng UBND tỉnh"
# are not "UBND tỉnh" (toneless, as `agency_in` compares)
_OWNER_BEFORE = re.compile(r"(?:dang uy|van phong|ban can su dang|dang doan|cong doan|chi bo)\s+$")


# The first section heading of a document ends its header: "I. MỤC ĐÍCH, YÊU CẦU", "I- NỘI DUNG",
# "Điều 1.", or the salutation of a công văn "Kính gửi:"
_FIRST_SECTION = re.compile(r"(?m)^[ \t]*(?:I[.\-][ \t]|Điều[ \t]+1\b|Kính gửi)")


def document_header(text: str, limit: int = 1500) -> str:
    """Return the document's header: its text before the first section heading, at most `limit` chars."""
    match = _FIRST_SECTION.search(text, 0, limit)
    return text[: match.start() if match else limit]


# A full date: "30/9/2020", "ngày 31 tháng 12 năm 2025"
_FULL_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|ngày\s+\d{0,2}\s*tháng\s+\d{1,2}\s+năm\s+\d{4}", re.I)


def event_text(text: str) -> str:
    """Return a document's text without its header and the references it cites with their dates: what
    is left dates the events it plans ("Hội nghị … ngày 17 tháng 12 năm 2026"), not the documents
    ("Thông báo số 215-TB/HU ngày 20/11/2026", "Lập Thạch, ngày 27 tháng 11 năm 2026")."""
    return DOC_REF.sub(" ", text[len(document_header(text)):])


def retrieved_records(hits: list[Hit], get_record: Callable[[str], DocumentRecord | None]
                      ) -> list[tuple[int, DocumentRecord]]:
    """Return each retrieved document's record once, with the rank of its best passage, best first."""
    found: list[tuple[int, DocumentRecord]] = []
    seen: set[str] = set()
    for rank, hit in enumerate(hits):
        if hit.doc.doc_id in seen:
            continue
        seen.add(hit.doc.doc_id)
        record = get_record(hit.doc.doc_id)
        if record is not None:
            found.append((rank, record))
    return found


def own_name(meta: DocumentMetadata) -> str:
    """Return what a document calls itself: type, số hiệu, trích yếu, issuer and place, as one line."""
    return " ".join(x for x in (meta.doc_type, meta.number, meta.title, meta.issuer, meta.place) if x)


def candidate_sources(candidate: Candidate, record: DocumentRecord, hits: list[Hit]) -> tuple[str, str]:
    """Return (the whole answering document, the text near the answer) for `ungrounded`.

    Near the answer: the cited passage with its heading path, and the document's name and header.
    An answer from a passage (not from the header itself) leaves out the header's dates: the year a
    document was signed does not make "… ban hành năm 2025" true of a passage about a 2020 decision;
    "Kế hoạch công tác năm 2026" in its title still counts.
    """
    meta = record.metadata
    fields = " ".join(x for x in (meta.doc_type, meta.number, meta.title, meta.issuer) if x)
    header = document_header(record.text)
    if candidate.hit_index is not None and candidate.hit_index < len(hits):
        chunk = hits[candidate.hit_index].chunk
        # nor do the dates of the documents the title names ("Thực hiện Nghị quyết … ngày 04/5/2025")
        undated = _FULL_DATE.sub(" ", f"{fields}\n{header}")
        nearby = f"{undated}\n{chunk.section}\n{chunk.text}"
    else:
        nearby = f"{fields} {meta.issued_date or ''}\n{header}"
    return f"{fields}\n{record.text}", nearby


def cited_chunk(candidate: Candidate, hits: list[Hit]) -> Chunk | None:
    """Return the passage a candidate quotes (`candidate.quote` is a span of its text), None when it
    quotes the document header instead."""
    if candidate.hit_index is None or candidate.hit_index >= len(hits):
        return None
    return hits[candidate.hit_index].chunk


def quoted_text(candidate: Candidate, hits: list[Hit]) -> str | None:
    """Return the words a candidate quotes from its passage, None when it quotes the document header."""
    chunk = cited_chunk(candidate, hits)
    return None if chunk is None else chunk.text[candidate.quote[0]:candidate.quote[1]]


# A year a clause gives its fact: "Đến hết năm 2025, …", "MỤC TIÊU NĂM 2026"
_YEAR_OF = re.compile(r"(?i)\bnăm\s+((?:19|20)\d\d)\b")
_ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")  # "2030", "thời kỳ 2021 - 2030", "29/7/2025"


# A date or month that carries a year: "17-18/12/2026", "12/2026", "tháng 12 năm 2026"
_IN_DATE = re.compile(r"(?i)(?:\d{1,2}\s*[-–]\s*)?\d{1,2}/(?:\d{1,2}/)?(?:19|20)\d\d"
                      r"|tháng\s+\d{1,2}\s+năm\s+\d{4}")


# A date down to the day: "18/11/2026", "ngày 18 tháng 11 năm 2026"
_DAY_DATE = re.compile(r"(?i)\d{1,2}/\d{1,2}/\d{4}|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")


# A year a figure is compared with, which does not date it: "so với cuối năm 2024", "so với cùng kỳ năm 2024"
_COMPARED_WITH = re.compile(r"(?i)\bso với\s+(?:[^\W\d_]+\s+){0,3}năm\s+(?:19|20)\d\d\b")


# A year framing a sentence or clause: "Năm 2025, …", "Đến hết năm 2025, …" (not "trước tháng 7 năm 2025")
_YEAR_FRAME = re.compile(r"(?i)(?:^|[.;:]\s+|\n)[\W_]*(?:(?:trong|đến hết|đến cuối|tính đến|cuối|đầu)\s+)?"
                         r"năm\s+((?:19|20)\d\d)\s*,")


def other_year(analysis: QuestionAnalysis, candidate: Candidate, hits: list[Hit]) -> bool:
    """Return True when the answer's own sentence (or the heading right over it) dates its fact to a
    year, or a period, the question does not ask about: "Đến hết năm 2025, tỷ lệ che phủ rừng đạt
    47,2%" does not answer "… chỉ tiêu năm 2026", nor "vụ Đông Xuân 2026 - 2027" "vụ 2025 - 2026"."""
    chunk = cited_chunk(candidate, hits)
    # (a year only in the source the question names dates that document, not the fact: "Theo hướng dẫn
    # công tác khoa giáo năm 2026 …, cần sơ kết mấy năm thực hiện Chỉ thị …" asks of a 2021 Chỉ thị)
    frame = SOURCE_FRAME.match(analysis.text)
    years = set(_ANY_YEAR.findall(analysis.text[frame.end():])) if frame else set(analysis.years)
    if not years or chunk is None:
        return False
    if analysis.kind in (QuestionKind.DOC, QuestionKind.DOC_NUMBER):
        return False  # a document asked by its period is found among others of other years
    # the sentence and the headings over it: "II. MỤC TIÊU, CHỈ TIÊU NĂM 2026 > 2. Các chỉ tiêu chủ yếu"
    sentence = _COMPARED_WITH.sub(" ", chunk.text[candidate.quote[0]:candidate.quote[1]])
    if analysis.kind is QuestionKind.WHEN and _DAY_DATE.search(candidate.answer):
        # a date answering "ngày nào" carries its own year: "thông qua ngày 18 tháng 11 năm 2026" answers
        # "… nghị quyết về kế hoạch năm 2027 thông qua ngày nào"
        sentence = sentence.replace(candidate.answer, " ")
    # ("giảm 0,38 điểm so với cuối năm 2024" is this year's figure)
    framed = set(_YEAR_FRAME.findall(sentence))
    if framed and not framed & years:
        return True  # "Năm 2025, tổng kinh phí …" dates its fact, whatever year the heading over it gives
    said = f"{sentence} {chunk.section}"
    stated = set(_YEAR_OF.findall(said))
    # a year the question gives only in a date or month ("Tháng 12/2026 … đôn đốc gì") says when, not
    # of which year's fact: "đôn đốc chỉ tiêu giao quân năm 2027" is done in December 2026
    dated_only = not _ANY_YEAR.search(_IN_DATE.sub(" ", analysis.text))
    if stated and not dated_only and not set(_ANY_YEAR.findall(said)) & years:
        return True  # "… thời kỳ 2021 - 2030, tầm nhìn đến năm 2050" is still of the asked "2021 - 2030"
    asked_ranges = set(_YEAR_RANGE.findall(analysis.text))
    said_ranges = set(_YEAR_RANGE.findall(said))
    return bool(asked_ranges and said_ranges and not asked_ranges & said_ranges)


# A question about the present state: "… hiện nay đạt bao nhiêu", "đã đạt", "thực tế"
_NOW_ASKED = re.compile(r"\b(?:hiện nay|hiện tại|đã đạt|thực tế|hiện đang|đã tăng|đã giảm)\b")
# Where a figure is a target, not a state: "II. MỤC TIÊU > 1. Mục tiêu đến năm 2030", "phấn đấu đạt 60%"
_TARGET_SAID = re.compile(r"\b(?:mục tiêu|chỉ tiêu|phấn đấu|định hướng)\b")
_STATE_SAID = re.compile(
    r"\b(?:kết quả|đạt được|hiện nay|hiện tại|đến nay|tình hình|đánh giá chung|ước đạt|đã đạt)\b")


def target_for_now(analysis: QuestionAnalysis, candidate: Candidate, hits: list[Hit]) -> bool:
    """Return True when the question asks for a present figure and the answer is a target: "Năng suất
    lao động … hiện nay đạt bao nhiêu" is not answered by "Mục tiêu đến năm 2030: … tăng 8,5%/năm"."""
    if not _NOW_ASKED.search(match_key(analysis.text)):
        return False
    said = _said_under_headings(candidate, hits)
    if said is None:
        return False
    return bool(_TARGET_SAID.search(said)) and not _STATE_SAID.search(said)


def _said_under_headings(candidate: Candidate, hits: list[Hit]) -> str | None:
    """Return the candidate's quoted words with the heading path over them (match form), None when it
    quotes no passage."""
    chunk = cited_chunk(candidate, hits)
    if chunk is None:
        return None
    return match_key(f"{chunk.section} {chunk.text[candidate.quote[0]:candidate.quote[1]]}")


# A question about a target: "… phải đạt bao nhiêu", "chỉ tiêu … là bao nhiêu", "phấn đấu đạt"
# ("chương trình mục tiêu quốc gia" is a name, not a target)
_TARGET_ASKED = re.compile(
    r"\b(?:phải đạt|cần đạt|phấn đấu|chỉ tiêu|(?<!chương trình )mục tiêu(?! quốc gia))\b")


def now_for_target(analysis: QuestionAnalysis, candidate: Candidate, hits: list[Hit]) -> bool:
    """Return True when the question asks for a target and the answer is a result: "Đến cuối năm 2025 tỷ
    lệ … phải đạt bao nhiêu" is not answered by "II. KẾT QUẢ THỰC HIỆN > … tỷ lệ … đạt 68,5%"."""
    if analysis.kind is not QuestionKind.NUMBER or not _TARGET_ASKED.search(match_key(analysis.text)):
        return False
    said = _said_under_headings(candidate, hits)
    if said is None:
        return False
    return bool(_STATE_SAID.search(said)) and not _TARGET_SAID.search(said) and not re.search(
        r"\b(?:phải|cần|bảo đảm|đảm bảo|tối thiểu|ít nhất|đến năm|kế hoạch)\b", said)


def misgrounded(analysis: QuestionAnalysis, candidate: Candidate, record: DocumentRecord,
                hits: list[Hit], sources: tuple[str, str] | None = None) -> bool:
    """Return True when the candidate's sources lack what the question gives (`ungrounded`), its own
    sentence dates it to another year (`other_year`), or it is a target asked as a present figure
    (`target_for_now`) or the other way round (`now_for_target`), or a commune it asks of is not in its
    passage (`local_elsewhere`): the one grounding test of an answer.
    `sources` are the candidate's (`candidate_sources`) when the caller has them already."""
    return bool(ungrounded(analysis, *(sources or candidate_sources(candidate, record, hits)))
                or other_year(analysis, candidate, hits) or target_for_now(analysis, candidate, hits)
                or now_for_target(analysis, candidate, hits)
                or local_elsewhere(analysis, candidate, record, hits))


def local_elsewhere(analysis: QuestionAnalysis, candidate: Candidate, record: DocumentRecord,
                    hits: list[Hit]) -> bool:
    """Return True when a place the question asks of is not where the answer is: for an answer from the
    document's own fields, any place it names must be in its name or header; for a passage, a commune
    or ward must be in the passage or the document's own name (issuer, title, place): "tỷ lệ giải ngân
    của phường Đồng Hới" is not the figure of "UBND phường Đông Hà (đạt 68,2%)" in a provincial report
    naming Đồng Hới only where the meeting was held."""
    if candidate.hit_index is None:  # the document's own field: "Kế hoạch … của UBND tỉnh Khánh Hòa do ai
        # ký" is not the signer of a Đắk Lắk plan that mentions Khánh Hòa once
        return any(_PROVINCE_BEFORE.search(analysis.text, 0, max(0, analysis.text.find(name)))
                   and _foreign_province(record, toneless(name)) for name in analysis.names)
    if candidate.hit_index >= len(hits):
        return False
    chunk = hits[candidate.hit_index].chunk
    passage = toneless(f"{own_name(record.metadata)}\n{chunk.section}\n{chunk.text}")
    return any(_LOCAL_UNIT.search(analysis.text, 0, max(0, analysis.text.find(name)))
               and not contains_name(passage, toneless(name)) for name in analysis.names)
