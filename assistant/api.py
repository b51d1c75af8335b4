"""The HTTP API for office software: ask, search, manage documents; FastAPI with API keys.

Pydantic models live only here, at the boundary; inside, the typed values of `assistant.model`.
Every DQAError becomes one JSON error `{"error": {"type": …, "message": …}}` with its status code.
"""

from __future__ import annotations

import hmac
import logging
import re
import shutil
import tempfile
import threading
from contextlib import asynccontextmanager
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, File, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant.answer import checked_question
from assistant.errors import BadInput, DQAError, NotFound, NotReady, TooLarge, Unauthorized, UnsupportedFile
from assistant.model import Filters
from assistant.service import Assistant
from assistant.settings import RetrievalMode, Settings
from indexer.loaders import SUPPORTED_SUFFIXES
from indexer.model import DocumentRecord
from indexer.normalize import match_key

log = logging.getLogger(__name__)



# --- request and response models (the boundary) --------------------------------------------------


class FiltersIn(BaseModel):
    """Restrict a search or an answer to some documents; unknown values are refused."""

    model_config = ConfigDict(extra="forbid")

    doc_ids: list[str] | None = None
    doc_types: list[str] | None = None
    issuers: list[str] | None = None
    numbers: list[str] | None = None
    date_from: date | None = None
    date_to: date | None = None


class RetrievalOptions(BaseModel):
    """How many passages, which retrieval mode and which documents; shared by ask and search."""

    model_config = ConfigDict(extra="forbid")

    top_k: int | None = Field(default=None, ge=1, le=50)
    mode: RetrievalMode | None = None
    filters: FiltersIn | None = None


class AskIn(RetrievalOptions):
    """A question to answer."""

    question: str


class SearchIn(RetrievalOptions):
    """A query to search passages for."""

    query: str


class CitationOut(BaseModel):
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


class AnswerOut(BaseModel):
    """The one answer format of the CLI, the API and the evaluation."""

    question: str
    answer: str
    abstained: bool
    citations: list[CitationOut]
    timings_ms: dict[str, float]


class HitOut(BaseModel):
    doc_id: str
    source: str
    title: str | None
    number: str | None
    doc_type: str | None
    issuer: str | None
    issued_date: str | None
    section: str
    text: str
    start: int
    end: int
    score: float


class SearchOut(BaseModel):
    query: str
    hits: list[HitOut]


class DocumentOut(BaseModel):
    doc_id: str
    source: str
    title: str | None
    number: str | None
    doc_type: str | None
    issuer: str | None
    issued_date: str | None
    signer: str | None
    n_chunks: int
    indexed_at: str


class UploadOut(BaseModel):
    doc_id: str
    source: str
    status: str  # "added", "replaced" or "unchanged"
    chunks: int


# --- pure helpers -----------------------------------------------------------------------------------


def document_out(record: DocumentRecord) -> DocumentOut:
    """Return the API view of a document record."""
    meta = record.metadata
    return DocumentOut(doc_id=record.doc_id, source=record.source, title=meta.title, number=meta.number,
                       doc_type=meta.doc_type, issuer=meta.issuer, issued_date=meta.issued_date,
                       signer=meta.signer_name, n_chunks=record.n_chunks, indexed_at=record.indexed_at)


def checked_filters(filters: FiltersIn | None, records: list[DocumentRecord]) -> Filters | None:
    """Return typed filters, or raise BadInput naming a value no indexed document has."""
    if filters is None:
        return None
    # comparable form -> the spelling stored with the documents (what the store filters on)
    def spellings(values: list[str | None]) -> dict[str, str]:
        return {match_key(v): v for v in values if v}

    known: dict[str, dict[str, str]] = {
        "doc_ids": {r.doc_id: r.doc_id for r in records},
        "doc_types": spellings([r.metadata.doc_type for r in records]),
        "issuers": spellings([r.metadata.issuer for r in records]),
        "numbers": spellings([r.metadata.number for r in records]),
    }
    as_tuple: dict[str, tuple[str, ...] | None] = {}
    for name, allowed in known.items():
        values = getattr(filters, name)
        stored = []
        for value in values or []:
            key = value if name == "doc_ids" else match_key(value)
            if key not in allowed:
                raise BadInput(f"Unknown value {value!r} for filter {name}: no indexed document has it.")
            stored.append(allowed[key])
        as_tuple[name] = tuple(stored) if values is not None else None
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        raise BadInput("Filter date_from is after date_to.")
    return Filters(**as_tuple,
                   date_from=filters.date_from.isoformat() if filters.date_from else None,
                   date_to=filters.date_to.isoformat() if filters.date_to else None)


