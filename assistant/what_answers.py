"""What-answers: the window of a sentence that answers a content question, quoted names, an
agency's tasks, a schedule row's cells, venues, definitions, a person's offices and contacts.
"""

from __future__ import annotations

import re

from assistant.evidence import (
    MAX_ANSWER_CHARS,
    MAX_LIST_CHARS,
    Candidate,
    agency_in,
    cited_chunk,
    shorten,
    support,
    toneless,
)
from assistant.facts import Fact, quoted
from assistant.list_answers import named_by_head, quoted_series, without_excluded
from assistant.model import Hit
from assistant.question import STOPWORDS, QuestionAnalysis, QuestionKind, content_terms
from assistant.scope import SINGLING, Scope, document_name, nearby_fit, one_line, rank_prior
from assistant.spans import find_actor, folded, is_agency, person_mentions, starts_with_verb
from indexer.abbreviations import expand_abbreviations
from indexer.normalize import match_key


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


def _anchored(analysis: QuestionAnalysis, text: str, span: tuple[int, int],
              sentence_start: int | None = None) -> tuple[int, int] | None:
    """Return the span from the longest run of question words in a sentence to the end of its clause.

    "… tăng cường liên kết giữa hợp tác xã với nông hộ và doanh nghiệp chế biến; …" for "liên kết
    giữa các chủ thể nào" gives "liên kết giữa hợp tác xã với nông hộ và doanh nghiệp chế biến": the
    words after the ones the question repeats are what it asks for. None when the run ends the clause.
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
    # the few words opening the clause before the run belong to what it says: "Cụ thể hóa để triển khai
    # … Chỉ thị số 07" for "Mục đích … triển khai Chỉ thị 07 là gì"
    first = span[0] if sentence_start is None else min(span[0], sentence_start)
    opens = max([first] + [m.end() for m in re.finditer(r"[;:]\s*|\.\s+", text[:run_begin])
                           if m.end() > first])
    if sentence_start is not None and 0 < len(text[opens:run_begin].split()) <= 5 and (
            "," not in text[opens:run_begin]):
        run_begin = opens
    stops = (text.find(";", run_stop, span[1]), text.find(". ", run_stop, span[1]))
    clause_end = min([p for p in stops if p >= 0] or [span[1]])
    if analysis.kind is QuestionKind.LIST or "những" in analysis.focus or re.search(
            r"\bnhững\b", match_key(analysis.text)):  # a list runs over its "; "-separated items
        clause_end = span[1]
    if len(text[run_stop:clause_end].strip(" ,.:;")) < 3:
        # the run closes its clause: what the clause does to it is said before it ("Phấn đấu hoàn
        # thành ở mức cao nhất | các mục tiêu, chỉ tiêu …" for "Đối với các mục tiêu, chỉ tiêu …, đặt
        # mục đích gì")
        before = text[opens:run_begin]
        new = [w for w in content_terms(before) if w not in terms]
        if run_begin > opens and len(new) >= 2 and len(before.split()) <= 12 and "," not in before:
            return opens, run_stop
        return None
    return run_begin, clause_end


# The question word and the noun it asks about: "những nội dung gì", "loại thẻ nào", "gì"
# ("những điều kiện kỹ thuật nào": after "những" the noun may be long)
# ("cái gì" names no noun: "tái cấu trúc cái gì" asks for what follows "tái cấu trúc")
_ASKED_NOUN = re.compile(r"(?<!\w)(?:(?:những|các|loại)\s+((?:(?!cái\s)[^\W\d_]+\s+){0,5}?)|(?P<bare>cái\s+)?"
                         r"((?:(?!cái\s)[^\W\d_]+\s+){0,2}?))(?:gì|nào)(?!\w)")


# A question about what something is based on: "căn cứ vào đâu", "dựa vào đâu", "trên cơ sở nào"
_BASIS_ASKED = re.compile(r"\b(?:căn cứ|dựa) (?:vào|trên) (?:đâu|gì)\b|\btrên cơ sở (?:nào|gì)\b"
                          r"|\bcăn cứ (?:vào )?(?:những |các )?(?:văn bản|tài liệu) nào\b")
# The basis a sentence opens with: "Căn cứ yêu cầu nhiệm vụ và thực trạng đội ngũ …, tổ chức …"
_BASIS = re.compile(r"(?i)[-+•\s]*(?:căn cứ|dựa (?:vào|trên)|trên cơ sở)\s+(?:vào\s+)?([^,;.\n]{5,160})")
# The basis a sentence gives after its task: "Xây dựng … dự toán năm 2026, trên cơ sở đảm bảo cân đối …"
_BASIS_AFTER = re.compile(r"(?i)[,;]\s*(?:trên cơ sở|căn cứ(?: vào)?|dựa (?:vào|trên))\s+([^;.\n]{5,160})")
# A question about what something is held to be: "… xem công tác khoa giáo là gì", "được xác định là gì"
_REGARD_ASKED = re.compile(r"\b(?:xem|coi|xác định)\b[^?]*\blà (?:\w+ )?gì\b")
# Where a sentence says it: "…; xem đây là một trong những nhiệm vụ …", "xác định đây là động lực …"
_REGARD = re.compile(r"(?i)\b(?:xem|coi|xác định)\s+(?:đây|đó|việc này|đây cũng)\s+là\s+([^;.]{3,160})")
# A question about a cause: "Vì sao … giảm?", "tại sao", "do đâu", "nguyên nhân … là gì", "lý do"
_REASON_ASKED = re.compile(r"\bvì sao\b|\btại sao\b|\bdo đâu\b|\bnguyên nhân\b|\blý do\b")
# Where a clause gives its cause: "… do một số mỏ tạm dừng", "Nguyên nhân chủ yếu do …", "vì …"
_REASON = re.compile(r"(?i)\b(?:chủ yếu\s+)?(?:là do|do|vì|bởi vì|bởi)\s+(?=[^\W\d_])")
# A cause the sentence names as one, in any of its clauses: "nguyên nhân chủ yếu do …", "lý do là …"
_NAMED_REASON = re.compile(
    r"(?i)\b(?:nguyên nhân|lý do)(?:\s+(?:chủ yếu|chính|cơ bản))?\s*(?:là do|do|vì|là|:)\s+")
# A question about a purpose: "… nhằm mục đích gì", "để làm gì", "mục đích là gì"
_PURPOSE_ASKED = re.compile(r"\bnhằm (?:mục đích )?gì\b|\bđể làm gì\b|\bmục đích (?:là )?gì\b")
# Where a clause says its purpose: "…, qua đó nâng cao …", "… nhằm nâng cao …", "… để bảo đảm …"
_PURPOSE = re.compile(r"(?i)\b(?:qua đó|nhằm(?: mục đích)?|để)\s+")
# A question about a manner: "xếp hạng thế nào", "xử lý ra sao", "bằng cách nào"
_MANNER_ASKED = re.compile(r"\b(?:như\s+)?thế nào\b|\bra sao\b|\bbằng cách nào\b")
# A question about an action done to something it names after: "làm gì với các tập thể, cá nhân …"
_DOING_ASKED = re.compile(r"\blàm (?:những )?gì (?:với|cho|đối với)\s+\w")


def _before_run(analysis: QuestionAnalysis, text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """Return the words of a sentence right before the two the question writes after "làm gì với":
    "… kịp thời biểu dương, khen thưởng các tập thể, cá nhân thực hiện tốt" for "yêu cầu làm gì với các
    tập thể, cá nhân thực hiện tốt" (from the clause start). None when the sentence lacks them."""
    key = match_key(analysis.text)
    asked = _DOING_ASKED.search(key)
    if asked is None:
        return None
    right = content_terms(key[asked.end() - 1:])[:2]
    if len(right) < 2:
        return None
    folded_text = folded(text).lower()
    words = [(m.start(), m.end(), m.group(0)) for m in _TOKEN_SPAN.finditer(folded_text, *span)
             if m.group(0) not in _STOP]
    for i in range(1, len(words) - 1):
        if [words[i][2], words[i + 1][2]] == list(right):
            start = max([span[0]] + [m.end() for m in re.finditer(r"[;:]\s*|\.\s+", text[:words[i][0]])
                                     if m.end() > span[0]])
            value = (start, words[i - 1][1])  # up to the last word that is not "các", "những", …
            return value if 5 <= value[1] - value[0] <= MAX_ANSWER_CHARS else None
    return None


