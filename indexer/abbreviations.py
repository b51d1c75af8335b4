"""Abbreviations of Vietnamese administrative writing, so "UBND tỉnh" and "Ủy ban nhân dân tỉnh" match.

Directives and the people asking about them switch freely between the abbreviation and the full
name ("HĐND tỉnh" / "Hội đồng nhân dân tỉnh", "KH&CN" / "khoa học và công nghệ"). The keyword side
adds the other spelling of every one it finds, on both the passage and the question, so either way
of writing meets the other. The table holds the abbreviations of the genre (state and Party bodies,
document types, recurring fields of work), not words of any one document.
"""

from __future__ import annotations

import re
from functools import cache

from indexer.normalize import match_key

# abbreviation spellings (as written, case-sensitive) -> the full name they stand for
ABBREVIATIONS: dict[tuple[str, ...], str] = {
    ("UBND",): "ủy ban nhân dân",
    ("HĐND",): "hội đồng nhân dân",
    ("UBMTTQ", "UB MTTQ"): "ủy ban mặt trận tổ quốc",
    ("MTTQ",): "mặt trận tổ quốc",
    ("BCH",): "ban chấp hành",
    ("BTV",): "ban thường vụ",
    ("BCĐ",): "ban chỉ đạo",
    ("BCS",): "ban cán sự",
    ("BCT",): "bộ chính trị",
    ("BBT",): "ban bí thư",
    ("TW", "TƯ"): "trung ương",
    ("QH",): "quốc hội",
    ("ĐBQH",): "đại biểu quốc hội",
    ("CP",): "chính phủ",
    ("TTg",): "thủ tướng",
    ("NQ",): "nghị quyết",
    ("QĐ",): "quyết định",
    ("CTr",): "chương trình",
    ("KHCN", "KH&CN", "KH-CN"): "khoa học và công nghệ",
    ("ĐMST",): "đổi mới sáng tạo",
    ("CĐS",): "chuyển đổi số",
    ("CNTT",): "công nghệ thông tin",
    ("GDĐT", "GD&ĐT", "GD-ĐT"): "giáo dục và đào tạo",
    ("KTXH", "KT-XH"): "kinh tế - xã hội",
    ("QPAN", "QP-AN", "QP&AN"): "quốc phòng - an ninh",
    ("ANTT",): "an ninh trật tự",
    ("TTATXH",): "trật tự an toàn xã hội",
    ("TCCS",): "tổ chức cơ sở",
    ("CBCCVC",): "cán bộ, công chức, viên chức",
    ("DTTS",): "dân tộc thiểu số",
    ("THPT",): "trung học phổ thông",
    ("THCS",): "trung học cơ sở",
    ("BHXH",): "bảo hiểm xã hội",
    ("BHYT",): "bảo hiểm y tế",
    ("NTM",): "nông thôn mới",
    ("SXKD",): "sản xuất kinh doanh",
    ("PCCC",): "phòng cháy, chữa cháy",
    ("ATGT",): "an toàn giao thông",
    ("DN",): "doanh nghiệp",
    ("HTX",): "hợp tác xã",
    ("UBKT",): "ủy ban kiểm tra",
    ("NN&MT", "NNMT", "NN-MT"): "nông nghiệp và môi trường",
    ("NN&PTNT", "NNPTNT", "NN-PTNT"): "nông nghiệp và phát triển nông thôn",
    ("TN&MT", "TNMT", "TN-MT"): "tài nguyên và môi trường",
    ("KH&ĐT", "KHĐT", "KH-ĐT"): "kế hoạch và đầu tư",
    ("TT&TT", "TTTT", "TT-TT"): "thông tin và truyền thông",
    ("VH,TT&DL", "VHTTDL", "VH-TT-DL"): "văn hóa, thể thao và du lịch",
    ("LĐ-TB&XH", "LĐTBXH", "LĐTB&XH"): "lao động - thương binh và xã hội",
    ("GTVT",): "giao thông vận tải",
    ("BCHQS",): "bộ chỉ huy quân sự",
    ("LHPN",): "liên hiệp phụ nữ",
    ("CTMTQG",): "chương trình mục tiêu quốc gia",
    ("MTQG",): "mục tiêu quốc gia",
    ("PBGDPL",): "phổ biến, giáo dục pháp luật",
    ("CCHC",): "cải cách hành chính",
    ("TTHC",): "thủ tục hành chính",
    ("NSNN",): "ngân sách nhà nước",
    ("ĐVHC",): "đơn vị hành chính",
    ("GPMB",): "giải phóng mặt bằng",
    ("NOXH",): "nhà ở xã hội",
}


@cache
def _abbreviation_patterns() -> list[tuple[re.Pattern[str], str]]:
    """Return (pattern of an abbreviation standing alone, its full name) pairs.

    (?<![\\w&/-])  not inside a longer word or code: "07-CT/TU" keeps its "TU", "NQ/TW" its "TW"
    (?![\\w&/-])   nor followed by more of one
    """
    found = []
    for spellings, full in ABBREVIATIONS.items():
        alternatives = "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
        found.append((re.compile(rf"(?<![\w&/-])(?:{alternatives})(?![\w&/-])"), full))
    return found


@cache
def _full_name_patterns() -> list[tuple[re.Pattern[str], str]]:
    """Return (pattern of a full name in match form, its first abbreviation) pairs."""
    found = []
    for spellings, full in ABBREVIATIONS.items():
        words = r"[\s,\-–]+".join(re.escape(w) for w in re.findall(r"\w+", match_key(full)))
        found.append((re.compile(rf"(?<!\w){words}(?!\w)"), spellings[0]))
    return found


def other_spellings(text: str) -> list[str]:
    """Return the full names of the abbreviations in a text and the abbreviations of its full names.

    "UBND tỉnh phối hợp với Hội đồng nhân dân tỉnh" gives ["ủy ban nhân dân", "HĐND"].
    """
    extra = [full for pattern, full in _abbreviation_patterns() if pattern.search(text)]
    key = match_key(text)
    extra += [short for pattern, short in _full_name_patterns() if pattern.search(key)]
    return extra


def expand_abbreviations(text: str) -> str:
    """Return the text with the abbreviations of the genre written out: "UBND" -> "ủy ban nhân dân"."""
    for pattern, full in _abbreviation_patterns():
        text = pattern.sub(full, text)
    return text
