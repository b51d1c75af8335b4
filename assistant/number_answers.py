"""Number answers: quantities with the unit the question counts, numbers labelled by the noun it
asks ("thang điểm mấy"), and small counts written in words ("hai tỉnh").
"""

from __future__ import annotations

import itertools
import re

from assistant.evidence import Candidate, bigrams, support
from assistant.facts import Fact, quantities, times
from assistant.question import STOPWORDS, QuestionAnalysis, content_terms
from assistant.scope import (
    PHRASE_EDGE,
    Scope,
    document_name,
    leading_terms,
    nearby_fit,
    one_line,
    rank_prior,
    series_fit,
)
from indexer.normalize import match_key

# A number asked by the noun it follows: "thang điểm mấy?", "lần thứ bao nhiêu?" (the last words before it)
# ("… lần thứ bao nhiêu của Đảng?": a short "của …" may close the question)
# (the noun is words, not "là" or a number: "… giai đoạn 2026-2030 là bao nhiêu" names no label)
_NUMBERED_NOUN = re.compile(r"(?<!\w)((?!là\b)[^\W\d]+(?: (?!là\b)[^\W\d]+)?) (?:mấy|bao nhiêu|số mấy)"
                            r"(?: của(?: \w+){1,4})?\s*\??\s*$")


# A number written in words after its noun: "kỳ họp thứ mười hai", "lần thứ nhất", "khóa hai mươi"
_SPELLED_NUMBER = (r"(?:nhất|nhì|một|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười|mươi|mốt|lăm)"
                   r"(?:\s+(?:một|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười|mươi|mốt|lăm)){0,3}")


# An ordinal asked anywhere in the question: "Hội nghị Trung ương lần thứ mấy khóa XIII", "khóa mấy"
_ORDINAL_NOUN = re.compile(r"(?<!\w)((?:[^\W\d]+ )?(?:thứ|khóa)) (?:mấy|bao nhiêu)\b")


