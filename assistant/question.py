"""Question analysis: what kind of answer a Vietnamese question asks for, and its content words.

Pure functions over strings. Matching is done on the `match_key` form (tone-folded, lower case),
so "Tỉnh uỷ"/"Tỉnh ủy" and "Ai"/"ai" are treated alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from indexer.normalize import match_key


class QuestionKind(Enum):
    """The kind of answer a question asks for; chooses the extractor."""

    WHO = "who"  # an agency or person: "Ai …", "Cơ quan nào …"
    WHEN = "when"  # a date, deadline or period: "khi nào", "thời hạn", "bao lâu một lần"
    NUMBER = "number"  # a quantity with its unit: "bao nhiêu", "mấy"
    DOC = "doc"  # a referenced document: "văn bản nào", "nghị quyết nào"
    WHAT = "what"  # a content phrase or sentence: "là gì", "về vấn đề gì"
    LIST = "list"  # several items: "gồm những gì", "những nhiệm vụ nào"
    FREE = "free"  # no recognisable question word
    SIGNER = "signer"  # who signed the document (metadata)
    ISSUE_DATE = "issue_date"  # when the document was issued (metadata)
    DOC_NUMBER = "doc_number"  # the số hiệu of the document (metadata)
    ISSUER = "issuer"  # which body issued the document (metadata)


METADATA_KINDS = frozenset(
    {QuestionKind.SIGNER, QuestionKind.ISSUE_DATE, QuestionKind.DOC_NUMBER, QuestionKind.ISSUER}
)


class Role(Enum):
    """The assignment role a who-question asks about."""

    LEAD = "lead"  # "chủ trì"
    COORDINATE = "coordinate"  # "phối hợp"
    ADVISE = "advise"  # "tham mưu"
    DIRECT = "direct"  # "chỉ đạo", "lãnh đạo"
    RESPONSIBLE = "responsible"  # "chịu trách nhiệm"


@dataclass(frozen=True)
class QuestionAnalysis:
    """A question's kind, the role or unit it names, and its content terms (match_key form)."""

    text: str
    kind: QuestionKind
    terms: tuple[str, ...]  # content syllables, question words and stop words removed
    preposition: str | None = None  # the word before a who-cue: "qua" in "qua cơ quan nào"
    focus: tuple[str, ...] = ()  # the terms right before the question word: "triển khai … những giải pháp gì"
    role: Role | None = None  # for WHO questions naming an assignment role
    unit: str | None = None  # for NUMBER questions: the counted noun, "điểm cầu"
    doc_type: str | None = None  # for DOC questions: the asked document type, "nghị quyết"
    person: bool = False  # WHO question about a person ("Ai là Giám đốc …", "đồng chí nào")
    deadline: bool = False  # WHEN question about a deadline ("thời hạn", "trước ngày nào")
    day: bool = False  # WHEN question asking for a day ("ngày nào", "trước ngày nào"), not a month or year
    place: bool = False  # the question asks for places ("ở những huyện nào", "xã nào")
    venue: bool = False  # the question asks where something is held ("tổ chức ở đâu", "địa điểm nào")
    period: bool = False  # WHEN question about a frequency ("bao lâu một lần", "định kỳ")
    hour: bool = False  # WHEN question asking for an hour ("mấy giờ", "giờ nào")
    names: tuple[str, ...] = ()  # proper names the question gives: places, people ("Lâm Đồng")
    years: tuple[str, ...] = ()  # years the question gives ("2026")
    ordinals: tuple[str, ...] = ()  # which one of a series the question asks about ("thứ hai", "lần thứ 3")
    agencies: tuple[str, ...] = ()  # agencies the question names ("giao Sở Tư pháp nhiệm vụ gì")
    plural: bool = False  # the question asks for several things ("những cơ quan nào", "gồm những gì")
    ranged: bool = False  # both ends of a range are asked ("từ ngày nào đến ngày nào", "từ lớp mấy …")
    head: tuple[str, ...] = ()  # the noun the question word asks about: "mô hình" in "là mô hình gì"
    excluded: tuple[str, ...] = ()  # what "Ngoài …," sets aside: "Ngoài quy chế, … những văn bản nào"
    recipients: str | None = None  # the document's addressees are asked: "" all, or "báo cáo", "thực hiện"

    @property
    def bigrams(self) -> tuple[str, ...]:
        """Return adjacent term pairs; Vietnamese words are mostly two syllables."""
        return tuple(f"{a} {b}" for a, b in zip(self.terms, self.terms[1:], strict=False))


