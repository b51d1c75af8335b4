"""The answering flow: analyse the question → retrieve → extract (or ask an LLM) → cite → Answer."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from time import perf_counter
from typing import Protocol

from assistant.errors import BadInput, NotFound
from assistant.evidence import (
    NUMBER,
    Candidate,
    candidate_sources,
    event_text,
    misgrounded,
    quoted_text,
    support,
    written_date,
)
from assistant.extract import extract_answer
from assistant.llm import LlmReply, ask_llm
from assistant.model import Answer, Citation, Filters, Hit
from assistant.question import STOPWORDS, QuestionAnalysis, QuestionKind, analyse_question, content_terms
from assistant.settings import RetrievalMode, Settings
from assistant.spans import clauses, starts_with_verb
from indexer.model import DocumentRecord
from indexer.normalize import match_key

ABSTAIN_TEXT = "Không tìm thấy thông tin này trong các văn bản đã lập chỉ mục."
FREE_THRESHOLD = 0.6  # support needed when the question has no recognisable question word ("… ở đâu?")
ANSWER_POOL = 8  # passages read for an answer; the citations are the first top_k of them


class PassageSource(Protocol):
    """What answering needs from the assistant: ranked passages and document records."""

    def search(self, query: str, *, filters: Filters | None = None, mode: RetrievalMode | None = None,
               top_k: int | None = None) -> list[Hit]: ...

    def get_document(self, doc_id: str) -> DocumentRecord: ...


def answer_question(
    retriever: PassageSource,
    settings: Settings,
    question: str,
    *,
    filters: Filters | None = None,
    top_k: int | None = None,
    mode: RetrievalMode | None = None,
) -> Answer:
    """Return the answer to a question with its citations, or an abstention with the nearest passages."""
    started = perf_counter()
    question = checked_question(question, settings.max_question_chars)
    analysis = analyse_question(question)
    k = top_k or settings.top_k
    hits = retriever.search(question, filters=filters, mode=mode, top_k=max(k, ANSWER_POOL))
    retrieved = perf_counter()

    get_record = _record_lookup(retriever)
    candidate = extract_answer(analysis, hits, get_record, use_headings=settings.answer_use_heading_context)
    supported = candidate is not None and is_supported(candidate, analysis, settings.abstain_threshold,
                                                        get_record, hits)
    use_llm = bool(settings.llm_base_url and settings.llm_model and hits)
    reply = ask_llm(settings, question, hits[:k]) if use_llm else None

    if reply is not None:
        text, abstained, citations = reply.text, reply.abstained, _llm_citations(reply, hits[:k])
    elif candidate is not None and supported:
        text, abstained = candidate.answer, False
        citations = _citations(analysis, hits, k, candidate, get_record)
    else:
        text, abstained, citations = ABSTAIN_TEXT, True, _citations(analysis, hits, k, None, get_record)
    finished = perf_counter()
    return Answer(
        question=question,
        answer=text,
        abstained=abstained,
        citations=tuple(citations),
        timings_ms={
            "retrieve": round((retrieved - started) * 1000, 1),
            "answer": round((finished - retrieved) * 1000, 1),
            "total": round((finished - started) * 1000, 1),
        },
    )


def checked_question(question: str, max_chars: int) -> str:
    """Return the question in NFC without invisible characters, or raise BadInput when empty or too long."""
    # zero-width and other format characters (Unicode Cf) are dropped; NFC recombines decomposed
    # letters; combining marks left with no letter to sit on are dropped too
    visible = "".join(ch for ch in unicodedata.normalize("NFC", question) if unicodedata.category(ch) != "Cf")
    visible = unicodedata.normalize("NFC", visible)
    visible = "".join(ch for i, ch in enumerate(visible)
                      if not (unicodedata.combining(ch) and (i == 0 or not visible[i - 1].isalnum())))
    text = " ".join(visible.split())
    if not any(ch.isalnum() for ch in text):
        raise BadInput("Câu hỏi trống: hãy nhập một câu hỏi.")
    if len(text) > max_chars:
        raise BadInput(f"Câu hỏi quá dài ({len(text)} ký tự; tối đa {max_chars}).")
    return text


def is_supported(candidate: Candidate, analysis: QuestionAnalysis, threshold: float,
                 get_record: Callable[[str], DocumentRecord | None], hits: list[Hit] | None = None) -> bool:
    """Return True when the candidate's support reaches the threshold and its sources hold what is asked.

    Every số hiệu the question gives must occur in the answering document, every place or person
    it names too, and every year near the answer and none other in its own sentence (see
    `evidence.misgrounded`).
    """
    if analysis.kind is QuestionKind.FREE:
        threshold = max(threshold, FREE_THRESHOLD)  # no question word: only a close match answers
    if candidate.support <= 0.0 or candidate.support < threshold:
        return False  # no word of the question is found where the answer came from
    record = get_record(candidate.doc_id) if candidate.doc_id else None
    if record is None:
        return True
    haystack = match_key(record.text).replace(" ", "")
    sources = candidate_sources(candidate, record, hits or [])
    nearby = sources[1]
    # a month the question gives ("tháng 12/2026") must be near the answer or date an event of the text
    # (not a cited document: "Thông báo … ngày 20/11/2026"); a date or số hiệu may be anywhere in it
    if not all(written_date(number, nearby) or written_date(number, event_text(record.text))
               if re.fullmatch(r"\d{1,2}/\d{4}", number)
               else match_key(number).replace(" ", "") in haystack or written_date(number, record.text)
               for number in NUMBER.findall(analysis.text)):
        return False
    if analysis.kind in (QuestionKind.NUMBER, QuestionKind.WHEN) and _quoted_elsewhere(analysis, nearby):
        return False
    if analysis.kind is QuestionKind.NUMBER and (_unqualified_count(analysis, candidate, hits or [])
                                                 or _other_qualifier(analysis, candidate, hits or [])):
        return False
    return not misgrounded(analysis, candidate, record, hits or [], sources)


# What a question closes on counting: "… bao nhiêu lượt khách quốc tế?", "… mấy giáo viên phổ thông?"
_COUNTED = re.compile(r"\b(?:bao nhiêu|mấy)\s+((?:[^\W\d_]+\s+){0,3}[^\W\d_]+)\s*[?.]?\s*$")


def _unqualified_count(analysis: QuestionAnalysis, candidate: Candidate, hits: list[Hit]) -> bool:
    """Return whether the answer counts the thing a question closes on without the words that single it
    out: "1,15 triệu lượt khách" (and no "quốc tế" in its sentence) is not "… bao nhiêu lượt khách quốc
    tế?", nor "1.200 giáo viên cốt cán" the number of "giáo viên phổ thông". (A question going on after
    the thing counted, "bao nhiêu hộ dân trước bão", says more than its words there.)"""
    asked = _COUNTED.search(match_key(analysis.text))
    quoted = quoted_text(candidate, hits)
    if asked is None or quoted is None:
        return False
    words: list[str] = []
    for word in asked.group(1).split():
        if word in STOPWORDS or starts_with_verb(word, 0) or word in _NOT_COUNTED:
            break
        words.append(word)
    said = set(content_terms(candidate.answer))
    counted = [w for w in words if w in said]
    rest = [w for w in words[len(counted):] if w not in said]
    if not counted or words[:len(counted)] != counted or not rest:
        return False  # the unit is not the answer's ("bao nhiêu tiền": "120 triệu đồng"), or nothing more
    return not set(rest) <= set(content_terms(quoted))


# A name the question quotes: “Đưa hàng Việt về xã, phường năm 2026”, "Ngày sách"
_QUOTED = re.compile(r"[“\"]([^”\"]{3,160})[”\"]")


def _quoted_elsewhere(analysis: QuestionAnalysis, nearby: str) -> bool:
    """Return whether a name the question quotes is missing from the answer's passage, heading path and
    document name: the figure of "Chương trình “Đưa hàng Việt về xã”" is not one of the passage on
    another programme of the same report."""
    near = set(content_terms(nearby))
    return any(len(words) >= 2 and not set(words) <= near
               for words in (content_terms(m.group(1)) for m in _QUOTED.finditer(analysis.text)))


_WORD = re.compile(r"\w+(?:[-/.]\w+)*")
# Nouns of a kind the word after them names: "ngân sách Trung ương / tỉnh / xã", "bảo hiểm y tế / xã hội"
# (most nouns are followed by words that say more of the same thing: "bài thi học sinh giỏi" is also
# "bài thi tính theo thang điểm 20")
_QUALIFIED_NOUNS = frozenset({("ngân", "sách"), ("bảo", "hiểm"), ("nguồn", "vốn")})


def _other_qualifier(analysis: QuestionAnalysis, candidate: Candidate, hits: list[Hit]) -> bool:
    """Return whether the answer's clause writes a noun of a kind the question names with another kind:
    "Ngân sách tỉnh bố trí 14,5 tỷ đồng" does not say what "Ngân sách Trung ương hỗ trợ bao nhiêu", nor
    "tham gia bảo hiểm y tế đạt 93,2%" the rate of "bảo hiểm xã hội". The question's two words after the
    shared pair must both be missing from the clause, and the clause's own word there be a content word."""
    clause = quoted_text(candidate, hits)
    if clause is None:
        return False
    asked = _WORD.findall(match_key(analysis.text))
    said = _WORD.findall(match_key(clause))
    for i in range(len(asked) - 3):
        pair, qualifier = (asked[i], asked[i + 1]), asked[i + 2:i + 4]
        if pair not in _QUALIFIED_NOUNS or any(word in STOPWORDS or not word.isalpha() for word in qualifier):
            continue
        after = [said[j + 2:j + 6] for j in range(len(said) - 2) if (said[j], said[j + 1]) == pair]
        others = [words[0] for words in after if words[0].isalpha() and words[0] not in STOPWORDS
                  and not starts_with_verb(words[0], 0)]
        # (the question's kind written a few words on still counts: "ngân sách tỉnh và Trung ương")
        if others and not any(set(qualifier) & set(words) for words in after):
            return True
    return False


