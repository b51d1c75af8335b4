"""Who may change the document store from the web chat: the HTTP API's write rule, in Vietnamese.

The rule is the API's (`assistant.api`): with no API keys configured (`DQA_API_KEYS` empty) nobody may
upload or delete; with keys configured a change needs one of them, compared in constant time by the
API's own `key_is_valid`. Reading (the documents list, questions) stays open, as in the API without keys.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.api import key_is_valid

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


def writes_enabled(api_keys: Sequence[str]) -> bool:
    """Return True when the store may be changed at all: only with API keys configured."""
    return bool(api_keys)


def write_refusal(key: str | None, api_keys: list[str]) -> str | None:
    """Return why a change to the store is refused (in Vietnamese), or None when `key` allows it."""
    if not writes_enabled(api_keys):
        return WRITES_DISABLED
    if not key_is_valid((key or "").strip(), api_keys):
        return NO_KEY
    return None
