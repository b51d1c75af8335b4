"""Document answers: the references a passage makes ("Nghị quyết số 57-NQ/TW …"), preferring the
type the question asks and not the document itself.
"""

from __future__ import annotations

import re

from assistant.evidence import (
    MAX_LIST_CHARS,
    NUMBER,
    Candidate,
    asked_numbers,
    number_key,
    question_doc_type,
    shorten,
    support,
)
from assistant.facts import DOC_REF, Fact, doc_refs
from assistant.question import QuestionAnalysis, QuestionKind, content_terms
from assistant.scope import Scope, one_line, rank_prior
from assistant.spans import Clause, joined_runs
from indexer.normalize import match_key

# A document type word as written: "Chương trình phối hợp", "Kế hoạch", "Nghị quyết"
TYPE_WORD = re.compile(r"(?i)\b(nghị quyết|chỉ thị|kết luận|quyết định|kế hoạch|hướng dẫn|thông báo|"
                        r"chương trình|"
                        r"công văn|thông tư|nghị định|quy định|quy chế|đề án|báo cáo|tờ trình|luật)\b")


def _type_before(text: str, clause: Clause, fact: Fact) -> str | None:
    """Return the document type a bare "Số 04-CTPH/…" inherits: the last type word before it in its sentence.

    "… các Chương trình phối hợp … (Số 02-CTPH/SNV-STP …; Số 03-…)" gives "Chương trình".
    """
    # capitalised, as a reference writes its type: the "luật" of "chính sách, pháp luật" is none
    words = [m for m in TYPE_WORD.finditer(text, clause.sentence_start, fact.start)
             if m.group(1)[0].isupper()]
    return words[-1].group(1) if words else None


# The letter a số hiệu writes for an agency's head: Sở -> "S", Bộ -> "B", Ban -> "B", Phòng -> "P"
_HEAD_INITIALS = {"sở": "s", "bộ": "b", "ban": "b", "phòng": "p", "cục": "c"}


