"""What every answer candidate is and how well a text supports a question (pure helpers)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.question import QuestionAnalysis, content_terms
from indexer.normalize import match_key

MAX_ANSWER_CHARS = 200
# A số hiệu: "07-CT/TU", "170/2024/QH15", "01-KH/BCĐTW"
NUMBER = re.compile(r"\b\d+(?:/\d{4})?[-/][0-9A-ZĐa-zđ]+(?:[-/.][0-9A-ZĐa-zđ]+)*")
_CONTEXT_WEIGHT = 0.5  # a term found only in the heading path or the document title counts half
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


def support(analysis: QuestionAnalysis, text: str, context: str = "") -> float:
    """Return the weighted share of question terms and term pairs found in text (context counts half)."""
    terms = analysis.terms
    if not terms:
        return 0.0
    own = content_terms(text)
    ctx = content_terms(context)
    own_set, ctx_set = set(own), set(ctx)
    own_pairs, ctx_pairs = bigrams(own), bigrams(ctx)
    found = total = 0.0
    for term in terms:
        weight = 0.3 if term in _WEAK else 1.0
        total += weight
        found += weight if term in own_set else weight * _CONTEXT_WEIGHT if term in ctx_set else 0.0
    for pair in analysis.bigrams:
        total += 1.0
        found += 1.0 if pair in own_pairs else _CONTEXT_WEIGHT if pair in ctx_pairs else 0.0
    return found / total if total else 0.0


def shorten(text: str, limit: int = MAX_ANSWER_CHARS) -> str:
    """Return one line of at most `limit` characters, cut at a word boundary with an ellipsis."""
    line = " ".join(text.split()).strip(" ;,")
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit - 1)
    return line[: cut if cut > 0 else limit - 1].rstrip(" ,;:") + "…"


def asked_numbers(analysis: QuestionAnalysis) -> set[str]:
    """Return the số hiệu the question names, in comparable form ("07-ct/tu")."""
    return {number_key(n) for n in NUMBER.findall(analysis.text)}


def number_key(number: str) -> str:
    """Return a số hiệu without spaces, in match_key form."""
    return match_key(re.sub(r"\s", "", number))


def question_doc_type(analysis: QuestionAnalysis) -> str | None:
    """Return the first document type the question names ("kế hoạch"), if any."""
    key = match_key(analysis.text)
    found = [(key.find(word), word) for word in _DOC_TYPE_WORDS if word in key]
    return min(found)[1] if found else None
