"""Calendar dates: vocabulary, validity, ISO strings with granularity, arithmetic.

An ISO value here is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; its granularity is
year, month or day. Two values are *compatible* when one is a prefix of the
other (``2025`` and ``2025-12``): a coarser statement does not contradict a
finer one.

Numeric dates (``15/12/2016``, ``12/15/2016``, ``15.12.2016``): a part above 12
decides which is the day. Otherwise an explicit ``day_first`` decides; by
default slashes and hyphens read month first (US: ``3/7/2017`` is 7 March) and
dots read day first (``13.5.2015``, European). Two-digit years below
``TWO_DIGIT_PIVOT`` are 20YY, the others 19YY (``'16`` is 2016, ``05/05/71`` is 1971).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from factcheck.normalise import safe_load

TWO_DIGIT_PIVOT = 30
_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DAY_DIGITS = re.compile(r"(?:the\s+)?([0-3]?\d)\s*(?:st|nd|rd|th)?\.?", re.IGNORECASE)


@cache
def vocab() -> dict[str, Any]:
    """The date vocabulary from ``factcheck/data/dates.yaml`` (loaded once)."""
    text = resources.files("factcheck.data").joinpath("dates.yaml").read_text(encoding="utf-8")
    return safe_load(text)


@cache
def month_names() -> dict[str, int]:
    """Every month name and abbreviation (lower case) → month number."""
    return {name: int(n) for n, names in vocab()["months"].items() for name in names}


def month_number(word: str) -> int | None:
    """1-12 for a month name or abbreviation ("Sept.", "december"), else None."""
    return month_names().get(word.strip().rstrip(".").lower())


@cache
def day_words() -> dict[str, int]:
    """Spelled-out day numbers 1-31, ordinal and cardinal ("twenty-second", "four")."""
    v = vocab()
    ords = {k: int(n) for k, n in v["ordinal_words"].items()}
    cards = {k: int(n) for k, n in v["cardinal_words"].items() if 0 < int(n) < 32 and len(k) > 2}
    out = {**cards, **ords}
    small = {k: n for k, n in {**cards, **ords}.items() if 0 < n < 10}
    for tens, base in (("twenty", 20), ("thirty", 30)):
        for word, n in small.items():
            if base + n <= 31:
                for joiner in ("-", " ", ""):
                    out[f"{tens}{joiner}{word}"] = base + n
    return out


def day_number(word: str) -> int | None:
    """1-31 for "4", "04th", "the 23rd", "twenty second", "first"; None otherwise."""
    w = " ".join(word.strip().lower().split())
    m = _DAY_DIGITS.fullmatch(w)
    if m:
        n = int(m.group(1))
        return n if 1 <= n <= 31 else None
    w = w.removeprefix("the ")
    return day_words().get(w)


def expand_year(digits: str, pivot: int = TWO_DIGIT_PIVOT) -> int:
    """A written year as a number: "2016" → 2016, "16" / "'16" → 2016, "71" → 1971."""
    d = digits.lstrip("'’")
    n = int(d)
    if len(d) <= 2:
        return 2000 + n if n < pivot else 1900 + n
    return n


def is_valid(year: int, month: int | None = None, day: int | None = None) -> bool:
    """True when the date exists (1 <= year <= 9999; 30 February does not)."""
    if not 1 <= year <= 9999:
        return False
    if month is None:
        return day is None
    if not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= _month_days(year, month)


_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_days(year: int, month: int) -> int:
    """`calendar.monthrange(year, month)[1]`, without computing the weekday."""
    return 29 if month == 2 and calendar.isleap(year) else _DAYS_IN_MONTH[month - 1]


def to_iso(year: int, month: int | None = None, day: int | None = None) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ValueError for a date that does not exist."""
    if not is_valid(year, month, day):
        raise ValueError(f"not a date: year={year} month={month} day={day}")
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_iso(iso: str) -> tuple[int, int | None, int | None]:
    """(year, month, day) of an ISO value; ValueError when malformed or invalid."""
    m = _ISO.fullmatch(iso.strip())
    if not m:
        raise ValueError(f"not an ISO date: {iso!r}")
    y, mo, d = (int(g) if g else None for g in m.groups())
    assert y is not None
    to_iso(y, mo, d)  # validates
    return y, mo, d