def _names_label(analysis: QuestionAnalysis, label: str) -> bool:
    """Return whether the question writes a line's label of two words or more: "điểm cầu cấp xã", or
    asks for it by its noun, all its words in the question: "Kinh phí … lấy từ nguồn nào" of "Nguồn kinh
    phí: …"."""
    words = content_terms(label)
    if len(words) < 2:
        return False
    if analysis.head and words[:len(analysis.head)] == analysis.head and set(words) <= set(analysis.terms):
        return True
    return re.search(rf"(?<!\w){re.escape(match_key(label))}(?!\w)", match_key(analysis.text)) is not None


def _gap(analysis: QuestionAnalysis, text: str, span: tuple[int, int]) -> tuple[tuple[int, int], bool] | None:
    """Return the words of a sentence between the two the question writes right before its question
    word and the two right after it, the asked noun left out: "Sở X lồng ghép những nội dung gì vào hoạt
    động ngoại khóa" reads "lồng ghép nội dung phòng, chống ma túy, thuốc lá điện tử vào hoạt động …"
    as "phòng, chống ma túy, thuốc lá điện tử", and whether the asked noun opens them ("nội dung"). None
    when the sentence does not hold both pairs within one clause."""
    key = match_key(analysis.text)
    asked = _ASKED_NOUN.search(key)
    if asked is None:
        return None
    left, right = content_terms(key[:asked.start()])[-2:], content_terms(key[asked.end():])[:2]
    noun = content_terms(asked.group(1) or asked.group(3))
    if len(left) < 2 or len(right) < 2 or asked.group(0).endswith("thế nào"):
        return None  # the words after the question's own are `_anchored`; a manner is said around them
    # "những việc gì về cán bộ": what follows "về"/"của" belongs to the answer ("bố trí cán bộ")
    keeps_right = re.match(r"\s*(?:về|của)\b", key[asked.end():]) is not None
    folded_text = folded(text).lower()
    words = [(m.start(), m.end(), m.group(0)) for m in _TOKEN_SPAN.finditer(folded_text, *span)
             if m.group(0) not in _STOP]
    said = [word for _, _, word in words]
    for i in range(len(said) - 1):
        if said[i:i + 2] != list(left):
            continue
        named = bool(noun) and said[i + 2:i + 2 + len(noun)] == list(noun)
        first = i + 2 + (len(noun) if named else 0)
        for j in range(first + 1, len(said) - 1):
            if said[j:j + 2] == list(right):
                gap = (words[first][0], words[j + 1 if keeps_right else j - 1][1])
                if re.search(r";|\.\s", text[gap[0]:gap[1]]) or not 3 <= gap[1] - gap[0] <= 160:
                    return None
                return gap, named
    return None


# A preposition right before the asked noun: "tham gia bảo hiểm y tế theo| hình thức nào"
_PREPOSITION_BEFORE = re.compile(r"\b(?:theo|bằng|về|ở|tại|từ|trong|qua|là)\s*$")
# A question that ends with its question word: "… chú trọng nguồn thu nào?", "… nâng cao những gì?"
_ENDS_ASKING = re.compile(r"\s*(?:vậy\s*)?[?.]?\s*")
# A question closing on where something goes: "… bố trí vào đâu?", "… đưa lên đâu?" (the preposition is
# one of the words the sentence writes before its answer)
_WHERE_TO = re.compile(r"(?<=\b(?:vào|lên|tới)) đâu\s*(?:vậy\s*)?[?.]?\s*$")


