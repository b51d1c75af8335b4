"""The web chat for office staff (Gradio), mounted at "/" on the FastAPI app of `assistant.api`.

One process, one port: the UI at "/", the HTTP API at "/v1", OpenAPI at "/docs", and the
whole-document page at "/ui/doc/{doc_id}?start=&end=". The UI calls the `Assistant` directly
(no HTTP hop); everything it shows is rendered by `ui.render`. With API keys configured the UI and
the document page need a login with one of them first (`ui.access`), as the API's read endpoints do,
and that login is what lets the documents tab upload and delete: nobody types the key twice.
"""

from __future__ import annotations

import logging
import shutil
import threading
import uuid
from pathlib import Path
from typing import Any

import gradio as gr
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from gradio.routes import App
from starlette.routing import Mount

from assistant.errors import DQAError, NotFound, TooLarge, UnsupportedFile
from assistant.model import Answer
from assistant.service import Assistant
from assistant.settings import Settings
from indexer.loaders import SUPPORTED_SUFFIXES
from indexer.model import DocumentRecord
from indexer.pipeline import IndexProgress
from ui import render
from ui.access import (
    LOGIN_MESSAGE,
    READ_ONLY_NOTICE,
    key_login,
    login_required,
    login_required_page,
    may_read,
    write_refusal,
    writes_enabled,
)
from ui.controls import build_filters, distinct, document_choices, document_label, example_questions
from ui.feedback import FeedbackStore, Rating
from ui.style import CSS, HEAD, i18n, theme

log = logging.getLogger(__name__)

TITLE = "Hỏi đáp văn bản chỉ đạo"
CHAT_PLACEHOLDER = (
    "<div class='dqa-empty'><h2>Hỏi đáp văn bản chỉ đạo</h2>"
    "<p>Đặt câu hỏi bằng tiếng Việt về các kế hoạch, hướng dẫn, thông báo, nghị quyết, chỉ thị, "
    "quyết định đã được lập chỉ mục. Mỗi câu trả lời kèm đoạn văn bản gốc để đối chiếu; "
    "khi văn bản không nêu, trợ lý sẽ nói rõ thay vì đoán.</p></div>"
)

# a long reply must be read from its top: scroll the chat so the latest question is at the top
# (the chatbot's own autoscroll would show the end of the last source instead of the answer)
SCROLL_TO_QUESTION = """() => { setTimeout(() => {
  const questions = document.querySelectorAll('#dqa-chat [data-testid="user"]');
  const last = questions[questions.length - 1];
  if (!last) return;
  let box = last.parentElement;
  while (box && !(box.scrollHeight > box.clientHeight + 4 && getComputedStyle(box).overflowY !== 'visible')) {
    box = box.parentElement;
  }
  if (box) box.scrollTop += last.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
}, 80); }"""

Turns = dict[int, tuple[str, Answer]]  # chat message index -> (answer id, answer shown there)


