"""Shared helpers for the term kinds (forbidden_term, preferred_term)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.corpus import DocInput
from factcheck.safe_regex import compile_safe, finditer_bounded


def literal_pattern(term: str, whole_word: bool) -> str:
    """A regex for a literal term; spaces match any run of whitespace."""
    body = r"\s+".join(re.escape(part) for part in term.split())
    return rf"(?<!\w){body}(?!\w)" if whole_word else body


def term_matches(doc: DocInput, pattern: str, ignore_case: bool) -> Iterator[tuple[int, int]]:
    """Offsets of every match of an (already safety-checked) pattern in the document."""
    compiled = compile_safe(pattern, ignore_case)
    yield from finditer_bounded(compiled, doc.document.text)
