"""HTML of the web chat: answers with their sources, the whole-document page, the documents table.

Pure functions from typed values to strings. Everything that comes from a document or a user is
HTML-escaped here, once; only the markup these functions write themselves is trusted. Chat HTML is
written on one line: the chatbot runs Markdown over messages, and a blank line or an indented line
would end the HTML block or turn it into code.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import quote as url_quote

from assistant.errors import BadInput, DQAError, NotFound, NotReady, TooLarge, UnsupportedFile
from assistant.model import Answer, Citation
from indexer.model import DocumentRecord

DOC_ROUTE = "/ui/doc"  # the whole-document page: /ui/doc/{doc_id}?start=&end=
PASSAGE_CONTEXT_CHARS = 260  # characters shown on each side of the quoted span in a source card
HIGHLIGHT_ID = "dqa-hl"


def _text(value: str) -> str:
    """Return escaped text with its line breaks kept as <br>."""
    return escape(value).replace("\r\n", "\n").replace("\n", "<br>")


def locate_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Return where `quote` sits in `text` (exactly, else with any run of spaces/newlines), or None."""
    quote = quote.strip()
    if not quote:
        return None
    found = text.find(quote)
    if found >= 0:
        return found, found + len(quote)
    # the quote may have been whitespace-normalised: match word by word, allowing any whitespace between
    words = quote.split()
    pattern = r"\s+".join(re.escape(word) for word in words)
    match = re.search(pattern, text)
    return (match.start(), match.end()) if match else None


def highlight(text: str, start: int, end: int) -> str:
    """Return `text` escaped, with text[start:end] wrapped in <mark>; a bad span marks nothing."""
    if not 0 <= start < end <= len(text):
        return _text(text)
    return f"{_text(text[:start])}<mark>{_text(text[start:end])}</mark>{_text(text[end:])}"


def passage_window(text: str, start: int, end: int, context: int = PASSAGE_CONTEXT_CHARS) -> str:
    """Return the passage escaped and cut to `context` characters around the marked span, with "…"."""
    if not 0 <= start < end <= len(text):
        cut = text[: 2 * context]
        return _text(cut) + ("…" if len(cut) < len(text) else "")
    left = max(0, start - context)
    right = min(len(text), end + context)
    # cut on a word boundary so no word is shown half
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    body = highlight(text[left:right], start - left, end - left)
    return ("…" if left > 0 else "") + body + ("…" if right < len(text) else "")


def document_link(citation: Citation) -> str:
    """Return the URL of the whole-document page with the cited span highlighted."""
    return f"{DOC_ROUTE}/{url_quote(citation.doc_id, safe='')}?start={citation.start}&end={citation.end}"


def source_card(number: int, citation: Citation) -> str:
    """Return one source: title, số hiệu, section path, passage with the quote marked, link to the text."""
    span = locate_quote(citation.text, citation.quote)
    passage = passage_window(citation.text, *span) if span else passage_window(citation.text, 0, 0)
    title = escape(citation.title or citation.source)
    number_badge = f'<span class="dqa-number">{escape(citation.number)}</span>' if citation.number else ""
    section = (f'<div class="dqa-section">Mục: {escape(citation.section)}</div>'
               if citation.section else '<div class="dqa-section">Phần đầu văn bản</div>')
    quoted = _text(" ".join(citation.quote.split()))
    quote = "" if span else f'<div class="dqa-quote">Trích dẫn: <mark>{quoted}</mark></div>'
    return (f'<div class="dqa-source"><div class="dqa-source-head"><span class="dqa-index">[{number}]</span>'
            f'<span class="dqa-title">{title}</span>{number_badge}</div>{section}'
            f'<div class="dqa-passage">{passage}</div>{quote}'
            f'<a class="dqa-open" href="{escape(document_link(citation))}" target="_blank" rel="noopener">'
            f'Mở toàn văn tại đoạn trích ↗</a></div>')


