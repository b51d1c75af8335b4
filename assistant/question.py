"""Question analysis: what kind of answer a Vietnamese question asks for, and its content words.

Pure functions over strings. Matching is done on the `match_key` form (tone-folded, lower case),
so "Tỉnh uỷ"/"Tỉnh ủy" and "Ai"/"ai" are treated alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

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
    focus: tuple[str, ...] = ()  # the terms right before the question word: "tham gia … những hoạt động gì"
    role: Role | None = None  # for WHO questions naming an assignment role
    unit: str | None = None  # for NUMBER questions: the counted noun, "điểm cầu"
    doc_type: str | None = None  # for DOC questions: the asked document type, "nghị quyết"
    person: bool = False  # WHO question about a person ("Ai là Bí thư …", "đồng chí nào")
    deadline: bool = False  # WHEN question about a deadline ("thời hạn", "trước ngày nào")
    period: bool = False  # WHEN question about a frequency ("bao lâu một lần", "định kỳ")

    @property
    def bigrams(self) -> tuple[str, ...]:
        """Return adjacent term pairs; Vietnamese words are mostly two syllables."""
        return tuple(f"{a} {b}" for a, b in zip(self.terms, self.terms[1:], strict=False))


# Interrogative cues per kind, in match_key form. The earliest cue in the question decides the
# kind ("Văn bản nào quy định thời hạn …" asks for a document, not a date).
_CUES: dict[QuestionKind, tuple[str, ...]] = {
    QuestionKind.WHEN: (
        "khi nào", "bao giờ", "ngày nào", "ngày bao nhiêu", "thời hạn", "hạn chót", "trước ngày nào",
        "thời gian nào", "lúc nào", "mấy giờ", "tháng nào", "năm nào", "thời điểm nào", "bao lâu",
        "định kỳ", "mấy lần", "chậm nhất", "hạn cuối", "mấy tháng một lần", "mấy năm một lần",
        "mấy tuần một lần", "bao lâu một lần",
    ),
    QuestionKind.NUMBER: ("bao nhiêu", "mấy", "số lượng", "tỷ lệ", "tỉ lệ", "bao lăm"),
    QuestionKind.WHO: (
        "ai", "cơ quan nào", "đơn vị nào", "sở nào", "bộ phận nào", "ban nào", "người nào",
        "ngành nào", "tổ chức nào", "đồng chí nào", "bộ nào", "phòng nào", "lực lượng nào",
        "cấp nào", "địa phương nào", "cá nhân nào", "chủ thể nào", "những cơ quan nào",
        "các cơ quan nào", "những đơn vị nào", "các đơn vị nào",
    ),
    QuestionKind.DOC: (
        "văn bản nào", "kế hoạch nào", "nghị quyết nào", "chỉ thị nào", "kết luận nào",
        "quyết định nào", "hướng dẫn nào", "chương trình nào", "chương trình hành động nào",
        "công văn nào", "thông báo nào", "luật nào", "nghị định nào", "thông tư nào", "quy định nào",
        "căn cứ vào đâu", "căn cứ văn bản",
    ),
    QuestionKind.LIST: (
        "gồm những gì", "gồm những", "bao gồm", "những gì", "liệt kê", "những nội dung nào",
        "những nhiệm vụ nào", "các nhiệm vụ nào", "các nội dung nào", "những lĩnh vực nào",
        "các lĩnh vực nào", "những giải pháp nào", "những việc gì", "những nhiệm vụ gì",
    ),
    QuestionKind.WHAT: (
        "là gì", "về vấn đề gì", "vấn đề gì", "nội dung gì", "như thế nào", "ra sao", "gì",
        "nào", "mục đích", "yêu cầu",
    ),
}

# Metadata questions: "Ai ký …", "… ban hành ngày nào", "số hiệu …", "Cơ quan nào ban hành kế hoạch …".
# "ký" must not be "ký kết" (signing an agreement is content, not the document's signer).
_SIGN = re.compile(r"\bký\b(?! kết)")
_SIGNER_WORD = re.compile(r"người ký|chức danh|chức vụ|\bai\b|người nào|đồng chí nào")
_DOC_WORDS = r"(?:văn bản|kế hoạch|hướng dẫn|thông báo|chỉ thị|quyết định|công văn|nghị quyết|này)"
# "ban hành" directly followed by a document word: "ban hành kế hoạch này"
_ISSUED_DOC = re.compile(
    rf"ban hành (?:\w+ )?{_DOC_WORDS}|{_DOC_WORDS}(?: \w+){{0,16}} (?:được |do \w+ )?ban hành")
_WHO_WORD = re.compile(r"\b(?:ai|cơ quan nào|đơn vị nào|người nào|đồng chí nào)\b")
_DATE_WORD = re.compile(r"\b(?:ngày nào|khi nào|ngày bao nhiêu|thời gian nào|bao giờ|ngày tháng năm nào)\b")
_NUMBER_WORD = re.compile(r"số hiệu|số ký hiệu|ký hiệu|\bsố (?:mấy|bao nhiêu|là gì)")

_ROLES: tuple[tuple[str, Role], ...] = (
    ("chủ trì", Role.LEAD),
    ("chịu trách nhiệm", Role.RESPONSIBLE),
    ("tham mưu", Role.ADVISE),
    ("phối hợp", Role.COORDINATE),
    ("chỉ đạo", Role.DIRECT),
    ("lãnh đạo", Role.DIRECT),
)

_PERSON_CUE = re.compile(r"\bai là\b|đồng chí nào|họ tên|ông nào|bà nào")
_DEADLINE_CUES = ("thời hạn", "hạn chót", "trước ngày", "chậm nhất", "hạn cuối", "hạn", "trước khi nào")
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

# A token: letters/digits with inner "-", "/" or "." (keeps "07-CT/TU", "2.100", "30/7/2025" whole).
_TOKEN = re.compile(r"\w+(?:[-/.]\w+)*")


def content_terms(text: str) -> tuple[str, ...]:
    """Return the content tokens of a text in match_key form, stop words removed, in order."""
    return tuple(tok for tok in _TOKEN.findall(match_key(text)) if tok not in STOPWORDS)


def _cue_position(key: str, cue: str) -> int:
    """Return where a cue occurs as whole words in the key, or -1."""
    match = re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", key)
    return match.start() if match else -1


def _metadata_kind(key: str) -> QuestionKind | None:
    """Return the metadata kind a question asks for, if any."""
    if _NUMBER_WORD.search(key) and re.search(_DOC_WORDS, key):
        return QuestionKind.DOC_NUMBER
    if _SIGN.search(key) and _SIGNER_WORD.search(key):
        return QuestionKind.SIGNER
    if (_SIGN.search(key) or _ISSUED_DOC.search(key) or "ngày ban hành" in key) and _DATE_WORD.search(key):
        return QuestionKind.ISSUE_DATE
    if _ISSUED_DOC.search(key) and _WHO_WORD.search(key):
        return QuestionKind.ISSUER
    return None


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


def _number_unit(key: str) -> str | None:
    """Return the noun counted by "bao nhiêu"/"mấy": "bao nhiêu điểm cầu" -> "điểm cầu"."""
    match = re.search(r"(?:bao nhiêu|mấy)\s+((?:\w+)(?:\s+\w+)?)", key)
    if not match:
        return "%" if ("phần trăm" in key or "tỷ lệ" in key or "tỉ lệ" in key) else None
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
#   (?:(?:cơ quan|vấn đề|…)\s+)*     the generic nouns of the question phrase
#   (?:gì|nào|ai|đâu)\b              the question word
_PREPOSITION = re.compile(
    r"\b(qua|về|với|cho|trước|tới|đến|từ|của|theo|tại|bằng)\s+"
    r"(?:(?:cơ quan|đơn vị|sở|ban|bộ phận|vấn đề|nội dung|những|các|lĩnh vực|việc|hình thức|văn bản|"
    r"kế hoạch|nghị quyết|chỉ thị|quyết định|hướng dẫn|thông báo|chương trình)\s+)*(?:gì|nào|ai|đâu)\b")


def _preposition(key: str) -> str | None:
    """Return the preposition right before what is asked: "qua cơ quan nào" -> "qua"."""
    match = _PREPOSITION.search(key)
    return match.group(1) if match else None


def analyse_question(question: str) -> QuestionAnalysis:
    """Return the kind, role, unit and content terms of a Vietnamese question."""
    # "trí tuệ nhân tạo (AI)" is not the question word "Ai"
    key = match_key(re.sub(r"\bAI\b", " ", question))
    kind = _metadata_kind(key) or _interrogative_kind(key)
    role = next((r for cue, r in _ROLES if cue in key), None) if kind is QuestionKind.WHO else None
    unit = _number_unit(key) if kind is QuestionKind.NUMBER else None
    doc_type = None
    if kind is QuestionKind.DOC:
        match = re.search(r"([\w ]+?) nào", key)
        doc_type = match.group(1).split(" ")[-1] if match else None
        for name in ("nghị quyết", "chỉ thị", "kết luận", "quyết định", "kế hoạch", "hướng dẫn",
                     "chương trình", "công văn", "thông báo", "nghị định", "thông tư", "luật"):
            if re.search(rf"{name}(?: \w+){{0,2}} nào", key):  # "chương trình hành động nào"
                doc_type = name
                break
        else:
            doc_type = None
    person = kind is QuestionKind.WHO and bool(_PERSON_CUE.search(key))
    deadline = kind is QuestionKind.WHEN and any(cue in key for cue in _DEADLINE_CUES)
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
    )
