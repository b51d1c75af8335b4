"""List and noun answers: enumerations, the items under a heading, what a question's noun names."""

from __future__ import annotations

import re

from assistant.evidence import MAX_ANSWER_CHARS, MAX_LIST_CHARS, Candidate, item_name, shorten
from assistant.facts import Fact, quoted
from assistant.model import Hit
from assistant.question import QuestionAnalysis, content_terms
from assistant.scope import Scope, nearby_fit, one_line, rank_prior
from assistant.spans import clauses, completions, folded
from indexer.normalize import match_key

# Place names after a place noun: "xã Ea Kao", "xã, phường: Đồng Hới", "huyện Kon Plông và …"
# ("các xã vùng cao (Bình Yên, Phú Đình, …)": a few words of description, then the names in brackets)
_NAMES_PLACES = re.compile(r"(?:\s*,\s*(?:xã|phường|huyện|quận|thị trấn|thị xã|thành phố|tỉnh|ấp|thôn|bản))?"
                           r"(?:(?:\s+[^\W\d_]+){0,3}?\s*[:(]|\s*:?)\s*[A-ZĐÀ-Ỹ]")


def named_by_head(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return what the text says the question's noun is: "mô hình gì" -> "mô hình trạm y tế thông minh …".

    For a list question the phrase runs over its enumeration ("các huyện miền núi (A, B, C)"), and a
    phrase that enumerates nothing is scored down.
    """
    found = []
    seen: set[tuple[str, int, int]] = set()
    limit = MAX_LIST_CHARS if analysis.plural else MAX_ANSWER_CHARS
    for scope in scopes:
        text, clause = scope.text, scope.clause
        if analysis.plural and clause.start != clause.sentence_start:
            continue  # an enumeration is read over its whole sentence, once
        bounds = ((clause.sentence_start, clause.sentence_end) if analysis.plural
                  else (clause.start, clause.end))
        spans = completions(text, *bounds, analysis.head, analysis.plural, limit)
        for span in spans:
            if (scope.hit.doc.doc_id, scope.hit.chunk.start + span[0], span[1]) in seen:
                continue
            if analysis.plural and any(a < span[0] < b for a, b in spans):
                continue  # "Bác sĩ đa khoa, bác sĩ y học dự phòng, …": the enumeration from its first item
            seen.add((scope.hit.doc.doc_id, scope.hit.chunk.start + span[0], span[1]))
            phrase = one_line(text, span)
            # of two mentions of the noun, the one in the phrase that repeats the question: "… chế tạo
            # và phát triển năng lượng tái tạo" over "an ninh năng lượng quốc gia" for "phát triển …
            # năng lượng nào"
            fit = 0.1 + 0.5 * nearby_fit(analysis, text, clause, Fact("phrase", span[0], span[0]))
            if analysis.plural:
                fit += 0.05 if re.search(r",|\bvà\b|\bhoặc\b", phrase) else -0.08
            after = phrase.split()[len(analysis.head):len(analysis.head) + 1]
            if after and after[0].lower() in _NOT_NAMING:
                fit -= 0.15  # "các ấp về tình hình sản xuất …" says nothing of which ones
            said = phrase.split()
            cut = len(said) > len(analysis.head) and said[len(analysis.head) - 1][-1:] in ",;"
            if cut and not analysis.plural:
                fit -= 0.15  # "quản lý các nguồn thu, chú trọng …": the noun alone, then another clause
            if analysis.place and not _NAMES_PLACES.match(phrase, len(" ".join(analysis.head))):
                fit -= 0.15  # "những xã nào": "xã, phường làm Tổ trưởng" names none
            before = folded(text[max(0, span[0] - 12):span[0]]).lower().split()[-1:]
            if analysis.preposition and before != [analysis.preposition]:
                fit -= 0.1  # "theo hình thức nào": not "đổi mới hình thức tuyên truyền", a "theo …" phrase
            found.append(Candidate(shorten(without_excluded(analysis, phrase), limit), scope.rank,
                                   scope.quote,
                                   scope.support, scope.support + fit + rank_prior(scope.rank),
                                   scope.hit.doc.doc_id))
    return found


# Words after a noun that go on with the sentence instead of saying which ones it means
_NOT_NAMING = frozenset({"về", "để", "trong", "tại", "theo", "của", "với", "cho", "đã", "được", "là", "có",
                         "phải", "sẽ", "đang"})


def without_excluded(analysis: QuestionAnalysis, phrase: str) -> str:
    """Return a list answer without the items the question sets aside ("Ngoài quy chế, … văn bản nào")."""
    if not analysis.excluded or ";" not in phrase:
        return phrase
    lead, colon, items = phrase.partition(": ")
    if not colon:
        lead, items = "", phrase
    wanted = set(analysis.excluded)
    kept = [item for item in items.split("; ")
            if len(wanted & set(content_terms(item))) < 0.75 * len(wanted)]
    if not kept:
        return phrase
    return f"{lead}{colon}{'; '.join(kept)}"


# A bullet item's opening: "- ", "+ ", "• ", "a) "
_BULLET = re.compile(r"[ \t]*(?:[-+•*]|[a-zđ]\))[ \t]")


def items_under_heading(analysis: QuestionAnalysis, hits: list[Hit], scopes: list[Scope],
                         by_head: bool = False) -> list[Candidate]:
    """Return the bullet items under the heading the question names, in document order, joined by "; ".

    "4. Tổ chức hội nghị, tập huấn" > "- Tổ chức hội nghị quán triệt …", "- Mở lớp tập huấn …" answers
    "công tác tổ chức hội nghị, tập huấn gồm những hoạt động gì": the heading is the question's topic
    and its items (spread over several passages) are the list. With `by_head`, the heading must also
    name the noun the question asks for ("những môn thi đấu nào" and "1. Các môn thi đấu:").
    """
    asked = set(analysis.terms)
    groups: dict[tuple[str, str], list[int]] = {}
    for rank, hit in enumerate(hits):
        if hit.chunk.section:
            groups.setdefault((hit.doc.doc_id, hit.chunk.section), []).append(rank)
    best_support = {rank: max((s.support for s in scopes if s.rank == rank), default=0.0)
                    for rank in range(len(hits))}
    found = []
    for (_, section), ranks in groups.items():
        heading = {term for term in content_terms(section.split(" > ")[-1]) if not term[0].isdigit()}
        if len(heading) < 2 or len(heading & asked) < 0.5 * len(heading):
            continue  # the question does not name this heading
        if by_head and not set(analysis.head) <= heading:
            continue  # "những môn nào" takes the items of "1. Các môn thi đấu:", not of any heading
        items: list[tuple[int, str]] = []
        for rank in ranks:
            chunk = hits[rank].chunk
            for clause in clauses(chunk.text):
                if clause.start != clause.item_start:
                    continue
                line_start = chunk.text.rfind("\n", 0, clause.start) + 1
                if not _BULLET.match(chunk.text, line_start):
                    continue
                stop = min([p for p in (chunk.text.find(";", clause.start, clause.sentence_end),
                                        chunk.text.find(". ", clause.start, clause.sentence_end)) if p >= 0]
                           or [clause.sentence_end])
                item = shorten(item_name(one_line(chunk.text, (clause.start, stop))), 100)
                items.append((chunk.start + clause.start, item))
        if len(items) < 2:
            continue
        first = min(ranks, key=lambda r: hits[r].chunk.start)
        answer = shorten("; ".join(item for _, item in sorted(set(items))), MAX_LIST_CHARS)
        chunk = hits[first].chunk
        support_value = max(best_support[r] for r in ranks)
        found.append(Candidate(answer, first, (0, len(chunk.text)), support_value,
                               support_value + 0.15 + rank_prior(min(ranks)), hits[first].doc.doc_id))
    return found


def quoted_series(scopes: list[Scope]) -> list[Candidate]:
    """Return runs of quoted names written one after the other: "theo 4 mức “Hoàn thành xuất sắc nhiệm
    vụ”, “Hoàn thành tốt nhiệm vụ”, “Hoàn thành nhiệm vụ”, “Không hoàn thành nhiệm vụ”" is one list."""
    found = []
    for scope in scopes:
        text, clause = scope.text, scope.clause
        names = quoted(text, clause.start, clause.end)
        runs: list[list[Fact]] = []
        for name in names:
            gap = text[runs[-1][-1].end:name.start] if runs else ""
            # next to each other, or a few words apart: "… 01 giải “A” và 01 giải “B”"
            if runs and len(gap) <= 25 and re.fullmatch(r"[^.;:!?\n]*|\s*\n\s*[-+•*]?\s*", gap):
                runs[-1].append(name)
            else:
                runs.append([name])
        for run in runs:
            if len(run) >= 2:
                found.append(Candidate(shorten(one_line(text, (run[0].start, run[-1].end)), MAX_LIST_CHARS),
                                       scope.rank, scope.quote, scope.support,
                                       scope.support + 0.25 + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


# What a question lists: the words before "gồm những gì", "bao gồm những gì", "có những … nào"
_LISTED_SUBJECT = re.compile(r"^(.+?)\s+(?:gồm|bao gồm|có)\s+(?:những|các)\b")


def bracketed_members(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return the members a text lists in brackets right after what the question lists: "Hồ sơ đăng ký
    (danh sách vận động viên, bản sao căn cước, giấy khám sức khỏe) gửi về …" for "Hồ sơ đăng ký … gồm
    những gì?"."""
    asked = _LISTED_SUBJECT.match(match_key(analysis.text))
    if not asked:
        return []
    subject = content_terms(asked.group(1))[:2]
    if len(subject) < 2:
        return []
    words = r"\s+".join(map(re.escape, subject))
    opening = re.compile(rf"(?i)(?<!\w){words}(?:\s+\w+){{0,3}}\s*\(([^()]{{5,300}})\)")
    found = []
    for scope in scopes:
        text, clause = scope.text, scope.clause
        for match in opening.finditer(folded(text).lower(), clause.sentence_start, clause.sentence_end):
            if not re.search(r",|;|\bvà\b", match.group(1)):
                continue
            found.append(Candidate(shorten(one_line(text, match.span(1)), MAX_LIST_CHARS), scope.rank,
                                   scope.quote, scope.support, scope.support + 0.25 + rank_prior(scope.rank),
                                   scope.hit.doc.doc_id))
    return found


def inline_enumerations(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return the items a sentence lists after its colon, separated by semicolons: "… những hạn chế,
    rào cản, đó là: Các nhiệm vụ mới …; nhận thức … chưa cao; vẫn còn tâm lý e ngại …" (one answer),
    or by commas after "gồm:" ("Hồ sơ … gồm: phiếu tự khai sức khỏe, lý lịch, giấy gọi nhập ngũ").

    When the lead-in before the colon names the question's noun ("những hạn chế … nào"), its items
    are the list asked, not the lead-in itself."""
    found = []
    seen: set[tuple[int, int]] = set()
    for scope in scopes:
        text, clause = scope.text, scope.clause
        if (scope.rank, clause.sentence_start) in seen:
            continue
        seen.add((scope.rank, clause.sentence_start))
        colon = text.find(": ", clause.sentence_start, clause.sentence_end)
        if colon < 0:
            continue
        end = clause.sentence_end
        lead = content_terms(text[clause.sentence_start:colon])
        composing = bool(re.search(r"\b(?:bao )?gồm\s*$", match_key(text[clause.sentence_start:colon])))
        # items separated by semicolons, or by commas after "gồm:" ("… gồm: phiếu tự khai, lý lịch, …")
        separator = ";" if ";" in text[colon:end] else ("," if composing else "")
        if not separator:
            continue
        items = [" ".join(part.split()) for part in text[colon + 2:end].rstrip(" .\n").split(separator)]
        items = [item for item in items if item]
        if len(items) < 2:
            continue
        # the lead-in names the asked noun ("những hạn chế nào"), or says what the question's subject
        # "gồm" ("Hồ sơ gồm:" for "Hồ sơ đề nghị … gồm những gì")
        composed = composing and len(set(lead) & set(analysis.terms)) >= 2
        named = composed or (bool(analysis.head) and all(term in lead for term in analysis.head))
        fit = 0.05 + (0.25 if named else 0.0)
        answer = shorten(f"{separator} ".join(items), MAX_LIST_CHARS)
        found.append(Candidate(answer, scope.rank, (colon + 2, end),
                               scope.support, scope.support + fit + rank_prior(scope.rank),
                               scope.hit.doc.doc_id))
    return found


def list_candidates(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return the best lead-in with the items that follow it in its passage, joined by "; "."""
    found = (quoted_series(scopes) + bracketed_members(analysis, scopes)
             + inline_enumerations(analysis, scopes))
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
            head = shorten(item_name(re.split(r"[;:]\s|\.\s", one_line(text, (start, end)))[0]), 100)
            if length + len(head) > MAX_ANSWER_CHARS and parts:
                break
            parts.append(head)
            length += len(head) + 2
        quote = (lead.sentence_start, items[min(len(parts), len(items)) - 1][1])
        found.append(Candidate(shorten("; ".join(parts)), scope.rank, quote, scope.support,
                               scope.support + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found
