"""Heading tree -> passages: one per smallest meaningful item, within a token budget, never across sections.

Rules, in order:
- a heading line is not a passage of its own: it opens the first passage under it (and stands in the
  heading path of every passage under it); a lead-in ending in ":" likewise opens its first sub-item;
- a list item or numbered item with its sub-items is one passage when it fits the budget;
- an item that does not fit becomes its own line (split at sentence, then ";", then "," boundaries)
  followed by the passages of its sub-items.
Every passage is a span of the cleaned text, and the passages together cover the whole body.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from indexer.sections import Section, join_path

TokenCounter = Callable[[str], int]

# Cut points inside a long paragraph, best first: after a sentence ("… đề ra. Tiếp tục …"), after ";",
# after "," and, as a last resort, between any two words.
_CUTS = (
    re.compile(r"(?<=[.!?…])[”\"’)]*\s+(?=\S)"),
    re.compile(r"(?<=;)\s+(?=\S)"),
    re.compile(r"(?<=,)\s+(?=\S)"),
    re.compile(r"\s+(?=\S)"),
)
# a token that is only a heading or item marker: "II.", "2.1.", "1)", "a)"
_MARKER_TOKEN = re.compile(r"(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]")


@dataclass(frozen=True)
class Passage:
    """A span of the cleaned text and the heading path it sits under."""

    section: str
    start: int
    end: int


class _Budget:
    """Whether a span of the text fits the token budget, with the text at hand."""

    def __init__(self, text: str, count_tokens: TokenCounter, max_tokens: int) -> None:
        self.text = text
        self._count = count_tokens
        self._max = max_tokens

    def fits(self, start: int, end: int) -> bool:
        return self._count(self.text[start:end]) <= self._max


def chunk_sections(
    text: str, sections: Sequence[Section], count_tokens: TokenCounter, max_tokens: int
) -> list[Passage]:
    """Return the passages of a parsed body, in text order."""
    budget = _Budget(text, count_tokens, max_tokens)
    return [p for section in sections for p in _passages(section, (), budget)]


def split_span(
    start: int, end: int, section: str, budget: _Budget, level: int = 0, keep_until: int = 0
) -> list[Passage]:
    """Return a span cut into passages that fit the budget, at the best boundaries available.

    No cut falls before `keep_until` (heading lines that open the span stay with its first words).
    """
    start, end = _trim(budget.text, start, end)
    if start >= end:
        return []
    if budget.fits(start, end) or level >= len(_CUTS):
        return [Passage(section, start, end)]
    if level == len(_CUTS) - 1 and start < keep_until < end:
        # rather than cut a sentence between words, let the heading lines stand alone
        return split_span(start, keep_until, section, budget, 0) + split_span(
            keep_until, end, section, budget, 0
        )
    cuts = [
        m.end()
        for m in _CUTS[level].finditer(budget.text, start, end)
        if m.end() > keep_until and not _after_marker(budget.text, m.start())
    ]
    if not cuts:
        return split_span(start, end, section, budget, level + 1, keep_until)
    passages: list[Passage] = []
    piece_start = start
    for i, cut in enumerate([*cuts, end]):
        next_cut = cuts[i + 1] if i + 1 < len(cuts) else end
        if cut == end or not budget.fits(piece_start, next_cut):
            passages.extend(split_span(piece_start, cut, section, budget, level + 1, keep_until))
            piece_start = cut
    return passages


def _after_marker(text: str, at: int) -> bool:
    """Return whether the punctuation before `at` closes a marker ("II.", "2.1.", "a)"), not a sentence."""
    before = text[max(0, at - 12) : at].split()
    return bool(before) and bool(_MARKER_TOKEN.fullmatch(before[-1]))


def split_passage(
    text: str, start: int, end: int, section: str, count_tokens: TokenCounter, max_tokens: int
) -> list[Passage]:
    """Return one span of `text` as passages within the budget (for footnotes and other loose text)."""
    return split_span(start, end, section, _Budget(text, count_tokens, max_tokens))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _passages(
    node: Section, path: tuple[str, ...], budget: _Budget, open_at: int | None = None
) -> list[Passage]:
    """Return the passages of one line and what is nested under it.

    `open_at` is where heading lines above the node begin: its first passage starts there.
    """
    begin = node.start if open_at is None else open_at
    inner = (*path, node.label)
    if node.is_heading:
        if not node.children:
            return split_span(begin, node.end, join_path(path), budget, keep_until=node.start)
        return _children(node, inner, budget, begin)
    if budget.fits(begin, node.subtree_end):
        return [Passage(join_path(path), begin, node.subtree_end)]
    if node.is_lead_in:
        return _children(node, inner, budget, begin)
    own = split_span(begin, node.end, join_path(path), budget, keep_until=node.start)
    return own + _children(node, inner, budget, None)


def _children(node: Section, inner: tuple[str, ...], budget: _Budget, open_at: int | None) -> list[Passage]:
    """Return the passages of a node's children; the first opens at `open_at` (the node's own line)."""
    passages: list[Passage] = []
    for i, child in enumerate(node.children):
        passages += _passages(child, inner, budget, open_at if i == 0 else None)
    return passages