def _numbered(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return the number written right after the noun the question ends on: "theo thang điểm 20" for
    "… chấm theo thang điểm mấy?" (a label number, not a quantity with a unit after it)."""
    key = match_key(analysis.text)
    asked = _NUMBERED_NOUN.search(key) or _ORDINAL_NOUN.search(key)
    if not asked:
        return []
    noun = asked.group(1)
    if analysis.ranged:  # "từ lớp mấy đến lớp mấy": the noun is "lớp"
        noun = re.sub(r"^(?:từ|đến)\s+", "", noun)
    noun = re.escape(noun)
    if noun.endswith("khóa"):  # "Ban Chấp hành Trung ương khóa mấy": "… Đảng khoá XI"
        noun = r"kh(?:óa|oá)"
    label = re.compile(rf"(?<!\w){noun}\s+((?:\d+(?:[.,]\d+)*|[IVXLC]+|{_SPELLED_NUMBER})\b)", re.I)
    # "phụ lục số mấy" asks the label's number itself: "Phụ lục 01", not a count near it
    bonus = 0.15 if re.search(r"\bsố (?:mấy|bao nhiêu)\b", key) else 0.0
    found = []
    headed: set[int] = set()
    for scope in scopes:
        text, clause = scope.text, scope.clause
        heading = label.search(scope.hit.chunk.section)
        if heading and scope.rank not in headed:  # "phụ lục số mấy": the passage's "Phụ lục 01 …" heading
            headed.add(scope.rank)
            fit = 0.25 + bonus
            found.append(Candidate(heading.group(0), scope.rank, scope.quote, scope.support,
                                   scope.support + fit + rank_prior(scope.rank), scope.hit.doc.doc_id))
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
            fit = (0.25 + bonus + 0.05 * leading
                   + nearby_fit(analysis, text, clause, Fact("label", *match.span())) / 4)
            found.append(Candidate(one_line(text, match.span()), scope.rank, scope.quote, scope.own,
                                   scope.support + fit + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


def _quantities(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return quantities with their unit, preferring the unit the question counts."""
    unit_terms = content_terms(analysis.unit) if analysis.unit and analysis.unit != "%" else ()
    asked_unit = _counted_words(analysis)
    money = bool(_MONEY_WORDS & set(bigrams(analysis.terms)))
    per = _per_unit(analysis)
    found = []
    for scope in scopes:
        text, clause = scope.text, scope.clause
        facts = quantities(text, clause.start, clause.end)
        if unit_terms and unit_terms[0] in _DAYS:  # "tối thiểu mấy ngày": "tối thiểu 30 ngày" is a duration
            facts += _durations(text, clause.start, clause.end)
        for fact in facts:
            phrase = text[fact.start:fact.end]
            words = phrase.split()
            lead = len(fact.qualifier.split()) + 1  # "tối đa 06" before "thí sinh"
            if fact.unit_start >= 0:
                lead = len(text[fact.start:fact.unit_start].split())  # "ít nhất hai phần ba (2/3) tổng số"
            following = content_terms(" ".join(words[lead:]))
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


# A duration inside a time phrase: "tối thiểu 30 ngày", "trong 03 ngày làm việc" (not "hằng tháng")
#   ^(\D*?)              the words before the number ("tối thiểu")
#   \d+\s+(?:ngày|…)\b   the number and its unit
_DURATION = re.compile(r"^(\D*?)\d+\s+(?:ngày|tuần|tháng)\b", re.I)


def _durations(text: str, start: int, end: int) -> list[Fact]:
    """Return the durations of a clause as quantities: the times that count days, weeks or months."""
    found = []
    for fact in times(text, start, end):
        said = text[fact.start:fact.end]
        duration = _DURATION.match(said)
        if fact.kind == "period" and duration and not re.search(r"\b(?:hằng|hàng|mỗi)\b|/", said):
            found.append(Fact("quantity", fact.start, fact.end, " ".join(duration.group(1).lower().split())))
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


def number_candidates(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return quantities with their unit, numbers labelled by the noun asked, and counts written in words."""
    return (_quantities(analysis, scopes) + _numbered(analysis, scopes) + _spelled_counts(analysis, scopes)
            + _unit_labelled(analysis, scopes))


# A value whose unit its label brackets, as a table row is written out: "Kinh phí (triệu đồng): 1.820"
#   ([^\W\d_][^.:;()\n]{1,60}?)   the label
#   \s*\(([^()\n]{1,24})\)        its unit in brackets
#   \s*:\s*(\d[\d.,]*\d|\d)       the value, no unit of its own after it
_UNIT_LABELLED = re.compile(r"([^\W\d_][^.:;()\n]{1,60}?)\s*\(([^()\n]{1,24})\)\s*:\s*"
                            r"(\d[\d.,]*\d|\d)(?!\d|[.,]\d)(?!\s*[^\W\d_%])")


def _unit_labelled(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return values of a written-out table row whose label names what is asked and brackets its unit:
    "- 3. Xã Tiêu Lộc. Số hộ (hộ): 52. Kinh phí (triệu đồng): 1.820." gives "1.820 triệu đồng" for "Kinh
    phí phân bổ cho xã Tiêu Lộc là bao nhiêu triệu đồng?", backed by the whole row (line)."""
    unit_terms = content_terms(analysis.unit) if analysis.unit and analysis.unit != "%" else ()
    asked = set(analysis.terms)
    found = []
    lines: set[tuple[int, int]] = set()
    for scope in scopes:
        text = scope.text
        start = text.rfind("\n", 0, scope.clause.start) + 1
        end = text.find("\n", scope.clause.start)
        line = (start, len(text) if end < 0 else end)
        if (scope.rank, line[0]) in lines:
            continue
        lines.add((scope.rank, line[0]))
        for match in _UNIT_LABELLED.finditer(text, *line):
            label, unit = content_terms(match.group(1)), content_terms(match.group(2))
            if not set(label) & asked or not unit:
                continue
            if analysis.unit == "%" and "%" not in match.group(2):
                continue
            if unit_terms and unit[0] not in _UNIT_ALIASES.get(unit_terms[0], {unit_terms[0]}):
                continue
            row = text[line[0]:line[1]]
            backing = support(analysis, row, scope.hit.chunk.section, document_name(scope.hit))
            fit = 0.2 + 0.05 * len(set(label) & asked)
            found.append(Candidate(f"{match.group(3)} {' '.join(match.group(2).split())}", scope.rank,
                                   match.span(), backing, backing + fit + rank_prior(scope.rank),
                                   scope.hit.doc.doc_id))
    return found