# Interrogative cues per kind, in match_key form. The earliest cue in the question decides the
# kind ("Văn bản nào quy định thời hạn …" asks for a document, not a date).
_CUES: dict[QuestionKind, tuple[str, ...]] = {
    QuestionKind.WHEN: (
        "khi nào", "bao giờ", "ngày nào", "ngày bao nhiêu", "ngày mấy", "thời hạn", "hạn chót",
        "trước ngày nào",
        "thời gian nào", "lúc nào", "mấy giờ", "tháng nào", "năm nào", "thời điểm nào", "bao lâu",
        "định kỳ", "mấy lần", "chậm nhất", "hạn cuối", "mấy tháng một lần", "mấy năm một lần",
        "mấy tuần một lần", "bao lâu một lần", "giờ nào", "khung giờ", "vào thứ mấy",
        "tháng mấy", "quý mấy",  # a month asked, not a number of months ("trong mấy tháng")
    ),
    QuestionKind.NUMBER: ("bao nhiêu", "mấy", "số lượng", "tỷ lệ", "tỉ lệ", "bao lăm"),
    QuestionKind.WHO: (
        "ai", "cơ quan nào", "đơn vị nào", "sở nào", "bộ phận nào", "ban nào", "người nào",
        "ngành nào", "tổ chức nào", "đồng chí nào", "bộ nào", "phòng nào", "lực lượng nào",
        "cấp nào", "địa phương nào", "cá nhân nào", "chủ thể nào", "những cơ quan nào",
        "các cơ quan nào", "những đơn vị nào", "các đơn vị nào", "về đâu", "gửi đâu", "tới đâu",
        "lãnh đạo nào", "bên nào phải", "bên nào chịu", "bên nào có trách nhiệm", "bên nào được giao",
    ),
    QuestionKind.DOC: (
        "văn bản nào", "kế hoạch nào", "nghị quyết nào", "chỉ thị nào", "kết luận nào",
        "quyết định nào", "hướng dẫn nào", "chương trình nào", "chương trình hành động nào",
        "công văn nào", "thông báo nào", "luật nào", "nghị định nào", "thông tư nào", "quy định nào",
        "căn cứ vào đâu", "căn cứ văn bản", "báo cáo nào", "tờ trình nào", "công điện nào",
    ),
    QuestionKind.LIST: (
        "gồm những gì", "gồm những", "bao gồm", "những gì", "liệt kê", "những nội dung nào",
        "những nhiệm vụ nào", "các nhiệm vụ nào", "các nội dung nào", "những lĩnh vực nào",
        "các lĩnh vực nào", "những giải pháp nào", "những việc gì", "những nhiệm vụ gì",
        "kể tên", "nêu tên", "nêu các", "nêu những", "kể ra",
    ),
    QuestionKind.WHAT: (
        "là gì", "về vấn đề gì", "vấn đề gì", "nội dung gì", "như thế nào", "ra sao", "gì",
        "nào", "mục đích", "yêu cầu", "ở đâu", "tại đâu", "vào đâu", "vì sao", "tại sao", "do đâu",
    ),
}

# Metadata questions: "Ai ký …", "… ban hành ngày nào", "số hiệu …", "Cơ quan nào ban hành kế hoạch …".
# "ký" must not be "ký kết" (signing an agreement is content, not the document's signer).
_SIGN = re.compile(r"(?<!thư )\bký\b(?! kết)")  # nor "Tổ Thư ký", a secretariat
_SIGNER_WORD = re.compile(r"người ký|chức danh|chức vụ|cương vị|\bai\b|người nào|đồng chí nào|\bnào ký\b")
_DOC_WORDS = (r"(?:văn bản|kế hoạch|hướng dẫn|thông báo|chỉ thị|quyết định|công văn|nghị quyết|kết luận|"
              r"chương trình|quy chế|quy định|đề án|nghị định|thông tư|báo cáo|tờ trình|này)")
# "ban hành" directly followed by a document word: "ban hành kế hoạch này"; or a document word, up to
# 16 words (a số hiệu "21/ct-ubnd" among them) and "(được) ban hành"
_ISSUED_DOC = re.compile(
    rf"ban hành (?:\w+ )?{_DOC_WORDS}|{_DOC_WORDS}(?: \S+){{0,32}} (?:được |do \w+ )?ban hành")
_WHO_WORD = re.compile(r"\b(?:ai|cơ quan nào|đơn vị nào|người nào|đồng chí nào)\b")
_DATE_WORD = re.compile(
    r"\b(?:ngày nào|khi nào|ngày bao nhiêu|ngày mấy|thời gian nào|bao giờ|ngày tháng năm nào)\b")
# The number of a part of a document, not its số hiệu: "phụ lục số mấy", "điều số mấy", "biểu mẫu số mấy"
_PART_NUMBER = re.compile(
    r"\b(?:phụ lục|mục|điều|khoản|biểu mẫu|mẫu|phần|chương)\s+số\s+(?:mấy|bao nhiêu|nào)\b")
_NUMBER_WORD = re.compile(r"số hiệu|số ký hiệu|ký hiệu|\bsố (?:mấy|bao nhiêu|là gì|nào)\b")

_ROLES: tuple[tuple[str, Role], ...] = (
    ("chủ trì", Role.LEAD),
    ("chịu trách nhiệm", Role.RESPONSIBLE),
    ("tham mưu", Role.ADVISE),
    ("phối hợp", Role.COORDINATE),
    ("chỉ đạo", Role.DIRECT),
    ("lãnh đạo", Role.DIRECT),
)

# An office a person holds, in match_key form: "phó chủ tịch", "tổ trưởng", "trưởng ban", "bí thư"
OFFICE = (r"(?:phó )?(?:tổ trưởng|tổ phó|trưởng ban|trưởng đoàn|trưởng phòng|trưởng|chủ tịch|giám đốc|bí thư|"
          r"thư ký|chủ nhiệm|chánh văn phòng|chánh thanh tra|thủ trưởng)\b")
# "Phó Chủ tịch UBND tỉnh nào dự …": which holder of an office did something (not "Giám đốc những sở nào")
_OFFICE_WHICH = (rf"^(?:đồng chí )?{OFFICE}(?:(?!những|các|\blà\b)[^?,]){{0,60}}? nào "
                 r"(?:dự|tham dự|chủ trì|phát biểu|ký|kết luận|làm|phụ trách)\b")
