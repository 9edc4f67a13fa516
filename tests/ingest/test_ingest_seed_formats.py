"""The seed press release as .docx, .pdf and .html: key sentences survive, locations are right."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from ingest_builders import FOOTNOTES, add_zip_entry, make_docx, make_pdf, seed_paragraphs

from factcheck.ingest import line_starts_of, load_document

PHRASE = "La Banque Postale, La Banque Postale"
KEY = [
    PHRASE,
    "With an initial capacity of 16 GWh/year, the gigafactory will meet the growing needs",
    "Verkor aims to reach 50 GWh by 2030",
    "Caisse d'Epargne et de Prévoyance Hauts-de-France",
]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_seed_as_docx(tmp_path: Path) -> None:
    paragraphs = seed_paragraphs()
    data = make_docx(
        paragraphs,
        table=[["Site", "Capacity", "Jobs"], ["Bourbourg", "16 GWh", "1,200"]],
        header="PRESS RELEASE – 11 December 2025",
    )
    path = tmp_path / "seed.docx"
    path.write_bytes(add_zip_entry(data, "word/footnotes.xml", FOOTNOTES.encode()))
    doc = load_document(path)
    assert doc.format == "docx"
    for sentence in KEY:
        assert sentence in doc.text
    start = doc.text.index(PHRASE)
    span = doc.span(start, start + len(PHRASE))
    number = next(i for i, p in enumerate(paragraphs, start=1) if PHRASE in p)
    assert span.label == f"paragraph {number}"
    assert span.line == number  # synthetic line N = paragraph N
    assert span.where == f"{path} (paragraph {number})"
    assert paragraphs[number - 1][span.column - 1 :].startswith(PHRASE)
    cell = doc.text.rindex("1,200")
    assert doc.span(cell, cell + 5).label == "table 1, row 2, cell 3"
    head = doc.text.index("PRESS RELEASE – 11")
    assert doc.span(head, head + 5).label == "header"
    note = doc.text.index("Source: company filings")
    assert doc.span(note, note + 6).label == "footnote 1"
    assert "\n\n" in doc.text and "\n\n\n" not in doc.text


def test_seed_as_pdf(tmp_path: Path) -> None:
    path = tmp_path / "seed.pdf"
    path.write_bytes(make_pdf(seed_paragraphs()))
    doc = load_document(path)
    assert doc.format == "pdf"
    flat = _flat(doc.text)
    for sentence in KEY:
        assert sentence in flat
    start = doc.text.index("La Banque Postale")
    span = doc.span(start, start + 17)
    assert span.label is not None
    assert re.fullmatch(r"page \d+, line \d+", span.label), span.label
    sm = doc.source_map
    line_start = sm.run_text[sm.run_source.index(sm.line_starts[span.line - 1])]
    line = doc.text[line_start:].split("\n")[0]
    assert line[span.column - 1 :].startswith("La Banque Postale")
    assert doc.span(0, 1).label == "page 1, line 1"


def test_seed_as_html(tmp_path: Path) -> None:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in seed_paragraphs())
    source = (
        f"<!DOCTYPE html>\n<html><body><nav>Menu</nav>\n<article>\n{body}\n</article></body></html>"
    )
    path = tmp_path / "seed.html"
    path.write_text(source, encoding="utf-8")
    doc = load_document(path)
    for sentence in KEY:
        assert sentence in doc.text
    starts = line_starts_of(source)
    start = doc.text.index(PHRASE)
    span = doc.span(start, start + len(PHRASE))
    offset = starts[span.line - 1] + span.column - 1
    assert source[offset : offset + len(PHRASE)] == PHRASE
    apostrophe = doc.text.index("Caisse d'Epargne et")
    span = doc.span(apostrophe, apostrophe + 19)
    offset = starts[span.line - 1] + span.column - 1
    assert source[offset:].startswith("Caisse d&#x27;Epargne et")
    assert "Menu" not in doc.text


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_missing_extra_message(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, suffix: str
) -> None:
    import builtins

    from factcheck.errors import MissingExtraError

    data = make_docx(["x"]) if suffix == ".docx" else make_pdf(["x"])
    path = tmp_path / f"doc{suffix}"
    path.write_bytes(data)
    module = "docx" if suffix == ".docx" else "pypdf"
    real_import = builtins.__import__

    def fake_import(name: str, *args, **kwargs):
        if name == module or name.startswith(module + "."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(MissingExtraError, match=rf"pip install 'factcheck-press\[{suffix[1:]}\]'"):
        load_document(path)
