"""Extractive answering: the best short answer to an analysed question from ranked passages.

Every candidate is a verbatim phrase of one passage (or of the document header, for metadata
questions) together with the clause that supports it. A candidate's score adds
  - support: how much of the question's content the supporting sentence covers,
  - fit: how well the phrase answers this kind of question (role named, deadline, unit, type),
  - a small retrieval-rank prior.
The answer calls `extract_answer`; `support` is what abstention is calibrated on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from assistant.evidence import (
    MAX_ANSWER_CHARS,
    NUMBER,
    Candidate,
    asked_numbers,
    bigrams,
    number_key,
    question_doc_type,
    shorten,
    support,
)
from assistant.facts import DOC_REF, Fact, doc_refs, quantities, quoted, times
from assistant.header_answers import header_candidates
from assistant.model import Hit
from assistant.question import METADATA_KINDS, STOPWORDS, QuestionAnalysis, QuestionKind, Role, content_terms
from assistant.spans import (
    Clause,
    agency_mentions,
    clauses,
    find_actor,
    folded,
    heading_actor,
    person_mentions,
    role_of_phrase,
    starts_with_verb,
    verb_phrase_at_start,
)
from indexer.model import DocumentRecord
from indexer.normalize import match_key

_DEADLINE_QUALIFIERS = ("trước", "chậm", "muộn", "hạn", "hoàn thành", "trong", "đến")


# --- helpers over one passage ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Scope:
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


def _context(hit: Hit) -> str:
    """Return the heading path and document title of a passage, the context of its clauses."""
    return " ".join(part for part in (hit.chunk.section, hit.doc.title or "", hit.doc.number or "") if part)


def _scopes(analysis: QuestionAnalysis, hits: list[Hit]) -> list[_Scope]:
    """Return every clause of every passage with its support."""
    scopes = []
    for rank, hit in enumerate(hits):
        context = _context(hit)
        text = hit.chunk.text
        for clause in clauses(text):
            own = support(analysis, text[clause.start:clause.end], context)
            sentence = support(analysis, text[clause.sentence_start:clause.sentence_end], context)
            scopes.append(_Scope(rank, hit, clause, max(own, 0.9 * sentence), own))
    return scopes


def _rank_prior(rank: int) -> float:
    """Return a small bonus for passages ranked high by retrieval."""
    return 0.08 / (1 + rank)


def _phrase(text: str, span: tuple[int, int]) -> str:
    """Return a span of text as one line."""
    return " ".join(text[span[0]:span[1]].split())


# --- candidates per question kind -----------------------------------------------------------------


def _heading_agency(hit: Hit, clause: Clause) -> str | None:
    """Return the agency owning a subject-less item: a heading in the path or a lead-in line above."""
    text = hit.chunk.text
    for line in reversed(text[: clause.sentence_start].splitlines()):
        line = line.strip()
        if line.endswith(":") or (line and len(line) <= 120 and re.match(r"\d+(?:\.\d+)*[.)]\s", line)):
            found = heading_actor(line)
            if found:
                return found
            if re.match(r"\d+(?:\.\d+)*[.)]\s", line):
                break
    for heading in reversed([part for part in hit.chunk.section.split(" > ") if part.strip()]):
        found = heading_actor(heading)
        if found:
            return found
    return None


def _who(analysis: QuestionAnalysis, scopes: list[_Scope], use_headings: bool) -> list[Candidate]:
    """Return agencies doing what the question asks, with their role phrase (people for "Ai là …")."""
    if analysis.person:
        return _people(analysis, scopes)
    found = []
    for scope in scopes:
        text, clause = scope.text, scope.clause
        actor = find_actor(text, clause.start, clause.end)
        fit = 0.1
        if actor is not None:
            name = _phrase(text, actor.name)
            phrase = actor.role_phrase
            role = actor.role
        elif clause.sentence_start > clause.item_start and (
                item_actor := find_actor(text, clause.item_start, _first_sentence_end(text, clause))):
            # a later sentence of an item: "- Sở X chủ trì …. Trong đó, xây dựng …"
            name = _phrase(text, item_actor.name)
            phrase = None
            role = item_actor.role
            fit = 0.05
        elif use_headings and starts_with_verb(text, clause.start):
            heading = _heading_agency(scope.hit, clause)
            if heading is None:
                continue
            name = " ".join(heading.split())
            phrase = verb_phrase_at_start(text, clause.start, clause.end)
            role = role_of_phrase(text.lower(), phrase)
            fit = 0.05
        else:
            continue
        if analysis.role is not None and role is analysis.role:
            fit += 0.12
        if analysis.kind is QuestionKind.ISSUER and phrase and folded(text[phrase[0]:phrase[1]]).startswith(
                "ban hành"):
            fit += 0.2  # "UBND tỉnh ban hành Kế hoạch …" answers "cơ quan nào ban hành"
        if _named_in_question(analysis, name):
            fit -= 0.15  # the question names this agency; it asks about another one
        role_text = _phrase(text, phrase) if phrase and phrase[1] > phrase[0] else ""
        role_text = role_text[:1].lower() + role_text[1:]
        answer = f"{name} ({role_text})" if role_text else name
        found.append(Candidate(shorten(answer), scope.rank, scope.quote, scope.support,
                               scope.support + fit + _rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found + _mentioned_agencies(analysis, scopes) + _issuers_of_asked_documents(analysis, scopes)


def _people(analysis: QuestionAnalysis, scopes: list[_Scope]) -> list[Candidate]:
    """Return people named with their titles: "đồng chí Nguyễn Văn A - Bí thư Tỉnh ủy"."""
    asked = re.search(r"\bai là\s+(.+)", match_key(analysis.text))
    position = set(content_terms(asked.group(1))) if asked else set()
    found = []
    for scope in scopes:
        text = scope.text
        for start, end in person_mentions(text, scope.clause.start, scope.clause.end):
            # the name with its apposition of positions, up to the next comma-free stop
            tail = re.match(r"\s*[-–,(]\s*[^;.()]{3,90}", text[end:end + 100])
            answer_end = end + (tail.end() if tail else 0)
            held = set(content_terms(text[end:answer_end]))
            if position and len(position & held) < 0.6 * len(position):
                continue  # "Ai là Bí thư Đảng ủy xã X?" is not "đồng chí Y - Bí thư Tỉnh ủy"
            found.append(Candidate(shorten(_phrase(text, (start, answer_end))), scope.rank, scope.quote,
                                   scope.support, scope.support + 0.1 + _rank_prior(scope.rank),
                                   scope.hit.doc.doc_id))
    return found


def _first_sentence_end(text: str, clause: Clause) -> int:
    """Return where the first sentence of the clause's item ends."""
    item = [c for c in clauses(text) if c.item_start == clause.item_start]
    return item[0].sentence_end if item else clause.end


