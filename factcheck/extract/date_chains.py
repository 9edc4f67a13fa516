"""Dates written as chains of numbers and month abbreviations joined by - / . ~ –.

"2016-12-15", "15/12/2016", "13.5.2015", "05-Aug-2016", "2020/Sep/23", "2015-3",
"2014-2018" (a year range), "5/1-5/7/2020" and "02-02-2020 - 03-03-2020" (day
ranges), "2011-12" (a season: 2011 to 2012). A chain is read whole: phone
numbers and codes ("138-2010-2015", "133-03-03-2020", "123-12-1234") do not
fit any reading and give nothing.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.extract.date_forms import Found
from factcheck.extract.date_scan import Scan, matches_at
from factcheck.normalise.dates import (
    expand_year,
    is_valid,
    month_names,
    month_number,
    numeric_date,
    vocab,
)
from factcheck.patterns import word_trie

Offsets = tuple[list[int], list[int]]
Ymd = tuple[int | None, int | None, int | None]


@cache
def _chain_re() -> re.Pattern[str]:
    mon = rf"(?:{word_trie(month_names())})(?![^\W\d_])"  # tries longest first, as alt()
    comp = rf"(?:\d{{1,4}}|{mon})"
    sep = r"(?: ?[-/–~] ?|\.)"
    return re.compile(
        rf"(?<![^\W_])(?<!\d[-/.])(?P<chain>{comp}(?:{sep}{comp}){{1,5}})"
        r"(?P<tail> ?, ?\d{4})?(?![^\W_])(?![-/.]\d)",
        re.IGNORECASE,
    )


_SPLIT = re.compile(r"(?: ?[-/–~] ?|\.)")
_SPACED_YMD = re.compile(r"(?<![\d.,])(\d{4}) (\d{2}) (\d{2})(?!\d|[.,:]\d)")
# a run of up to four digits before a separator, or before a space and two digits:
# where a chain, a day-first date or a spaced date can start
_DIGIT_HEAD = re.compile(r"\d(?<!\d\d)\d{0,3}(?=(?P<spaced> \d\d )|(?P<sep> ?[-/–~] ?|\.))")


def digit_heads(scan: Scan) -> tuple[list[int], list[int]]:
    """Starts of the digit runs that can begin a numeric date: (before a separator, before
    a space and two digits)."""
    seps: list[int] = []
    spaced: list[int] = []
    for m in _DIGIT_HEAD.finditer(scan.low):
        (spaced if m.lastgroup == "spaced" else seps).append(m.start())
    return seps, spaced


_LETTER_RUN = re.compile(r"[^\W\d_]+")
_SEP_AHEAD = re.compile(r"(?: ?[-/–~] ?|\.)")


def _chain_starts(scan: Scan) -> list[int]:
    heads = scan.cached(digit_heads)[0]
    return heads + [a for a, e in scan.months if _SEP_AHEAD.match(scan.low, e)]


def chain_dates(text: str, day_first: bool | None = None, scan: Scan | None = None) -> list[Found]:
    """Numeric and mixed dates: 2016-12-15, 15/12/2016, 05-Aug-2016, 2014-2018, 5/1-5/7/2020."""
    scan = scan or Scan(text)
    out: list[Found] = []
    for m in matches_at(_chain_re(), text, _chain_starts(scan)):
        if _after_reference_word(text, m.start()):
            continue
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
    for m in matches_at(_SPACED_YMD, text, scan.cached(digit_heads)[1]):
        r = numeric_date(m.groups(), "-")
        if r:
            out.append(Found(m.start(), m.end(), *r, form="chain"))
    return out


def _after_reference_word(text: str, start: int) -> bool:
    """ "version 2.1.2020", "Decree no. 2021-12-01": a reference number, not a date."""
    word = _word_ending(text[max(0, start - 24) : start])
    return word is not None and word.lower() in _reference_words()


def _word_ending(window: str) -> str | None:
    r"""What `re.search(r"([^\W\d_]+°?)\.?\s*$", window)` captures (group 1), read
    from the end of the window instead of trying every start: whitespace (`\s` is
    what `str.rstrip` strips), one dot and a degree sign come off, then the run of
    letters before them."""
    body = window.rstrip()
    if body.endswith("."):
        body = body[:-1]
    degree = body.endswith("°")
    if degree:
        body = body[:-1]
    run = _LETTER_RUN.match(body[::-1])
    if run is None:
        return None
    return body[len(body) - run.end() :] + ("°" if degree else "")


@cache
def _reference_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in vocab()["reference_words"])


def _is_range_sep(sep: str, seps: list[str]) -> bool:
    if sep.strip() in ("–", "~") or sep.startswith(" -"):
        return True
    return sep == "-" and any(s.strip() in ("/", ".") for s in seps)


def _interpret_chain(
    comps: list[str], seps: list[str], at: Offsets, day_first: bool | None
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
        season = _season(comps, seps, start, end)
        if season or one is None or one[0] is None:
            return season
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
    comps: list[str], seps: list[str], at: Offsets, i: int, day_first: bool | None
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
    if len(comps) != 2 or seps[0] != "-" or [len(c) for c in comps] != [4, 2]:
        return []
    if not (comps[0].isdigit() and comps[1].isdigit()):
        return []
    y = int(comps[0])
    if int(comps[1]) != (y + 1) % 100:
        return []
    return [
        Found(start, end, y, form="chain", role="from"),
        Found(start, end, y + 1, form="chain", role="until"),
    ]


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