# Words after the counted thing that say where or when, not which: "bao nhiêu hộ năm 2025", "… người tại xã"
_NOT_COUNTED = frozenset({"năm", "tháng", "quý", "ngày", "tại", "ở", "trong", "của", "được", "đã", "sẽ", "là",
                          "theo", "cho", "với", "so", "trên", "dưới", "khi", "thì", "mỗi", "một"})


def _record_lookup(retriever: PassageSource) -> Callable[[str], DocumentRecord | None]:
    """Return a cached doc_id → record lookup that gives None for unknown ids."""
    cache: dict[str, DocumentRecord | None] = {}

    def get(doc_id: str) -> DocumentRecord | None:
        if doc_id not in cache:
            try:
                cache[doc_id] = retriever.get_document(doc_id)
            except (NotFound, NotImplementedError):
                cache[doc_id] = None
        return cache[doc_id]

    return get


# --- citations ------------------------------------------------------------------------------------


def _cite(hit: Hit, span: tuple[int, int]) -> Citation:
    """Return the citation of a passage with a quote span given in passage offsets."""
    chunk = hit.chunk
    return Citation(
        doc_id=hit.doc.doc_id, source=hit.doc.source, title=hit.doc.title, number=hit.doc.number,
        section=chunk.section, text=chunk.text, quote=chunk.text[span[0]:span[1]],
        start=chunk.start + span[0], end=chunk.start + span[1], score=float(hit.score),
    )


