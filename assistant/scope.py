"""The clauses of ranked passages with their support: what every kind of answer is read from."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.evidence import asked_numbers, number_key, support
from assistant.facts import DOC_REF, Fact
from assistant.model import Hit
from assistant.question import NOTE_MARK, QuestionAnalysis, content_terms
from assistant.spans import Clause, clauses
from indexer.ingest import FRAME_SECTIONS


@dataclass(frozen=True)
class Scope:
    """One clause of one ranked passage with its support."""

    rank: int
    hit: Hit
    clause: Clause
    support: float  # of the clause, or 0.9 × that of its sentence when higher
    own: float  # of the clause alone

    @property
    def text(self) -> str:
        return self.hit.chunk.text

    @property
    def quote(self) -> tuple[int, int]:
        """The sentence around the clause when short, else the clause."""
        c = self.clause
        if c.sentence_end - c.sentence_start <= 320:
            return c.sentence_start, c.sentence_end
        return c.start, c.end


def document_name(hit: Hit) -> str:
    """Return the document's own name: type, số hiệu, title and issuer."""
    doc = hit.doc
    return " ".join(part for part in (doc.doc_type, doc.number, doc.title, doc.issuer) if part)


def read_scopes(analysis: QuestionAnalysis, hits: list[Hit]) -> list[Scope]:
    """Return every clause of every passage with its support.

    A later sentence of a bullet item is read with the item's first sentence as context: in
    "- Người đứng đầu … phải … . Chịu trách nhiệm tiếp nhận …" the second sentence is about the
    same subject. The header and closing passages are left out: what they say (số hiệu, date,
    signer) is answered from the document's metadata, and their lines are no sentences to quote.
    """
    scopes = []
    for rank, hit in enumerate(hits):
        section, name = hit.chunk.section, document_name(hit)
        if section in FRAME_SECTIONS:
            continue
        text = hit.chunk.text
        parts = clauses(text)
        item_lead = {c.item_start: (c.sentence_start, c.sentence_end) for c in reversed(parts)}
        rows = {start: _labelled_row(text, start) for start in item_lead}  # once per item
        for clause in parts:
            lead = item_lead[clause.item_start]
            later = lead[0] < clause.sentence_start
            context = f"{section} {text[lead[0]:lead[1]]}" if later else section
            row = rows[clause.item_start]
            if row:  # a cell of a table row ("- 15/12. Thời gian: 7h30. Nội dung: …") is read with its row
                context = f"{section} {row}"
            own = support(analysis, text[clause.start:clause.end], context, name)
            sentence = support(analysis, text[clause.sentence_start:clause.sentence_end], context, name)
            scopes.append(Scope(rank, hit, clause, max(own, 0.9 * sentence), own))
    return scopes


# A cell label of a table row the indexer wrote as one item: ". Nội dung: ", ". Chủ trì: "
_ROW_LABEL = re.compile(r"\.\s[A-ZĐÀ-Ỹ][^\W\d_]*(?:\s[^\W\d_]+){0,2}:\s")


def _labelled_row(text: str, item_start: int) -> str | None:
    """Return the line of a table row written as labelled cells (two labels at least), else None."""
    line_end = text.find("\n", item_start)
    line = text[item_start:len(text) if line_end < 0 else line_end]
    return line if len(_ROW_LABEL.findall(line)) >= 2 else None


def rank_prior(rank: int) -> float:
    """Return a small bonus for passages ranked high by retrieval."""
    return 0.08 / (1 + rank)


def one_line(text: str, span: tuple[int, int]) -> str:
    """Return a span of text as one line, without footnote marks ("chủ trì¹" -> "chủ trì")."""
    return " ".join(NOTE_MARK.sub("", text[span[0]:span[1]]).split())


