"""load_document on bad and awkward inputs: one clear error line, or a Document."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from ingest_builders import claimed_size_bomb, encrypted_pdf, make_docx

from factcheck.errors import InputFileError
from factcheck.ingest import SUPPORTED_SUFFIXES, Limits, detect_format, load_document

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(40)


def _write(name: str, data: bytes | None) -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        path = tmp / name
        if data is None:
            path.mkdir()
        else:
            path.write_bytes(data)
        return path

    return build


def _truncated_docx(tmp: Path) -> Path:
    data = make_docx(["Some paragraph about 16 GWh."])
    return _write("cut.docx", data[: len(data) // 2])(tmp)


def _ratio_bomb(tmp: Path) -> Path:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        archive.writestr("word/media/pad.bin", bytes(20 * 1024 * 1024))
    return _write("ratio.docx", out.getvalue())(tmp)


def _claimed_bomb(tmp: Path) -> Path:
    data = make_docx(["A paragraph."])
    return _write("claims.docx", claimed_size_bomb(data, 3_000_000_000))(tmp)


def _dtd_docx(tmp: Path) -> Path:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "word/document.xml", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x/>'
        )
    return _write("dtd.docx", out.getvalue())(tmp)


BAD: list[tuple[str, Callable[[Path], Path], str]] = [
    ("missing", lambda tmp: tmp / "missing.txt", "no such file"),
    ("directory", _write("folder.txt", None), "is a directory"),
    ("png named txt", _write("image.txt", PNG), "binary file (PNG image)"),
    ("pdf named txt", _write("doc.txt", b"%PDF-1.4\n%...."), "binary file (PDF document)"),
    ("zip named md", _write("a.md", b"PK\x03\x04" + bytes(30)), "binary file (ZIP archive)"),
    ("nul bytes", _write("nul.txt", b"16 GWh\x00\x00 of text"), "binary file (NUL bytes)"),
    ("controls", _write("ctl.txt", bytes(range(1, 9)) * 200), "binary file (control"),
    ("bad utf-16", _write("u16.txt", b"\xff\xfeA\x00\x00\xd8"), "invalid UTF-16"),
    ("truncated docx", _truncated_docx, "not a valid .docx"),
    ("text named docx", _write("plain.docx", b"just text"), "not a valid .docx"),
    ("zip without document", _write("e.docx", b"PK\x05\x06" + bytes(18)), ".docx"),
    ("docx ratio bomb", _ratio_bomb, "zip bomb"),
    ("docx claimed-size bomb", _claimed_bomb, "zip bomb"),
    ("docx with DTD", _dtd_docx, "DTD"),
    ("corrupt pdf", _write("bad.pdf", b"%PDF-1.4\ngarbage that is not a pdf\n"), "corrupt PDF"),
    ("encrypted pdf", lambda tmp: _write("enc.pdf", encrypted_pdf())(tmp), "encrypted PDF"),
    ("deep html", _write("deep.html", b"<div>" * 1000 + b"x"), "nested deeper than 400"),
    ("unknown binary", _write("blob.bin", b"GIF89a" + bytes(20)), "binary file (GIF image)"),
]


def _digests(folder: Path) -> dict[str, str]:
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()
    }


@pytest.mark.parametrize(("name", "build", "expected"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_one_clear_error(
    tmp_path: Path, name: str, build: Callable[[Path], Path], expected: str
) -> None:
    path = build(tmp_path)
    before = _digests(tmp_path)
    with pytest.raises(InputFileError) as caught:
        load_document(path)
    message = str(caught.value)
    assert expected in message
    assert message.startswith(str(path))
    assert "\n" not in message
    assert _digests(tmp_path) == before  # inputs are only read


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 2000)
    with pytest.raises(InputFileError, match="too large"):
        load_document(path, limits=Limits(max_bytes=1000))


def test_page_limit(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    for _ in range(3):
        writer.add_blank_page(width=100, height=100)
    path = tmp_path / "pages.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(InputFileError, match="3 pages"):
        load_document(path, limits=Limits(pdf_max_pages=2))
    doc = load_document(path)  # blank pages: no text layer, not an error
    assert "empty document" in doc.notices
    assert any("no text layer" in n for n in doc.notices)


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("16 GWh")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user (root) who can read mode-000 files")
        with pytest.raises(InputFileError, match="permission denied"):
            load_document(path)
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize("content", [b"", b"  \n\t\r\n  "], ids=["empty", "whitespace"])
def test_empty_document_is_a_notice(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.md"
    path.write_bytes(content)
    doc = load_document(path)
    assert doc.notices == ["empty document"]
    assert not doc.text.strip()
    assert doc.span(0, len(doc.text)).line >= 1


def test_large_single_line_loads(tmp_path: Path) -> None:
    line = ("The plant will reach 16 GWh by 2030 and employ 1,200 people. " * 90_000)[:5_000_000]
    path = tmp_path / "long.txt"
    path.write_text(line)
    doc = load_document(path)
    assert len(doc.text) == 5_000_000
    assert doc.span(4_999_990, 5_000_000).line == 1
    assert doc.span(4_999_990, 5_000_000).column == 4_999_991


def test_large_single_line_markdown_loads(tmp_path: Path) -> None:
    line = ("**Bold** claim of [16 GWh](http://x.org) `code` by 2030 | " * 80_000)[:5_000_000]
    path = tmp_path / "long.md"
    path.write_text(line)
    doc = load_document(path)
    assert "Bold claim of 16 GWh code by 2030" in doc.text[:200]


def test_doc_id_and_role(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Hello")
    assert load_document(path).id == str(path)
    doc = load_document(path, doc_id="a.txt", role="reference")
    assert (doc.id, doc.role, doc.format) == ("a.txt", "reference", "text")
    assert doc.sha256 == hashlib.sha256(b"Hello").hexdigest()


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.TXT", b"", "text"),
        ("a.text", b"", "text"),
        ("a.markdown", b"", "markdown"),
        ("a.htm", b"", "html"),
        ("a.docx", b"", "docx"),
        ("a.pdf", b"", "pdf"),
        ("noext", b"%PDF-1.7", "pdf"),
        ("noext", b"PK\x03\x04", "docx"),
        ("noext", b"\xef\xbb\xbf<!DOCTYPE html><html>", "html"),
        ("noext", b"# Title\n\nSome **bold** text", "markdown"),
        ("noext", b"Plain words, nothing else.", "text"),
    ],
)
def test_detect_format(name: str, head: bytes, expected: str) -> None:
    assert detect_format(name, head) == expected


def test_supported_suffixes() -> None:
    assert {".txt", ".md", ".html", ".htm", ".docx", ".pdf"} <= SUPPORTED_SUFFIXES
