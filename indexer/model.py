"""Typed values passed between the ingestion stages: load → clean → metadata → sections → chunks."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class LoadedText:
    """Raw text of one file as read from disk, before cleaning."""

    source: str  # file name, e.g. "000_d4e1942f8233c084.txt"; citations and the gold set use it
    text: str
    file_format: str  # "txt", "md", "docx", "pdf"


@dataclass(frozen=True)
class Footnote:
    """A footnote moved out of the running text; `marker` is "1", "2", … or "*"."""

    marker: str
    text: str


@dataclass(frozen=True)
class DocumentMetadata:
    """What the document says about itself; a field the text does not give is None."""

    doc_type: str | None = None  # "KẾ HOẠCH", "HƯỚNG DẪN", "THÔNG BÁO", "QUYẾT ĐỊNH", …
    number: str | None = None  # số hiệu, e.g. "12-HD/BTGDVTU"
    issuer: str | None = None  # issuing body, e.g. "Ban Tuyên giáo và Dân vận Tỉnh ủy Cao Bằng"
    place: str | None = None  # place of issue, e.g. "Cao Bằng"
    issued_date: str | None = None  # ISO date "2025-12-31"
    title: str | None = None  # trích yếu
    signer_name: str | None = None
    signer_position: str | None = None  # e.g. "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    recipients: tuple[str, ...] = ()  # Nơi nhận


@dataclass(frozen=True)
class Chunk:
    """One passage: never crosses a section boundary; text == document text[start:end]."""

    doc_id: str
    index: int  # position within the document
    section: str  # heading path, "II. NHIỆM VỤ > 2. … > 2.2. …"; "" for text before the first heading
    text: str
    start: int
    end: int
    footnotes: tuple[Footnote, ...] = ()  # footnotes referenced from this passage


@dataclass(frozen=True)
class Document:
    """A cleaned, parsed document ready to embed and store."""

    doc_id: str  # stable id derived from the file name
    source: str  # file name
    content_hash: str  # sha256 of the raw file bytes
    text: str  # cleaned text; chunk offsets point into it
    metadata: DocumentMetadata
    chunks: tuple[Chunk, ...]
    footnotes: tuple[Footnote, ...] = field(default=())


@dataclass(frozen=True)
class DocumentRecord:
    """What the store keeps about one indexed document (the registry entry)."""

    doc_id: str
    source: str
    content_hash: str
    metadata: DocumentMetadata
    text: str  # cleaned text, for showing the whole document with a span highlighted
    n_chunks: int
    indexed_at: str  # ISO timestamp


@dataclass(frozen=True)
class IndexReport:
    """Summary of one indexing run."""

    added: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    failed: tuple[tuple[str, str], ...] = ()  # (file, reason)
    chunks: int = 0
    seconds: float = 0.0
