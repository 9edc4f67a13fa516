"""DOCX (python-docx, the `docx` extra): paragraphs, tables, headers and footnotes.

The archive is checked with `zipfile` before anything parses it: entry count,
total uncompressed size, compression ratio, and no DTD in any XML part. A DOCX
has no lines, so the text is built from units (one per paragraph or table-cell
paragraph) and each unit is line N of a synthetic source, labelled for people:
"paragraph 4", "table 1, row 2, cell 3", "header", "footnote 2".
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree

from factcheck.errors import InputFileError, MissingExtraError
from factcheck.ingest.base import MB, Limits, Parsed, Unit, from_units, one_line

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NOT_NOTES = frozenset({"separator", "continuationSeparator", "continuationNotice"})


def check_archive(data: bytes, path: str, limits: Limits) -> zipfile.ZipFile:
    """Open the archive and refuse zip bombs and XML with DTDs, before any parsing."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise InputFileError(path, "not a valid .docx (corrupt or truncated ZIP archive)") from None
    if len(infos) > limits.docx_max_entries:
        raise InputFileError(
            path, f".docx has {len(infos)} entries (limit {limits.docx_max_entries})"
        )
    total = sum(info.file_size for info in infos)
    if total > limits.docx_max_uncompressed:
        raise InputFileError(
            path,
            f".docx expands to {total / MB:.0f} MB (limit {limits.docx_max_uncompressed / MB:.0f}"
            " MB): refusing a possible zip bomb",
        )
    for info in infos:
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > MB and ratio > limits.docx_max_ratio:
            raise InputFileError(
                path,
                f".docx entry {info.filename} is compressed {ratio:.0f}:1: refusing a zip bomb",
            )
    if "word/document.xml" not in archive.namelist():
        raise InputFileError(path, "not a .docx (no word/document.xml in the archive)")
    for info in infos:
        if info.filename.endswith((".xml", ".rels")) and _has_dtd(archive, info, path):
            raise InputFileError(path, f".docx part {info.filename} declares a DTD or entities")
    return archive


def _has_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: str) -> bool:
    try:
        with archive.open(info) as handle:
            head = handle.read(4096)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise InputFileError(path, f"corrupt .docx: cannot read {info.filename}") from None
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head


def parse_docx(data: bytes, path: str, limits: Limits) -> Parsed:
    """Read a .docx file's text, labelled by paragraph, table cell, header and footnote."""
    archive = check_archive(data, path, limits)
    try:
        import docx
    except ImportError:
        raise MissingExtraError(
            path, "reading .docx needs the docx extra: pip install 'factcheck-press[docx]'"
        ) from None
    try:
        document = docx.Document(io.BytesIO(data))
        units = [*_body(document), *_headers(document)]
        units += _notes(archive, "word/footnotes.xml", "footnote")
        units += _notes(archive, "word/endnotes.xml", "endnote")
    except InputFileError:
        raise
    except Exception as exc:
        raise InputFileError(path, f"corrupt .docx: {one_line(exc)}") from None
    return from_units([u for u in units if u.text.strip()])


def _clean(text: str) -> str:
    return text.rstrip()


def _body(document: Any) -> Iterator[Unit]:
    paragraphs = tables = 0
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            tables += 1
            yield from _table(block, f"table {tables}")
        elif block.text.strip():
            paragraphs += 1
            yield Unit(_clean(block.text), f"paragraph {paragraphs}")


def _table(table: Any, label: str) -> Iterator[Unit]:
    seen: set[Any] = set()  # holds the cell elements, so identity stays meaningful
    for r, row in enumerate(table.rows, start=1):
        for c, cell in enumerate(row.cells, start=1):
            if cell._tc in seen:  # merged cells repeat
                continue
            seen.add(cell._tc)
            where = f"{label}, row {r}, cell {c}"
            for paragraph in cell.paragraphs:
                yield Unit(_clean(paragraph.text), where)
            for nested in cell.tables:
                yield from _table(nested, where + ", table")


def _headers(document: Any) -> Iterator[Unit]:
    seen: set[str] = set()
    for section in document.sections:
        for header in (section.first_page_header, section.header):
            if header.is_linked_to_previous:
                continue
            for paragraph in header.paragraphs:
                text = _clean(paragraph.text)
                if text.strip() and text not in seen:
                    seen.add(text)
                    yield Unit(text, "header")


def _notes(archive: zipfile.ZipFile, part: str, kind: str) -> list[Unit]:
    """Footnotes or endnotes, read from XML bytes already size-checked."""
    if part not in archive.namelist():
        return []
    data = archive.read(part)
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ValueError(f"{part} declares a DTD or entities")
    root = ElementTree.fromstring(data)
    units: list[Unit] = []
    for note in root.iter(f"{_W}{kind}"):
        if note.get(f"{_W}type") in _NOT_NOTES:
            continue
        paragraphs = [_note_text(p) for p in note.iter(f"{_W}p")]
        text = " ".join(p.strip() for p in paragraphs if p.strip())
        units.append(Unit(text, f"{kind} {len(units) + 1}"))
    return units


def _note_text(paragraph: ElementTree.Element) -> str:
    parts: list[str] = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append(" ")
    return "".join(parts)
