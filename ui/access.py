"""Who may read and who may change the document store from the web chat: the HTTP API's rules, in Vietnamese.

The rules are the API's (`assistant.api`), with keys compared in constant time by the API's own
`key_is_valid`:

- Reading (questions, the documents list, the whole-document page): open when no API keys are
  configured (`DQA_API_KEYS` empty); with keys configured, only after logging in with one of them.
  The login is Gradio's own (`gr.mount_gradio_app(auth=...)`): any user name, the API key as password
  (`key_login`); the document page accepts that login session or an API key header (`may_read`).
- Writing (upload, delete): with no keys configured nobody may; with keys configured a change needs
  one of them, typed in the documents tab's key box (`write_refusal`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from gradio.routes import App
from starlette.requests import Request

from assistant.api import key_is_valid, presented_key
from ui.render import DOCUMENT_CSS

NO_KEY = "Cần khóa quản trị hợp lệ để thay đổi kho văn bản."
WRITES_DISABLED = ("Không thể tải lên hay xóa văn bản: máy chủ chưa cấu hình khóa API (DQA_API_KEYS), "
                   "nên kho văn bản chỉ cho xem.")
# shown in the documents tab instead of the upload and delete controls when writes are disabled
READ_ONLY_NOTICE = (
    "### Chế độ chỉ xem\n"
    "Máy chủ chưa cấu hình khóa API nên không ai tải lên hay xóa được văn bản, từ trang này cũng như "
    "qua API. Danh sách văn bản ở trên vẫn xem được bình thường.\n\n"
    "Để cho phép thay đổi kho văn bản, người quản trị đặt biến môi trường `DQA_API_KEYS` (một hoặc "
    "nhiều khóa bí mật, cách nhau bằng dấu phẩy), khởi động lại máy chủ, rồi nhập một khóa vào ô "
    "**Khóa quản trị** hiện ra ở thẻ này."
)
# Gradio's login page (HTML above its form); the form's own labels stay Gradio's English ones
# ("username", "password", "Login", "Incorrect Credentials"): that page gets no translations
LOGIN_MESSAGE = (
    "<strong>Cần đăng nhập bằng Khóa API.</strong> Máy chủ này đã bật khóa API (<code>DQA_API_KEYS</code>), "
    "nên phải đăng nhập trước khi hỏi đáp hay xem văn bản.<br>"
    "Ô <b>username</b>: không được để trống; ghi tên của bạn hay đơn vị, không cần khớp với gì.<br>"
    "Ô <b>password</b>: <b>Khóa API</b> do người quản trị cấp, cùng khóa dùng cho API.<br>"
    "Báo <i>Incorrect Credentials</i> là khóa sai. Chưa có khóa thì hỏi người quản trị."
)
LOGIN_REQUIRED = "Cần đăng nhập bằng Khóa API để xem văn bản."


def writes_enabled(api_keys: Sequence[str]) -> bool:
    """Return True when the store may be changed at all: only with API keys configured."""
    return bool(api_keys)


def login_required(api_keys: Sequence[str]) -> bool:
    """Return True when reading needs a key too: whenever API keys are configured, as in the API."""
    return bool(api_keys)


def write_refusal(key: str | None, api_keys: list[str]) -> str | None:
    """Return why a change to the store is refused (in Vietnamese), or None when `key` allows it."""
    if not writes_enabled(api_keys):
        return WRITES_DISABLED
    if not key_is_valid((key or "").strip(), api_keys):
        return NO_KEY
    return None


def key_login(api_keys: list[str]) -> Callable[[str, str], bool]:
    """Return Gradio's login check: any user name, and one of the API keys as the password."""

    def check(username: str, password: str) -> bool:  # the user name is only a label, never checked
        return key_is_valid((password or "").strip(), api_keys)

    return check


def session_user(gradio_app: App, request: Request) -> str | None:
    """Return the user name of the web-chat login the request's cookies carry, or None without one.

    Gradio 6 keeps each login as a random token mapped to the user name in `App.tokens` and sends the
    token in two cookies named after `App.cookie_id`; its own `/gradio_api/user` route reads them so.
    """
    for cookie in (f"access-token-{gradio_app.cookie_id}", f"access-token-unsecure-{gradio_app.cookie_id}"):
        token = request.cookies.get(cookie)
        if token and token in gradio_app.tokens:
            return str(gradio_app.tokens[token])
    return None


def may_read(request: Request, api_keys: list[str], gradio_app: App) -> bool:
    """Return True when the request may read: no keys configured, a web-chat login, or a valid key header."""
    if not login_required(api_keys):
        return True
    return session_user(gradio_app, request) is not None or key_is_valid(presented_key(request), api_keys)


def login_required_page() -> str:
    """Return the page shown instead of a document to a visitor who has not logged in."""
    return (f'<!doctype html><html lang="vi"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>Cần đăng nhập</title><style>{DOCUMENT_CSS}</style></head><body><main>'
            f'<h1>{escape(LOGIN_REQUIRED)}</h1>'
            f'<p>Máy chủ này đã bật khóa API nên văn bản chỉ hiện sau khi đăng nhập. '
            f'<a href="/">Đăng nhập ở trang hỏi đáp</a> (ô <b>password</b> là Khóa API do người quản trị '
            f'cấp), rồi mở lại liên kết này.</p>'
            f'<p>Phần mềm gọi qua API thì gửi khóa trong tiêu đề <code>X-API-Key</code>.</p>'
            f'</main></body></html>')
