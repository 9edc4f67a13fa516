"""Cheap pre-scans that tell the date finders where a match can start.

The date patterns are case-insensitive, start with look-behinds and large
alternations, so `Pattern.search` pays for a full attempt at every character.
Instead, a finder scans a lower-cased copy of the text with small
case-sensitive patterns whose first character is a character class (the regex
engine skips non-candidates in C), collects the positions where a match could
start (a superset), and calls the original pattern's `match` there in order.
That reproduces `search`/`finditer` exactly: `search` tries every position in
turn, and `match` at a position gives what `search` would find there.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any, TypeVar

from factcheck.normalise.dates import month_names
from factcheck.patterns import word_trie

# the only characters outside ASCII that re.IGNORECASE matches to an ASCII letter
# ("K" Kelvin sign lower-cases to "k" by itself); "İ".lower() would add a character
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})
_LETTER = re.compile(r"[^\W\d_]")
# up to ten tokens (letter runs, digit runs, single other characters), read backwards
_TOKENS_BACK = re.compile(r"(?:\s*(?:[^\W\d_]+|\d+|\S)){0,10}")


@cache
def _month_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{word_trie(month_names())})(?![^\W\d_])")


def fold_lower(text: str) -> str:
    """`text` lower-cased with the IGNORECASE folds, same length and offsets: a
    case-sensitive match of a lower-case pattern on it is a case-insensitive match
    on `text` (for patterns whose letters are ASCII)."""
    if not text.isascii() and ("İ" in text or "ı" in text or "ſ" in text):
        text = text.translate(_FOLD)  # slow on non-ASCII text, hence the check
    return text.lower()


T = TypeVar("T")
# "2019", "1850", "’19": where a year can start
_YEAR_HEAD = re.compile(r"[12'’](?:(?<=[12])\d{3}|(?<=['’])\d\d)")


@dataclass(frozen=True)
class Scan:
    """A document's text with its folded lower-case copy and the month names in it.

    Built once per document and passed to the finders; `cached` keeps what they
    compute from it for the other finders of the same document.
    """

    text: str
    _memo: dict[Callable[[Any], Any], Any] = field(default_factory=dict, compare=False, repr=False)

    def cached(self, fn: Callable[[Scan], T]) -> T:
        """`fn(self)`, computed once per Scan."""
        if fn not in self._memo:
            self._memo[fn] = fn(self)
        return self._memo[fn]  # type: ignore[no-any-return]

    @cached_property
    def low(self) -> str:
        """`text` lower-cased with the IGNORECASE folds (same length, same offsets)."""
        return fold_lower(self.text)

    @cached_property
    def rev(self) -> str:
        return self.low[::-1]

    @cached_property
    def months(self) -> list[tuple[int, int]]:
        """(start, end) of every month name or abbreviation standing as a word."""
        return [m.span() for m in word_matches(_month_re(), self)]

    def letter_before(self, i: int) -> bool:
        return i > 0 and _LETTER.match(self.text, i - 1) is not None

    def tokens_back(self, i: int) -> int:
        """Where the ten tokens before `i` start (whitespace between them does not count)."""
        n = len(self.text)
        back = _TOKENS_BACK.match(self.rev, n - i)
        assert back is not None  # the pattern matches the empty string
        return n - back.end()


def year_heads(scan: Scan) -> list[int]:
    """Where a four-digit number starting with 1 or 2, or an apostrophe and two digits, starts."""
    return [m.start() for m in _YEAR_HEAD.finditer(scan.low)]


def word_matches(
    pattern: re.Pattern[str], scan: Scan, pos: int = 0, endpos: int | None = None
) -> Iterator[re.Match[str]]:
    r"""`pattern` preceded by `(?<![^\W\d_])` (not after a letter), as finditer over
    `scan.low[pos:endpos]` would find it; `pattern` itself must not start with it."""
    end = len(scan.low) if endpos is None else endpos
    while (m := pattern.search(scan.low, pos, end)) is not None:
        if scan.letter_before(m.start()):
            pos = m.start() + 1
            continue
        yield m
        pos = m.end()


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` yields, given every position where a match can start."""
    pos = 0
    for s in sorted(set(starts)):
        if s < pos:
            continue
        m = pattern.match(text, s)
        if m is not None:
            pos = m.end()
            yield m


def search_at(
    pattern: re.Pattern[str], text: str, starts: list[int]
) -> Callable[[int], re.Match[str] | None]:
    """A `pattern.search(text, pos)` that only tries `starts` (sorted, a superset of the
    positions where a match can start)."""

    def search(pos: int) -> re.Match[str] | None:
        for k in range(bisect_left(starts, pos), len(starts)):
            m = pattern.match(text, starts[k])
            if m is not None:
                return m
        return None

    return search
