"""Answers from a document's outline: the parts under the heading a question names.

"Phần tổ chức thực hiện giao nhiệm vụ cho những cơ quan nào?" or "Đề cương báo cáo gồm những mục lớn
nào?" is answered by the headings one level below "III. TỔ CHỨC THỰC HIỆN" or "Phụ lục 03: ĐỀ CƯƠNG
BÁO CÁO", which retrieval alone rarely returns together. The outline is the indexer's own heading tree
of the document's cleaned text (the same parse that cut its passages), built once per document text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from assistant.evidence import MAX_LIST_CHARS, Candidate, item_name, retrieved_records, shorten, support
from assistant.model import Hit
from assistant.question import QuestionAnalysis, QuestionKind, content_terms
from assistant.scope import document_name, rank_prior
from assistant.spans import find_actor, heading_actor, person_mentions
from indexer.markers import read_marker
from indexer.metadata import find_layout
from indexer.model import DocumentRecord
from indexer.normalize import match_key
from indexer.sections import Section, parse_sections

ITEM_CHARS = 110  # one part in the joined answer
_PLURALS = frozenset({"các", "những"})


@lru_cache(maxsize=32)
def outline(text: str) -> tuple[Section, ...]:
    """Return the heading tree of a cleaned document text (cached: the same few documents recur)."""
    return parse_sections(text, find_layout(text).body)


def _walk(sections: tuple[Section, ...]) -> Iterator[Section]:
    for section in sections:
        yield section
        yield from _walk(section.children)


def _bare(label: str) -> str:
    """Return a heading label without its marker and closing colon: "1. Đặc điểm tình hình:" -> "Đặc …"."""
    return label[len(read_marker(label).text):].strip().rstrip(":").strip()


def _people_named(labels: list[str]) -> list[str]:
    """Return the person each item names ("- Đồng chí Ma Thị Hạnh, Phó Bí thư …"), when most items
    name one; else nothing."""
    people = [person_mentions(label, 0, len(label))[:1] for label in labels]
    if sum(1 for found in people if found) * 2 < len(labels):
        return []
    return [label[found[0][0]:found[0][1]] for label, found in zip(labels, people, strict=True) if found]


def _asks_people(analysis: QuestionAnalysis) -> bool:
    """Return whether a question asks for people: "Ai là …", "… gồm những ai"."""
    return analysis.person or "những ai" in match_key(analysis.text)


def _doer(item: str) -> str | None:
    """Return the agency doing an item's sentence, or the agency the whole item is."""
    actor = find_actor(item, 0, len(item))
    return item[actor.name[0]:actor.name[1]] if actor else heading_actor(item)


def _named_share(analysis: QuestionAnalysis, label: str) -> float:
    """Return the share of the heading's words the question repeats (0 for a heading of one word);
    "các"/"những" count for each other ("Đề nghị các cơ quan" is named by "những cơ quan nào")."""
    heading = {term for term in content_terms(_bare(label)) if not term[0].isdigit() and term not in _PLURALS}
    asked = set(analysis.terms) | set(content_terms(analysis.text))  # with its noun: "những cơ quan nào"
    return len(heading & asked) / len(heading) if len(heading) >= 2 else 0.0


def _parts(analysis: QuestionAnalysis, section: Section) -> list[str]:
    """Return the parts one level below a heading: their labels, or the agencies they name.

    When the parts are themselves names ("- Giám đốc các sở, thủ trưởng các ban, ngành;"), a part
    whose name the agency reader does not take whole ("- Trưởng, phó các ban đảng;") is kept as written:
    it is one more member of the same list, not a sentence with a doer in it.
    """
    agencies = analysis.kind is QuestionKind.WHO
    children = [child for child in section.children
                if child.label and (child.is_heading or read_marker(child.label).kind != "para")]
    labels = [_bare(child.label).rstrip(";.,").strip() for child in children]
    # a heading names its agency whole ("2.2. Ban Tổ chức Tỉnh ủy"); an item is a sentence with a doer
    # ("- Công an tỉnh hỗ trợ xác thực …")
    actors = [(heading_actor(label) if child.is_heading else _doer(label)) if agencies else item_name(label)
              for child, label in zip(children, labels, strict=True)]
    people = _people_named(labels)
    if _asks_people(analysis) and people:
        return people
    if agencies and not all(actors) and _asks_people(analysis):
        # parts that name no agency ("a) Hộ gia đình, cá nhân …"): "gồm những ai" lists the parts
        actors = [item_name(label) for label in labels]
    named = [label for label, actor in zip(labels, actors, strict=True)
             if actor and actor.rstrip(";.,") == label]
    whole_names = agencies and len(named) >= 2 and len(named) * 2 >= len(labels)
    parts = []
    for label, actor in zip(labels, actors, strict=True):
        part = actor or (label if whole_names else None)
        if part:
            parts.append(shorten(part, ITEM_CHARS))
    if len(parts) >= 2 and all(re.match(r"[Vv]ề\s", part) for part in parts):
        parts = [part[3:].lstrip() for part in parts]  # "1. Về phát triển kinh tế": the topic, not "Về"
    return parts


