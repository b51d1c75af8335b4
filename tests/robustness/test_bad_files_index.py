"""Bad files given to the indexer are skipped with a reason; nothing already indexed is lost."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest

from assistant.service import Assistant
from tests.robustness.conftest import known_question_found

pytestmark = pytest.mark.integration

# a made-up directive sentence, in Vietnamese with tone marks, for the encoding and Unicode cases
FACT = (
    "Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính số hóa hồ sơ lưu trữ trước ngày 31/12/2025."
)
FACT_QUESTION = "Cơ quan nào chủ trì số hóa hồ sơ lưu trữ?"
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng as combining marks
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")


def bad_files(folder: Path) -> dict[str, bytes]:
    """Write the bad files into `folder`; return their contents by name."""
    junk = random.Random(7).randbytes(4096)
    files = {
        "corrupt.pdf": b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\n" + junk[:2000],
        "empty.txt": b"",
        "junk.txt": junk,
        "blank.txt": b"   \n\n\t  \n",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return files


def with_invisible_marks(text: str) -> str:
    """Return text in NFD (tone marks as combining characters) with zero-width characters inside words."""
    decomposed = unicodedata.normalize("NFD", text)
    rng = random.Random(3)
    return "".join(
        ch + (rng.choice(ZERO_WIDTH) if ch.isalpha() and rng.random() < 0.15 else "") for ch in decomposed
    )


def test_bad_files_are_skipped_with_reasons_and_nothing_is_lost(assistant: Assistant, tmp_path: Path) -> None:
    before = {record.doc_id for record in assistant.list_documents()}
    folder = tmp_path / "incoming"
    folder.mkdir()
    files = bad_files(folder)
    (folder / "good.txt").write_text(f"KẾ HOẠCH\nSố: 12-KH/UBND\n1. {FACT}\n", encoding="utf-8")

    report = assistant.index([folder])

    failed = {Path(path).name: reason for path, reason in report.failed}
    assert set(failed) == set(files), report
    assert all(reason.strip() for reason in failed.values())
    assert len(report.added) == 1
    after = {record.doc_id for record in assistant.list_documents()}
    assert after == before | set(report.added)
    assert known_question_found(assistant)


def cp1258(text: str) -> bytes:
    """Return text in Windows-1258: vowel shapes precomposed ("ê"), tone marks as combining characters."""
    encoded = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            encoded += char.encode("cp1258")
        except UnicodeEncodeError:  # "ệ" = "ê" + combining dot below
            parts = unicodedata.normalize("NFD", char)
            tones = "".join(mark for mark in parts if mark in TONE_MARKS)
            shape = unicodedata.normalize("NFC", "".join(mark for mark in parts if mark not in TONE_MARKS))
            encoded += (shape + tones).encode("cp1258")
    return bytes(encoded)


LEGACY_ENCODINGS = {
    "cp1258": cp1258,  # Vietnamese Windows code page
    "utf-16": lambda text: text.encode("utf-16"),  # Notepad's "Unicode", with its byte-order mark
}


@pytest.mark.parametrize("encoding", sorted(LEGACY_ENCODINGS))
def test_non_utf8_text_is_read_correctly_or_refused(
    assistant: Assistant, tmp_path: Path, encoding: str
) -> None:
    before = len(assistant.list_documents())
    legacy = tmp_path / f"{encoding}.txt"
    legacy.write_bytes(LEGACY_ENCODINGS[encoding](f"KẾ HOẠCH\n1. {FACT}\n"))

    report = assistant.index([legacy])

    if report.failed:  # refused: a reason, and nothing changed
        assert report.failed[0][1].strip()
        assert len(assistant.list_documents()) == before
    else:  # accepted: then the Vietnamese must have been decoded, not turned into mojibake
        hits = assistant.search(FACT_QUESTION, top_k=3)
        assert hits[0].doc.source == legacy.name
        assert "Sở Khoa học và Công nghệ" in unicodedata.normalize("NFC", hits[0].chunk.text)
    assert known_question_found(assistant)


def test_decomposed_text_with_zero_width_characters_is_found_by_a_plain_question(
    assistant: Assistant, tmp_path: Path
) -> None:
    odd = tmp_path / "odd.txt"
    odd.write_text(with_invisible_marks(f"KẾ HOẠCH\nSố: 13-KH/UBND\n1. {FACT}\n"), encoding="utf-8")

    report = assistant.index([odd])

    assert not report.failed, report.failed
    hits = assistant.search(FACT_QUESTION, top_k=3)
    assert hits[0].doc.source == "odd.txt"
    assert not any(mark in hits[0].chunk.text for mark in ZERO_WIDTH)
    assert known_question_found(assistant)
