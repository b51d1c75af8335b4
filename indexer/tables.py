"""Task tables of a raw text (tab- or pipe-separated rows) -> one labelled line per row.

Plans end with a "PHỤ LỤC / DANH MỤC NHIỆM VỤ" table: a header row of column labels (TT | Nhiệm vụ |
Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành) and one row per task. Once the cleaner has
collapsed tabs and pipes, nobody can tell which agency leads and which date belongs to which task, so
each data row is rewritten first as one list item that names its cells by their column labels:

    TT⇥Nhiệm vụ⇥Cơ quan chủ trì⇥Cơ quan phối hợp⇥Thời gian hoàn thành
    5⇥Bộ chỉ số DDCI⇥Sở Nội vụ⇥Sở Tài chính; UBND các xã⇥Tháng 10/2026
->
    - 5. Bộ chỉ số DDCI. Cơ quan chủ trì: Sở Nội vụ. Cơ quan phối hợp: Sở Tài chính; UBND các xã.
      Thời gian hoàn thành: Tháng 10/2026.   (one line)

The number ("TT"/"STT") becomes the item number, the first text column comes first without its label,
empty cells are left out; the header row itself goes. A row whose number cell is empty continues the
row above it cell by cell, and a plain line inside the table (a cell wrapped onto the next line)
continues the task text. A row holding only a Roman numeral and a title ("II⇥NHÓM NHIỆM VỤ VỀ VỐN")
becomes the heading "II. NHÓM NHIỆM VỤ VỀ VỐN" of the rows under it. A group heading written across
the whole table (a merged row of a Word table, which `indexer.loaders` gives as a plain line) stays a
heading line: a plain line with a row after it that lies right under the header, or opens with a
group marker ("II.", "B.", "Mục 2."), or is in capitals after a task row ("NHÓM NHIỆM VỤ VỀ VỐN").

Only tables with the shape of a data table are touched: a header of at least three labels (short, a
number only inside three words or more, "Diện tích trên 70% (ha)", no ".", ":" or ";", no national
motto) and at least two data rows with as many cells. The header and signature blocks of a directive
printed in two columns ("ỦY BAN NHÂN DÂN⇥CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Nơi nhận:⇥TM. ỦY BAN NHÂN
DÂN") stay as they are, for `indexer.cleaning` and `indexer.metadata` to read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from indexer.markers import read_marker
from indexer.normalize import match_key

Separator = Literal["\t", "|"]

# the labels of a numbering column, in match form: "TT", "STT", "Số TT", "Số thứ tự"
_NUMBER_LABELS = frozenset({"tt", "stt", "số tt", "số thứ tự", "thứ tự"})

# A markdown table rule between the header and the rows: "| --- | :---: |", "|---|---|", "---|---".
_RULE = re.compile(r"\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*")

# A line that may lie between two rows without ending the table: blank, a PDF page break (form
# feed) or a lone page number ("3", "- 12 -", "Trang 2").
_GAP = re.compile(r"\s*|\f|\s*(?i:trang\s+)?[-–(]?\s*\d{1,3}\s*[-–)]?\s*")

# A value of the numbering column: "1", "01", "1.", "2.3", "II", "IV.", "a", "b)". Parts: dotted
# Arabic numbers, or a Roman numeral, or one lower-case letter; then an optional "." or ")".
_NUMBER = re.compile(r"(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[a-zđ])[.)]?")
# A Roman numeral alone ("II", "IV."), the number of a group row that titles the rows under it.
_ROMAN = re.compile(r"[IVXLC]{1,6}\.?")

# A capital letter numbering a group of rows: "A. NHIỆM VỤ CHUNG", "B) Nhóm nhiệm vụ về vốn". Parts: one
# capital, "." or ")", a space, then text.
_GROUP_LETTER = re.compile(r"[A-ZĐ][.)]\s+\S")

# An HTML line break left inside a cell by a web copy: "<br>", "<br/>", "<br />".
_CELL_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)

# A header cell that is no column label: ".", ":" or ";" ("Số: 12/KH", "TM. ỦY BAN", "Nơi nhận:"), or a
# signing formula written with a slash ("T/M ĐẢNG ỦY", "T/L BAN THƯỜNG VỤ").
_NOT_LABEL = re.compile(r"[.:;]|^[^\W\d_]{1,3}/[^\W\d_]{1,3}\s")
# A label may hold a number inside words: "Diện tích thiệt hại trên 70% (ha)", "… đến năm 2030 (ha)"; a
# cell that opens with one, or holds one in fewer than three words, is a value ("08h00 ngày 05/12", "2025").
_LABEL_WORDS_AROUND_NUMBER = 3
# A cell of a signature block: "(Đã ký)", "(ký)", "(Ký tên, đóng dấu)".
_SIGNED = re.compile(r"\(\s*(?:đã\s+)?ký", re.IGNORECASE)

_LABEL_MAX_CHARS = 60
_LABEL_MAX_WORDS = 8
_MIN_COLUMNS = 3
_MIN_ROWS = 2


@dataclass(frozen=True)
class Table:
    """A task table found in the raw lines: lines [start, end), its column labels and data rows.

    A row of one cell is a heading line inside the table ("I. NHÓM NHIỆM VỤ VỀ THỂ CHẾ"); data rows
    hold one cell per label.
    """

    start: int
    end: int
    labels: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    @property
    def numbered(self) -> bool:
        """Return whether the first column numbers the rows ("TT", "STT")."""
        return numbers_rows(self.labels)


def numbers_rows(labels: Sequence[str]) -> bool:
    """Return whether a table's first column numbers its rows: its label is "TT", "STT", "Số TT" …"""
    return match_key(labels[0]) in _NUMBER_LABELS