def answer_html(answer: Answer) -> str:
    """Return a chat reply: the short answer first, then its sources; an abstention says so plainly."""
    if answer.abstained:
        head = ('<div class="dqa-abstain-note"><strong>Không tìm thấy câu trả lời</strong> trong các văn bản '
                'đã lập chỉ mục. Trợ lý không đoán khi văn bản không nêu.</div>')
        if not answer.citations:
            return f'<div class="dqa-answer dqa-abstained">{head}</div>'
        cards = "".join(source_card(n, c) for n, c in enumerate(answer.citations, start=1))
        return (f'<div class="dqa-answer dqa-abstained">{head}<details class="dqa-more">'
                f'<summary>Xem thêm: {len(answer.citations)} đoạn văn bản gần nhất</summary>'
                f'{cards}</details></div>')
    short = f'<div class="dqa-short">{_text(answer.answer)}</div>'
    if not answer.citations:
        return f'<div class="dqa-answer">{short}</div>'
    cards = "".join(source_card(n, c) for n, c in enumerate(answer.citations, start=1))
    label = "Nguồn" if len(answer.citations) == 1 else f"Nguồn ({len(answer.citations)})"
    return (f'<div class="dqa-answer">{short}<div class="dqa-sources"><div class="dqa-sources-label">'
            f'{label}</div>{cards}</div></div>')


def error_html(error: Exception, max_question_chars: int) -> str:
    """Return a chat reply explaining, in Vietnamese, why the question could not be answered."""
    if isinstance(error, TooLarge):
        message = f"Câu hỏi quá dài: tối đa {max_question_chars} ký tự."
    elif isinstance(error, NotReady):
        message = "Hệ thống đang khởi động (nạp mô hình và kho dữ liệu). Vui lòng thử lại sau giây lát."
    elif isinstance(error, BadInput):
        message = f"Câu hỏi hoặc bộ lọc chưa hợp lệ ({error})."
    elif isinstance(error, NotFound):
        message = f"Không tìm thấy văn bản được chọn ({error})."
    elif isinstance(error, DQAError):
        message = f"Không thể trả lời ({error})."
    else:
        message = ("Đã xảy ra lỗi ngoài dự kiến khi trả lời. Vui lòng thử lại; "
                   "nếu lỗi lặp lại, hãy báo quản trị viên.")
    return f'<div class="dqa-answer dqa-error">{escape(message)}</div>'


def upload_error_text(error: Exception) -> str:
    """Return a one-line Vietnamese reason a file could not be indexed."""
    if isinstance(error, UnsupportedFile):
        return f"không đọc được tệp ({error})"
    if isinstance(error, TooLarge):
        return f"tệp quá lớn ({error})"
    if isinstance(error, DQAError):
        return str(error)
    return f"lỗi ngoài dự kiến: {error}"


def _meta_rows(record: DocumentRecord) -> str:
    """Return the metadata of a document as <dt>/<dd> pairs, skipping fields it does not give."""
    meta = record.metadata
    fields = (("Số hiệu", meta.number), ("Loại văn bản", meta.doc_type), ("Cơ quan ban hành", meta.issuer),
              ("Ngày ban hành", format_date(meta.issued_date)), ("Người ký", meta.signer_name),
              ("Tệp", record.source))
    return "".join(f"<dt>{name}</dt><dd>{escape(value)}</dd>" for name, value in fields if value)


def format_date(iso: str | None) -> str | None:
    """Return an ISO date as dd/mm/yyyy (the Vietnamese order), or the value unchanged if not ISO."""
    if not iso:
        return None
    parts = iso.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{parts[2]}/{parts[1]}/{parts[0]}"
    return iso


def document_page(record: DocumentRecord, start: int | None, end: int | None) -> str:
    """Return a whole HTML page with the document's text, the span start:end marked and scrolled to."""
    text = record.text
    marked = start is not None and end is not None and 0 <= start < end <= len(text)
    body = highlight(text, start, end) if marked and start is not None and end is not None else _text(text)
    if marked:
        body = body.replace("<mark>", f'<mark id="{HIGHLIGHT_ID}">', 1)
    title = escape(record.metadata.title or record.source)
    notice = ('<p class="notice">Đoạn được trích dẫn được tô vàng.</p>' if marked else "")
    return f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{DOCUMENT_CSS}</style></head>
