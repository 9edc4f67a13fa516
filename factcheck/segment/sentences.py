"""Sentences inside one block, in linear time.

A sentence ends at `.`, `!`, `?` or an ellipsis (closing quotes and brackets stay
with it) when whitespace and then a capital, a digit or an opening quote follow.
Not an end: titles and month abbreviations (Mr, Dr, Dec., No.), initials
(E. Macron, J. R. R. Tolkien), decimals (3.5), "e.g."/"i.e." and anything
followed by a lower-case word. Company suffixes and "etc." (Inc., Ltd., N.V.,
S.A.) end a sentence only when the next word is a common sentence opener
("The", "It", "This", ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from factcheck.normalise import safe_load


@dataclass(frozen=True)
class Abbreviations:
    never_final: frozenset[str]
    may_be_final: frozenset[str]
    openers: frozenset[str]


@cache
def abbreviations() -> Abbreviations:
    raw = safe_load(
        resources.files("factcheck.data").joinpath("abbreviations.yaml").read_text("utf-8")
    )
    return Abbreviations(
        frozenset(raw["never_final"]), frozenset(raw["may_be_final"]), frozenset(raw["openers"])
    )


_OPENING_QUOTES = "\"“«‘'([¿¡"


@cache
def _dotted() -> re.Pattern[str]:
    return re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


@cache
def _terminator() -> re.Pattern[str]:
    """A sentence-ending mark (group 1) and the whitespace after it.

    The mark is "..." (dots only), "…" or a run of ".!?"; spelt with one literal
    first character per branch so that the engine skips straight to candidates.
    """
    return re.compile(r"((?:\.(?:\.+|[.!?]*)|…|![.!?]*|\?[.!?]*)[\"”»’')\]*_]*)\s*")


def _word_before(text: str, end: int, floor: int) -> str:
    """The whitespace-delimited token that ends at `end` (without the final dot),
    at most 40 characters and not before `floor`."""
    seg = text[max(floor, end - 40) : end]
    if not seg or seg[-1].isspace():
        return ""
    return seg.rsplit(None, 1)[-1].lstrip("\"“«‘'([")


def _next_word(text: str, start: int, stop: int) -> str:
    j = start
    while j < stop and (text[j].isalnum() or text[j] in "-'’") and j - start < 40:
        j += 1
    return text[start:j]


def _is_boundary(text: str, m: re.Match[str], stop: int, floor: int) -> int | None:
    """Where the sentence ends if `m` is a sentence end, else None."""
    end = m.end(1)
    if end >= stop:
        return end
    j = m.end()  # after the whitespace
    if j == end:
        return None
    if j >= stop:
        return end
    nxt = text[j]
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENING_QUOTES):
        return None
    mark = m.group(1)
    if mark.startswith("..") or mark.startswith("…") or mark[0] in "!?":
        return end
    if len(mark.rstrip("\"”»’')]*_")) > 1:
        return end  # "?!" and the like
    word = _word_before(text, m.start(), floor)
    low = word.lower()
    abbr = abbreviations()
    if low in abbr.never_final or (len(word) == 1 and word.isalpha() and word.isupper()):
        return None
    if low in abbr.may_be_final or is_dotted(word):
        following = _next_word(text, j, stop).lower()
        return end if following in abbr.openers else None
    return end


def is_dotted(word: str) -> bool:
    """Letters joined by dots ("U.S", "N.V"): `_dotted` in full, tried only on a word
    with a dot (most words before a full stop have none)."""
    return "." in word and _dotted().fullmatch(word) is not None


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence offsets inside `text[start:end]`, whitespace trimmed, in order."""
    out: list[tuple[int, int]] = []
    cursor = start
    for m in _terminator().finditer(text, start, end):
        if m.start() < cursor:
            continue
        stop = _is_boundary(text, m, end, cursor)
        if stop is None:
            continue
        _append(text, cursor, stop, out)
        cursor = stop
    _append(text, cursor, end, out)
    return out


def _append(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a < b:
        out.append((a, b))