def granularity(iso: str) -> str:
    """``year``, ``month`` or ``day``."""
    return ("year", "month", "day")[iso.count("-")]


def add_years(iso: str, n: int) -> str:
    """Shift by whole years, keeping the granularity; 29 February becomes 28 February."""
    y, m, d = parse_iso(iso)
    if m is not None and d is not None and not is_valid(y + n, m, d):
        d = calendar.monthrange(y + n, m)[1]
    return to_iso(y + n, m, d)


def add_days(iso: str, n: int) -> str:
    """Shift a day-granularity value by `n` days (ValueError for coarser values)."""
    y, m, d = parse_iso(iso)
    if m is None or d is None:
        raise ValueError(f"add_days needs a day, got {iso!r}")
    return (dt.date(y, m, d) + dt.timedelta(days=n)).isoformat()


def add_months(iso: str, n: int) -> str:
    """Shift by whole months; a year value is returned unchanged."""
    y, m, d = parse_iso(iso)
    if m is None:
        return iso
    total = y * 12 + (m - 1) + n
    y2, m2 = divmod(total, 12)
    if d is not None:
        d = min(d, calendar.monthrange(y2, m2 + 1)[1])
    return to_iso(y2, m2 + 1, d)


def _bounds(iso: str) -> tuple[dt.date, dt.date]:
    y, m, d = parse_iso(iso)
    if m is None:
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    if d is None:
        return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
    return dt.date(y, m, d), dt.date(y, m, d)


def compatible(a: str, b: str) -> bool:
    """True when one value contains the other (``2025`` and ``2025-12-11``) or they are equal."""
    return a.startswith(b) or b.startswith(a)


def compare(a: str, b: str) -> int | None:
    """-1 if `a` ends before `b` starts, 1 if it starts after `b` ends, 0 if equal.

    None when the periods overlap without being equal (``2025`` vs ``2025-12``):
    they cannot be ordered, see `compatible`.
    """
    if a == b:
        return 0
    a0, a1 = _bounds(a)
    b0, b1 = _bounds(b)
    if a1 < b0:
        return -1
    if a0 > b1:
        return 1
    return None


def numeric_date(
    parts: Sequence[str], sep: str = "/", day_first: bool | None = None
) -> tuple[int, int, int] | None:
    """(year, month, day) of an all-digit date ("15", "12", "2016"), or None.

    Year first when the first part has four digits (ISO order); otherwise the
    year is last (four digits, or exactly two). See the module docstring for
    the day/month order.
    """
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    a, b, c = parts
    if len(a) == 4 and len(b) <= 2 and len(c) <= 2:
        y, m, d = int(a), int(b), int(c)
    elif len(a) <= 2 and len(b) <= 2 and len(c) in (2, 4):
        y = expand_year(c)
        x, z = int(a), int(b)
        if x > 12 >= z:
            d, m = x, z
        elif z > 12 >= x:
            m, d = x, z
        else:
            first = day_first if day_first is not None else sep == "."
            d, m = (x, z) if first else (z, x)
    else:
        return None
    return (y, m, d) if is_valid(y, m, d) else None


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _thanksgiving(year: int) -> dt.date:
    first = dt.date(year, 11, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)


def holiday(name: str, year: int) -> str | None:
    """ISO day of a named day in `year` ("Easter Monday", "Christmas"), or None if unknown."""
    rule = vocab()["holidays"].get(" ".join(name.lower().replace("’", "'").split()))
    if rule is None:
        return None
    base, _, offset = rule.partition("+") if "+" in rule else rule.partition("-")
    if base in ("easter", "thanksgiving"):
        start = easter(year) if base == "easter" else _thanksgiving(year)
        sign = -1 if "-" in rule else 1
        return (start + dt.timedelta(days=sign * int(offset or 0))).isoformat()
    month, day = (int(x) for x in rule.split("-"))
    return to_iso(year, month, day)
