"""Small Vietnamese directive texts for the indexing and retrieval tests, and a Document builder.

Three documents on distinct topics, each with a few sections, so a search can tell them apart and a
file yields several chunks whatever the chunker.
"""

from __future__ import annotations

import re
from pathlib import Path

from indexer.model import Chunk, Document, DocumentMetadata

DIGITAL = """KẾ HOẠCH
Số 15-KH/TU
thực hiện chuyển đổi số trong các cơ quan đảng năm 2026

I. MỤC ĐÍCH, YÊU CẦU

1. Nâng cao nhận thức của cán bộ, đảng viên về chuyển đổi số, xây dựng chính quyền số.

2. Bảo đảm an toàn thông tin mạng trong quá trình số hóa hồ sơ, tài liệu.

II. NHIỆM VỤ

1. Sở Thông tin và Truyền thông chủ trì xây dựng nền tảng dữ liệu dùng chung của tỉnh,
hoàn thành trước ngày 30/6/2026.

2. Văn phòng Tỉnh uỷ phối hợp số hóa toàn bộ hồ sơ lưu trữ từ năm 2010 đến nay.

III. TỔ CHỨC THỰC HIỆN

Các cơ quan báo cáo kết quả thực hiện về Văn phòng Tỉnh ủy định kỳ 6 tháng một lần.
"""

DENGUE = """HƯỚNG DẪN
Số 03-HD/BTG
phòng, chống dịch sốt xuất huyết mùa mưa

1. Sở Y tế chủ trì tổ chức phun hóa chất diệt muỗi tại các ổ dịch trong vòng 48 giờ.

2. Ủy ban nhân dân cấp xã vận động nhân dân diệt lăng quăng, bọ gậy mỗi tuần một lần.

3. Trường học tuyên truyền cho học sinh cách ngủ màn, phòng muỗi đốt.
"""

FLOOD = """THÔNG BÁO KẾT LUẬN
Số 88-TB/TU
của Thường trực Tỉnh ủy về khắc phục hậu quả lũ lụt

1. Hỗ trợ mỗi hộ gia đình có nhà bị sập đổ hoàn toàn 40 triệu đồng từ ngân sách tỉnh.

2. Sở Nông nghiệp và Phát triển nông thôn cung ứng giống lúa cho vụ đông xuân.

3. Khẩn trương sửa chữa đê điều, kè sông trước mùa mưa bão năm sau.
"""

TEXTS = {
    "ke-hoach-chuyen-doi-so.txt": DIGITAL,
    "huong-dan-sot-xuat-huyet.txt": DENGUE,
    "thong-bao-lu-lut.txt": FLOOD,
}

METADATA = {
    "digital": DocumentMetadata(
        doc_type="KẾ HOẠCH", number="15-KH/TU", issuer="Ban Thường vụ Tỉnh ủy Lâm Đồng",
        issued_date="2026-01-10", title="thực hiện chuyển đổi số trong các cơ quan đảng năm 2026",
    ),
    "dengue": DocumentMetadata(
        doc_type="HƯỚNG DẪN", number="03-HD/BTG", issuer="Ban Tuyên giáo Tỉnh ủy Gia Lai",
        issued_date="2025-07-01", title="phòng, chống dịch sốt xuất huyết mùa mưa",
    ),
    "flood": DocumentMetadata(
        doc_type="THÔNG BÁO", number="88-TB/TU", issuer="Thường trực Tỉnh ủy Quảng Trị",
        issued_date="2024-11-20", title="khắc phục hậu quả lũ lụt",
    ),
}
DOC_TEXTS = {"digital": DIGITAL, "dengue": DENGUE, "flood": FLOOD}


def write_corpus(folder: Path) -> Path:
    """Write the three documents as .txt files into `folder` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def make_document(doc_id: str, text: str, metadata: DocumentMetadata, content_hash: str = "h") -> Document:
    """Return a Document whose chunks are the text's blank-line paragraphs (offsets into the text)."""
    chunks = tuple(
        Chunk(doc_id, n, "", match.group(0), match.start(), match.end())
        for n, match in enumerate(re.finditer(r"\S(?:.|\n(?!\s*\n))*", text))
    )
    return Document(doc_id, f"{doc_id}.txt", content_hash, text, metadata, chunks)


def sample_documents() -> list[Document]:
    """Return the three documents with full metadata, built without the ingestion code."""
    return [make_document(doc_id, DOC_TEXTS[doc_id], METADATA[doc_id]) for doc_id in DOC_TEXTS]
