"""Who may read and who may change the document store from the web chat: the HTTP API's rules, in Vietnamese.

The rules are the API's (`assistant.api`), with keys compared in constant time by the API's own
`key_is_valid`:

- Reading (questions, the documents list, the whole-document page): open when no API keys are
  configured (`DQA_API_KEYS` empty); with keys configured, only after logging in with one of them.
  The login is Gradio's own (`gr.mount_gradio_app(auth=...)`): any user name, the API key as password
  (`key_login`); the document page accepts that login session or an API key header (`may_read`).
- Writing (upload, delete): with no keys configured nobody may; with keys configured the key the user
  logged in with allows it (`write_refusal`), so nobody types it twice. The key was checked once, at the
  login, in constant time; Gradio then knows the session only by its user name (`gr.Request.username`,
  None without a login session), and a session can exist only after that check succeeded. The keys are
  read once at start-up and sessions live in the server's memory, so a session's key stays valid for
  as long as the session does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from gradio.routes import App
from starlette.requests import Request

from assistant.api import key_is_valid, presented_key
from ui.render import DOCUMENT_CSS

NO_LOGIN = "Cần đăng nhập bằng khóa API để thay đổi kho văn bản."
WRITES_DISABLED = ("Không thể tải lên hay xóa văn bản: máy chủ chưa cấu hình khóa API (DQA_API_KEYS), "
                   "nên kho văn bản chỉ cho xem.")
# shown in the documents tab instead of the upload and delete controls when writes are disabled
READ_ONLY_NOTICE = (
    "### Chế độ chỉ xem\n"
    "Máy chủ chưa cấu hình khóa API nên không ai tải lên hay xóa được văn bản, từ trang này cũng như "
    "qua API. Danh sách văn bản ở trên vẫn xem được bình thường.\n\n"
    "Để cho phép thay đổi kho văn bản, người quản trị đặt biến môi trường `DQA_API_KEYS` (một hoặc "
    "nhiều khóa bí mật, cách nhau bằng dấu phẩy) rồi khởi động lại máy chủ. Từ đó trang này cần "
    "đăng nhập bằng một khóa, và ai đã đăng nhập thì tải lên, xóa được mà không phải nhập lại khóa."
)
# Gradio's login page (HTML above its form). Only this message can be set: the form's title, labels,
# button and refusal ("Login", "username", "password", "Incorrect Credentials") come from Gradio's
# built-in locales, which have no Vietnamese, and the app's own translations (`ui.style.i18n`) reach the
# browser only with the app's config, which Gradio hands out after the login. So the message names them.
LOGIN_MESSAGE = (
    "<strong>Đăng nhập bằng khóa API</strong><br>"
    "Máy chủ này đã bật khóa API (<code>DQA_API_KEYS</code>): cần đăng nhập trước khi hỏi đáp, xem "
    "hay thay đổi văn bản.<br>"
    "Ô <b>username</b> (tên người dùng): tên của bạn hay đơn vị, không được để trống, không cần khớp "
    "với gì.<br>"
    "Ô <b>password</b> (mật khẩu): <b>khóa API</b> do người quản trị cấp, cùng khóa dùng cho API. "
    "Đã đăng nhập thì tải lên, xóa văn bản không phải nhập lại khóa.<br>"
    "Bấm <b>Login</b> (đăng nhập). Báo <i>Incorrect Credentials</i> là khóa sai; chưa có khóa thì hỏi "
    "người quản trị."
)
LOGIN_REQUIRED = "Cần đăng nhập bằng khóa API để xem văn bản."


def writes_enabled(api_keys: Sequence[str]) -> bool:
    """Return True when the store may be changed at all: only with API keys configured."""
    return bool(api_keys)


def login_required(api_keys: Sequence[str]) -> bool:
    """Return True when reading needs a key too: whenever API keys are configured, as in the API."""
    return bool(api_keys)


def write_refusal(username: str | None, api_keys: Sequence[str]) -> str | None:
    """Return why a change to the store is refused (in Vietnamese), or None when the session may write.

    `username` is the web-chat login of the request (`gr.Request.username`): None without a login
    session. With keys configured every login was made with one of them (`key_login`), so a login
    session may write and nothing else may.
    """
    if not writes_enabled(api_keys):
        return WRITES_DISABLED
    if username is None:
        return NO_LOGIN
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
            f'<a href="/">Đăng nhập ở trang hỏi đáp</a> (ô <b>password</b> là khóa API do người quản trị '
            f'cấp), rồi mở lại liên kết này.</p>'
            f'<p>Phần mềm gọi qua API thì gửi khóa trong tiêu đề <code>X-API-Key</code>.</p>'
            f'</main></body></html>')
