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


@dataclass(frozen=True)
class Layout:
    """Character spans of the cleaned text: the body, and the metadata blocks around it."""

    body: tuple[tuple[int, int], ...]
    header: tuple[int, int]
    closing: tuple[int, int] | None  # "Nơi nhận" and the signature block


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


def _is_name(line: str) -> bool:
    """Return whether a line is a person's name: 2-5 capitalised words, letters only ("Nguyễn Hữu Việt")."""
    words = line.split()
    return 2 <= len(words) <= 5 and all(w[0].isupper() and w[1:].islower() and w.isalpha() for w in words)


def _header_limit(lines: Sequence[_Line]) -> int:
    """Return how many leading lines may belong to the header: up to the first heading or long paragraph."""
    for i, line in enumerate(lines[:40]):
        if len(line.text) > 300 or read_marker(line.text).kind in ("roman", "article", "chapter"):
            return i
    return min(len(lines), 40)


def _title_end(lines: Sequence[_Line], first: int) -> int:
    """Return the index after the last title line, title lines starting at `first`."""
    i = first
    total = 0
    upper_title: bool | None = None
    while i < len(lines) and i - first < 6:
        text = lines[i].text
        if _NUMBER_LINE.match(text) or _is_place_date(text):
            i += 1  # a số hiệu or date line printed under the type line
            continue
        if upper_title is None:
            upper_title = _is_upper(text)
        if opens_item(text) or _BODY_OPENER.match(text) or len(text) > 300 or total + len(text) > 500:
            break
        if _is_upper(text) != upper_title:
            break  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" after a mixed-case title of a Quyết định
        total += len(text)
        i += 1
    return i


def find_layout(text: str) -> Layout:
    """Return where the header, body and closing blocks of a cleaned document lie."""
    lines = _lines(text)
    if not lines:
        return Layout((), (0, 0), None)
    limit = _header_limit(lines)
    type_at = next((i for i, line in enumerate(lines[:limit]) if _doc_type(line.text)), None)
    body_from = 0
    if type_at is not None:
        body_from = _title_end(lines, type_at + 1)
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
        return Layout(_non_empty(body, text), header, None)
    first, last = closing
    close_span = (lines[first].start, lines[last].end)
    body = ((body_start, close_span[0]), (close_span[1], len(text)))
    return Layout(_non_empty(body, text), header, close_span)


def _header_like(line: str) -> bool:
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
    header = [line.text for line in lines if line.end <= layout.header[1]]
    closing = [
        line.text
        for line in lines
        if layout.closing and layout.closing[0] <= line.start and line.end <= layout.closing[1]
    ]
    body_start = layout.body[0][0] if layout.body else len(text)
    preamble = text[body_start : body_start + 1500].split("\n", 2)
    doc_type, title = _type_and_title(header)
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


def _type_and_title(header: Sequence[str]) -> tuple[str | None, str | None]:
    for i, line in enumerate(header):
        found = _doc_type(line)
        if found:
            name, rest = found
            title_lines = [rest] if rest else []
            title_lines += [h for h in header[i + 1 :] if not _is_greeting(h) and not opens_item(h)
                            and not _NUMBER_LINE.match(h) and not _is_place_date(h)]
            title = " ".join(" ".join(title_lines).split())
            return name, title or None
    for line in header:
        match = _SUBJECT.match(line)
        if match:
            return None, match.group(1).strip()
    return None, None


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
    for line in header:
        line = _MOTTO.sub("", line).strip(" -–")
        if _doc_type(line):
            break
        if _NUMBER_LINE.match(line) or _DATE.search(line) or _SUBJECT.match(line):
            continue
        if not _is_upper(line):
            continue
        key = match_key(line)
        if organisations and not key.startswith(tuple(h + " " for h in _ORG_HEADS)):
            organisations[-1] += " " + line  # the name goes on over a second line
        else:
            organisations.append(line)
    return " / ".join(organisations) or None


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
    return closing[at], " / ".join(position) or None


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
                if inline:
                    found.append(inline.strip(" ,;."))
                continue
            if inside and read_marker(line).kind in ("dash", "plus"):
                found.append(line.lstrip("-–+• ").strip().rstrip(",;."))
            elif inside and found:
                inside = False
    return tuple(dict.fromkeys(r for r in found if r))