def best_clause(analysis: QuestionAnalysis, hit: Hit) -> tuple[int, int]:
    """Return the span of the passage sentence that covers the question best (the whole text if none)."""
    text = hit.chunk.text
    best, best_support = (0, len(text)), -1.0
    for clause in clauses(text):
        value = support(analysis, text[clause.sentence_start:clause.sentence_end])
        if value > best_support:
            best, best_support = (clause.sentence_start, clause.sentence_end), value
    return best


def _citations(analysis: QuestionAnalysis, hits: list[Hit], k: int, candidate: Candidate | None,
               get_record: Callable[[str], DocumentRecord | None]) -> list[Citation]:
    """Return the top-k passages in rank order, the one backing the answer moved first."""
    cited = [_cite(hit, best_clause(analysis, hit)) for hit in hits[:k]]
    if candidate is None:
        return cited
    if candidate.hit_index is not None:
        first = _cite(hits[candidate.hit_index], candidate.quote)
        others = [c for i, c in enumerate(cited) if i != candidate.hit_index]
        return [first] + others[: k - 1]
    record = get_record(candidate.doc_id)
    if record is None:
        return cited
    return [_header_citation(record, candidate, hits)] + cited[: k - 1]


def _header_citation(record: DocumentRecord, candidate: Candidate, hits: list[Hit]) -> Citation:
    """Return a citation of the document lines around a metadata value (signer, date, số hiệu).

    A retrieved passage holding the value (the header or closing passage) is cited as it is, with its
    section; otherwise the lines around the value.
    """
    start, end = candidate.quote
    for hit in hits:
        chunk = hit.chunk
        if hit.doc.doc_id == record.doc_id and chunk.start <= start and end <= chunk.end:
            return _cite(hit, (start - chunk.start, end - chunk.start))
    text = record.text
    line_start = text.rfind("\n", 0, max(0, text.rfind("\n", 0, start))) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line_start = max(line_start, start - 200)
    line_end = min(line_end, end + 200)
    meta = record.metadata
    score = max((h.score for h in hits if h.doc.doc_id == record.doc_id), default=0.0)
    return Citation(
        doc_id=record.doc_id, source=record.source, title=meta.title, number=meta.number, section="",
        text=text[line_start:line_end], quote=text[start:end], start=start, end=end, score=float(score),
    )


def _llm_citations(reply: LlmReply, hits: list[Hit]) -> list[Citation]:
    """Return the passages the LLM cited first (quote: the sentence closest to its answer), then the rest."""
    answer_terms = analyse_question(reply.text)
    order = list(reply.cited) + [i for i in range(len(hits)) if i not in reply.cited]
    return [_cite(hits[i], best_clause(answer_terms, hits[i])) for i in order]
