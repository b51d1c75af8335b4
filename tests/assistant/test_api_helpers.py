"""The API's boundary helpers: upload names, API keys, filter values (pure, no server)."""

import pytest

from assistant.api import FiltersIn, checked_filters, key_is_valid, safe_file_name
from assistant.errors import BadInput, UnsupportedFile
from indexer.model import DocumentMetadata
from tests.assistant.builders import document


@pytest.mark.parametrize(
    ("name", "safe"),
    [("../../etc/qd.txt", "qd.txt"), ("C:\\Users\\a\\kh.docx", "kh.docx"), ("..hidden.md", "hidden.md"),
     ("Thông báo 01.pdf", "Thông báo 01.pdf")],
)
def test_upload_names_lose_their_folders(name: str, safe: str) -> None:
    assert safe_file_name(name) == safe


@pytest.mark.parametrize("name", ["run.exe", "noext", "archive.tar.gz"])
def test_unsupported_upload_types(name: str) -> None:
    with pytest.raises(UnsupportedFile):
        safe_file_name(name)


def test_empty_upload_name() -> None:
    with pytest.raises(BadInput):
        safe_file_name("../")


def test_keys_compare_whole_values() -> None:
    assert key_is_valid("k2", ["k1", "k2"])
    assert not key_is_valid("k", ["k1"]) and not key_is_valid(None, ["k1"]) and not key_is_valid("", [""])


def test_filters_must_name_known_values() -> None:
    records = [document("x", "kh-1", DocumentMetadata(doc_type="KẾ HOẠCH", number="45/KH-UBND",
                                                      issuer="UBND tỉnh Lâm Đồng"))]
    wanted = FiltersIn(doc_ids=["kh-1"], doc_types=["Kế hoạch"], date_from="2026-01-01")
    typed = checked_filters(wanted, records)
    assert typed is not None and typed.doc_ids == ("kh-1",) and typed.date_from == "2026-01-01"
    assert typed.doc_types == ("KẾ HOẠCH",)  # the stored spelling, whatever case the caller used
    for bad in (FiltersIn(doc_ids=["kh-2"]), FiltersIn(numbers=["1/QĐ"]), FiltersIn(issuers=["Bộ Y tế"]),
                FiltersIn(date_from="2026-02-01", date_to="2026-01-01")):
        with pytest.raises(BadInput):
            checked_filters(bad, records)