<body><main>
<a class="back" href="/">← Về trang hỏi đáp</a>
<h1>{title}</h1>
<dl>{_meta_rows(record)}</dl>
{notice}
<article>{body}</article>
</main>
<script>
const hl = document.getElementById("{HIGHLIGHT_ID}");
if (hl) {{ hl.scrollIntoView({{block: "center"}}); }}
</script>
</body></html>"""


def not_found_page(doc_id: str) -> str:
    """Return the page shown for an unknown document id."""
    return (f'<!doctype html><html lang="vi"><head><meta charset="utf-8">'
            f'<title>Không tìm thấy văn bản</title>'
            f'<style>{DOCUMENT_CSS}</style></head><body><main><a class="back" href="/">← Về trang hỏi đáp</a>'
            f'<h1>Không tìm thấy văn bản</h1><p>Không có văn bản nào mang mã <code>{escape(doc_id)}</code>. '
            f'Văn bản có thể đã bị xóa khỏi kho.</p></main></body></html>')


def documents_summary(records: list[DocumentRecord]) -> str:
    """Return a one-line count of the indexed documents and passages."""
    if not records:
        return "Chưa có văn bản nào. Hãy tải lên tệp .txt, .md, .docx hoặc .pdf ở bên dưới."
    passages = sum(r.n_chunks for r in records)
    return f"Đã lập chỉ mục **{len(records)}** văn bản, **{passages}** đoạn."


def documents_table(records: list[DocumentRecord]) -> str:
    """Return the indexed documents as an HTML table (cards on a phone), newest indexing first."""
    if not records:
        return '<div class="dqa-docs-empty">Kho chưa có văn bản.</div>'
    rows = []
    for record in sorted(records, key=lambda r: r.indexed_at, reverse=True):
        meta = record.metadata
        cells = (("Trích yếu", meta.title or "—"), ("Số hiệu", meta.number or "—"),
                 ("Loại", meta.doc_type or "—"), ("Cơ quan ban hành", meta.issuer or "—"),
                 ("Ngày ban hành", format_date(meta.issued_date) or "—"), ("Số đoạn", str(record.n_chunks)),
                 ("Tệp", record.source))
        tds = "".join(f'<td data-label="{name}">{escape(value)}</td>' for name, value in cells)
        link = f'{DOC_ROUTE}/{url_quote(record.doc_id, safe="")}'
        rows.append(f'<tr>{tds}<td data-label=""><a href="{escape(link)}" target="_blank" rel="noopener">'
                    f'Xem</a></td></tr>')
    head = "".join(f"<th>{name}</th>" for name in ("Trích yếu", "Số hiệu", "Loại", "Cơ quan ban hành",
                                                   "Ngày ban hành", "Số đoạn", "Tệp", ""))
    return f'<table class="dqa-docs"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


_STATUS = {"added": "đã thêm", "replaced": "đã thay bản cũ", "unchanged": "không đổi (đã có bản giống hệt)"}


def upload_report(done: list[tuple[str, str]], failed: list[tuple[str, str]]) -> str:
    """Return the result of an upload: one line per file, failures first and in red."""
    lines = [f'<li class="dqa-fail"><strong>{escape(name) or "Tải lên"}</strong>: {escape(reason)}</li>'
             for name, reason in failed]
    lines += [f'<li class="dqa-ok"><strong>{escape(name)}</strong>: '
              f'{escape(_STATUS.get(status, status))}</li>' for name, status in done]
    return f'<ul class="dqa-upload-report">{"".join(lines)}</ul>'


DOCUMENT_CSS = """
body { margin: 0; background: #f6f7f9; color: #1f2933;
  font-family: "Inter", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 860px; margin: 0 auto; padding: 20px 18px 80px; background: #fff; min-height: 100vh;
  box-sizing: border-box; }
a.back { color: #1d4ed8; text-decoration: none; font-size: 15px; }
h1 { font-size: 22px; line-height: 1.35; margin: 14px 0 10px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; font-size: 14px;
  margin: 0 0 12px; }
dt { color: #52606d; } dd { margin: 0; }
.notice { font-size: 14px; color: #52606d; }
article { white-space: normal; line-height: 1.65; font-size: 16px; border-top: 1px solid #e4e7eb;
  padding-top: 14px; overflow-wrap: anywhere; }
mark { background: #fde68a; padding: 1px 2px; border-radius: 3px; box-shadow: 0 0 0 2px #fbbf24; }
@media (max-width: 600px) { main { padding: 14px 12px 60px; } h1 { font-size: 19px; }
  dl { grid-template-columns: 1fr; } dt { font-weight: 600; margin-top: 6px; } }
"""
