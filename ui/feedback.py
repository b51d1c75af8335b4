"""Thumbs up/down and comments on answers, kept durably in a database (SQLite by default).

Written with SQLAlchemy Core, so the same code runs on any database URL SQLAlchemy knows:
"sqlite:///data/feedback.sqlite3" by default, "postgresql+psycopg://…" once that driver is installed.
One row per answer: a second vote or a comment on the same answer updates its row.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    select,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from assistant.errors import BadInput, NotReady
from assistant.model import Answer

Rating = Literal["up", "down"]

_metadata = MetaData()
feedback_table = Table(
    "feedback",
    _metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("answer_id", String(64), nullable=False, unique=True),  # one row per answer shown
    Column("rating", String(8), nullable=False),  # "up" | "down"
    Column("comment", Text, nullable=False, default=""),
    Column("question", Text, nullable=False),
    Column("answer", Text, nullable=False),
    Column("abstained", Boolean, nullable=False),
    Column("citations", Text, nullable=False),  # JSON list of the cited passages, as in the API
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)


@dataclass(frozen=True)
class FeedbackRow:
    """One stored judgement of an answer."""

    id: int
    answer_id: str
    rating: Rating
    comment: str
    question: str
    answer: str
    abstained: bool
    citations: tuple[dict[str, object], ...]
    created_at: str  # ISO timestamp (UTC)


def open_engine(url: str) -> Engine:
    """Return an engine for a database URL (creating the SQLite folder); raise a DQAError if unusable."""
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise BadInput(f"feedback database URL is not valid: {url!r}") from error
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    try:
        return create_engine(parsed)
    except (NoSuchModuleError, ModuleNotFoundError) as error:
        raise NotReady(f"no database driver installed for {parsed.drivername!r} ({error})") from error


class FeedbackStore:
    """Records and reads feedback rows; the table is created on first use."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        """The database engine, connected and with the table created on first use."""
        if self._engine is None:
            engine = open_engine(self.url)
            try:
                _metadata.create_all(engine)
            except SQLAlchemyError as error:
                raise NotReady(f"cannot open the feedback database: {error}") from error
            self._engine = engine
        return self._engine

    def record(self, answer_id: str, answer: Answer, rating: Rating, comment: str | None = None) -> int:
        """Store (or update) the judgement of one answer and return its row id.

        `comment=None` keeps a comment given earlier; a vote given later replaces the earlier vote.
        """
        if rating not in ("up", "down"):
            raise BadInput(f"rating must be 'up' or 'down', not {rating!r}")
        now = datetime.now(UTC)
        citations = json.dumps([asdict(c) for c in answer.citations], ensure_ascii=False)
        table = feedback_table
        with self.engine.begin() as connection:
            existing = connection.execute(
                select(table.c.id).where(table.c.answer_id == answer_id)).scalar_one_or_none()
            if existing is not None:
                values: dict[str, object] = {"rating": rating, "updated_at": now}
                if comment is not None:
                    values["comment"] = comment.strip()
                connection.execute(table.update().where(table.c.id == existing).values(**values))
                return int(existing)
            result = connection.execute(table.insert().values(
                answer_id=answer_id, rating=rating, comment=(comment or "").strip(),
                question=answer.question, answer=answer.answer, abstained=answer.abstained,
                citations=citations, created_at=now, updated_at=now))
            return int(result.inserted_primary_key[0])  # type: ignore[index]

    def add_comment(self, answer_id: str, comment: str) -> bool:
        """Set the comment of an answer already rated; return False when it has no row yet."""
        table = feedback_table
        with self.engine.begin() as connection:
            result = connection.execute(table.update().where(table.c.answer_id == answer_id).values(
                comment=comment.strip(), updated_at=datetime.now(UTC)))
            return bool(result.rowcount)

    def rows(self, rating: Rating | None = None) -> list[FeedbackRow]:
        """Return the stored rows, oldest first, optionally only those with one rating."""
        table = feedback_table
        query = select(table).order_by(table.c.id)
        if rating is not None:
            query = query.where(table.c.rating == rating)
        with self.engine.connect() as connection:
            return [
                FeedbackRow(id=row.id, answer_id=row.answer_id, rating=row.rating, comment=row.comment,
                            question=row.question, answer=row.answer, abstained=bool(row.abstained),
                            citations=tuple(json.loads(row.citations)),
                            created_at=_iso(row.created_at))
                for row in connection.execute(query)
            ]

    def close(self) -> None:
        """Release the database connections."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


def _iso(moment: datetime) -> str:
    """Return a timestamp as ISO text in UTC (SQLite gives it back without a zone)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat(timespec="seconds")
