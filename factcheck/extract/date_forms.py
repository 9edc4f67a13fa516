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

from factcheck.normalise.dates import (
    day_number,
    day_words,
    expand_year,
    holiday,
    is_valid,
    month_names,
    month_number,
    numeric_date,
    vocab,
)


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


def _alt(words: object) -> str:
    return "|".join(sorted({re.escape(str(w)) for w in words}, key=len, reverse=True))  # type: ignore[attr-defined]


@cache
def _parts() -> dict[str, str]:
    v = vocab()
    mon = rf"(?<![^\W\d_])(?:{_alt(month_names())})(?![^\W\d_])\.?"
    dayword = rf"(?<![^\W\d_])(?:{_alt(day_words())})(?![^\W\d_])"
    daynum = r"(?<![\d.,:])[0-3]?\d(?:st|nd|rd|th)?(?!\d|[:.,]\d)"
    return {
        "MON": mon,
        "DAY": rf"(?:the\s+)?(?:{daynum}|{dayword})",
        "YEAR": r"(?<![\d.,])(?:[12]\d{3}|['’]\d{2})(?!\d|[.,]\d)",
        "YSEP": r"(?:\s*,\s*|\s+(?:of|in)\s+|\s+|\s*[-/]\s*)",
        "WD": rf"(?:(?<![^\W\d_])(?:{_alt(v['weekdays'])})(?![^\W\d_])\.?\s*,?\s+)?",
        "HOL": rf"(?<![^\W\d_])(?:{_alt(v['holidays'])})(?![^\W\d_])",
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


def text_dates(text: str) -> list[Found]:
    """Dates written with a month name or a named day ("Easter Monday 2017")."""
    out: list[Found] = []
    pos = 0
    while (m := _text_re().search(text, pos)) is not None:
        f = _interpret_text(m)
        if f is None:  # try again one character on: a shorter reading may hold
            pos = m.start() + 1
            continue
        out.append(f)
        pos = m.end()
    for m in _nth_month_re().finditer(text):
        month = day_number(m.group("n"))
        if month and month <= 12:
            out.append(Found(m.start(), m.end(), int(m.group("y")), month))
    return out


@cache
def _nth_month_re() -> re.Pattern[str]:
    words = _alt(w for w, n in day_words().items() if n <= 12)
    return re.compile(
        rf"(?<![^\W\d_])(?:the\s+)?(?P<n>{words}|1[0-2](?:th)|[1-9](?:st|nd|rd|th))\s+month\s+of\s+"
        r"(?P<y>[12]\d{3})(?!\d)",
        re.IGNORECASE,
    )


def _interpret_text(m: re.Match[str]) -> Found | None:
    g = m.groupdict()
    if g["h5"]:
        iso = holiday(g["h5"], expand_year(g["y5"]))
        if iso is None:
            return None
        y, mo, d = (int(x) for x in iso.split("-"))
        return Found(m.start(), m.end(), y, mo, d, form="holiday")
    n = next(i for i in "12345" if g.get(f"m{i}"))
    word = g[f"m{n}"]
    ytext = g.get(f"y{n}")
    year = expand_year(ytext) if ytext else None
    dtext = g.get(f"d{n}")
    day = day_number(_strip_weekday(dtext)) if dtext else None
    if dtext and day is None:
        return None
    if dtext and year is None and not re.search(r"\d", dtext):
        return None  # a spelled-out day needs its year: "May one day" is no date
    month = month_number(word)
    if month is None or not _month_ok(word, day, year):
        return None
    if not is_valid(year or 2000, month, day):
        return None
    return Found(m.start(), m.end(), year, month, day)


def _strip_weekday(s: str) -> str:
    wd = rf"^{_parts()['WD']}"
    return re.sub(wd, "", s, flags=re.IGNORECASE).strip()


@cache
def _chain_re() -> re.Pattern[str]:
    mon = rf"(?:{_alt(month_names())})(?![^\W\d_])"
    comp = rf"(?:\d{{1,4}}|{mon})"
    sep = r"(?: ?[-/–~] ?|\.)"
    return re.compile(
        rf"(?<![^\W_])(?<!\d[-/.])(?P<chain>{comp}(?:{sep}{comp}){{1,5}})"
        r"(?P<tail> ?, ?\d{4})?(?![^\W_])(?![-/.]\d)",
        re.IGNORECASE,
    )


_SPLIT = re.compile(r"(?: ?[-/–~] ?|\.)")
_SPACED_YMD = re.compile(r"(?<![\d.,])(\d{4}) (\d{2}) (\d{2})(?!\d|[.,:]\d)")


def chain_dates(text: str, day_first: bool | None = None) -> list[Found]:
    """Numeric and mixed dates: 2016-12-15, 15/12/2016, 05-Aug-2016, 2014-2018, 5/1-5/7/2020."""
    out: list[Found] = []
    for m in _chain_re().finditer(text):
        chain = m.group("chain")
        comps = _SPLIT.split(chain)
        seps = [s.group(0) for s in _SPLIT.finditer(chain)]
        offs = [m.start()] + [m.start() + s.end() for s in _SPLIT.finditer(chain)]
        if m.group("tail"):
            comps.append(m.group("tail").strip(" ,"))
            seps.append(seps[-1].strip())
            offs.append(m.end() - 4)
        ends = [o + len(c) for o, c in zip(offs, comps, strict=True)]
        out.extend(_interpret_chain(comps, seps, (offs, ends), day_first))
    for m in _SPACED_YMD.finditer(text):
        r = numeric_date(m.groups(), "-")
        if r:
            out.append(Found(m.start(), m.end(), *r, form="chain"))
    return out


def _is_range_sep(sep: str, seps: list[str]) -> bool:
    if sep.strip() in ("–", "~") or sep.startswith(" -"):
        return True
    return sep == "-" and any(s.strip() in ("/", ".") for s in seps)


def _interpret_chain(
    comps: list[str], seps: list[str], at: tuple[list[int], list[int]], day_first: bool | None
) -> list[Found]:
    start, end = at[0][0], at[1][-1]
    if len(comps) == 2:
        years = all(len(c) == 4 and c[0] in "12" and c.isdigit() for c in comps)
        cut = [0] if years and seps[0].strip() in ("-", "–", "~") else []
    else:
        cut = [i for i, s in enumerate(seps) if _is_range_sep(s, seps)]
        if not cut and len(comps) == 6 and set(seps) == {"-"}:
            cut = [2]
    if len(cut) > 1:
        return []
    if not cut:
        one = _group(comps, seps, day_first)
        if one is None or one[0] is None:
            return _season(comps, seps, start, end)
        return [Found(start, end, *one, form="chain")]
    i = cut[0]
    left = _group(comps[: i + 1], seps[:i], day_first)
    right = _group(comps[i + 1 :], seps[i + 1 :], day_first)
    if len(comps) > 2 and (i == 0 or i == len(comps) - 2):
        left = right = None  # "2016 - 01/22/2016": a year, then a date of its own
    if left is None or right is None or right[0] is None:
        return _apart(comps, seps, at, i, day_first)
    ly, lm, ld = left
    if ly is None:  # "5/1-5/7/2020": the left end borrows the year
        ly = right[0]
        if not is_valid(ly, lm, ld):
            return []
    if (ly, lm or 0, ld or 0) > (right[0], right[1] or 99, right[2] or 99):
        return []
    return [
        Found(start, end, ly, lm, ld, form="chain", role="from"),
        Found(start, end, *right, form="chain", role="until"),
    ]


def _apart(
    comps: list[str], seps: list[str], at: tuple[list[int], list[int]], i: int, day_first: bool | None
) -> list[Found]:
    """The two sides of a failed range, each read as a date of its own when it is one."""
    out = []
    for lo, hi in ((0, i + 1), (i + 1, len(comps))):
        if hi - lo >= 2:
            r = _group(comps[lo:hi], seps[lo : hi - 1], day_first)
            if r is not None and r[0] is not None:
                out.append(Found(at[0][lo], at[1][hi - 1], *r, form="chain"))
    return out


def _season(comps: list[str], seps: list[str], start: int, end: int) -> list[Found]:
    """ "2011-12" read as the season 2011 to 2012, when the tail is the next year."""
    if len(comps) == 2 and seps[0] == "-" and len(comps[0]) == 4 and len(comps[1]) == 2:
        if comps[0].isdigit() and comps[1].isdigit():
            y = int(comps[0])
            if int(comps[1]) == (y + 1) % 100:
                return [
                    Found(start, end, y, form="chain", role="from"),
                    Found(start, end, y + 1, form="chain", role="until"),
                ]
    return []


Ymd = tuple[int | None, int | None, int | None]


def _group(comps: list[str], seps: list[str], day_first: bool | None) -> Ymd | None:
    """(year, month, day) of one date inside a chain; year None for "5/1" or "Aug-1"."""
    seps = [s.strip() for s in seps]
    if len(comps) == 1 and len(comps[0]) == 4 and comps[0].isdigit() and comps[0][0] in "12":
        return int(comps[0]), None, None
    names = [i for i, c in enumerate(comps) if not c.isdigit()]
    if len(names) > 1 or not 2 <= len(comps) <= 3:
        return None
    if names:
        return _named_group(comps, names[0])
    if len(comps) == 3:
        if len(set(seps)) != 1:
            return None
        return numeric_date(comps, seps[0].strip(), day_first)
    a, b = comps
    if len(a) == 4 and len(b) <= 2:
        y, mo = int(a), int(b)
    elif len(b) == 4 and len(a) <= 2 and seps[0] != ".":
        y, mo = int(b), int(a)
    elif len(a) <= 2 and len(b) <= 2 and seps[0] == "/":
        mo, d = int(a), int(b)
        return (None, mo, d) if is_valid(2000, mo, d) else None
    else:
        return None
    return (y, mo, None) if 1000 <= y <= 2999 and is_valid(y, mo) else None


def _named_group(comps: list[str], at: int) -> Ymd | None:
    month = month_number(comps[at])
    nums = [c for i, c in enumerate(comps) if i != at]
    if month is None:
        return None
    years = [c for c in nums if len(c) == 4]
    if len(nums) == 1:
        if years:
            return int(years[0]), month, None
        d = int(nums[0])
        return (None, month, d) if len(nums[0]) <= 2 and is_valid(2000, month, d) else None
    if len(years) == 1:
        day_s = nums[1] if nums[0] is years[0] else nums[0]
        y = int(years[0])
    elif not years and at == 1 and len(nums[1]) == 2:  # 05-Aug-16
        day_s, y = nums[0], expand_year(nums[1])
    else:
        return None
    d = int(day_s)
    return (y, month, d) if len(day_s) <= 2 and is_valid(y, month, d) else None


def resolve_overlaps(items: list[Found]) -> list[Found]:
    """Keep the longest of overlapping finds (both ends of a range share one span)."""
    ranked = sorted(items, key=lambda f: (-(f.end - f.start), f.start, f.form != "text"))
    kept: list[Found] = []
    for f in ranked:
        same = [k for k in kept if (k.start, k.end) == (f.start, f.end)]
        clash = any(f.start < k.end and k.start < f.end for k in kept)
        if not clash or (same and f.role and all(k.role and k.role != f.role for k in same)):
            kept.append(f)
    return sorted(kept, key=lambda f: (f.start, f.role != "from"))
