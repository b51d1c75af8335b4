"""Typed values of retrieval and answering: filters → hits → citations → answer."""

from __future__ import annotations

from dataclasses import dataclass, field

from indexer.model import Chunk


@dataclass(frozen=True)
class Filters:
    """Restrict a search; every field None means no restriction."""

    doc_ids: tuple[str, ...] | None = None
    doc_types: tuple[str, ...] | None = None
    issuers: tuple[str, ...] | None = None
    numbers: tuple[str, ...] | None = None
    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None  # ISO date, inclusive


@dataclass(frozen=True)
class DocInfo:
    """Document-level fields stored with every point (the payload), used for citing."""

    doc_id: str
    source: str
    title: str | None
    number: str | None
    doc_type: str | None
    issuer: str | None
    issued_date: str | None


@dataclass(frozen=True)
class Hit:
    """A retrieved passage with its document and score, in rank order."""

    chunk: Chunk
    doc: DocInfo
    score: float


@dataclass(frozen=True)
class Citation:
    """A cited passage and the exact supporting span inside it (offsets in the cleaned document)."""

    doc_id: str
    source: str
    title: str | None
    number: str | None
    section: str
    text: str
    quote: str
    start: int
    end: int
    score: float


@dataclass(frozen=True)
class Answer:
    """The one answer format of the CLI, the API and the evaluation."""

    question: str
    answer: str
    abstained: bool
    citations: tuple[Citation, ...]
    timings_ms: dict[str, float] = field(default_factory=dict)
