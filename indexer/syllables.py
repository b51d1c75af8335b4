"""Vietnamese syllable structure: whether a string is one well-formed syllable, and where a glued pair splits.

A syllable is an optional onset consonant, a vowel nucleus (with its glides) and an optional final
consonant, under at most one tone mark; a syllable closed by c, ch, p or t carries the sắc or nặng tone.
Copies of PDFs lose the space between two syllables ("tổchức", "thựchiện"); `splits` finds the places
where such a token falls into two well-formed syllables.
"""

from __future__ import annotations

import re
import unicodedata

# combining tone marks (huyền, sắc, ngã, hỏi, nặng); the vowel marks ^ ˘ and the horn stay
_TONE_MARKS = {"\u0300": "huyen", "\u0301": "sac", "\u0303": "nga", "\u0309": "hoi", "\u0323": "nang"}

# Onsets, longest first: "ngh", "ng", "gh", "gi", "kh", "ph", "th", "tr", "ch", "nh", "qu", one consonant.
_ONSET = r"(?:ngh|ng|gh|gi|kh|ph|th|tr|ch|nh|qu|[bcdđghklmnprstvx])?"
# Vowel groups that end the syllable (no final consonant may follow): "ai", "ươi", "yêu", …
_OPEN = (
    "oai|oay|oao|oeo|uôi|ươi|ươu|uya|uyu|yêu|iêu|uây|"
    "ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ui|ưi|ưu|ua|ưa"
)
# Vowel groups that need a final consonant: "ă" of "ăn", "iê" of "tiến", "ươ" of "trường", …
_CLOSED = "uyê|iê|yê|uô|ươ|oă|uâ|oo|ă|â"
# Vowel groups that may stand open or closed: "a"/"an", "oa"/"oan", "uy"/"uyn", …
_EITHER = "oa|oe|uê|uy|uơ|a|e|ê|i|o|ô|ơ|u|ư|y"
_FINAL = "ch|nh|ng|[cmnpt]"

# A toneless, lower-case syllable. Groups: onset, then an open group alone, or a closed group with its
# final, or an either group with an optional final. Example: "chưc" (of "chức") -> "ch" + "ư" + "c".
_SYLLABLE = re.compile(
    rf"(?P<onset>{_ONSET})(?:(?P<open>{_OPEN})|(?P<closed>{_CLOSED})(?P<cfinal>{_FINAL})"
    rf"|(?P<either>{_EITHER})(?P<efinal>{_FINAL})?)"
)
# "ch" and "nh" close only front vowels ("ách", "ênh", "ình", "oanh", "uych"); "c" and "ng" never close
# "ê", "i", "y", "uy", "uê" ("ếc", "ing" are not Vietnamese).
_PALATAL_OK = {"a", "ê", "i", "y", "oa", "uê", "uy"}
_VELAR_BAD = {"ê", "i", "y", "uy", "uê"}


def _tone_and_base(syllable: str) -> tuple[list[str], str]:
    """Return the tone marks of a syllable and the syllable without them (lower case, NFC)."""
    decomposed = unicodedata.normalize("NFD", syllable.lower())
    tones = [ch for ch in decomposed if ch in _TONE_MARKS]
    base = "".join(ch for ch in decomposed if ch not in _TONE_MARKS)
    return tones, unicodedata.normalize("NFC", base)


def is_syllable(text: str) -> bool:
    """Return whether a lower-case word is one well-formed Vietnamese syllable ("chức", "nghiêng")."""
    tones, base = _tone_and_base(text)
    if len(tones) > 1:
        return False
    match = _SYLLABLE.fullmatch(base)
    if not match:
        return False
    onset = match.group("onset")
    vowel = match.group("open") or match.group("closed") or match.group("either")
    final = match.group("cfinal") or match.group("efinal") or ""
    if final in ("ch", "nh") and vowel not in _PALATAL_OK:
        return False
    if final in ("c", "ng") and vowel in _VELAR_BAD:
        return False
    if final in ("c", "ch", "p", "t") and [_TONE_MARKS[t] for t in tones] not in (["sac"], ["nang"]):
        return False  # "tổc" cannot be: a stop final takes only sắc or nặng
    if onset in ("k", "gh", "ngh") and vowel[0] not in "iyeê":
        return False  # "k", "gh", "ngh" stand only before i, y, e, ê
    if onset in ("c", "g", "ng") and vowel[0] in "eê":
        return False  # before e, ê the same sounds are written "k", "gh", "ngh"
    return not (onset == "qu" and vowel[0] in "uư")


def splits(token: str) -> list[tuple[str, str]]:
    """Return every way a lower-case token splits into two well-formed syllables, first part first.

    "tổchức" -> [("tổ", "chức")] ("tổc" cannot end in c under the hỏi tone); "thựchiện" ->
    [("thự", "chiện"), ("thực", "hiện")]: structure alone does not tell these apart.
    """
    return [
        (token[:i], token[i:])
        for i in range(1, len(token))
        if is_syllable(token[:i]) and is_syllable(token[i:])
    ]


# A token's word between its punctuation: lead (quotes, brackets), the letters, then trailing
# punctuation and footnote markers. Example: "(thựchiện¹," -> "(", "thựchiện", "¹,".
_WORD_IN_TOKEN = re.compile(r"^(?P<lead>\W*)(?P<word>[^\W\d_]+?)(?P<trail>[\W⁰¹²³⁴⁵⁶⁷⁸⁹]*)$")


def _vietnamese_only(word: str) -> bool:
    """Return whether a word is lower-case letters with a Vietnamese mark and no f, j, w or z."""
    return (
        word.isalpha()
        and word.islower()
        and not any(ch in "fjwz" for ch in word)
        and any(ord(ch) > 127 for ch in word)
    )


def split_glued_syllables(token: str, vocabulary: frozenset[str] = frozenset()) -> str:
    """Return a token with the space put back between two glued syllables: "tổchức" -> "tổ chức".

    Only a lower-case word with a Vietnamese mark that is not one syllable itself is looked at; codes,
    capitals and foreign words ("KH&CN", "GDTrH", "online", "zalo") stay whole. A split is made when
    exactly one split has both halves in `vocabulary` (the words of the same document: "thực" and
    "hiện" stand there on their own, "chiện" does not), or, with no such help, when the structure
    allows only one split and both halves carry a mark ("tổchức"). Otherwise the token stays whole:
    a missed split costs less than a false one.
    """
    match = _WORD_IN_TOKEN.match(token)
    if not match:
        return token
    word = match.group("word")
    if len(word) < 4 or not _vietnamese_only(word) or is_syllable(word):
        return token
    candidates = splits(word)
    attested = [pair for pair in candidates if pair[0] in vocabulary and pair[1] in vocabulary]
    if len(attested) == 1:
        first, second = attested[0]
    elif not attested and len(candidates) == 1 and all(_vietnamese_only(half) for half in candidates[0]):
        first, second = candidates[0]
    else:
        return token
    return f"{match.group('lead')}{first} {second}{match.group('trail')}"