# Person questions: "… là ai", "Ai là …", "Ai làm Tổ trưởng …", "đồng chí Bí thư … tên là gì"
_PERSON_CUE = re.compile(r"\bai là\b|\blà ai\b|đồng chí nào|họ tên|ông nào|bà nào|lãnh đạo nào"
                         rf"|\bai (?:làm|giữ chức|giữ|đảm nhiệm) {OFFICE}"
                         rf"|(?:đồng chí|ông|bà|{OFFICE}).*\btên (?:là )?gì"
                         rf"|{_OFFICE_WHICH}")
_NAME_ASKED = re.compile(rf"\bhọ (?:và )?tên\b|(?:đồng chí|{OFFICE}).*\btên (?:là )?gì"
                         rf"|{_OFFICE_WHICH}")
_DEADLINE_CUES = ("thời hạn", "hạn chót", "trước ngày", "chậm nhất", "hạn cuối", "hạn", "trước khi nào")
_NOT_DEADLINE = re.compile(r"\b(?:trung|dài|ngắn) hạn\b|\bhạn (?:mức|chế|hán)\b")
_PERIOD_CUES = ("bao lâu", "định kỳ", "mấy lần", "một lần", "mấy tháng", "chu kỳ")

# Cues that are also content words of the genre ("I. MỤC ĐÍCH, YÊU CẦU"); kept as terms.
_CONTENT_CUES = frozenset(
    {"nào", "gì", "thời hạn", "hạn chót", "định kỳ", "số lượng", "tỷ lệ", "tỉ lệ", "mục đích", "yêu cầu",
     "chậm nhất", "hạn cuối"}
)

# Words that carry no content for matching: question words, particles, the genre's glue words.
STOPWORDS = frozenset(
    match_key(word)
    for line in (
        "ai gì nào đâu sao bao nhiêu mấy khi là của và các những được có cho với về theo trong",
        "thì mà này đó đã sẽ đang phải để ở tại từ đến do bởi như thế ra việc một hay hoặc",
        "không gồm hỏi cần nêu vậy nhỉ ạ à lúc giờ",
    )
    for word in line.split(" ")
)

# A token: letters/digits with inner "-", "/" or "." (keeps "05-CT/TU", "1.500", "20/8/2024" whole).
_TOKEN = re.compile(r"\w+(?:[-/.]\w+)*")


# A footnote reference glued to a word: "chủ trì¹" (the footnote itself is a passage of its own)
NOTE_MARK = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


@lru_cache(maxsize=4096)
def content_terms(text: str) -> tuple[str, ...]:
    """Return the content tokens of a text in match_key form, stop words and footnote marks removed,
    in order (cached)."""
    return tuple(tok for tok in _TOKEN.findall(match_key(NOTE_MARK.sub("", text))) if tok not in STOPWORDS)


def _cue_position(key: str, cue: str) -> int:
    """Return where a cue occurs as whole words in the key, or -1 ("năm nào" of "cây lâu năm nào" is
    the noun "cây lâu năm", not a year asked; "sở nào" of "trên cơ sở nào" is a basis, not a Sở)."""
    # (only for those cues: "những nguy cơ nào" asks which risks)
    after_lau = "(?<!lâu )" if cue.startswith("năm") else ""
    after_co = "(?<!cơ )" if cue.startswith("sở") else ""
    match = re.search(rf"(?<!\w){after_lau}{after_co}{re.escape(cue)}(?!\w)", key)
    return match.start() if match else -1


def _metadata_kind(key: str) -> QuestionKind | None:
    """Return the metadata kind a question asks for, if any."""
    if _NUMBER_WORD.search(key) and re.search(_DOC_WORDS, key) and not _PART_NUMBER.search(key):
        return QuestionKind.DOC_NUMBER
    if _SIGN.search(key) and _SIGNER_WORD.search(key):
        return QuestionKind.SIGNER
    issued = _SIGN.search(key) or _ISSUED_DOC.search(key) or "ngày ban hành" in key
    dated = re.search(r"\bđề ngày\b", key) and re.search(_DOC_WORDS, key)  # "Thông báo số 01 đề ngày nào"
    # "… phải ban hành chương trình … trước ngày nào" asks a deadline, not when this document was issued
    deadline = re.search(r"\btrước ngày\b|\bhạn\b|\bchậm nhất\b", key)
    if (issued or dated) and _DATE_WORD.search(key) and not deadline:
        return QuestionKind.ISSUE_DATE
    # "Quyết định ban hành Quy chế …" is a document's name, not a question of who issued it
    if _ISSUED_DOC.search(_TITLE_ISSUE.sub(" ", key)) and _WHO_WORD.search(key):
        return QuestionKind.ISSUER
    return None


# A document named by what it issues: "quyết định ban hành quy chế", "quyết định ban hành kèm theo …"
_TITLE_ISSUE = re.compile(rf"{_DOC_WORDS} ban hành (?:kèm theo )?{_DOC_WORDS}")


def _interrogative_kind(key: str) -> QuestionKind:
    """Return the kind whose cue comes first; a who-cue wins over a list-cue it overlaps."""
    found: list[tuple[int, int, QuestionKind]] = []
    for kind, cues in _CUES.items():
        for cue in cues:
            pos = _cue_position(key, cue)
            if pos >= 0:
                found.append((pos, -len(cue), kind))
    if not found:
        return QuestionKind.FREE
    kinds = {kind for _, _, kind in found}
    if QuestionKind.WHO in kinds and QuestionKind.LIST in kinds:
        return QuestionKind.WHO
    # true interrogatives ("ai", "khi nào", "bao nhiêu") decide first; then content cues that imply
    # a kind ("thời hạn", "định kỳ"); generic "là gì"/"nào" only when nothing else matched
    interrogative = [f for f in found
                     if f[2] is not QuestionKind.WHAT and _cue_text(key, f) not in _CONTENT_CUES]
    implied = [f for f in found if f[2] is not QuestionKind.WHAT]
    return min(interrogative or implied or found)[2]


