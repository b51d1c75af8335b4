"""The keyword side of search: Vietnamese words as a sparse vector for Qdrant's IDF-weighted scoring.

Words come from pyvi's word segmentation ("Ban Thường vụ" -> "Ban Thường_vụ") after tone folding,
lower-cased, with punctuation and a light list of function and question words dropped. A compound
word also contributes its syllables, so a query segmented differently from the passage still
matches. In a question, abbreviations of the genre and their full names ("UBND" / "Ủy ban nhân
dân") each add the other spelling (`indexer.abbreviations`), so either way of writing finds the
other. Each word becomes a stable 32-bit hash id; the document side carries BM25-style saturated
term frequencies and the query side ones. Qdrant's IDF modifier supplies the inverse document
frequency, so the score is BM25-like without a hand-written index.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass

from indexer.abbreviations import other_spellings
from indexer.normalize import fold_tones

# BM25 term-frequency saturation (Robertson's k1, b) with a fixed expected passage length in words,
# the way Qdrant's own Bm25 model does it; IDF is applied by Qdrant at query time.
K1 = 1.2
B = 0.75
AVERAGE_LENGTH = 120.0

# Words that carry no topic: function words and question words (match form: folded, lower case,
# syllables joined by "_" as pyvi joins them). Kept light: "không", "phải", "có thể" stay.
STOPWORDS = frozenset(
    (
        "và", "của", "các", "những", "là", "thì", "mà", "với", "cho", "để", "trong", "theo", "về",
        "từ", "tại", "một", "đã", "sẽ", "đang", "được", "bị", "này", "đó", "hoặc", "nhưng", "vì",
        "nên", "cũng", "như", "có", "rằng", "thế", "ấy",
        # question words
        "nào", "gì", "ai", "đâu", "sao", "bao_nhiêu", "bao_giờ", "khi_nào", "thế_nào", "như_thế_nào",
        "vì_sao", "tại_sao", "hãy", "cho_biết", "hỏi", "ạ", "nhỉ", "vậy",
    )
)

# A code written with "-", "/" or "." between its parts, kept as one extra keyword beside its pieces:
#   \w+            first part: digits or letters, "07"
#   (?:[-/.]\w+)+  one or more "-CT", "/TU", ".1" parts
# Example: "Chỉ thị số 07-CT/TU ngày 14/01/2026" yields "07-ct/tu" and "14/01/2026".
_CODE = re.compile(r"\w+(?:[-/.]\w+)+")

_HAS_WORD_CHAR = re.compile(r"[^\W_]")


@dataclass(frozen=True)
class KeywordVector:
    """A sparse vector: hashed word ids (sorted, unique) and their weights."""

    indices: tuple[int, ...]
    values: tuple[float, ...]

    def __bool__(self) -> bool:
        return bool(self.indices)


def _segment(text: str) -> str:
    from pyvi import ViTokenizer  # loads its CRF model (about 2 s) on first use

    return str(ViTokenizer.tokenize(text))


def keyword_tokens(text: str, expand: bool = False) -> list[str]:
    """Return the keywords of a text in order: segmented words, their syllables, and codes.

    `expand`: the other spellings of its abbreviations and full names come last, as if written after
    the text (done to questions, so a passage is found whichever way it writes a name).
    """
    extra = other_spellings(text) if expand else []
    folded = fold_tones(" . ".join([text, *extra]) if extra else text)
    tokens: list[str] = [code.lower() for code in _CODE.findall(folded)]
    for word in _segment(folded).split():
        word = word.lower().strip("_")
        if not _HAS_WORD_CHAR.search(word) or word in STOPWORDS:
            continue
        tokens.append(word)
        if "_" in word:
            tokens.extend(s for s in word.split("_") if s and s not in STOPWORDS)
    return tokens


def token_id(token: str) -> int:
    """Return the stable 32-bit id of a keyword (CRC-32, the same in every process and version)."""
    return zlib.crc32(token.encode("utf-8"))


def _vector(weights: dict[int, float]) -> KeywordVector:
    ordered = sorted(weights.items())
    return KeywordVector(tuple(i for i, _ in ordered), tuple(w for _, w in ordered))


def document_vector(text: str) -> KeywordVector:
    """Return the passage's sparse vector: BM25-saturated term frequencies by hashed keyword."""
    tokens = keyword_tokens(text)
    norm = K1 * (1.0 - B + B * len(tokens) / AVERAGE_LENGTH)
    weights: dict[int, float] = {}
    for token, tf in Counter(tokens).items():
        index = token_id(token)
        weights[index] = weights.get(index, 0.0) + tf * (K1 + 1.0) / (tf + norm)
    return _vector(weights)


def query_vector(text: str) -> KeywordVector:
    """Return the query's sparse vector: weight 1 for each distinct keyword."""
    return _vector({token_id(token): 1.0 for token in keyword_tokens(text, expand=True)})