def doc_candidates(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return referenced documents, preferring the asked type and not the document itself."""
    found = []
    asked = asked_numbers(analysis)
    # the agencies the question writes by their letters ("Sở VHTTDL"), as a số hiệu writes its issuers
    # ("SVHTTDL": the head's initial, then the letters)
    named = re.findall(r"\b(Sở|Bộ|Ban|Phòng|Cục)\s+([A-ZĐ&]{2,})(?![\w/-])", analysis.text)
    codes = {f"{_HEAD_INITIALS[head.lower()]}{code}".lower() for head, code in named}
    asked_type = analysis.doc_type or (question_doc_type(analysis) if analysis.kind is QuestionKind.DOC_NUMBER
                                       else None)
    for scope in scopes:
        text, clause = scope.text, scope.clause
        refs = doc_refs(text, clause.start, clause.end)
        fits: dict[int, float] = {}  # by a reference's start
        for fact in refs:
            fit = 0.1
            bare = match_key(fact.qualifier) == "số"
            ref_type = _type_before(text, clause, fact) if bare else fact.qualifier
            same_type = match_key(ref_type).startswith(asked_type) if asked_type and ref_type else None
            if same_type is False and analysis.kind is QuestionKind.DOC_NUMBER:
                continue  # "Kế hoạch … có số hiệu gì" is not answered by a Nghị quyết's số hiệu
            if same_type is not None:
                # "chương trình nào": a Chương trình, not the Quyết định named next to it
                fit += 0.12 if same_type else -0.08
            own = scope.hit.doc.number
            if own and own.replace(" ", "") in text[fact.start:fact.end].replace(" ", ""):
                fit -= 0.15
            number = DOC_REF.match(text, fact.start)
            if number and number_key(number.group("number")) in asked:
                fit -= 0.3  # the question names this document; it asks for another one
            if number and codes & set(re.split(r"[-/]", number.group("number").lower())):
                fit += 0.15  # "… với Sở VHTTDL có số hiệu gì": "09-CTPH/BTGDVTU-SVHTTDL" carries its letters
            issuer = number.group("issuer") if number else None
            if issuer and set(content_terms(issuer)) <= set(analysis.terms):
                fit += 0.1  # "nghị quyết nào của Bộ Chính trị": "Nghị quyết số 68-NQ/TW … của Bộ Chính trị"
            # what this reference is about: its words up to the next reference
            following = [r.start for r in refs if r.start > fact.start]
            about = text[fact.start:min(following[0] if following else clause.end, fact.end + 160)]
            fit += 0.15 * support(analysis, about)
            # "Chương trình số 12 … thực hiện Nghị quyết số 30" answers "chương trình nào thực hiện NQ 30"
            related = text[fact.end:min(clause.end, fact.end + 250)]
            around = text[max(clause.start, fact.start - 250):min(clause.end, fact.end + 250)]
            if asked and analysis.kind is QuestionKind.DOC_NUMBER and not any(
                    number_key(n) in asked for n in NUMBER.findall(around)):
                continue  # "Kế hoạch thực hiện Chỉ thị 52 có số hiệu gì": a plan named beside Chỉ thị 52
            if asked and any(number_key(n) in asked for n in NUMBER.findall(related)):
                fit += 0.1
            fits[fact.start] = fit
            found.append(Candidate(shorten(one_line(text, (fact.start, fact.end))), scope.rank, scope.quote,
                                   scope.support, scope.support + fit + rank_prior(scope.rank),
                                   scope.hit.doc.doc_id))
        if analysis.plural:  # "theo những thông tư nào": "Thông tư số 148/… và Thông tư số 105/…" together
            starts = {fact.end: fact.start for fact in refs}  # of the last reference of a run
            for fact in refs:  # "các Nghị quyết số 71-NQ/TW, 72-NQ/TW": numbers going on without their type
                number = DOC_REF.match(text, fact.start)
                more = _MORE_NUMBERS.match(text, number.end("number"), clause.end) if number else None
                if more and fact.start in fits:
                    found.append(Candidate(one_line(text, (fact.start, more.end())), scope.rank, scope.quote,
                                           scope.support, scope.support + fits[fact.start] + 0.05
                                           + rank_prior(scope.rank), scope.hit.doc.doc_id))
            for first, last in joined_runs(text, [(fact.start, fact.end) for fact in refs]):
                fit = max(fits.get(first, 0.0), fits.get(starts[last], 0.0)) + 0.05
                found.append(Candidate(shorten(one_line(text, (first, last)), MAX_LIST_CHARS),
                                       scope.rank, scope.quote, scope.support,
                                       scope.support + fit + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found + _listed_references(analysis, scopes)


# Numbers going on after a reference without their type: ", 72-NQ/TW", " và 73-NQ/TW"
_MORE_NUMBERS = re.compile(rf"(?:\s*(?:,|\bvà\b)\s*{NUMBER.pattern})+")


def _listed_references(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return, for "những chỉ thị nào", the reference of the asked type that each item of a passage names
    right after the words the question says of them: of the items "- Sơ kết 05 năm thực hiện Chỉ thị số
    06-CT/TW, ngày …" and "- Sơ kết 05 năm thực hiện Chỉ thị số 11-CT/TU, …", "cần sơ kết 05 năm thực
    hiện những chỉ thị nào" is "Chỉ thị số 06-CT/TW; Chỉ thị số 11-CT/TU" (each by type and số hiệu)."""
    if not analysis.plural or not analysis.doc_type:
        return []
    asked = set(analysis.terms)
    # by section of a document (an item may be a passage of its own): (start, end) of each reference
    items: dict[tuple[str, str], list[tuple[int, int, Scope]]] = {}
    seen: set[tuple[int, int]] = set()
    for scope in scopes:
        text, clause = scope.text, scope.clause
        if (scope.rank, clause.item_start) in seen:
            continue
        ref = next((m for m in DOC_REF.finditer(text, clause.start, clause.end)
                    if match_key(m.group("type")).startswith(analysis.doc_type)), None)
        if ref is None:
            continue
        lead = content_terms(text[clause.item_start:ref.start()])
        if len(lead) >= 2 and set(lead) <= asked:
            seen.add((scope.rank, clause.item_start))
            where = (scope.hit.doc.doc_id, scope.hit.chunk.section)
            items.setdefault(where, []).append((ref.start(), ref.end("number"), scope))
    found = []
    for listed in items.values():
        if len(listed) < 2:
            continue
        listed.sort(key=lambda item: (item[2].hit.chunk.start, item[0]))  # as the document lists them
        answer = "; ".join(one_line(item.text, (start, end)) for start, end, item in listed)
        best = max((item for _, _, item in listed), key=lambda item: (item.support, -item.rank))
        found.append(Candidate(shorten(answer, MAX_LIST_CHARS), best.rank, best.quote, best.support,
                               best.support + 0.25 + rank_prior(best.rank), best.hit.doc.doc_id))
    return found


# The words of an issuer question that name no document: "do ai ban hành", "cơ quan nào ban hành"
_ISSUER_ASKED = re.compile(r"\b(?:do|bởi)?\s*(?:ai|cơ quan nào|đơn vị nào|cấp nào)?\s*(?:đã\s+)?"
                           r"(?:ban hành|ký)\b")
# The issuer written right before a reference: "… của Ban Thường vụ Đảng ủy UBND tỉnh tại |Công văn …"
_ISSUER_BEFORE = re.compile(r"\bcủa\s+([^,;.()“\"\n]{3,80}?)\s+(?:tại|theo)\s*$")
# Where a cited document's title ends: the next reference, clause or sentence
_TITLE_END = re.compile(r"[;\n]|\.\s|(?=" + DOC_REF.pattern + ")")


def cited_titles(analysis: QuestionAnalysis, text: str, start: int = 0, end: int | None = None,
                 asking: str = "", numbers: set[str] | None = None) -> list[tuple[re.Match[str], str, float]]:
    """Return the references in text[start:end] to a document the question names, with their titles
    (type, số hiệu and the words after them, up to the next reference or clause) and how much of the
    question a title writes: one whose số hiệu the question gives, or one writing most of its words,
    three at least ("Quy chế phối hợp … do ai ban hành" is "Quyết định số 12-QĐ/TU … về việc ban hành
    “Quy chế phối hợp …”"; "Kế hoạch này" names no other document). `asking` are the question's words
    that ask, not name ("do ai ban hành", "thuộc loại văn bản gì"); `numbers` the số hiệu that name the
    document asked about (all the question gives by default)."""
    end = len(text) if end is None else end
    key = match_key(analysis.text)
    asked = set(content_terms(_ISSUER_ASKED.sub(" ", key.replace(asking, " ") if asking else key)))
    asked -= {term for match in TYPE_WORD.finditer(key) for term in content_terms(match.group(1))}
    numbers = asked_numbers(analysis) if numbers is None else numbers
    found = []
    for ref in DOC_REF.finditer(text, start, end):
        stop = _TITLE_END.search(text, ref.end() + 1, end)
        title = text[ref.start():stop.start() if stop else end]
        share = len(asked & set(content_terms(title))) / len(asked) if len(asked) >= 3 else 0.0
        if number_key(ref.group("number")) in numbers or share >= 0.6:
            found.append((ref, title, share))
    return found


def cited_issuers(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return the issuer of a document a passage cites by the name the question gives it: "Quy chế phối
    hợp … do ai ban hành" is answered by "Ban Thường vụ Thành ủy" of "Quyết định số 12-QĐ/TU … của Ban
    Thường vụ Thành ủy về việc ban hành “Quy chế phối hợp …”". The reference must write the question's
    document type too (see `cited_titles`)."""
    asked_type = TYPE_WORD.search(match_key(analysis.text))
    if asked_type is None:
        return []
    found = []
    for scope in scopes:
        text, clause = scope.text, scope.clause
        if clause.start != clause.sentence_start:
            continue  # a sentence's references once
        for ref, title, share in cited_titles(analysis, text, clause.sentence_start, clause.sentence_end):
            if asked_type.group(1) not in match_key(title):
                continue
            # (or written before it: "ý kiến chỉ đạo của Ban Thường vụ … tại Công văn số 605-CV/ĐU")
            before = _ISSUER_BEFORE.search(text, max(clause.sentence_start, ref.start() - 120), ref.start())
            issuer = (ref.group("issuer").strip()[len("của"):].strip() if ref.group("issuer")
                      else before.group(1) if before else "")
            if not issuer:
                continue
            found.append(Candidate(shorten(" ".join(issuer.split())), scope.rank, scope.quote, scope.support,
                                   scope.support + 0.15 + 0.2 * share + rank_prior(scope.rank),
                                   scope.hit.doc.doc_id))
    return found