def build_ui(assistant: Assistant, settings: Settings) -> gr.Blocks:
    """Return the Gradio app: a chat tab with filters and feedback, and a documents tab.

    The documents tab can upload and delete only under the API's write rule (`ui.access`): with no API
    keys configured it is read-only and says how to enable writes, and the write handlers do not exist;
    with keys configured the session's login (made with one of them) allows changes, no other key is asked.
    """
    feedback = FeedbackStore(settings.feedback_db)
    write_lock = threading.Lock()
    writable = writes_enabled(settings.api_keys)

    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        # only this browser's session: user names are free labels that several people may share
        logout = ("<a class='dqa-logout' href='/logout?all_session=false' "
                  "style='margin-left:auto;font-size:14px'>Đăng xuất</a>"
                  if login_required(settings.api_keys) else "")
        gr.HTML(f"<header class='dqa-header'><div class='dqa-logo'>VB</div><div><h1>{TITLE}</h1>"
                f"<p>Câu trả lời ngắn, kèm đúng đoạn văn bản làm căn cứ</p></div>{logout}</header>")
        turns = gr.State({})  # Turns
        pending = gr.State("")  # the question being answered
        feedback_target = gr.State(-1)  # message index the comment box is about

        with gr.Tabs():
            with gr.Tab("Hỏi đáp", id="chat", elem_id="dqa-tab-chat"), gr.Row(equal_height=False):
                with gr.Column(scale=3, min_width=300):
                    chatbot = gr.Chatbot(
                        label="Trò chuyện", show_label=False, elem_id="dqa-chat", height="62vh",
                        min_height=360, placeholder=CHAT_PLACEHOLDER, layout="bubble",
                        feedback_options=("Like", "Dislike"), buttons=["copy"],
                        group_consecutive_messages=False, autoscroll=False,
                    )
                    with gr.Row(elem_id="dqa-ask-row"):
                        question = gr.Textbox(
                            show_label=False, placeholder="Nhập câu hỏi về văn bản…", lines=1, max_lines=4,
                            scale=5, elem_id="dqa-question",
                            autofocus=True, max_length=settings.max_question_chars)
                        send = gr.Button("Gửi", variant="primary", scale=1, min_width=80,
                                         elem_id="dqa-send")
                    with gr.Group(visible=False, elem_id="dqa-feedback") as feedback_box:
                        feedback_note = gr.Markdown()
                        comment = gr.Textbox(
                            label="Góp ý thêm (không bắt buộc)", lines=2, elem_id="dqa-comment",
                            placeholder="Ví dụ: câu trả lời đúng là …, hoặc trích sai văn bản.")
                        with gr.Row():
                            send_comment = gr.Button("Gửi góp ý", size="sm", variant="secondary")
                            close_comment = gr.Button("Đóng", size="sm")
                    with gr.Row():
                        new_chat = gr.Button("Cuộc trò chuyện mới", size="sm", elem_id="dqa-new-chat")
                with gr.Column(scale=1, min_width=260, elem_id="dqa-filters"), gr.Accordion("Bộ lọc"):
                    gr.Markdown("Chỉ tìm trong những văn bản thỏa điều kiện. Để trống là tìm tất cả.",
                                elem_classes=["dqa-hint"])
                    f_docs = gr.Dropdown(label="Văn bản", multiselect=True, choices=[],
                                         elem_id="dqa-f-docs")
                    f_types = gr.Dropdown(label="Loại văn bản", multiselect=True, choices=[])
                    f_issuers = gr.Dropdown(label="Cơ quan ban hành", multiselect=True, choices=[])
                    with gr.Row():
                        f_from = gr.Textbox(label="Từ ngày", placeholder="dd/mm/yyyy", min_width=110)
                        f_to = gr.Textbox(label="Đến ngày", placeholder="dd/mm/yyyy", min_width=110)
                    clear_filters = gr.Button("Bỏ lọc", size="sm")

            with gr.Tab("Văn bản", id="documents", elem_id="dqa-tab-docs"):
                docs_summary = gr.Markdown()
                docs_table = gr.HTML(elem_id="dqa-docs-table")
                if not writable:
                    gr.Markdown(READ_ONLY_NOTICE, elem_id="dqa-read-only")
                # changing the store needs one of the API keys, as in the API: the one this session
                # logged in with
                gr.Markdown("Tải lên và xóa dùng khóa API bạn đã đăng nhập, không cần nhập lại.",
                            visible=writable, elem_id="dqa-write-note", elem_classes=["dqa-hint"])
                with gr.Row(equal_height=False, visible=writable, elem_id="dqa-doc-changes"):
                    with gr.Column(min_width=280):
                        gr.Markdown("### Tải lên văn bản\nTệp .txt, .md, .docx hoặc .pdf (có lớp chữ; bản "
                                    "scan cần nhận dạng chữ trước). Tải lại một tệp cùng tên sẽ thay bản cũ.")
                        uploads = gr.File(label="Chọn tệp", file_count="multiple",
                                          file_types=list(SUPPORTED_SUFFIXES), elem_id="dqa-upload")
                        index_button = gr.Button("Tải lên và lập chỉ mục", variant="primary")
                        upload_result = gr.HTML(elem_id="dqa-upload-result")
                    with gr.Column(min_width=280):
                        gr.Markdown("### Xóa văn bản\nXóa văn bản cùng mọi đoạn của nó khỏi kho tìm kiếm.")
                        to_remove = gr.Dropdown(label="Văn bản cần xóa", choices=[], elem_id="dqa-remove")
                        remove_button = gr.Button("Xóa văn bản…", variant="stop")
                        with gr.Row(visible=False) as confirm_row:
                            confirm_remove = gr.Button("Xác nhận xóa", variant="stop", size="sm")
                            cancel_remove = gr.Button("Hủy", size="sm")
                        remove_result = gr.Markdown()

        # --- documents: lists and pickers, refreshed on load and after every change -------------------

        def refresh() -> tuple[Any, ...]:
            try:
                records = assistant.list_documents()
            except DQAError as error:
                message = f"Chưa đọc được kho văn bản: {error}"
                return (gr.update(), gr.update(), gr.update(), gr.update(), message, "", gr.update())
            choices = document_choices(records)
            return (
                gr.update(choices=choices),
                gr.update(choices=distinct([r.metadata.doc_type for r in records])),
                gr.update(choices=distinct([r.metadata.issuer for r in records])),
                gr.update(examples=[{"text": q} for q in example_questions(records)] or None),
                render.documents_summary(records),
                render.documents_table(records),
                gr.update(choices=choices, value=None),
            )

        refresh_outputs = [f_docs, f_types, f_issuers, chatbot, docs_summary, docs_table, to_remove]
        demo.load(refresh, outputs=refresh_outputs, show_progress="hidden")

        # --- chat --------------------------------------------------------------------------------------

        def take_question(text: str, history: list[dict[str, Any]]) -> tuple[Any, ...]:
            text = (text or "").strip()
            if not text:
                return gr.update(), history, ""
            return "", [*history, {"role": "user", "content": text}], text

        def take_example(selected: gr.SelectData, history: list[dict[str, Any]]) -> tuple[Any, ...]:
            text = str(selected.value.get("text", "")) if isinstance(selected.value, dict) else ""
            return take_question(text, history)

        def respond(text: str, history: list[dict[str, Any]], shown: Turns, doc_ids: list[str] | None,
                    doc_types: list[str] | None, issuers: list[str] | None, date_from: str,
                    date_to: str) -> tuple[Any, ...]:
            if not text:
                return history, shown
            try:
                filters = build_filters(doc_ids, doc_types, issuers, date_from, date_to)
                answer = assistant.ask(text, filters=filters)
                reply = render.answer_html(answer)
            except Exception as error:  # shown in the chat in Vietnamese; the page keeps working
                if not isinstance(error, DQAError):
                    log.exception("answering %r failed", text)
                return [*history, {"role": "assistant", "content": render.error_html(
                    error, settings.max_question_chars)}], shown
            history = [*history, {"role": "assistant", "content": reply}]
            return history, {**shown, len(history) - 1: (uuid.uuid4().hex, answer)}

        chat_inputs = [pending, chatbot, turns, f_docs, f_types, f_issuers, f_from, f_to]
        for trigger in (question.submit, send.click):
            trigger(take_question, [question, chatbot], [question, chatbot, pending], queue=False).then(
                None, js=SCROLL_TO_QUESTION).then(respond, chat_inputs, [chatbot, turns]).then(
                None, js=SCROLL_TO_QUESTION)
        chatbot.example_select(take_example, [chatbot], [question, chatbot, pending], queue=False).then(
            None, js=SCROLL_TO_QUESTION).then(respond, chat_inputs, [chatbot, turns]).then(
            None, js=SCROLL_TO_QUESTION)

        def start_over() -> tuple[Any, ...]:
            return [], {}, gr.update(visible=False), -1

        new_chat.click(start_over, outputs=[chatbot, turns, feedback_box, feedback_target], queue=False)
        chatbot.clear(start_over, outputs=[chatbot, turns, feedback_box, feedback_target], queue=False)
        clear_filters.click(lambda: (None, None, None, "", ""), outputs=[f_docs, f_types, f_issuers, f_from,
                                                                         f_to], queue=False)

        # --- feedback ----------------------------------------------------------------------------------

        def vote(data: gr.LikeData, shown: Turns) -> tuple[Any, ...]:
            index = data.index if isinstance(data.index, int) else data.index[0]
            turn = shown.get(index)
            if turn is None or data.liked not in (True, False):
                return gr.update(), gr.update(), -1
            rating: Rating = "up" if data.liked else "down"
            try:
                feedback.record(turn[0], turn[1], rating)
            except DQAError as error:
                gr.Warning(f"Chưa lưu được đánh giá: {error}", title="Lỗi")
                return gr.update(), gr.update(), -1
            note = ("Cảm ơn! Câu trả lời chưa đúng ở đâu? Góp ý giúp cải thiện bộ câu hỏi kiểm thử."
                    if rating == "down" else "Cảm ơn đánh giá của bạn. Có thể góp ý thêm nếu muốn.")
            return gr.update(visible=True), note, index

        def save_comment(text: str, index: int, shown: Turns) -> tuple[Any, ...]:
            turn = shown.get(index)
            if turn is None or not text.strip():
                return gr.update(visible=False), ""
            try:
                feedback.add_comment(turn[0], text)
            except DQAError as error:
                gr.Warning(f"Chưa lưu được góp ý: {error}", title="Lỗi")
                return gr.update(), text
            gr.Info("Đã lưu góp ý. Cảm ơn bạn!", title="Đã lưu", duration=4)
            return gr.update(visible=False), ""

        chatbot.like(vote, [turns], [feedback_box, feedback_note, feedback_target], queue=False)
        send_comment.click(save_comment, [comment, feedback_target, turns], [feedback_box, comment])
        close_comment.click(lambda: gr.update(visible=False), outputs=[feedback_box], queue=False)

        # --- documents: upload and remove --------------------------------------------------------------

        def index_files(files: list[str] | None, request: gr.Request,
                        progress: gr.Progress = gr.Progress()) -> tuple[str, Any]:  # noqa: B008
            """Return the upload report, and clear the chosen files unless the session may not write."""
            if refusal := write_refusal(request.username, settings.api_keys):
                return render.upload_report([], [("", refusal)]), gr.update()  # keep them for a retry
            if not files:
                return render.upload_report([], [("", "Chưa chọn tệp nào.")]), None
            done: list[tuple[str, str]] = []  # (file name, status)
            failed: list[tuple[str, str]] = []  # (file name, reason)
            for number, file in enumerate(files, start=1):
                path = Path(file)
                try:
                    status = _index_one(assistant, settings, path, write_lock, progress, number, len(files))
                    done.append((path.name, status))
                    log.info("web chat: %r uploaded %s (%s)", request.username, path.name, status)
                except Exception as error:
                    if not isinstance(error, DQAError):
                        log.exception("indexing %s failed", path.name)
                    failed.append((path.name, render.upload_error_text(error)))
            return render.upload_report(done, failed), None

        def ask_remove(doc_id: str | None) -> tuple[Any, ...]:
            if not doc_id:
                return gr.update(visible=False), "Hãy chọn văn bản cần xóa."
            try:
                record = assistant.get_document(doc_id)
            except DQAError as error:
                return gr.update(visible=False), f"Không tìm thấy văn bản: {error}"
            return gr.update(visible=True), f"Xóa **{document_label(record)}** ({record.n_chunks} đoạn)?"

        def remove(doc_id: str | None, request: gr.Request) -> tuple[Any, ...]:
            if refusal := write_refusal(request.username, settings.api_keys):
                return gr.update(visible=False), refusal
            if not doc_id:
                return gr.update(visible=False), "Hãy chọn văn bản cần xóa."
            try:
                with write_lock:
                    record = assistant.get_document(doc_id)
                    assistant.remove_document(doc_id)
                    uploaded = settings.uploads_dir / Path(record.source).name
                    if uploaded.is_file():
                        uploaded.unlink()
            except DQAError as error:
                return gr.update(visible=False), f"Không xóa được: {error}"
            log.info("web chat: %r removed %s (%s)", request.username, doc_id, record.source)
            return gr.update(visible=False), f"Đã xóa **{document_label(record)}**."

        if writable:  # without API keys the handlers are not wired at all: no event can change the store
            index_button.click(index_files, [uploads], [upload_result, uploads]).then(
                refresh, outputs=refresh_outputs)
            remove_button.click(ask_remove, [to_remove], [confirm_row, remove_result], queue=False)
            cancel_remove.click(lambda: (gr.update(visible=False), ""), outputs=[confirm_row, remove_result],
                                queue=False)
            confirm_remove.click(remove, [to_remove], [confirm_row, remove_result]).then(
                refresh, outputs=refresh_outputs)

    return demo


