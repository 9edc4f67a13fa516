"""Plain text: the text is the decoded source itself (identity source map)."""

from __future__ import annotations

from factcheck.ingest.base import Parsed, TextBuilder, line_starts_of


def parse_text(source: str) -> Parsed:
    """Read plain text: every character maps to itself."""
    builder = TextBuilder()
    builder.copy(source, 0)
    return builder.result(line_starts_of(source), source=source)