def _cue_text(key: str, found: tuple[int, int, QuestionKind]) -> str:
    """Return the cue text of a (position, -length, kind) match."""
    return key[found[0]:found[0] - found[1]]


# Words after "bao nhiêu" that open a phrase of time, place or purpose instead of naming a unit
_NOT_UNIT = frozenset({"trong", "trên", "của", "cho", "vào", "ở", "tại", "so", "đối", "theo", "khi", "để",
                       "là",
                       "đến", "từ", "sau", "trước", "mỗi", "hằng", "hàng"})


# What is only ever counted in money: "Tổng mức đầu tư … là bao nhiêu?", "kinh phí … bao nhiêu?"
_MONEY_ASKED = re.compile(
    r"\b(?:tổng mức đầu tư|kinh phí|chi phí|số tiền|tổng vốn|vốn đầu tư|dự toán|ngân sách)\b")


def _number_unit(key: str) -> str | None:
    """Return the noun counted by "bao nhiêu"/"mấy": "bao nhiêu lớp tập huấn" -> "lớp tập huấn"."""
    match = re.search(r"(?:bao nhiêu|mấy)\s+((?:\w+)(?:\s+\w+)?)", key)
    if match and (match.group(1).split()[0] in _NOT_UNIT or re.fullmatch(r"năm \d{4}", match.group(1))):
        match = None  # "đạt bao nhiêu trong năm 2030", "bao nhiêu năm 2025": a time, not the counted unit
    if not match:
        if "phần trăm" in key or "tỷ lệ" in key or "tỉ lệ" in key:
            return "%"
        return "tiền" if _MONEY_ASKED.search(key) else None
    if match.group(1).split()[0] in {"một", "mỗi"}:
        return None  # "thu nhập bao nhiêu một năm": a rate, no counted noun
    words = [w for w in match.group(1).split() if w not in STOPWORDS]
    if words and words[0] in {"phần", "%"}:
        return "%"
    return " ".join(words) or None


# The question word itself: the answer sits where the words just before it are found in the text.
_QUESTION_WORD = re.compile(r"(?<!\w)(?:gì|nào|ai|bao nhiêu|mấy|đâu|sao)(?!\w)")


def _focus(key: str) -> tuple[str, ...]:
    """Return the last content terms before the last question word (or the first ones after it)."""
    words = list(_QUESTION_WORD.finditer(key))
    if not words:
        return ()
    last = words[-1]
    return content_terms(key[: last.start()])[-5:] or content_terms(key[last.end():])[:5]


# The preposition right before what is asked: "qua cơ quan nào", "bàn về vấn đề gì", "theo kế hoạch nào"
#   \b(qua|về|…)\s+                 the preposition
#   (?:(?:cơ quan|vấn đề|…),?\s+)*   the generic nouns of the question phrase: "cơ quan, tổ chức"
#   (?:gì|nào|ai|đâu)\b              the question word
_PREPOSITION = re.compile(
    r"\b(qua|về|với|cho|trước|tới|đến|từ|của|theo|tại|bằng)\s+"
    r"(?:(?:cơ quan|đơn vị|sở|ban|phòng|trung tâm|chi cục|cục|bộ phận|vấn đề|nội dung|những|các|lĩnh vực|"
    r"việc|hình thức|văn bản|nguồn(?: vốn| kinh phí)?|quỹ|yêu cầu|mục tiêu|tiêu chí|điều kiện|nguyên tắc|"
    r"kế hoạch|nghị quyết|chỉ thị|quyết định|hướng dẫn|thông báo|chương trình|tổ chức|ngành|lực lượng|"
    r"địa phương|tỉnh|thành phố|huyện|xã|phường|nơi|chủ thể|đối tượng|cấp),?\s+)*"
    r"(?:gì|nào|ai|đâu)\b")


def _preposition(key: str) -> str | None:
    """Return the preposition right before what is asked: "qua cơ quan nào" -> "qua"."""
    match = _PREPOSITION.search(key)
    return match.group(1) if match else None


# A year written on its own or closing a date: "năm 2030", "ngày 05/6/2024"; not inside a số hiệu
# ("170/2024/QH15" names a document, checked as a số hiệu instead).
_YEAR = re.compile(r"(?<![\d-])(?<!\d/)(?:19|20)\d\d(?![\d/-])|(?<=\d/)(?:19|20)\d\d(?![\d/-])")
# An ordinal naming one of a series: "Phiên họp thứ hai", "Đại hội lần thứ 3", "khóa XIII" is not one
# Which one of a series: "thứ hai", "lần thứ 3"; or a numbered grade, round, term or quarter: "lớp 9",
# "vòng 2", "khóa XVIII", "quý III", or a reporting period "6 tháng đầu năm" (the question's number
# must be near its answer)
_ORDINAL = re.compile(r"\bthứ (?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười|\d+)\b"
                      r"|\b(?:lớp|vòng|khóa|khoá|quý|đợt|phiên|kỳ họp) (?:\d{1,2}|[ivxlc]{1,5})\b(?![/-])"
                      r"|\b\d{1,2} tháng (?:đầu |cuối )?năm\b")
