"""Shortcuts of the quantity scan: cases it can settle before the general reader runs.

`dropped_number(v, i)`: the general reading at token i would read a bare number, consume
only token i and then drop it: a number inside a phone number, date or URL ("+33 1 23
45"), a year closed by punctuation ("in 2025.", "2024, said") or a day number before a
month name ("2 September"). About a third of the scan's candidates are such numbers.
"""

from __future__ import annotations

import functools

from factcheck.extract.quantity_bounds import bound_before
from factcheck.extract.quantity_cues import cues, phrase_edges
from factcheck.extract.quantity_nouns import capitalised
from factcheck.extract.quantity_units import unit_may_start
from factcheck.extract.quantity_view import TokenView
from factcheck.normalise import numbers

# Punctuation that commonly ends a number; `_closers` keeps those that nothing in the
# reader's vocabularies reads on from.
_PUNCTUATION = ".,;:)!?"
# What the reader reads after a number besides its vocabularies: a fraction, a range or
# ratio, a minus sign, scale letters.
_READ_ON = frozenset({"/", "-", "–", "—", "~", "to", "through", "thru", "and", "M", "B", "T", "b"})


def _inert(token: str) -> bool:
    """Nothing after a number reads on into a token written `token`: it begins no unit,
    rate, trailing bound, time qualifier or number continuation."""
    return not (
        unit_may_start(token)
        or token in phrase_edges("after", False)
        or token in phrase_edges("rate_adv", False)
        or token in cues()["time_prepositions"]
        or token in numbers.AFTER_DIGITS
        or token in _READ_ON
    )


@functools.cache
def _closers() -> frozenset[str]:
    return frozenset(p for p in _PUNCTUATION if _inert(p))


def _ends_number(v: TokenView, k: int) -> bool:
    """The digits before token k are read alone, with no unit, and the reading ends at k:
    k is past the end, a closing mark, or a number not starting a fraction ("1 23 45")."""
    if k >= v.n:
        return True
    kind = v.kind_of[k]
    if kind == "punct":
        return v.low[k] in _closers()
    if kind != "num" or (k + 1 < v.n and v.low[k + 1] == "/"):
        return False
    return _inert(v.low[k])


def dropped_number(v: TokenView, i: int) -> bool:
    """The general reading at token i yields a bare number that the scan drops, and
    consumes only token i: digits followed by nothing they read on into, which start in a
    protected span, or form a year with no minus sign and no bound word before it (a bound
    could keep it: "over 2025.")."""
    if v.kind_of[i] != "num" or not v.low[i][0].isdigit():
        return False
    if not _ends_number(v, i + 1):
        return _day_before_month(v, i)
    if v.is_protected(v.start_of[i]):
        return True
    if not v.year_like(i) or (i > 0 and v.low[i - 1] in ("-", "−")):
        return False
    hit = bound_before(v, i)
    return hit is None or hit[0] == "skip"


def _day_before_month(v: TokenView, i: int) -> bool:
    """Token i is a day number ("2") closely followed by a capitalised month name that
    no unit starts with ("September"), after no month name or "." (which
    `quantity_filters._day_of_month` reads otherwise): the reading takes no unit, counted
    noun or range there, and drops the day number as a date part."""
    t = v.text_of[i]
    k = i + 1
    if not (t.isdigit() and len(t) <= 2 and 1 <= int(t) <= 31 and k < v.n and v.near(i, k)):
        return False
    month = v.text_of[k]
    if v.low[k] not in v.cue["months"] or not capitalised(month) or unit_may_start(month):
        return False
    return i == 0 or (v.low[i - 1] not in v.cue["months"] and v.low[i - 1] != ".")