def asked_refs(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[tuple[Scope, re.Match[str]]]:
    """Return the references in the passages to a document the question names by số hiệu."""
    asked = asked_numbers(analysis)
    if not asked:
        return []
    return [(scope, match) for scope in scopes
            for match in DOC_REF.finditer(scope.text, scope.clause.start, scope.clause.end)
            if number_key(match.group("number")) in asked]


# Where the phrase around a fact ends: a comma, semicolon, colon or the end of a sentence
PHRASE_EDGE = re.compile(r"[,;:]|\.(?!\d)|\n")


# Qualifiers of a quantity that say the same: "tối đa" is "không quá", "tối thiểu" is "ít nhất"
_SAME_QUALIFIER = {"không quá": "tối đa", "tối đa": "không quá", "ít nhất": "tối thiểu",
                   "tối thiểu": "ít nhất", "không dưới": "tối thiểu"}
# Collective nouns listed with commas between them: "mỗi Đảng ủy xã, phường", "các sở, ban, ngành"
_NOUN = r"(?:xã|phường|thị trấn|thị xã|huyện|quận|tỉnh|thành phố|sở|ban|ngành|cơ quan|đơn vị|địa phương)"
_NOUN_BEFORE = re.compile(rf"(?i)(?<!\w){_NOUN}$")
_NOUN_AFTER = re.compile(rf"(?i)\s*{_NOUN}(?!\w)")


def _between_nouns(text: str, comma: int) -> bool:
    """Return whether the comma at `comma` joins two listed nouns ("xã, phường"): no phrase ends there."""
    return (text[comma] == "," and _NOUN_BEFORE.search(text, max(0, comma - 12), comma) is not None
            and _NOUN_AFTER.match(text, comma + 1) is not None)


# What a value is of, right after it: " ở nông thôn", " đối với hộ nghèo" (up to "và", a comma or a bracket)
_OWN_PLACE = re.compile(r"\s+(?:ở|tại|đối với|cho)\s+([^,;.()\n]{2,40}?)(?=\s+và\s|[,;.()\n]|$)")


_ADMIN_WORDS = frozenset({"tỉnh", "huyện", "xã", "phường", "quận", "thị", "trấn", "thành", "phố"})


def nearby_fit(analysis: QuestionAnalysis, text: str, clause: Clause, fact: Fact) -> float:
    """Return a bonus for a fact whose own phrase repeats the question: of "đạt trên 95% kế hoạch vốn,
    trong đó đến ngày 30/9/2026 đạt tối thiểu 60%", "tối thiểu … đến ngày 30/9/2026" picks the 60%.

    The phrase runs between the commas, semicolons or sentence ends around the fact; a question
    term holding a digit (a date, a số hiệu) counts most, and a qualifier the question repeats
    ("tối thiểu", "trước") counts too.
    """
    edges = [m.end() for m in PHRASE_EDGE.finditer(text, clause.sentence_start, fact.start)
             if not _between_nouns(text, m.start())]
    if edges and text[edges[-1] - 1] == ":":
        edges.pop()  # a label names its value: "- 01 giải Nhất: 15.000.000 đồng"
    start = edges[-1] if edges else clause.sentence_start
    after = PHRASE_EDGE.search(text, fact.end, clause.sentence_end)
    end = after.start() if after else clause.sentence_end
    terms = set(analysis.terms)
    near = set(content_terms(text[start:end])) & terms
    bonus = sum(0.08 if any(ch.isdigit() for ch in term) else 0.03 for term in near)
    # the fact's own "ở/tại/đối với …" right after it: of "95% ở đô thị và 70% ở nông thôn", "ở nông
    # thôn … mấy phần trăm" points at the 70%
    own = _OWN_PLACE.match(text, fact.end, end)
    # (not the place the whole question is about: "… của phường X" does not tell values apart)
    telling = terms - _ADMIN_WORDS - {t for name in analysis.names for t in content_terms(name)}
    own_bonus = 0.05 * len(set(content_terms(own.group(1))) & telling) if own else 0.0
    qualifier = content_terms(fact.qualifier)
    alike = content_terms(_SAME_QUALIFIER.get(fact.qualifier, ""))
    if qualifier and (set(qualifier) <= terms or (alike and set(alike) <= terms)):
        bonus += 0.08  # "tối đa mấy mô hình" repeats the "không quá" of "không quá 02 mô hình"
    # past 0.25 a phrase that repeats even more of the question still counts, a quarter as much
    soft = min(bonus, 0.25) + 0.25 * max(0.0, bonus - 0.25)
    return soft + own_bonus + 0.01 * leading_terms(analysis, text, start, fact.start)  # a tie-break


# One of a numbered series right before a value: "đợt 1 trong tháng 01/2026", "vòng 2: …", "lần thứ 3"
_SERIES_ITEM = re.compile(r"\b(đợt|vòng|lần|phiên|giai đoạn|kỳ)\s+(?:thứ\s+)?(\d{1,2}|[IVX]{1,4})\b", re.I)


def series_fit(analysis: QuestionAnalysis, text: str, start: int, at: int) -> float:
    """Return +0.1 when the numbered item right before a value is the one the question asks ("đợt 2 …"
    for "Đợt 2 … khi nào"), -0.25 when it is another of the same series ("đợt 1 …"), else 0."""
    asked = {(noun.lower(), number.lower()) for noun, number in _SERIES_ITEM.findall(analysis.text)}
    if not asked:
        return 0.0
    said = list(_SERIES_ITEM.finditer(text, max(start, at - 40), at))
    if not said:
        return 0.0
    noun, number = said[-1].group(1).lower(), said[-1].group(2).lower()
    if (noun, number) in asked:
        return 0.1
    return -0.25 if any(noun == other for other, _ in asked) else 0.0


# The words that single out one case: "riêng lớp 1 …", "đối với hộ nghèo …"
SINGLING = r"riêng|ngoại trừ|đối với"
# A case singled out right before a value: "(riêng lớp 1 tựu trường ngày 25/8/2025)", or named first in
# the bracket holding the value: "ngày 15 hằng tháng (tháng 12 tiếp vào ngày 14/12/2026 do trùng lịch)"
_SINGLED_BEFORE = re.compile(
    rf"(?:\(\s*(?:(?:{SINGLING})\s+)?|(?:{SINGLING})\s+)"  # "(", "(riêng " or "riêng "
    rf"((?:[^\W\d_]+\s+|\d{{1,2}}\s+){{1,3}})[^;.()]{{0,40}}$", re.I)  # the case's words, then the value


def singled_fit(analysis: QuestionAnalysis, text: str, start: int, at: int) -> float:
    """Return +0.15 when a value is said of a case singled out by the words the question gives: of
    "Tựu trường ngày 28/8/2025 (riêng lớp 1 tựu trường ngày 25/8/2025)", "học sinh lớp 1 tựu trường
    ngày nào" takes the 25/8/2025, and "tháng 12 tiếp công dân vào ngày nào" the date of "(tháng 12 tiếp
    vào ngày 14/12/2026 …)"."""
    singled = _SINGLED_BEFORE.search(text, max(start, at - 60), at)
    if not singled:
        return 0.0
    named = [word.lower() for word in singled.group(1).split()][:2]
    asked = set(analysis.terms) | set(re.findall(r"\d{1,2}", analysis.text))
    return 0.15 if named and set(named) <= asked else 0.0


def leading_terms(analysis: QuestionAnalysis, text: str, start: int, at: int) -> int:
    """Return how many of the (up to 3) terms right before a fact are those right before the question
    word, at most 2: of "… đến năm 2030, tầm nhìn đến năm 2045", "tầm nhìn đến năm bao nhiêu" points at
    2045 (both phrases may repeat the question's other words)."""
    return min(len(set(content_terms(text[start:at])[-3:]) & set(analysis.focus)), 2)
