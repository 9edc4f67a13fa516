"""DOCX details: merged cells, empty paragraphs, footnotes with a DTD."""

from __future__ import annotations

import io

import pytest
from ingest_builders import add_zip_entry, make_docx

from factcheck.errors import InputFileError
from factcheck.ingest import Limits
from factcheck.ingest.docx import parse_docx


def test_merged_cells_once_and_labels() -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("")
    document.add_paragraph("First real paragraph.")
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1))
    table.cell(0, 0).text = "merged"
    table.cell(1, 2).text = "16 GWh"
    document.add_paragraph("After the table.")
    buffer = io.BytesIO()
    document.save(buffer)
    parsed = parse_docx(buffer.getvalue(), "t.docx", Limits())
    assert parsed.text == "First real paragraph.\n\nmerged\n\n16 GWh\n\nAfter the table."
    assert [label for _, label in parsed.source_map.labels] == [
        "paragraph 1",
        "table 1, row 1, cell 1",
        "table 1, row 2, cell 3",
        "paragraph 2",
    ]


def test_footnotes_with_dtd_are_refused() -> None:
    data = make_docx(["Text."])
    bad = b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "x">]><w:footnotes/>'
    with pytest.raises(InputFileError, match="DTD"):
        parse_docx(add_zip_entry(data, "word/footnotes.xml", bad), "f.docx", Limits())


def test_entry_limit() -> None:
    data = make_docx(["Text."])
    with pytest.raises(InputFileError, match="entries"):
        parse_docx(data, "e.docx", Limits(docx_max_entries=3))


def test_uncompressed_limit() -> None:
    data = make_docx(["Text."])
    with pytest.raises(InputFileError, match="zip bomb"):
        parse_docx(data, "u.docx", Limits(docx_max_uncompressed=1000))
