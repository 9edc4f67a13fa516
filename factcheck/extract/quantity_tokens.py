"""Tokens of the quantity reader: digit runs, number words, single punctuation marks.

A digit run is split into the numbers it holds ("1,1,1" gives three) and thin-space
thousands groups are merged ("40 000" is one number). Tokens carry their offsets in the
text, so every later step reads positions, not substrings.

Tokens are held column-wise (`Tokens`: one list per field) and built with one `findall`
and C-level maps; only digit runs, fraction characters and punctuation get a Python
step each.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import accumulate, compress
from operator import and_, itemgetter, sub
from typing import Any

from factcheck.normalise import numbers

_FRACTION_CHARS = "½⅓⅔¼¾⅕⅛⅖"
_WORD_OR_PUNCT = {True: "word", False: "punct"}
_first_char = itemgetter(0)


@dataclass(slots=True)
class Tokens:
    """The tokens of a text, one list per field; kind is num | frac | word | punct | code."""

    start: list[int]
    end: list[int]
    kind: list[str]
    text: list[str]
    low: list[str]
    value: list[float | None]

    def __len__(self) -> int:
        return len(self.start)

    def row(self, i: int) -> tuple[int, int, str, str, str, float | None]:
        """Token i as (start, end, kind, text, low, value)."""
        return self.start[i], self.end[i], self.kind[i], self.text[i], self.low[i], self.value[i]


@functools.cache
def _token_re() -> re.Pattern[str]:
    # Each match is a token with the blanks before it (so that the matches tile the text
    # and their lengths give the offsets); the blanks at the end make a last match with
    # no token (matching them there keeps all-blank texts linear). The alternatives start
    # with disjoint characters, so their order only affects speed; the first is a quicker
    # form of the second for words in ASCII letters.
    fr = _FRACTION_CHARS
    return re.compile(
        rf"\s*+(?:[a-zA-Z]++(?![^\W\d_{fr}])(?:['’][st]\b)?|[^\W\d_{fr}]+(?:['’][st]\b)?"
        rf"|\d+(?:[.,\u2009\u202f\u00a0]\d+)*|(?<![\w.,])\.\d+|[{fr}]|\S|\Z)"
    )


def _chunks(text: str) -> list[str]:
    """The matches of `_token_re` in `text`, without the last ones, which hold no token."""
    chunks = _token_re().findall(text)
    while chunks and not chunks[-1].strip():
        chunks.pop()
    return chunks


@functools.cache
def _thousands_group_re() -> re.Pattern[str]:
    return re.compile(r"\d{3}(?:[.,]\d+)?")


def words(s: str) -> list[str]:
    """The lower-cased token texts of `s` (how cue phrases are keyed)."""
    return [g.lstrip().lower() for g in _chunks(s)]


def token_texts(s: str) -> list[str]:
    """The token texts of `s` as written."""
    return [g.lstrip() for g in _chunks(s)]


def tokenize(text: str) -> Tokens:
    """Digit runs, words and single punctuation marks; "40 000" merged, "1,1,1" split."""
    chunks = _chunks(text)
    ends = list(accumulate(map(len, chunks)))
    texts = list(map(str.lstrip, chunks))  # re's \s and str.isspace agree on every character
    firsts = list(map(_first_char, texts))
    toks = Tokens(
        start=list(map(sub, ends, map(len, texts))),
        end=ends,
        kind=list(map(_WORD_OR_PUNCT.__getitem__, map(str.isalpha, firsts))),
        text=texts,
        low=list(map(str.lower, texts)),
        value=[None] * len(texts),
    )
    initials = _number_initials(text, dotted=_dot_number_re().search(text) is not None)
    splits = _classify_numbers(
        toks, compress(range(len(texts)), map(initials.__contains__, firsts))
    )
    if splits:
        toks = _splice(toks, splits)
    merges = _space_groups(text, toks)
    return _splice(toks, merges) if merges else toks


_Row = tuple[int, int, str, str, str, float | None]
_Edits = dict[int, tuple[int, list[_Row]]]


def _number_initials(text: str, dotted: bool) -> frozenset[str]:
    """The characters of `text` that can open a digit run or a fraction (and "." when
    ".5" may occur). Non-ASCII digits are looked for among the text's own characters:
    a table of every Unicode digit cost 100 ms at start-up."""
    known = _ascii_initials(dotted)
    if text.isascii():
        return known
    return known | {c for c in set(_non_ascii_alnum_re().findall(text)) if c.isdigit()}


@functools.cache
def _non_ascii_alnum_re() -> re.Pattern[str]:
    # Every digit is alphanumeric, which `\w` matches; this skips "€", "–" and quotes.
    return re.compile(r"[^\x00-\x7f\W]")


@functools.cache
def _ascii_initials(dotted: bool) -> frozenset[str]:
    return frozenset((*"0123456789", *_FRACTION_CHARS, *("." if dotted else "")))


@functools.cache
def _dot_number_re() -> re.Pattern[str]:
    return re.compile(r"\.(?<![\w.,]\.)\d")  # the lookbehind after "." keeps the search fast


@functools.lru_cache(maxsize=4096)
def _digit_run(g: str) -> tuple[str, float | None, tuple[tuple[int, int, float | None], ...]]:
    """(kind, value, ()) of a digit run that is one number or code, else ("", None, parts)."""
    parts = numbers.number_spans(g)
    if len(parts) == 1 and parts[0][:2] == (0, len(g)):
        return ("num" if parts[0][2] is not None else "code"), parts[0][2], ()
    return "", None, tuple(parts)


def _classify_numbers(toks: Tokens, indices: object) -> _Edits:
    """Mark digit runs and fractions in place; the runs that split into several numbers.
    `indices` hold every token whose first character may start either."""
    splits: _Edits = {}
    for i in indices:  # type: ignore[attr-defined]
        g = toks.text[i]
        if g[0].isdigit() or (g[0] == "." and len(g) > 1):
            kind, value, parts = _digit_run(g)
            if kind:
                toks.kind[i], toks.value[i] = kind, value
                continue
            s = toks.start[i]
            rows = [
                (s + a, s + b, "num" if v is not None else "code", g[a:b], g[a:b], v)
                for a, b, v in parts
            ]
            splits[i] = (1, rows)
        elif g in numbers.VULGAR:
            toks.kind[i] = "frac"
            toks.value[i] = numbers.VULGAR[g]
    return splits


def _splice(toks: Tokens, edits: _Edits) -> Tokens:
    """A copy of toks where, for each i in edits, tokens i..i+count-1 become the given rows."""
    out = Tokens([], [], [], [], [], [])
    columns: tuple[list[Any], ...] = (
        toks.start, toks.end, toks.kind, toks.text, toks.low, toks.value
    )  # fmt: skip
    targets: tuple[list[Any], ...] = (out.start, out.end, out.kind, out.text, out.low, out.value)
    prev = 0
    for i in sorted(edits):
        count, rows = edits[i]
        for col, target in zip(columns, targets, strict=True):
            target.extend(col[prev:i])
        for row in rows:
            for value, target in zip(row, targets, strict=True):
                target.append(value)
        prev = i + count
    for col, target in zip(columns, targets, strict=True):
        target.extend(col[prev:])
    return out


def _space_groups(text: str, toks: Tokens) -> _Edits:
    """Numbers written with space-separated thousands groups ("40 000"), as merge edits."""
    edits: _Edits = {}
    if _group_gap_re().search(text) is None:
        return edits  # no digit, one space and three digits: nothing to merge
    kind, n, done = toks.kind, len(toks), -1
    is_num = list(map("num".__eq__, kind))
    for i in compress(range(n - 1), map(and_, is_num, is_num[1:])):
        if i <= done:
            continue
        j = _group_end(text, toks, i)
        if j > i:
            raw = text[toks.start[i] : toks.end[j]]
            v = numbers.parse_number(raw)
            if v is not None:
                edits[i] = (j - i + 1, [(toks.start[i], toks.end[j], "num", raw, raw, v)])
                done = j
    return edits


@functools.cache
def _group_gap_re() -> re.Pattern[str]:
    return re.compile(r"\d \d{3}")


def _group_end(text: str, toks: Tokens, i: int) -> int:
    """Index of the last token of a space-grouped number starting at token i (i if none)."""
    t, n, j = toks.text[i], len(toks), i
    if not (t.isdigit() and len(t) <= 3):
        return i
    while (
        j + 1 < n
        and toks.kind[j + 1] == "num"
        and text[toks.end[j] : toks.start[j + 1]] == " "
        and _thousands_group_re().fullmatch(toks.text[j + 1])
        and (j == i or toks.text[j].isdigit())
    ):
        j += 1
    if j + 1 < n and j > i and toks.text[j + 1] == "/" and toks.start[j + 1] == toks.end[j]:
        return i  # "1 000/2" is not a grouped number
    return j
