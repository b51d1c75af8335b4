"""Reading files into raw text: .txt/.md (UTF-8, UTF-8 with BOM, UTF-16), .docx and .pdf with a text layer.

Anything that cannot be read (unknown type, other encodings, empty, corrupt, a scanned PDF) raises
`UnsupportedFile` naming the file, so a batch can report it and go on.
"""

from __future__ import annotations

import io
from pathlib import Path

from assistant.errors import UnsupportedFile
from indexer.model import LoadedText
from indexer.normalize import nfc

TEXT_SUFFIXES = (".txt", ".md")
SUPPORTED_SUFFIXES = (*TEXT_SUFFIXES, ".docx", ".pdf")

# a PDF page with fewer letters than this is taken as an image page
_MIN_LETTERS_PER_PDF = 20


def load_file(path: Path) -> LoadedText:
    """Return the raw text of a file on disk."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnsupportedFile(f"{path.name}: cannot read the file ({error.strerror})") from error
    return load_bytes(path.name, data)


def load_bytes(name: str, data: bytes) -> LoadedText:
    """Return the raw text of a file given as bytes; the suffix of `name` picks the reader."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFile(f"{name}: unsupported file type {suffix or '(none)'}; use .txt .md .docx .pdf")
    if not data.strip():
        raise UnsupportedFile(f"{name}: the file is empty")
    if suffix in TEXT_SUFFIXES:
        text = decode_text(name, data)
    elif suffix == ".docx":
        text = _docx_text(name, data)
    else:
        text = _pdf_text(name, data)
    text = nfc(text)
    if not any(ch.isalpha() for ch in text):
        raise UnsupportedFile(f"{name}: no text found in the file")
    return LoadedText(source=Path(name).name, text=text, file_format=suffix.lstrip("."))


def decode_text(name: str, data: bytes) -> str:
    """Return bytes decoded as UTF-8 (with or without BOM) or UTF-16 (BOM, or NUL-byte pattern)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode(name, data, "utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode(name, data, "utf-8-sig")
    # UTF-16 without a BOM: every other byte of ASCII-heavy text is NUL
    even_nuls, odd_nuls = data[0::2].count(0), data[1::2].count(0)
    if len(data) >= 4 and max(even_nuls, odd_nuls) > len(data) // 4:
        return _decode(name, data, "utf-16-le" if odd_nuls > even_nuls else "utf-16-be")
    return _decode(name, data, "utf-8")


def _decode(name: str, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UnsupportedFile(
            f"{name}: not readable as {encoding} (byte {error.start}); save the file as UTF-8 or UTF-16"
        ) from error


def _docx_text(name: str, data: bytes) -> str:
    """Return the paragraphs and tables of a Word file in document order, one line per paragraph."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises zipfile, KeyError, lxml errors on bad files
        raise UnsupportedFile(f"{name}: not a readable .docx file ({type(error).__name__})") from error
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines.extend(_table_lines(block))
            lines.append("")
    return "\n".join(lines)


def _table_lines(table: object) -> list[str]:
    """Return a table's text: a row of one-line cells as "a | b | c", multi-line cells one per line.

    Header tables of directives hold several lines per cell (agency name, số hiệu | motto, date);
    those become separate lines. Data tables keep one row per line with pipes between cells.
    """
    lines: list[str] = []
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[str] = []
        for cell in row.cells:
            text = cell.text.strip()
            if text and (not cells or cells[-1] != text):  # merged cells repeat their text
                cells.append(text)
        if any("\n" in cell for cell in cells):
            for cell in cells:
                lines.extend(cell.splitlines())
        elif cells:
            lines.append(" | ".join(cells))
    return lines


def _pdf_text(name: str, data: bytes) -> str:
    """Return the text layer of a PDF, pages separated by form feeds; no text layer means OCR."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise UnsupportedFile(f"{name}: not a readable PDF ({error})") from error
    if not pages:
        raise UnsupportedFile(f"{name}: the PDF has no pages")
    letters = sum(ch.isalpha() for page in pages for ch in page)
    if letters < _MIN_LETTERS_PER_PDF * len(pages) / 4 or letters < _MIN_LETTERS_PER_PDF:
        raise UnsupportedFile(f"{name}: the PDF has no text layer (a scan); it needs OCR first")
    return "\n\f\n".join(pages)  # a form feed marks each page break for the cleaner
