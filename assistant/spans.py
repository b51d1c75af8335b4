"""Where things are in a passage: clauses, actors with their roles, dates, quantities, document references.

Pure functions over one passage string; every span is a (start, end) pair into that string, so a
quote built from it is exactly `passage[start:end]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.facts import DOC_TYPES
from assistant.question import Role
from indexer.normalize import fold_tones

_UPPER = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_LOWER = _UPPER.lower()
# A blank line that is a paragraph break, not a PDF line wrap ("… triển khai \n\nlập, thẩm định …" and
# "… Trong đó, xây dựng \n\nBộ chỉ tiêu …" continue their sentence):
#   (?<=[.:;!?])[ \t]*\n\s*\n                   after a sentence, clause or lead-in end
#   \n\s*\n(?=[ \t]*(?:bullet|enumerator|CAPS))  or before a bullet, an enumerator or an upper-case line
_PARAGRAPH = (rf"(?<=[.:;!?])[ \t]*\n\s*\n|\n\s*\n(?=[ \t]*(?:[-+•*][ \t]|\d+(?:\.\d+)*[.)][ \t]|"
              rf"[a-zđ]\)[ \t]|[IVX]+[.\-][ \t]|[{_UPPER}]{{2,}}|Điều\s|Phụ lục|Nơi nhận))")

# Where a new sentence-level unit starts:
#   _PARAGRAPH                    a blank line (new paragraph), unless the next line opens in lower case
#   \n(?=\s*(?:[-+•*]|1.|2.1.|a)|I.))  a line opening with a bullet or an enumerator
#   (?<=[.;:!?])[ \t]*\n          a line that ends a sentence, a clause or a lead-in ("… như sau:")
#   (?<=[.!?])[ \t]+(?=[UPPER(“"])  a sentence end inside a line: "… bền vững. Tổ chức …"
# Example: "- Sở Y tế chủ trì.\n+ Rà soát …" splits before "+".
_SENTENCE_BREAK = re.compile(
    rf"""{_PARAGRAPH}
       | \n(?=[ \t]*(?:[-+•*][ \t]|\d+(?:\.\d+)*[.)][ \t]|[a-zđ]\)[ \t]|[IVX]+[.\-][ \t]))
       | (?<=[.;:!?])[ \t]*\n
       | (?<=[.!?])[ \t]+(?=[{_UPPER}(“"])""",
    re.X,
)
# A clause boundary inside a sentence: "; " ("…; UBND tỉnh lãnh đạo …")
_CLAUSE_BREAK = re.compile(r"(?<=;)\s+")
# A leading bullet or enumerator: "- ", "+ ", "2.2.3. ", "a) ", "III- ", "Điều 11. "
_LEADER = re.compile(r"\s*(?:[-+•*]|\d+(?:\.\d+)*[.)]|[a-zđ]\)|[IVX]+[.\-]|Điều\s+\d+[.:])?\s*")
# A heading naming whose duties follow: "Trách nhiệm của Sở Tài chính", "Nhiệm vụ, quyền hạn của …"
_DUTIES_OF = re.compile(r"(?i)(?:trách nhiệm|nhiệm vụ(?:,? quyền hạn)?|quyền hạn)(?: và [^\W\d_]+)? của\s+")


@dataclass(frozen=True)
class Clause:
    """A clause of a passage and the sentence (bullet item) around it, as spans into the passage."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    item_start: int  # start of the bullet item or paragraph holding the sentence


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the span without surrounding white space and leading bullet or enumerator."""
    lead = _LEADER.match(text, start, end)
    if lead:
        start = lead.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pieces(text: str, pattern: re.Pattern[str], start: int, end: int) -> list[tuple[int, int]]:
    """Return the non-empty trimmed pieces of text[start:end] between matches of a pattern."""
    pieces, cursor = [], start
    for match in pattern.finditer(text, start, end):
        pieces.append(_trimmed(text, cursor, match.start()))
        cursor = match.end()
    pieces.append(_trimmed(text, cursor, end))
    return [(s, e) for s, e in pieces if e - s > 1]


# A heading line: an enumerator and at most 150 characters, then a line break.
# Example: "3. Các ngành Khoa giáo; Ban Xây dựng Đảng\nTham mưu cho cấp uỷ …"
_HEADING_LINE = re.compile(r"[ \t]*(?:\d+(?:\.\d+)*[.)]|[IVX]+[.\-])[ \t][^\n]{1,150}\n")


def _sentences(text: str) -> list[tuple[int, int]]:
    """Return sentence spans; a heading line glued to its first item becomes its own sentence."""
    spans = []
    for start, end in _pieces(text, _SENTENCE_BREAK, 0, len(text)):
        line_start = text.rfind("\n", 0, start) + 1
        heading = _HEADING_LINE.match(text, line_start, end)
        if heading and heading.end() < end and text[heading.end():end].lstrip()[:1].isupper():
            spans.append((start, heading.end() - 1))
            spans.append(_trimmed(text, heading.end(), end))
        else:
            spans.append((start, end))
    return [(s, e) for s, e in spans if e - s > 1]


# Where a bullet item or paragraph starts: a blank line, or a line opening with a bullet or enumerator.
_ITEM_BREAK = re.compile(
    _PARAGRAPH + r"|\n(?=[ \t]*(?:[-+•*][ \t]|\d+(?:\.\d+)*[.)][ \t]|[a-zđ]\)[ \t]|[IVX]+[.\-][ \t]))")


def clauses(text: str) -> list[Clause]:
    """Return the clauses of a passage, each with its enclosing sentence and item, in order."""
    items = [start for start, _ in _pieces(text, _ITEM_BREAK, 0, len(text))] or [0]
    found = []
    for s_start, s_end in _sentences(text):
        item_start = max((i for i in items if i <= s_start), default=s_start)
        for c_start, c_end in _pieces(text, _CLAUSE_BREAK, s_start, s_end):
            found.append(Clause(c_start, c_end, s_start, s_end, item_start))
    return found


def folded(text: str) -> str:
    """Return the tone-folded text when it keeps every offset, else the text itself."""
    result = fold_tones(text)
    return result if len(result) == len(text) else text


# --- actors and roles -----------------------------------------------------------------------------

# First words of an agency or office holder (match_key form). "Tổ chức", "Ban hành", "Báo cáo",
# "Phòng, chống", "Hội nghị" start verbs or events instead and are excluded below.
_AGENCY_HEADS = (
    "ubnd", "ủy ban", "hđnd", "hội đồng", "sở", "ban", "bộ", "văn phòng", "công an", "cục", "chi cục",
    "tổng cục", "viện", "trung tâm", "trường", "đảng ủy", "đảng đoàn", "cấp ủy", "tỉnh ủy", "thành ủy",
    "huyện ủy", "thị ủy", "quận ủy", "mặt trận", "mttq", "ubmttq", "hội", "đoàn", "liên đoàn", "phòng",
    "thanh tra", "kho bạc", "ngân hàng", "báo", "đài", "bệnh viện", "đồng chí", "chủ tịch",
    "phó chủ tịch", "giám đốc", "thủ trưởng", "người đứng đầu", "bí thư", "thường trực", "chính phủ",
    "phó giám đốc", "phó bí thư", "phó trưởng", "trưởng ban", "trưởng phòng", "chánh văn phòng",
    "thủ tướng", "quốc hội", "thuế", "thống kê", "kiểm toán", "tòa án", "viện kiểm sát", "cơ quan",
    "đơn vị", "doanh nghiệp", "tập đoàn", "tổng công ty", "công ty", "bảo hiểm xã hội", "bhxh",
    "bộ chỉ huy", "tổ công tác", "tổ giúp việc", "tổ hỗ trợ", "tcc", "tccs", "ủy viên", "lực lượng",
    "bưu điện", "chi nhánh", "liên hiệp", "liên minh",
    "các", "những", "mỗi", "cán bộ", "ngành", "địa phương",
)
_NOT_AGENCY = re.compile(
    r"^(?:ban hành|ban đầu|báo cáo|phòng,? chống|phòng ngừa|hội nghị|hội thảo|hội họp|đoàn kết|hội viên|"
    r"đoàn viên|"
    r"bộ chỉ tiêu|bộ chỉ số|bộ máy|bộ tiêu chí|bộ mặt|trường hợp|sở hữu|cơ quan nhà nước các cấp|"
    r"các (?!(?:cấp|sở|ban|bộ|ngành|cơ quan|đơn vị|phòng|tổ chức|đồng chí|đảng|địa phương|xã|huyện|"
    r"hội|đoàn|doanh nghiệp|trường|lực lượng|ủy ban|ubnd|thành viên|tỉnh|thành phố|bệnh viện|trung tâm|"
    r"trạm|chi cục|cục|công ty|ngân hàng|hợp tác xã|chi bộ|ấp|thôn|bản))|"
    r"những (?!(?:cơ quan|đơn vị|đồng chí|sở|ngành))|mỗi (?!(?:cơ quan|đơn vị|đồng chí)))"
)
# Extra heads of a compound name whose later words look like verbs: "Ủy ban kiểm tra Tỉnh ủy".
_LONG_HEADS = ("ủy ban kiểm tra", "ban chỉ đạo", "ban quản lý", "ban tổ chức", "ban xây dựng đảng",
               "trung tâm dịch vụ tổng hợp")  # a commune's service centre: "… tổng hợp xã"

_ROLE_VERBS: tuple[tuple[str, Role], ...] = (
    ("chủ trì", Role.LEAD),
    ("chịu trách nhiệm", Role.RESPONSIBLE),
    ("có trách nhiệm", Role.RESPONSIBLE),
    ("tham mưu", Role.ADVISE),
    ("phối hợp", Role.COORDINATE),
    ("chỉ đạo", Role.DIRECT),
    ("lãnh đạo", Role.DIRECT),
)
_GENERIC_VERBS = (
    "theo dõi", "hướng dẫn", "triển khai", "tổ chức", "xây dựng", "thực hiện", "nghiên cứu", "rà soát",
    "tập trung", "khẩn trương", "chủ động", "tiếp tục", "đôn đốc", "kiểm tra", "giám sát", "tăng cường",
    "đẩy mạnh", "cụ thể hóa", "ban hành", "báo cáo", "tổng hợp", "hoàn thành", "bảo đảm", "đảm bảo",
    "quán triệt", "tuyên truyền", "phổ biến", "quan tâm", "nâng cao", "thường xuyên", "kịp thời",
    "phát huy", "hỗ trợ", "cung cấp", "gửi", "lập", "thẩm định", "xem xét", "giải quyết", "sử dụng",
    "bố trí", "ưu tiên", "phụ trách", "được giao", "chuẩn bị", "tiếp thu", "hoàn chỉnh", "hoàn thiện",
    "lồng ghép", "đề xuất", "cập nhật", "vận động", "quản lý", "tham gia", "tiếp nhận", "xử lý",
    "khắc phục", "giao", "là", "làm", "có", "cần", "phải", "sẽ", "trình", "định hướng", "phát triển",
    "nắm", "ký", "cử", "mở rộng", "thúc đẩy", "tập huấn", "đánh giá", "sơ kết", "tổng kết",
    "phân bổ", "phê duyệt", "công bố", "điều chỉnh", "chi trả", "thẩm tra", "đăng tải", "biên soạn",
    "đăng ký", "nộp", "tiến hành", "duy trì", "vận hành", "bồi dưỡng", "khảo sát", "kiểm soát", "thanh toán",
)


def _verb_regex(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """Return a regex finding any of the lower-case verbs as whole words (case-sensitive)."""
    # "trình" inside "chương trình"/"quy trình"/"công trình" is a noun, not the verb
    alternatives = "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))
    # nor is "có" in "các cơ quan có liên quan": the phrase qualifies the name before it
    return re.compile(rf"(?<!\w)(?<!chương )(?<!quy )(?<!công )(?:{alternatives})(?!\w)(?!(?<=có) liên quan)")


_ANY_VERB = _verb_regex(tuple(v for v, _ in _ROLE_VERBS) + _GENERIC_VERBS)
_ROLE_VERB = _verb_regex(tuple(v for v, _ in _ROLE_VERBS))
_ROLE_OF = {verb: role for verb, role in _ROLE_VERBS}
# "Giao Sở Tài chính: …", "giao cho Văn phòng Tỉnh ủy phối hợp …", "Đề nghị Đảng uỷ … "
_ASSIGN = re.compile(r"(?:giao(?: cho)?|đề nghị|yêu cầu)\s+", re.I)
_BACK_BOUNDARY = re.compile(r"[,;:(]\s*|\s+và\s+")


@dataclass(frozen=True)
class Actor:
    """Who does something in a clause: the agency span and its role phrase span (into the text)."""

    name: tuple[int, int]
    role_phrase: tuple[int, int] | None
    role: Role | None


def is_agency(phrase: str) -> bool:
    """Return True when a phrase opens with an agency or office-holder word."""
    key = folded(phrase).lower().lstrip()
    if _NOT_AGENCY.match(key):
        return False
    if re.match(r"[A-ZĐ]{2,}\b(?![/-])", phrase.lstrip()):  # an acronym "UBND", "TCCS", not "NQ/TW"
        return True
    return any(re.match(rf"{re.escape(head)}(?!\w)", key) for head in _AGENCY_HEADS)


def _role_phrase(text: str, verb_start: int, end: int) -> tuple[int, int]:
    """Return the span from a verb to just before the next action verb: "chủ trì, phối hợp với Y"."""
    fold = folded(text)
    cursor = verb_start
    first = _ANY_VERB.match(fold, verb_start)
    cursor = first.end() if first else verb_start
    stop = end
    for match in _ANY_VERB.finditer(fold, cursor, end):
        between = fold[cursor:match.start()]
        if re.fullmatch(r"[\s,]*(?:và\s*)?(?:với\s*)?", between) and match.group(0) in _ROLE_OF:
            cursor = match.end()  # a chained role: "lãnh đạo, chỉ đạo", "chủ trì, phối hợp"
            continue
        stop = match.start()
        break
    for punct in (";", ":", ". "):
        pos = text.find(punct, verb_start, stop)
        if pos >= 0:
            stop = pos
    stop = min(stop, verb_start + 110)
    while stop > verb_start and not text[stop - 1].isalnum() and text[stop - 1] not in ")”\"":
        stop -= 1
    if stop < end and stop - verb_start >= 110:  # cut at a word boundary
        stop = text.rfind(" ", verb_start, stop) if text.rfind(" ", verb_start, stop) > verb_start else stop
    return verb_start, stop


def _subject_before(text: str, start: int, verb_start: int, longest: int = 120) -> tuple[int, int] | None:
    """Return the agency phrase ending at the clause's first verb, walking back over commas.

    "Các Sở: A, B chủ trì" -> "Các Sở: A, B"; "Căn cứ …, Ban X chủ trì" -> "Ban X"; but in
    "chủ trì, phối hợp các cơ quan, đơn vị tham mưu" the agencies are objects, not a subject.
    """
    fold = folded(text)
    candidates = [start] + [m.end() for m in _BACK_BOUNDARY.finditer(text, start, verb_start)]
    for begin in candidates:  # the longest agency phrase wins ("Các Sở: Nội vụ, Tư pháp, Tài chính")
        if verb_start - begin > longest:
            continue
        phrase = text[begin:verb_start]
        if not (phrase.strip() and is_agency(phrase)):
            continue
        if _ANY_VERB.search(fold, start, begin):
            return None  # the role verb is not the clause's first verb
        if _ANY_VERB.search(fold, _past_long_head(fold, begin), verb_start):
            continue
        person = _COMRADE.search(text, begin, verb_start)  # "tại Ủy ban nhân dân huyện, đồng chí A - Chủ
        if person:  # tịch UBND huyện chủ trì": the person named is the doer, not the place before
            begin = person.start()
        return begin, verb_start - (len(phrase) - len(phrase.rstrip(" ,")))
    return None


_COMRADE = re.compile(rf"\b[đĐ]ồng chí\s+(?=[{_UPPER}])")


def _past_long_head(fold: str, begin: int) -> int:
    """Return where a compound agency head ends ("Ủy ban kiểm tra …"), or begin."""
    key = fold[begin:begin + 30].lower()
    return begin + max((len(head) for head in _LONG_HEADS if key.startswith(head)), default=0)


def find_actor(text: str, start: int, end: int, longest: int = 120) -> Actor | None:
    """Return the agency doing the clause text[start:end] and its role, or None if the clause has none.

    Handles "X chủ trì, phối hợp với Y …", "Căn cứ …, X tham mưu …", "Giao X: …",
    "Các Sở: A, B triển khai …" and "X, Y: Chủ động …". An agency list opening the clause may be
    at most `longest` characters long.
    """
    fold = folded(text)
    lead = _ASSIGN.match(text, start, end)
    body = lead.end() if lead else start
    # a named role verb anywhere in the clause, with an agency right before it
    for match in _ROLE_VERB.finditer(fold, body, end):
        if text[max(0, match.start() - 9):match.start()] == "Hội đồng ":
            continue  # "Hội đồng phối hợp phổ biến, giáo dục pháp luật" names a council
        subject = _subject_before(text, body, match.start(), longest)
        if subject:
            return Actor(subject, _role_phrase(text, match.start(), end), _ROLE_OF[match.group(0)])
    if not is_agency(text[body:end]):
        return None
    # the clause opens with an agency: it runs to the first lower-case verb or a lead-in colon
    head_end = _past_long_head(fold, body)
    verb = _ANY_VERB.search(fold, head_end, end)
    colon = text.find(":", body, verb.start() if verb else end)
    phrase: tuple[int, int] | None
    if colon >= 0 and (len(text[body:colon].split()) > 2 or lead):
        name_end, phrase = colon, None
    elif verb and verb.start() - body <= longest:
        name_end, phrase = verb.start(), _role_phrase(text, verb.start(), end)
    elif lead and end - body <= 120:
        name_end, phrase = end, None  # "Giao Sở Tài chính" as a heading line
    else:
        return None
    name_end = body + len(text[body:name_end].rstrip(" ,:"))
    if name_end - body < 2:
        return None
    role = _ROLE_OF.get(fold[phrase[0]:phrase[1]].split(",")[0].strip()) if phrase else None
    return Actor((body, name_end), phrase, role)


def series_start(text: str, sentence_start: int, name_start: int) -> int:
    """Return where the agencies before an actor begin when its sentence lists them by "; " first, else
    `name_start`: "Chánh Văn phòng UBND tỉnh; Giám đốc Công an tỉnh; Chủ tịch UBND các xã chịu trách
    nhiệm thi hành …" is done by all three (each piece an agency, none with a verb of its own)."""
    before = text[sentence_start:name_start]
    if not before.rstrip().endswith(";"):
        return name_start
    pieces = _pieces(text, re.compile(";"), sentence_start, name_start)
    if pieces and all(is_agency(text[s:e]) and not _ANY_VERB.search(folded(text[s:e])) for s, e in pieces):
        return pieces[0][0]
    return name_start


def heading_actor(heading: str) -> str | None:
    """Return the agency a heading names: "2.2.3. Ban Tổ chức Tỉnh ủy" -> "Ban Tổ chức Tỉnh ủy", "Điều 9.
    Trách nhiệm của Sở Tài chính" -> "Sở Tài chính"."""
    start, end = _trimmed(heading, 0, len(heading))
    duties = _DUTIES_OF.match(heading, start, end)
    if duties:  # "Điều 9. Trách nhiệm của Sở Tài chính" names Sở Tài chính
        start = duties.end()
    if not is_agency(heading[start:end]) and not _ASSIGN.match(heading, start, end):
        return None
    lead = _ASSIGN.match(heading, start, end)
    body = lead.end() if lead else start
    if end - body <= 100:  # the whole heading: "Ban Cán sự đảng UBND tỉnh lãnh đạo UBND tỉnh"
        return heading[body:end].rstrip(" :") or None
    actor = find_actor(heading, start, end)
    return heading[actor.name[0]:actor.name[1]] if actor else None


def starts_with_verb(text: str, start: int) -> bool:
    """Return True when a clause opens with a verb ("Chủ trì, phối hợp …"), i.e. has no subject."""
    return _ANY_VERB.match(folded(text[start:start + 40]).lower()) is not None


def verb_phrase_at_start(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the role phrase of a subject-less clause: "Chủ trì, phối hợp Sở Tư pháp"."""
    lower = text[:start] + text[start:start + 1].lower() + text[start + 1:]
    return _role_phrase(lower, start, end)


def role_of_phrase(text: str, span: tuple[int, int]) -> Role | None:
    """Return the role named by a role phrase, if any ("chủ trì, phối hợp …" -> LEAD)."""
    key = folded(text[span[0]:span[1]]).lower()
    return next((role for verb, role in _ROLE_VERBS if key.startswith(verb)), None)


# --- agency names mentioned anywhere ------------------------------------------------------------

# The first word of an agency name as written (capitalised): "Văn phòng", "Sở", "UBND", …
_NAME_HEAD = re.compile(
    r"(?<!\w)(?:UBND|HĐND|UBMTTQ|MTTQ|Sở|Ban|Bộ|Văn phòng|[ỦU][ỷy] ban|Công an|Cục|Chi cục|Viện|Trung tâm|"
    r"Hội đồng|Mặt trận|Thanh tra|Kho bạc|Đảng [ủu][ỷy]|Tỉnh [ủu][ỷy]|Thành [ủu][ỷy]|Huyện [ủu][ỷy]|"
    r"Cơ quan|Tòa án|Trường|Hội|Đoàn|Liên đoàn|Bệnh viện|Thuế|Thống kê|Chính phủ|Quốc hội|Thủ tướng|"
    r"(?:Phó )?Chủ tịch|Giám đốc|(?:Phó )?Bí thư|Thủ trưởng|Chánh Văn phòng|Trưởng ban|Ngân hàng|Đài|"
    r"Công ty|Hiệp hội|Bảo hiểm xã hội|Kiểm toán|Tỉnh đoàn|Thành đoàn|Huyện đoàn|Chi nhánh"
    r"|Chi hội|Chi đoàn|Chi bộ|Bưu điện|Liên minh|Liên hiệp"
    rf"|(?:Phòng|Thường trực|Báo|Cổng)(?=\s+[{_UPPER}]))(?!\w)"  # "Phòng Tư pháp", not "Phòng, chống …"
)
# Lower-case words that still belong to a name: "Ủy ban nhân dân tỉnh", "Ủy ban kiểm tra Tỉnh ủy"
NAME_LOWER = frozenset(
    ["nhân", "dân", "tỉnh", "huyện", "xã", "phường", "thành", "phố", "trung", "ương", "kiểm", "tra", "các",
     "đảng"])
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*|\S")
# Lower-case words that never continue a name: "Sở Y tế về …", "Sở Nội vụ trong …"
_NOT_NAME = frozenset({
    "về", "với", "của", "cho", "trong", "tại", "theo", "để", "những", "đã", "đang", "sẽ", "được", "bị", "là",
    "có", "khi", "nếu", "thì", "mà", "này", "đó", "trên", "dưới", "từ", "đến", "năm", "ngày", "tháng", "quý",
    "đợt", "lần", "và", "hoặc", "cùng", "như", "nhằm", "qua", "do", "bằng", "trước", "sau", "vào", "lúc",
    "hằng", "hàng", "mỗi", "tới", "ngay", "gồm"})


def agency_mentions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the spans of agency names in a clause: "gửi về Sở Nội vụ - …" -> "Sở Nội vụ".

    A name runs from a capitalised head over capitalised words, up to three lower-case words after a
    capitalised one ("Sở Giao thông vận tải", "Kho bạc Nhà nước khu vực XV") unless they are verbs or
    function words, "&" inside an abbreviation ("Sở GD&ĐT"), "và" before a capitalised word, and
    the words in NAME_LOWER; up to five when a verb or punctuation right after them ends the name
    ("Phòng Bảo vệ chính trị nội bộ theo dõi …").
    """
    spans: list[tuple[int, int]] = []
    fold = folded(text)
    for head in _NAME_HEAD.finditer(text, start, end):
        if spans and head.start() < spans[-1][1]:
            continue
        if re.search(r"[A-ZĐ0-9][-/]$", text[max(0, head.start() - 2):head.start()]):
            continue  # the issuer's letters of a số hiệu: "37/KH-UBND" (not "-Sở Tài chính" of a list)
        name_end = max(head.end(), _past_long_head(fold, head.start()))  # "Ủy ban kiểm tra …"
        lower_run = 0  # lower-case words since the last capitalised one
        plain_run = False  # whether those words hold more than place words ("tỉnh"): "Quan trắc tài nguyên"
        # (two lower-case words at least before a "và" that joins more: not the "ủy" of "Tỉnh ủy và ý kiến")
        dashed = False
        within = name_end  # the end after at most three lower-case words in a row
        confirmed = False  # whether the name ends at a verb, a function word or punctuation
        for word in _WORD.finditer(text, name_end, end):
            gap = text[name_end:word.start()]
            if word.group(0) in ("-", "–") and not dashed:
                following = re.match(r"\s*", text[word.end():end])
                if gap == " " and following and _joins_name(text, word.end() + following.end(), end):
                    dashed = True  # "Ban Văn hóa - Xã hội", "Sở Lao động - Thương binh và Xã hội"
                    continue
                break
            if gap.strip() not in ("", "-", "–") or (gap.strip() and not dashed):
                confirmed = True
                break  # punctuation between words ends the name
            token = word.group(0)
            after = text[word.end():word.end() + 2]
            if token[0].isupper() or (token == "&" and after[:1].isupper()):
                lower_run, plain_run = 0, False
            elif token == "và" and re.match(r"\s+[" + _UPPER + r"]", after):
                lower_run = 1
            elif token == "và" and plain_run and lower_run >= 2 and _joins_lower(text, word.end(), end, fold):
                lower_run, plain_run = 1, False  # "Trung tâm Quan trắc tài nguyên và môi trường"
            elif token.isalpha() and (token in NAME_LOWER or (lower_run < 5 and token not in _NOT_NAME)):
                compound = f"{text[:name_end].rsplit(None, 1)[-1].lower()} {token}" in _NOUN_COMPOUNDS
                if _ANY_VERB.match(fold, word.start()) and not compound:
                    confirmed = True
                    break
                lower_run += 1
                plain_run = plain_run or token not in NAME_LOWER
            else:
                confirmed = not (token.isalpha() and lower_run >= 5 and token not in _NOT_NAME)
                break
            name_end = word.end()
            if lower_run <= 3 or token in NAME_LOWER:
                within = name_end
        if not confirmed:  # no verb or stop after more than three: keep three ("Sở Tài chính cân đối")
            name_end = within
        bare = (_LOWER_NAMED.match(text, name_end, end)
                if name_end == head.end() and head.group(0) in _LOWER_NAMED_HEADS else None)
        if bare and not set(bare.group(1).split()) & _NOT_NAME and not _ROLE_VERB.search(bare.group(1)) \
                and not _DOC_NAMED.match(text, bare.end(1)):
            name_end = bare.end()  # a head alone before "xây dựng Đảng": "Ban xây dựng Đảng" is one name
        tail = _COMMA_NAME_TAIL.match(text, name_end, end)
        if tail:  # "Sở Văn hóa, Thể thao và Du lịch": the one name of the genre with a comma in it
            name_end = tail.end()
        level = _SAME_LEVEL.match(text, name_end, end)
        if level:  # "Ban Chỉ huy Quân sự cùng cấp": the body of the same level is part of the name
            name_end = level.end()
        places = _PLACE_LIST_TAIL.match(text, name_end, end)
        if places and _PLACES_END.search(text, max(0, name_end - 20), name_end):
            name_end = places.end()  # "UBND các xã, phường", "UBND các huyện, thị xã, thành phố"
        spans.append((head.start(), name_end))
    return spans


# Heads whose names may go on in lower case after them: "Ban xây dựng Đảng", "Sở nội vụ"
_LOWER_NAMED_HEADS = ("Ban", "Sở", "Phòng")
# Lower-case words (a verb among them) between a bare head and the capitalised word ending its name:
# "Ban| xây dựng Đảng", "Ban| tổ chức Hội thi" (not a role verb or a document: "Sở chủ trì Kế hoạch")
_LOWER_NAMED = re.compile(rf" ((?:[a-zđà-ỹ]+ ){{1,2}})[{_UPPER}]\w*(?: [{_UPPER}]\w*)*")


# A document type after those lower-case words ends no name: "Sở xây dựng| Kế hoạch"
_DOC_NAMED = re.compile(rf"(?:{DOC_TYPES})\b")


def _joins_lower(text: str, at: int, end: int, fold: str) -> bool:
    """Return whether the lower-case word after a "và" at `at` goes on with a name: "môi trường" of
    "Trung tâm Quan trắc tài nguyên và môi trường" does; "các địa phương" or a verb opens another phrase."""
    following = re.match(r"\s+([^\W\d_]+)", text[at:end])
    if following is None or not following.group(1).islower():
        return False
    word = following.group(1)
    verb = _ANY_VERB.match(fold, at + following.start(1))
    return word not in _NOT_NAME and word not in NAME_LOWER and not verb


# What joins the agencies of a series: a comma, a semicolon or "và" ("A, B và C")
_SERIES_JOIN = re.compile(r"\s*(?:[,;]\s*(?:và\s+)?|và\s+)")


def joined_runs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the first start and last end of two or more spans written one after another, only commas,
    semicolons or "và" between them ("A, B và C"): agencies, or the documents a sentence cites."""
    series: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for span in [*spans, (len(text) + 1, len(text) + 1)]:  # a sentinel closes the last run
        if run and span[0] <= len(text) and _SERIES_JOIN.fullmatch(text, run[-1][1], span[0]):
            run.append(span)
            continue
        if len(run) >= 2:
            series.append((run[0][0], run[-1][1]))
        run = [span]
    return series


def agency_series(text: str, mentions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the spans of two or more agencies named one after another: "Ban Tổ chức Thành ủy, Ủy ban
    Kiểm tra Thành ủy, Sở Nội vụ và Báo Hà Nội" (only commas, semicolons or "và" between them)."""
    return [(first, _collective_tail(text, last)) for first, last in joined_runs(text, mentions)]


# A collective closing a series: "…, Trung tâm Khuyến nông tỉnh và các địa phương"
_COLLECTIVE_TAIL = re.compile(r"\s*(?:,\s*(?:và\s+)?|và\s+)(?:các|những)\s+")


def _collective_tail(text: str, end: int) -> int:
    """Return where a series ends, past a closing collective ("và các địa phương", "và các sở, ngành
    liên quan" stops at the verb after it)."""
    tail = _COLLECTIVE_TAIL.match(text, end)
    if tail is None:
        return end
    fold = folded(text)
    stop = tail.end()
    for word in re.finditer(r"[^\W\d_]+", text[tail.end():tail.end() + 40]):
        at = tail.end() + word.start()
        if text[stop:at].strip() or _ANY_VERB.match(fold, at) or word.group(0)[0].isupper():
            break
        stop = at + len(word.group(0))
    return stop if stop > tail.end() else end


# Local units listed after "các": "các xã, phường", "các huyện, thị xã, thành phố"
_PLACE_UNIT = r"(?:xã|phường|thị trấn|thị xã|thành phố|huyện|quận|đặc khu)"
_PLACE_LIST_TAIL = re.compile(rf"(?:,\s*{_PLACE_UNIT}(?!\w))+")
_PLACES_END = re.compile(rf"\bcác\s+{_PLACE_UNIT}$")


# A syllable and a verb that together make a noun of a name: "Văn phòng Đăng ký đất đai", "Phòng Giáo
# dục mầm non - Giáo dục thường xuyên" (continuing education, not "often")
_NOUN_COMPOUNDS = frozenset({"đăng ký", "dục thường"})


# The body of the same level after a name: "Ban Chỉ huy Quân sự| cùng cấp"
_SAME_LEVEL = re.compile(r"\s+cùng cấp\b")
# The rest of a ministry or department name that itself holds a comma
_COMMA_NAME_TAIL = re.compile(r",\s*(?:Thể thao và Du lịch|Thương binh và Xã hội|Truyền hình)\b"
                              rf"(?:\s+[{_UPPER}]\w*)*")  # and the place after it: "… Truyền hình Hà Nội"


def _joins_name(text: str, at: int, end: int) -> bool:
    """Return whether the capitalised word at `at`, after a dash, goes on with the name before the dash:
    "Xã hội" of "Ban Văn hóa - Xã hội" does; an office or another agency ("- Cơ quan thường trực",
    "- Phó Chủ tịch UBND tỉnh", "- Sở Tài chính") opens an apposition or a new item instead."""
    if not text[at:at + 1].isupper() or is_agency(text[at:end]):
        return False
    return _OFFICE_WORD.match(folded(text[at:at + 20]).lower()) is None


# Words opening an office or apposition after a dash: "- Phó Chủ tịch", "- Ủy viên", "- Trưởng ban"
_OFFICE_WORD = re.compile(r"(?:phó|ủy viên|uỷ viên|trưởng|chủ tịch|giám đốc|bí thư|thành viên|tổ trưởng|"
                          r"thường trực|cơ quan|chánh|tỉnh ủy viên|đại diện|lãnh đạo)\b")


# A person named with a title: "đồng chí Nguyễn Đình Trung - Ủy viên Ban Chấp hành Trung ương Đảng"
#   (?:đồng chí|ông|bà|đ/c)\s+        the title
#   ((?:[UPPER]\w*\s+){1,4}[UPPER]\w*)  two to five capitalised syllables: the name
# (not an office: "đồng chí Trưởng Ban Tuyên giáo …", "đồng chí Phó Chủ tịch UBND huyện" name no person)
_PERSON = re.compile(
    r"(?:[Đđ]ồng chí|[ÔôOo]ng|[Bb]à|[Đđ]/[Cc])\s+"
    r"(?!(?:Trưởng|Phó|Chủ tịch|Giám đốc|Bí thư|Thủ trưởng|Chánh|Tổng|Ủy viên|Uỷ viên|Thường trực)\b)"
    rf"((?:[{_UPPER}]\w*\s+){{1,4}}[{_UPPER}]\w*)")


def person_mentions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return spans of person names introduced by a title in text[start:end]."""
    return [m.span(1) for m in _PERSON.finditer(text, start, end)]


# --- what a question's noun names -------------------------------------------------------------------

# Where a completion stops: the end of a clause or sentence, a colon or a bracket (not a dash:
# "Bắc - Nam", "2025 - 2030" are one phrase); an
# enumeration runs on over "; " when a colon opened it ("… các dự thảo: A; B, C")
_PHRASE_STOP = re.compile(r"[;:()]|\.(?!\d)|\n\s*\n")
_LIST_STOP = re.compile(r";|\.(?!\d)|\n\s*\n")
_SENTENCE_STOP = re.compile(r"\.(?!\d)|\n\s*\n")


def completions(text: str, start: int, end: int, head: tuple[str, ...], enumeration: bool,
                limit: int) -> list[tuple[int, int]]:
    """Return spans opening with the question's noun and running on over what the text says it is.

    "… nhân rộng mô hình trạm y tế thông minh tại các xã; …" for the noun "mô hình" gives "mô hình
    trạm y tế thông minh tại các xã"; a quoted name or a parenthesised list right after the noun is
    taken whole: "các huyện miền núi (Lạc Dương, Đam Rông)". With `enumeration` the span runs over
    commas, "và", "hoặc" to the end of the clause: "các kỳ tháng, quý hoặc năm". Empty when nothing
    follows the noun.
    """
    if not head:
        return []
    key = folded(text).lower()
    forms = [head] if len(head) == 1 else [head, head[-1:]]
    spans: list[tuple[int, int]] = []
    for form in forms:
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(word) for word in form) + r"(?!\w)")
        for match in pattern.finditer(key, start, end):
            opening = match.start()
            named = re.search(rf"(?<!\w)[{_UPPER}]\w*\s+$", text[max(start, opening - 20):opening])
            if form is not head and named:  # "cuộc họp nào" met as "Phiên họp thứ nhất": from "Phiên"
                opening -= len(named.group(0))
            stop = _completion_end(text, match.end(), end, enumeration)
            stop = min(stop, opening + limit)
            if stop < end and stop - opening >= limit:  # cut at a word boundary
                stop = max(text.rfind(" ", opening, stop), match.end())
            while stop > match.end() and not (text[stop - 1].isalnum() or text[stop - 1] in ")”\"%"):
                stop -= 1
            if len(text[match.end():stop].strip(" ,.:;()“”\"")) >= 3:
                spans.append((opening, stop))
        if spans:
            break
    return spans


def _completion_end(text: str, after: int, end: int, enumeration: bool) -> int:
    """Return where the phrase after a noun ends (see `completions`)."""
    rest = text[after:end]
    opener = re.match(r"\s*([“\"(])", rest)
    if opener:  # a quoted name or a parenthesised list right after the noun: take it whole
        close = {"“": "”", '"': '"', "(": ")"}[opener.group(1)]
        closing = text.find(close, after + opener.end(), end)
        if closing >= 0 and not enumeration or closing >= 0 and opener.group(1) != "(":
            return closing + 1
        if closing >= 0:
            stop = _LIST_STOP.search(text, closing + 1, end)
            return stop.start() if stop else end
    pattern = _LIST_STOP if enumeration else _PHRASE_STOP
    if re.match(r"[^;:.]{0,40}:", rest):  # "… như: A, B, C" lists its items after the colon
        pattern = _SENTENCE_STOP
    stop = pattern.search(text, after, end)
    return stop.start() if stop else end


# A place name as written: "thành phố Cần Thơ", "tỉnh Lâm Đồng", "xã Ea Kao", "Đam Rông"
_PLACE_OPENING = re.compile(rf"(?:(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường)\s+)?[{_UPPER}]", re.I)


def objects_after(text: str, start: int, end: int, preposition: str, after_words: set[str],
                  places: bool = False, anything: bool = False) -> list[tuple[int, int]]:
    """Return the agencies a preposition introduces, up to the next verb or clause end.

    "Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp, Trung tâm Hành chính công và các địa phương rà
    soát …" with "với" after "hợp" gives "Sở Tư pháp, Trung tâm Hành chính công và các địa phương".
    Only prepositions right after one of `after_words` count. With `places`, place names count
    too: "… áp dụng tại thành phố X, thành phố Y và tỉnh Z"; with `anything`, any phrase ("của những chủ
    thể nào": "của hệ thống chính trị, doanh nghiệp và người dân").
    """
    fold = folded(text)
    lower = fold.lower()
    spans = []
    # (or opening a bracket: "phản ánh về Ban X (qua phòng Y)" names the channel of what it follows)
    for match in re.finditer(rf"(?<!\w)(\w+)\s+(\(\s*)?{re.escape(preposition)}\s+", lower[:end]):
        if match.start() < start or (match.group(1) not in after_words and not match.group(2)):
            continue
        begin = match.end()
        if not (anything or is_agency(text[begin:end]) or places and _PLACE_OPENING.match(text, begin, end)):
            continue
        # the first verb, not one naming a bare head's agency: "Ban xây dựng Đảng"
        verb = next((v for v in _ANY_VERB.finditer(fold, begin, end)
                     if not _BARE_HEAD_BEFORE.search(text, max(begin, v.start() - 8), v.start())), None)
        punct = _OBJECT_END.search(text, begin, end)
        # (any phrase ends where a phrase of time, place or purpose begins: "… người dân | trong quá trình")
        phrase_end = _PHRASE_AFTER.search(text, begin, end) if anything else None
        stop = min(verb.start() if verb else end, punct.start() if punct else end, begin + 300,
                   phrase_end.start() if phrase_end else end)
        phrase = _TRAILING_PREPOSITION.sub("", text[begin:stop].rstrip(" ,"))  # "Bộ Chính trị về| tiếp tục"
        stop = begin + len(phrase)
        if stop - begin >= 3:
            spans.append((begin, stop))
    return spans


# A phrase of time, place or purpose, or a verb, after an object: " trong quá trình …", " để …", " đã đề ra"
_PHRASE_AFTER = re.compile(r"\s+(?:trong|để|nhằm|khi|tại|theo|đã|sẽ|đang|được|phải)\s", re.I)
# Where an agency phrase ends: a clause mark, or a contact after it ("phòng Khoa giáo, điện thoại …")
_OBJECT_END = re.compile(r"[;:.()]|,\s*(?:điện thoại|ĐT|email|e-mail|fax)\b", re.I)
# A head alone right before a verb that names its agency: "Ban |xây dựng Đảng"
_BARE_HEAD_BEFORE = re.compile(rf"(?<!\w)(?:{'|'.join(_LOWER_NAMED_HEADS)})\s+$")
# A preposition left at the end of an agency phrase cut before a verb: "của Bộ Chính trị về (tiếp tục …)"
_TRAILING_PREPOSITION = re.compile(r"(?:\s+(?:về|tại|trong|theo|nhằm|đối với|cho))+$", re.I)
