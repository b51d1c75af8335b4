"""Who-answers: agencies and people doing what the question asks, named where the passage says so.

Candidates come from the actor of a clause ("Sở X chủ trì …"), the heading above a subject-less
item, agencies mentioned after a preposition or as recipients, people named before the asked verb,
and the issuer of a document the question names by số hiệu.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from assistant.evidence import (
    MAX_ANSWER_CHARS,
    MAX_LIST_CHARS,
    Candidate,
    question_doc_type,
    shorten,
    support,
)
from assistant.facts import doc_refs
from assistant.model import Hit
from assistant.question import NOTE_MARK, OFFICE, QuestionAnalysis, QuestionKind, Role, content_terms
from assistant.scope import Scope, asked_refs, document_name, one_line, rank_prior
from assistant.spans import (
    Clause,
    agency_mentions,
    agency_series,
    clauses,
    find_actor,
    folded,
    heading_actor,
    is_agency,
    objects_after,
    person_mentions,
    role_of_phrase,
    series_start,
    starts_with_verb,
    verb_phrase_at_start,
)
from indexer.abbreviations import expand_abbreviations
from indexer.normalize import match_key


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


# A question asking a person's name: "… là ai", "tên là gì", "họ tên"
_PERSON_NAME_ASKED = re.compile(r"\blà ai\b|\btên (?:là )?gì\b|\bhọ (?:và )?tên\b|\blà đồng chí nào\b")


# A numbered heading line: "2.2.8. ", "3) "
_NUMBERED_LINE = re.compile(r"\s*\d+(?:\.\d+)*[.)]\s")


def _in_channel(text: str, start: int) -> re.Match[str] | None:
    """Return the "qua" opening a bracket an agency stands in, any of a series: "gửi Ban Chỉ đạo tỉnh (qua
    Sở Khoa học và Công nghệ, Văn phòng Tỉnh ủy)" names two channels."""
    opened = text.rfind("(", max(0, start - 150), start)
    if opened < 0 or ")" in text[opened:start]:
        return None
    return re.match(r"\(\W*(qua)\b", text[opened:start])


def _later_in_verb_line(text: str, clause: Clause) -> bool:
    """Return whether a clause goes on a line (or bullet item) that opens with a verb: "Chủ trì, xây
    dựng kế hoạch kiểm tra …. Qua đó, kịp thời khen thưởng …" has no subject of its own."""
    line = text.rfind("\n", 0, clause.start) + 1
    bullet = re.match(r"[-+•*\s]*", text[line:clause.start])
    opening = line + (len(bullet.group(0)) if bullet else 0)
    return clause.start > opening and starts_with_verb(text, opening)