def _continued(analysis: QuestionAnalysis, text: str,
               span: tuple[int, int]) -> tuple[tuple[int, int], bool] | None:
    """Return the words a sentence writes right after those the question puts before its closing
    question word, and whether the asked noun opens them: "… chú trọng nguồn thu nào?" reads "…, chú
    trọng nguồn thu từ tiền sử dụng đất, khẩn trương …" as "nguồn thu từ tiền sử dụng đất". The two
    words before the asked noun must be written side by side, four when the sentence does not write
    the noun ("thu hút đầu tư phát triển công trình gì": "… đầu tư phát triển các khu liên hợp …").
    None when the sentence does not write them, or writes nothing after them; a manner ("thế nào") is
    said around them."""
    key = match_key(analysis.text)
    where = _WHERE_TO.search(key)
    noun: tuple[str, ...]
    if where is not None:  # "bố trí cán bộ … vào đâu": the place the sentence writes after "… vào"
        asked_start, noun, bare = where.start(), (), True
    else:
        asked = next((m for m in _ASKED_NOUN.finditer(key) if _ENDS_ASKING.fullmatch(key, m.end())), None)
        if asked is None or re.search(r"(?:thế|làm) (?:nào|gì)$|\blà (?:\w+ )?(?:gì|nào)$",
                                      asked.group(0)) or _PREPOSITION_BEFORE.search(key, 0, asked.start()):
            return None  # a manner, an action or what a thing is; a "theo …" phrase is `named_by_head`'s
        asked_start, noun, bare = asked.start(), content_terms(asked.group(1) or asked.group(3)), bool(
            asked.group("bare"))
    left = content_terms(key[:asked_start])[-4:]
    if len(left) < 2:
        return None
    folded_text = folded(text).lower()
    words = [(m.start(), m.end(), m.group(0)) for m in _TOKEN_SPAN.finditer(folded_text, *span)
             if m.group(0) not in _STOP]
    said = [word for _, _, word in words]
    found: list[tuple[float, tuple[int, int], bool]] = []
    for i in range(len(said) - 2):
        named = (bool(noun) and said[i:i + 2] == list(left[-2:])
                 and said[i + 2:i + 2 + min(2, len(noun))] == list(noun[:2]))
        run = 2 if named or bare else 4  # ("cái gì", "vào đâu": the two words, then what it asks)
        if len(left) < run or said[i:i + run] != list(left[-run:]) or i + run >= len(said):
            continue
        if any(re.search(r"[,;:.()\n]", text[words[k][1]:words[k + 1][0]]) for k in range(i, i + run)):
            continue  # the words side by side, not across a clause
        start = words[i + run][0]
        end = _clause_or_item_end(text, start, span[1], analysis.plural)
        value = (start, len(text[:end].rstrip(" .")))
        if 3 <= value[1] - value[0] <= 160:
            # of two such phrases in one sentence, the one in the clause that matches the question
            # ("Quyết định 573/… lớp 10, …; Quyết định 574/… lớp 6, …" for "574 … những lớp nào")
            opens = max([span[0]] + [m.end() for m in re.finditer(r"[;\n]", text[:words[i][0]])])
            found.append((support(analysis, text[opens:value[1]]), value, named))
    best = max(found, key=lambda f: f[0], default=None)
    return (best[1], best[2]) if best else None


_CLAUSE_END = re.compile(r";|:|\.\s|\n")


def _clause_or_item_end(text: str, start: int, end: int, plural: bool) -> int:
    """Return where the phrase from `start` ends: at a ";", ":", full stop or line break; for one thing
    asked, also at a comma before a verb or after eight words ("công khai, minh bạch, đúng quy định" is one
    requirement of short words)."""
    stop = _CLAUSE_END.search(text, start, end)
    limit = stop.start() if stop else end
    if plural:
        return limit
    for comma in re.finditer(r",\s*", text[start:limit]):
        before = len(text[start:start + comma.start()].split())
        if before >= 8 or starts_with_verb(text, start + comma.end()):
            return start + comma.start()
    return limit


def _unnumbered(heading: str) -> str:
    """Return a heading in match form without its numbering: "II. MỤC TIÊU:" -> "mục tiêu"."""
    return re.sub(r"^(?:[ivxlc]+|\d+(?:\.\d+)*)[.)]?\s+", "", match_key(heading)).strip(" .:")


def _is_heading_line(scope: Scope) -> bool:
    """Return whether a clause is a short heading of its passage's section path ("2. Địa điểm")."""
    line = one_line(scope.text, (scope.clause.sentence_start, scope.clause.sentence_end))
    said = _unnumbered(_ATTACHED_TO.sub("", line))
    parts = [_unnumbered(part) for part in scope.hit.chunk.section.split(" > ")]
    # a longer one may say more: "Văn phòng Tỉnh ủy - Cơ quan Thường trực Ban Chỉ đạo"; a title in capitals
    # ("PHỤ LỤC PHÂN BỔ KINH PHÍ … (Kèm theo Quyết định số …)") does not
    capitals = line.upper() == line or _ATTACHED_TO.search(line) is not None
    if capitals:  # the heading path may hold only the title's first line
        return bool(said) and any(said.startswith(part) for part in parts if len(part.split()) >= 4)
    return bool(said) and said in parts and len(said.split()) <= 5


# What an appendix title says it goes with: " (Kèm theo Quyết định số 736/QĐ-UBND ngày 09/6/2025 …)"
_ATTACHED_TO = re.compile(r"\s*\((?:[Kk]èm theo|[Bb]an hành kèm theo)[^()]*\)\s*$")


