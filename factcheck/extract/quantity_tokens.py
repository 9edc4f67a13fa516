"""Tokens of the quantity reader: digit runs, number words, single punctuation marks.

A digit run is split into the numbers it holds ("1,1,1" gives three) and thin-space
thousands groups are merged ("40 000" is one number). Tokens carry their offsets in the
text, so every later step reads positions, not substrings.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from factcheck.normalise import numbers

_FRACTION_CHARS = "½⅓⅔¼¾⅕⅛⅖"


@dataclass(frozen=True, slots=True)
class Tok:
    """One token: offsets in the text, kind (num | frac | word | punct | code), its text."""

    start: int
    end: int
    kind: str
    text: str
    low: str
    value: float | None = None


@functools.cache
def _token_re() -> re.Pattern[str]:
    fr = _FRACTION_CHARS
    return re.compile(
        rf"(?<![\w.,])\.\d+|\d+(?:[.,\u2009\u202f\u00a0]\d+)*|[{fr}]|[^\W\d_{fr}]+(?:['’][st]\b)?|\S"
    )


@functools.cache
def _thousands_group_re() -> re.Pattern[str]:
    return re.compile(r"\d{3}(?:[.,]\d+)?")


def words(s: str) -> list[str]:
    """The lower-cased token texts of `s` (how cue phrases are keyed)."""
    return [m.group(0).lower() for m in _token_re().finditer(s)]


def tokenize(text: str) -> list[Tok]:
    """Digit runs, words and single punctuation marks; "40 000" merged, "1,1,1" split."""
    toks: list[Tok] = []
    for m in _token_re().finditer(text):
        s, e, g = m.start(), m.end(), m.group(0)
        if g[0].isdigit() or (g[0] == "." and len(g) > 1):
            for a, b, v in numbers.number_spans(g):
                kind = "num" if v is not None else "code"
                toks.append(Tok(s + a, s + b, kind, g[a:b], g[a:b], v))
        elif g in numbers.VULGAR:
            toks.append(Tok(s, e, "frac", g, g, numbers.VULGAR[g]))
        else:
            toks.append(Tok(s, e, "word" if g[0].isalpha() else "punct", g, g.lower()))
    return _merge_space_groups(text, toks)


def _group_end(text: str, toks: list[Tok], i: int) -> int:
    """Index of the last token of a space-grouped number starting at token i (i if none)."""
    t, n, j = toks[i], len(toks), i
    if not (t.kind == "num" and t.text.isdigit() and len(t.text) <= 3):
        return i
    while (
        j + 1 < n
        and toks[j + 1].kind == "num"
        and text[toks[j].end : toks[j + 1].start] == " "
        and _thousands_group_re().fullmatch(toks[j + 1].text)
        and (j == i or toks[j].text.isdigit())
    ):
        j += 1
    if j + 1 < n and j > i and toks[j + 1].text == "/" and toks[j + 1].start == toks[j].end:
        return i  # "1 000/2" is not a grouped number
    return j


def _merge_space_groups(text: str, toks: list[Tok]) -> list[Tok]:
    out: list[Tok] = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        j = _group_end(text, toks, i)
        if j > i:
            raw = text[t.start : toks[j].end]
            v = numbers.parse_number(raw)
            if v is not None:
                out.append(Tok(t.start, toks[j].end, "num", raw, raw, v))
                i = j + 1
                continue
        out.append(t)
        i += 1
    return out


def is_year_like(t: Tok) -> bool:
    """A four-digit number between 1800 and 2100."""
    return t.kind == "num" and t.text.isdigit() and len(t.text) == 4 and 1800 <= int(t.text) <= 2100
