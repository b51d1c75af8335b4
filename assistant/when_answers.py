"""When-answers: dates, deadlines, periods and frequencies from a passage's clauses.

A deadline is preferred for "hạn chót", a recurring date for "định kỳ", a day for "ngày nào"; a date
that belongs to a referenced document, or a goal's horizon year, is scored down.
"""

from __future__ import annotations

import re

from assistant.doc_answers import TYPE_WORD, cited_titles
from assistant.evidence import NUMBER, Candidate, asked_numbers, number_key, shorten
from assistant.facts import DOC_REF, Fact, doc_refs, times
from assistant.question import SOURCE_FRAME, QuestionAnalysis, QuestionKind, content_terms
from assistant.scope import Scope, asked_refs, nearby_fit, one_line, rank_prior, series_fit, singled_fit
from assistant.spans import Clause, folded
from indexer.normalize import match_key

_DEADLINE_QUALIFIERS = ("trước", "chậm", "muộn", "hạn", "hoàn thành", "trong", "đến")
# Those that only ever set a deadline ("trong ngày 11/7/2025" may be when a document is signed)
_BY_QUALIFIERS = ("trước", "chậm", "muộn", "hạn")


# A preposition right before the time asked: "đến năm nào", "từ ngày nào", "trước thời điểm nào"
_ASKED_WITH = re.compile(
    r"\b(đến|từ|trước|sau|trong)\s+(?:năm|ngày|tháng|thời điểm|thời gian|khi)\s+(?:nào|bao giờ)\b")
# A time given by an event: "sau khi Trung ương có thông báo chính thức …", "ngay sau khi được phê duyệt"
_AFTER_EVENT = re.compile(r"(?i)\b(?:ngay\s+)?sau\s+khi\s+[^;.\n]{5,120}")
_WEEKDAY = re.compile(r"(?i)\bthứ\s+(?:hai|ba|tư|năm|sáu|bảy)\b|\bchủ\s+nhật\b")


def _recurring_days(text: str, facts: list[Fact]) -> list[Fact]:
    """Return the facts with a weekday joined to the period right after it: "vào thứ Sáu" + "hằng tuần"
    is the period "vào thứ Sáu hằng tuần" (a day that recurs, not a date)."""
    joined: list[Fact] = []
    for fact in facts:
        if (joined and fact.kind == "period" and joined[-1].kind == "time"
                and _WEEKDAY.search(text, joined[-1].start, joined[-1].end)
                and not text[joined[-1].end:fact.start].strip()):
            joined[-1] = Fact("period", joined[-1].start, fact.end, joined[-1].qualifier)
        else:
            joined.append(fact)
    return joined


