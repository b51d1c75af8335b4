"""Look of the web chat: the Gradio theme and the CSS of answers, sources and the phone layout.

Fonts are the system's own: the server has no internet, and neither may a staff network.
"""

from __future__ import annotations

import gradio as gr

HEAD = '<meta name="viewport" content="width=device-width, initial-scale=1">'

_FONT = ("system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif")
_MONO = ("ui-monospace", "SFMono-Regular", "Consolas", "monospace")


def theme() -> gr.themes.Base:
    """Return the Gradio theme: calm blue, system fonts, roomy radius."""
    return gr.themes.Soft(primary_hue="blue", secondary_hue="slate", neutral_hue="slate",
                          radius_size="md", font=_FONT, font_mono=_MONO)


# Gradio's own labels, in Vietnamese (Gradio ships no Vietnamese locale); "en" is what browsers fall back to
_GRADIO_LABELS = {
    "chatbot.like": "Hữu ích", "chatbot.dislike": "Chưa đúng", "chatbot.clear": "Xóa cuộc trò chuyện",
    "chatbot.copy_message": "Chép câu trả lời", "chatbot.copied_message": "Đã chép",
    "upload_text.click_to_upload": "Bấm để chọn tệp", "upload_text.drop_file": "Thả tệp vào đây",
    "common.clear": "Xóa", "common.error": "Lỗi", "common.loading": "Đang tải", "common.or": "hoặc",
    "common.remove": "Bỏ", "common.upload": "Tải lên",
}


def i18n() -> gr.I18n:
    """Return Vietnamese texts for Gradio's built-in buttons, whatever the browser's language."""
    return gr.I18n(en=_GRADIO_LABELS, vi=_GRADIO_LABELS)


CSS = """
.gradio-container { max-width: 1240px !important; margin: 0 auto !important; }
footer { opacity: .8; }
.dqa-header { display: flex; gap: 14px; align-items: center; padding: 6px 2px 4px; }
.dqa-header h1 { font-size: 22px; margin: 0; line-height: 1.25; }
.dqa-header p { margin: 2px 0 0; color: var(--body-text-color-subdued); font-size: 14px; }
.dqa-logo { flex: none; width: 42px; height: 42px; border-radius: 10px; background: #1d4ed8; color: #fff;
  display: flex; align-items: center; justify-content: center; font-weight: 700; letter-spacing: .5px; }
.dqa-empty { max-width: 560px; margin: 0 auto; text-align: center; color: var(--body-text-color-subdued); }
.dqa-empty h2 { font-size: 20px; color: var(--body-text-color); margin-bottom: 6px; }
#dqa-chat button.example { border: 1px solid var(--border-color-primary); border-radius: 10px;
  background: var(--background-fill-secondary); text-align: left; }
#dqa-chat button.example:hover { border-color: #2563eb; background: #eff6ff; }
.dqa-hint p { font-size: 13px; color: var(--body-text-color-subdued); margin: 0; }

/* an answer: short answer first, then the sources */
.dqa-answer { line-height: 1.55; }
.dqa-short { font-size: 16px; font-weight: 600; margin-bottom: 8px; }
.dqa-sources-label { font-size: 12px; text-transform: uppercase; letter-spacing: .06em;
  color: var(--body-text-color-subdued); margin: 10px 0 6px; }
.dqa-source { border: 1px solid var(--border-color-primary); border-left: 4px solid #2563eb;
  border-radius: 8px; padding: 8px 10px; margin: 8px 0; background: var(--background-fill-primary); }
.dqa-source-head { display: flex; flex-wrap: wrap; gap: 6px; align-items: baseline; }
.dqa-index { color: #2563eb; font-weight: 700; }
.dqa-title { font-weight: 600; font-size: 15px; }
.dqa-number { font-size: 12px; background: #e0e7ff; color: #1e3a8a; border-radius: 999px; padding: 1px 8px;
  white-space: nowrap; }
.dqa-section { font-size: 13px; color: var(--body-text-color-subdued); margin: 3px 0 5px; }
.dqa-passage { font-size: 14px; overflow-wrap: anywhere; }
.dqa-answer mark { background: #fde68a; color: inherit; padding: 0 2px; border-radius: 3px; }
.dqa-quote { font-size: 13px; margin-top: 4px; }
.dqa-open { display: inline-block; margin-top: 6px; font-size: 13px; color: #1d4ed8 !important; }
.dqa-abstain-note { border: 1px solid #f59e0b; background: #fffbeb; color: #78350f; border-radius: 8px;
  padding: 8px 10px; }
.dqa-more summary { cursor: pointer; margin-top: 8px; color: #1d4ed8; font-size: 14px; }
.dqa-error { border: 1px solid #ef4444; background: #fef2f2; color: #7f1d1d; border-radius: 8px;
  padding: 8px 10px; }

/* documents tab */
table.dqa-docs { width: 100%; border-collapse: collapse; font-size: 14px; }
table.dqa-docs th { text-align: left; font-weight: 600; border-bottom: 2px solid var(--border-color-primary);
  padding: 6px 8px; }
table.dqa-docs td { border-bottom: 1px solid var(--border-color-primary); padding: 6px 8px;
  vertical-align: top; }
table.dqa-docs td:first-child { min-width: 240px; }
.dqa-upload-report { padding-left: 18px; }
.dqa-upload-report .dqa-fail { color: #b91c1c; }
.dqa-upload-report .dqa-ok { color: #166534; }

/* phone width: one column, filters folded under the chat, tables as cards */
@media (max-width: 720px) {
  html, body { overflow-x: hidden; }
  .gradio-container { padding: 6px !important; }
  #dqa-chat .message-wrap, #dqa-chat .message { max-width: 100% !important; }
  .dqa-header h1 { font-size: 18px; }
  .dqa-header p { font-size: 13px; }
  .dqa-logo { width: 34px; height: 34px; font-size: 13px; }
  #dqa-chat { height: 66vh !important; }
  #dqa-ask-row { flex-wrap: nowrap !important; }
  #dqa-ask-row > * { min-width: 0 !important; }
  #dqa-send { min-width: 64px !important; flex-grow: 0 !important; }
  .dqa-short { font-size: 15px; }
  .dqa-title { font-size: 14px; }
  .dqa-section, .dqa-passage { font-size: 13px; }
  table.dqa-docs thead { display: none; }
  table.dqa-docs, table.dqa-docs tbody, table.dqa-docs tr, table.dqa-docs td { display: block; width: 100%; }
  table.dqa-docs tr { border: 1px solid var(--border-color-primary); border-radius: 8px; margin: 8px 0;
    padding: 6px 8px; box-sizing: border-box; }
  table.dqa-docs td { border: none; padding: 2px 0; min-width: 0 !important; }
  table.dqa-docs td[data-label]:not([data-label=""])::before { content: attr(data-label) ": ";
    color: var(--body-text-color-subdued); }
}
"""
