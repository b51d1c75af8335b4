"""Thumbs-down answers from the web chat, written as gold-set candidates for evaluators to confirm.

Each candidate has the gold fields (`id`, `question`, `answers`, `evidence`, `doc`, `type`) with
`answers` and `evidence` left empty: an evaluator fills them in from the document (or, if the
documents do not answer, sets type "none" and doc null) before adding the line to a gold file.
The extra `feedback` field carries what the assistant said and the user's comment; gold readers
ignore it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from assistant.question import QuestionKind, analyse_question
from ui.feedback import FeedbackRow, FeedbackStore

# question kinds of the answerer -> the gold `type` an evaluator most likely confirms
_GOLD_TYPE = {
    QuestionKind.WHO: "who", QuestionKind.SIGNER: "who", QuestionKind.ISSUER: "who",
    QuestionKind.WHEN: "when", QuestionKind.ISSUE_DATE: "when",
    QuestionKind.NUMBER: "number",
    QuestionKind.DOC: "doc", QuestionKind.DOC_NUMBER: "doc",
    QuestionKind.LIST: "list",
    QuestionKind.WHAT: "what", QuestionKind.FREE: "what",
}


def gold_candidate(row: FeedbackRow) -> dict[str, object]:
    """Return the gold-format candidate of one thumbs-down row (answers and evidence to be filled in)."""
    first_source = next((str(c.get("source")) for c in row.citations if c.get("source")), None)
    return {
        "id": f"feedback-{row.id}",
        "question": row.question,
        "answers": [],
        "evidence": [],
        "doc": first_source,
        "type": _GOLD_TYPE.get(analyse_question(row.question).kind, "what"),
        "feedback": {
            "assistant_answer": row.answer,
            "abstained": row.abstained,
            "comment": row.comment,
            "created_at": row.created_at,
            "cited": [
                {"source": c.get("source"), "section": c.get("section"), "quote": c.get("quote")}
                for c in row.citations
            ],
        },
    }


def export_thumbs_down(store: FeedbackStore, out: TextIO) -> int:
    """Write one JSON line per thumbs-down answer to `out`; return how many were written."""
    rows = store.rows("down")
    for row in rows:
        out.write(json.dumps(gold_candidate(row), ensure_ascii=False) + "\n")
    return len(rows)


def export_to_file(store: FeedbackStore, path: Path) -> int:
    """Write the thumbs-down candidates to a JSON Lines file (replacing it); return how many."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        return export_thumbs_down(store, out)