def _named_in_question(analysis: QuestionAnalysis, name: str) -> bool:
    """Return True when every content word of a name already occurs in the question."""
    words = set(content_terms(name))
    return bool(words) and words <= set(analysis.terms)


def _mentioned_agencies(analysis: QuestionAnalysis, scopes: list[_Scope]) -> list[Candidate]:
    """Return agencies named anywhere in a clause ("gửi về Văn phòng Tỉnh ủy"), except the question's own."""
    found = []
    for scope in scopes:
        text = scope.text
        refs = doc_refs(text, scope.clause.start, scope.clause.end)
        for start, end in agency_mentions(text, scope.clause.start, scope.clause.end):
            name = _phrase(text, (start, end))
            if len(name) < 3 or _named_in_question(analysis, name):
                continue
            if any(ref.start <= start < ref.end for ref in refs):
                continue  # the issuer of a referenced document: "Nghị quyết số 57 của Bộ Chính trị"
            # a recipient or channel: "gửi về X", "qua X", "báo cáo X", "giao X", "do X"
            before = folded(text[max(0, start - 20):start]).lower()
            fit = 0.04 if re.search(r"(?:về|qua|gửi|giao|cho|do|với|trước)\s*$", before) else 0.0
            if analysis.preposition and re.search(rf"{analysis.preposition}\s*$", before):
                fit += 0.12  # "báo cáo … qua cơ quan nào?" is answered by "(qua Ban X)"
            if analysis.role is Role.LEAD and re.search(r"phối hợp(?: với)?\s*$", before):
                fit -= 0.1  # a coordinating agency is not the lead one
            # an apposition naming what the question asks: "Văn phòng Tỉnh ủy - Cơ quan Thường trực …"
            after = re.match(r"\s*[-–(]\s*([^;,.)]{3,60})", text[end:end + 64])
            if after and len(set(content_terms(after.group(1))) & set(analysis.terms)) >= 2:
                fit += 0.08
            found.append(Candidate(shorten(name), scope.rank, scope.quote, scope.support,
                                   scope.support + fit + _rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


# A question about who owns or issued a document: "là của cơ quan nào", "do ai ban hành"
_OWNER_QUESTION = re.compile(r"(?:của|do) (?:cơ quan|đơn vị|ai|ban|bộ)\b|ban hành")


def _asked_refs(analysis: QuestionAnalysis, scopes: list[_Scope]) -> list[tuple[_Scope, re.Match[str]]]:
    """Return the references in the passages to a document the question names by số hiệu."""
    asked = asked_numbers(analysis)
    if not asked:
        return []
    return [(scope, match) for scope in scopes
            for match in DOC_REF.finditer(scope.text, scope.clause.start, scope.clause.end)
            if number_key(match.group("number")) in asked]


def _dates_of_asked_documents(analysis: QuestionAnalysis, scopes: list[_Scope]) -> list[Candidate]:
    """Return the date of a document the question names: "Nghị quyết số 72-NQ/TW, ngày 09/9/2025"."""
    found = []
    for scope, match in _asked_refs(analysis, scopes):
        if match.group("date"):
            date = re.sub(r"^,?\s*", "", match.group("date"))
            found.append(Candidate(shorten(date), scope.rank, scope.quote, scope.support,
                                   scope.support + 0.3 + _rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


def _issuers_of_asked_documents(analysis: QuestionAnalysis, scopes: list[_Scope]) -> list[Candidate]:
    """Return the issuer of a document the question names by số hiệu: "Kế hoạch số 01-KH/BCĐTW … của X"."""
    found = []
    for scope, match in _asked_refs(analysis, scopes):
        if match.group("issuer"):
            issuer = re.sub(r"^\s*của\s+", "", match.group("issuer"))
            # "Kế hoạch số … là của cơ quan nào?", "… do ai ban hành?"; otherwise not the actor asked for
            asked_type = question_doc_type(analysis)
            same_type = asked_type is None or match_key(match.group("type")).startswith(asked_type)
            fit = 0.3 if _OWNER_QUESTION.search(match_key(analysis.text)) and same_type else -0.1
            found.append(Candidate(shorten(issuer), scope.rank, scope.quote, scope.support,
                                   scope.support + fit + _rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


def _when(analysis: QuestionAnalysis, scopes: list[_Scope]) -> list[Candidate]:
    """Return dates, deadlines and frequencies, preferring what the question asks (deadline, period)."""
    found = []
    for scope in scopes:
        text, clause = scope.text, scope.clause
        facts = times(text, clause.start, clause.end)
        if not facts:
            continue
        periods = [f for f in facts if f.kind == "period"]
        dates = [f for f in facts if f.kind == "time"]
        deadlines = [f for f in dates if f.qualifier.startswith(_DEADLINE_QUALIFIERS)]
        if analysis.period and not periods:
            continue  # "bao lâu một lần" is not answered by a date
        chosen: list[Fact] = (periods if analysis.period else deadlines or dates or periods)
        fit = 0.1
        if analysis.period:
            fit += 0.1 if periods else -0.05
        if analysis.deadline:
            fit += 0.1 if deadlines else -0.05
        first, last = chosen[0], chosen[-1]
        if analysis.period and periods and deadlines:  # "định kỳ hằng năm … trước ngày 15/11"
            first, last = min(periods[0], deadlines[0], key=lambda f: f.start), max(
                periods[-1], deadlines[-1], key=lambda f: f.end)
        span = (first.start, last.end) if last.end - first.start <= 160 else (first.start, first.end)
        found.append(Candidate(shorten(_phrase(text, span)), scope.rank, scope.quote, scope.support,
                               scope.support + fit + _rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found + _dates_of_asked_documents(analysis, scopes)


def _number(analysis: QuestionAnalysis, scopes: list[_Scope]) -> list[Candidate]:
    """Return quantities with their unit, preferring the unit the question counts."""
    from assistant.question import content_terms as terms_of

    unit_terms = terms_of(analysis.unit) if analysis.unit and analysis.unit != "%" else ()
    money = bool(_MONEY_WORDS & set(bigrams(analysis.terms)))
    found = []
    for scope in scopes:
        text, clause = scope.text, scope.clause
        for fact in quantities(text, clause.start, clause.end):
            phrase = text[fact.start:fact.end]
            words = phrase.split()
            following = terms_of(" ".join(words[1 + bool(fact.qualifier):]))
            fit = 0.1
            # a quantity of another unit does not answer: "bao nhiêu km" is not "11 xã"
            if analysis.unit == "%":
                if "%" not in phrase and "phần trăm" not in phrase:
                    continue
                keep = len(words)
            elif unit_terms:
                wanted = _PEOPLE if unit_terms[0] == "người" else {unit_terms[0]}
                if not following or following[0] not in wanted:
                    continue
                keep = 1 + bool(fact.qualifier) + len(unit_terms)
            elif money:
                if not following or following[0] not in _CURRENCY:
                    continue
                keep = 1 + bool(fact.qualifier) + 2
            else:
                keep = 1 + bool(fact.qualifier) + 2
            answer = " ".join(words[:keep]).rstrip(",;:.")
            found.append(Candidate(answer, scope.rank, scope.quote, scope.support,
                                   scope.support + fit + _rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


# first syllables of counted people: "đại biểu", "cán bộ", "đảng viên", "học viên", "lượt người", …
_PEOPLE = frozenset({"người", "đại", "cán", "đảng", "học", "hội", "lượt", "thành", "công"})
_CURRENCY = frozenset({"đồng", "triệu", "tỷ", "nghìn", "ngàn", "vnđ", "usd"})
_MONEY_WORDS = frozenset({"kinh phí", "ngân sách", "mức hỗ", "mức chi", "mức lương", "phụ cấp", "số tiền",
                          "mức thưởng", "nguồn vốn", "tổng vốn"})


def _doc(analysis: QuestionAnalysis, scopes: list[_Scope]) -> list[Candidate]:
    """Return referenced documents, preferring the asked type and not the document itself."""
    found = []
    asked = asked_numbers(analysis)
    for scope in scopes:
        text, clause = scope.text, scope.clause
        refs = doc_refs(text, clause.start, clause.end)
        for fact in refs:
            fit = 0.1
            if analysis.doc_type and fact.qualifier.lower().startswith(analysis.doc_type):
                fit += 0.12
            own = scope.hit.doc.number
            if own and own.replace(" ", "") in text[fact.start:fact.end].replace(" ", ""):
                fit -= 0.15
            number = DOC_REF.match(text, fact.start)
            if number and number_key(number.group("number")) in asked:
                fit -= 0.3  # the question names this document; it asks for another one
            # what this reference is about: its words up to the next reference
            following = [r.start for r in refs if r.start > fact.start]
            about = text[fact.start:min(following[0] if following else clause.end, fact.end + 160)]
            fit += 0.15 * support(analysis, about)
            # "Chương trình số 61 … thực hiện Nghị quyết số 57" answers "chương trình nào thực hiện NQ 57"
            related = text[fact.end:min(clause.end, fact.end + 250)]
            if asked and any(number_key(n) in asked for n in NUMBER.findall(related)):
                fit += 0.1
            found.append(Candidate(shorten(_phrase(text, (fact.start, fact.end))), scope.rank, scope.quote,
                                   scope.support, scope.support + fit + _rank_prior(scope.rank),
                                   scope.hit.doc.doc_id))
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

    "… khuyến khích hợp tác giữa doanh nghiệp với viện, trường và Nhà nước; …" for "hợp tác giữa
    những bên nào" gives "hợp tác giữa doanh nghiệp với viện, trường và Nhà nước": the words after
    the ones the question repeats are what it asks for. None when the run ends the clause.
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


def _what(analysis: QuestionAnalysis, scopes: list[_Scope]) -> list[Candidate]:
    """Return the best-matching sentences, and quoted names introduced by question words."""
    found = []
    question_terms = set(analysis.terms)
    for scope in scopes:
        text, clause = scope.text, scope.clause
        whole_sentence = scope.quote == (clause.sentence_start, clause.sentence_end)
        if clause.start != clause.sentence_start and whole_sentence:
            continue  # one candidate per short sentence
        quote = scope.quote
        if analysis.kind is QuestionKind.LIST:  # a list is read over its whole sentence
            quote = (clause.sentence_start, clause.sentence_end)
        anchored = _anchored(analysis, text, quote)
        window = anchored or _best_window(analysis, text, quote)
        # of two clauses of one long sentence, the one matching the question; and a sentence that goes
        # on after the words the question repeats (where its answer would be) over one that stops there
        fit = 0.05 * scope.own + (0.05 if anchored else -0.05)
        found.append(Candidate(shorten(_phrase(text, window)), scope.rank, quote, scope.support,
                               scope.support + fit + _rank_prior(scope.rank), scope.hit.doc.doc_id))
        if analysis.kind is QuestionKind.WHAT and not _asks_contact(analysis):
            for fact in quoted(text, clause.start, clause.end):
                introduced = set(content_terms(fact.qualifier)) & question_terms
                opens = analysis.preposition and re.match(rf"[“\"]{analysis.preposition}\b",
                                                          folded(text[fact.start:fact.end]).lower())
                if introduced or opens:  # "phương châm “…”" for "phương châm … là gì", "“về …”" for "về gì"
                    fit = 0.05 + 0.08 * len(introduced) + (0.15 if opens else 0.0)
                    found.append(Candidate(shorten(_phrase(text, (fact.start, fact.end))), scope.rank,
                                           scope.quote, scope.support,
                                           scope.support + fit + _rank_prior(scope.rank),
                                           scope.hit.doc.doc_id))
        if _asks_contact(analysis):
            for match in _CONTACT.finditer(text, clause.start, clause.end):
                found.append(Candidate(match.group(0).rstrip(".,;)"), scope.rank, scope.quote,
                                       scope.support, scope.support + 0.2 + _rank_prior(scope.rank),
                                       scope.hit.doc.doc_id))
    return found


# A web address, e-mail or telephone number:
#   (?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?:/[^\s,;)]*)?   "binhdanhocvuso.caobang.gov.vn", "https://x.gov.vn/a"
#   [\w.-]+@[\w-]+(?:\.[\w-]+)+                          "vanthu@caobang.gov.vn"
#   0\d{2,4}[.\s]?\d{3}[.\s]?\d{3,4}                      "02063.955.626"
_CONTACT = re.compile(
    r"[\w.-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://)?(?:[\w-]+\.)+(?:vn|com|org|net|gov)(?:/[^\s,;)]*)?"
    r"|(?<!\d)0\d{2,4}[.\s]?\d{3}[.\s]?\d{3,4}(?!\d)")


def _asks_contact(analysis: QuestionAnalysis) -> bool:
    """Return True when the question asks for an address, a website, an e-mail or a telephone number."""
    return bool(_CONTACT_WORDS.search(match_key(analysis.text)))


_CONTACT_WORDS = re.compile(r"địa chỉ|trang web|website|\bweb\b|e-?mail|thư điện tử|điện thoại|đường dẫn|"
                            r"cổng thông tin|\bcổng\b|\blink\b|\burl\b")


def _list(analysis: QuestionAnalysis, scopes: list[_Scope]) -> list[Candidate]:
    """Return the best lead-in with the items that follow it in its passage, joined by "; "."""
    found = []
    for i, scope in enumerate(scopes):
        text = scope.text
        items: list[tuple[int, int]] = []
        lead = scope.clause
        if text[lead.sentence_start:lead.sentence_end].rstrip().endswith(":"):
            for later in scopes[i + 1:]:
                if later.hit is not scope.hit or later.clause.start != later.clause.sentence_start:
                    if later.hit is not scope.hit:
                        break
                    continue
                items.append((later.clause.sentence_start, later.clause.sentence_end))
        if not items:
            continue
        parts: list[str] = []
        length = 0
        for start, end in items:
            head = re.split(r"[;:.]\s|,\s", _phrase(text, (start, end)))[0]
            if length + len(head) > MAX_ANSWER_CHARS and parts:
                break
            parts.append(head)
            length += len(head) + 2
        quote = (lead.sentence_start, items[min(len(parts), len(items)) - 1][1])
        found.append(Candidate(shorten("; ".join(parts)), scope.rank, quote, scope.support,
                               scope.support + _rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found + _what(analysis, scopes)


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
    scopes = _scopes(analysis, hits)
    kind = analysis.kind
    if kind is QuestionKind.WHO or kind is QuestionKind.ISSUER or kind is QuestionKind.SIGNER:
        candidates = _who(analysis, scopes, use_headings)
    elif kind is QuestionKind.WHEN or kind is QuestionKind.ISSUE_DATE:
        candidates = _when(analysis, scopes)
    elif kind is QuestionKind.NUMBER:
        candidates = _number(analysis, scopes)
    elif kind is QuestionKind.DOC or kind is QuestionKind.DOC_NUMBER:
        # documents without a số hiệu ("thống nhất các dự thảo: Quy chế làm việc, …") are in sentences
        sentences = [replace(c, score=c.score - 0.1) for c in _what(analysis, scopes)]
        candidates = _doc(analysis, scopes) + sentences
    elif kind is QuestionKind.LIST:
        candidates = _list(analysis, scopes)
    else:
        candidates = _what(analysis, scopes)
    # a date, số hiệu or issuer may be the document's own (metadata) or one the passages mention
    candidates = meta + candidates
    return max(candidates, key=lambda c: c.score) if candidates else None