def safe_file_name(name: str | None) -> str:
    """Return the bare file name of an upload (no folders, no "..") or raise BadInput/UnsupportedFile."""
    base = re.split(r"[\\/]", name or "")[-1].strip().lstrip(".")
    base = re.sub(r"[\x00-\x1f]", "", base)
    if not base:
        raise BadInput("The upload has no file name.")
    if Path(base).suffix.lower() not in SUPPORTED_SUFFIXES:
        raise UnsupportedFile(
            f"Unsupported file type {Path(base).suffix or '(none)'!r}: upload .txt, .md, .docx or .pdf.")
    return base


def presented_key(request: Request) -> str | None:
    """Return the API key sent as `X-API-Key` or `Authorization: Bearer …`, if any."""
    key = request.headers.get("x-api-key")
    if key:
        return key.strip()
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def key_is_valid(key: str | None, keys: list[str]) -> bool:
    """Return True when the key equals one configured key, compared in constant time."""
    if not key:
        return False
    matched = False
    for candidate in keys:
        matched |= hmac.compare_digest(key.encode(), candidate.encode())
    return matched


# --- the app ----------------------------------------------------------------------------------------


def create_app(settings: Settings | None = None, assistant: Assistant | None = None) -> FastAPI:
    """Return the FastAPI app serving one assistant (and the web UI at "/" when it is installed)."""
    settings = settings or Settings()
    assistant = assistant or Assistant(settings)
    warmed = threading.Event()
    write_lock = threading.Lock()

    def warm_up() -> None:
        try:
            assistant.warm_up()  # opens the store, loads the model and the word segmenter, embeds once
        except Exception:  # reported by /readyz
            log.exception("could not open the store or load the model")
        finally:
            warmed.set()

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        threading.Thread(target=warm_up, daemon=True).start()
        yield
        assistant.close()

    app = FastAPI(title="Hỏi đáp văn bản chỉ đạo", version="0.1.0", lifespan=lifespan,
                  description="Short answers with exact citations over Vietnamese directive texts.")

    def require_read(request: Request) -> None:
        if settings.api_keys and not key_is_valid(presented_key(request), settings.api_keys):
            raise Unauthorized("Missing or wrong API key (send X-API-Key or Authorization: Bearer).")

    def require_write(request: Request) -> None:
        if not settings.api_keys:
            raise Unauthorized("Writing is disabled: no API keys are configured (set DQA_API_KEYS).")
        if not key_is_valid(presented_key(request), settings.api_keys):
            raise Unauthorized("Missing or wrong API key (send X-API-Key or Authorization: Bearer).")

    read = APIRouter(prefix="/v1", dependencies=[Depends(require_read)])
    write = APIRouter(prefix="/v1", dependencies=[Depends(require_write)])

    @read.post("/ask", response_model=AnswerOut, summary="Answer a question with citations")
    def ask(body: AskIn) -> dict[str, Any]:
        question = checked_question(body.question, settings.max_question_chars)
        filters = checked_filters(body.filters, assistant.list_documents() if body.filters else [])
        answer = assistant.ask(question, filters=filters, top_k=body.top_k, mode=body.mode)
        return asdict(answer)

    @read.post("/search", response_model=SearchOut, summary="Search passages")
    def search(body: SearchIn) -> SearchOut:
        query = checked_question(body.query, settings.max_question_chars)
        filters = checked_filters(body.filters, assistant.list_documents() if body.filters else [])
        hits = assistant.search(query, filters=filters, mode=body.mode, top_k=body.top_k)
        return SearchOut(query=query, hits=[
            HitOut(doc_id=h.doc.doc_id, source=h.doc.source, title=h.doc.title, number=h.doc.number,
                   doc_type=h.doc.doc_type, issuer=h.doc.issuer, issued_date=h.doc.issued_date,
                   section=h.chunk.section, text=h.chunk.text, start=h.chunk.start, end=h.chunk.end,
                   score=float(h.score))
            for h in hits])

    @read.get("/documents", response_model=list[DocumentOut], summary="List indexed documents")
    def documents() -> list[DocumentOut]:
        return [document_out(r) for r in assistant.list_documents()]

    @write.post("/documents", response_model=UploadOut, status_code=201, summary="Upload and index one file")
    def upload(file: Annotated[UploadFile, File(description=".txt, .md, .docx or .pdf")]
               ) -> UploadOut:
        name = safe_file_name(file.filename)
        data = file.file.read(settings.max_upload_bytes + 1)
        if len(data) > settings.max_upload_bytes:
            raise TooLarge(f"The upload is larger than {settings.max_upload_bytes} bytes.")
        if not data.strip():
            raise UnsupportedFile("The file is empty.")
        with write_lock, tempfile.TemporaryDirectory(prefix="dqa-upload-") as folder:
            staged = Path(folder) / name
            staged.write_bytes(data)
            report = assistant.index([staged])
            if report.failed:
                raise UnsupportedFile(f"Cannot read {name}: {report.failed[0][1]}")
            settings.uploads_dir.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(staged, settings.uploads_dir / name)
        status = "added" if report.added else "replaced" if report.replaced else "unchanged"
        doc_id = (report.added or report.replaced or report.unchanged or ("",))[0]
        record = assistant.get_document(doc_id)
        return UploadOut(doc_id=record.doc_id, source=record.source, status=status, chunks=record.n_chunks)

    @write.delete("/documents/{doc_id}", status_code=204, summary="Delete one document")
    def delete(doc_id: str) -> None:
        with write_lock:
            record = assistant.get_document(doc_id)  # NotFound -> 404
            assistant.remove_document(doc_id)
            uploaded = settings.uploads_dir / Path(record.source).name
            if uploaded.is_file():
                uploaded.unlink()

    @app.get("/healthz", summary="The process is up")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", summary="The store and the embedding model are loaded")
    def readyz() -> dict[str, str]:
        if not warmed.is_set():
            raise NotReady("Loading the store and the embedding model…")
        try:
            assistant.store  # noqa: B018
        except Exception as error:
            raise NotReady(f"The store or the model is not available: {error}") from error
        return {"status": "ready"}

    @app.middleware("http")
    async def refuse_oversized_uploads(request: Request, call_next):  # type: ignore[no-untyped-def]
        # refuse before the multipart body is read; the endpoint re-checks the file itself
        declared = request.headers.get("content-length", "")
        if (request.method == "POST" and request.url.path == "/v1/documents" and declared.isdigit()
                and int(declared) > settings.max_upload_bytes + 64 * 1024):
            message = f"The upload is larger than {settings.max_upload_bytes} bytes."
            return _error(413, TooLarge.__name__, message)
        return await call_next(request)

    app.include_router(read)
    app.include_router(write)
    _install_error_handlers(app)

    try:
        from ui.app import mount_ui  # the web chat, when the UI package provides it
    except ImportError:
        return app
    return mount_ui(app, assistant, settings)  # type: ignore[no-any-return]


def _error(status: int, kind: str, message: str) -> JSONResponse:
    """Return the one JSON error shape."""
    return JSONResponse(status_code=status, content={"error": {"type": kind, "message": message}})


def _install_error_handlers(app: FastAPI) -> None:
    """Map the DQAError family, request validation and HTTP errors to JSON errors."""

    @app.exception_handler(DQAError)
    async def dqa_error(_: Request, error: DQAError) -> JSONResponse:
        return _error(error.status_code, type(error).__name__, str(error))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, error: RequestValidationError) -> JSONResponse:
        details = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()) if p != 'body')}: {e.get('msg', '')}"
            for e in error.errors())
        return _error(422, BadInput.__name__, details or "Invalid request.")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, error: StarletteHTTPException) -> JSONResponse:
        kind = NotFound.__name__ if error.status_code == 404 else "HTTPError"
        return _error(error.status_code, kind, str(error.detail))
