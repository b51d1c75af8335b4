"""Raw text copied from PDF, Word or a legal website -> clean text, one paragraph or header line per line.

What it repairs (the demo corpus shows each):
- lines a PDF wrapped in the middle of a sentence are joined again; real paragraph and list breaks stay;
- page numbers standing alone, running page headers, separator lines and markup (`**`, `*…*`) go;
- footnotes leave the running text and are returned apart (their in-text markers ¹ ² stay);
- task tables (tab- or pipe-separated, see `indexer.tables`) become one labelled line per row; table
  pipes between header cells become separate lines; words glued by a lost space are split
  ("ủyĐắk", and two lower-case syllables "tổchức", see `indexer.syllables`); header names and mottos
  broken over lines in capitals ("SỞ GIÁO DỤC VÀ" / "ĐÀO TẠO") are joined;
- the replacement character U+FFFD is dropped and the result is Unicode NFC.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from indexer.markers import MarkerKind, follows_on, numbering, opens_item, read_marker
from indexer.model import Footnote
from indexer.normalize import match_key, nfc
from indexer.syllables import split_glued_syllables
from indexer.tables import rewrite_tables

_BREAK = "\x00"  # a hard paragraph break left where a separator line was
_PAGE = "\f"  # a page break of a PDF (the loader puts a form feed between pages)
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

# spaces of every width become one space; soft hyphens and zero-width characters disappear
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")

# A separator line: three or more of - _ = * ~ . (with spaces), e.g. "-----", "* * *", "_____".
_SEPARATOR = re.compile(r"[-–—_=*~.·\s]*[-–—_=*~]{3,}[-–—_=*~.·\s]*|\*+")

# A lone page number: optional "Trang", optional dashes or parentheses around 1-3 digits,
# optional "/ total". Examples: "4", "- 12 -", "(3)", "Trang 2", "2/15".
_PAGE_NUMBER = re.compile(r"(?i:trang\s+)?[-–(]?\s*\d{1,3}\s*(?:/\s*\d{1,3})?\s*[-–)]?")

# A footnote line opens with its marker: superscript digits ("¹ Điểm cầu …"), a bracketed number
# ("[2] Quyết định …") or the replacement character a lost marker glyph became ("� Quyết định …").
_FOOTNOTE = re.compile(r"(?:(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|\[(?P<num>\d{1,3})\]|(?P<lost>\ufffd))\s*(?=\S)")

# A markdown table rule: "|---|:---:|".
_TABLE_RULE = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")

# A line that ends a sentence or a heading lead-in: ". : ; ! ? …" maybe followed by closing quotes,
# brackets or "/." ("đã đề ra./.").
_SENTENCE_END = re.compile(r"[.:;!?…](?:[”\"’')\]]*|/\.)\s*$")

# "số07-CT/TU", "ngày10/7/2025": a date or number word glued to the digits after it
_GLUED_NUMBER = re.compile(r"\b(ngày|tháng|năm|số|Số|lần|khóa|khoá)(?=\d)")
# "năm 2025.Trong đó", "bảo đảm;tăng cường": a lower-case word or number, punctuation, then a new word
# without a space. Groups: two lower-case letters or digits, the mark, then an upper-case letter before
# a lower-case one (after "." ":") or any letter (after ";" ","). Example: "tiến độ.Đồng thời" -> ". Đồng".
_GLUED_PUNCT = re.compile(
    r"(?<=[a-zà-ỹđ0-9]{2})(?:(?P<stop>[.:])(?=[A-ZĐÀ-Ỹ][a-zà-ỹđ])|(?P<comma>[;,])(?=[a-zà-ỹđA-ZĐÀ-Ỹ]))"
)


@dataclass(frozen=True)
class CleanText:
    """Clean text (one paragraph or header line per line) and the footnotes taken out of it."""

    text: str
    footnotes: tuple[Footnote, ...]


def clean(raw: str) -> CleanText:
    """Return the cleaned text of a raw document and its footnotes."""
    raw_lines = nfc(raw).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    raw_lines = rewrite_tables(raw_lines)  # while tabs and pipes still part the cells
    lines = [_PAGE if line.strip(" ") == _PAGE else _tidy(line) for line in raw_lines]
    lines = _split_header_cells(lines)
    lines, footnotes = _take_footnotes(lines)
    lines = _drop_noise(lines)
    paragraphs = _rejoin(lines)
    vocabulary = frozenset(re.findall(r"[^\W\d_⁰¹²³⁴⁵⁶⁷⁸⁹]+", "\n".join(paragraphs).lower()))
    text = "\n".join(p for p in (_fix_inline(p, vocabulary) for p in paragraphs) if p)
    return CleanText(nfc(text), footnotes)


def _tidy(line: str) -> str:
    """Return a line with invisible characters gone, markdown marks and spaces reduced, ends stripped."""
    line = _INVISIBLE.sub("", line)
    line = re.sub(r"^\s*#{1,6}\s+", "", line)  # markdown heading marks
    line = line.replace("*", "")  # bold/italic markup; a line of only "*" becomes a separator below
    return _SPACES.sub(" ", line).strip()


def _is_header_cell(cell: str) -> bool:
    """Return whether a table cell looks like part of a document header or signature block."""
    key = match_key(cell)
    letters = [ch for ch in cell if ch.isalpha()]
    upper = sum(ch.isupper() for ch in letters)
    return (
        (len(letters) >= 6 and len(cell.split()) >= 2 and upper >= 0.8 * len(letters))
        or key.startswith(("số", "v/v", "về việc", "nơi nhận", "kính gửi"))
        or ("ngày" in key and "năm" in key and len(key) < 60)
    )


def _split_header_cells(lines: list[str]) -> list[str]:
    """Return lines with header rows "TỈNH ỦY X | ĐẢNG CỘNG SẢN VIỆT NAM" split into one line per cell.

    Rows of a data table keep their cells on one line, pipes between; markdown table rules go.
    """
    result: list[str] = []
    for line in lines:
        if "|" not in line:
            result.append(line)
            continue
        if _TABLE_RULE.fullmatch(line):
            result.append("")
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|") if cell.strip()]
        if any(_is_header_cell(cell) for cell in cells):
            result.extend(["", *cells, ""])
        else:
            result.append(" | ".join(cells))
    return result


def _take_footnotes(lines: list[str]) -> tuple[list[str], tuple[Footnote, ...]]:
    """Return the lines without footnotes, and the footnotes in order.

    A footnote runs from its marker line over the wrapped lines that follow, until a blank line, a list
    marker, another footnote or the end of its last sentence. A few plain lines lying between two
    footnotes (a footnote's second paragraph at the foot of a page) belong to the first of them.
    """
    notes: list[tuple[str, list[str]]] = []
    removed: set[int] = set()
    i = 0
    while i < len(lines):
        match = _FOOTNOTE.match(lines[i])
        if not match:
            i += 1
            continue
        marker = (match.group("sup") or match.group("num") or "").translate(_SUPERSCRIPTS)
        parts = [lines[i][match.end() :]]
        removed.add(i)
        j = i + 1
        while j < len(lines) and _continues_note(lines[j], lines[j - 1]):
            parts.append(lines[j])
            removed.add(j)
            j += 1
        gap = _sandwiched(lines, j)
        if gap:
            parts.append(
                "\n" + " ".join(lines[k] for k in gap if lines[k] and not _page_mark(lines[k]))
            )
            removed.update(k for k in gap if lines[k] and not _page_mark(lines[k]))
            j = gap[-1] + 1
        notes.append((marker or str(len(notes) + 1), parts))
        # the blank lines around a footnote go too, so the sentence it interrupted joins up again
        for k in (i - 1, j):
            if 0 <= k < len(lines) and not lines[k]:
                removed.add(k)
        i = j
    footnotes = tuple(
        Footnote(marker, _fix_inline(" ".join(parts).replace(" \n", "\n"))) for marker, parts in notes
    )
    return [line for k, line in enumerate(lines) if k not in removed], footnotes


def _page_mark(line: str) -> bool:
    """Return whether a line marks a page end: a PDF page break or a lone page number."""
    return line == _PAGE or bool(_PAGE_NUMBER.fullmatch(line))


def _continues_note(line: str, previous: str) -> bool:
    """Return whether a line is a wrapped continuation of the footnote line before it."""
    return (
        bool(line)
        and not _FOOTNOTE.match(line)
        and not opens_item(line)
        and not _page_mark(line)
        and not _SENTENCE_END.search(previous)
    )


def _sandwiched(lines: list[str], at: int) -> list[int]:
    """Return the indexes of a short run of plain lines from `at` that another footnote closes, else []."""
    run: list[int] = []
    k = at
    while k < len(lines) and not _FOOTNOTE.match(lines[k]):
        if lines[k] and (opens_item(lines[k]) or len(run) > 8):
            return []
        run.append(k)
        k += 1
    text_lines = [n for n in run if lines[n] and not _page_mark(lines[n])]
    if k >= len(lines) or not text_lines:
        return []
    return run[: run.index(text_lines[-1]) + 1]


def _drop_noise(lines: list[str]) -> list[str]:
    """Return lines without page numbers and running page headers; separators become hard breaks.

    A running header is a short line repeated next to page breaks (a page number or a PDF page end);
    its first occurrence, the real one at the top of the document, stays.
    """
    breaks = [i for i, line in enumerate(lines) if _page_mark(line)]
    counts = Counter(line for line in lines if line and len(line) <= 80 and not opens_item(line))
    seen: set[str] = set()
    result: list[str] = []
    skip_blanks = False
    for i, line in enumerate(lines):
        if not line:
            if not skip_blanks:
                result.append(line)
            continue
        near_break = any(abs(i - b) <= 3 for b in breaks)
        repeated = counts[line] >= 2 and near_break and any(ch.isalpha() for ch in line)
        if _page_mark(line) or (repeated and line in seen):
            while result and not result[-1]:  # a page break is invisible to the text around it
                result.pop()
            skip_blanks = True
            continue
        skip_blanks = False
        seen.add(line)
        result.append(_BREAK if _SEPARATOR.fullmatch(line) else line)
    return result


def _is_upper_line(line: str) -> bool:
    """Return whether a line is written in capitals (a header line); a Roman numeral alone does not count.

    "III/2026." is the end of a sentence wrapped after "trong quý", not a line in capitals.
    """
    words = [w for w in re.findall(r"[^\W\d_]+", line) if not _ROMAN_WORD.fullmatch(w)]
    letters = [ch for w in words for ch in w]
    return len(letters) >= 2 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


# a word that wants a number after it: "trong quý" / "III/2026", "trước ngày" / "15/7/2026",
# "theo khoản" / "2 Điều 5", "giai đoạn" / "2026 - 2030"
_WANTS_NUMBER = frozenset(
    {"quý", "ngày", "tháng", "năm", "số", "khoản", "điểm", "điều", "mục", "lần", "đợt", "khóa", "kỳ", "đoạn"}
)
_ROMAN_WORD = re.compile(r"[IVXLC]+")
# A line opening with a number or a Roman numeral not followed by a letter: "15/7/2026", "III/2026.".
_NUMBER_START = re.compile(r"\d|[IVXLC]+(?![^\W\d_])")


def _wants_number(line: str) -> bool:
    """Return whether a line stops mid-sentence on a word that needs a number ("… tiến hành trong quý")."""
    words = match_key(line).split()
    return bool(words) and words[-1] in _WANTS_NUMBER


def _first_letter(line: str) -> str:
    """Return the first character of a line after opening quotes and brackets."""
    stripped = line.lstrip("“\"‘'([")
    return stripped[:1]


@dataclass(frozen=True)
class _Layout:
    """How a document was wrapped: the usual width of a wrapped line, and whether blank lines mean much."""

    wrap_width: float | None
    double_spaced: bool


def _measure(lines: list[str]) -> _Layout:
    """Return the wrap width (median length of lines followed by a lower-case continuation) and spacing."""
    wrapped: list[int] = []
    gaps = pairs = 0
    previous: str | None = None
    blank = False
    for line in lines:
        if not line or line == _BREAK:
            blank = True
            continue
        if previous is not None:
            pairs += 1
            gaps += blank
            if _first_letter(line).islower() and not _SENTENCE_END.search(previous):
                wrapped.append(len(previous))
        previous, blank = line, False
    width = statistics.median(wrapped) if len(wrapped) >= 3 else None
    return _Layout(width, pairs > 0 and gaps >= 0.6 * pairs)


_Seen = set[tuple[MarkerKind, tuple[int, ...]]]


def _joins(previous: str, line: str, blank_between: bool, layout: _Layout, seen: _Seen) -> bool:
    """Return whether `line` continues the sentence of `previous` (a wrapped line), not a new one.

    `seen` holds the numbered markers that opened lines so far: a line that only looks like the next
    item ("12. Các sở …" after "… hoàn thành trước tháng", with items 1.-3. seen) goes on the sentence.
    """
    if match_key(line).startswith(("nơi nhận", "kính gửi")):
        return False
    if _wants_number(previous) and _NUMBER_START.match(line):
        marker = read_marker(line)
        return marker.kind == "para" or not follows_on(marker, seen)
    if opens_item(line):
        return False
    first = _first_letter(line)
    if line[0] in ",.;:)”’…":
        return True
    if _is_upper_line(previous) != _is_upper_line(line):
        return False  # a header or signature line next to mixed-case text
    if _is_upper_line(line) and _header_continues(previous, line):
        return True
    if first.islower():
        return True
    if first.isdigit():
        return not _SENTENCE_END.search(previous)
    if blank_between and not layout.double_spaced:
        return False
    width = layout.wrap_width
    # a line as long as the wrapped lines (not a whole paragraph on one line) reaches the right margin
    full = width is not None and 0.85 * width <= len(previous) <= 1.15 * width
    if _SENTENCE_END.search(previous):
        # a sentence that ends flush with the right margin usually goes on in the same paragraph
        flush = width is not None and 0.95 * width <= len(previous) <= 1.1 * width
        return flush and previous.rstrip().endswith((".", ":", ";"))
    return previous.endswith((",", "-", "–")) or full


# The national mottos of a header, in match form (tones folded, lower case); a narrow header cell
# breaks them over two lines: "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM".
_MOTTOS = frozenset({"cộng hòa xã hội chủ nghĩa việt nam", "đảng cộng sản việt nam"})
# Upper-case words a header name never ends with: "SỞ GIÁO DỤC VÀ" / "ĐÀO TẠO", "BAN CHỈ ĐẠO CÁC" / "…".
_NAME_GOES_ON = frozenset({"và", "của", "về", "với", "cho", "tại", "thuộc", "trong", "đối", "các", "những"})
# One-word lines in capitals that stand alone in a header: a type ("LUẬT", "LỆNH") or an urgency or
# secrecy stamp ("KHẨN", "MẬT").
_LONE_HEADER_WORDS = frozenset({"luật", "lệnh", "khẩn", "mật"})


def _header_continues(previous: str, line: str) -> bool:
    """Return whether a line in capitals goes on with the name or motto of the capitals line before it.

    A narrow header cell breaks a name at any word: "UBND TỈNH NGHỆ" / "AN", "SỞ GIÁO DỤC VÀ" /
    "ĐÀO TẠO", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM". Two whole names ("UBND TỈNH NGHỆ AN" /
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO"), a type line and its title ("THÔNG BÁO" / "KẾT LUẬN …") stay apart.
    """
    if match_key(f"{previous} {line}") in _MOTTOS:
        return True
    last = match_key(previous).split()[-1:]
    if last and last[0] in _NAME_GOES_ON:
        return True
    # a lone word (a province's name cut off: "NGHỆ" / "AN") under a name of several words
    lone = len(line.split()) == 1 and len(previous.split()) >= 2 and line.isalpha()
    lone = lone and match_key(line) not in _LONE_HEADER_WORDS
    return lone and not previous.rstrip().endswith((".", ":", ";"))


def _glue(paragraph: str, line: str) -> str:
    """Return a wrapped line appended to its paragraph ("07-" + "CT/TU" joins without a space)."""
    if re.search(r"[0-9A-Za-zÀ-ỹĐđ]-$", paragraph) or line[0] in ",.;:)”’…":
        return paragraph + line
    return paragraph + " " + line


def _rejoin(lines: list[str]) -> list[str]:
    """Return paragraphs: wrapped lines joined, real paragraph, list and header line breaks kept."""
    layout = _measure(lines)
    paragraphs: list[str] = []
    current: str | None = None
    previous = ""
    blank = False
    seen: _Seen = set()
    for line in lines:
        if line == _BREAK or not line:
            if line == _BREAK and current is not None:
                paragraphs.append(current)
                current = None
            blank = True
            continue
        if current is not None and _joins(previous, line, blank, layout, seen):
            current = _glue(current, line)
        else:
            if current is not None:
                paragraphs.append(current)
            current = line
            marker = read_marker(line)
            numbers = numbering(marker)
            if numbers is not None:
                seen.add((marker.kind, numbers))
        previous, blank = line, False
    if current is not None:
        paragraphs.append(current)
    return paragraphs


def _has_diacritic(word: str) -> bool:
    return any(ord(ch) > 127 and ch.isalpha() for ch in word)


def _split_glued_word(token: str) -> str:
    """Return a token with spaces put back between glued Vietnamese words: "ủyĐắk" -> "ủy Đắk".

    A split goes before an upper-case letter followed by a lower-case one, when the two letters before
    are both lower-case ("ủyĐắk") or both upper-case ("BCĐĐăk"), and a Vietnamese letter is on either
    side (so brand names such as "TikTok" or "YouTube" stay whole). A token with a digit or "/" is a
    code and stays whole: "1024/BGDĐT-GDTrH".
    """
    if "/" in token or any(ch.isdigit() for ch in token):
        return token
    out: list[str] = []
    start = 0
    for i in range(2, len(token) - 1):
        left2, here, after = token[i - 2 : i], token[i], token[i + 1]
        if not (here.isupper() and after.islower() and left2.isalpha()):
            continue
        if not (left2.islower() or left2.isupper()):
            continue
        if _has_diacritic(token[start:i]) or _has_diacritic(token[i:]):
            out.append(token[start:i])
            start = i
    out.append(token[start:])
    return " ".join(out)


def _fix_inline(paragraph: str, vocabulary: frozenset[str] = frozenset()) -> str:
    """Return a paragraph with U+FFFD dropped, glued words split and spaces collapsed.

    `vocabulary` holds the words of the whole document, which tell where two glued syllables part.
    """
    paragraph = paragraph.replace("\ufffd", "").replace(_BREAK, "")
    paragraph = _GLUED_NUMBER.sub(r"\1 ", paragraph)
    paragraph = _GLUED_PUNCT.sub(lambda m: (m.group("stop") or m.group("comma")) + " ", paragraph)
    paragraph = " ".join(
        split_glued_syllables(word, vocabulary)
        for token in paragraph.split(" ")
        for word in _split_glued_word(token).split(" ")
    )
    lines = [_SPACES.sub(" ", line).strip() for line in paragraph.split("\n")]
    return "\n".join(line for line in lines if line)
