"""What a cleaned directive says about itself, and where its body lies.

A directive opens with a header (issuing body, số hiệu, place and date, the motto, the type and the
title / trích yếu; a Công văn adds "V/v …" and "Kính gửi: …") and closes with "Nơi nhận:" and the
signature block. `find_layout` locates those blocks; `extract_metadata` reads their fields. A field
the text does not give is None, never guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from indexer.markers import opens_item, read_marker
from indexer.model import DocumentMetadata
from indexer.normalize import match_key

# Document types as they stand on their own header line, longest first so "CHƯƠNG TRÌNH HÀNH ĐỘNG"
# wins over "CHƯƠNG TRÌNH".
DOC_TYPES = (
    "CHƯƠNG TRÌNH HÀNH ĐỘNG",
    "KẾ HOẠCH",
    "HƯỚNG DẪN",
    "THÔNG BÁO",
    "NGHỊ QUYẾT",
    "CHỈ THỊ",
    "QUYẾT ĐỊNH",
    "CÔNG VĂN",
    "BÁO CÁO",
    "TỜ TRÌNH",
    "CHƯƠNG TRÌNH",
    "QUY CHẾ",
    "QUY ĐỊNH",
    "KẾT LUẬN",
    "THÔNG TƯ",
    "NGHỊ ĐỊNH",
    "ĐỀ ÁN",
    "CÔNG ĐIỆN",
    "THÔNG TRI",
    "BIÊN BẢN",
    "LUẬT",
)
_TYPE_KEYS = tuple((match_key(t), t) for t in DOC_TYPES)

# National mottos printed in the header beside the issuing body; never part of it.
_MOTTO = re.compile(
    r"(?i:đảng cộng sản việt nam|cộng hòa xã hội chủ nghĩa việt nam|cộng hoà xã hội chủ nghĩa việt nam"
    r"|độc lập\s*[-–]\s*tự do\s*[-–]\s*hạnh phúc)"
)

# Số hiệu: "Số" (optional ":"), then the number proper starting with a digit and running through
# "-", "/" and "." joined parts. Examples: "Số 12-HD/BTGDVTU" -> "12-HD/BTGDVTU",
# "Số: 573/QĐ-UBND" -> "573/QĐ-UBND". A blank number ("Số - KH/ĐU", "Số:   /KH-UBND") gives no match.
_NUMBER = re.compile(r"\bSố\s*:?\s*(\d+[\w.]*(?:[-/][\wĐđ.&]+)+)")
_NUMBER_LINE = re.compile(r"^Số\b\s*:?")

# Place and date: "<Place>, ngày 31 tháng 12 năm 2025". Day and month may be left blank in drafts
# ("Thái Tân, ngày tháng 02 năm 2026"); then the date is unknown.
_DATE = re.compile(r",?\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})")
_DATE_NUMERIC = re.compile(r",?\s*ngày\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")

# Trích yếu of a Công văn: "V/v triển khai …" or "Về việc …".
_SUBJECT = re.compile(r"^(?:V/v|V/V|v/v|Về việc)\s*:?\s*(.+)$")

# A line that opens the body right after the title ("Thực hiện …", "Căn cứ …", "Ngày 10/7/2025, …").
_BODY_OPENER = re.compile(
    r"^(?:Thực hiện|Căn cứ|Kính gửi|Để|Nhằm|Xét|Theo|Sau khi|Trên cơ sở|Qua|Hôm nay|Vừa qua|Ngày\s+\d)"
)

# Words that open the name of an organisation in a header ("BAN TUYÊN GIÁO …", "TỈNH UỶ …").
_ORG_HEADS = (
    "ban",
    "sở",
    "ủy ban",
    "ubnd",
    "hđnd",
    "hội đồng",
    "tỉnh ủy",
    "thành ủy",
    "huyện ủy",
    "quận ủy",
    "thị ủy",
    "đảng ủy",
    "đảng bộ",
    "chi bộ",
    "văn phòng",
    "bộ",
    "cục",
    "tổng cục",
    "vụ",
    "phòng",
    "trường",
    "viện",
    "đoàn",
    "mặt trận",
    "công an",
    "liên đoàn",
    "hội",
    "trung tâm",
    "chính phủ",
    "thủ tướng",
    "quốc hội",
    "tòa án",
    "viện kiểm sát",
    "kho bạc",
    "thanh tra",
    "chủ tịch",
)

# Words of a signer's position ("KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ").
_SIGNATURE = re.compile(
    r"^(?:KT\.?|TM\.?|T/M|TL\.?|Q\.|TUQ\.?|THỪA LỆNH|THAY MẶT|KÝ THAY)\s|"
    r"(?:CHỦ TỊCH|BÍ THƯ|TRƯỞNG|GIÁM ĐỐC|CHÁNH|THỦ TRƯỞNG|TỔNG|PHÓ|CỤC TRƯỞNG|BỘ TRƯỞNG)"
)
_NOT_SIGNED_NOTES = ("đã ký", "ký tên", "đóng dấu", "(ký", "ký)")

# The authority line of a Quyết định / Nghị quyết, printed in capitals between the trích yếu and the
# "Căn cứ …" preamble: a position ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM", "BỘ TRƯỞNG BỘ Y TẾ")
# or the enacting body itself ("HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH ĐỊNH", then "KHÓA XIII, KỲ HỌP THỨ 18").
# Compared in match form (lower case, tones folded): "chủ tịch ủy ban nhân dân tỉnh quảng nam".
_POSITION_HEADS = (
    "chủ tịch",
    "bộ trưởng",
    "thủ tướng",
    "giám đốc",
    "tổng giám đốc",
    "cục trưởng",
    "tổng cục trưởng",
    "vụ trưởng",
    "chánh văn phòng",
    "trưởng ban",
    "hiệu trưởng",
    "viện trưởng",
    "chánh án",
    "tổng kiểm toán",
)
# "KHÓA XIII, KỲ HỌP THỨ 18" / "KỲ HỌP CHUYÊN ĐỀ": the term and session of a council under its name.
_SESSION = re.compile(r"^(?:khóa|khoá|kỳ họp|nhiệm kỳ)\b")
# The preamble that follows an authority line: "Căn cứ Luật …", "Xét đề nghị của Sở Nội vụ, …".
_PREAMBLE = re.compile(r"^(?:Căn cứ|Xét)\b")
# Words a title line broken mid-phrase ends with ("KẾT LUẬN CỦA" / "BAN THƯỜNG VỤ TỈNH ỦY"): the next
# line goes on with the title even when it reads like an organisation's name.
_CONTINUES = ("của", "về", "và", "với", "tại", "cho", "trong", "các", "đối", "thuộc", "giữa", "đến")
# A title line never ends a sentence; a line that does ("Thời gian qua, … đạt nhiều kết quả.") is body.
_SENTENCE_END = re.compile(r"[.;:!?…][”\"’)]*$")


@dataclass(frozen=True)
class Layout:
    """Character spans of the cleaned text: the body, and the metadata blocks around it."""

    body: tuple[tuple[int, int], ...]
    header: tuple[int, int]
    closing: tuple[int, int] | None  # "Nơi nhận" and the signature block
    title: tuple[int, int] | None = None  # the type line and the trích yếu under it (inside the header)


@dataclass(frozen=True)
class _Line:
    text: str
    start: int
    end: int


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    for raw in text.split("\n"):
        lines.append(_Line(raw, offset, offset + len(raw)))
        offset += len(raw) + 1
    return [line for line in lines if line.text.strip()]


def _is_upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _doc_type(line: str) -> tuple[str, str] | None:
    """Return (type, rest of the line) when the line opens with a document type in capitals."""
    key = match_key(line)
    for type_key, name in _TYPE_KEYS:
        if key == type_key or (key.startswith(type_key + " ") and _is_upper(line[: len(name)])):
            if not _is_upper(line[: len(name)]):
                continue
            return name, line[len(name) :].strip(" :")
    return None


# A military or police rank before a signer's name: "Đại tá Lê Minh Cường", "Thượng úy Hà Văn An"
_RANK = re.compile(r"^(?:Đại|Thượng|Trung|Thiếu)\s+(?:tá|úy|uý|tướng)\s+")


def _is_name(line: str) -> bool:
    """Return whether a line is a person's name: 2-5 capitalised words, letters only ("Nguyễn Hữu Việt"),
    maybe after a rank ("Đại tá Lê Minh Cường")."""
    words = _RANK.sub("", line).split()
    return 2 <= len(words) <= 5 and all(w[0].isupper() and w[1:].islower() and w.isalpha() for w in words)


def _header_limit(lines: Sequence[_Line]) -> int:
    """Return how many leading lines may belong to the header: up to the first heading, long paragraph,
    "Nơi nhận" or appendix (a short Công văn's form "Biểu mẫu số 01" / "BÁO CÁO …" is no type line)."""
    for i, line in enumerate(lines[:40]):
        kind = read_marker(line.text).kind
        if (len(line.text) > 300 or kind in ("roman", "article", "chapter") or (kind == "appendix" and i > 0)
                or match_key(line.text).startswith("nơi nhận")):
            return i
    return min(len(lines), 40)


def _title_end(lines: Sequence[_Line], first: int) -> int:
    """Return the index after the last title line, title lines starting at `first`."""
    i = first
    total = taken = 0
    upper_title: bool | None = None
    while i < len(lines) and i - first < 6:
        text = _cell_text(lines[i].text)
        if not text or _NUMBER_LINE.match(text) or _is_place_date(text):
            i += 1  # a số hiệu, date or motto line printed under the type line
            continue
        if upper_title is None:
            upper_title = _is_upper(text)
        # "Thực hiện Nghị quyết số 68-NQ/TW … giai đoạn 2026 - 2030" right under "KẾ HOẠCH" is the title;
        # the body's "Thực hiện …, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:" ends a sentence
        opens_body = _BODY_OPENER.match(text) and (taken or _SENTENCE_END.search(text))
        if opens_item(text) or opens_body or len(text) > 300 or total + len(text) > 500:
            break
        if taken and upper_title and not _is_upper(text) and text[:1].islower():
            upper_title = False  # "KẾT LUẬN CỦA BAN THƯỜNG VỤ TỈNH ỦY" / "về tiến độ giải ngân …"
        if _is_upper(text) != upper_title:
            break  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" after a mixed-case title of a Quyết định
        if taken and _SENTENCE_END.search(text):
            break  # the first sentence of the body
        if taken and not _ends_mid_phrase(lines[i - 1].text) and _is_authority(lines, i):
            break  # the authority line under a title in capitals
        total += len(text)
        taken += 1
        i += 1
    return i


def _ends_mid_phrase(line: str) -> bool:
    """Return whether a line ends with a word that needs the next line ("… CỦA", "… VỀ")."""
    words = match_key(line).split()
    return bool(words) and words[-1] in _CONTINUES


def _is_authority(lines: Sequence[_Line], at: int) -> bool:
    """Return whether line `at` is the authority line (position or enacting body) before the preamble."""
    return _authority_end(lines, at) > at


def _authority_end(lines: Sequence[_Line], at: int) -> int:
    """Return the index after the authority block at `at`, or `at` when there is none.

    The block is at most three short lines in capitals ("HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH ĐỊNH",
    "KHÓA XIII, KỲ HỌP THỨ 18") directly followed by the "Căn cứ …" preamble.
    """
    end = at
    while (
        end < len(lines)
        and end - at < 3
        and len(lines[end].text) <= 120
        and _is_upper(lines[end].text)
        and not opens_item(lines[end].text)
        and not _doc_type(lines[end].text)
    ):
        end += 1
    if end == at or end >= len(lines) or not _PREAMBLE.match(lines[end].text):
        return at
    first = match_key(lines[at].text)
    if not first.startswith(tuple(h + " " for h in (*_POSITION_HEADS, *_ORG_HEADS))):
        return at
    if any(not _SESSION.match(match_key(line.text)) for line in lines[at + 1 : end]):
        return at  # only the term and session may follow the body's name
    return end


def find_layout(text: str) -> Layout:
    """Return where the header, body and closing blocks of a cleaned document lie."""
    lines = _lines(text)
    if not lines:
        return Layout((), (0, 0), None)
    limit = _header_limit(lines)
    type_at = next((i for i, line in enumerate(lines[:limit]) if _doc_type(line.text)), None)
    body_from = 0
    title: tuple[int, int] | None = None
    if type_at is not None:
        title_end = _title_end(lines, type_at + 1)
        title = (lines[type_at].start, lines[title_end - 1].end)
        body_from = _authority_end(lines, title_end)
    greeting = next((i for i, line in enumerate(lines[:limit]) if _is_greeting(line.text)), None)
    if greeting is not None and greeting >= body_from:
        body_from = _greeting_end(lines, greeting)
    elif type_at is None and greeting is None:
        # no type line: only the leading lines that look like a header (agency names in capitals,
        # số hiệu, place and date, motto, "V/v …") are left out of the body
        body_from = next((i for i, line in enumerate(lines[:limit]) if not _header_like(line.text)), 0)
    closing = _closing(lines, body_from)
    header = (0, lines[body_from - 1].end if body_from else 0)
    body_start = lines[body_from].start if body_from < len(lines) else len(text)
    if closing is None:
        body: tuple[tuple[int, int], ...] = ((body_start, len(text)),)
        return Layout(_non_empty(body, text), header, None, title)
    first, last = closing
    close_span = (lines[first].start, lines[last].end)
    body = ((body_start, close_span[0]), (close_span[1], len(text)))
    return Layout(_non_empty(body, text), header, close_span, title)


def _cells(line: str) -> list[str]:
    """Return the cells of a header row copied from a table ("SỞ Y TẾ | Độc lập - Tự do - Hạnh phúc")."""
    return [cell.strip() for cell in line.split("|") if cell.strip()]


def _cell_text(line: str) -> str:
    """Return a header row without table pipes and motto cells: "V/v tăng cường … |" -> "V/v tăng cường …"."""
    cells = [cell for cell in _cells(line) if not _MOTTO.fullmatch(cell.strip(" -–"))]
    return " ".join(cells)


def _header_like(line: str) -> bool:
    cells = _cells(line)
    return bool(cells) and all(_header_cell(cell) for cell in cells)


def _header_cell(line: str) -> bool:
    return bool(
        (_is_upper(line) and len(line) <= 80 and not opens_item(line))
        or _NUMBER_LINE.match(line)
        or _MOTTO.fullmatch(line.strip(" -–"))
        or _SUBJECT.match(line)
        or (_DATE.search(line) and len(line) <= 80)
    )


def _non_empty(spans: tuple[tuple[int, int], ...], text: str) -> tuple[tuple[int, int], ...]:
    return tuple((a, b) for a, b in spans if text[a:b].strip())


def _is_greeting(line: str) -> bool:
    return match_key(line).startswith("kính gửi")


def _greeting_end(lines: Sequence[_Line], at: int) -> int:
    """Return the index after a "Kính gửi:" block (the line and its "- …" addressee lines)."""
    i = at + 1
    inline = lines[at].text.split(":", 1)[1].strip() if ":" in lines[at].text else ""
    if (
        not inline
        and i < len(lines)
        and not opens_item(lines[i].text)
        and len(lines[i].text) < 150
        and not _BODY_OPENER.match(lines[i].text)
    ):
        i += 1
    while i < len(lines) and read_marker(lines[i].text).kind in ("dash", "plus") and len(lines[i].text) < 150:
        i += 1
    return i


def _closing(lines: Sequence[_Line], body_from: int) -> tuple[int, int] | None:
    """Return the first and last line index of the "Nơi nhận" + signature block, if any."""
    appendix = next(
        (i for i in range(body_from, len(lines)) if read_marker(lines[i].text).kind == "appendix"), len(lines)
    )
    recipients = next(
        (
            i
            for i in range(appendix - 1, body_from - 1, -1)
            if match_key(lines[i].text).startswith("nơi nhận")
        ),
        None,
    )
    if recipients is not None:
        first = recipients
        while first - 1 > body_from and _signature_line(lines[first - 1].text):
            first -= 1  # a signature printed before "Nơi nhận"
        last = recipients
        for i in range(recipients + 1, appendix):
            text = lines[i].text
            if (
                read_marker(text).kind in ("dash", "plus")
                or _signature_line(text)
                or _is_name(text)
                or len(text) <= 40
            ):
                last = i
            else:
                break
        return first, last
    # no "Nơi nhận": a signature block (position lines, then a name) right before the appendices
    name = next(
        (i for i in range(appendix - 1, max(body_from, appendix - 4) - 1, -1) if _is_name(lines[i].text)),
        None,
    )
    if name is None:
        return None
    first = name
    while first - 1 > body_from and _signature_line(lines[first - 1].text):
        first -= 1
    return (first, name) if first < name else None


def _signature_line(text: str) -> bool:
    return len(text) <= 80 and _is_upper(text) and bool(_SIGNATURE.search(text))


def extract_metadata(text: str, layout: Layout) -> DocumentMetadata:
    """Return the metadata the document gives in its header, preamble and closing blocks."""
    lines = _lines(text)
    header = [cell for line in lines if line.end <= layout.header[1] for cell in _cells(line.text)]
    title_lines = [
        _cell_text(line.text)
        for line in lines
        if layout.title and layout.title[0] <= line.start and line.end <= layout.title[1]
    ]
    closing = _one_column([
        line.text
        for line in lines
        if layout.closing and layout.closing[0] <= line.start and line.end <= layout.closing[1]
    ])
    body_start = layout.body[0][0] if layout.body else len(text)
    preamble = text[body_start : body_start + 1500].split("\n", 2)
    doc_type, title = _type_and_title(header, title_lines)
    number = _number(header)
    if doc_type is None and (any(_SUBJECT.match(h) for h in header) or (number and "CV" in number.upper())):
        doc_type = "CÔNG VĂN"
    place, issued = _place_and_date([*_before_type(header), *filter(_is_place_date, header)])
    signer_name, signer_position = _signer(closing)
    return DocumentMetadata(
        doc_type=doc_type,
        number=number,
        issuer=_issuer(header) or _issuer_from_preamble(" ".join(preamble[:2])),
        place=place,
        issued_date=issued,
        title=title,
        signer_name=signer_name,
        signer_position=signer_position,
        recipients=_recipients(header, closing),
    )


def _type_and_title(header: Sequence[str], title_lines: Sequence[str]) -> tuple[str | None, str | None]:
    """Return the document type and its trích yếu: the lines under the type line, or "V/v …" of a Công văn.

    `title_lines` are the type line and the title lines under it, as `find_layout` delimited them.
    """
    found = _doc_type(title_lines[0]) if title_lines else None
    if found:
        name, rest = found
        parts = [rest] if rest else []
        parts += [h for h in title_lines[1:] if not _NUMBER_LINE.match(h) and not _is_place_date(h)]
        return name, _as_title(" ".join(parts))
    for i, line in enumerate(header):
        match = _SUBJECT.match(line)
        if match:
            # a subject broken over lines goes on in lower case: "V/v tăng cường phòng," / "chống dịch",
            # or in table cells of any case that are no other header part: "V/v báo cáo kết quả thực hiện |"
            # / "Chương trình khuyến công địa phương |"
            parts = [match.group(1)]
            for more in header[i + 1 :]:
                if not (more[:1].islower() or _goes_on_subject(more)):
                    break
                parts.append(more)
            return None, _as_title(" ".join(parts))
    return None, None


def _goes_on_subject(cell: str) -> bool:
    """Return whether a header cell after "V/v …" can only be more of it: mixed-case text (lines the
    cleaning joined) that is no header part (agency in capitals, số hiệu, motto, place and date) nor
    "Kính gửi"."""
    return (len(cell) <= 250 and not _header_cell(cell) and not cell.isupper()
            and not re.match(r"(?i)(?:kính gửi|nơi nhận)\b", cell) and not opens_item(cell))


def _as_title(text: str) -> str | None:
    """Return a trích yếu for display: its words as written, spaces collapsed, first letter capitalised.

    "triển khai thực hiện Chỉ thị số 07-CT/TU" -> "Triển khai thực hiện Chỉ thị số 07-CT/TU"; a title
    printed in capitals stays in capitals (lowering it would lose which words are names).
    """
    title = " ".join(text.split()).strip(" :;,")
    return title[:1].upper() + title[1:] if title else None


def _before_type(header: Sequence[str]) -> list[str]:
    """Return the header lines above the type line (the title may cite other documents' dates)."""
    at = next((i for i, line in enumerate(header) if _doc_type(line)), len(header))
    return list(header[:at])


def _number(header: Sequence[str]) -> str | None:
    """Return the số hiệu: from the header above the type line, or a "Số …" line anywhere in the header."""
    above = _before_type(header)
    lines = [*above, *(h for h in header[len(above) :] if _NUMBER_LINE.match(h))]
    for line in lines:
        match = _NUMBER.search(line)
        if match:
            return match.group(1).rstrip(".")
    return None


def _is_place_date(line: str) -> bool:
    """Return whether a line is "<Place>, ngày … tháng … năm …" (not a title citing another date)."""
    match = _DATE.search(line) or _DATE_NUMERIC.search(line)
    if match is None:
        return False
    return len(line) <= 80 and line[:1].isupper() and "," in line[: match.start() + 1]


def _place_and_date(header: Sequence[str]) -> tuple[str | None, str | None]:
    for line in header:
        match = _DATE.search(line) or _DATE_NUMERIC.search(line)
        if not match:
            continue
        before = _NUMBER.sub("", _MOTTO.sub("", line[: match.start()])).strip(" ,")
        words: list[str] = []
        for word in reversed(before.split()):
            if not word[:1].isupper():
                break
            words.insert(0, word)
        place = " ".join(words) or None
        day, month, year = match.groups()
        issued = None
        if day and month:
            try:
                issued = dt.date(int(year), int(month), int(day)).isoformat()
            except ValueError:
                issued = None
        return place, issued
    return None, None


def _issuer(header: Sequence[str]) -> str | None:
    """Return the issuing body as the header prints it, organisations joined by " / "."""
    organisations: list[str] = []
    for line in _without_split_mottos(header):
        line = _MOTTO.sub("", line).strip(" -–")
        if _doc_type(line):
            break
        if _NUMBER_LINE.match(line) or _DATE.search(line) or _SUBJECT.match(line):
            continue
        if not _is_upper(line):
            continue
        key = match_key(line)
        # the name goes on over a second line: "ỦY BAN NHÂN DÂN" / "TỈNH QUẢNG NAM", or
        # "BAN TUYÊN GIÁO VÀ DÂN VẬN" / "TỈNH ỦY" (a bare "TỈNH ỦY" names no body of its own)
        if organisations and (not key.startswith(tuple(h + " " for h in _ORG_HEADS)) or key in _ORG_HEADS):
            organisations[-1] += " " + line
        else:
            organisations.append(line)
    return " / ".join(organisations) or None


def _without_split_mottos(header: Sequence[str]) -> list[str]:
    """Return header lines without a motto broken in two ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM")."""
    lines = list(header)
    for i in range(len(lines) - 1):
        if not _MOTTO.fullmatch(lines[i]) and _MOTTO.fullmatch(f"{lines[i]} {lines[i + 1]}"):
            lines[i] = lines[i + 1] = ""
    return [line for line in lines if line]


# The preamble names the issuer when the header does not: "…, Ban Thường vụ Đảng ủy UBND tỉnh ban hành
# Kế hoạch …". Groups: an organisation opening word, up to 80 characters without punctuation, then the
# verb of issuing. Example: "…trên địa bàn tỉnh”, Ban Thường vụ Đảng ủy UBND tỉnh ban hành Kế hoạch".
_PREAMBLE_ISSUER = re.compile(
    r"(?:^|[,;:]\s+)(?P<issuer>(?:Ban|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Sở|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ"
    r"|Huyện ủy|Huyện uỷ|Đảng ủy|Đảng uỷ|Văn phòng|Bộ|Thường trực|Chi bộ)\b[^,;:.()“”\"]{0,80}?)"
    r"\s+(?:ban hành|xây dựng|hướng dẫn|thông báo)\b"
)


def _issuer_from_preamble(preamble: str) -> str | None:
    match = _PREAMBLE_ISSUER.search(preamble)
    return match.group("issuer").strip() if match else None


# Where a line copied from a two-column table may split: a pipe, or punctuation before a space
_CELL_BREAK = re.compile(r"\s*\|\s*|(?<=[;,.:])\s+")
# A signing prefix a position goes on after: "KT. ", "T/M ", "TL. "
_SIGNING_PREFIX = re.compile(r"\b(?:KT|TM|T/M|TL|T/L|TUQ|Q)\.?\s*$")
# A signature cell's note, not a position: "(đã ký)", "(Đã ký và đóng dấu)"
_SIGNED_NOTE = re.compile(r"\((?:đã ký|đã ký và đóng dấu|ký tên)\)", re.I)


def _signature_cell(line: str) -> tuple[str, str] | None:
    """Return (recipient part, signature part) of a closing line that holds both, else None.

    Word and PDF print "Nơi nhận" and the signature side by side; a copy puts both cells on one line:
    "- Ban Thường vụ Tỉnh ủy (b/c), BÍ THƯ", "- UBND các xã; Ngô Minh Khoa", "- Lưu: VT. | (đã ký)".
    The signature part is the shortest tail that is a position line, a name or a signing note, never
    cut after a signing prefix ("KT.", "T/M", "TL.").
    """
    for match in reversed(list(_CELL_BREAK.finditer(line))):
        left, right = line[: match.start()].strip(" |"), line[match.end():].strip(" |")
        filing = re.match(r"[-–+•\s]*Lưu\b", left) is not None  # the "KT" of "Lưu: VT, KT." files, signs not
        if _SIGNING_PREFIX.search(line[: match.end()]) and not filing:
            continue
        if right and _is_signature_part(right):
            return left, right
    return None


def _is_signature_part(text: str) -> bool:
    return (_signature_line(text) or _is_name(text) or bool(_SIGNED_NOTE.fullmatch(text))
            or _position_and_name(text) is not None)


def _position_and_name(text: str) -> tuple[str, str] | None:
    """Return (position, name) of a cell holding both on one line: "CHỦ TỊCH Trương Văn Khiêm"."""
    words = text.split()
    for cut in range(len(words) - 2, 0, -1):
        position, name = " ".join(words[:cut]), " ".join(words[cut:])
        if _signature_line(position) and _is_name(name):
            return position, name
    return None


def _signature_lines(cell: str) -> list[str]:
    """Return a signature cell as lines: "CHỦ TỊCH Trương Văn Khiêm" gives the position, then the name."""
    both = _position_and_name(cell)
    return list(both) if both else [cell]


def _one_column(closing: Sequence[str]) -> list[str]:
    """Return the closing lines with signature cells moved after the recipients, in their order."""
    left: list[str] = []
    right: list[str] = []
    for line in closing:
        cells = _signature_cell(line)
        if cells is None:
            whole = line.strip(" |")
            # a whole signature line, or a word that goes on from one ("kiêm" between two positions)
            goes_on = bool(right) and whole.islower() and len(whole.split()) <= 2
            if _is_signature_part(whole) or goes_on:
                right.extend(_signature_lines(whole))
            else:
                left.append(whole)
            continue
        if cells[0]:
            left.append(cells[0])
        right.extend(_signature_lines(cells[1]))
    return [line for line in left if line] + right


def _signer(closing: Sequence[str]) -> tuple[str | None, str | None]:
    """Return the signer's name and position ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH") from the closing block."""
    names = [i for i, line in enumerate(closing) if _is_name(line)]
    if not names:
        return None, None
    at = names[-1]
    position: list[str] = []
    for line in closing[:at]:
        key = match_key(line)
        if key.startswith("nơi nhận") or read_marker(line).kind in ("dash", "plus"):
            position = []
            continue
        if any(note in key for note in _NOT_SIGNED_NOTES):
            continue
        position.append(line)
    return _RANK.sub("", closing[at]), " / ".join(position) or None


def _recipients(header: Sequence[str], closing: Sequence[str]) -> tuple[str, ...]:
    """Return the addressees of "Kính gửi" and the list under "Nơi nhận", in order, without list marks."""
    found: list[str] = []
    for block in (header, closing):
        inside = False
        for line in block:
            key = match_key(line)
            if key.startswith(("nơi nhận", "kính gửi")):
                inside = True
                inline = line.split(":", 1)[1].strip() if ":" in line else ""
                # a web copy's one cell: "Nơi nhận: - Chính phủ; - Bộ Tài chính; - Lưu: VT."
                found += [item.strip(" ,;.") for item in re.split(r"(?:^|[;,]?\s+)-\s+", inline)
                          if item.strip(" ,;.")]
                continue
            if inside and read_marker(line).kind in ("dash", "plus"):
                # a line may hold two items where a copy lost a break: "- UBND tỉnh (b/c); - Lưu: VT."
                found += [item.strip(" ,;.") for item in re.split(r";\s*[-–+•]\s+", line.lstrip("-–+• "))]
            elif inside and found:
                inside = False
    return tuple(dict.fromkeys(r for r in found if r))
