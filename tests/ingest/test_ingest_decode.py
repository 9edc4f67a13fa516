"""Decoding text files: BOMs, legacy encodings, right-to-left marks, line endings."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import InputFileError
from factcheck.ingest import line_starts_of, load_document
from factcheck.ingest.decode import binary_reason, decode_bytes

FRENCH = "Le “projet” à Dunkerque – café, élève, garçon: l’usine de 16 GWh ouvre en 2026."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (FRENCH.encode("utf-8"), FRENCH),
        (codecs.BOM_UTF8 + FRENCH.encode("utf-8"), FRENCH),
        (FRENCH.encode("utf-16"), FRENCH),  # with BOM
        (codecs.BOM_UTF16_BE + FRENCH.encode("utf-16-be"), FRENCH),
        (FRENCH.encode("utf-32"), FRENCH),
        (FRENCH.encode("cp1252"), FRENCH),
        ("Short “é”".encode("cp1252"), "Short “é”"),
        (
            "café au lait, élève, garçon, déjà vu".encode("latin-1"),
            "café au lait, élève, garçon, déjà vu",
        ),
        (("Привет, мир! Завод на 16 ГВт·ч в Дюнкерке. " * 3).encode("cp1251"), None),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "utf16-bom",
        "utf16be-bom",
        "utf32",
        "cp1252",
        "cp1252-short",
        "latin1",
        "cp1251",
    ],
)
def test_decodes(data: bytes, expected: str | None) -> None:
    text = decode_bytes(data, "x.txt")
    if expected is None:  # the Cyrillic case: read as Cyrillic, not as Latin mojibake
        assert "Завод" in text
    else:
        assert text == expected


def test_cp1252_file_with_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(FRENCH.encode("cp1252"))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    doc = load_document(path)
    assert doc.text == FRENCH
    start = doc.text.index("café")
    assert doc.span(start, start + 4).column == start + 1


def test_utf16_file_locations(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(("First line\r\nSecond line with 16 GWh\r\n").encode("utf-16"))
    doc = load_document(path)
    start = doc.text.index("16 GWh")
    span = doc.span(start, start + 6)
    assert (span.line, span.column, span.text) == (2, 18, "16 GWh")


def test_right_to_left_marks(tmp_path: Path) -> None:
    text = "\u200fשלום\u200e 16 GWh \u202bمرحبا\u202c by 2030\u2067x\u2069\n"
    path = tmp_path / "rtl.md"
    path.write_text(text, encoding="utf-8")
    doc = load_document(path)
    assert doc.text == text
    start = doc.text.index("16 GWh")
    assert doc.span(start, start + 6).text == "16 GWh"
    assert doc.span(0, len(doc.text)).end_line == 1


def test_mixed_line_endings_keep_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"one\r\ntwo\rthree\nfour\r\n\rsix")
    doc = load_document(path)
    for word, line in [("one", 1), ("two", 2), ("three", 3), ("four", 4), ("six", 6)]:
        start = doc.text.index(word)
        span = doc.span(start, start + len(word))
        assert (span.line, span.column) == (line, 1), word


def test_binary_reason() -> None:
    assert binary_reason(b"plain text\n") is None
    assert binary_reason(b"\x7fELF\x02\x01") == "binary file (ELF executable), not text"
    assert binary_reason(b"\xff\xd8\xff\xe0") == "binary file (JPEG image), not text"


def test_undecodable_garbage() -> None:
    garbage = bytes(range(0x80, 0x100)) * 20
    with pytest.raises(InputFileError, match=r"cannot decode|binary"):
        decode_bytes(garbage, "g.txt")


def _count_lines(source: str, offset: int) -> tuple[int, int]:
    """(line, column) by counting line breaks before `offset`, \\r\\n counted once."""
    prefix = source[:offset]
    if prefix.endswith("\r") and source[offset : offset + 1] == "\n":
        prefix = prefix[:-1]
    breaks = list(re.finditer(r"\r\n|\r|\n", prefix))
    line_start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, offset - line_start + 1


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \t\r\n\u200f"), max_size=60))
def test_line_starts_agree_with_counting(source: str) -> None:
    starts = line_starts_of(source)
    assert starts == sorted(set(starts))
    doc_lines = [_count_lines(source, i) for i in range(len(source))]
    for i, (line, column) in enumerate(doc_lines):
        assert starts[line - 1] + column - 1 == i