# A clause singling out one case: "…; riêng môn Tin học …", "…, đối với hộ nghèo …" (the words it names)
_SINGLED_OUT = re.compile(rf"(?:^|[,;:]\s*)((?:{SINGLING})\s+((?:[^\W\d_]+\s+){{1,3}}))", re.I | re.M)


def _singled_out(analysis: QuestionAnalysis, text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """Return the rest of a sentence from a clause singling out the case the question names: of "Các
    môn thi theo hình thức tự luận; riêng môn Tin học thi thực hành trên máy tính", "Môn Tin học thi
    theo hình thức nào" is answered after "riêng"."""
    asked = set(analysis.terms)
    for match in _SINGLED_OUT.finditer(text, span[0], span[1]):
        named = content_terms(match.group(2))[:3]
        if named and set(named) <= asked and match.start(1) > span[0]:
            return match.start(1), span[1]
    return None


def labelled_values(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return what follows a line's label the question writes: "Điểm cầu cấp xã: Đồng chí Bí thư …" for
    "tại điểm cầu cấp xã có những thành phần nào" (or "những ai dự … tại điểm cầu cấp xã")."""
    limit = MAX_LIST_CHARS if analysis.plural else MAX_ANSWER_CHARS
    found = []
    for scope in scopes:
        text, clause = scope.text, scope.clause
        labelled = _LINE_LABEL.match(text, clause.sentence_start, clause.sentence_end)
        if labelled is None or clause.start != clause.sentence_start:
            continue
        if _names_label(analysis, labelled.group(1)) and (
                analysis.kind is not QuestionKind.WHO or not is_agency(labelled.group(1))):
            # (a who question's agency labelling its tasks, "- Sở Tài chính: Chủ trì, …", is their doer)
            value = (labelled.end(), clause.sentence_end)
            quote = (clause.sentence_start, clause.sentence_end) if analysis.kind is QuestionKind.LIST \
                else scope.quote
            found.append(Candidate(shorten(one_line(text, value), limit), scope.rank, quote, scope.support,
                                   scope.support + 0.25 + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


def under_other_label(analysis: QuestionAnalysis, candidate: Candidate, hits: list[Hit]) -> bool:
    """Return whether an answer lies on a line whose label is a sibling of one the question writes:
    "Điểm cầu cấp tỉnh: …" when the question asks of "điểm cầu cấp xã" (same first words, another case)."""
    chunk = cited_chunk(candidate, hits)
    if chunk is None:
        return False
    text = chunk.text
    at = text.find(candidate.answer[:40])  # where the answer is (its quote may be a wider span)
    labelled = _LINE_LABEL.match(text, text.rfind("\n", 0, candidate.quote[0] if at < 0 else at) + 1)
    if labelled is None or _names_label(analysis, labelled.group(1)):
        return False
    label = content_terms(labelled.group(1))
    return len(label) >= 2 and re.search(rf"(?<!\w){re.escape(' '.join(label[:-1]))}\s+\w+",
                                         match_key(analysis.text)) is not None


def what_candidates(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return the best-matching sentences, and quoted names introduced by question words."""
    found = named_by_head(analysis, scopes) + (quoted_series(scopes) if analysis.plural else [])
    question_terms = set(analysis.terms)
    contact = asked_contact(analysis)
    purpose_asked = _PURPOSE_ASKED.search(match_key(analysis.text)) is not None
    reason_asked = _REASON_ASKED.search(match_key(analysis.text)) is not None
    basis_asked = _BASIS_ASKED.search(match_key(analysis.text)) is not None
    regard_asked = _REGARD_ASKED.search(match_key(analysis.text)) is not None
    doing = _DOING_ASKED.search(match_key(analysis.text)) is not None
    manner = _MANNER_ASKED.search(match_key(analysis.text)) is not None
    for scope in scopes:
        text, clause = scope.text, scope.clause
        whole_sentence = scope.quote == (clause.sentence_start, clause.sentence_end)
        if clause.start != clause.sentence_start and whole_sentence:
            continue  # one candidate per short sentence
        if _is_heading_line(scope):
            continue  # "I. MỤC ĐÍCH, YÊU CẦU" names a part of the document; it answers nothing
        quote = scope.quote
        if analysis.kind is QuestionKind.LIST:  # a list is read over its whole sentence
            quote = (clause.sentence_start, clause.sentence_end)
        singled = _singled_out(analysis, text, quote)
        anchored = _anchored(analysis, text, singled or quote, None if singled else clause.sentence_start)
        window = anchored or _best_window(analysis, text, singled or quote)
        # of two clauses of one long sentence, the one matching the question; and a sentence that goes
        # on after the words the question repeats (where its answer would be) over one that stops there
        lead_in = text[window[0]:window[1]].rstrip().endswith(":")
        fit = 0.05 * scope.own + (0.05 if anchored else -0.05) + (0.1 if singled and not lead_in else 0.0)
        if analysis.head and content_terms(text[window[0]:window[1]])[-len(analysis.head):] == analysis.head:
            fit -= 0.1  # "… tại các huyện miền núi." stops at the noun asked about and never says which
        if lead_in:
            fit -= 0.1  # a lead-in "… không tự làm được:" says what follows, not what it is
        limit = MAX_LIST_CHARS if analysis.plural else MAX_ANSWER_CHARS
        found.append(Candidate(shorten(without_excluded(analysis, one_line(text, window)), limit), scope.rank,
                               quote, scope.support,
                               scope.support + fit + rank_prior(scope.rank), scope.hit.doc.doc_id))
        found += labelled_values(analysis, [scope])
        sentence = (clause.sentence_start, clause.sentence_end)
        basis = (_BASIS.match(text, *sentence) or _BASIS_AFTER.search(text, *sentence)) if basis_asked \
            else None
        if basis:  # "… tổ chức căn cứ vào đâu": "Căn cứ yêu cầu nhiệm vụ và thực trạng …, tổ chức …"
            # (up to the agency the sentence goes on to: "; căn cứ Chương trình …, Ban X hướng dẫn …")
            agency = next((m.start() for m in re.finditer(r",\s*", text[basis.start(1):basis.end(1)])
                           if is_agency(text[basis.start(1) + m.end():basis.end(1)])), None)
            span = basis.span(1) if agency is None else (basis.start(1), basis.start(1) + agency)
            found.append(Candidate(shorten(one_line(text, span), limit), scope.rank, quote,
                                   scope.support, scope.support + 0.2 + rank_prior(scope.rank),
                                   scope.hit.doc.doc_id))
        regard = _REGARD.search(text, clause.sentence_start, clause.sentence_end) if regard_asked else None
        if regard:  # "… xem công tác khoa giáo là gì": "…; xem đây là một trong những nhiệm vụ …"
            found.append(Candidate(shorten(one_line(text, regard.span(1)).rstrip(" ,"), limit), scope.rank,
                                   quote, scope.support, scope.support + 0.3 + rank_prior(scope.rank),
                                   scope.hit.doc.doc_id))
        reason = _REASON.search(text, clause.start, clause.end) if reason_asked else None
        reason_end = clause.end
        if reason_asked and reason is None:  # "…, xảy ra 47 vụ cháy rừng; nguyên nhân chủ yếu do …"
            reason = _NAMED_REASON.search(text, clause.sentence_start, clause.sentence_end)
            reason_end = clause.sentence_end
        if reason and len(text[reason.end():reason_end].strip(" .;")) >= 5:
            # "Vì sao … giảm": "… giảm 3,1% do một số mỏ tạm dừng để cải tạo hạ tầng"
            value = (reason.end(), reason_end)
            found.append(Candidate(shorten(one_line(text, value).rstrip(" .;"), limit), scope.rank, quote,
                                   scope.support, scope.support + 0.15 + rank_prior(scope.rank),
                                   scope.hit.doc.doc_id))
        purpose = _PURPOSE.search(text, clause.start, clause.end) if purpose_asked else None
        if purpose and len(text[purpose.end():clause.end].strip(" .;")) >= 5:
            # "… nhằm mục đích gì": the words after "nhằm", "để", "qua đó" in the clause
            value = (purpose.end(), clause.end)
            found.append(Candidate(shorten(one_line(text, value).rstrip(" .;"), limit), scope.rank, quote,
                                   scope.support, scope.support + 0.15 + rank_prior(scope.rank),
                                   scope.hit.doc.doc_id))
        before = _before_run(analysis, text, (clause.sentence_start, clause.sentence_end)) if doing else None
        if before is not None:  # "làm gì với các tập thể …": the action written right before them
            found.append(Candidate(shorten(one_line(text, before), limit), scope.rank, quote, scope.support,
                                   scope.support + 0.1 + rank_prior(scope.rank), scope.hit.doc.doc_id))
        gap = _gap(analysis, text, quote)
        if gap is not None:  # the words between those the question puts around its question word
            span, named = gap  # ("lồng ghép nội dung …": the noun asked is written before them)
            found.append(Candidate(shorten(one_line(text, span), limit), scope.rank, quote, scope.support,
                                   scope.support + 0.05 * scope.own + (0.15 if named else 0.05)
                                   + rank_prior(scope.rank), scope.hit.doc.doc_id))
        continued = _continued(analysis, text, (clause.sentence_start, clause.sentence_end))
        if continued is not None:  # what the sentence says right after the question's closing words
            span, named = continued
            found.append(Candidate(shorten(one_line(text, span), limit), scope.rank, quote, scope.support,
                                   scope.support + 0.05 * scope.own + (0.15 if named else 0.1)
                                   + rank_prior(scope.rank), scope.hit.doc.doc_id))
        if analysis.kind is QuestionKind.WHAT and contact is None and not manner:
            # over the whole sentence when it is read once: a name may sit in its second clause
            # (a manner, "xếp hạng thế nào", is said by a clause, not by the name it quotes)
            names = quoted(text, *(quote if whole_sentence else (clause.start, clause.end)))
            for fact in names:
                if analysis.plural and any(min(abs(other.start - fact.end), abs(fact.start - other.end)) <= 25
                                           for other in names if other is not fact):
                    continue  # one of a series: "những giải nào" takes them all (`quoted_series`)
                introduced = set(content_terms(fact.qualifier)) & question_terms
                if analysis.plural and analysis.head and not introduced & set(analysis.head):
                    introduced = set()  # "những dự án cao tốc nào" is not "thi công “3 ca, 4 kíp”"
                opens = analysis.preposition and re.match(rf"[“\"]{analysis.preposition}\b",
                                                          folded(text[fact.start:fact.end]).lower())
                if introduced or opens:  # "phương châm “…”" for "phương châm … là gì", "“về …”" for "về gì"
                    fit = 0.05 + 0.08 * len(introduced) + (0.15 if opens else 0.0)
                    found.append(Candidate(shorten(one_line(text, (fact.start, fact.end))), scope.rank,
                                           scope.quote, scope.support,
                                           scope.support + fit + rank_prior(scope.rank),
                                           scope.hit.doc.doc_id))
        if contact is not None:
            for match in contact.finditer(text, clause.start, clause.end):
                found.append(Candidate(match.group(0).rstrip(".,;)"), scope.rank, scope.quote,
                                       scope.support, scope.support + 0.2 + rank_prior(scope.rank),
                                       scope.hit.doc.doc_id))
    return found


# A question about what an agency must do: "X có nhiệm vụ gì", "X được giao làm gì", "trách nhiệm gì"
# (not "… để làm gì", which asks the purpose of a task)
_TASK_ASKED = re.compile(r"nhiệm vụ|(?<!để )làm gì|trách nhiệm gì|được giao (?:những )?(?:gì|việc gì)"
                         r"|phải làm")


def tasks_of_agency(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return what the agency a question names is tasked with: the item under a heading naming it
    ("7. Thuế tỉnh Gia Lai" > "- Đẩy mạnh hóa đơn điện tử …") or the words after it as the actor of a
    clause ("Sở Tư pháp thẩm định dự thảo …"), for "Thuế tỉnh Gia Lai được giao làm gì?"."""
    if not analysis.agencies or not _TASK_ASKED.search(match_key(analysis.text)):
        return []
    found = []
    for scope in scopes:
        text, clause = scope.text, scope.clause
        if clause.start != clause.sentence_start:
            continue  # one task per sentence
        heading = scope.hit.chunk.section.split(" > ")[-1]
        task: tuple[int, int] | None = None
        if starts_with_verb(text, clause.start) and _names_agency(heading, analysis.agencies):
            task = (clause.sentence_start, clause.sentence_end)
        else:
            actor = find_actor(text, clause.sentence_start, clause.sentence_end)
            if actor is not None and _names_agency(text[actor.name[0]:actor.name[1]], analysis.agencies):
                task = (actor.role_phrase[0] if actor.role_phrase else actor.name[1], clause.sentence_end)
        if task is None or task[1] - task[0] < 8:
            continue
        backing = max(scope.support, support(analysis, f"{heading} {text[task[0]:task[1]]}", "",
                                             document_name(scope.hit)))
        found.append(Candidate(shorten(one_line(text, task).rstrip(" ;.")), scope.rank, scope.quote, backing,
                               backing + 0.2 + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


def done_by_another(analysis: QuestionAnalysis, candidate: Candidate, hits: list[Hit]) -> bool:
    """Return whether the answer's clause is done by an agency other than the one the question asks
    about: "Sở Tài chính chủ trì … hoàn thành điều chỉnh Quy hoạch …" says nothing of what "Sở Nội vụ
    được giao nâng cao những gì"."""
    chunk = cited_chunk(candidate, hits)
    if not analysis.agencies or chunk is None:
        return False
    text = chunk.text
    actor = find_actor(text, *candidate.quote)
    return actor is not None and not _names_agency(text[actor.name[0]:actor.name[1]], analysis.agencies)


def _names_agency(name: str, agencies: tuple[str, ...]) -> bool:
    """Return True when a heading or actor names one of the question's agencies."""
    spelled_out = toneless(expand_abbreviations(name))
    return any(agency_in(spelled_out, agency) for agency in agencies)


# Where something is held: "tổ chức tại Hội trường A, Trung tâm Hội nghị tỉnh (số 09 …)"
#   (?:tại|ở)\s+          the preposition
#   ([^;.\n()]{3,120}?)    the place, up to a bracket, a semicolon, a sentence end or a date
_AT_PLACE = re.compile(
    r"(?<!\w)(?:tại|ở)\s+([^;.\n()]{3,120}?)(?=\s*(?:[;.\n(]|$|,?\s*(?:từ|vào|trong|ngày)\s))")


def row_cells(analysis: QuestionAnalysis, scopes: list[Scope], label: str) -> list[Candidate]:
    """Return the cell of a schedule row the question asks by its label, backed by the whole row:
    "- 15/12. Thời gian: 7h30. Nội dung: … Địa điểm: Hội trường Huyện ủy." gives "Hội trường Huyện
    ủy" for label "Địa điểm" (one reading per row)."""
    cell = re.compile(rf"(?<=\.\s){label}\s*:\s*([^.\n]{{3,200}})")
    asked_days = {(int(d), int(m)) for d, m in re.findall(r"(?<!\d)(\d{1,2})/(\d{1,2})(?!\d)", analysis.text)}
    found = []
    rows: set[tuple[int, int]] = set()
    for scope in scopes:
        text, clause = scope.text, scope.clause
        line_end = text.find("\n", clause.start)
        row = (clause.item_start, len(text) if line_end < 0 else line_end)
        labelled = cell.search(text, *row)
        if labelled is None or (scope.rank, row[0]) in rows:
            continue
        rows.add((scope.rank, row[0]))
        backing = support(analysis, text[row[0]:row[1]], scope.hit.chunk.section, document_name(scope.hit))
        fit = 0.3
        day = re.match(r"[\s\-+•]*(\d{1,2})/(\d{1,2})(?!\d)", text[row[0]:row[1]])
        if asked_days and day:  # the row of the day the question gives: "Chiều 24/12/2026 …" is "- 24/12"
            fit += 0.15 if (int(day.group(1)), int(day.group(2))) in asked_days else -0.1
        found.append(Candidate(shorten(one_line(text, labelled.span(1))), scope.rank, row, backing,
                               backing + fit + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


# A label opening a line: "- Địa điểm: …", "Thời gian: …", "- Tháng 12/2025: …" (a few words, then a colon)
_LINE_LABEL = re.compile(
    r"[-+•\s]*([^\W\d_][^\W\d_ ]*(?: (?:[^\W\d_]+|\d{1,2}(?:/\d{1,4}){0,2})){0,3})\s*:\s*")


def venues(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return where the question's event is held: the place cell of a schedule row, the item under an
    "Địa điểm" heading, or the place after "tại"/"ở" in a clause ("Hội nghị tổ chức tại Hội trường A,
    Trung tâm Hội nghị tỉnh")."""
    if not analysis.venue:
        return []
    found = row_cells(analysis, scopes, "Địa điểm")
    for scope in scopes:
        text, clause = scope.text, scope.clause
        heading = match_key(scope.hit.chunk.section.split(" > ")[-1])
        at_place = list(_AT_PLACE.finditer(text, clause.start, clause.end))
        place = re.split(r"\s*\(", one_line(text, (clause.sentence_start, clause.sentence_end)))[0]
        label = _LINE_LABEL.match(place)
        place_label = label is not None and "địa điểm" in match_key(label.group(1))
        if (("địa điểm" in heading and not label) or place_label) and clause.start == clause.sentence_start \
                and not at_place:
            place = place[label.end():] if label else place  # "- Địa điểm: Hội trường A" is "Hội trường A"
            if "địa điểm" in match_key(place) or len(place) < 3:
                continue  # the heading line itself
            found.append(Candidate(shorten(place.rstrip(" .;")), scope.rank, scope.quote, scope.support,
                                   scope.support + 0.3 + rank_prior(scope.rank), scope.hit.doc.doc_id))
        for match in at_place:
            fact = Fact("place", match.start(1), match.end(1))
            fit = 0.1 + nearby_fit(analysis, text, clause, fact) + (0.1 if "địa điểm" in heading else 0.0)
            found.append(Candidate(shorten(one_line(text, match.span(1))), scope.rank, scope.quote,
                                   scope.support, scope.support + fit + rank_prior(scope.rank),
                                   scope.hit.doc.doc_id))
    return found


# A question asking what its subject is: "Chủ tịch Hội đồng … là chức danh nào?", "Tổ trưởng Tổ Thư ký là
# người giữ chức vụ gì?", "Cơ quan thường trực của Hội đồng là cơ quan nào?"
_WHAT_IS = re.compile(
    r"^(.+?)\s+là\s+(?:người\s+)?(?:giữ\s+)?(?:chức vụ|chức danh|cơ quan|đơn vị|ai|gì|người)\b")
# A clause saying what its subject is: "Chủ tịch Hội đồng là Phó Chủ tịch UBND tỉnh phụ trách …"
#   ([^.;:\n]{3,80}?)\s+là\s+   the subject, then "là"
#   ([^;.\n]{3,200})           what it is
_IS_SENTENCE = re.compile(r"([^.;:\n]{3,80}?)\s+là\s+([^;.\n]{3,200})")


# A lead-in naming where the question looks: "Theo Hướng dẫn số 12 của …, ", "Trong kế hoạch này, "
_CITED_LEAD = re.compile(r"^(?:theo|trong|tại|ở)\s[^,]{3,120},\s*")


def definitions(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return what the text says the question's subject is, when its own subject is how the question
    opens: "Chủ tịch Hội đồng là Phó Chủ tịch UBND tỉnh phụ trách lĩnh vực nội chính, có nhiệm vụ …"
    answers "Chủ tịch Hội đồng phối hợp … tỉnh Khánh Hòa là chức danh nào?" (not "Phó Chủ tịch Hội
    đồng là …", whose subject the question does not open with)."""
    asked = _WHAT_IS.match(match_key(analysis.text))
    if not asked:
        return []
    # "Theo Hướng dẫn …, trọng tâm của … là gì": the subject follows the document the question cites
    subject = content_terms(_CITED_LEAD.sub("", asked.group(1)))
    found = []
    for scope in scopes:
        text, clause = scope.text, scope.clause
        if clause.start != clause.sentence_start:
            continue
        # the sentence, or a line of it (a heading line "Chủ tịch Hội đồng" may run into it)
        sentence = text[clause.sentence_start:clause.sentence_end]
        starts = [clause.sentence_start] + [clause.sentence_start + m.end()
                                            for m in re.finditer(r"\n\s*", sentence)]
        matches = [m for m in (_IS_SENTENCE.match(text, at, clause.sentence_end) for at in starts) if m]
        match = next((m for m in matches if _opens_with(subject, content_terms(m.group(1)))), None)
        if match is None:
            continue
        value = match.span(2)
        cut = _WHAT_IT_DOES.search(text, *value)
        if cut is not None:
            value = (value[0], cut.start())  # "…, có nhiệm vụ, quyền hạn sau" tells more than asked
        found.append(Candidate(shorten(one_line(text, value)), scope.rank, scope.quote, scope.support,
                               scope.support + 0.25 + rank_prior(scope.rank), scope.hit.doc.doc_id))
    return found


# What a definition goes on to say the subject does: ", có nhiệm vụ, quyền hạn sau", ", giúp Chủ tịch …"
_WHAT_IT_DOES = re.compile(r",\s+(?:có nhiệm vụ|có trách nhiệm|chịu trách nhiệm|giúp|thực hiện|được)\b")


def _opens_with(subject: tuple[str, ...], said: tuple[str, ...]) -> bool:
    """Return whether the question's subject opens with what a sentence is about (two words at least)."""
    return len(said) >= 2 and tuple(subject[:len(said)]) == tuple(said)


# A question about the office a named person holds: "giữ chức vụ gì", "chức danh là gì", "cương vị nào"
POSITION_ASKED = re.compile(r"chức vụ|chức danh|giữ chức|cương vị|đảm nhiệm")
# The offices after a name: " - Ủy viên …, Bí thư Tỉnh ủy" up to the verb, ";", "." or a bracket
#   \s*[-–,(]\s*             the dash, comma or bracket opening the apposition
#   ([^;.()]{3,160}?)         the offices
#   (?=\s+(?:chủ trì|…)\b|…)  stopping before the verb the person does or the end of the clause
_APPOSITION = re.compile(r"\s*[-–,(]\s*([^;.()]{3,160}?)"
                         r"(?=\s+(?:chủ trì|kết luận|phát biểu|và các|đã|đang|sẽ|đi|làm việc|dự|tham dự|thăm|"
                         r"kiểm tra|trao|tặng|ký)\b|[;.()]|$)")


def positions_held(analysis: QuestionAnalysis, scopes: list[Scope]) -> list[Candidate]:
    """Return the offices written after a person the question names: "đồng chí Nguyễn Văn A - Ủy viên
    Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy" for "Đồng chí Nguyễn Văn A giữ chức vụ gì?"."""
    if not POSITION_ASKED.search(match_key(analysis.text)) or not analysis.names:
        return []
    names = {toneless(name) for name in analysis.names}
    found = []
    for scope in scopes:
        text = scope.text
        for start, end in person_mentions(text, scope.clause.start, scope.clause.end):
            if toneless(text[start:end]) not in names:
                continue
            apposition = _APPOSITION.match(text, end, min(len(text), end + 170))
            if apposition:
                offices = " ".join(apposition.group(1).split())
                found.append(Candidate(shorten(offices), scope.rank, scope.quote, scope.support,
                                       scope.support + 0.3 + rank_prior(scope.rank), scope.hit.doc.doc_id))
        # the offices may come first: "Giao đồng chí Phó Bí thư Đảng ủy, Phó Giám đốc Sở Trần Minh Luân …"
        for name in analysis.names:
            for match in re.finditer(re.escape(name), text[scope.clause.start:scope.clause.end]):
                at = scope.clause.start + match.start()
                before = _OFFICES_BEFORE.search(text, max(scope.clause.start, at - 120), at)
                if before:
                    offices = " ".join(before.group(1).split())
                    found.append(Candidate(shorten(offices), scope.rank, scope.quote, scope.support,
                                           scope.support + 0.3 + rank_prior(scope.rank),
                                           scope.hit.doc.doc_id))
    return found


# The offices between a title and the name they precede: "đồng chí Phó Bí thư Đảng ủy, Phó Giám đốc Sở "
_OFFICES_BEFORE = re.compile(r"(?:đồng chí|ông|bà)\s+((?:Phó |Ủy viên |Uỷ viên )?(?:Bí thư|Chủ tịch|Giám đốc|"
                             r"Trưởng|Phó|Chánh|Thủ trưởng|Tổng|Ủy viên|Uỷ viên)[^;:()]{2,100}?)\s+$", re.I)


# Each kind of contact: the words asking for it and the pattern of its value.
#   [\w.-]+@[\w-]+(?:\.[\w-]+)+                          "vanthu@caobang.gov.vn"
#   0\d{2,4}[.\s]?\d{3}[.\s]?\d{3,4}                      "02063.955.626"
#   https?://… | (?:[\w-]+\.)+(?:vn|com|…)(?:/…)?   "https://x.gov.vn/a", "forms.gle/abc", no e-mail domain
_CONTACT_KINDS = (
    (re.compile(r"e-?mail|thư điện tử"), re.compile(r"[\w.-]+@[\w-]+(?:\.[\w-]+)+")),
    (re.compile(r"điện thoại|số máy|hotline|\bđt\b"),
     re.compile(r"(?<!\d)0\d{2,4}[.\s]?\d{3}[.\s]?\d{3,4}(?!\d)")),
    (re.compile(r"trang web|website|\bweb\b|cổng thông tin|\bcổng\b|đường dẫn|\blink\b|\burl\b"),
     re.compile(r"https?://[^\s,;)]+|(?<![@\w.-])(?:[\w-]+\.)+(?:vn|com|org|net|gov|gle|ly|io)(?:/[^\s,;)]*)?")),
)

# Any contact (a question that names no kind, "địa chỉ liên hệ"): the union of the kinds.
_CONTACT = re.compile("|".join(value.pattern for _, value in _CONTACT_KINDS))


def asked_contact(analysis: QuestionAnalysis) -> re.Pattern[str] | None:
    """Return the pattern of the contact the question asks for, None when it asks for none.

    An address, a website, an e-mail or a telephone number: an e-mail is not answered by a phone
    number, and a question that names no kind ("địa chỉ liên hệ") takes any of them.
    """
    key = match_key(analysis.text)
    if not _CONTACT_WORDS.search(key):
        return None
    asked = [value for words, value in _CONTACT_KINDS if words.search(key)]
    return asked[0] if len(asked) == 1 else _CONTACT


_CONTACT_WORDS = re.compile(r"địa chỉ|trang web|website|\bweb\b|e-?mail|thư điện tử|điện thoại|đường dẫn|"
                            r"cổng thông tin|\bcổng\b|\blink\b|\burl\b")


# A question about what an appendix is: "Phụ lục 03 … là tài liệu gì", "Phụ lục số 2 về nội dung gì"
_APPENDIX_ASKED = re.compile(r"\bphụ lục (?:số )?0*(\d+|[ivx]+)\b[^?]*\b(?:là|về|tên)\b[^?]*\bgì\b")


def appendix_titles(analysis: QuestionAnalysis, hits: list[Hit]) -> list[Candidate]:
    """Return the title of the appendix a question names, from the heading path of a passage under it:
    "Phụ lục 03: ĐỀ CƯƠNG BÁO CÁO > 1. Đặc điểm tình hình" answers "Phụ lục 03 … là tài liệu gì" by
    "ĐỀ CƯƠNG BÁO CÁO" (the passages under it say what it holds, not what it is)."""
    asked = _APPENDIX_ASKED.search(match_key(analysis.text))
    if asked is None:
        return []
    label = re.compile(rf"(?i)phụ lục\s+(?:số\s+)?0*{asked.group(1)}\b[\s:.\-–]*(\S.*)")
    found = []
    for rank, hit in enumerate(hits):
        for part in hit.chunk.section.split(" > "):
            title = label.match(part.strip())
            if title is None:
                continue
            text = hit.chunk.text
            opening = re.escape(title.group(1)[:20]).replace(r"\ ", r"\s+")
            shown = re.search(opening, text, re.I)
            quote = (shown.start(), min(len(text), shown.start() + len(title.group(1)))) if shown else (
                0, min(len(text), MAX_ANSWER_CHARS))
            value = support(analysis, f"{part} {text}", "", document_name(hit))
            found.append(Candidate(shorten(title.group(1)), rank, quote, value,
                                   value + 0.3 + rank_prior(rank), hit.doc.doc_id))
    return found
