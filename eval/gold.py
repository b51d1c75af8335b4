"""Gold question/answer pairs: the typed record and reading a JSON Lines gold file."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast, get_args

from assistant.errors import BadInput
from indexer.normalize import match_key

QuestionType = Literal["who", "when", "number", "what", "doc", "list", "none"]
QUESTION_TYPES: tuple[str, ...] = get_args(QuestionType)


@dataclass(frozen=True)
class GoldItem:
    """One gold question: accepted short answers, verbatim evidence spans and the source file.

    An unanswerable question has type "none", no answers, no evidence and no document.
    """

    id: str
    question: str
    answers: tuple[str, ...]
    evidence: tuple[str, ...]
    doc: str | None
    type: QuestionType

    @property
    def answerable(self) -> bool:
        """True when the documents answer the question."""
        return self.type != "none"


def parse_gold_line(line: str, where: str) -> GoldItem:
    """Return the gold item of one JSON line, or raise BadInput naming the line."""
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadInput(f"{where}: not valid JSON ({exc.msg})") from exc
    if not isinstance(raw, dict):
        raise BadInput(f"{where}: expected a JSON object")
    missing = {"id", "question", "answers", "evidence", "doc", "type"} - raw.keys()
    if missing:
        raise BadInput(f"{where}: missing field(s) {', '.join(sorted(missing))}")
    qtype = raw["type"]
    if qtype not in QUESTION_TYPES:
        raise BadInput(f"{where}: type {qtype!r} is not one of {', '.join(QUESTION_TYPES)}")
    for name in ("answers", "evidence"):
        value = raw[name]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise BadInput(f"{where}: {name} must be a list of non-empty strings")
    if not isinstance(raw["question"], str) or not raw["question"].strip():
        raise BadInput(f"{where}: question must be a non-empty string")
    if raw["doc"] is not None and not isinstance(raw["doc"], str):
        raise BadInput(f"{where}: doc must be a file name or null")
    if qtype == "none":
        if raw["answers"] or raw["evidence"] or raw["doc"] is not None:
            raise BadInput(f"{where}: an unanswerable question has no answers, evidence or doc")
    elif not raw["answers"] or not raw["evidence"] or not raw["doc"]:
        raise BadInput(f"{where}: an answerable question needs answers, evidence and doc")
    return GoldItem(
        id=str(raw["id"]),
        question=raw["question"],
        answers=tuple(raw["answers"]),
        evidence=tuple(raw["evidence"]),
        doc=raw["doc"],
        type=cast(QuestionType, qtype),
    )


def load_gold(path: Path) -> list[GoldItem]:
    """Return the gold items of a JSON Lines file; blank lines are skipped, ids must be unique."""
    if not path.is_file():
        raise BadInput(f"gold file not found: {path}")
    items: list[GoldItem] = []
    seen: set[str] = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = parse_gold_line(line, f"{path.name}:{number}")
        if item.id in seen:
            raise BadInput(f"{path.name}:{number}: duplicate id {item.id!r}")
        seen.add(item.id)
        items.append(item)
    if not items:
        raise BadInput(f"gold file is empty: {path}")
    return items


def missing_evidence(items: list[GoldItem], documents: dict[str, str]) -> list[tuple[str, str]]:
    """Return (id, span) for every evidence span not found in its document's text.

    Texts are compared with whitespace collapsed, case ignored and tone placement folded
    (`match_key`), so a span may cross a wrapped PDF line. `documents` maps file name → text.
    """
    keys = {name: match_key(text) for name, text in documents.items()}
    missing = []
    for item in items:
        for span in item.evidence:
            if item.doc not in keys or match_key(span) not in keys[item.doc]:
                missing.append((item.id, span))
    return missing