def _index_one(assistant: Assistant, settings: Settings, path: Path, write_lock: threading.Lock,
               progress: gr.Progress, number: int, total: int) -> str:
    """Index an uploaded file and keep a copy; return "added", "replaced" or "unchanged"."""
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise UnsupportedFile(f"định dạng {path.suffix or '(không có)'} chưa hỗ trợ; hãy dùng .txt, .md, "
                              ".docx hoặc .pdf")
    size = path.stat().st_size
    if size > settings.max_upload_bytes:
        raise TooLarge(f"{size // 1024} KB, tối đa {settings.max_upload_bytes // 1024} KB")
    if size == 0:
        raise UnsupportedFile("tệp rỗng")

    def report(step: IndexProgress) -> None:
        share = step.chunks_done / step.chunks_total if step.chunks_total else 0.0
        progress(((number - 1) + share) / total,
                 desc=f"Tệp {number}/{total}: {path.name} — {step.chunks_done}/{step.chunks_total} đoạn")

    progress((number - 1) / total, desc=f"Tệp {number}/{total}: đang đọc {path.name}")
    with write_lock:
        result = assistant.index([path], progress=report)
        if result.failed:
            raise UnsupportedFile(result.failed[0][1])
        settings.uploads_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, settings.uploads_dir / path.name)
    return "added" if result.added else "replaced" if result.replaced else "unchanged"


