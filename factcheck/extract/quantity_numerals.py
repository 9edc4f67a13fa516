"""The number itself: digits, fractions ("3 1/2", "2½"), number words ("two million"),
a currency written before it ("US$", "€", "MUSD") and a minus sign."""

from __future__ import annotations

import functools
import re

from factcheck.extract.quantity_cues import currency_prefixes
from factcheck.extract.quantity_view import TokenView
from factcheck.normalise import numbers, units

# Longest run of tokens a number written in words may span.
_NUMBER_WORDS_WINDOW = 40
# The kinds of token that can follow a whole number in a mixed fraction ("3 1/2", "2½").
_FRACTION_PARTS = ("num", "frac")


@functools.cache
def _million_code_re() -> re.Pattern[str]:
    return re.compile(r"M([A-Z]{3})")


def currency_prefix(v: TokenView, i: int) -> tuple[str, int] | None:
    """A currency written before a number, starting at token i: (unit name, next token).
    "MUSD" gives the name "MUSD" (millions of dollars)."""
    t, start = v.text_of[i], v.start_of[i]
    if i > 0 and v.glued(i - 1, i) and v.kind_of[i - 1] in ("word", "num"):
        return None
    for sym, name in currency_prefixes().get(t[0], ()):
        if not v.text.startswith(sym, start):
            continue
        end = start + len(sym)
        if sym[-1].isalpha() and v.text[end : end + 1].isalpha():
            continue
        j = i
        while j < v.n and v.end_of[j] < end:
            j += 1
        if j < v.n and v.end_of[j] == end:
            return name, j + 1
    m = _million_code_re().fullmatch(t) if v.kind_of[i] == "word" else None
    info = units.lookup(m.group(1)) if m else None
    if info and info.kind == "currency":
        return "M" + info.name, i + 1
    return None


def number(v: TokenView, j: int) -> tuple[float, float, int, bool] | None:
    """(value, scale, next token, written in words) of a number at token j, else None."""
    kind = v.kind_of[j]
    if kind == "frac":
        return v.value_of[j] or 0.0, 1.0, j + 1, False
    if kind == "num":
        nxt = v.low[j + 1] if j + 1 < v.n else ""
        if nxt == "/" and v.glued(j, j + 1) and v.glued(j + 1, j + 2):
            return _slash_fraction(v, j)
        mixed = _mixed_fraction(v, j) if nxt and v.kind_of[j + 1] in _FRACTION_PARTS else None
        if mixed is not None:
            return mixed
        if v.low[j][0].isdigit() and nxt not in numbers.AFTER_DIGITS:
            return v.value_of[j] or 0.0, 1.0, j + 1, False  # digits alone, as the reader reads them
    if not numbers.may_start_number_words(v.low[j]):
        return None
    r = numbers.read_number_words(v.low[j : j + _NUMBER_WORDS_WINDOW])
    if r is None:
        return None
    return r.value, r.scale, j + r.count, kind == "word"


def _slash_fraction(v: TokenView, j: int) -> tuple[float, float, int, bool] | None:
    """ "3/4" at token j; None for "1/2/3" chains and for fractions that do not parse."""
    f = numbers.parse_fraction(v.text[v.start_of[j] : v.end_of[j + 2]])
    chained = j + 3 < v.n and v.low[j + 3] == "/" and v.glued(j + 2, j + 3)
    if f is None or chained or (j > 0 and v.low[j - 1] == "/"):
        return None
    return f, 1.0, j + 3, False


def _mixed_fraction(v: TokenView, j: int) -> tuple[float, float, int, bool] | None:
    """ "3 1/2" or "2½" at token j, else None."""
    whole = v.value_of[j] or 0.0
    if (
        j + 3 < v.n
        and v.kind_of[j + 1] == "num"
        and v.low[j + 2] == "/"
        and v.near(j, j + 1)
        and v.glued(j + 1, j + 2)
        and v.glued(j + 2, j + 3)
    ):
        f = numbers.parse_fraction(v.text[v.start_of[j + 1] : v.end_of[j + 3]])
        if f is not None:
            return whole + f, 1.0, j + 4, False
    if j + 1 < v.n and v.kind_of[j + 1] == "frac" and v.near(j, j + 1):
        return whole + (v.value_of[j + 1] or 0.0), 1.0, j + 2, False
    return None


def is_sign(v: TokenView, k: int) -> bool:
    """A '-' at token k is a minus sign (not a hyphen or a range dash)."""
    if not v.glued(k, k + 1):
        return False
    return (
        k == 0
        or not v.glued(k - 1, k)
        or (v.kind_of[k - 1] == "punct" and v.low[k - 1] not in ")]")
    )
