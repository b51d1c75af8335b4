"""Typed facts inside a passage: time expressions, quantities, document references, quoted names.

Each finder returns spans (start, end) into the given text, so the answer phrase is always a
verbatim piece of the passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A document reference:
#   (Nghị quyết|Chỉ thị|…)        the document type, "Kế hoạch hành động", "Chương trình hành động" too
#   \s+(?:số\s+)?                 optional "số"
#   \d+(?:/\d{4})?[-/]\s?[\w/.-]* the số hiệu: "05-CT/TU", "15/2023/QH15", "30-NQ/TW", "05-\nCT/TU" wrapped
#   (?:,?\s*ngày\s+D/M/YYYY)?     optional issue date: ", ngày 14/01/2026"
#   (?:\s+của\s+[^,;.(“"]{3,70}?)  optional issuer up to " về", "“", punctuation: " của Ban Bí thư"
# Example: "Chỉ thị số 05-CT/TU, ngày 10/03/2025 của Ban Thường vụ Tỉnh ủy “về tăng cường …”"
DOC_TYPES = (
    r"Nghị quyết|Chỉ thị|Kết luận|Quyết định|Kế hoạch(?: hành động)?|Hướng dẫn|Thông báo|"
    r"Chương trình(?: hành động| phối hợp)?|Công văn|Thông tư(?: liên tịch)?|Nghị định|Quy định|Quy chế|"
    r"Báo cáo|Tờ trình|Đề án|Công điện|Pháp lệnh|Văn bản|Luật|Số"
)
# words of a name may be split by a line break where the PDF wrapped: "Nghị\nquyết"
DOC_TYPES = DOC_TYPES.replace(" ", r"\s+")
DOC_REF = re.compile(
    rf"(?P<type>{DOC_TYPES})\s+(?:số\s+)?"
    r"(?P<number>\d+(?:/\d{4})?(?:[-/]\s{0,3}[0-9A-ZĐa-zđ]+(?:[-/.][0-9A-ZĐa-zđ]+)*)+)"
    r"(?P<date>,?\s*ngày\s+\d{1,2}/\d{1,2}/\d{4})?"
    r"(?P<issuer>\s+của\s+"
    r"(?:[^,;.()“\"\n](?!\s(?:về|thực hiện|triển khai|với|như|để|nhằm|tại|trong|đã|là)\s)"
    rf"(?!\svà\s+(?:{DOC_TYPES})\b)){{3,80}}"  # nor "… và Kế hoạch này": another document
    r"[^,;.()“\"\n\s])?"
)

# A calendar date: "20/8/2024", "20/12", "ngày 5 tháng 9 năm 2024"; a day of every month or quarter:
# "(ngày) 25 hằng tháng", "ngày 05 tháng cuối mỗi quý"; a weekday, capitalised as written ("thứ Sáu",
# "Chủ nhật"; "lần thứ hai" is an ordinal)
_DATE = (r"(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?"
         r"|\d{1,2}\s+(?:hằng|hàng)\s+(?:tháng|quý)|\d{1,2}\s+(?:của\s+)?tháng\s+(?:đầu|cuối)\s+(?:mỗi|hằng|hàng)\s+quý"
         r"|(?-i:[Tt]hứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ\s+nhật)\b)")
# A week, month, term, quarter or year: "tuần thứ nhất tháng 12/2025", "tháng 12/2025", "quý IV/2025",
# "học kỳ I năm học 2025 - 2026", "năm học 2025 - 2026", "năm 2026"
_SCHOOL_YEAR = r"năm\s+học\s+\d{4}\s*-\s*\d{4}"
_MONTH = (r"(?:tuần\s+(?:thứ\s+(?:nhất|hai|ba|tư|\d)|đầu|cuối)\s+(?:của\s+)?tháng\s+\d{1,2}(?:/\d{4})?"
          r"|tháng\s+\d{1,2}(?:/\d{4}|\s+năm\s+\d{4})?|quý\s+[IV]{1,3}(?:/\d{4}|\s+năm\s+\d{4})?"
          rf"|học\s+kỳ\s+(?:I{{1,2}}|[12])\b(?:\s+(?:của\s+)?{_SCHOOL_YEAR})?|{_SCHOOL_YEAR}|năm\s+\d{{4}})")
# An hour: "11h00", "11 giờ 30", "8h"
_HOUR = r"\d{1,2}\s*(?:h|giờ)(?:\s*\d{1,2})?(?:\s*phút)?"
# A time expression, with its qualifier:
#   (trước|chậm nhất|…)\s+        optional qualifier: "trước", "chậm nhất là", "trong", "từ", "đến" …
#   (?:HOUR,?\s*)?                 optional hour: "11h00, "
#   (?:ngày\s+)?(DATE|MONTH)       a date, month, quarter or year
#   (?:\s*(?:đến|-)\s*(?:ngày\s+)?DATE)?  optional range end: "từ ngày 1/7 đến ngày 15/7"
# Example: "trước 11h00, ngày 11/7/2025", "trong tháng 12/2025", "chậm nhất ngày 10/11/2026"
_QUALIFIER = (
    r"(?:hoàn thành\s+)?(?:trước|chậm nhất(?:\s+là)?|muộn nhất(?:\s+là)?|hạn chót(?:\s+là)?|trong|từ|"
    r"đến|kể từ|vào|cuối|đầu|giữa|sau|ngay trong)"
)
_QUALIFIER = _QUALIFIER.replace(" ", r"\s+")  # "hoàn\nthành trong" where a line wrapped
TIME_EXPR = re.compile(
    rf"(?:(?P<qualifier>{_QUALIFIER})\s+)?(?:(?:{_HOUR},?\s*)?(?:(?:[Nn]gày|[Nn]\xe0y)\s+)?(?:{_DATE}|{_MONTH})"
    rf"(?:\s*(?:đến|-)\s*(?:{_HOUR},?\s*)?(?:ngày\s+)?{_DATE})?"
    # a range of days in one month: "từ ngày 19 đến ngày 20/6/2025"
    rf"|(?:(?P<day_from>từ)\s+)?ngày\s+\d{{1,2}}\s*(?:đến|-)\s*(?:ngày\s+)?\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?"
    # hours alone only as a range, "từ 11 giờ đến 16 giờ", or daily, "trước 17 giờ 00 hằng ngày"
    rf"|{_HOUR}\s*(?:đến|-)\s*{_HOUR}|{_HOUR}\s+(?:hằng|hàng|mỗi)\s+ngày)",
    re.I,
)
# A frequency: "3 tháng/lần", "(3 tháng/lần)", "định kỳ hằng năm", "hằng quý", "mỗi tháng một lần",
# "định kỳ hoặc đột xuất";
# or a time limit: "trong thời hạn 15 ngày kể từ ngày ký", "trong vòng 30 ngày làm việc"
PERIOD_EXPR = re.compile(
    r"\d+\s+(?:tháng|năm|quý|tuần|ngày)\s*/\s*lần"
    r"|trong\s+(?:thời\s+hạn\s+|vòng\s+|thời\s+gian\s+)?\d+\s+(?:ngày|tháng|năm|tuần)(?:\s+làm\s+việc)?"
    r"(?:\s+kể\s+từ\s+[^,;.\n]{3,40})?"
    r"|(?:định kỳ\s+)?(?:hằng|hàng|mỗi)\s+(?:năm|quý|tháng|tuần|ngày)(?:\s+(?:một|1)\s+lần)?"
    r"|định kỳ\s+\d+\s+(?:tháng|năm|quý)(?:\s*(?:/|một)\s*lần)?"
    r"|định kỳ\s+(?:hoặc|và)\s+đột xuất|đột xuất\s+(?:hoặc|và)\s+định kỳ"
    r"|(?:không quá|tối đa|tối thiểu|ít nhất|không dưới)\s+\d+\s+(?:ngày|tháng|năm|tuần)(?:\s+làm\s+việc)?",
    re.I,
)
# A reporting period listed after a frequency: ", 6 tháng", ", 9 tháng", ", năm" before a comma or "hoặc"
_LISTED_PERIOD = re.compile(r",\s*(\d{1,2}\s+tháng(?:\s+đầu\s+năm)?|năm)(?=\s*(?:,|hoặc\b|và\b|;|\.))", re.I)
# A quantity with its unit:
#   (hơn|trên|gần|khoảng|…)\s+     optional qualifier: "hơn 1.500 đại biểu"
#   \d+(?:[.,]\d+)*                the number, with thousands dots or a decimal comma: "1.500", "8,5"
#   \s*(%|phần trăm|words)         "%", or up to three following words: "45 điểm cầu"
# Example: "hơn 1.500 đại biểu", "12%", "30 ngày cao điểm"
QUANTITY = re.compile(
    r"(?:(?P<qualifier>hơn|trên|gần|khoảng|ít nhất|tối thiểu|tối đa|không quá|không dưới|dưới|đạt|trên|"
    r"xấp xỉ|ước đạt|đủ)\s+)?"
    r"(?P<number>\d+(?:[.,]\d+)*)(?P<unit>\s*(?:%|phần trăm)|(?:\s+[^\W\d_]+){1,3})?",
    re.I,
)
# A fraction of a whole, which a bare "2/3" would read as a date:
#   (ít nhất|quá|…)\s+                      optional qualifier: "ít nhất"
#   (một|hai|…) phần (hai|ba|tư|…)           spelled out: "hai phần ba", optionally with "(2/3)"
#   | \d+/\d+ (?= (tổng )?số )               digits only when "số" (of the number) follows: "2/3 tổng số"
#   (?P<whole>\s+(?:tổng\s+)?số)?            "tổng số" before the counted thing: the unit starts after it
# Example: "ít nhất hai phần ba (2/3) tổng số thành viên", "quá 1/2 số đại biểu"
_FRACTION_WORD = r"(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín)"
FRACTION = re.compile(
    r"(?:(?P<qualifier>ít nhất|tối thiểu|quá|hơn|trên|dưới|không quá|không dưới)\s+)?"
    rf"(?P<number>{_FRACTION_WORD}\s+phần\s+(?:{_FRACTION_WORD}|tư|mười)(?:\s*\(\s*\d+\s*/\s*\d+\s*\))?"
    r"|\d+\s*/\s*\d+(?=\s+(?:tổng\s+)?số\s))"
    r"(?P<whole>\s+(?:tổng\s+)?số)?",
    re.I,
)
# A quoted name: “Ngày hội đọc sách”, "Tuổi trẻ sáng tạo vì cộng đồng"
QUOTED = re.compile(r"“([^”]{3,200})”|\"([^\"\n]{3,200}(?:\n[^\"\n]{1,200})?)\"")  # a PDF line may wrap once


@dataclass(frozen=True)
class Fact:
    """A typed phrase in a passage: kind is "time", "period", "quantity", "doc_ref" or "quoted"."""

    kind: str
    start: int
    end: int
    qualifier: str = ""  # "trước", "hơn", the document type, or the words before a quote
    unit_start: int = -1  # a quantity whose number is several words ("hai phần ba (2/3) tổng số"): its unit


def doc_refs(text: str, start: int = 0, end: int | None = None) -> list[Fact]:
    """Return the document references in text[start:end]."""
    return [Fact("doc_ref", m.start(), m.end(), m.group("type"))
            for m in DOC_REF.finditer(text, start, len(text) if end is None else end)]


def _inside(pos: int, spans: list[Fact]) -> bool:
    """Return True when a position falls inside one of the spans."""
    return any(span.start <= pos < span.end for span in spans)


def fractions(text: str, start: int = 0, end: int | None = None) -> list[Fact]:
    """Return fractions with the counted thing after them: "hai phần ba (2/3) tổng số thành viên"."""
    found = []
    for m in FRACTION.finditer(text, start, len(text) if end is None else end):
        unit = re.match(r"(?:\s+[^\W\d_]+){1,3}", text[m.end():m.end() + 40])
        qualifier = " ".join((m.group("qualifier") or "").lower().split())
        found.append(Fact("quantity", m.start(), m.end() + (unit.end() if unit else 0), qualifier, m.end()))
    return found


def times(text: str, start: int = 0, end: int | None = None) -> list[Fact]:
    """Return time expressions and frequencies in text[start:end], outside references and fractions."""
    end = len(text) if end is None else end
    refs = doc_refs(text, start, end) + fractions(text, start, end)
    found = [Fact("period", m.start(), m.end()) for m in PERIOD_EXPR.finditer(text, start, end)]
    # reporting periods listed after one: "định kỳ hằng tháng, hằng quý, 6 tháng, 9 tháng hoặc đột xuất"
    for period in list(found):
        cursor = period.end
        while (more := _LISTED_PERIOD.match(text, cursor, end)) and not _inside(more.start(1), found):
            found.append(Fact("period", more.start(1), more.end(1)))
            cursor = more.end(1)
    for m in TIME_EXPR.finditer(text, start, end):
        if _inside(m.start(), refs) or _inside(m.start(), found):
            continue
        # a bare year or "2.2" is not a time; a date needs "/" or "tháng", a year needs "năm"
        if not re.search(r"/|tháng|năm|quý|giờ|\dh|thứ|chủ", m.group(0), re.I):
            continue
        found.append(Fact("time", m.start(), m.end(), " ".join((m.group("qualifier") or "").lower().split())))
    return sorted(found, key=lambda fact: fact.start)


def quantities(text: str, start: int = 0, end: int | None = None) -> list[Fact]:
    """Return quantities with units in text[start:end], skipping dates, years, references and numbering."""
    end = len(text) if end is None else end
    found = fractions(text, start, end)
    taken = doc_refs(text, start, end) + times(text, start, end) + found
    pos = start
    # a match that is skipped (a year, a date) resumes the search right after its number, so that its
    # would-be unit words can still open the next quantity: "30/9/2026 đạt tối thiểu 60%"
    while (m := QUANTITY.search(text, pos, end)) is not None:
        pos = m.end("number")
        number = m.group("number")
        if _inside(m.start("number"), taken) or not m.group("unit"):
            continue
        before = text[max(start, m.start() - 1):m.start()]
        after = text[m.end("number"):m.end("number") + 1]
        if before in "/-" and before or after in "/-" and after:
            continue  # part of "05-CT", "20/8"
        if re.fullmatch(r"(?:19|20)\d\d", number):
            continue  # a year
        if re.match(r"\d+(?:\.\d+)*\.\s", text[m.start("number"):m.start("number") + 12]):
            continue  # an enumerator "2.2. "
        pos = m.end()
        unit_end = m.end()
        unit = m.group("unit")
        if unit and not unit.strip().startswith(("%", "phần")):
            # keep unit words up to the first punctuation-bearing gap
            unit_end = m.end("number") + len(unit)
        qualifier = " ".join((m.group("qualifier") or "").lower().split())
        found.append(Fact("quantity", m.start(), unit_end, qualifier))
    return sorted(found, key=lambda fact: fact.start)


def quoted(text: str, start: int = 0, end: int | None = None) -> list[Fact]:
    """Return quoted names in text[start:end] with the four words before each as qualifier."""
    end = len(text) if end is None else end
    found = []
    for m in QUOTED.finditer(text, start, end):
        before = " ".join(text[max(start, m.start() - 60):m.start()].split()[-4:])
        found.append(Fact("quoted", m.start(), m.end(), before))
    return found