# The document a question names as its source, before what it asks: "Theo kế hoạch của UBND tỉnh X, "
SOURCE_FRAME = re.compile(r"(?i)^\s*theo\s+[^,?]{3,160},\s*")
# A plural question word: "những cơ quan nào", "các sở nào", "gồm những gì", "những môn nào"
#   \b(?:những|các)\s+(?:\w+,?\s+){0,10}?(?:nào|gì)\b  "những" or "các", up to ten words, the question word
_PLURAL = re.compile(r"\b(?:những|các)\s+(?:(?!cái\s)\w+,?\s+){0,10}?(?:nào|gì)\b"  # not "các xã … cái gì"
                     r"|\bgồm\b|\bbao gồm\b|\bnhững ai\b")

# A question for a day, not a month or year: "ngày nào", "ngày bao nhiêu", "trước ngày mấy"
_DAY_ASKED = re.compile(r"\bngày (?:nào|bao nhiêu|mấy)\b|\bvào thứ mấy\b")

# First syllables (match_key form) of agency names, document names, titles and question openers,
# not of proper names: "Ban Thường vụ", "Sở Tài chính", "Nghị quyết", "Phó Chủ tịch".
_NOT_NAME_HEADS = frozenset({
    "giải", "lễ", "ban", "sở", "bộ", "ủy", "trưởng", "chánh", "lãnh", "nhà", "nhân", "cán", "ubnd", "hđnd",
    "văn",
    "cục", "chi", "tổng", "viện", "trường", "đảng", "cấp", "tỉnh", "thành", "huyện", "thị", "quận",
    "mặt", "hội", "đoàn", "liên", "phòng", "ngân", "báo", "đài", "bệnh", "chủ", "phó", "giám", "thủ",
    "bí", "thường", "chính", "quốc", "tòa", "kế", "nghị", "chỉ", "quyết", "hướng", "thông", "kết",
    "công", "chương", "luật", "quy", "phong", "hệ", "cơ", "đơn", "các", "những", "mỗi", "ai", "khi",
    "theo", "trong", "về", "đối", "ngoài", "người", "nội", "tổ", "lực", "sau", "trước", "ngày", "năm",
    "tháng", "hạn", "số", "tại", "ở", "với", "cho", "do", "để", "nêu", "hãy"
})
# Words before a place name: "tỉnh Lâm Đồng", "thành phố Cần Thơ", "xã Ea Kao"
_PLACE_CUE = re.compile(r"\b(?:tỉnh|thành phố|tp\.?|xã|phường|huyện|quận|thị xã|thị trấn|địa bàn)\s+$", re.I)
# Capitalised place words and titles that open a run without being part of the name:
# "Tỉnh Lâm Đồng", "Ông Nguyễn Văn An"
_PLACE_WORDS = frozenset({"tỉnh", "thành", "phố", "xã", "phường", "huyện", "quận", "thị", "trấn"})
_TITLE_WORDS = frozenset({"ông", "bà", "anh", "chị"})
# The second word of a body named by its level: "Tỉnh Đoàn", "Thành ủy", "Huyện đoàn"
_PARTY_BODIES = frozenset({match_key(word) for word in ("đoàn", "ủy", "uỷ")})
# Capitalised words that open a new run, not go on with a name: "giải Nhất Giải Đua thuyền" is "Nhất"
# and "Giải Đua thuyền", not the name "Nhất Giải Đua"
_RUN_BREAKS = frozenset({"giải", "hội", "ban", "sở", "lễ", "cuộc"})
# A document or project name opening inside a run: "xã Khánh Hưng Đề án …" is "Khánh Hưng" and "Đề án"
_DOC_NAME = re.compile(r"(?:Đề án|Dự án|Kế hoạch|Chương trình|Nghị quyết|Quyết định|Chỉ thị|Thông báo|"
                       r"Hướng dẫn|Công văn|Quy chế|Quy định)\b")


def proper_names(question: str) -> tuple[str, ...]:
    """Return the proper names a question gives: places and people, not agencies or document names.

    A name is a run of two or more capitalised syllables ("Lâm Đồng", "Nguyễn Văn An"), or one
    capitalised run right after a place word ("xã Ea Kao"); a run opening with an agency or
    document word ("Ban Thường vụ", "Sở Y tế", "Nghị quyết") is not a name.
    """
    words = list(re.finditer(r"[^\W\d_]+", question))
    names: list[str] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        place = False
        while run and match_key(run[0].group(0)) in _PLACE_WORDS | _TITLE_WORDS:
            # "Tỉnh Lâm Đồng" gives the place "Lâm Đồng", "Ông Nguyễn Văn An" the name
            place = place or match_key(run.pop(0).group(0)) in _PLACE_WORDS
            if place and run and match_key(run[0].group(0)) in _PARTY_BODIES:
                run.pop(0)  # "Tỉnh Đoàn Nghệ An", "Thành ủy Hải Phòng": the place is "Nghệ An", "Hải Phòng"
        if not run:
            return
        place = place or bool(_PLACE_CUE.search(question[: run[0].start()]))
        first = match_key(run[0].group(0))
        if (len(run) >= 2 or place) and (place or first not in _NOT_NAME_HEADS):
            names.append(question[run[0].start():run[-1].end()])
        run.clear()

    for word in words:
        token = word.group(0)
        capital = token[0].isupper() and not (token.isupper() and len(token) > 1)
        joined = not run or question[run[-1].end():word.start()] in (" ", " - ", "-")
        opens_other = match_key(token) in _RUN_BREAKS or _DOC_NAME.match(question, word.start())
        if capital and joined and not (run and opens_other):
            run.append(word)
        else:
            close()
            if capital:
                run.append(word)
    close()
    return tuple(dict.fromkeys(names))


