"""Hand-built passages and documents for unit tests of answering (no store, no model)."""

from __future__ import annotations

from assistant.model import DocInfo, Hit
from indexer.model import Chunk, DocumentMetadata, DocumentRecord


def document(text: str, doc_id: str = "kh-01", metadata: DocumentMetadata | None = None) -> DocumentRecord:
    """Return a registry record holding the whole document text."""
    return DocumentRecord(doc_id, f"{doc_id}.txt", "0" * 64, metadata or DocumentMetadata(), text, 1, "")


def hit(record: DocumentRecord, passage: str, section: str = "", score: float = 1.0, index: int = 0) -> Hit:
    """Return a hit for a passage that occurs in the record's text (offsets are real)."""
    start = record.text.index(passage)
    meta = record.metadata
    chunk = Chunk(record.doc_id, index, section, passage, start, start + len(passage))
    info = DocInfo(record.doc_id, record.source, meta.title, meta.number, meta.doc_type, meta.issuer,
                   meta.issued_date)
    return Hit(chunk, info, score)


def article_hits(record: DocumentRecord) -> list[Hit]:
    """Return one hit per "Điều …" paragraph of the record's text, in order, scores falling."""
    articles = [p for p in record.text.split("\n\n") if p.startswith("Điều")]
    return [hit(record, article.strip("\n"), article[:7], score=1.0 - i / 100, index=i)
            for i, article in enumerate(articles)]


def answer_text(question: str, hits: list[Hit], record: DocumentRecord) -> str:
    """Return the extracted answer to a question over the hits of one record (failing when none)."""
    from assistant.extract import extract_answer
    from assistant.question import analyse_question

    found = extract_answer(analyse_question(question), hits, lambda _: record)
    assert found is not None, question
    return found.answer


def answer_over(text: str, section: str, question: str) -> str:
    """Return the answer to a question over one passage, the whole of a one-passage document."""
    record = document(text if text.endswith("\n") else text + "\n", doc_id="kh-one")
    return answer_text(question, [hit(record, text.strip(), section)], record)


class Library:
    """Records and ranked hits answering the PassageSource protocol: search returns the given hits."""

    def __init__(self, records: list[DocumentRecord], hits: list[Hit]) -> None:
        self.records = {r.doc_id: r for r in records}
        self.hits = hits
        self.queries: list[str] = []

    def search(self, query: str, *, filters=None, mode=None, top_k=None) -> list[Hit]:  # type: ignore[no-untyped-def]
        self.queries.append(query)
        return self.hits[: top_k or 5]

    def get_document(self, doc_id: str) -> DocumentRecord:
        from assistant.errors import NotFound

        if doc_id not in self.records:
            raise NotFound(doc_id)
        return self.records[doc_id]
