"""Written forms of absolute dates: "11 December 2025", "Dec. 11, 2025", "2016-12-15".

Each finder returns `Found` items: where a date stands and its (year, month,
day). `year` is None for a partial date ("11 December", the "5/1" of
"5/1-5/7/2020") that only a dateline or the other end of a range can complete.
Invalid dates (30 February, 2015-1-32) are never returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.extract.date_scan import Scan, search_at, year_heads
from factcheck.normalise.dates import (
    day_number,
    day_words,
    expand_year,
    holiday,
    is_valid,
    month_names,
    month_number,
    vocab,
)
from factcheck.patterns import word_trie


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    year: int | None
    month: int | None = None
    day: int | None = None
    form: str = "text"  # text | chain | year | holiday | relative
    role: str | None = None  # "from" / "until" for the two ends of a written range
    explicit_year: bool = True


def alt(words: object) -> str:
    """A regex alternation of `words`, longest first."""
    return "|".join(sorted({re.escape(str(w)) for w in words}, key=len, reverse=True))  # type: ignore[attr-defined]


@cache
def _parts() -> dict[str, str]:
    # prefix trees rather than longest-first alternations: they try the same words in
    # the same order (longest first), compile in a fraction of the time and fail faster
    v = vocab()
    mon = rf"(?<![^\W\d_])(?:{word_trie(month_names())})(?![^\W\d_])\.?"
    dayword = rf"(?<![^\W\d_])(?:{word_trie(day_words())})(?![^\W\d_])"
    daynum = r"(?<![\d.,:])[0-3]?\d(?:st|nd|rd|th)?(?!\d|[:.,]\d)"
    return {
        "MON": mon,
        "DAY": rf"(?:the\s+)?(?:{daynum}|{dayword})",
        "YEAR": r"(?<![\d.,])(?:[12]\d{3}|['’]\d{2})(?!\d|[.,]\d)",
        "YSEP": r"(?:\s*,\s*|\s+(?:of|in)\s+|\s+|\s*[-/]\s*)",
        "WD": rf"(?:(?<![^\W\d_])(?:{word_trie(map(str, v['weekdays']))})(?![^\W\d_])\.?\s*,?\s+)?",
        "HOL": rf"(?<![^\W\d_])(?:{word_trie(map(str, v['holidays']))})(?![^\W\d_])",
    }


@cache
def _text_re() -> re.Pattern[str]:
    p = _parts()
    dmy = rf"(?P<d1>{p['WD']}{p['DAY']})(?:\.?\s+(?:of\s+)?|\s*[-/]\s*)(?P<m1>{p['MON']})"
    dmy += rf"(?:{p['YSEP']}(?P<y1>{p['YEAR']}))?"
    mdy = rf"(?P<w2>{p['WD']})(?P<m2>{p['MON']})(?:\s*[-/,]?\s*)(?P<d2>{p['DAY']})"
    mdy += rf"(?:{p['YSEP']}(?P<y2>{p['YEAR']}))?"
    my = rf"(?P<m3>{p['MON']}){p['YSEP']}(?P<y3>{p['YEAR']})"
    ym = rf"(?P<y4>{p['YEAR']})(?:\s*,\s*|\s+)(?P<m4>{p['MON']})(?!\s*\d)"
    hol = rf"(?P<h5>{p['HOL']})(?:\s*,\s*|\s+(?:of|in)\s+|\s+)(?P<y5>{p['YEAR']})"
    return re.compile(f"{hol}|{dmy}|{mdy}|{my}|{ym}", re.IGNORECASE)


def _month_ok(word: str, day: int | None, year: int | None) -> bool:
    """Lower-case "may"/"march" are verbs unless a day or year comes with them."""
    bare = word.rstrip(".")
    if bare.lower() in ("may", "march") and bare.islower():
        return year is not None
    return True


def text_dates(text: str, scan: Scan | None = None) -> list[Found]:
    """Dates written with a month name or a named day ("Easter Monday 2017")."""
    scan = scan or Scan(text)
    search = search_at(_text_re(), text, _text_starts(scan))
    out: list[Found] = []
    pos = 0
    while (m := search(pos)) is not None:
        f = _interpret_text(m)
        if isinstance(f, Found):
            out.append(f)
        # an impossible date ("30 February 2019") is skipped whole; any other
        # rejected reading is tried again one character on
        pos = m.end() if f == "invalid" else m.start() + 1 if f is None else m.end()
    if _month_of_re().search(scan.low):
        for m in _nth_month_re().finditer(text):
            month = day_number(m.group("n"))
            if month and month <= 12:
                out.append(Found(m.start(), m.end(), int(m.group("y")), month))
    return out


_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"(?P<w>[^\W\d_]+)|(?P<d>\d+)|(?P<q>['’])|\S")


def _text_starts(scan: Scan) -> list[int]:
    """Every position where `_text_re` can match: a month name, a named day before a
    year, and the day, weekday, "the" or year tokens (at most nine) before a month name."""
    starts: set[int] = set()
    words = _start_words()
    n = len(scan.text)
    for a, _ in scan.months:
        starts.add(a)
        if not _day_or_year_before(scan, n - a):
            continue
        for t in _TOKEN.finditer(scan.text, scan.tokens_back(a), a):
            s, e = t.span()
            if t.lastgroup == "w":
                word = scan.low[s:e]
                if word in words:
                    starts.add(s)
                if word.endswith("the"):  # "the" needs no word boundary before it
                    starts.add(e - 3)
            elif t.lastgroup:
                starts.add(s)
    holiday_back, rev = _holiday_back_re().match, scan.rev
    for y in scan.cached(year_heads):  # a named day is followed by its year
        if h := holiday_back(rev, n - y):
            starts.add(n - h.end())
    return sorted(starts)


# read backwards from a month name: a separator, maybe "of", then the end of a day, a
# year or a weekday
_DAY_END_BACK = re.compile(
    r"[\s.,/\-]*(?:fo\s[\s.]*)?(?:(?:ts|dn|dr|ht)?(?P<num>\d)|(?P<w>[^\W\d_]+))"
)


def _day_or_year_before(scan: Scan, rev_at: int) -> bool:
    """Whether a day, a year or a weekday can stand before the month name at
    `len(text) - rev_at` (else no match starts before the month name)."""
    m = _DAY_END_BACK.match(scan.rev, rev_at)
    return m is not None and (m.group("num") is not None or m.group("w")[::-1] in _day_ends())


@cache
def _day_ends() -> frozenset[str]:
    """Last words of the spelled-out days ("first" of "twenty-first") and the weekdays."""
    ends = (re.split(r"[\W\d_]+", w)[-1] for w in day_words())
    return frozenset({*ends, *map(str, vocab()["weekdays"])})


@cache
def _start_words() -> frozenset[str]:
    """First words of a weekday or a spelled-out day, and "the"."""
    firsts = {re.split(r"[\W\d_]", w)[0] for w in day_words()}
    return frozenset({"the", *map(str, vocab()["weekdays"]), *firsts})


@cache
def _holiday_back_re() -> re.Pattern[str]:
    """Read backwards from a year: the separator and a named day before it, in reversed
    lower-cased text. One reading at most, as no name ends another or ends in "of"."""
    names = [str(h) for h in vocab()["holidays"]]
    if any(a != b and b.endswith(a) for a in names for b in names) or any(
        re.search(r"(?:\sof|\sin|,)$", h) for h in names
    ):
        raise ValueError("holidays: _holiday_back_re would miss a reading")
    rev = word_trie(h[::-1] for h in names)
    return re.compile(rf"(?:\s*,\s*|\s+(?:fo|ni)\s+|\s+)(?:{rev})")


@cache
def _month_of_re() -> re.Pattern[str]:
    return re.compile(r"month\s+of\s+[12]\d{3}")


@cache
def _nth_month_re() -> re.Pattern[str]:
    words = alt(w for w, n in day_words().items() if n <= 12)
    return re.compile(
        rf"(?<![^\W\d_])(?:the\s+)?(?P<n>{words}|1[0-2](?:th)|[1-9](?:st|nd|rd|th))\s+month\s+of\s+"
        r"(?P<y>[12]\d{3})(?!\d)",
        re.IGNORECASE,
    )


# the month, year and day groups of the forms of `_text_re` that have a month
_FORM_GROUPS = tuple((f"m{i}", f"y{i}", f"d{i}") for i in "12345")


def _interpret_text(m: re.Match[str]) -> Found | str | None:
    g = m.groupdict()
    if g["h5"]:
        iso = holiday(g["h5"], expand_year(g["y5"]))
        if iso is None:
            return None
        y, mo, d = (int(x) for x in iso.split("-"))
        return Found(m.start(), m.end(), y, mo, d, form="holiday")
    mkey, ykey, dkey = next(keys for keys in _FORM_GROUPS if g.get(keys[0]))
    word = g[mkey]
    ytext = g.get(ykey)
    year = expand_year(ytext) if ytext else None
    dtext = g.get(dkey)
    day = day_number(_strip_weekday(dtext)) if dtext else None
    if dtext and day is None:
        return None
    if dtext and year is None and not _DIGIT.search(dtext):
        return None  # a spelled-out day needs its year: "May one day" is no date
    month = month_number(word)
    if month is None or not _month_ok(word, day, year):
        return None
    if not is_valid(year or 2000, month, day):
        return "invalid"
    return Found(m.start(), m.end(), year, month, day)


def _strip_weekday(s: str) -> str:
    return _weekday_prefix_re().sub("", s).strip()


@cache
def _weekday_prefix_re() -> re.Pattern[str]:
    return re.compile(rf"^{_parts()['WD']}", re.IGNORECASE)


def resolve_overlaps(items: list[Found]) -> list[Found]:
    """Keep the longest of overlapping finds (both ends of a range share one span)."""
    kept: list[Found] = []
    cluster: list[Found] = []
    reach = -1
    for f in sorted(items, key=lambda f: f.start):
        if cluster and f.start >= reach:
            kept.extend(_longest_first(cluster))
            cluster = []
        cluster.append(f)
        reach = max(reach, f.end) if len(cluster) > 1 else f.end
    kept.extend(_longest_first(cluster))
    return sorted(kept, key=lambda f: (f.start, f.role != "from"))


def _longest_first(cluster: list[Found]) -> list[Found]:
    ranked = sorted(cluster, key=lambda f: (-(f.end - f.start), f.start, f.form != "text"))
    kept: list[Found] = []
    for f in ranked:
        same = [k for k in kept if (k.start, k.end) == (f.start, f.end)]
        clash = any(f.start < k.end and k.start < f.end for k in kept)
        if not clash or (same and f.role and all(k.role and k.role != f.role for k in same)):
            kept.append(f)
    return kept
