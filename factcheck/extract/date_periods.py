"""Parts of a year written before it: quarters ("the fourth quarter of 2027", "Q4 2027"),
halves ("H1 2026", "the second half of 2026") and seasons ("summer 2026").

They are dates with no preposition needed: "Foundations: summer 2026" dates the
foundations as surely as "in 2026" would. Each becomes a `Found` at YEAR granularity
whose span covers the whole phrase (so a report quotes "fourth quarter of 2027", not
"2027"). Finer detail is not kept: a DateValue has no quarter granularity, and a pair of
month bounds ("from 2027-10", "until 2027-12") would let the date checks clear any
other date against one open end of the pair (see the notes in `find_periods`).

A fiscal part ("fiscal Q4 2026", "the fourth quarter of fiscal 2026") is left to the
bare-year reading (`dates._bare_years`), as before.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.extract.date_forms import Found
from factcheck.extract.date_scan import Scan, year_heads
from factcheck.normalise.dates import expand_year

# What a lower-cased window ending right before a year must end with: a part of the
# year and a separator. Quarters and halves by ordinal or code, seasons with an optional
# "early"/"late"/"mid" before them.
_PERIOD_BEFORE_YEAR = re.compile(
    r"(?<![^\W\d_])(?:the\s+)?(?:"
    r"(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?P<part>quarter|half)"
    r"|q[1-4]|h[12]|[1-4]q|[12]h"
    r"|(?:(?:early|late|mid)[\s-]+)?(?:spring|summer|autumn|fall|winter)"
    r")(?:\s+of\s+|\s*,\s*|\s+)$"
)
# A year as the period finder takes it: four digits 1800-2199 or "’26", nothing glued on.
_YEAR_AFTER_PERIOD = re.compile(r"(?:1[89]\d\d|2[01]\d\d|['’]\d\d)(?![\w%]|[.,]\d|[-/–:]\d)")
_FISCAL_BEFORE = re.compile(r"(?:fiscal|financial|fy)\s*$")
_HALF_ORDINALS = frozenset({"first", "second", "1st", "2nd"})
_WINDOW = 40


@cache
def _lead_words() -> frozenset[str]:
    """The last word of every phrase `_PERIOD_BEFORE_YEAR` can match before its separator:
    a year whose preceding word is none of these follows no period."""
    parts = ["quarter", "half", "spring", "summer", "autumn", "fall", "winter"]
    codes = [f"{c}{n}" for c in "qh" for n in "1234"] + [f"{n}{c}" for c in "qh" for n in "1234"]
    return frozenset([*parts, *codes])


# The last word before a year, read backwards in `Scan.rev`. At most 8 characters are
# taken: every lead word is shorter, so a longer word is rejected all the same, and a
# long run of digits or letters is not read again at every year inside it.
_LAST_WORD_BACK = re.compile(r"[\s,]*(?:fo\s+)?([^\W_]{1,8})")


def find_periods(text: str, scan: Scan) -> list[Found]:
    """Every quarter, half or season written right before a year, at year granularity.

    Why not month bounds: the date checks compare each claim on its own, so the "from"
    end of a pair would agree with any later date and the "until" end with any earlier
    one; "the second half of 2027" against a draft's "2028" would then pass unnoticed.
    """
    out: list[Found] = []
    n = len(text)
    low, rev = scan.low, scan.rev
    lead_words = _lead_words()
    for y in scan.cached(year_heads):
        last = _LAST_WORD_BACK.match(rev, n - y)
        if last is None or last.group(1)[::-1] not in lead_words:
            continue  # cheap rejection: most years follow no period word
        m = _PERIOD_BEFORE_YEAR.search(low, max(0, y - _WINDOW), y)
        year = _YEAR_AFTER_PERIOD.match(text, y)
        if (
            m is None
            or year is None
            or _FISCAL_BEFORE.search(low, max(0, m.start() - 12), m.start())
        ):
            continue
        if m.group("part") == "half" and m.group("ord") not in _HALF_ORDINALS:
            continue
        out.append(Found(m.start(), year.end(), expand_year(year.group(0)), form="period"))
    return out