def mount_ui(app: FastAPI, assistant: Assistant, settings: Settings) -> FastAPI:
    """Add the whole-document page and mount the web chat at "/" on the API's app; return the app.

    With API keys configured both need a key first, as the API's read endpoints do: the chat behind
    Gradio's login (any user name, an API key as password; its message is Vietnamese, its labels stay
    Gradio's, see `ui.access.LOGIN_MESSAGE`), the document page behind that login or an API key header.
    """
    mounted: list[App] = []  # the Gradio app, once mounted below: it holds the login sessions

    @app.get("/ui/doc/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(doc_id: str, request: Request, start: int | None = None,
                      end: int | None = None) -> HTMLResponse:
        if not may_read(request, settings.api_keys, mounted[0]):
            return HTMLResponse(login_required_page(), status_code=401)
        try:
            record: DocumentRecord = assistant.get_document(doc_id)
        except NotFound:
            return HTMLResponse(render.not_found_page(doc_id), status_code=404)
        return HTMLResponse(render.document_page(record, start, end))

    @app.api_route("/v1/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
                   include_in_schema=False)
    def unknown_api_path(rest: str, request: Request) -> None:
        # without this, an unknown /v1 path would fall through to the web UI mounted at "/"
        raise NotFound(f"No API endpoint {request.method} /v1/{rest}.")

    blocks = build_ui(assistant, settings)
    needs_login = login_required(settings.api_keys)
    gr.mount_gradio_app(
        app, blocks, path="/", theme=theme(), css=CSS, head=HEAD, ssr_mode=False, i18n=i18n(),
        footer_links=[{"label": "API (OpenAPI)", "url": "/docs"}],
        max_file_size=settings.max_upload_bytes, show_error=True,
        auth=key_login(settings.api_keys) if needs_login else None,
        auth_message=LOGIN_MESSAGE if needs_login else None,
    )
    mounted.append(_gradio_app(app))
    return app


def _gradio_app(app: FastAPI) -> App:
    """Return the Gradio app `gr.mount_gradio_app` mounted on `app` (the last one mounted)."""
    apps = [route.app for route in app.routes if isinstance(route, Mount) and isinstance(route.app, App)]
    return apps[-1]
