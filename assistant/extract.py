"""Extractive answering: the best short answer to an analysed question from ranked passages.

Every candidate is a verbatim phrase of one passage (or of the document header, for metadata
questions) together with the clause that supports it. A candidate's score adds
  - support: how much of the question's content the supporting sentence covers,
  - fit: how well the phrase answers this kind of question (role named, deadline, unit, type),
  - a small retrieval-rank prior.
The answer calls `extract_answer`; `support` is what abstention is calibrated on. Who-answers live
in `who_answers`, list and noun answers in `list_answers`, the clauses they read in `scope`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import replace

from assistant.evidence import (
    MAX_ANSWER_CHARS,
    MAX_LIST_CHARS,
    NUMBER,
    Candidate,
    agency_in,
    asked_numbers,
    bigrams,
    item_name,
    misgrounded,
    number_key,
    question_doc_type,
    shorten,
    support,
    toneless,
)
from assistant.facts import DOC_REF, Fact, doc_refs, quantities, quoted, times
from assistant.header_answers import (
    header_candidates,
    recipient_candidates,
    self_candidates,
    signer_as_person,
    title_names,
)
from assistant.list_answers import (
    items_under_heading,
    list_candidates,
    named_by_head,
    quoted_series,
    without_excluded,
)
from assistant.model import Hit
from assistant.outline import outline_candidates
from assistant.question import METADATA_KINDS, STOPWORDS, QuestionAnalysis, QuestionKind, content_terms
from assistant.scope import (
    PHRASE_EDGE,
    SINGLING,
    Scope,
    asked_refs,
    document_name,
    leading_terms,
    nearby_fit,
    one_line,
    rank_prior,
    read_scopes,
    series_fit,
    singled_fit,
)
from assistant.spans import Clause, find_actor, folded, joined_runs, person_mentions, starts_with_verb
from assistant.who_answers import class_members, who_candidates
from indexer.abbreviations import expand_abbreviations
from indexer.model import DocumentRecord
from indexer.normalize import match_key

_DEADLINE_QUALIFIERS = ("trước", "chậm", "muộn", "hạn", "hoàn thành", "trong", "đến")


# --- candidates per question kind -----------------------------------------------------------------


def _dates_of_asked_documents(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return the date of a document the question names: "Nghị quyết số 30-NQ/TW, ngày 12/4/2024"."""
    found = []
    for scope, match in asked_refs(analysis, scopes):
        if match.group("date"):
            date = re.sub(r"^,?\s*", "", match.group("date"))
            found.append(Candidate(shorten(date), scope.rank, scope.quote, scope.support,
                                   scope.support + 0.3 + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


# A day in a time expression: "20/12", "ngày 5 tháng 9", "thứ Sáu"
_DAY = re.compile(r"\d{1,2}/\d{1,2}|ngày\s+\d{1,2}\b|\bthứ\s+\w+|chủ\s+nhật", re.I)


def _when(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return dates, deadlines and frequencies, preferring what the question asks (deadline, period)."""
    found = []
    horizon_asked = _GOAL_HORIZON.search(analysis.text)  # "tầm nhìn đến năm nào" asks for it
    for scope in scopes:
        text, clause = scope.text, scope.clause
        facts = times(text, clause.start, clause.end)
        if not facts:
            continue
        periods = [f for f in facts if f.kind == "period"]
        # a bare year the question gives ("hè 2026 … khoảng thời gian nào") or with no "trước" for a
        # deadline, or for a range, answers nothing
        dates = [f for f in facts if f.kind == "time" and not (
            (year := _BARE_YEAR.fullmatch(one_line(text, (f.start, f.end))))
            and (year.group(1) in analysis.years or analysis.ranged
                 or (analysis.deadline and not f.qualifier)))]
        if analysis.day:  # "ngày nào" is not answered by "năm 2026" or "tháng 12"
            dates = [f for f in dates if _DAY.search(text, f.start, f.end)]
            if not dates and not analysis.period:
                continue
        if analysis.hour:  # "mấy giờ" is answered by an hour, not by a day or a frequency
            dates = [f for f in dates if _HOUR_IN.search(text, f.start, f.end)]
            periods = []
        deadlines = [f for f in dates if f.qualifier.startswith(_DEADLINE_QUALIFIERS)]
        if analysis.deadline and any(_DAY.search(text, f.start, f.end) for f in deadlines):
            # "Quy hoạch … đến năm 2045, trình UBND tỉnh trước ngày 30/5/2025": the plan's horizon is no
            # deadline beside a day
            deadlines = [f for f in deadlines if not _BARE_YEAR.fullmatch(one_line(text, (f.start, f.end)))]
        # a date that recurs is a period too: "trước ngày 20 hằng tháng" for "định kỳ vào thời điểm nào"
        periods += [f for f in dates if re.search(r"\b(?:hằng|hàng|mỗi)\b", text[f.start:f.end])]
        if analysis.period and not periods:
            continue  # "bao lâu một lần" is not answered by a date
        # "định kỳ vào ngày nào trong tuần" asks the day of the period: "vào thứ Sáu hằng tuần"
        by_period = analysis.period and not (analysis.day and dates)
        # "từ khi nào đến khi nào" takes both ends, not only the "đến …" one
        chosen: list[Fact] = (periods if by_period
                              else (dates if analysis.ranged else deadlines) or dates or periods)
        if analysis.period and not by_period:
            chosen = sorted(chosen + periods, key=lambda f: f.start)
        if not chosen:
            continue
        fits = [nearby_fit(analysis, text, clause, f) - _dated_reference(analysis, text, clause, f)
                + series_fit(analysis, text, clause.start, f.start)
                + singled_fit(analysis, text, clause.start, f.start)
                - (0.1 if not horizon_asked and _GOAL_HORIZON.search(text, max(clause.start, f.start - 25),
                                                                       f.start) else 0.0)
                for f in chosen]
        if not analysis.plural and not analysis.ranged and max(fits) - min(fits) >= 0.08:
            # of several dates in one clause, the one the question points at ("những tháng nào" takes all)
            chosen = [f for f, value in zip(chosen, fits, strict=True) if value == max(fits)]
        fit = 0.1 + max(fits)
        whole = one_line(text, (chosen[0].start, chosen[-1].end))
        if (analysis.ranged or analysis.plural) and re.search(r"\bđến\b|[-–]", whole):
            fit += 0.1  # "từ ngày nào đến ngày nào", "vào những ngày nào" are answered by a range
        if analysis.period:
            fit += 0.1 if periods else -0.05
        if analysis.deadline:
            fit += 0.1 if deadlines else -0.05
        first, last = chosen[0], chosen[-1]
        if analysis.period and periods and deadlines:  # "định kỳ hằng quý … trước ngày 20"
            first, last = min(periods[0], deadlines[0], key=lambda f: f.start), max(
                periods[-1], deadlines[-1], key=lambda f: f.end)
        span = (first.start, last.end) if last.end - first.start <= 160 else (first.start, first.end)
        opened = text.find("(", *span)
        if opened > first.end and text.find(")", opened, span[1]) < 0:
            span = (span[0], len(text[:opened].rstrip()))  # "vào thứ Sáu hằng tuần (từ ngày 01/01/2027"
        value = one_line(text, span)
        if _BARE_YEAR.fullmatch(value) and not re.search(r"\bnăm nào\b", match_key(analysis.text)):
            fit -= 0.05  # a date or a month says more than a year
        found.append(Candidate(shorten(value), scope.rank, scope.quote, scope.support,
                               scope.support + fit + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found + _dates_of_asked_documents(analysis, scopes)


# An hour inside a time: "16 giờ 00", "11h00"
_HOUR_IN = re.compile(r"\d\s*(?:giờ|h)\b|\dh\d", re.I)
# A time that is only a year: "năm 2026", "trong năm 2026"
_BARE_YEAR = re.compile(r"(?i)(?:(?:trong|vào|đến|từ|cuối|đầu|giữa|sau)\s+)?năm\s+((?:19|20)\d\d)")


# Words before a time that make it a goal's horizon, not a deadline: "phấn đấu đến năm 2030 …"
_GOAL_HORIZON = re.compile(r"(?i)phấn đấu|tầm nhìn|mục tiêu")


def _dated_reference(analysis: QuestionAnalysis, text: str, clause: Clause, fact: Fact) -> float:
    """Return a penalty for the date of a referenced document the question does not name: in
    "Nghị quyết số 06/2021/NQ-HĐND ngày 17 tháng 3 năm 2021 … hết hiệu lực", the date is the old
    resolution's, not when anything takes effect."""
    for ref in doc_refs(text, clause.sentence_start, fact.start):
        if fact.start - ref.end <= 3 and not text[ref.end:fact.start].strip(" ,"):
            number = DOC_REF.match(text, ref.start)
            asked = number is not None and number_key(number.group("number")) in asked_numbers(analysis)
            return 0.0 if asked else 0.3
    return 0.0


# A number asked by the noun it follows: "thang điểm mấy?", "lần thứ bao nhiêu?" (the last words before it)
# ("… lần thứ bao nhiêu của Đảng?": a short "của …" may close the question)
# (the noun is words, not "là" or a number: "… giai đoạn 2026-2030 là bao nhiêu" names no label)
_NUMBERED_NOUN = re.compile(r"(?<!\w)((?!là\b)[^\W\d]+(?: (?!là\b)[^\W\d]+)?) (?:mấy|bao nhiêu|số mấy)"
                            r"(?: của(?: \w+){1,4})?\s*\??\s*$")


def _numbered(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return the number written right after the noun the question ends on: "theo thang điểm 20" for
    "… chấm theo thang điểm mấy?" (a label number, not a quantity with a unit after it)."""
    asked = _NUMBERED_NOUN.search(match_key(analysis.text))
    if not asked:
        return []
    noun = asked.group(1)
    if analysis.ranged:  # "từ lớp mấy đến lớp mấy": the noun is "lớp"
        noun = re.sub(r"^(?:từ|đến)\s+", "", noun)
    label = re.compile(rf"(?<!\w){re.escape(noun)}\s+((?:\d+(?:[.,]\d+)*|[IVXLC]+)\b)", re.I)
    found = []
    for scope in scopes:
        text, clause = scope.text, scope.clause
        matches = list(label.finditer(text, clause.start, clause.end))
        for first, last in zip(matches, matches[1:], strict=False):
            joined = re.fullmatch(r"\s*(?:-\s*)?(?:đến\s+)?", text[first.end():last.start()])
            if analysis.ranged and joined and (first.end() < last.start()):
                # "từ lớp mấy đến lớp mấy": "từ lớp 6 - đến lớp 12"
                opening = first.start() - (3 if text[max(0, first.start() - 3):first.start()] == "từ " else 0)
                found.append(Candidate(one_line(text, (opening, last.end())), scope.rank, scope.quote,
                                       scope.own, scope.support + 0.45 + rank_prior(scope.rank),
                                       scope.hit.doc.doc_id))
        for match in matches:
            leading = leading_terms(analysis, text, max(clause.start, match.start() - 60), match.start())
            fit = 0.25 + 0.05 * leading + nearby_fit(analysis, text, clause, Fact("label", *match.span())) / 4
            found.append(Candidate(one_line(text, match.span()), scope.rank, scope.quote, scope.own,
                                   scope.support + fit + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


def _number(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return quantities with their unit, preferring the unit the question counts."""
    from assistant.question import content_terms as terms_of

    unit_terms = terms_of(analysis.unit) if analysis.unit and analysis.unit != "%" else ()
    asked_unit = _counted_words(analysis)
    money = bool(_MONEY_WORDS & set(bigrams(analysis.terms)))
    per = _per_unit(analysis)
    found = []
    for scope in scopes:
        text, clause = scope.text, scope.clause
        for fact in quantities(text, clause.start, clause.end):
            phrase = text[fact.start:fact.end]
            words = phrase.split()
            lead = len(fact.qualifier.split()) + 1  # "tối đa 06" before "thí sinh"
            if fact.unit_start >= 0:
                lead = len(text[fact.start:fact.unit_start].split())  # "ít nhất hai phần ba (2/3) tổng số"
            following = terms_of(" ".join(words[lead:]))
            if unit_terms and following[:1] in (("triệu",), ("nghìn",), ("ngàn",), ("tỷ",)) and (
                    unit_terms[0] not in _CURRENCY):  # "1,52 triệu tài khoản" counts "tài khoản"
                following, lead = following[1:], lead + 1
            fit = 0.1 + nearby_fit(analysis, text, clause, fact) + series_fit(analysis, text, clause.start,
                                                                              fact.start)
            # a quantity of another unit does not answer: "bao nhiêu km" is not "11 xã"
            if analysis.unit == "%":
                if "%" not in phrase and "phần trăm" not in phrase:
                    continue
                keep = len(words)
            elif unit_terms:
                wanted = _UNIT_ALIASES.get(unit_terms[0], {unit_terms[0]})
                if unit_terms[0] in _PEOPLE:  # "bao nhiêu đại biểu" may be counted "khoảng 260 người"
                    wanted = frozenset(wanted | {"người"})
                if not following or following[0] not in wanted:
                    continue
                if (len(unit_terms) > 1 and unit_terms[0] in _COUNTERS and following[1:2]
                        and unit_terms[1:2] != following[1:2]):
                    continue  # "bao nhiêu vụ cháy" is not "187 vụ tai nạn" (but is "96.420 lượt;")
                same = 1  # "bao nhiêu ha lúa" keeps "12.300 ha" of "12.300 ha có nguy cơ …"
                counted = asked_unit if asked_unit[:len(unit_terms)] == unit_terms else unit_terms
                # "bao nhiêu hộ gia đình" keeps "312 hộ gia đình" (the question's words after its unit too)
                while same < min(len(counted), len(following), 4) and following[same] == counted[same]:
                    same += 1
                keep = lead + (_money_words(following) if wanted is _CURRENCY else same)
                fit += 0.08 * (same - 1)  # "150.000 lượt người" names the whole unit, "96.420 lượt" part
                working = [w.lower() for w in words[lead + same:lead + same + 2]] == ["làm", "việc"]
                if working and unit_terms[0] in _DAYS:
                    keep += 2  # "03 ngày làm việc" is not "03 ngày"
            elif money:
                if not following or following[0] not in _CURRENCY:
                    continue
                keep = lead + _money_words(following)
            else:  # up to two words of unit, not a verb or function word: "12 được phê duyệt" is "12"
                unit = itertools.takewhile(lambda w: w.lower() not in STOPWORDS, words[lead:lead + 2])
                keep = lead + len(list(unit))
            fit += _described_alike(analysis, asked_unit, text, fact, clause.end)
            answer = " ".join(words[:keep]).rstrip(",;:.")
            rate = _RATE_AFTER.match(text, fact.end, clause.end) if keep >= len(words) else None
            if per and rate:  # "mỗi héc-ta" is answered by "40 triệu đồng/ha", not "120 triệu đồng/hộ"
                said = _UNIT_SPELLINGS.get(rate.group(1).lower(), rate.group(1).lower())
                fit += 0.1 if said == per else -0.05
                answer += f"/{rate.group(1)}" if said == per else ""
            # a number answers only with the question's words in its own clause: "phân tích tăng trưởng
            # 9 tháng …; phấn đấu đạt 8% cả năm" does not give the 9-month growth
            found.append(Candidate(answer, scope.rank, scope.quote, scope.own,
                                   scope.support + fit + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


# A small count written in words: "hai tỉnh", "ba nhóm nhiệm vụ" (not "năm", which is also "year")
_SPELLED_COUNT = re.compile(r"(?<!\w)(hai|ba|bốn|sáu|bảy|tám|chín|mười)\s+(?=[^\W\d_])", re.I)


def _spelled_counts(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return counts written in words followed by the whole unit the question counts: "hai tỉnh" for
    "có bao nhiêu tỉnh" (a unit of two words must follow whole: "ba học kỳ" is no "học sinh")."""
    unit_terms = content_terms(analysis.unit) if analysis.unit and analysis.unit != "%" else ()
    if not unit_terms:
        return []
    found = []
    for scope in scopes:
        text, clause = scope.text, scope.clause
        for match in _SPELLED_COUNT.finditer(text, clause.start, clause.end):
            unit = re.match(rf"(?:\s*[^\W\d_]+){{1,{len(unit_terms)}}}", text[match.end():clause.end])
            if unit is None or content_terms(unit.group(0)) != unit_terms:
                continue
            fact = Fact("quantity", match.start(), match.end() + unit.end())
            fit = 0.05 + nearby_fit(analysis, text, clause, fact)
            found.append(Candidate(one_line(text, (fact.start, fact.end)), scope.rank, scope.quote, scope.own,
                                   scope.support + fit + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


def _money_words(following: tuple[str, ...]) -> int:
    """Return how many currency words follow an amount: "15.000.000 đồng và cờ" keeps "đồng"."""
    return max(1, len(list(itertools.takewhile(lambda word: word in _CURRENCY, following))))


def _counted_words(analysis: QuestionAnalysis) -> tuple[str, ...]:
    """Return the content terms after "bao nhiêu"/"mấy": the counted thing and what is said of it
    ("bao nhiêu ha lúa có nguy cơ bị ảnh hưởng" -> ("ha", "lúa", "có", "nguy", …))."""
    asked = re.search(r"(?:bao nhiêu|mấy)\s+(.+)", match_key(analysis.text))
    return content_terms(asked.group(1)) if asked else ()


# The unit of a rate the question asks: "bao nhiêu tiền mỗi héc-ta" -> "ha" (of "40 triệu đồng/ha")
_PER_UNIT = re.compile(r"\b(?:mỗi|trên mỗi|cho mỗi)\s+([^\W\d_]+(?:-[^\W\d_]+)?)|/\s*([^\W\d_]+)")
_UNIT_SPELLINGS = {"héc-ta": "ha", "hécta": "ha", "hecta": "ha", "hec-ta": "ha", "ki-lô-mét": "km"}
# The rate unit written right after an amount: "40 triệu đồng/ha", "120 triệu đồng/ hộ"
_RATE_AFTER = re.compile(r"\s*/\s*([^\W\d_]+(?:-[^\W\d_]+)?)")


def _per_unit(analysis: QuestionAnalysis) -> str | None:
    """Return the unit a question asks an amount per ("mỗi héc-ta" -> "ha"), None when it asks no rate."""
    asked = _PER_UNIT.search(match_key(analysis.text))
    if not asked:
        return None
    unit = asked.group(1) or asked.group(2)
    return _UNIT_SPELLINGS.get(unit, unit)


def _described_alike(analysis: QuestionAnalysis, counted: tuple[str, ...], text: str, fact: Fact,
                     end: int) -> float:
    """Return a bonus for a quantity followed by the words that follow the unit in the question
    (`counted`, from `_counted_words`).

    "… gieo sạ 98.500 ha, trong đó khoảng 12.300 ha có nguy cơ bị ảnh hưởng …" for "bao nhiêu ha lúa có
    nguy cơ bị ảnh hưởng": what the question says of the counted thing says which number it asks.
    """
    if not counted or not analysis.unit or analysis.unit == "%":
        return 0.0  # "… bao nhiêu % kế hoạch vốn": a percentage's "kế hoạch" is said of most of them
    wanted = set(counted[1:6])  # after the unit: "lúa có nguy cơ bị ảnh hưởng"
    after = PHRASE_EDGE.search(text, fact.end, end)
    said = set(content_terms(text[fact.end:after.start() if after else end])[:6])
    return 0.1 if len(wanted & said) >= 2 else 0.0


# Nouns of those who do a task: "những xã nào", "các sở nào", "những đơn vị nào"
_DOER_NOUNS = frozenset({"xã", "huyện", "phường", "tỉnh", "sở", "ban", "ngành", "cơ", "đơn", "địa", "phòng",
                         "trường", "bệnh", "tổ"})
# first syllables of counted people: "đại biểu", "cán bộ", "đảng viên", "học viên", "lượt người", …
_PEOPLE = frozenset({"người", "đại", "cán", "đảng", "học", "hội", "lượt", "thành", "công"})
# Counter words whose next word says what is counted: "vụ cháy", "lượt khách", "lớp học"
_COUNTERS = frozenset({"vụ", "lượt", "lần", "đợt", "cuộc", "con", "chiếc", "lớp"})
_DAYS = frozenset({"ngày", "tuần", "tháng"})
_CURRENCY = frozenset({"đồng", "triệu", "tỷ", "nghìn", "ngàn", "vnđ", "usd"})
# A unit as the question names it -> the words a passage writes it with: "bao nhiêu tiền" is "2.350
# triệu đồng", "bao nhiêu héc-ta" is "612,4 ha"
_HECTARE = frozenset({"ha", "héc-ta", "hécta", "hecta", "héc"})
_UNIT_ALIASES: dict[str, frozenset[str]] = {
    "người": _PEOPLE, "tiền": _CURRENCY, "kinh": _CURRENCY, **{word: _HECTARE for word in _HECTARE},
    **{word: _CURRENCY for word in _CURRENCY},  # "mấy triệu" keeps "100 triệu đồng"
    "km": frozenset({"km", "ki-lô-mét"}), "ki-lô-mét": frozenset({"km", "ki-lô-mét"}),
}
_MONEY_WORDS = frozenset({"kinh phí", "ngân sách", "mức hỗ", "mức chi", "mức lương", "phụ cấp", "số tiền",
                          "mức thưởng", "nguồn vốn", "tổng vốn", "mức phạt", "tiền phạt", "mức thu",
                          "lệ phí", "mức đóng"})


# A document type word as written: "Chương trình phối hợp", "Kế hoạch", "Nghị quyết"
_TYPE_WORD = re.compile(r"(?i)\b(nghị quyết|chỉ thị|kết luận|quyết định|kế hoạch|hướng dẫn|thông báo|"
                        r"chương trình|"
                        r"công văn|thông tư|nghị định|quy định|quy chế|đề án|báo cáo|tờ trình|luật)\b")


def _type_before(text: str, clause: Clause, fact: Fact) -> str | None:
    """Return the document type a bare "Số 04-CTPH/…" inherits: the last type word before it in its sentence.

    "… các Chương trình phối hợp … (Số 02-CTPH/SNV-STP …; Số 03-…)" gives "Chương trình".
    """
    # capitalised, as a reference writes its type: the "luật" of "chính sách, pháp luật" is none
    words = [m for m in _TYPE_WORD.finditer(text, clause.sentence_start, fact.start)
             if m.group(1)[0].isupper()]
    return words[-1].group(1) if words else None


def _doc(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return referenced documents, preferring the asked type and not the document itself."""
    found = []
    asked = asked_numbers(analysis)
    asked_type = analysis.doc_type or (question_doc_type(analysis) if analysis.kind is QuestionKind.DOC_NUMBER
                                       else None)
    for scope in scopes:
        text, clause = scope.text, scope.clause
        refs = doc_refs(text, clause.start, clause.end)
        fits: dict[int, float] = {}  # by a reference's start
        for fact in refs:
            fit = 0.1
            bare = match_key(fact.qualifier) == "số"
            ref_type = _type_before(text, clause, fact) if bare else fact.qualifier
            same_type = match_key(ref_type).startswith(asked_type) if asked_type and ref_type else None
            if same_type is False and analysis.kind is QuestionKind.DOC_NUMBER:
                continue  # "Kế hoạch … có số hiệu gì" is not answered by a Nghị quyết's số hiệu
            if same_type is not None:
                # "chương trình nào": a Chương trình, not the Quyết định named next to it
                fit += 0.12 if same_type else -0.08
            own = scope.hit.doc.number
            if own and own.replace(" ", "") in text[fact.start:fact.end].replace(" ", ""):
                fit -= 0.15
            number = DOC_REF.match(text, fact.start)
            if number and number_key(number.group("number")) in asked:
                fit -= 0.3  # the question names this document; it asks for another one
            issuer = number.group("issuer") if number else None
            if issuer and set(content_terms(issuer)) <= set(analysis.terms):
                fit += 0.1  # "nghị quyết nào của Bộ Chính trị": "Nghị quyết số 68-NQ/TW … của Bộ Chính trị"
            # what this reference is about: its words up to the next reference
            following = [r.start for r in refs if r.start > fact.start]
            about = text[fact.start:min(following[0] if following else clause.end, fact.end + 160)]
            fit += 0.15 * support(analysis, about)
            # "Chương trình số 12 … thực hiện Nghị quyết số 30" answers "chương trình nào thực hiện NQ 30"
            related = text[fact.end:min(clause.end, fact.end + 250)]
            around = text[max(clause.start, fact.start - 250):min(clause.end, fact.end + 250)]
            if asked and analysis.kind is QuestionKind.DOC_NUMBER and not any(
                    number_key(n) in asked for n in NUMBER.findall(around)):
                continue  # "Kế hoạch thực hiện Chỉ thị 52 có số hiệu gì": a plan named beside Chỉ thị 52
            if asked and any(number_key(n) in asked for n in NUMBER.findall(related)):
                fit += 0.1
            fits[fact.start] = fit
            found.append(Candidate(shorten(one_line(text, (fact.start, fact.end))), scope.rank, scope.quote,
                                   scope.support, scope.support + fit + rank_prior(scope.rank),
                                   scope.hit.doc.doc_id))
        if analysis.plural:  # "theo những thông tư nào": "Thông tư số 148/… và Thông tư số 105/…" together
            starts = {fact.end: fact.start for fact in refs}  # of the last reference of a run
            for first, last in joined_runs(text, [(fact.start, fact.end) for fact in refs]):
                fit = max(fits.get(first, 0.0), fits.get(starts[last], 0.0)) + 0.05
                found.append(Candidate(shorten(one_line(text, (first, last)), MAX_LIST_CHARS),
                                       scope.rank, scope.quote, scope.support,
                                       scope.support + fit + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


def _best_window(analysis: QuestionAnalysis, text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Return the comma-separated window of a long sentence that covers most question terms in ≤200 chars."""
    start, end = span
    if end - start <= MAX_ANSWER_CHARS:
        return span
    cuts = [start] + [m.end() for m in re.finditer(r",\s+", text[start:end])] + [end - start]
    cuts = sorted({start} | {start + c for c in cuts[1:-1]} | {end})
    best, best_score = (start, start), -1.0
    for i, left in enumerate(cuts):
        for right in cuts[i + 1:]:
            if right - left > MAX_ANSWER_CHARS:
                break
            score = support(analysis, text[left:right]) + (right - left) / 10_000
            if score > best_score:
                best, best_score = (left, right), score
    return best if best[1] > best[0] else (start, start + MAX_ANSWER_CHARS)


_STOP = STOPWORDS
_TOKEN_SPAN = re.compile(r"\w+(?:[-/.]\w+)*")


def _anchored(analysis: QuestionAnalysis, text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """Return the span from the longest run of question words in a sentence to the end of its clause.

    "… tăng cường liên kết giữa hợp tác xã với nông hộ và doanh nghiệp chế biến; …" for "liên kết
    giữa các chủ thể nào" gives "liên kết giữa hợp tác xã với nông hộ và doanh nghiệp chế biến": the
    words after the ones the question repeats are what it asks for. None when the run ends the clause.
    """
    terms, focus = set(analysis.terms), set(analysis.focus)
    key = folded(text).lower()
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN_SPAN.finditer(key, span[0], span[1])]
    best: tuple[int, int, int, int] | None = None  # (weight, length, start, end) of the best run
    run_start, run_len, run_focus = -1, 0, 0
    for start, end, token in tokens:
        if token in terms:
            if run_len == 0:
                run_start, run_focus = start, 0
            run_len += 1
            run_focus += token in focus
            # words the question puts right before its question word count double
            weight = run_len + 2 * run_focus
            if best is None or weight > best[0]:
                best = (weight, run_len, run_start, end)
        elif token not in _STOP:
            run_len = 0
    if best is None or best[1] < 2:
        return None
    _, _, run_begin, run_stop = best
    stops = (text.find(";", run_stop, span[1]), text.find(". ", run_stop, span[1]))
    clause_end = min([p for p in stops if p >= 0] or [span[1]])
    if analysis.kind is QuestionKind.LIST or "những" in analysis.focus or re.search(
            r"\bnhững\b", match_key(analysis.text)):  # a list runs over its "; "-separated items
        clause_end = span[1]
    if len(text[run_stop:clause_end].strip(" ,.:;")) < 3:
        return None
    return run_begin, clause_end


def _unnumbered(heading: str) -> str:
    """Return a heading in match form without its numbering: "II. MỤC TIÊU:" -> "mục tiêu"."""
    return re.sub(r"^(?:[ivxlc]+|\d+(?:\.\d+)*)[.)]?\s+", "", match_key(heading)).strip(" .:")


def _is_heading_line(scope: Scope) -> bool:
    """Return whether a clause is a short heading of its passage's section path ("2. Địa điểm")."""
    said = _unnumbered(one_line(scope.text, (scope.clause.sentence_start, scope.clause.sentence_end)))
    parts = [_unnumbered(part) for part in scope.hit.chunk.section.split(" > ")]
    # a longer one may say more: "Văn phòng Tỉnh ủy - Cơ quan Thường trực Ban Chỉ đạo"
    return bool(said) and said in parts and len(said.split()) <= 5


# A clause singling out one case: "…; riêng môn Tin học …", "…, đối với hộ nghèo …" (the words it names)
_SINGLED_OUT = re.compile(rf"(?:^|[,;:]\s*)((?:{SINGLING})\s+((?:[^\W\d_]+\s+){{1,3}}))", re.I | re.M)


def _singled_out(analysis: QuestionAnalysis, text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """Return the rest of a sentence from a clause singling out the case the question names: of "Các
    môn thi theo hình thức tự luận; riêng môn Tin học thi thực hành trên máy tính", "Môn Tin học thi
    theo hình thức nào" is answered after "riêng"."""
    asked = set(analysis.terms)
    for match in _SINGLED_OUT.finditer(text, span[0], span[1]):
        named = content_terms(match.group(2))[:3]
        if named and set(named) <= asked and match.start(1) > span[0]:
            return match.start(1), span[1]
    return None


def _what(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return the best-matching sentences, and quoted names introduced by question words."""
    found = named_by_head(analysis, scopes) + (quoted_series(scopes) if analysis.plural else [])
    question_terms = set(analysis.terms)
    contact = _asked_contact(analysis)
    for scope in scopes:
        text, clause = scope.text, scope.clause
        whole_sentence = scope.quote == (clause.sentence_start, clause.sentence_end)
        if clause.start != clause.sentence_start and whole_sentence:
            continue  # one candidate per short sentence
        if _is_heading_line(scope):
            continue  # "I. MỤC ĐÍCH, YÊU CẦU" names a part of the document; it answers nothing
        quote = scope.quote
        if analysis.kind is QuestionKind.LIST:  # a list is read over its whole sentence
            quote = (clause.sentence_start, clause.sentence_end)
        singled = _singled_out(analysis, text, quote)
        anchored = _anchored(analysis, text, singled or quote)
        window = anchored or _best_window(analysis, text, singled or quote)
        # of two clauses of one long sentence, the one matching the question; and a sentence that goes
        # on after the words the question repeats (where its answer would be) over one that stops there
        lead_in = text[window[0]:window[1]].rstrip().endswith(":")
        fit = 0.05 * scope.own + (0.05 if anchored else -0.05) + (0.1 if singled and not lead_in else 0.0)
        if analysis.head and content_terms(text[window[0]:window[1]])[-len(analysis.head):] == analysis.head:
            fit -= 0.1  # "… tại các huyện miền núi." stops at the noun asked about and never says which
        if lead_in:
            fit -= 0.1  # a lead-in "… không tự làm được:" says what follows, not what it is
        limit = MAX_LIST_CHARS if analysis.plural else MAX_ANSWER_CHARS
        found.append(Candidate(shorten(without_excluded(analysis, one_line(text, window)), limit), scope.rank,
                               quote, scope.support,
                               scope.support + fit + rank_prior(scope.rank), scope.hit.doc.doc_id))
        if analysis.kind is QuestionKind.WHAT and contact is None:
            # over the whole sentence when it is read once: a name may sit in its second clause
            names = quoted(text, *(quote if whole_sentence else (clause.start, clause.end)))
            for fact in names:
                if analysis.plural and any(min(abs(other.start - fact.end), abs(fact.start - other.end)) <= 25
                                           for other in names if other is not fact):
                    continue  # one of a series: "những giải nào" takes them all (`quoted_series`)
                introduced = set(content_terms(fact.qualifier)) & question_terms
                if analysis.plural and analysis.head and not introduced & set(analysis.head):
                    introduced = set()  # "những dự án cao tốc nào" is not "thi công “3 ca, 4 kíp”"
                opens = analysis.preposition and re.match(rf"[“\"]{analysis.preposition}\b",
                                                          folded(text[fact.start:fact.end]).lower())
                if introduced or opens:  # "phương châm “…”" for "phương châm … là gì", "“về …”" for "về gì"
                    fit = 0.05 + 0.08 * len(introduced) + (0.15 if opens else 0.0)
                    found.append(Candidate(shorten(one_line(text, (fact.start, fact.end))), scope.rank,
                                           scope.quote, scope.support,
                                           scope.support + fit + rank_prior(scope.rank),
                                           scope.hit.doc.doc_id))
        if contact is not None:
            for match in contact.finditer(text, clause.start, clause.end):
                found.append(Candidate(match.group(0).rstrip(".,;)"), scope.rank, scope.quote,
                                       scope.support, scope.support + 0.2 + rank_prior(scope.rank),
                                       scope.hit.doc.doc_id))
    return found


# A question about what an agency must do: "X có nhiệm vụ gì", "X được giao làm gì", "trách nhiệm gì"
_TASK_ASKED = re.compile(r"nhiệm vụ|làm gì|trách nhiệm gì|được giao (?:những )?(?:gì|việc gì)|phải làm")


def _tasks_of_agency(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return what the agency a question names is tasked with: the item under a heading naming it
    ("7. Thuế tỉnh Gia Lai" > "- Đẩy mạnh hóa đơn điện tử …") or the words after it as the actor of a
    clause ("Sở Tư pháp thẩm định dự thảo …"), for "Thuế tỉnh Gia Lai được giao làm gì?"."""
    if not analysis.agencies or not _TASK_ASKED.search(match_key(analysis.text)):
        return []
    found = []
    for scope in scopes:
        text, clause = scope.text, scope.clause
        if clause.start != clause.sentence_start:
            continue  # one task per sentence
        heading = scope.hit.chunk.section.split(" > ")[-1]
        task: tuple[int, int] | None = None
        if starts_with_verb(text, clause.start) and _names_agency(heading, analysis.agencies):
            task = (clause.sentence_start, clause.sentence_end)
        else:
            actor = find_actor(text, clause.sentence_start, clause.sentence_end)
            if actor is not None and _names_agency(text[actor.name[0]:actor.name[1]], analysis.agencies):
                task = (actor.role_phrase[0] if actor.role_phrase else actor.name[1], clause.sentence_end)
        if task is None or task[1] - task[0] < 8:
            continue
        backing = max(scope.support, support(analysis, f"{heading} {text[task[0]:task[1]]}", "",
                                             document_name(scope.hit)))
        found.append(Candidate(shorten(one_line(text, task).rstrip(" ;.")), scope.rank, scope.quote, backing,
                               backing + 0.2 + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


def _names_agency(name: str, agencies: tuple[str, ...]) -> bool:
    """Return True when a heading or actor names one of the question's agencies."""
    spelled_out = toneless(expand_abbreviations(name))
    return any(agency_in(spelled_out, agency) for agency in agencies)


# Where something is held: "tổ chức tại Hội trường A, Trung tâm Hội nghị tỉnh (số 09 …)"
#   (?:tại|ở)\s+          the preposition
#   ([^;.\n()]{3,120}?)    the place, up to a bracket, a semicolon, a sentence end or a date
_AT_PLACE = re.compile(
    r"(?<!\w)(?:tại|ở)\s+([^;.\n()]{3,120}?)(?=\s*(?:[;.\n(]|$|,?\s*(?:từ|vào|trong|ngày)\s))")


def _row_cells(analysis: QuestionAnalysis, scopes: list[Scope], label: str) -> list[Candidate]:
    """Return the cell of a schedule row the question asks by its label, backed by the whole row:
    "- 15/12. Thời gian: 7h30. Nội dung: … Địa điểm: Hội trường Huyện ủy." gives "Hội trường Huyện
    ủy" for label "Địa điểm" (one reading per row)."""
    cell = re.compile(rf"(?<=\.\s){label}\s*:\s*([^.\n]{{3,200}})")
    asked_days = {(int(d), int(m)) for d, m in re.findall(r"(?<!\d)(\d{1,2})/(\d{1,2})(?!\d)", analysis.text)}
    found = []
    rows: set[tuple[int, int]] = set()
    for scope in scopes:
        text, clause = scope.text, scope.clause
        line_end = text.find("\n", clause.start)
        row = (clause.item_start, len(text) if line_end < 0 else line_end)
        labelled = cell.search(text, *row)
        if labelled is None or (scope.rank, row[0]) in rows:
            continue
        rows.add((scope.rank, row[0]))
        backing = support(analysis, text[row[0]:row[1]], scope.hit.chunk.section, document_name(scope.hit))
        fit = 0.3
        day = re.match(r"[\s\-+•]*(\d{1,2})/(\d{1,2})(?!\d)", text[row[0]:row[1]])
        if asked_days and day:  # the row of the day the question gives: "Chiều 24/12/2026 …" is "- 24/12"
            fit += 0.15 if (int(day.group(1)), int(day.group(2))) in asked_days else -0.1
        found.append(Candidate(shorten(one_line(text, labelled.span(1))), scope.rank, row, backing,
                               backing + fit + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


def _venues(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return where the question's event is held: the place cell of a schedule row, the item under an
    "Địa điểm" heading, or the place after "tại"/"ở" in a clause ("Hội nghị tổ chức tại Hội trường A,
    Trung tâm Hội nghị tỉnh")."""
    if not analysis.venue:
        return []
    found = _row_cells(analysis, scopes, "Địa điểm")
    for scope in scopes:
        text, clause = scope.text, scope.clause
        heading = match_key(scope.hit.chunk.section.split(" > ")[-1])
        at_place = list(_AT_PLACE.finditer(text, clause.start, clause.end))
        if "địa điểm" in heading and clause.start == clause.sentence_start and not at_place:
            place = re.split(r"\s*\(", one_line(text, (clause.sentence_start, clause.sentence_end)))[0]
            if "địa điểm" in match_key(place):
                continue  # the heading line itself
            found.append(Candidate(shorten(place.rstrip(" .;")), scope.rank, scope.quote, scope.support,
                                   scope.support + 0.3 + rank_prior(scope.rank), scope.hit.doc.doc_id))
        for match in at_place:
            fact = Fact("place", match.start(1), match.end(1))
            fit = 0.1 + nearby_fit(analysis, text, clause, fact) + (0.1 if "địa điểm" in heading else 0.0)
            found.append(Candidate(shorten(one_line(text, match.span(1))), scope.rank, scope.quote,
                                   scope.support, scope.support + fit + rank_prior(scope.rank),
                                   scope.hit.doc.doc_id))
    return found


# A question asking what its subject is: "Chủ tịch Hội đồng … là chức danh nào?", "Tổ trưởng Tổ Thư ký là
# người giữ chức vụ gì?", "Cơ quan thường trực của Hội đồng là cơ quan nào?"
_WHAT_IS = re.compile(
    r"^(.+?)\s+là\s+(?:người\s+)?(?:giữ\s+)?(?:chức vụ|chức danh|cơ quan|đơn vị|ai|gì|người)\b")
# A clause saying what its subject is: "Chủ tịch Hội đồng là Phó Chủ tịch UBND tỉnh phụ trách …"
#   ([^.;:\n]{3,80}?)\s+là\s+   the subject, then "là"
#   ([^;.\n]{3,200})           what it is
_IS_SENTENCE = re.compile(r"([^.;:\n]{3,80}?)\s+là\s+([^;.\n]{3,200})")


def _definitions(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return what the text says the question's subject is, when its own subject is how the question
    opens: "Chủ tịch Hội đồng là Phó Chủ tịch UBND tỉnh phụ trách lĩnh vực nội chính, có nhiệm vụ …"
    answers "Chủ tịch Hội đồng phối hợp … tỉnh Khánh Hòa là chức danh nào?" (not "Phó Chủ tịch Hội
    đồng là …", whose subject the question does not open with)."""
    asked = _WHAT_IS.match(match_key(analysis.text))
    if not asked:
        return []
    subject = content_terms(asked.group(1))
    found = []
    for scope in scopes:
        text, clause = scope.text, scope.clause
        if clause.start != clause.sentence_start:
            continue
        # the sentence, or a line of it (a heading line "Chủ tịch Hội đồng" may run into it)
        sentence = text[clause.sentence_start:clause.sentence_end]
        starts = [clause.sentence_start] + [clause.sentence_start + m.end()
                                            for m in re.finditer(r"\n\s*", sentence)]
        matches = [m for m in (_IS_SENTENCE.match(text, at, clause.sentence_end) for at in starts) if m]
        match = next((m for m in matches if _opens_with(subject, content_terms(m.group(1)))), None)
        if match is None:
            continue
        value = match.span(2)
        cut = _WHAT_IT_DOES.search(text, *value)
        if cut is not None:
            value = (value[0], cut.start())  # "…, có nhiệm vụ, quyền hạn sau" tells more than asked
        found.append(Candidate(shorten(one_line(text, value)), scope.rank, scope.quote, scope.support,
                               scope.support + 0.25 + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


# What a definition goes on to say the subject does: ", có nhiệm vụ, quyền hạn sau", ", giúp Chủ tịch …"
_WHAT_IT_DOES = re.compile(r",\s+(?:có nhiệm vụ|có trách nhiệm|chịu trách nhiệm|giúp|thực hiện|được)\b")


def _opens_with(subject: tuple[str, ...], said: tuple[str, ...]) -> bool:
    """Return whether the question's subject opens with what a sentence is about (two words at least)."""
    return len(said) >= 2 and tuple(subject[:len(said)]) == tuple(said)


# A question about the office a named person holds: "giữ chức vụ gì", "chức danh là gì", "cương vị nào"
_POSITION_ASKED = re.compile(r"chức vụ|chức danh|giữ chức|cương vị|đảm nhiệm")
# The offices after a name: " - Ủy viên …, Bí thư Tỉnh ủy" up to the verb, ";", "." or a bracket
#   \s*[-–,(]\s*             the dash, comma or bracket opening the apposition
#   ([^;.()]{3,160}?)         the offices
#   (?=\s+(?:chủ trì|…)\b|…)  stopping before the verb the person does or the end of the clause
_APPOSITION = re.compile(r"\s*[-–,(]\s*([^;.()]{3,160}?)"
                         r"(?=\s+(?:chủ trì|kết luận|phát biểu|và các|đã|đang|sẽ|đi|làm việc|dự|tham dự|thăm|"
                         r"kiểm tra|trao|tặng|ký)\b|[;.()]|$)")


def _positions_held(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return the offices written after a person the question names: "đồng chí Nguyễn Văn A - Ủy viên
    Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy" for "Đồng chí Nguyễn Văn A giữ chức vụ gì?"."""
    if not _POSITION_ASKED.search(match_key(analysis.text)) or not analysis.names:
        return []
    names = {toneless(name) for name in analysis.names}
    found = []
    for scope in scopes:
        text = scope.text
        for start, end in person_mentions(text, scope.clause.start, scope.clause.end):
            if toneless(text[start:end]) not in names:
                continue
            apposition = _APPOSITION.match(text, end, min(len(text), end + 170))
            if apposition:
                offices = " ".join(apposition.group(1).split())
                found.append(Candidate(shorten(offices), scope.rank, scope.quote, scope.support,
                                       scope.support + 0.3 + rank_prior(scope.rank), scope.hit.doc.doc_id))
        # the offices may come first: "Giao đồng chí Phó Bí thư Đảng ủy, Phó Giám đốc Sở Trần Minh Luân …"
        for name in analysis.names:
            for match in re.finditer(re.escape(name), text[scope.clause.start:scope.clause.end]):
                at = scope.clause.start + match.start()
                before = _OFFICES_BEFORE.search(text, max(scope.clause.start, at - 120), at)
                if before:
                    offices = " ".join(before.group(1).split())
                    found.append(Candidate(shorten(offices), scope.rank, scope.quote, scope.support,
                                           scope.support + 0.3 + rank_prior(scope.rank),
                                           scope.hit.doc.doc_id))
    return found


# The offices between a title and the name they precede: "đồng chí Phó Bí thư Đảng ủy, Phó Giám đốc Sở "
_OFFICES_BEFORE = re.compile(r"(?:đồng chí|ông|bà)\s+((?:Phó |Ủy viên |Uỷ viên )?(?:Bí thư|Chủ tịch|Giám đốc|"
                             r"Trưởng|Phó|Chánh|Thủ trưởng|Tổng|Ủy viên|Uỷ viên)[^;:()]{2,100}?)\s+$", re.I)


# Each kind of contact: the words asking for it and the pattern of its value.
#   [\w.-]+@[\w-]+(?:\.[\w-]+)+                          "vanthu@caobang.gov.vn"
#   0\d{2,4}[.\s]?\d{3}[.\s]?\d{3,4}                      "02063.955.626"
#   https?://… | (?:[\w-]+\.)+(?:vn|com|…)(?:/…)?   "https://x.gov.vn/a", "forms.gle/abc", no e-mail domain
_CONTACT_KINDS = (
    (re.compile(r"e-?mail|thư điện tử"), re.compile(r"[\w.-]+@[\w-]+(?:\.[\w-]+)+")),
    (re.compile(r"điện thoại|số máy|hotline|\bđt\b"),
     re.compile(r"(?<!\d)0\d{2,4}[.\s]?\d{3}[.\s]?\d{3,4}(?!\d)")),
    (re.compile(r"trang web|website|\bweb\b|cổng thông tin|\bcổng\b|đường dẫn|\blink\b|\burl\b"),
     re.compile(r"https?://[^\s,;)]+|(?<![@\w.-])(?:[\w-]+\.)+(?:vn|com|org|net|gov|gle|ly|io)(?:/[^\s,;)]*)?")),
)

# Any contact (a question that names no kind, "địa chỉ liên hệ"): the union of the kinds.
_CONTACT = re.compile("|".join(value.pattern for _, value in _CONTACT_KINDS))


def _asked_contact(analysis: QuestionAnalysis) -> re.Pattern[str] | None:
    """Return the pattern of the contact the question asks for, None when it asks for none.

    An address, a website, an e-mail or a telephone number: an e-mail is not answered by a phone
    number, and a question that names no kind ("địa chỉ liên hệ") takes any of them.
    """
    key = match_key(analysis.text)
    if not _CONTACT_WORDS.search(key):
        return None
    asked = [value for words, value in _CONTACT_KINDS if words.search(key)]
    return asked[0] if len(asked) == 1 else _CONTACT


_CONTACT_WORDS = re.compile(r"địa chỉ|trang web|website|\bweb\b|e-?mail|thư điện tử|điện thoại|đường dẫn|"
                            r"cổng thông tin|\bcổng\b|\blink\b|\burl\b")


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
    scopes = read_scopes(analysis, hits)
    kind = analysis.kind
    if kind is QuestionKind.WHO or kind is QuestionKind.ISSUER or kind is QuestionKind.SIGNER:
        candidates = who_candidates(analysis, scopes, use_headings)
        if analysis.plural:  # "giao nhiệm vụ cho những cơ quan nào": the agencies heading its parts
            candidates += outline_candidates(analysis, hits, get_record)
    elif kind is QuestionKind.WHEN or kind is QuestionKind.ISSUE_DATE:
        candidates = _when(analysis, scopes)
    elif kind is QuestionKind.NUMBER:
        candidates = (_number(analysis, scopes) + _numbered(analysis, scopes)
                      + _spelled_counts(analysis, scopes))
    elif kind is QuestionKind.DOC or kind is QuestionKind.DOC_NUMBER:
        # documents without a số hiệu ("thông qua các dự thảo: Quy chế A, Đề án B") are in sentences
        sentences = [replace(c, score=c.score - 0.1) for c in _what(analysis, scopes)]
        if kind is QuestionKind.DOC_NUMBER:
            sentences = []  # "… mang số hiệu gì" is answered by a số hiệu, never by a sentence
        candidates = _doc(analysis, scopes) + sentences
    elif kind is QuestionKind.LIST:
        candidates = (list_candidates(analysis, scopes) + items_under_heading(analysis, hits, scopes)
                      + outline_candidates(analysis, hits, get_record) + _what(analysis, scopes))
    else:
        candidates = (_what(analysis, scopes) + _positions_held(analysis, scopes)
                      + _tasks_of_agency(analysis, scopes) + _definitions(analysis, scopes))
        if re.search(r"\bnội dung (?:gì|nào)\b", match_key(analysis.text)):
            candidates += _row_cells(analysis, scopes, "Nội dung")  # "… chủ trì nội dung gì" of a schedule
        if analysis.venue:  # "tổ chức ở đâu" is answered by a place, or not at all
            candidates = _venues(analysis, scopes)
        if analysis.plural and analysis.head:  # "những ấp nào": "các ấp Tân Điền, Kinh Tám, …"
            candidates += class_members(analysis, scopes)
        if analysis.plural:  # "những khẩu hiệu nào": the items after a lead-in ending with ":" or a heading
            listed = list_candidates(analysis, scopes) + items_under_heading(analysis, hits, scopes,
                                                                             by_head=True)
            candidates += [replace(c, score=c.score - 0.05) for c in listed]
        if analysis.plural and analysis.head and analysis.head[0] in _DOER_NOUNS:
            # "UBND những xã nào được giao …": the communes doing it, named by the heading or the clause
            candidates += who_candidates(analysis, scopes, use_headings)
        contact = _asked_contact(analysis)
        if contact is not None:  # a telephone number or an address, or nothing
            candidates = [c for c in candidates if contact.fullmatch(c.answer)]
    # a date, số hiệu or issuer may be the document's own (metadata) or one the passages mention
    candidates = (meta + candidates + self_candidates(analysis, hits, get_record)
                  + title_names(analysis, hits, get_record) + signer_as_person(analysis, hits, get_record))
    if kind not in METADATA_KINDS and kind is not QuestionKind.WHO:
        # an answer made only of the question's own words says nothing new (an agency named in the
        # question is scored down in `who_candidates` instead: "Ban X (tham mưu Ban Y …)" may repeat it)
        asked = set(analysis.terms)
        candidates = [c for c in candidates if not _repeats_question(c.answer, asked)]
    if kind is QuestionKind.WHO and analysis.head and not analysis.person:
        # "Ban nào …" is answered by a Ban before an Ủy ban the same passage names
        head = " ".join(analysis.head)
        candidates = [replace(c, score=c.score + 0.05) if match_key(c.answer).startswith(head + " ") else c
                      for c in candidates]
    if analysis.excluded:  # "Ngoài Trưởng ban, … gồm những cơ quan nào": not the one set aside
        aside = set(analysis.excluded)
        candidates = [replace(c, score=c.score - 0.2) if ";" not in c.answer and aside <= set(
            content_terms(c.answer)) else c for c in candidates]
    if analysis.names or analysis.years:
        candidates = [_grounding_checked(analysis, c, hits, get_record) for c in candidates]
    if not candidates:
        return None
    best = max(candidates, key=lambda c: c.score)
    return _whole_list(best, candidates) if analysis.plural else best


def _repeats_question(answer: str, asked: set[str]) -> bool:
    """Return whether an answer is made of the question's own words: all of them, or all but a few of
    a long phrase ("Hội thao chào mừng 96 năm Ngày thành lập Đảng của Đảng ủy …" adds "ngày", "ủy")."""
    said = set(content_terms(answer))
    new = said - asked
    return not new or (len(said) >= 8 and len(new) <= 0.15 * len(said))


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
