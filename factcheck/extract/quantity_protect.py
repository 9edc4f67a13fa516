"""Stretches of text that hold no quantity: URLs, e-mail addresses, phone numbers,
numeric dates and clock times. A number starting inside one is never a claim."""

from __future__ import annotations

import functools
import re

_PROTECTED = (
    r"(?:https?://|www\.)[^\s<>\"')\]]+",  # URLs
    r"\+\d[\d \u00a0().\-/]{5,}\d",  # international phone numbers
    r"\(\d{2,4}\)[ \u00a0]?\d{3}[ .\-]\d{4}",  # (555) 123-4567
)
# Literal strings that every match of the pattern of the same position above holds: a
# text without any of them is not searched with that pattern (str.find is much faster).
_PROTECTED_NEEDLES = (("http", "www."), ("+",), ("(",))
# Numbers with separators. Each match holds a digit, a separator and a digit and lies
# within a run of digits and `_SEPARATORS`, so they are searched in such runs only. The lookbehinds
# stand after the first digit ("\d(?<![\d.,]\d)", not "(?<![\d.,])\d") so that the
# regex engine can skip ahead to the next digit.
_PROTECTED_NUMBERS = (
    r"\d(?<![\d.,]\d)\d\d[.\-]\d{3,4}[.\-]\d{4}(?![\d])",  # 555-123-4567
    r"\d(?<![\d.,]\d)\d\d-\d{4}(?![\d])",  # 123-4567
    r"0(?<![\d.,]0)\d(?:[ .]\d\d){4}(?!\d)",  # 07 48 10 11 40
    r"\d(?<![\d.,]\d)\d{0,3}([/.\-])\d{1,2}\1\d{1,4}(?![\d])",  # 11/12/2025, 2025-12-11
    r"\d(?<![\d.,]\d)\d?:\d{2}(?::\d{2})?(?![\d])",  # 14:30
)
_SEPARATORS = frozenset(" ./:-")
_EMAIL_LOCAL = "._%+-"
_EMAIL_DOMAIN = ".-"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in _PROTECTED)


@functools.cache
def _number_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in _PROTECTED_NUMBERS)


@functools.cache
def _anchor_re() -> re.Pattern[str]:
    return re.compile(r"\d[ ./:\-]\d")


@functools.cache
def _run_end_re() -> re.Pattern[str]:
    return re.compile(r"[\d ./:\-]*")


def _separated_runs(text: str) -> list[tuple[int, int]]:
    """Maximal runs of digits, spaces and ". / : -" that hold a digit, a separator and a
    digit. A search confined to one of them finds what a search of the whole text would."""
    runs: list[tuple[int, int]] = []
    end = -1
    for m in _anchor_re().finditer(text):
        if m.start() < end:
            continue
        a = m.start()
        while a > 0 and (text[a - 1] in _SEPARATORS or text[a - 1].isdecimal()):
            a -= 1  # isdecimal() is what \d matches
        end = _run_end_re().match(text, m.start()).end()  # type: ignore[union-attr]
        runs.append((a, end))
    return runs


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
    spans = [
        m.span()
        for p, needles in zip(_patterns(), _PROTECTED_NEEDLES, strict=True)
        if any(needle in text for needle in needles)
        for m in p.finditer(text)
    ]
    runs = _separated_runs(text)
    spans += [m.span() for p in _number_patterns() for a, b in runs for m in p.finditer(text, a, b)]
    return sorted(spans + _email_spans(text))
