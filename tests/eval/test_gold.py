"""The gold files: schema, coverage the issue asks for, and every evidence span found in its document."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from assistant.errors import BadInput
from assistant.settings import DEMO_CORPUS
from eval.gold import QUESTION_TYPES, GoldItem, load_gold, missing_evidence, parse_gold_line

GOLD = Path(__file__).resolve().parents[2] / "eval" / "gold"


@pytest.fixture(scope="module")
def splits() -> dict[str, list[GoldItem]]:
    return {name: load_gold(GOLD / f"{name}.jsonl") for name in ("dev", "test")}


@pytest.fixture(scope="module")
def documents() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in DEMO_CORPUS.glob("*.txt")}


def test_gold_covers_what_the_issue_asks(splits: dict[str, list[GoldItem]]) -> None:
    items = splits["dev"] + splits["test"]
    assert len(items) >= 150
    assert len({i.id for i in items}) == len(items), "ids are unique across splits"
    assert len({i.question for i in items}) == len(items), "no question is repeated"
    types = Counter(i.type for i in items)
    assert types["none"] >= 20
    for name, split in splits.items():
        assert {i.type for i in split} == set(QUESTION_TYPES), f"{name} has every question type"
        assert abs(len(split) - len(items) / 2) <= 5, "split roughly in half"


def test_unanswerable_and_answerable_shapes(splits: dict[str, list[GoldItem]]) -> None:
    for item in splits["dev"] + splits["test"]:
        if item.type == "none":
            assert item.answers == () and item.evidence == () and item.doc is None
        else:
            assert item.answers and item.evidence and item.doc


def test_every_gold_document_exists(splits: dict[str, list[GoldItem]], documents: dict[str, str]) -> None:
    docs = {i.doc for i in splits["dev"] + splits["test"] if i.doc}
    assert docs == set(documents), "each demo document is used, and only those"


def test_every_evidence_span_occurs_in_its_document(
    splits: dict[str, list[GoldItem]], documents: dict[str, str]
) -> None:
    for name, items in splits.items():
        assert missing_evidence(items, documents) == [], name


@pytest.mark.parametrize("name", ["dev_extra", "dev2", "dev3", "dev4", "dev5",
                                  "dev6a", "dev6b", "dev6c", "dev6d",
                                  "dev7a", "dev7b", "dev7c", "dev7d", "dev8a"])
def test_extra_dev_pairs_are_valid_and_apart_from_the_test_split(
    name: str, splits: dict[str, list[GoldItem]], documents: dict[str, str]
) -> None:
    extra = load_gold(GOLD / f"{name}.jsonl")
    assert missing_evidence(extra, documents) == []
    for item in extra:
        assert (item.type == "none") == (item.doc is None) == (item.answers == ())
    test_questions = {i.question for i in splits["test"]}
    assert not test_questions & {i.question for i in extra}, "tuning pairs never repeat a test question"


@pytest.mark.parametrize(("name", "corpus"), [
    ("genre", "genre_corpus"), ("genre2", "genre2_corpus"), ("genre3", "genre3_corpus"),
    ("genre4", "genre4_corpus"), ("genre5_test", "genre5_test_corpus"), ("genre6", "genre6_corpus"),
    ("genre8", "genre8_corpus"), ("genre7_test", "genre7_test_corpus"), ("genre9", "genre9_corpus"),
    ("genre10_test", "genre10_test_corpus"), ("genre11", "genre11_corpus"), ("genre12", "genre12_corpus"),
    ("genre13", "genre13_corpus"), ("genre15", "genre15_corpus"),
    ("genre14_test", "genre14_test_corpus"),
    ("genre_test", "genre_test_corpus")])
def test_genre_sets_are_valid_over_their_own_documents(name: str, corpus: str) -> None:
    items = load_gold(GOLD / f"{name}.jsonl")
    folder = GOLD.parent / corpus
    texts = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.txt")}
    assert len(items) >= 45 and {i.type for i in items} == set(QUESTION_TYPES)
    assert {i.doc for i in items if i.doc} <= texts.keys()
    assert missing_evidence(items, texts) == []


def test_missing_evidence_reports_a_span_that_is_not_there(documents: dict[str, str]) -> None:
    item = GoldItem(
        "x",
        "q",
        ("a",),
        ("UBND tỉnh chỉ đạo các sở, ngành liên quan", "Sở Tài chính chủ trì"),
        "000_d4e1942f8233c084.txt",
        "who",
    )
    # the first span is in doc 000 (tone/whitespace folded); the second is only in doc 002
    assert missing_evidence([item], documents) == [("x", "Sở Tài chính chủ trì")]


def test_bad_gold_lines_are_rejected_with_their_location() -> None:
    good = '{"id":"a","question":"Ai?","answers":["X"],"evidence":["X"],"doc":"d.txt","type":"who"}'
    assert parse_gold_line(good, "f:1").type == "who"
    bad_lines = [
        "not json",
        '{"id":"a","question":"Ai?","answers":["X"],"evidence":["X"],"doc":"d.txt","type":"why"}',
        '{"id":"a","question":"Ai?","answers":[],"evidence":["X"],"doc":"d.txt","type":"who"}',
        '{"id":"a","question":"Ai?","answers":["X"],"evidence":[],"doc":null,"type":"none"}',
        '{"id":"a","question":"Ai?","answers":["X"],"evidence":["X"],"type":"who"}',
    ]
    for line in bad_lines:
        with pytest.raises(BadInput, match="f:7"):
            parse_gold_line(line, "f:7")


def test_duplicate_ids_are_rejected(tmp_path: Path) -> None:
    line = '{"id":"a","question":"Ai?","answers":["X"],"evidence":["X"],"doc":"d.txt","type":"who"}'
    path = tmp_path / "g.jsonl"
    path.write_text(line + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(BadInput, match="duplicate id"):
        load_gold(path)
