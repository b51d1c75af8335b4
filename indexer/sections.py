"""The heading tree of a directive's body: headings, list items and paragraphs, nested as the text nests them.

Nesting follows the markers the document uses, in the order it first uses them: a marker kind seen
before closes everything opened since ("2.2." closes "2.1." and its "-" items), a new kind opens a
level below the current one ("+" under "-"). Headings of higher rank ("II.", "Điều 3.", "Phụ lục")
close lower ones even when their own kind was not seen yet. A plain paragraph closes open list
items and stays under the nearest heading; one ending in ":" leads in the items that follow it.
The paragraphs after the last marked line of the body ("Yêu cầu các cơ quan … thực hiện./.") close a
numbered item that ends a sentence too; they belong to no item, only to an article ("Điều 3.").

A numbered line that is a whole sentence ("3. Văn phòng Tỉnh ủy theo dõi … hằng quý.") is content,
not a title, under a heading. With no heading above it, or as an article ("Điều 3. Quyết định này có
hiệu lực …"), it still names its own section: it becomes a heading labelled by its first clause, and
the rest of its line (with what is nested under it) the one child of that heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from indexer.markers import STRUCTURAL, Marker, MarkerKind, read_marker

LABEL_MAX = 120
PATH_SEPARATOR = " > "

# rank of structural headings: a heading closes open headings of equal or lower rank
_RANK: dict[MarkerKind, int] = {"appendix": 0, "chapter": 1, "part": 2, "roman": 3, "article": 4, "arabic": 5}


@dataclass(frozen=True)
class Section:
    """One line of the body (heading, list item or paragraph) with the lines nested under it."""

    kind: MarkerKind
    label: str  # the heading as it stands in a heading path: whitespace collapsed, cut at 120 chars
    start: int  # offsets of the line in the cleaned text
    end: int
    is_heading: bool  # a title ("2.2.3. Ban Tổ chức Tỉnh ủy"), not a sentence of content
    children: tuple[Section, ...] = ()
    ends_with_colon: bool = False

    @property
    def subtree_end(self) -> int:
        """Return the end offset of the line and everything nested under it."""
        return self.children[-1].subtree_end if self.children else self.end

    @property
    def is_lead_in(self) -> bool:
        """Return whether the line introduces the items under it ("- Sở Tài chính chủ trì …:")."""
        return bool(self.children) and self.ends_with_colon


def heading_label(line: str) -> str:
    """Return a line as a heading-path part: whitespace collapsed, at most ~120 characters ("…" if cut)."""
    label = " ".join(line.split())
    if len(label) <= LABEL_MAX:
        return label
    cut = label[:LABEL_MAX].rsplit(" ", 1)[0]
    return cut.rstrip(",;:-– ") + "…"


def join_path(path: Sequence[str]) -> str:
    """Return the heading path string "II. NHIỆM VỤ > 2. … > 2.2. …"."""
    return PATH_SEPARATOR.join(part for part in path if part)


def _ends_sentence(line: str) -> bool:
    return line.rstrip(" ”\"’')").endswith((".", ";", "!", "?", "…"))


def _is_title(line: str) -> bool:
    """Return whether a structural line reads as a title ("II. NHIỆM VỤ", "Điều 3." alone), not content."""
    bare = not line[len(read_marker(line).text) :].strip()
    return bare or (not _ends_sentence(line) and len(line.split()) <= 60)


def _clause_label(line: str) -> str:
    """Return a heading label made of the first clause of a line.

    A clause ends at "." ";" ":" before a space or the line end: "3. Văn phòng … Thông báo này; tổng
    hợp …" -> "3. Văn phòng … Thông báo này".
    """
    marker = read_marker(line).text
    cut = re.search(r"[.;:](?=\s|$)", line[len(marker) :])
    return heading_label(line[: len(marker) + cut.start()] if cut else line)


@dataclass
class _Node:
    marker: Marker
    line: str
    start: int
    end: int
    label: str
    children: list[_Node] = field(default_factory=list)

    @property
    def key(self) -> tuple[MarkerKind, int]:
        return (self.marker.kind, self.marker.depth)

    def freeze(self, under_heading: bool = False) -> Section:
        """Return the frozen section; `under_heading` tells whether a heading stands above it."""
        kind = self.marker.kind
        heading = kind in STRUCTURAL and _is_title(self.line)
        colon = self.line.endswith(":")
        names_itself = kind in STRUCTURAL and not heading and (kind == "article" or not under_heading)
        children = tuple(c.freeze(under_heading or heading or names_itself) for c in self.children)
        if not names_itself:
            return Section(kind, self.label, self.start, self.end, heading, children, colon)
        # "Điều 3." + "Quyết định này có hiệu lực …": the rest of the line is the heading's one child,
        # with an empty label so that the heading path does not repeat the line
        rest = self.start + len(self.line) - len(self.line[len(self.marker.text) :].lstrip())
        body = Section("para", "", rest, self.end, False, children, colon)
        return Section(kind, _clause_label(self.line), self.start, self.end, True, (body,), colon)


def _closes(new: Marker, open_node: _Node) -> bool:
    """Return whether a heading of marker `new` closes the open node (a lower heading or any item)."""
    kind = open_node.marker.kind
    if kind not in STRUCTURAL:
        return True
    if new.kind == kind == "arabic":
        return open_node.marker.depth >= new.depth
    return _RANK[kind] >= _RANK[new.kind]


def _closes_item(open_node: _Node, closing: bool) -> bool:
    """Return whether a plain paragraph closes the open node.

    It closes any list item and, being one of the `closing` paragraphs of the body, a numbered item
    that ends a sentence ("2. Ban An toàn giao thông … ." / "Yêu cầu các cơ quan … Chỉ thị này./.").
    """
    kind = open_node.marker.kind
    if kind not in STRUCTURAL:
        return True
    return closing and kind in ("roman", "arabic") and not _is_title(open_node.line)


def _place(stack: list[_Node], node: _Node, closing: bool = False) -> None:
    """Pop the levels the new line closes, attach it under the remaining top, and open its level.

    `closing` marks a paragraph after the last marked line of the body.
    """
    kind = node.marker.kind
    if kind == "para":
        while len(stack) > 1 and _closes_item(stack[-1], closing):
            stack.pop()
        parent = stack[-1]
        if parent.marker.kind == "appendix" and not parent.children and len(node.line) <= 200:
            # an appendix's title lines ("Phụ lục 02:" / "<title>" / "(Kèm theo …)") belong to its heading
            if parent.end == parent.start + len(parent.line):
                parent.label = heading_label(f"{parent.line} {node.line}")  # "Phụ lục 02: <its title>"
            parent.end = node.end
            return
        parent.children.append(node)
        if node.line.rstrip().endswith(":"):
            stack.append(node)
        return
    same = next((i for i in range(1, len(stack)) if stack[i].key == node.key), None)
    if kind == "arabic" and same is None:
        same = next(
            (
                i
                for i in range(1, len(stack))
                if stack[i].marker.kind == "arabic" and stack[i].marker.depth >= node.marker.depth
            ),
            None,
        )
    if same is not None:
        del stack[same:]
    elif kind in STRUCTURAL:
        while len(stack) > 1 and _closes(node.marker, stack[-1]):
            stack.pop()
    stack[-1].children.append(node)
    stack.append(node)


def parse_sections(text: str, spans: Sequence[tuple[int, int]]) -> tuple[Section, ...]:
    """Return the top-level sections of the body spans of a cleaned text (one line per paragraph)."""
    top: list[Section] = []
    for span_start, span_end in spans:
        root = _Node(Marker("para", ""), "", span_start, span_start, "")
        stack = [root]
        nodes: list[_Node] = []
        offset = span_start
        for raw in text[span_start:span_end].split("\n"):
            line_start, offset = offset, offset + len(raw) + 1
            stripped = raw.strip()
            if not stripped:
                continue
            start = line_start + (len(raw) - len(raw.lstrip()))
            nodes.append(
                _Node(read_marker(stripped), stripped, start, start + len(stripped), heading_label(stripped))
            )
        marked = [i for i, node in enumerate(nodes) if node.marker.kind != "para"]
        last_marked = marked[-1] if marked else len(nodes)
        for i, node in enumerate(nodes):
            _place(stack, node, closing=i > last_marked)
        top.extend(child.freeze() for child in root.children)
    return tuple(top)
