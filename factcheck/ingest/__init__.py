"""Ingest: turn input files into Documents (placeholder until the ingest module lands)."""

from __future__ import annotations

import hashlib

from factcheck.model import Document, Role, SourceMap


def line_starts_of(source: str) -> list[int]:
    """Offsets at which each line of `source` starts (\\n, \\r\\n and \\r end lines)."""
    starts = [0]
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if c == "\n" or (c == "\r" and (i + 1 >= n or source[i + 1] != "\n")):
            starts.append(i + 1)
        i += 1
    return starts


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
