"""Builders of real .docx and .pdf files from text, for the loader and ingestion tests."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import pytest

# DejaVu Sans covers Vietnamese: Debian package fonts-dejavu-core (the Makefile's `browser` target)
FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
)


def unicode_font() -> Path:
    """Return a Unicode TTF font path, or skip the test when the machine has none."""
    for path in FONT_CANDIDATES:
        if path.exists():
            return path
    pytest.skip("no DejaVu font: apt-get install fonts-dejavu-core")


def docx_bytes(text: str, header_cells: tuple[str, str] | None = None) -> bytes:
    """Return a Word file with one paragraph per non-blank line; optional two-cell header table first."""
    import docx

    document = docx.Document()
    if header_cells:
        table = document.add_table(rows=1, cols=2)
        for cell, content in zip(table.rows[0].cells, header_cells, strict=True):
            cell.text = content
    for line in text.split("\n"):
        if line.strip():
            document.add_paragraph(line.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_table_file(
    path: Path,
    rows: Sequence[Sequence[str]],
    merges: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
    before: str = "PHỤ LỤC",
) -> Path:
    """Write a Word file holding a paragraph and a table; return its path.

    A cell's text lines become separate paragraphs of the cell; each merge joins the cells from one
    (row, column) to the other, whose texts should be empty but for the first.
    """
    import docx

    document = docx.Document()
    document.add_paragraph(before)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            first, *more = text.split("\n")
            cell.paragraphs[0].text = first
            for paragraph in more:
                cell.add_paragraph(paragraph)
    for (top, left), (bottom, right) in merges:
        table.cell(top, left).merge(table.cell(bottom, right))
    document.save(str(path))
    return path


def pdf_bytes(text: str, page_numbers: bool = True) -> bytes:
    """Return a PDF with the text laid out (and wrapped) on A4 pages, page numbers in the footer."""
    from fpdf import FPDF

    class _Pdf(FPDF):
        def footer(self) -> None:
            if page_numbers:
                self.set_y(-15)
                self.cell(0, 10, str(self.page_no()), align="C")

    pdf = _Pdf(format="A4")
    pdf.add_font("DejaVu", fname=str(unicode_font()))
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for line in text.split("\n"):
        if line.strip():
            pdf.multi_cell(0, 6, line.strip(), new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(3)
    return bytes(pdf.output())


def blank_pdf_bytes() -> bytes:
    """Return a PDF whose only page holds a drawing and no text (like a scan)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 150, style="F")
    return bytes(pdf.output())
