"""Ingest: turn input files into Documents (plain text + a map back to the source).

`load_document` reads one file, picks a reader by extension (or by content when
the extension is unknown) and returns a `Document`. Every failure is an
`InputFileError` with one clear line; input files are only ever read.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path

from factcheck.errors import InputFileError
from factcheck.ingest.base import Limits, Parsed, human_size, line_starts_of
from factcheck.ingest.decode import decode_bytes, magic_kind
from factcheck.model import Document, Role, SourceMap

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Limits",
    "detect_format",
    "document_from_text",
    "line_starts_of",
    "load_document",
    "printable_path",
]

_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_BY_SUFFIX)
_HEAD = 4096


def document_from_text(
    text: str, *, doc_id: str = "<text>", role: Role = "peer", fmt: str = "text"
) -> Document:
    """A Document whose text is `text` itself (no markup)."""
    return Document(
        id=doc_id,
        path=doc_id,
        format=fmt,
        role=role,
        text=text,
        source_map=SourceMap(line_starts=line_starts_of(text)),
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
    )


def detect_format(path: str | os.PathLike[str], head: bytes) -> str:
    """The input format of `path` ("text", "markdown", "html", "docx", "pdf"):
    by extension, else by sniffing the first bytes `head`."""
    fmt = _BY_SUFFIX.get(Path(path).suffix.lower())
    if fmt:
        return fmt
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    kind = magic_kind(head)
    if kind:
        raise InputFileError(os.fspath(path), f"binary file ({kind}), not a supported format")
    sample = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n").lower()
    if sample.startswith(("<!doctype html", "<html", "<!--", "<head", "<body", "<article")):
        return "html"
    if re.search(r"(?m)^#{1,6} \S|\[[^\]\n]{1,200}\]\([^)\s]{1,500}\)|\*\*\S", sample):
        return "markdown"
    return "text"


def _read(path: str, limits: Limits) -> bytes:
    """The file's bytes, after checks that give one clear line each."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputFileError(path, "no such file") from None
    except OSError as exc:
        raise InputFileError(path, f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputFileError(path, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputFileError(path, "not a regular file")
    limit = human_size(limits.max_bytes)
    if info.st_size > limits.max_bytes:
        raise InputFileError(path, f"file too large: {human_size(info.st_size)} (limit {limit})")
    try:
        with open(path, "rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except PermissionError:
        raise InputFileError(path, "permission denied") from None
    except OSError as exc:
        raise InputFileError(path, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > limits.max_bytes:  # it grew after the stat, or stat does not know
        raise InputFileError(path, f"file too large: over {limit}")
    return data


def _parse(fmt: str, data: bytes, path: str, limits: Limits) -> Parsed:
    if fmt == "docx":
        from factcheck.ingest.docx import parse_docx

        return parse_docx(data, path, limits)
    if fmt == "pdf":
        from factcheck.ingest.pdf import parse_pdf

        return parse_pdf(data, path, limits)
    source = decode_bytes(data, path)
    if fmt == "html":
        from factcheck.ingest.html import parse_html

        return parse_html(source, path, limits)
    if fmt == "markdown":
        from factcheck.ingest.markdown import parse_markdown

        return parse_markdown(source)
    from factcheck.ingest.text import parse_text

    return parse_text(source)


def printable_path(path: str) -> str:
    """`path` as valid Unicode: bytes of a non-UTF-8 file name (kept by Python as lone
    surrogates) become U+FFFD, so that reports can be encoded."""
    try:
        raw = path.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that no file-name byte stands for
        raw = path.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace")


def load_document(
    path: str | os.PathLike[str],
    *,
    doc_id: str | None = None,
    role: Role = "peer",
    limits: Limits | None = None,
) -> Document:
    """Read one input file into a Document; raise InputFileError on any failure."""
    name = os.fspath(path)
    limits = limits or Limits()
    data = _read(name, limits)
    fmt = detect_format(name, data[:_HEAD])
    parsed = _parse(fmt, data, name, limits)
    notices = list(parsed.notices)
    if not parsed.text.strip():
        notices.insert(0, "empty document")
    return Document(
        id=doc_id if doc_id is not None else printable_path(name),
        path=printable_path(name),
        format=fmt,
        role=role,
        text=parsed.text,
        source_map=parsed.source_map,
        sha256=hashlib.sha256(data).hexdigest(),
        notices=notices,
        comments=list(parsed.comments),
        source=parsed.source,
    )
