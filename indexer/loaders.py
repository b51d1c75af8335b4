"""Reading files into raw text: .txt/.md (UTF-8, UTF-8 with BOM, UTF-16), .docx and .pdf with a text layer.

Anything that cannot be read (unknown type, other encodings, empty, corrupt, a scanned PDF) raises
`UnsupportedFile` naming the file, so a batch can report it and go on.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import UnsupportedFile
from indexer.model import LoadedText
from indexer.normalize import nfc
from indexer.tables import is_label

if TYPE_CHECKING:
    from docx.table import Table, _Cell, _Row

TEXT_SUFFIXES = (".txt", ".md")
SUPPORTED_SUFFIXES = (*TEXT_SUFFIXES, ".docx", ".pdf")

# a PDF page with fewer letters than this is taken as an image page
_MIN_LETTERS_PER_PDF = 20
# a paragraph of a table cell ending in one of these goes on after a space, not after "; "
_CLOSING_MARKS = (".", ",", ";", ":", "!", "?", "…")


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


def _table_lines(table: Table) -> list[str]:
    """Return a Word table's text: a task table one pipe row per table row, a layout table line by line.

    Each row is read on the table's grid, one cell per grid column ("| 5 | Lập kế hoạch |  | Quý I |"):
    an empty cell stays an empty cell, a cell merged across columns is written once (its other columns
    empty), a cell merged down rows repeats its text in each row (python-docx reads it so), and pipes
    at both ends keep an empty first or last cell. A row that is one merged cell ("I. NHÓM NHIỆM VỤ VỀ
    THỂ CHẾ" across the table) is a plain line, as a heading reads. In a task table (its first row a
    header of column labels, see `indexer.tables`) the paragraphs of a cell join into one line. The
    header and signature blocks of a directive are laid out in tables without labels, several lines
    per cell (agency name, số hiệu | motto, date); their rows keep those lines apart.
    """
    grid = [_row_cells(row, len(table.columns)) for row in table.rows]
    labelled = _has_label_header(grid)
    lines: list[str] = []
    for row in grid:
        cells = [cell for cell in row if cell is not None]
        if not any(cells):
            continue  # a row of empty cells says nothing
        if len(cells) == 1:
            lines.extend([_join_paragraphs(cells[0])] if labelled else cells[0].splitlines())
        elif not labelled and any("\n" in cell for cell in cells):
            lines.extend(line for cell in cells for line in cell.splitlines())
        else:
            texts = ["" if cell is None else _join_paragraphs(cell) for cell in row]
            lines.append("| " + " | ".join(texts) + " |")
    return lines


def _row_cells(row: _Row, width: int) -> list[str | None]:
    """Return a row's cell texts, one per grid column; None where a cell merged from the left goes on.

    The text keeps one line per paragraph; tabs and pipes inside it become spaces (they part cells).
    """
    cells: list[str | None] = [""] * row.grid_cols_before
    previous: _Cell | None = None
    for cell in row.cells:  # a merged cell comes once per grid column it spans, as the same object
        if cell is previous:
            cells.append(None)
            continue
        previous = cell
        paragraphs = (" ".join(line.replace("|", " ").split()) for line in cell.text.splitlines())
        cells.append("\n".join(paragraph for paragraph in paragraphs if paragraph))
    cells += [""] * row.grid_cols_after
    return cells + [""] * (width - len(cells))


def _has_label_header(grid: list[list[str | None]]) -> bool:
    """Return whether the first row of several cells holds only column labels ("TT", "Cơ quan chủ trì")."""
    for row in grid:
        cells = [cell for cell in row if cell is not None]
        if len(cells) > 1:
            return all(is_label(_join_paragraphs(cell)) for cell in cells)
    return False


def _join_paragraphs(cell: str) -> str:
    """Return the paragraphs of a cell on one line: "; " between items, a space where a sentence goes on.

    A cell listing agencies one per paragraph ("Sở Tài chính" / "UBND các xã") reads in a labelled
    item as directives write such lists, "Sở Tài chính; UBND các xã"; a bare space would run the names
    into one. A paragraph that already ends in a mark ("Tổ chức hội nghị:") or one that goes on in
    lower case or with a bracket ("Thời gian" / "hoàn thành") joins with a space.
    """
    joined = ""
    for paragraph in cell.split("\n"):
        if not joined:
            joined = paragraph
        elif joined.endswith(_CLOSING_MARKS) or paragraph[0].islower() or paragraph[0] == "(":
            joined = f"{joined} {paragraph}"
        else:
            joined = f"{joined}; {paragraph}"
    return joined


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
