"""Date claims: absolute dates, bare years in a date context, ranges, datelines, relatives.

`find(text, seg, ctx)` returns DateValue claims. Order of work: written dates
(`date_forms`), quarters, halves and seasons before a year (`date_periods`), bare
years that stand in a date context ("by 2030", "since
2020", "in early 2026", "the year 2008", "in 2007 and 2009"), ranges ("from
2014 to 2018", "Jan-Feb 2017", "between 4-22 January, 1995"), the dateline,
then relative expressions resolved against it (`date_context`).

A bare four-digit number 1800-2199 is a year only after a time preposition or
"year", in a coordination with another date, in a year range, or before "or
later"/"onwards". Never: "France 2030" (no preposition reaches it), "2000
pieces" (counted noun after it), "grew by 2000" (a change verb before "by").
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from factcheck.extract import date_context as dc
from factcheck.extract.base import ExtractContext, RawClaim
from factcheck.extract.date_chains import chain_dates, digit_heads
from factcheck.extract.date_forms import Found, resolve_overlaps, text_dates
from factcheck.extract.date_periods import find_periods
from factcheck.extract.date_relative import relative_claims
from factcheck.extract.date_scan import Scan, matches_at, year_heads
from factcheck.model import DateValue, Segmentation, trusted
from factcheck.normalise.dates import expand_year, is_valid, month_names, vocab

__all__ = ["find", "parse"]

_YEAR = re.compile(
    r"(?:(?<=mid-)|(?<![\w.,'’/$€£-]))(?:1[89]\d\d|2[01]\d\d|['’]\d\d)(?![\w%]|[.,]\d|[-/–:]\d)"
)
_BARE_YEAR = re.compile(r"[12]\d{3}")
_CONNECT = re.compile(r"\s*(?:-|–|—|~|to|through|thru|till|until|and)\s*", re.IGNORECASE)
_COORD = re.compile(r"\s*(?:,\s*|\s(?:and|or|nor|but)\s+(?:not\s+)?|\s&\s)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)
_DAY_FIRST = re.compile(r"(?<![\d.])(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?!\d)")


@cache
def _year_range_re() -> re.Pattern[str]:
    return re.compile(r"\s*(?:-|–|—|~|to|through|thru|till|until)\s*(?=\d{4}(?!\d))", re.I)


@cache
def _left_partial_re() -> re.Pattern[str]:
    months = "|".join(sorted(map(re.escape, month_names()), key=len, reverse=True))
    return re.compile(
        rf"(?:(?<![^\W\d_])(?P<mon>{months})\.?|(?<![\d.,])(?P<day>[0-3]?\d)(?:st|nd|rd|th)?)"
        r"\s*(?:-|–|to|through|till|until|and)\s*$",
        re.IGNORECASE,
    )


def _doc_day_first(text: str, scan: Scan) -> bool | None:
    """Day-first when the document writes an unambiguous D/M/Y date and no M/D/Y one."""
    first = second = False
    for m in matches_at(_DAY_FIRST, text, scan.cached(digit_heads)[0]):
        a, b = int(m.group(1)), int(m.group(3))
        first |= a > 12 >= b
        second |= b > 12 >= a
    return True if first and not second else (False if second and not first else None)


_COUNTED = re.compile(r"\s*(?:(?:-|–|to|and)\s*[\d,.]+\s*)?([^\s\d.,;:!?)]+)")


def _counted_after(text: str, end: int) -> bool:
    """A counted noun or unit right after the number (skipping "to 3000"): "2000 pieces"."""
    m = _COUNTED.match(text, end, end + 40)
    if not m:
        return False
    word = m.group(1).lower().strip("\"'’”")
    return word in _nouns() or word in _programme_words()


@cache
def _nouns() -> frozenset[str]:
    return frozenset(str(w).lower() for w in vocab()["counted_nouns"])


@cache
def _programme_words() -> frozenset[str]:
    return frozenset(vocab()["programme_words"])


def _bare_years(text: str, taken: list[Found], scan: Scan) -> list[Found]:
    """Four-digit years standing in a date context; see the module docstring.

    `taken` (sorted, non-overlapping) are the dates already found: one sweep
    skips years inside them and knows the last date before each year.
    """
    out: list[Found] = []
    j, last_end, skip_until = 0, -1, -1
    for m in matches_at(_YEAR, text, scan.cached(year_heads)):
        s, e = m.start(), m.end()
        while j < len(taken) and taken[j].end <= s:
            last_end = max(last_end, taken[j].end)
            j += 1
        inside = j < len(taken) and taken[j].start <= s
        if inside or s < skip_until or _counted_after(text, e):
            continue
        year = expand_year(m.group(0))
        nxt = _year_range_re().match(text, e)
        if nxt and not _counted_after(text, nxt.end() + 4):
            y2 = int(text[nxt.end() : nxt.end() + 4])
            if year < y2 <= year + 200:
                out.append(Found(s, e, year, form="year", role="from"))
                out.append(Found(nxt.end(), nxt.end() + 4, y2, form="year", role="until"))
                last_end = skip_until = nxt.end() + 4
                continue
        ok = dc.cue_before(text, s, scan) is not None or dc.cue_after(text, e) is not None
        if ok or (last_end >= 0 and _COORD.fullmatch(text, last_end, s) is not None):
            out.append(Found(s, e, year, form="year"))
            last_end = e
    return out


def _link_ranges(text: str, items: list[Found]) -> list[Found]:
    """Mark the two ends of "A to B" and complete a partial left end from the right one."""
    items = list(items)
    for i in range(len(items) - 1):
        a, b = items[i], items[i + 1]
        if a.role or b.role or b.year is None or not _CONNECT.fullmatch(text, a.end, b.start):
            continue
        gap = text[a.end : b.start].strip().lower()
        if gap == "and" and not _BETWEEN.search(text, max(0, a.start - 12), a.start):
            continue
        year = a.year if a.year is not None else b.year
        month = a.month if a.month is not None or a.year is not None else b.month
        if not is_valid(year, month, a.day) or (year, month or 0) > (b.year, b.month or 99):
            continue
        items[i] = replace(a, year=year, month=month, role="from")
        items[i + 1] = replace(b, role="until")
    return items + _left_partials(text, items)


def _left_partials(text: str, items: list[Found]) -> list[Found]:
    """ "Jan-Feb 2017", "from 4 to 22 January, 1995": a bare month or day before a range end."""
    out: list[Found] = []
    prev_end = 0
    for i, b in enumerate(items):
        lo, prev_end = max(prev_end, b.start - 24), max(prev_end, b.end)
        if b.role or b.year is None or b.month is None:
            continue
        m = _left_partial_re().search(text, lo, b.start)
        if not m:
            continue
        if m.group("mon"):
            mon = month_names().get(m.group("mon").lower())
            if mon is None or mon >= b.month or b.day is not None:
                continue
            out.append(Found(m.start(), m.end("mon"), b.year, mon, None, role="from"))
        else:
            day = int(m.group("day"))
            if b.day is None or not 1 <= day < b.day:
                continue
            out.append(Found(m.start(), m.end("day"), b.year, b.month, day, role="from"))
        items[i] = replace(b, role="until")
    return out


def _absolute(text: str, scan: Scan | None = None) -> list[Found]:
    scan = scan or Scan(text)
    chains = chain_dates(text, _doc_day_first(text, scan), scan)
    periods = find_periods(text, scan)
    forms = resolve_overlaps(text_dates(text, scan) + chains + periods)
    years = _bare_years(text, forms, scan)
    merged = sorted(forms + years, key=lambda f: (f.start, f.role != "from"))
    linked = _link_ranges(text, merged)
    return sorted(linked, key=lambda f: (f.start, f.role != "from"))


def find(text: str, seg: Segmentation, ctx: ExtractContext) -> list[RawClaim]:
    """Date claims of `text` (see the module docstring)."""
    scan = Scan(text)
    found = _absolute(text, scan)
    line = dc.find_dateline(text, seg, found)
    anchor = dc.iso_of(found[line]) if line is not None else ctx.dateline
    claims: list[RawClaim] = []
    for i, f in enumerate(found):
        if f.year is None:
            if anchor is None or f.day is None or f.role:
                continue
            f = replace(f, year=int(anchor[:4]), explicit_year=False)
            if not is_valid(f.year, f.month, f.day):  # type: ignore[arg-type]
                continue
        bound = dc.bound_of(text, f, scan)
        relative = None if f.explicit_year else text[f.start : f.end]  # year from the dateline
        value = _date_value(dc.iso_of(f), dc.granularity_of(f), bound, i == line, relative)
        attribute, subject = (None, None) if i == line else dc.event_of(text, f.start, f.end, scan)
        claims.append(RawClaim("date", f.start, f.end, value, subject, attribute))
    claims.extend(relative_claims(text, claims, anchor, scan))
    return sorted(claims, key=lambda c: (c.start, c.end))


def _date_value(
    iso: str, granularity: str, bound: str, dateline: bool, relative: str | None
) -> DateValue:
    """`DateValue(iso=..., granularity=..., bound=..., dateline=..., relative=...)`, built
    unvalidated (`trusted`): every field is already what validation would make of it
    (tests/extract/test_date_values.py compares the two)."""
    fields = {
        "kind": "date",
        "iso": iso,
        "granularity": granularity,
        "bound": bound,
        "relative": relative,
        "dateline": dateline,
        "offset_years": None,
        "anchor": None,
        "anchor_iso": None,
    }
    return trusted(DateValue, fields)


def parse(text: str) -> str | None:
    """The ISO value of a string that is one date ("11 December 2025", "2016-12-15")."""
    stripped = text.strip()
    if _BARE_YEAR.fullmatch(stripped):
        return stripped
    found = [f for f in _absolute(text) if f.year is not None]
    lead = len(text) - len(text.lstrip())
    if len(found) == 1 and found[0].start == lead and found[0].end == lead + len(stripped):
        return dc.iso_of(found[0])
    return None
