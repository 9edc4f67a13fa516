"""Stretches of text that hold no quantity: URLs, e-mail addresses, phone numbers,
numeric dates and clock times. A number starting inside one is never a claim."""

from __future__ import annotations

import functools
import re

_PROTECTED = (
    r"(?:https?://|www\.)[^\s<>\"')\]]+",  # URLs
    r"\+\d[\d \u00a0().\-/]{5,}\d",  # international phone numbers
    r"\(\d{2,4}\)[ \u00a0]?\d{3}[ .\-]\d{4}",  # (555) 123-4567
    r"(?<![\d.,])\d{3}[.\-]\d{3,4}[.\-]\d{4}(?![\d])",  # 555-123-4567
    r"(?<![\d.,])\d{3}-\d{4}(?![\d])",  # 123-4567
    r"(?<![\d.,])0\d(?:[ .]\d\d){4}(?!\d)",  # 07 48 10 11 40
    r"(?<![\d.,])\d{1,4}([/.\-])\d{1,2}\1\d{1,4}(?![\d])",  # 11/12/2025, 2025-12-11
    r"(?<![\d.,])\d{1,2}:\d{2}(?::\d{2})?(?![\d])",  # 14:30
)
_EMAIL_LOCAL = "._%+-"
_EMAIL_DOMAIN = ".-"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in _PROTECTED)


def _email_spans(text: str) -> list[tuple[int, int]]:
    """Spans of "local@domain" around every "@" that has both sides."""
    spans: list[tuple[int, int]] = []
    pos = text.find("@")
    while pos != -1:
        a = pos
        while a > 0 and (text[a - 1].isalnum() or text[a - 1] in _EMAIL_LOCAL):
            a -= 1
        b = pos + 1
        while b < len(text) and (text[b].isalnum() or text[b] in _EMAIL_DOMAIN):
            b += 1
        if a < pos < b - 1:
            spans.append((a, b))
        pos = text.find("@", b)
    return spans


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Sorted spans that hold no quantity: URLs, e-mails, phone numbers, numeric dates, times."""
    spans = [m.span() for p in _patterns() for m in p.finditer(text)]
    return sorted(spans + _email_spans(text))