# The noun right before the question word, after an optional "những"/"các"/"loại":
#   (?:(?:những|các|loại|mấy)\s+)?    "những ", "loại "
#   ((?:\w+\s+){0,1}\w+)              one or two syllables: "mô hình", "tổ", "huyện miền núi" → "miền núi"
#   \s+(?:gì|nào)\b                    the question word
#   (?:,\s*(?!những|các)…)?          a second noun after a comma: the first one leads the list (not a
#                                     new phrase: "Trước khi sáp nhập tỉnh, những tỉnh nào …")
# Example: "… là mô hình gì?" -> ("mô", "hình"); "… cấp cho người dân loại thẻ nào" -> ("thẻ",);
# "nâng cao những năng lực, kỹ năng gì" -> ("năng", "lực")
_HEAD = re.compile(r"(?<![\w/-])(?:(?:những|các|loại|mấy)\s+)?((?:\w+\s+){0,1}\w+)"
                   r"(?:,\s*(?!(?:những|các)\s)(?:\w+\s+){0,1}\w+)?\s+(?:gì|nào)\b")
# A request to list: "Kể tên các sở …", "Liệt kê những nhiệm vụ …", "Nêu các hệ sinh thái …"
#   \b(?:kể tên|nêu tên|liệt kê|kể ra|nêu)\s+   the request
#   (?:các|những)\s+                           the plural word
#   ((?:\w+\s*){1,3})                           the listed noun: "sở", "hệ sinh thái"
_LISTED = re.compile(r"\b(?:kể tên|nêu tên|liệt kê|kể ra|nêu)\s+(?:các|những)\s+((?:\w+\s*){1,3})")
# Nouns of agencies: a request to list them is a who-question ("Kể tên các sở được giao …")
# Sectors a verb acts on: "phục vụ phát triển các ngành nào", "ưu tiên những ngành nào" ("ngành" is
# also a branch of government: "ngành nào chủ trì", "phối hợp với những ngành nào")
_SECTOR_ASKED = re.compile(r"\b(?:phát triển|ưu tiên|thu hút|đầu tư|hỗ trợ|khuyến khích|tập trung)\s+"
                           r"(?:vào\s+|cho\s+)?(?:những|các)?\s*ngành\s+(?:\w+\s+)?nào\b")
_AGENCY_NOUNS = frozenset({"cơ", "đơn", "sở", "ban", "ngành", "bộ", "tổ", "địa", "phòng", "cấp"})

# Heads that name no particular thing: "vấn đề gì", "nội dung nào", "như thế nào"
_VAGUE_HEADS = frozenset({"vấn đề", "nội dung", "việc", "công việc", "điều", "thế", "như thế", "cái", "ra",
                          "là", "gồm", "những", "các", "loại", "có", "bằng", "theo", "được"})
# "Ngoài X, …": X is set aside from what is asked
_EXCLUDED = re.compile(r"\bngoài\s+([^,?]{3,80}),")


def _head(key: str) -> tuple[str, ...]:
    """Return the syllables of the noun the question word asks about ("mô hình" in "là mô hình gì").

    A request to list gives the noun it lists: "Kể tên các mô hình …" -> ("mô", "hình").
    """
    matches = list(_HEAD.finditer(key))
    listed = _LISTED.search(key)
    if not matches and listed:
        words = []
        for word in listed.group(1).split()[:2]:
            if word in STOPWORDS:
                break
            words.append(word)
        return tuple(words)
    if not matches:
        return ()
    words = matches[-1].group(1).split()
    if words[-1] in {"những", "các", "làm", "điều", "cái", "thế"}:
        # "xử lý những gì", "được giao làm gì": the verb's object or the action, not a noun; "kiến nghị
        # Bộ … Môi trường điều gì": a vague "điều" after a name is no noun of it
        return ()
    if " ".join(words) in _VAGUE_HEADS:
        return ()
    while words and words[0] in STOPWORDS:
        words = words[1:]
    if not words or " ".join(words) in _VAGUE_HEADS:
        return ()
    return tuple(words)


# An office before the agency that holds it: "Phó Trưởng ban ", "Chủ tịch ", "Chánh "
_OFFICE = re.compile(r"^(?:[Pp]hó\s+)?(?:Trưởng ban|Trưởng|Chủ tịch|Giám đốc|Bí thư|Chánh|Thủ trưởng)\s+")


_GENERIC_HEADS = frozenset({"Cơ quan", "Đơn vị", "Bộ phận", "Các cơ", "Các đơn"})


def _name_words(words: list[str]) -> list[str]:
    """Return a name's words up to a lower-case word that follows no capitalised one, unless names
    take it ("tỉnh", "xã", "nhân dân" …): "Ban Chỉ đạo tỉnh yêu cầu UBND" -> "Ban Chỉ đạo tỉnh"."""
    from assistant.spans import NAME_LOWER

    kept: list[str] = []
    for i, word in enumerate(words):
        if not (word[0].isupper() or word in NAME_LOWER or (kept and kept[-1][0].isupper())):
            break
        if kept and " ".join(words[i:i + 2]) in _EVENT_NAMES:
            break  # "Ban Giám khảo Hội thi …": the board, not the event it serves
        kept.append(word)
    return kept


# Events and documents an agency's name may run into in a question: "Ban Tổ chức Giải …"
_EVENT_NAMES = frozenset({"Hội thi", "Hội nghị", "Cuộc thi", "Hội diễn", "Hội khỏe", "Hội thao", "Lễ hội",
                          "Chương trình", "Đề án", "Dự án", "Kế hoạch"})