def outline_candidates(analysis: QuestionAnalysis, hits: list[Hit],
                       get_record: Callable[[str], DocumentRecord | None]) -> list[Candidate]:
    """Return, for each retrieved document, the parts under the heading the question names, joined by "; "."""
    found = []
    asks_content = _CONTENT_ASKED.search(match_key(analysis.text)) is not None
    for rank, record in retrieved_records(hits, get_record):
        doc_id = record.doc_id
        for section in _walk(outline(record.text)):
            named = _named_share(analysis, section.label)
            body = _body(section, record.text) if asks_content and named == 1.0 else None
            if body is not None:  # "Mục “Đặc điểm tình hình” … phải nêu những gì": the text under it
                cited = _cited(hits, doc_id, section, rank)
                value = support(analysis, f"{section.label} {body}", "", document_name(hits[cited]))
                found.append(Candidate(shorten(body, MAX_LIST_CHARS), cited, (0, len(hits[cited].chunk.text)),
                                       value, value + 0.35 + rank_prior(cited), doc_id))
            if len(section.children) < 2 or named < (0.6 if _asks_people(analysis) else 0.75):
                continue  # the question does not name this heading ("Ban Giám khảo gồm 05 thành viên:")
            children = section.children
            if asks_content and (sum(_named_share(analysis, child.label) == 1.0 for child in children) == 1
                                 and any(_body(child, record.text) for child in children)):
                continue  # "Mục “Đặc điểm tình hình” trong đề cương …" asks that part, not the list of parts
            parts = _parts(analysis, section)
            if len(parts) < 2:
                continue
            cited = _cited(hits, doc_id, section, rank)
            value = support(analysis, f"{section.label} {' '.join(parts)}", "", document_name(hits[cited]))
            if _asks_people(analysis) and _people_named([_bare(c.label) for c in section.children]):
                value += 0.1  # "… gồm những ai": the items that name people
            found.append(Candidate(shorten("; ".join(parts), MAX_LIST_CHARS), cited,
                                   (0, len(hits[cited].chunk.text)), value,
                                   value + 0.1 + 0.25 * named + rank_prior(cited), doc_id))
    return found


# A question asking what a part of the document says: "… phải nêu những gì", "… gồm những nội dung gì"
_CONTENT_ASKED = re.compile(r"\b(?:nêu|gồm|có|ghi|trình bày)\s+(?:những\s+)?(?:nội dung\s+)?(?:gì|nào)\b")


def _body(section: Section, text: str) -> str | None:
    """Return the paragraphs under a heading that has no headings or items below it ("1. Đặc điểm tình
    hình" > "Những thuận lợi, khó khăn …"); the caller checks that the question asks what that part
    says (`_CONTENT_ASKED`)."""
    if not section.is_heading or not section.children:
        return None
    if any(child.children or child.is_heading or read_marker(child.label).kind != "para"
           for child in section.children):
        return None
    return " ".join(text[section.children[0].start:section.children[-1].end].split())


def _cited(hits: list[Hit], doc_id: str, section: Section, rank: int) -> int:
    """Return the rank of the first retrieved passage under a heading, else the document's best-ranked one."""
    return next((i for i, h in enumerate(hits) if h.doc.doc_id == doc_id
                 and section.start <= h.chunk.start < section.subtree_end), rank)
