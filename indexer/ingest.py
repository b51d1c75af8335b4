"""PLACEHOLDER (to be replaced by the ingestion work): file -> Document.

Contract kept by the real implementation:
    ingest_file(path, count_tokens, max_tokens) -> Document
    ingest_bytes(name, data, count_tokens, max_tokens) -> Document
    doc_id_for(source) -> str
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

from indexer.model import Chunk, Document, DocumentMetadata
from indexer.normalize import nfc


def doc_id_for(source: str) -> str:
    """Return a stable document id derived from the file name."""
    stem = Path(source).stem
    return re.sub(r"[^0-9A-Za-z_.-]+", "-", stem).strip("-") or hashlib.sha1(source.encode()).hexdigest()[:12]


def ingest_bytes(name: str, data: bytes, count_tokens: Callable[[str], int], max_tokens: int) -> Document:
    """Return the document parsed from raw bytes (placeholder: paragraphs as chunks)."""
    text = nfc(data.decode("utf-8-sig"))
    doc_id = doc_id_for(name)
    chunks = []
    for match in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text):
        chunks.append(Chunk(doc_id, len(chunks), "", match.group(0), match.start(), match.end()))
    return Document(doc_id, Path(name).name, hashlib.sha256(data).hexdigest(), text,
                    DocumentMetadata(), tuple(chunks))


def ingest_file(path: Path, count_tokens: Callable[[str], int], max_tokens: int) -> Document:
    """Return the document parsed from a file."""
    return ingest_bytes(path.name, path.read_bytes(), count_tokens, max_tokens)