def rewrite_tables(lines: Sequence[str]) -> list[str]:
    """Return raw lines with every task table replaced by one labelled line per row; others untouched.

    A blank line follows each rewritten table, so the text after it starts a paragraph of its own.
    """
    result: list[str] = []
    at = 0
    while at < len(lines):
        table = find_table(lines, at)
        if table is None:
            result.append(lines[at])
            at += 1
            continue
        result.extend(render_table(table))
        if table.end < len(lines) and lines[table.end].strip():
            result.append("")
        at = table.end
    return result


def find_table(lines: Sequence[str], at: int) -> Table | None:
    """Return the task table whose header row is line `at`, or None when no such table starts there."""
    header = split_cells(lines[at])
    if header is None:
        return None
    separator, labels = header
    while labels and not labels[-1]:  # a trailing tab or an empty last header cell
        labels.pop()
    if len(labels) < _MIN_COLUMNS or not all(is_label(label) for label in labels):
        return None
    reader = _RowReader(tuple(labels), separator)
    end = reader.read(lines, at + 1)
    rows = tuple(tuple(row) for row in reader.rows)
    if reader.full_rows < _MIN_ROWS or any(_SIGNED.search(cell) for row in rows for cell in row):
        return None
    return Table(at, end, tuple(labels), rows)


def split_cells(line: str) -> tuple[Separator, list[str]] | None:
    """Return the separator of a table row and its cells (tidied), or None for a line without one.

    Tabs win over pipes; pipes at both ends of a markdown row do not open empty cells:
    "| 1 | Xây dựng kế hoạch |" -> ("|", ["1", "Xây dựng kế hoạch"]).
    """
    separator: Separator
    if "\t" in line:
        separator, body = "\t", line.strip(" \r\n")
    elif "|" in line:
        separator, body = "|", line.strip()
        body = body[1:] if body.startswith("|") else body
        body = body[:-1] if body.endswith("|") else body
    else:
        return None
    return separator, [_tidy_cell(cell) for cell in body.split(separator)]


def _tidy_cell(cell: str) -> str:
    """Return a cell with markdown bold marks and HTML line breaks gone and spaces collapsed."""
    return " ".join(_CELL_BREAK.sub(" ", cell).replace("*", " ").split())


def is_label(cell: str) -> bool:
    """Return whether a header cell reads as a column label ("Cơ quan chủ trì", "STT", "KINH PHÍ")."""
    key = match_key(cell)
    if key in _NUMBER_LABELS:
        return True
    return (
        0 < len(cell) <= _LABEL_MAX_CHARS
        and len(cell.split()) <= _LABEL_MAX_WORDS
        and not _NOT_LABEL.search(cell)
        and not (any(ch.isdigit() for ch in cell)
                 and (cell[0].isdigit() or len(cell.split()) < _LABEL_WORDS_AROUND_NUMBER))
        and not cell.startswith(("-", "+", "•", "("))
        and "việt nam" not in key  # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"
        and "độc lập" not in key  # "Độc lập - Tự do - Hạnh phúc"
    )