def who_candidates(analysis: QuestionAnalysis, scopes: list[Scope], use_headings: bool) -> list[Candidate]:
    """Return agencies doing what the question asks, with their role phrase (people for "Ai là …")."""
    if analysis.person:  # "Người đầu mối liên hệ … là ai" is a contact person
        people = _people(analysis, scopes) + _contacts(analysis, scopes)
        if people or asked_position(analysis) or _PERSON_NAME_ASKED.search(match_key(analysis.text)):
            return people
        # "Đồng chí nào … phải tập trung …" asks who does a task, not a name: an office named by a heading
        # ("2.2.7. Các đồng chí Bí thư Đảng ủy, Chủ tịch UBND các xã, phường") answers it
    found = []
    for scope in scopes:
        text, clause = scope.text, scope.clause
        # "Giao A, B, C và D tổ chức tập huấn …" answers "những cơ quan nào" with the whole list
        actor = find_actor(text, clause.start, clause.end, MAX_LIST_CHARS if analysis.plural else 120)
        fit = 0.1
        if actor is not None:
            # "những ai": the agencies the sentence lists by "; " before the actor too
            first = series_start(text, clause.sentence_start, actor.name[0]) if analysis.plural else (
                actor.name[0])
            name = one_line(text, (first, actor.name[1]))
            if match_key(name) in _BARE_HEADS:
                continue  # the column label "Cơ quan chủ trì: Sở Nội vụ" (read by _labelled_agencies)
            phrase = actor.role_phrase
            role = actor.role
        elif (clause.sentence_start > clause.item_start
              or (clause.start > clause.item_start and starts_with_verb(text, clause.start))) and (
                item_actor := find_actor(text, clause.item_start, _first_sentence_end(text, clause))) and (
                clause.sentence_start > clause.item_start or _opens_item(text, clause, item_actor.name[0])):
            # a later clause or sentence of an item: "- Sở X chủ trì …. Trong đó, xây dựng …", "1. Phó Chủ
            # tịch Thường trực là Giám đốc Sở Tư pháp, …; chủ trì các cuộc họp …" (before the heading)
            name = one_line(text, item_actor.name)
            # (an item opening with a numbered heading line is that heading's: "2.2.8. Các cấp ủy, tổ
            # chức đảng trực thuộc Tỉnh ủy, các sở, …" is one agency list, its "tổ chức" no verb)
            opens = text.rfind("\n", 0, clause.item_start) + 1
            line_end = text.find("\n", clause.item_start, clause.start)
            line = text[opens:line_end if line_end >= 0 else clause.item_start]
            headed = heading_actor(line) if _NUMBERED_LINE.match(line) and len(line) <= 120 else None
            name = headed or name
            phrase = None
            role = item_actor.role
            fit = 0.05
        elif use_headings and (starts_with_verb(text, clause.start) or _later_in_verb_line(text, clause)):
            # (a later clause of a line opening with a verb: "Thường xuyên kiểm tra …; định kỳ hằng năm
            # báo cáo về …" under "4. Cấp ủy các tổ chức cơ sở đảng" is the heading's too)
            heading = _heading_agency(scope.hit, clause)
            if heading is None:
                continue
            name = " ".join(heading.split())
            phrase = verb_phrase_at_start(text, clause.start, clause.end)
            role = role_of_phrase(text.lower(), phrase)
            if not starts_with_verb(text, clause.start):
                phrase = None  # "Qua đó, …" is no role of the heading's agency
            fit = 0.05
        else:
            continue
        if analysis.role is not None and role is analysis.role:
            fit += 0.12
        if analysis.plural and not analysis.preposition and re.search(r",|\bvà\b", name):
            fit += 0.1  # "những cơ quan nào" is answered by the list of them ("với những … nào" by another)
        if analysis.kind is QuestionKind.ISSUER and phrase and folded(text[phrase[0]:phrase[1]]).startswith(
                "ban hành"):
            fit += 0.2  # "UBND tỉnh ban hành Kế hoạch …" answers "cơ quan nào ban hành"
        if _named_in_question(analysis, name):
            fit -= 0.15  # the question names this agency; it asks about another one
        role_text = one_line(text, phrase) if phrase and phrase[1] > phrase[0] else ""
        role_text = role_text[:1].lower() + role_text[1:]
        # the doer's own phrase repeats what the question asks: "…: Là đơn vị thường trực Hội thi"
        said = content_terms(role_text)
        shared = ({f"{a} {b}" for a, b in zip(said, said[1:], strict=False)} & set(analysis.bigrams)
                  ) - _ROLE_WORDS  # the role itself is scored above
        fit += 0.05 * min(2, len(shared))
        answer = f"{name} ({role_text})" if role_text else name
        found.append(Candidate(shorten(answer, MAX_LIST_CHARS if analysis.plural else MAX_ANSWER_CHARS),
                               scope.rank, scope.quote, scope.support,
                               scope.support + fit + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return (found + _mentioned_agencies(analysis, scopes) + _issuers_of_asked_documents(analysis, scopes)
            + _introduced_agencies(analysis, scopes) + _people_doing(analysis, scopes)
            + _contacts(analysis, scopes) + class_members(analysis, scopes)
            + _labelled_agencies(analysis, scopes))


_ROLE_WORDS = frozenset({"chủ trì", "phối hợp", "tham mưu", "chỉ đạo", "lãnh đạo", "chịu trách",
                         "trách nhiệm"})


# Heads that name no agency by themselves
_BARE_HEADS = frozenset({"cơ quan", "đơn vị", "cơ quan, đơn vị", "bộ phận"})


# An agency given by a column label of a task table row: "Cơ quan chủ trì: Sở Nội vụ.", or of a
# schedule row: "Chủ trì: Đ/c Bí thư Huyện ủy. Chuẩn bị: Văn phòng Huyện ủy."
#   (?:(?:cơ quan|đơn vị)\s+|(?<=\.\s))(chủ trì|…)   the label, naming the role (a bare one opens a cell)
#   \s*:\s*([^.\n]{3,200})                         the agencies, up to the end of the cell
_LABELLED = re.compile(r"(?i)(?:(?:cơ quan|đơn vị)\s+|(?<=\.\s))(chủ trì|phối hợp|thực hiện|tham mưu|"
                       r"chuẩn bị)\s*:\s*([^.\n]{3,200})")
_LABEL_ROLES = {"chủ trì": Role.LEAD, "phối hợp": Role.COORDINATE, "thực hiện": Role.LEAD,
                "tham mưu": Role.ADVISE, "chuẩn bị": None}


def _labelled_agencies(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return the agencies a task table row names by its column labels, read with the whole row.

    "- 5. Bộ chỉ số DDCI. Cơ quan chủ trì: Sở Nội vụ. Cơ quan phối hợp: Hiệp hội Doanh nghiệp tỉnh."
    answers "Đơn vị nào chủ trì xây dựng bộ chỉ số DDCI" with "Sở Nội vụ": the task is one sentence
    of the row, the agency another, so the row's support is that of the whole line.
    """
    found = []
    seen: set[tuple[int, int]] = set()
    for scope in scopes:
        text, clause = scope.text, scope.clause
        if (scope.rank, clause.item_start) in seen:
            continue  # one reading per row
        seen.add((scope.rank, clause.item_start))
        line_end = text.find("\n", clause.start)
        line = (clause.item_start, len(text) if line_end < 0 else line_end)
        labels = list(_LABELLED.finditer(text, *line))
        if not labels:
            continue
        row = text[line[0]:line[1]]
        backing = support(analysis, _LABELLED.sub(" ", row), scope.hit.chunk.section,
                          document_name(scope.hit))
        asked = match_key(analysis.text)
        for label in labels:
            word = match_key(label.group(1))
            role = _LABEL_ROLES[word]
            fit = 0.15 + (0.12 if analysis.role is role and role is not None else 0.0)
            if analysis.role is None and role is Role.LEAD and "chuẩn bị" not in asked:
                fit += 0.05  # "Đơn vị nào … xây dựng …" asks for the one doing it
            if role is None and word in asked:
                fit += 0.17  # "Cơ quan nào chuẩn bị …" names its label
            found.append(Candidate(shorten(" ".join(label.group(2).split())), scope.rank, line, backing,
                                   backing + fit + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


# A count before a class noun: "hai tỉnh", "03 xã", "ba huyện"
_COUNT = r"(?i:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)|\d{1,2}"


def _names_end(text: str, start: int, end: int) -> int:
    """Return where the capitalised names from `start` end, joined by commas or "và": "Đăk Lăk và Phú
    Yên| đều đã …", "Bình Yên, Phú Đình, Tràng Xá|"."""
    stop = start
    for word in re.finditer(r"[^\s,;.()]+", text[start:end]):
        if word.group(0)[0].isupper():
            stop = start + word.end()
        elif word.group(0) != "và" or stop != start + word.start() - 1:
            break
    return stop


def class_members(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return the members a text lists after the question's class noun and a colon.

    "Giám đốc các sở: Tài chính, Xây dựng, Tư pháp; Giám đốc Công an tỉnh …" answers "Giám đốc những
    sở nào …" with "Tài chính, Xây dựng, Tư pháp": the list runs to the clause end or to the first item
    that is an agency of its own ("…, Công an tỉnh, Ban Quản lý …").
    """
    if not analysis.plural or not analysis.head:
        return []
    noun = r"\s+".join(map(re.escape, analysis.head))
    # "các sở: Tài chính, …", or names right after the noun: "Trưởng các ấp Tân Điền, Kinh Tám, …"
    # ("các xã, phường: Đồng Hới, Đông Hà": a second class noun after a comma)
    # ("hai tỉnh Đăk Lăk và Phú Yên đều …": after a count, the capitalised names only)
    opening = re.compile(rf"(?<!\w)(?:(?i:các|những)|(?P<count>{_COUNT}))\s+(?i:{noun})"
                         rf"(?:\s*,\s*[^\W\d_A-ZĐ]+)?(?:\s*:\s*|\s+(?=[A-ZĐÀ-Ỹ]))")
    # the office the question puts before the class, "Trưởng những phòng nào": the text's "Trưởng các phòng:"
    office = re.search(rf"(\w+)\s+(?:những|các)\s+{noun}\b", match_key(analysis.text))
    found = []
    best: dict[int, Scope] = {}  # the best-supported scope of each passage
    for scope in scopes:
        if scope.rank not in best or scope.support > best[scope.rank].support:
            best[scope.rank] = scope
    for scope in best.values():
        # the members its heading lists: "6. UBND các xã Phước Lý, Long Thượng và thị trấn Cần Giuộc" over
        # "- Thành lập Tổ vận động …" answers "Những xã nào phải thành lập Tổ vận động"
        heading = scope.hit.chunk.section.split(" > ")[-1]
        named = opening.search(heading)
        if named and len(heading[named.end():].strip(" :.")) >= 3:
            found.append(Candidate(shorten(heading[named.end():].strip(" :."), MAX_LIST_CHARS), scope.rank,
                                   scope.quote, scope.support, scope.support + 0.25 + rank_prior(scope.rank),
                                   scope.hit.doc.doc_id))
    sentence_support: dict[tuple[int, int], float] = {}  # the list is read over its whole sentence
    for scope in scopes:
        key = (scope.rank, scope.clause.sentence_start)
        sentence_support[key] = max(sentence_support.get(key, 0.0), scope.support)
    for scope in scopes:
        text, clause = scope.text, scope.clause
        if clause.start != clause.sentence_start:
            continue  # read over the whole sentence, once
        backing = sentence_support[(scope.rank, clause.sentence_start)]
        for match in opening.finditer(text, clause.sentence_start, clause.sentence_end):
            stop = re.compile(r"[;.]|\n").search(text, match.end(), clause.sentence_end)
            end = stop.start() if stop else clause.sentence_end
            if match.group("count"):
                end = _names_end(text, match.end(), end)
            items = re.split(r",\s+", text[match.end():end])
            kept = [items[0]] + list(itertools.takewhile(lambda item: not is_agency(item), items[1:]))
            if len(kept) < 2 and not re.search(r"\bvà\b", kept[0]):
                continue
            listed = (match.end(), match.end() + len(", ".join(kept)))
            before = re.search(r"(\w+)\s*$", match_key(text[max(0, match.start() - 30):match.start()]))
            fit = 0.25 + (0.2 if office and before and before.group(1) == office.group(1) else 0.0)
            found.append(Candidate(shorten(one_line(text, listed), MAX_LIST_CHARS), scope.rank, scope.quote,
                                   backing, backing + fit + rank_prior(scope.rank),
                                   scope.hit.doc.doc_id))
    return found


def _contacts(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return the person to contact: "liên hệ về Sở GD&ĐT (qua …, bà Nguyễn Thị Thu Hằng, chuyên viên …)"
    answers "liên hệ với ai" by the person, not the agency around them."""
    if not re.search(r"\bliên hệ\b|\bđầu mối\b", match_key(analysis.text)):
        return []
    found = []
    for scope in scopes:
        text, clause = scope.text, scope.clause
        said = f"{scope.hit.chunk.section.split(' > ')[-1]} {text[clause.sentence_start:clause.sentence_end]}"
        if not re.search(r"\bliên hệ\b|\bđầu mối\b", match_key(said)):
            continue  # the sentence, or the heading over it ("6. Liên hệ"), says whom to contact
        for start, end in person_mentions(text, clause.sentence_start, clause.sentence_end):
            tail = re.match(r",\s*([^,;.()]{3,40})", text[end:end + 45])  # ", chuyên viên"
            answer_end = end + (tail.end() if tail else 0)
            found.append(Candidate(shorten(one_line(text, (start, answer_end))), scope.rank, scope.quote,
                                   scope.support, scope.support + 0.25 + rank_prior(scope.rank),
                                   scope.hit.doc.doc_id))
    return found


def _people_doing(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return a person named right before the question's verb: "Ai kết luận …" -> "đồng chí A - … kết luận".

    The verb is the first two words after a leading "Ai"; the person may carry a long apposition of
    positions ("đồng chí Trần Văn B - Tỉnh ủy viên, Giám đốc Sở X chủ trì …").
    """
    asked = re.match(r"\s*ai\s+(\w+ \w+)", match_key(analysis.text))
    if not asked:
        return []
    verb = asked.group(1)
    found = []
    for scope in scopes:
        text = scope.text
        for start, end in person_mentions(text, scope.clause.start, scope.clause.end):
            window = match_key(NOTE_MARK.sub("", re.split(r"[;.]", text[end:end + 200])[0]))
            if not re.search(rf"(?<!\w){re.escape(verb)}(?!\w)", window):
                continue
            found.append(Candidate(shorten(one_line(text, (start, end))), scope.rank, scope.quote,
                                   scope.support, scope.support + 0.12 + rank_prior(scope.rank),
                                   scope.hit.doc.doc_id))
    return found


# Question nouns open to any kind of doer, not only agencies: "chủ thể nào", "đối tượng nào"
_OPEN_HEADS = frozenset({("chủ", "thể"), ("đối", "tượng"), ("cấp",)})


def _introduced_agencies(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return the agencies after the question's preposition: "làm việc với những đơn vị nào" -> "A, B, C"."""
    if not analysis.preposition:
        return []
    found = []
    terms = set(analysis.terms)
    for scope in scopes:
        text = scope.text
        for span in objects_after(text, scope.clause.start, scope.clause.end, analysis.preposition, terms,
                                  places=analysis.place, anything=analysis.head in _OPEN_HEADS):
            phrase = one_line(text, span)
            if _named_in_question(analysis, phrase):
                continue  # "hoạt động của tổ chức nào" is not answered by the "của Bộ Chính trị" it names
            listed = bool(re.search(r",|\bvà\b", phrase))
            fit = 0.1 + (0.1 if analysis.plural and listed else 0.0)
            found.append(Candidate(shorten(phrase, MAX_LIST_CHARS), scope.rank, scope.quote, scope.support,
                                   scope.support + fit + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


def _people(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return people named with their titles: "đồng chí Nguyễn Văn A - Bí thư Tỉnh ủy".

    The position asked ("Ai là Trưởng ban …") must be the person's: in the apposition after the
    name, or in the label before it on the same line ("1. Trưởng ban: Ông Hồ Minh Tâm - Chủ tịch …");
    "Phó Trưởng ban" does not answer "Trưởng ban".
    """
    position = asked_position(analysis)
    found = []
    for scope in scopes:
        text = scope.text
        for start, end in person_mentions(text, scope.clause.start, scope.clause.end):
            # the name with its apposition of positions, up to the next comma-free stop
            tail = re.match(r"\s*[-–,(]\s*[^;.()]{3,90}", text[end:end + 100])
            answer_end = end + (tail.end() if tail else 0)
            other = _NEXT_PERSON.search(text, end, answer_end + 12)
            if other and other.start() < answer_end:  # "…, Trưởng Ban Chỉ đạo tỉnh và các đồng chí Phó
                answer_end = other.start()  # Bí thư …": another person's
            line_start = text.rfind("\n", 0, start) + 1
            label = text[line_start:start] if start - line_start <= 60 else ""
            label = re.sub(r"(?i)(?:đồng chí|ông|bà|đ/c)\s*$", "", label)  # the title before the name
            if position and not holds_position(position, label) and not holds_position(
                    position, text[end:answer_end]):
                continue  # "Ai là Giám đốc Sở X?" is not "ông Y - Phó Giám đốc Sở Z"
            found.append(Candidate(shorten(one_line(text, (start, answer_end))), scope.rank, scope.quote,
                                   scope.support, scope.support + 0.1 + rank_prior(scope.rank),
                                   scope.hit.doc.doc_id))
    return found + _office_holders(analysis, position, scopes)


# Where the positions after a name give way to other people: " và các đồng chí …", ", ông …"
_NEXT_PERSON = re.compile(r"(?:\s+và|,)\s+(?:các\s+)?(?:đồng chí|ông|bà)\b")


# An office given to the holder of another: "Giám đốc Sở Văn hóa, Thể thao và Du lịch làm Trưởng ban"
#   ([^.;:\n]{3,120}?)\s+(?:làm|là|giữ chức)\s+   the holder, then "làm"
_HOLDER = re.compile(r"([^.;:\n]{3,120}?)\s+(?:làm|là|giữ chức)\s+([^.;,\n]{3,60})")


def _office_holders(analysis: QuestionAnalysis, position: tuple[str, ...], scopes: list[Scope]
                    ) -> list[Candidate]:
    """Return who holds the asked office when the text names an office, not a person: "Giám đốc Sở
    Văn hóa, Thể thao và Du lịch làm Trưởng ban" answers "Ai làm Trưởng ban Tổ chức Giải?"."""
    if not position:
        return []
    found = []
    for scope in scopes:
        text, clause = scope.text, scope.clause
        # the holder opens the clause, a member list ("… gồm: Giám đốc Sở Y tế làm Chủ tịch Hội đồng; …")
        # or a "do" phrase ("Tổ vận động do đồng chí Chủ tịch UBND xã làm Tổ trưởng")
        starts = [clause.start] + [m.end() for m in _HOLDER_OPENING.finditer(text, clause.start, clause.end)]
        for start in starts:
            match = _HOLDER.match(text, start, clause.end)
            if match is None or not holds_position(position, match.group(2)) or not is_agency(match.group(1)):
                continue
            found.append(Candidate(shorten(one_line(text, match.span(1))), scope.rank, scope.quote,
                                   scope.support, scope.support + 0.05 + rank_prior(scope.rank),
                                   scope.hit.doc.doc_id))
        label = _LABELLED_HOLDER.match(text, clause.start, clause.end)
        if label and holds_position(position, label.group(1)) and is_agency(label.group(2)):
            found.append(Candidate(shorten(one_line(text, label.span(2))), scope.rank, scope.quote,
                                   scope.support, scope.support + 0.05 + rank_prior(scope.rank),
                                   scope.hit.doc.doc_id))
    return found


# Where a holder may open inside a clause: after a list's colon, or "do" ("do đồng chí … làm Tổ trưởng")
_HOLDER_OPENING = re.compile(r":\s*|\bdo\s+")
# An office labelling its holder, itself an office: "- Chủ tịch Hội đồng: đồng chí Trưởng Ban Tuyên giáo …"
#   [ \t]*(?:[-+•]\s*)?     a list item's opening, if the clause has it
#   ([^:\n]{3,60}):\s*      the office, then a colon
#   ([^.;\n]{3,120})        the holder, up to the end of the item
_LABELLED_HOLDER = re.compile(r"[ \t]*(?:[-+•]\s*)?([^:\n]{3,60}):\s*([^.;\n]{3,120})")


def asked_position(analysis: QuestionAnalysis) -> tuple[str, ...]:
    """Return the office a person question asks about: "Ai là Giám đốc Sở X", "Giám đốc Sở X là ai",
    "Họ tên các Phó Trưởng ban … là gì"."""
    key = match_key(analysis.text)
    asked = (re.search(r"\bai (?:là|làm|giữ chức|giữ|đảm nhiệm)\s+(.+)", key)
             or re.match(r"(.+?)\s+là ai\b", key)
             or re.search(r"\bhọ (?:và )?tên (?:của )?(?:các |những )?(.+?)\s+là gì\b", key)
             or re.search(rf"((?:{OFFICE}).*?)\s+tên (?:là )?gì\b", key)
             or re.match(rf"(?:đồng chí )?((?:{OFFICE})(?:(?!những|các)[^?,]){{0,60}}?)\s+nào\b", key))
    return content_terms(asked.group(1)) if asked else ()


def holds_position(position: tuple[str, ...], text: str) -> bool:
    """Return whether text names the asked position: most of its words, or a bare label opening with
    its first two ("Trưởng ban:"); never as "Phó …" when the question does not say "phó"."""
    # abbreviations spelled out: "Phó Chủ tịch UBND tỉnh" holds "Phó Chủ tịch Ủy ban nhân dân tỉnh"
    held = content_terms(expand_abbreviations(text))
    position = content_terms(expand_abbreviations(" ".join(position)))
    if position[:1] == ("phó",) and "phó" not in held:
        return False  # "Phó Chủ tịch … nào" is not the Chủ tịch
    head = position[:2]
    at = next((i for i in range(len(held) - len(head) + 1) if held[i:i + len(head)] == head), None)
    if at is not None and at > 0 and held[at - 1] == "phó" and "phó" not in position:
        return False
    if len(set(position) & set(held)) >= 0.6 * len(set(position)):
        return True
    if at is None:
        return False
    # a short form of the asked office: "Chủ tịch Hội đồng" of "Chủ tịch Hội đồng thẩm định bệnh án điện tử",
    # or one of five words or more before the text goes on to others ("…, Trưởng Ban Chỉ đạo tỉnh và các
    # đồng chí Phó Bí thư …" of "Trưởng Ban Chỉ đạo về phát triển … tỉnh Đắk Lắk")
    run = next((i for i in range(at, len(held)) if held[i] not in position), len(held)) - at
    return len(held) - at <= len(head) + 1 or set(held[at:]) <= set(position) or run >= len(head) + 3


def _opens_item(text: str, clause: Clause, at: int) -> bool:
    """Return whether an agency named at `at` opens the clause's item (after its bullet or number): the
    subject of "1. Phó Chủ tịch Thường trực là …; chủ trì …", not an object inside "- Tuyên truyền …"."""
    return re.fullmatch(r"[\s\-+•*\d.)]*", text[clause.item_start:at]) is not None


def _first_sentence_end(text: str, clause: Clause) -> int:
    """Return where the first sentence of the clause's item ends."""
    item = [c for c in clauses(text) if c.item_start == clause.item_start]
    return item[0].sentence_end if item else clause.end


def _named_in_question(analysis: QuestionAnalysis, name: str) -> bool:
    """Return True when the question writes the name (abbreviations spelled out on both sides); the
    term it served ("Bộ Chính trị khóa X") does not make it another name, and its words scattered over
    the question ("kết quả kiểm tra … Ban Thường vụ Tỉnh ủy") do not name "Ủy ban Kiểm tra Tỉnh ủy"."""
    core = re.split(r"\s+(?:khóa|khoá|nhiệm kỳ)\s", name)[0]
    words = _spelled_terms(core)
    if not words:
        return False
    asked = _spelled_terms(analysis.text)
    # "… của Đảng ủy UBND tỉnh giao …" names the Party committee of the UBND, not the UBND itself
    return any(not _OWNED.search(asked, 0, m.start())
               for m in re.finditer(rf"(?<!\w){re.escape(words)}(?!\w)", asked))


# A body owned by the agency named right after it, in spelled-out terms: "đảng ủy ủy ban nhân dân tỉnh"
_OWNED = re.compile(r"(?:đảng ủy|đảng uỷ|văn phòng|ban cán sự đảng|đảng đoàn|công đoàn|chi bộ)\s+$")


@lru_cache(maxsize=1024)
def _spelled_terms(text: str) -> str:
    """Return a text's content terms with abbreviations spelled out, as one string (cached: the
    question's own is asked for every agency each passage names)."""
    return " ".join(content_terms(expand_abbreviations(text)))


def _mentioned_agencies(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return agencies named anywhere in a clause ("gửi về Sở Nội vụ"), except the question's own."""
    found = []
    key = match_key(analysis.text)  # ("gửi về đâu", "báo cáo với ai": the channel is what is asked)
    for scope in scopes:
        text = scope.text
        refs = doc_refs(text, scope.clause.start, scope.clause.end)
        mentions = agency_mentions(text, scope.clause.start, scope.clause.end)
        fits: dict[int, float] = {}  # by a mention's start
        for start, end in mentions:
            name = one_line(text, (start, end))
            if len(name) < 3 or _named_in_question(analysis, name):
                continue
            if any(ref.start <= start < ref.end for ref in refs):
                continue  # the issuer of a referenced document: "Nghị quyết số 57 của Bộ Chính trị"
            # a recipient or channel: "gửi về X", "qua X", "báo cáo X", "giao X", "do X"
            before = folded(text[max(0, start - 20):start]).lower()
            fit = 0.04 if re.search(r"(?:về|qua|gửi|giao|cho|do|với|trước)\s*$", before) else 0.0
            # (or the one a task is done for: "tham mưu Ban Thường vụ …", "trình UBND tỉnh …")
            channel = re.search(r"(về|qua|gửi|cho|với|trước|tham mưu|trình|giúp)\s*$", before) or _in_channel(
                text, start)
            # ("bộ phận nào nhận kết quả …" asks the one it is sent to: "gửi kết quả … về Ban X")
            received = (channel is not None and channel.group(1) in _SENDING_WORDS
                        and _RECEIVER_ASKED.search(key))
            if channel and not analysis.preposition and not received and not re.search(
                    rf"\b{channel.group(1)}\b(?:\s+\w+){{0,3}}\s+(?:ai|đâu|nào)\b", key):
                fit = -0.05  # "… báo cáo với Ban Thường vụ" names whom it reports to, not who does the task
            if analysis.preposition and re.search(rf"{analysis.preposition}\s*$", before):
                fit += 0.12  # "gửi hồ sơ … qua đơn vị nào?" is answered by "(qua Phòng X)"
            if analysis.role is not Role.COORDINATE and analysis.preposition != "với" and re.search(
                    r"phối hợp(?: với)?\s*$", before):
                fit -= 0.1  # a coordinating agency is not the one doing the task
            # an apposition naming what the question asks: "Sở Nội vụ - Cơ quan thường trực Hội đồng …"
            after = re.match(r"\s*[-–(]\s*([^;,.)]{3,60})", text[end:end + 64])
            if after and len(set(content_terms(after.group(1))) & set(analysis.terms)) >= 2:
                fit += 0.08
            fit += 0.08 * _does_asked_action(analysis, text, start, end)
            fits[start] = fit
            found.append(Candidate(shorten(name), scope.rank, scope.quote, scope.support,
                                   scope.support + fit + rank_prior(scope.rank), scope.hit.doc.doc_id))
        if analysis.plural:  # "những cơ quan nào": agencies named one after another are one answer
            for first, last in agency_series(text, mentions):
                names = one_line(text, (first, last))
                fit = 0.1 + fits.get(first, 0.0)  # "(qua Sở A, Văn phòng B)": the channel asked, all of it
                found.append(Candidate(shorten(names, MAX_LIST_CHARS), scope.rank, scope.quote, scope.support,
                                       scope.support + fit + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


# A question asking who receives something ("bộ phận nào nhận kết quả", "ai tiếp nhận hồ sơ"), not who
# perceives or assesses it ("nhận thức", "nhận xét", "nhận diện", "nhận định")
_RECEIVER_ASKED = re.compile(r"\b(?:ai|nào)\s+(?:sẽ\s+|được\s+|có trách nhiệm\s+)?(?:tiếp\s+)?nhận\b"
                             r"(?!\s+(?:thức|xét|diện|định)\b)")
# The words before a recipient: "gửi về Ban X", "gửi Sở Y", "báo cáo cho Z", "trình UBND tỉnh"
_SENDING_WORDS = frozenset({"về", "gửi", "cho", "trình"})


def _does_asked_action(analysis: QuestionAnalysis, text: str, start: int, end: int) -> bool:
    """Return whether the agency at text[start:end] does the question's action by the text's own
    words: the action right after it ("Ủy ban nhân dân cấp huyện phê duyệt" for "cấp nào phê duyệt")
    or named before it ("Báo cáo thẩm tra của Ban Văn hóa - Xã hội" for "cơ quan nào thẩm tra")."""
    asked = set(analysis.bigrams)
    words = re.findall(r"[^\W\d_]+", text[end:end + 30].lower())[:2]  # right after it, not "để tham mưu"
    # the phrase "… của" before the agency, from the last clause break: "Báo cáo thẩm tra số 09/BC … của"
    preceding = re.search(r"([^;,:.()]{3,90})\bcủa\s*$", text[max(0, start - 90):start])
    opening = content_terms(preceding.group(1))[:4] if preceding else ()
    return (" ".join(words) in asked
            or any(f"{a} {b}" in asked for a, b in zip(opening, opening[1:], strict=False)))


# A question about who owns or issued a document: "của đơn vị nào", "do ai ban hành", "của bộ nào"
# (not "của Bộ Chính trị", which names the issuer)
_OWNER_QUESTION = re.compile(r"(?:của|do) (?:(?:cơ quan|đơn vị|ban|bộ|sở)(?: \w+)? nào|ai)\b|ban hành")


def _issuers_of_asked_documents(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return the issuer of a document the question names by số hiệu: "Kế hoạch số 12-KH/UBND … của X"."""
    found = []
    for scope, match in asked_refs(analysis, scopes):
        if match.group("issuer"):
            issuer = re.sub(r"^\s*của\s+", "", match.group("issuer"))
            if _named_in_question(analysis, issuer):
                continue  # "Chỉ thị 42 của Bộ Chính trị nhằm … tổ chức nào": the issuer is given, not asked
            # "Quyết định số … của đơn vị nào?", "… do ai ban hành?"; otherwise not the actor asked for
            asked_type = question_doc_type(analysis)
            same_type = asked_type is None or match_key(match.group("type")).startswith(asked_type)
            fit = 0.3 if _OWNER_QUESTION.search(match_key(analysis.text)) and same_type else -0.1
            found.append(Candidate(shorten(issuer), scope.rank, scope.quote, scope.support,
                                   scope.support + fit + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


# A question about who attends: "Thành phần dự hội nghị gồm những ai", "những ai tham dự cuộc họp"
_ATTENDANCE_ASKED = re.compile(r"\b(?:tham dự|thành phần|dự(?= (?:hội nghị|cuộc họp|họp|phiên họp|buổi)))\b")
# Where a text says who attends: "Dự hội nghị có các đồng chí …", "với sự tham dự của …", "Thành phần: …"
_ATTENDING = re.compile(
    r"(?i)(?:\b(?:tham\s+)?dự\s+(?:hội nghị|cuộc họp|buổi làm việc|phiên họp|họp)\b[^.;:\n]{0,40}?\bcó\s+|"
    r"\btham dự có\s+|"
    r"\bvới sự tham dự của\s+|\bthành phần(?:\s+(?:tham dự|dự họp|mời))?\s*:\s*)"
    r"(?:các đồng chí\s+|đồng chí\s+)?")
_ATTENDEES_END = re.compile(r";|\.(?!\d)|\n")


def attendees(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return who the text says attends, for a question asking who attends: "Dự hội nghị có các đồng chí
    Ủy viên Ban Chấp hành Đảng bộ xã, Thủ trưởng các cơ quan chuyên môn thuộc UBND xã, bí thư 24 chi bộ
    trực thuộc." gives everything after "có các đồng chí" (offices and groups, not only agencies)."""
    if not _ATTENDANCE_ASKED.search(match_key(analysis.text)):
        return []
    found = []
    for scope in scopes:
        text, clause = scope.text, scope.clause
        if clause.start != clause.sentence_start:
            continue  # read once per sentence
        for match in _ATTENDING.finditer(text, clause.sentence_start, clause.sentence_end):
            stop = _ATTENDEES_END.search(text, match.end(), clause.sentence_end)
            value = (match.end(), stop.start() if stop else clause.sentence_end)
            if value[1] - value[0] >= 8:
                said = shorten(one_line(text, value).rstrip(" ."), MAX_LIST_CHARS)
                # the sentence names the meeting little ("Dự hội nghị có …" follows the one that does)
                found.append(Candidate(said, scope.rank, scope.quote, scope.support,
                                       scope.support + 0.25 + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found
