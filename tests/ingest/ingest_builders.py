"""Builders for ingest test inputs (documents made on the fly, never committed binaries)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "seeds" / "verkor-press-release.md"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def seed_paragraphs() -> list[str]:
    """The seed press release as plain paragraphs (markup removed by the Markdown reader)."""
    from factcheck.ingest.markdown import parse_markdown

    text = parse_markdown(SEED.read_text(encoding="utf-8")).text
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def make_docx(
    paragraphs: list[str], *, table: list[list[str]] | None = None, header: str = ""
) -> bytes:
    """A .docx built with python-docx: paragraphs, then an optional table, and a header."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    if header:
        document.sections[0].header.paragraphs[0].text = header
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


FOOTNOTES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:t>Source: company filings, 2025.</w:t></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)


def add_zip_entry(data: bytes, name: str, content: bytes) -> bytes:
    """A copy of the ZIP archive `data` with one more entry."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def make_pdf(paragraphs: list[str]) -> bytes:
    """A PDF written with fpdf2 in DejaVu Sans (skips when the font is missing)."""
    fpdf = pytest.importorskip("fpdf")
    if not DEJAVU.exists():
        pytest.skip(f"no Unicode TTF font at {DEJAVU} for fpdf2")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.add_font("DejaVu", fname=str(DEJAVU))
    pdf.set_font("DejaVu", size=10)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 5, paragraph, align="L")
        pdf.ln(3)
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    """A small PDF that needs the password "secret"."""
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def claimed_size_bomb(data: bytes, claimed: int) -> bytes:
    """Rewrite the central directory so that every entry claims `claimed` bytes."""
    out = bytearray(data)
    pos = out.find(b"PK\x01\x02")
    while pos >= 0:
        out[pos + 24 : pos + 28] = claimed.to_bytes(4, "little")
        pos = out.find(b"PK\x01\x02", pos + 4)
    return bytes(out)