class _RowReader:
    """Reads the rows under a header until a line that belongs to no row ends the table."""

    def __init__(self, labels: tuple[str, ...], separator: Separator) -> None:
        self.labels = labels
        self.separator = separator
        self.numbered = numbers_rows(labels)
        self.main = 1 if self.numbered else 0  # the column of the task text
        self.rows: list[list[str]] = []
        self.full_rows = 0  # rows with exactly one cell per column

    def read(self, lines: Sequence[str], at: int) -> int:
        """Return the index of the first line after the table, collecting its rows on the way."""
        end = at
        for i in range(at, len(lines)):
            line = lines[i]
            if _GAP.fullmatch(line) or (self.separator == "|" and _RULE.fullmatch(line)):
                continue  # a gap or a rule belongs to the table only if a row follows it
            if not self._take(line, lines[i + 1 :]):
                break
            end = i + 1
        return end

    def _take(self, line: str, after: Sequence[str]) -> bool:
        """Return whether the line belongs to the table, adding it to the rows if it does."""
        row = self.row_cells(line)
        if row is not None:
            cells, full = row
            self.full_rows += self._add(cells) and full
            return True
        if split_cells(line) is not None:
            return False
        if self._heads_group(line, after):
            self.rows.append([_tidy_cell(line)])
            return True
        if self.rows and self._continues(line, after):
            self._continue_text(line.strip())
            return True
        return False

    def row_cells(self, line: str) -> tuple[list[str], bool] | None:
        """Return the cells of a data row, one per column, and whether none was missing; None for no row.

        A trailing empty cell too many is dropped; a tab row short of its last cell (a copy that lost the
        trailing tab of an empty cell) is padded, in tables of four columns or more. A pipe row must be
        whole: a table copied without its empty cells (from a web page, or an older Word reader) may miss
        any cell, not just the last. A group row ("II" and a title) may be short of all the cells
        after its title. The header of another table ("STT" again, other labels) is no row.
        """
        split = split_cells(line)
        if split is None or split[0] != self.separator:
            return None
        cells = split[1]
        width = len(self.labels)
        while len(cells) > width and not cells[-1]:
            cells.pop()
        short = width - len(cells)
        group = self.numbered and len(cells) == 2 and bool(_ROMAN.fullmatch(cells[0])) and bool(cells[1])
        lost_last = short == 1 and width >= 4 and self.separator == "\t"
        if short < 0 or (short >= 1 and not group and not lost_last):
            return None
        if self.numbered and match_key(cells[0]) in _NUMBER_LABELS and not self._is_header(cells):
            return None
        if self.numbered and cells[0] and not _NUMBER.fullmatch(cells[0]) and not any(cells[1:]):
            return None  # a lone word in the number column: not a row
        return cells + [""] * short, short == 0

    def _add(self, cells: list[str]) -> bool:
        """Return whether the cells opened a new row: not empty, not the header again, not a wrapped row."""
        if not any(cells):
            return False  # a row of empty cells
        if self._is_header(cells):
            return False  # the header repeated at the top of the next page
        if self.numbered and not cells[0] and not any(cells[2:]) and self._titles_group(cells[1]):
            self.rows.append([cells[1]])  # a group title in the task column, its number cell empty
            return False
        if self.numbered and not cells[0] and self.rows and len(self.rows[-1]) > 1:
            previous = self.rows[-1]  # a row wrapped onto the next line, cell by cell
            pairs = zip(previous, cells, strict=True)
            self.rows[-1] = [" ".join(part for part in pair if part) for pair in pairs]
            return False
        self.rows.append(cells)
        return True

    def _is_header(self, cells: Sequence[str]) -> bool:
        return [match_key(cell) for cell in cells] == [match_key(label) for label in self.labels]

    def _heads_group(self, line: str, after: Sequence[str]) -> bool:
        """Return whether a plain line inside the table titles the rows after it (a merged Word row).

        It does when a row follows it and it lies right under the header, or reads as a group title.
        """
        following = next((other for other in after if not _GAP.fullmatch(other)), None)
        if following is None or self.row_cells(following) is None:
            return False
        return not self.rows or self._titles_group(line.strip())

    def _titles_group(self, text: str) -> bool:
        """Return whether a text titles a group of rows: "II. …", "B. …", "Mục 2.", or capitals after a task.

        A line in capitals right after a group title is that title wrapped ("NHÓM NHIỆM VỤ VỀ" / "VỐN").
        """
        if read_marker(text).kind in ("roman", "part", "chapter") or _GROUP_LETTER.match(text):
            return True
        letters = [ch for ch in text if ch.isalpha()]
        capitals = len(text.split()) >= 2 and len(letters) >= 6 and all(ch.isupper() for ch in letters)
        return capitals and bool(self.rows) and not _is_heading_row(self.rows[-1], self.numbered)

    def _continues(self, line: str, after: Sequence[str]) -> bool:
        """Return whether a plain line inside the table continues a cell wrapped onto it.

        It does when it opens in lower case or with punctuation ("doanh nghiệp nhỏ và vừa"), or when
        another row of the table follows it.
        """
        first = line.strip()[:1]
        if first.islower() or first in ",.;:)”’":
            return True
        following = next((other for other in after if not _GAP.fullmatch(other)), None)
        return following is not None and self.row_cells(following) is not None

    def _continue_text(self, line: str) -> None:
        row = self.rows[-1]
        column = self.main if len(row) > 1 else 0  # a heading line wrapped onto the next line
        row[column] = f"{row[column]} {line}".strip()