def named_agencies(question: str, places: tuple[str, ...]) -> tuple[str, ...]:
    """Return the agency a question is about as the doer of a task: its subject ("Ủy ban kiểm tra Đảng
    ủy phải hoàn thành …") or the one a task is given to ("… giao Sở Tư pháp nhiệm vụ gì").

    Agencies named elsewhere (the owner of a document, a partner) are not returned: they need not be
    in the answering passage. A bare head ("Cơ quan nào", "Bộ phận") names nothing: a later word of a
    name is capitalised ("Sở Tư pháp"), the first is an abbreviation ("UBND tỉnh"), or it has three
    words ("Công an tỉnh"). A name is cut where its words stop ("Sở Tư pháp nhiệm vụ" -> "Sở Tư
    pháp") and loses the office before it ("Chánh Văn phòng Tỉnh ủy" -> "Văn phòng Tỉnh ủy");
    `places` are the question's proper names, checked apart ("… Tỉnh ủy Cao Bằng" -> "… Tỉnh ủy").
    """
    from assistant.spans import agency_mentions

    found = []
    for start, end in agency_mentions(question, 0, len(question)):
        if question[:start].strip() and not re.search(r"(?i)\b(?:giao|nhiệm vụ của|trách nhiệm của|để)\s+$",
                                                      question[:start]):
            continue
        words = _name_words(_OFFICE.sub("", " ".join(question[start:end].split())).split())
        placed = False  # "Thuế tỉnh Gia Lai": a place after it makes a head a name
        for place in places:  # a place is checked as a place: "Văn phòng Tỉnh ủy Cao Bằng"
            at = f" {' '.join(words)} ".find(f" {place} ")
            if at > 0:
                words = " ".join(words)[: at - 1].split()
                placed = True
        named = ((placed and len(words) >= 2) or any(w[0].isupper() for w in words[1:])
                 or (words and words[0].isupper() and len(words[0]) > 2))
        if named or (len(words) >= 3 and " ".join(words[:2]) not in _GENERIC_HEADS):
            found.append(" ".join(words))
    return tuple(dict.fromkeys(found))


# Where a document is sent (its "Kính gửi" and "Nơi nhận"), in match_key form:
#   gửi|gửi tới|kính gửi      the verb: "được gửi", "gửi tới", "gửi đến", "gửi cho"
#   (để báo cáo|để thực hiện)  optional purpose, before or after the preposition
#   (những|các) (nơi|cơ quan|đơn vị|địa chỉ) nào | ai | đâu   the question word
# or "nơi nhận" itself. Example: "Kế hoạch … được gửi để thực hiện tới những nơi nào?"; not "gửi Ban Chỉ
# đạo tỉnh thông qua những cơ quan nào" (an object follows "gửi": a step of a task, not the addressees)
_SENT_TO = re.compile(
    r"\b(?:kính )?gửi(?: để (?P<purpose>báo cáo|thực hiện|biết|phối hợp))?(?: (?:tới|đến|cho|về))?"
    r"(?: để (?P<purpose2>báo cáo|thực hiện|biết|phối hợp))?"
    r" (?:(?:những|các) (?:nơi|cơ quan|đơn vị|địa chỉ|tổ chức)(?:,? \w+){0,2} nào|(?:những )?ai)\b"
    r"|\bnơi nhận\b|\bkính gửi\b.*\b(?:ai|nào)\b"
)
# The sender is the document itself: the question opens with its type ("Kế hoạch …", "Công văn này …")
_DOCUMENT_FIRST = re.compile(
    r"^(?:theo [^,]+, )?(?:văn bản|kế hoạch|công văn|thông báo|quyết định|chỉ thị|nghị quyết|hướng dẫn|"
    r"chương trình|tờ trình|quy chế|đề án)\b"
)


def _recipients_asked(key: str) -> str | None:
    """Return the purpose whose addressees a question asks ("báo cáo", "thực hiện"), "" for all of them,
    or None when it does not ask where the document is sent."""
    match = _SENT_TO.search(key)
    if match is None or not (_DOCUMENT_FIRST.match(key) or re.search(r"nơi nhận|kính gửi", match.group(0))):
        return None
    return match.groupdict().get("purpose") or match.groupdict().get("purpose2") or ""


def _asked_role(key: str) -> Role | None:
    """Return the assignment role a who-question asks: the role word nearest before its question word,
    else the first after it ("phối hợp với phòng nào để tham mưu …" asks who coordinates)."""
    asked = re.search(r"\b(?:ai|nào)\b", key)
    at = asked.start() if asked else len(key)
    found = [(match.start(), role) for cue, role in _ROLES for match in re.finditer(rf"\b{cue}\b", key)]
    before = [item for item in found if item[0] < at]
    if before:
        return max(before, key=lambda item: item[0])[1]
    return min(found, key=lambda item: item[0])[1] if found else None


# A terse chat question without a question word, by what it opens with: "Kế hoạch thực hiện Kết luận 70
# về thể thao ở Cao Bằng?" asks which plan; "Chỉ tiêu bao phủ BHYT năm 2026?" a figure; "Cơ quan chủ
# trì xây dựng đề án?" an agency; "Hạn gửi báo cáo năm?" a date
# (the document types such a question opens with, and asks for: "Kế hoạch thực hiện …?" wants a Kế hoạch)
_OPENING_TYPE = re.compile(r"kế hoạch|chương trình|nghị quyết|chỉ thị|quyết định|hướng dẫn|công văn|"
                           r"thông báo|kết luận")