def _dates_of_asked_documents(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return the date of a document the question names: "Nghị quyết số 30-NQ/TW, ngày 12/4/2024"; of
    several, the one it names first is what it asks about ("Kế hoạch số 40-KH/TU … thực hiện Nghị quyết
    72-NQ/TW ra ngày nào"). None when the question asks when something else happens ("… việc sơ kết
    Chỉ thị phải tổ chức vào năm nào"), or when the document asked has no số hiệu of its own ("Kế hoạch
    triển khai Chỉ thị 07-CT/TU … ban hành ngày nào" does not ask the date of Chỉ thị 07)."""
    key = match_key(analysis.text)
    if (_EVENT_ASKED.search(key) and not _ISSUE_ASKED.search(key)) or _unnumbered_subject(key):
        return _dates_of_described_documents(analysis, scopes)
    named = [number_key(n) for n in NUMBER.findall(analysis.text)]
    found = []
    for scope, match in asked_refs(analysis, scopes):
        if match.group("date"):
            date = re.sub(r"^,?\s*", "", match.group("date"))
            first = bool(named) and number_key(match.group("number")) == named[0]
            fit = 0.3 if first or len(named) < 2 else 0.15
            found.append(Candidate(shorten(date), scope.rank, scope.quote, scope.support,
                                   scope.support + fit + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found + _dates_of_described_documents(analysis, scopes)


def _dates_of_described_documents(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return the date of a document the question names by its type and title, not its số hiệu, when it
    asks when it was issued: "Hướng dẫn về công tác khoa giáo năm 2026 của Ban X mà xã căn cứ ra ngày
    nào" is answered by the "ngày 16/01/2026" of "Hướng dẫn số 15-HD/BTGDVTU, ngày 16/01/2026 của Ban X
    về công tác khoa giáo năm 2026" (see `cited_titles`)."""
    key = match_key(analysis.text)
    issued = _ISSUE_ASKED.search(key)
    asked_type = TYPE_WORD.search(key)
    if (asked_numbers(analysis) and not _unnumbered_subject(key)) or issued is None or asked_type is None:
        return []
    found = []
    for scope in scopes:
        for ref, _title, share in cited_titles(analysis, scope.text, scope.clause.start, scope.clause.end,
                                               asking=key[issued.start():]):
            if ref.group("date") and match_key(ref.group("type")) == asked_type.group(1):
                date = re.sub(r"^,?\s*", "", ref.group("date"))
                found.append(Candidate(shorten(date), scope.rank, scope.quote, scope.support,
                                       scope.support + 0.2 + 0.1 * share + rank_prior(scope.rank),
                                       scope.hit.doc.doc_id))
    return found


def _unnumbered_subject(key: str) -> bool:
    """Return whether the document a question opens with has no số hiệu while a later one has: "kế hoạch
    triển khai chỉ thị 07-ct/tu …" asks about the kế hoạch (key in match_key form)."""
    frame = SOURCE_FRAME.match(key)  # not the source named first: "theo kế hoạch …, nghị quyết 57 …"
    first = TYPE_WORD.search(key, frame.end() if frame else 0)
    number = NUMBER.search(key)
    return (first is not None and number is not None and number.start() > first.end()
            and not re.match(r"\s+(?:số\s+)?\d", key[first.end():])
            and TYPE_WORD.search(key, first.end(), number.start()) is not None)


# What a question asks the time of when it is not the document's date: "việc sơ kết … vào năm nào"
_EVENT_ASKED = re.compile(r"\b(?:sơ kết|tổng kết|tổ chức|hoàn thành|triển khai|báo cáo|gửi|thực hiện xong)\b")
# … unless it asks when the document was issued: "ban hành", "ra ngày nào", "ký", "đề ngày"
_ISSUE_ASKED = re.compile(r"\bban hành\b|\bra ngày\b|\bký\b|\bđề ngày\b|\bthông qua\b")


# A day in a time expression: "20/12", "ngày 5 tháng 9", "thứ Sáu"
_DAY = re.compile(r"\d{1,2}/\d{1,2}|ngày\s+\d{1,2}\b|\bthứ\s+\w+|chủ\s+nhật", re.I)


# The name a question writes right before "năm nào": "trước khi Luật Đất đai năm nào có hiệu lực"
_NAMED_YEAR_ASKED = re.compile(r"((?:[^\W\d_]+\s+){2,3})năm nào\b")
_NOT_NAME = frozenset({"vào", "đến", "từ", "trong", "của", "ở", "tại", "cho", "là", "sau", "trước", "đầu",
                       "cuối"})


def _named_years(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return a name the question writes before "năm nào" as the clause writes it with its year:
    "Luật Đất đai 2023", "Luật Đất đai năm 2024". The year belongs to the name, not to an event."""
    asked = _NAMED_YEAR_ASKED.search(match_key(analysis.text))
    if asked is None:
        return []
    name = asked.group(1).split()
    if name[-1] in _NOT_NAME or any(word in _NOT_NAME for word in name[1:]):
        return []  # "vào năm nào" asks a time; "của năm nào" a year of something not named
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, name)) + r"\s+(?:năm\s+)?((?:19|20)\d\d)\b")
    found = []
    for scope in scopes:
        text, clause = scope.text, scope.clause
        for match in pattern.finditer(folded(text).lower(), clause.start, clause.end):
            found.append(Candidate(one_line(text, match.span()), scope.rank, scope.quote, scope.support,
                                   scope.support + 0.4 + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


def when_candidates(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return dates, deadlines and frequencies, preferring what the question asks (deadline, period)."""
    found = []
    horizon_asked = _GOAL_HORIZON.search(analysis.text)  # "tầm nhìn đến năm nào" asks for it
    # a question open to any time ("khi nào"), not a date, deadline, day, hour or frequency
    open_time = not (analysis.deadline or analysis.day or analysis.period or analysis.hour or analysis.ranged
                     or analysis.kind is QuestionKind.ISSUE_DATE)
    year_asked = re.search(r"\bnăm nào\b", match_key(analysis.text)) and not analysis.period
    counted = re.search(r"\bmấy\s+(?:ngày|tuần|tháng|quý|năm)\b", match_key(analysis.text))
    # the preposition the question puts before its time word: "đặt mốc đến năm nào" takes "đến năm 2030"
    asked_with = _ASKED_WITH.search(match_key(analysis.text))
    preposition = asked_with.group(1) if asked_with else None
    for scope in scopes:
        text, clause = scope.text, scope.clause
        after = _AFTER_EVENT.search(text, clause.start, clause.end) if open_time else None
        if after:  # "khi nào": "… sau khi Trung ương có thông báo chính thức về hạn mức vốn"
            found.append(Candidate(shorten(one_line(text, after.span())), scope.rank, scope.quote,
                                   scope.support, scope.support + 0.05 + rank_prior(scope.rank),
                                   scope.hit.doc.doc_id))
        facts = _recurring_days(text, times(text, clause.start, clause.end))
        if not facts:
            continue
        periods = [f for f in facts if f.kind == "period"]
        # a bare year the question gives ("hè 2026 … khoảng thời gian nào") or with no "trước" for a
        # deadline, or for a range, answers nothing
        dates = [f for f in facts if f.kind == "time" and not (
            (year := _BARE_YEAR.fullmatch(one_line(text, (f.start, f.end))))
            and (year.group(1) in analysis.years or analysis.ranged
                 or (analysis.deadline and not f.qualifier)))]
        if analysis.kind is QuestionKind.ISSUE_DATE:  # "… ban hành ngày nào" is no deadline of a task
            dates = [f for f in dates if not f.qualifier.startswith(_BY_QUALIFIERS)]
            periods = []
        if analysis.day:  # "ngày nào" is not answered by "năm 2026" or "tháng 12"
            dates = [f for f in dates if _DAY.search(text, f.start, f.end)]
            if not dates and not analysis.period:
                continue
        if year_asked:  # "vào năm nào" is answered by a time that writes its year
            dates = [f for f in dates if re.search(r"(?:19|20)\d\d", text[f.start:f.end])]
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
        if analysis.period and counted:  # "mấy tháng một lần" is answered by a number of months
            periods = [f for f in periods if re.search(r"\d", text[f.start:f.end])]
        if analysis.period and not periods:
            continue  # "bao lâu một lần" is not answered by a date
        # "định kỳ vào ngày nào trong tuần" asks the day of the period: "vào thứ Sáu hằng tuần"
        by_period = analysis.period and not (analysis.day and dates)
        # "từ khi nào đến khi nào" takes both ends, not only the "đến …" one
        # ("vào năm nào" is not answered by "định kỳ hằng năm")
        chosen: list[Fact] = (periods if by_period
                              else (dates if analysis.ranged else deadlines) or dates
                              or ([] if year_asked else periods))
        if analysis.period and not by_period:
            chosen = sorted(chosen + periods, key=lambda f: f.start)
        if not chosen:
            continue
        fits = [nearby_fit(analysis, text, clause, f) - _dated_reference(analysis, text, clause, f)
                + series_fit(analysis, text, clause.start, f.start)
                + singled_fit(analysis, text, clause.start, f.start)
                - (0.1 if not horizon_asked and _GOAL_HORIZON.search(text, max(clause.start, f.start - 25),
                                                                       f.start) else 0.0)
                # "tầm nhìn đến năm nào": the time the text writes after that word, not after "đến năm 2030"
                + (0.25 if horizon_asked and re.search(rf"(?i){horizon_asked.group(0)}\s*(?:đến|tới)?\s*$",
                                                      text[max(clause.start, f.start - 25):f.start]) else 0.0)
                + (0.1 if preposition and f.qualifier.lower().startswith(preposition) else 0.0)
                for f in chosen]
        if not analysis.plural and not analysis.ranged and max(fits) - min(fits) >= 0.08:
            # of several dates in one clause, the one the question points at ("những tháng nào" takes all)
            chosen = [f for f, value in zip(chosen, fits, strict=True) if value == max(fits)]
        fit = 0.1 + max(fits)
        whole = one_line(text, (chosen[0].start, chosen[-1].end))
        if (analysis.ranged or analysis.plural) and re.search(r"\bđến\b|[-–]", whole):
            fit += 0.1  # "từ ngày nào đến ngày nào", "vào những ngày nào" are answered by a range
        elif analysis.plural and len(chosen) >= 2:
            fit += 0.1  # "vào những ngày nào": "trong hai ngày 04/11/2026 và 05/11/2026"
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
            named = content_terms(text[max(clause.start, span[0] - 40):span[0]])[-3:]
            if len(named) == 3 and set(named) <= set(analysis.terms):
                fit -= 0.15  # the year of a topic the question names: "công tác khoa giáo năm 2026"
        found.append(Candidate(shorten(value), scope.rank, scope.quote, scope.support,
                               scope.support + fit + rank_prior(scope.rank), scope.hit.doc.doc_id))
    found += _named_years(analysis, scopes)
    if preposition:  # "… đặt mốc đến năm nào" asks a time the document sets, not the date it bears
        return found
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