def _is_heading_row(row: Sequence[str], numbered: bool) -> bool:
    """Return whether a row renders as a heading: a plain heading line, or a Roman numeral and a title."""
    if len(row) == 1:
        return True
    return numbered and bool(_ROMAN.fullmatch(row[0])) and bool(row[1]) and not any(row[2:])


def render_table(table: Table) -> list[str]:
    """Return the lines that stand for a table: one per data row, a heading line per group row."""
    return [row[0] if len(row) == 1 else render_row(table.labels, row, table.numbered) for row in table.rows]


def render_row(labels: Sequence[str], cells: Sequence[str], numbered: bool) -> str:
    """Return one data row as a list item naming its cells by their labels.

    (TT, Nhiệm vụ, Cơ quan chủ trì) + ("5", "Bộ chỉ số DDCI", "Sở Nội vụ")
    -> "- 5. Bộ chỉ số DDCI. Cơ quan chủ trì: Sở Nội vụ."
    A group row, a Roman numeral and a title alone, becomes a heading: "II. NHÓM NHIỆM VỤ VỀ VỐN".
    """
    main = 1 if numbered else 0
    number = cells[0] if numbered else ""
    text = cells[main] if main < len(cells) else ""
    if number and not _NUMBER.fullmatch(number):
        text, number = f"{number} {text}".strip(), ""  # "Tổng cộng" in the number column
    rest = [(labels[i], cells[i]) for i in range(main + 1, len(labels)) if cells[i]]
    if number and _ROMAN.fullmatch(number) and text and not rest:
        return f"{number.rstrip('.')}. {text}"
    parts = [part for part in (_item_number(number), _sentence(text) if text else "") if part]
    parts += [f"{_label_text(label)}: {_sentence(value)}" for label, value in rest]
    return "- " + " ".join(parts)


def _item_number(number: str) -> str:
    """Return a number cell as an item number: "5" -> "5.", "b)" stays "b)"."""
    return number if not number or number.endswith((".", ")")) else f"{number}."


def _sentence(value: str) -> str:
    """Return a cell value closed by one full stop: "Sở Tài chính;" -> "Sở Tài chính."."""
    value = value.rstrip(" ,;:")
    return value if value.endswith((".", "!", "?", "…")) else f"{value}."


def _label_text(label: str) -> str:
    """Return a label as written, or in sentence case when it is all capitals ("CƠ QUAN CHỦ TRÌ")."""
    if label.isupper() and len(label) > 3:
        return label[0] + label[1:].lower()
    return label