_TERSE = (
    (re.compile(rf"(?:{_OPENING_TYPE.pattern}) (?:thực hiện|triển khai|cụ thể hóa|cụ thể hoá)\b"),
     QuestionKind.DOC),
    (re.compile(r"(?:chỉ tiêu|số lượng|mức hỗ trợ|mức chi)\b"), QuestionKind.NUMBER),
    (re.compile(r"(?:cơ quan|đơn vị|người) (?:chủ trì|phối hợp|thường trực|ký|phụ trách|đầu mối)\b"),
     QuestionKind.WHO),
    (re.compile(r"(?:hạn|thời hạn|hạn chót|thời gian|ngày) (?:gửi|nộp|báo cáo|hoàn thành|tổ chức)\b"),
     QuestionKind.WHEN),
)


def _terse_kind(key: str) -> QuestionKind:
    """Return the kind a question without a question word asks by its opening words, else FREE."""
    return next((kind for opening, kind in _TERSE if opening.match(key)), QuestionKind.FREE)


def analyse_question(question: str) -> QuestionAnalysis:
    """Return the kind, role, unit and content terms of a Vietnamese question."""
    # "ứng dụng AI" is not the question word "Ai"
    key = match_key(re.sub(r"\bAI\b", " ", question))
    kind = _metadata_kind(key) or _interrogative_kind(key)
    listed = _LISTED.search(key)
    if listed and kind in (QuestionKind.LIST, QuestionKind.WHAT, QuestionKind.FREE) \
            and listed.group(1).split()[0] in _AGENCY_NOUNS:
        kind = QuestionKind.WHO  # "Kể tên các sở được giao …" asks for agencies
    if kind is QuestionKind.WHO and _SECTOR_ASKED.search(key):
        kind = QuestionKind.WHAT  # "phục vụ phát triển những ngành nào" asks for sectors, not agencies
    if kind is QuestionKind.FREE:
        kind = _terse_kind(key)
    role = _asked_role(key) if kind is QuestionKind.WHO else None
    unit = _number_unit(key) if kind is QuestionKind.NUMBER else None
    doc_type = None
    if kind is QuestionKind.DOC:
        match = re.search(r"([\w ]+?) nào", key)
        doc_type = match.group(1).split(" ")[-1] if match else None
        for name in ("nghị quyết", "chỉ thị", "kết luận", "quyết định", "kế hoạch", "hướng dẫn",
                     "chương trình", "công văn", "thông báo", "nghị định", "thông tư", "luật", "báo cáo",
                     "tờ trình", "công điện"):
            if re.search(rf"{name}(?: \w+){{0,2}} nào", key):  # "chương trình hành động nào"
                doc_type = name
                break
        else:
            # a terse "Kế hoạch thực hiện Kết luận 70 …?" asks for the type it opens with
            opening = _OPENING_TYPE.match(key)
            doc_type = opening.group(0) if opening and not re.search(r"\bnào\b", key) else None
    if kind in (QuestionKind.WHAT, QuestionKind.LIST, QuestionKind.FREE) and _NAME_ASKED.search(key):
        kind = QuestionKind.WHO  # "Họ tên các Phó Trưởng ban … là gì?" asks for people
    person = kind is QuestionKind.WHO and bool(_PERSON_CUE.search(key))
    names = proper_names(question)
    # ("hạn" as a word of its own: "kế hoạch trung hạn", "hạn mức", "hạn chế" ask no deadline)
    unlimited = _NOT_DEADLINE.sub(" ", key)
    deadline = kind is QuestionKind.WHEN and any(re.search(rf"(?<!\w){cue}(?!\w)", unlimited)
                                                 for cue in _DEADLINE_CUES)
    period = kind is QuestionKind.WHEN and any(cue in key for cue in _PERIOD_CUES)
    # drop the interrogative phrases themselves from the content terms
    stripped = key
    for cues in _CUES.values():
        for cue in sorted(cues, key=len, reverse=True):
            if cue in _CONTENT_CUES:
                continue
            stripped = re.sub(rf"(?<!\w){re.escape(cue)}(?!\w)", " ", stripped)
    return QuestionAnalysis(
        text=question,
        kind=kind,
        terms=content_terms(stripped),
        focus=_focus(key),
        preposition=_preposition(key),
        role=role,
        unit=unit,
        doc_type=doc_type,
        person=person,
        deadline=deadline,
        period=period,
        names=names,
        day=kind in (QuestionKind.WHEN, QuestionKind.ISSUE_DATE) and bool(_DAY_ASKED.search(key)),
        hour=kind is QuestionKind.WHEN and bool(re.search(r"\bmấy giờ\b|\bgiờ nào\b|\bkhung giờ\b", key)),
        place=bool(re.search(r"\b(?:địa phương|tỉnh|thành phố|huyện|xã|phường|nơi|địa bàn) nào\b", key)),
        venue=bool(re.search(r"\b(?:ở|tại) đâu\b|\bđịa điểm\b|\bnơi (?:nào|tổ chức)\b", key)),
        years=tuple(dict.fromkeys(_YEAR.findall(question))),
        ordinals=tuple(dict.fromkeys(match.group(0) for match in _ORDINAL.finditer(key))),
        agencies=named_agencies(question, names),
        plural=kind is QuestionKind.LIST or bool(_PLURAL.search(key) or listed),
        ranged=bool(re.search(r"\btừ\b.*\b(?:nào|mấy|bao nhiêu)\b.*\bđến\b", key)),
        head=_head(key),
        excluded=content_terms(excluded.group(1)) if (excluded := _EXCLUDED.search(key)) else (),
        recipients=_recipients_asked(key),
    )
