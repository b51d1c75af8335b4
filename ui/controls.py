"""Values behind the chat's controls: filter choices, typed filters from them, example questions.

Pure functions over the indexed documents' records; the Gradio wiring lives in `ui.app`.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.errors import BadInput
from assistant.model import Filters
from indexer.model import DocumentRecord

# a date as staff type it: "31/12/2025", "31-12-2025", "31.12.2025" (day first) or ISO "2025-12-31"
#   (\d{1,2})[/.-](\d{1,2})[/.-](\d{4})   day, month, four-digit year, separated by / . or -
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
#   (\d{4})-(\d{1,2})-(\d{1,2})            year, month, day
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_date(text: str | None, label: str) -> str | None:
    """Return a typed date as ISO "yyyy-mm-dd" (None when empty); raise BadInput if it is not a date."""
    value = (text or "").strip()
    if not value:
        return None
    if match := _DAY_FIRST.match(value):
        day, month, year = (int(g) for g in match.groups())
    elif match := _ISO.match(value):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise BadInput(f"{label} “{value}” không đúng dạng ngày/tháng/năm, ví dụ 31/12/2025.")
    try:
        return date(year, month, day).isoformat()
    except ValueError as error:
        raise BadInput(f"{label} “{value}” không phải là ngày có thật.") from error


def build_filters(doc_ids: list[str] | None, doc_types: list[str] | None, issuers: list[str] | None,
                  date_from: str | None, date_to: str | None) -> Filters | None:
    """Return the filters chosen in the side panel, or None when nothing restricts the search."""
    start = parse_date(date_from, "Từ ngày")
    end = parse_date(date_to, "Đến ngày")
    if start and end and start > end:
        raise BadInput("“Từ ngày” đang sau “Đến ngày”.")
    filters = Filters(doc_ids=tuple(doc_ids) if doc_ids else None,
                      doc_types=tuple(doc_types) if doc_types else None,
                      issuers=tuple(issuers) if issuers else None,
                      date_from=start, date_to=end)
    return None if filters == Filters() else filters


def _short(text: str, limit: int) -> str:
    """Return text cut to `limit` characters on a word boundary, with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def document_label(record: DocumentRecord) -> str:
    """Return how a document is named in a picker: "số hiệu — trích yếu", or the file name."""
    meta = record.metadata
    parts = [p for p in (meta.number, _short(meta.title, 70) if meta.title else None) if p]
    return " — ".join(parts) or record.source


def document_choices(records: list[DocumentRecord]) -> list[tuple[str, str]]:
    """Return (label, doc_id) pairs for the documents picker, sorted by label."""
    return sorted(((document_label(r), r.doc_id) for r in records), key=lambda pair: pair[0].lower())


def distinct(values: list[str | None]) -> list[str]:
    """Return the distinct non-empty values, sorted, for the type and issuer pickers."""
    return sorted({v for v in values if v}, key=str.lower)


def _doc_type_word(doc_type: str | None) -> str:
    """Return the document type as it reads inside a sentence ("KẾ HOẠCH" -> "Kế hoạch")."""
    return doc_type.capitalize() if doc_type else "Văn bản"


# questions every directive answers, whatever its province or year
GENERAL_QUESTIONS = (
    "Cơ quan nào chủ trì tổ chức thực hiện?",
    "Thời hạn báo cáo kết quả thực hiện là khi nào?",
    "Văn bản giao những nhiệm vụ trọng tâm nào?",
)


def example_questions(records: list[DocumentRecord], limit: int = 4) -> list[str]:
    """Return questions to click on an empty chat, written from the indexed documents' own metadata."""
    questions: list[str] = []
    with_number = [r for r in records if r.metadata.number]
    templates = (
        lambda kind, number: f"{kind} {number} về vấn đề gì?",
        lambda kind, number: f"Ai ký {kind.lower()} {number}?",
        lambda kind, number: f"{kind} {number} được ban hành ngày nào?",
    )
    for n, record in enumerate(with_number[:limit]):
        meta = record.metadata
        template = templates[n % len(templates)]
        questions.append(template(_doc_type_word(meta.doc_type), meta.number or ""))
    if records:  # documents without a số hiệu still get the questions staff ask of any directive
        questions += GENERAL_QUESTIONS[: max(0, limit - len(questions))]
    return questions
