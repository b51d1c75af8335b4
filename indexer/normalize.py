"""Text normalisation for matching and search; display always keeps the original text.

Vietnamese writes the same open syllable with two tone placements: "hoà"/"hòa",
"khoẻ"/"khỏe", "Tỉnh uỷ"/"Tỉnh ủy". `fold_tones` rewrites both to one form
(tone mark on the first vowel of "oa", "oe", "uy" when the syllable ends there),
so that matching and keyword search treat them as equal.
"""

from __future__ import annotations

import re
import unicodedata

# tone-marked vowel -> (base vowel, combining tone mark), for a, e, y in both cases
_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng

# An open syllable written with the tone on its last vowel, in NFD form:
#   (?<![qQ])  not after "q": in "quý" the "u" belongs to the consonant "qu", the tone stays on "y"
#   ([oOuU])   first vowel of the pair ("o" of "oa"/"oe", "u" of "uy")
#   ([aAeEyY]) second vowel, carrying …
#   ([tones])  … the tone mark
#   (?!\w)     and the syllable ends here ("hoàn" keeps its tone on "a")
# Example: "Tỉnh uỷ" -> "Tỉnh ủy", "hoà" -> "hòa", "khoẻ" -> "khỏe"; "quý", "hoàn" unchanged.
_OLD_STYLE = re.compile(rf"(?<![qQ])([oOuU])([aAeEyY])([{_TONES}])(?!\w)")


def nfc(text: str) -> str:
    """Return the text in Unicode NFC."""
    return unicodedata.normalize("NFC", text)


def fold_tones(text: str) -> str:
    """Return NFC text with old-style tone placement moved to the first vowel of oa/oe/uy."""
    decomposed = unicodedata.normalize("NFD", text)
    # the pair must be a valid oa/oe/uy; "ua", "oy" and the like are left alone
    def move(match: re.Match[str]) -> str:
        first, second, tone = match.groups()
        if (first.lower(), second.lower()) not in {("o", "a"), ("o", "e"), ("u", "y")}:
            return match.group(0)
        return first + tone + second

    return unicodedata.normalize("NFC", _OLD_STYLE.sub(move, decomposed))


def match_key(text: str) -> str:
    """Return the form used to compare texts: tone-folded, lower case, whitespace collapsed."""
    return " ".join(fold_tones(text).lower().split())
