"""One file -> a `Document`: load → clean → metadata → sections → chunks, as plain calls.

Footnotes taken out of the running text are appended after the body, one passage each under the
section "Chú thích <n>", and every passage that references one (¹, [2]) carries it as metadata.
The header (issuing body, số hiệu, place and date, type and trích yếu) and the closing block (Nơi
nhận, signer) are passages too, under their own section names, so a question about who signed or
which number a document has finds the very lines that say it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from indexer.chunking import chunk_sections, split_passage
from indexer.cleaning import clean
from indexer.loaders import load_bytes
from indexer.metadata import extract_metadata, find_layout
from indexer.model import Chunk, Document, Footnote
from indexer.sections import parse_sections

FOOTNOTE_SECTION = "Chú thích"
HEADER_SECTION = "Phần đầu văn bản (cơ quan ban hành, số hiệu, ngày, trích yếu)"
CLOSING_SECTION = "Phần cuối văn bản (nơi nhận, người ký)"
FRAME_SECTIONS = frozenset({HEADER_SECTION, CLOSING_SECTION})  # the passages around the body

# a footnote reference in running text: superscript digits ("tham dự¹,") or a bracketed number ("[2]")
_REFERENCE = re.compile(r"([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|\[(\d{1,3})\]")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def doc_id_for(source: str) -> str:
    """Return a stable document id derived from the file name."""
    stem = Path(source).stem
    return re.sub(r"[^0-9A-Za-z_.-]+", "-", stem).strip("-") or hashlib.sha1(source.encode()).hexdigest()[:12]


def ingest_file(path: Path, count_tokens: Callable[[str], int], max_tokens: int) -> Document:
    """Return the document parsed from a file."""
    return ingest_bytes(path.name, path.read_bytes(), count_tokens, max_tokens)


def ingest_bytes(name: str, data: bytes, count_tokens: Callable[[str], int], max_tokens: int) -> Document:
    """Return the document parsed from raw bytes; `UnsupportedFile` when it cannot be read."""
    loaded = load_bytes(name, data)
    cleaned = clean(loaded.text)
    layout = find_layout(cleaned.text)
    metadata = extract_metadata(cleaned.text, layout)
    text, note_spans = _with_footnotes(cleaned.text, cleaned.footnotes)
    passages = split_passage(text, *layout.header, HEADER_SECTION, count_tokens, max_tokens)
    passages += chunk_sections(text, parse_sections(text, layout.body), count_tokens, max_tokens)
    if layout.closing is not None:
        passages += split_passage(text, *layout.closing, CLOSING_SECTION, count_tokens, max_tokens)
    passages.sort(key=lambda p: p.start)
    for note, (start, end) in zip(cleaned.footnotes, note_spans, strict=True):
        passages += split_passage(
            text, start, end, f"{FOOTNOTE_SECTION} {note.marker}", count_tokens, max_tokens
        )
    doc_id = doc_id_for(name)
    chunks = tuple(
        Chunk(
            doc_id,
            index,
            p.section,
            text[p.start : p.end],
            p.start,
            p.end,
            _referenced(text[p.start : p.end], cleaned.footnotes)
            if not p.section.startswith(FOOTNOTE_SECTION)
            else (),
        )
        for index, p in enumerate(passages)
    )
    return Document(
        doc_id=doc_id,
        source=loaded.source,
        content_hash=hashlib.sha256(data).hexdigest(),
        text=text,
        metadata=metadata,
        chunks=chunks,
        footnotes=cleaned.footnotes,
    )


def _with_footnotes(text: str, footnotes: Sequence[Footnote]) -> tuple[str, list[tuple[int, int]]]:
    """Return the text with each footnote appended on its own line(s), and the footnotes' spans."""
    spans: list[tuple[int, int]] = []
    for note in footnotes:
        text += "\n"
        spans.append((len(text), len(text) + len(note.text)))
        text += note.text
    return text, spans


def _referenced(passage: str, footnotes: Sequence[Footnote]) -> tuple[Footnote, ...]:
    """Return the footnotes whose markers the passage carries, in marker order of appearance."""
    by_marker = {note.marker: note for note in footnotes}
    found: list[Footnote] = []
    for match in _REFERENCE.finditer(passage):
        marker = (match.group(1) or "").translate(_SUPERSCRIPTS) or match.group(2)
        note = by_marker.get(marker)
        if note and note not in found:
            found.append(note)
    return tuple(found)
