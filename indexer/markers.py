"""The line-opening markers of Vietnamese directives: headings ("I.", "2.1.", "Điều 3.") and list items.

Both the line re-joining of `indexer.cleaning` (a marker starts a new line) and the heading tree of
`indexer.sections` read lines with this one grammar.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

MarkerKind = Literal[
    "appendix",
    "chapter",
    "part",
    "article",
    "roman",
    "arabic",
    "numparen",
    "letter",
    "paren",
    "dash",
    "plus",
    "para",
]

# kinds that structure the document into titled sections; the others are list items
STRUCTURAL: frozenset[MarkerKind] = frozenset({"appendix", "chapter", "part", "article", "roman", "arabic"})

_UPPER = "A-ZĐÀ-Ỹ"

# Each pattern is tried in order on a line with its leading whitespace removed.
_PATTERNS: tuple[tuple[MarkerKind, re.Pattern[str]], ...] = (
    # "Phụ lục 01:", "PHỤ LỤC II", "Phụ lục" alone: the word, then a number/roman, ":" or the line end
    ("appendix", re.compile(r"(?i:phụ lục)(?:\s+(?:(?i:số)\s*)?[0-9IVXLC]+\b\.?|\s*[:.]|\s*$)")),
    # a form attached to a Công văn: "Biểu mẫu số 01", "Mẫu số 02:", "Biểu số 3." (numbered, then the line
    # ends or a colon opens its title; not "Mẫu số 01 được ban hành …" in a sentence)
    ("appendix", re.compile(r"(?i:biểu mẫu|mẫu biểu|mẫu|biểu)\s+(?i:số)\s*\d{1,2}[a-z]?(?:\s*[:.]|\s*$)")),
    # "Chương II", "CHƯƠNG 1": chapter word and a number
    ("chapter", re.compile(r"(?i:chương)\s+[0-9IVXLC]+\b")),
    # "Mục 1.", "MỤC II:" : section word, number, then "." or ":" or a space
    ("part", re.compile(r"(?i:mục)\s+[0-9IVXLC]+\s*[.:]")),
    # "Điều 1.", "Điều 12a:" : article word, number (optional letter), then "." or ":"
    ("article", re.compile(r"Điều\s+\d+[a-z]?\s*[.:]")),
    # "II. NHIỆM VỤ", "I- MỤC ĐÍCH", "IV) …": roman numeral, then "." or ")" (text may follow without a
    # space: "II.NHIỆM VỤ"), or a dash with a space on one side; then text that is not a number or "/".
    # Not a marker: a period or range wrapped to a line start, "III/2026.", "III-IV/2026", "II.2026".
    ("roman", re.compile(r"[IVXLC]{1,6}(?:\s*[.)]\s*|\s*[-–]\s+|\s+[-–]\s*)(?=\S)(?![\d/])")),
    # "2.1. Triển khai", "2.2.1 Ban …": two or more numbers joined by dots, optional final dot
    ("arabic", re.compile(r"\d{1,2}(?:\.\d{1,2})+\.?\s+(?=\S)")),
    # "1. Mục đích": one number and a dot (not "2.100 đại biểu", not "10/7/2025")
    ("arabic", re.compile(r"\d{1,2}\.\s+(?=\S)")),
    # "1) …": number and a closing parenthesis
    ("numparen", re.compile(r"\d{1,2}\)\s*(?=\S)")),
    # "a) …", "đ) …": one lower-case letter and a closing parenthesis
    ("letter", re.compile(r"[a-zđ]\)\s*(?=\S)")),
    # "(1) Nghị quyết …", "(a) …": number or letter in parentheses
    ("paren", re.compile(r"\((?:\d{1,2}|[a-zđ])\)\s*(?=\S)")),
    # "- Sở Tài chính …", "– …", "• …": a dash or bullet
    ("dash", re.compile(r"[-–—•▪●◦]\s*(?=[^\s\-–—])")),
    # "+ Tham mưu …": a plus item
    ("plus", re.compile(r"\+\s*(?=\S)")),
)

_ROMAN = re.compile(r"[IVXLC]+")
_ROMAN_VALID = re.compile(r"C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")


@dataclass(frozen=True)
class Marker:
    """What opens a line: its kind, the marker text ("2.1.", "-"), and its depth for dotted numbers."""

    kind: MarkerKind
    text: str
    depth: int = 1


def read_marker(line: str) -> Marker:
    """Return the marker that opens a line; kind "para" when the line opens with plain text."""
    stripped = line.lstrip()
    for kind, pattern in _PATTERNS:
        match = pattern.match(stripped)
        if not match:
            continue
        text = match.group(0).strip()
        if kind == "roman":
            numeral = _ROMAN.match(text)
            if not numeral or not _ROMAN_VALID.fullmatch(numeral.group(0)):
                continue
        depth = text.rstrip(".").count(".") + 1 if kind == "arabic" else 1
        return Marker(kind, text, depth)
    return Marker("para", "", 1)


def numbering(marker: Marker) -> tuple[int, ...] | None:
    """Return the numbers of a Roman or Arabic marker ("2.6." -> (2, 6), "III." -> (3,)); None for others."""
    if marker.kind == "arabic":
        return tuple(int(part) for part in marker.text.rstrip(".").split("."))
    if marker.kind == "roman":
        numeral = _ROMAN.match(marker.text)
        return (_roman_value(numeral.group(0)),) if numeral else None
    return None


def _roman_value(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for here, after in zip(numeral, [*numeral[1:], ""], strict=True):
        value = values[here]
        total += -value if after and values[after] > value else value
    return total


def follows_on(marker: Marker, seen: Collection[tuple[MarkerKind, tuple[int, ...]]]) -> bool:
    """Return whether a numbered marker can be the next one of its list, given the markers seen before.

    "2.7." follows "2.6.", "III." follows "II."; a first number ("1.", "I.", "2.1.") can always open a
    list. "12." after "1." - "3." cannot: in "… trước tháng" / "12. Các sở …" the "12." is a date
    wrapped to the line start. Markers without numbers ("-", "a)") always can.
    """
    numbers = numbering(marker)
    if numbers is None or numbers[-1] == 1:
        return True
    return (marker.kind, (*numbers[:-1], numbers[-1] - 1)) in seen


def opens_item(line: str) -> bool:
    """Return whether a line opens with a heading or list marker."""
    return read_marker(line).kind != "para"
