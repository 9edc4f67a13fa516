"""Relative date expressions ("today", "last year", "five years ago", "three years
after X's creation", "in two years"), resolved against the dateline.

Relative expressions are only resolved when there is something to resolve them
against: "today", "yesterday", "last year", "N years ago" need the document's
dateline (or `ExtractContext.dateline`). "N years after X's creation" uses the
date the same document gives for that event ("Founded in July 2020, X ...") as
`anchor_iso` and gives anchor year + N (granularity year); when the document
never dates the event, the claim keeps `anchor_iso=None` and takes the dateline
year as its value (the time of writing), or is skipped without a dateline.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from factcheck.extract.base import RawClaim
from factcheck.extract.date_context import NAME, clause_span, event_of
from factcheck.extract.date_forms import alt
from factcheck.extract.date_scan import Scan, matches_at
from factcheck.model import DateValue
from factcheck.normalise.dates import add_days, add_months, vocab
from factcheck.patterns import word_trie

_FUTURE = re.compile(r"\b(?:will|shall|would|'ll|’ll|going to)\b", re.IGNORECASE)
# the one or two words (numbers, "this", "the past", "in two") before "year"/"month", read backwards
_WORDS_BACK = re.compile(r"(?P<s1>[\s-]*)(?P<t1>[^\W\d_]+|\d+)(?:[\s-]*(?P<t2>[^\W\d_]+))?")
_DIGIT = re.compile(r"\d")


@cache
def _number_words() -> dict[str, int]:
    return {str(k): int(v) for k, v in vocab()["cardinal_words"].items()}


def _n(word: str) -> int | None:
    w = word.lower()
    return int(w) if w.isdigit() else _number_words().get(w)


@cache
def _relative_re() -> re.Pattern[str]:
    v = vocab()
    # prefix trees try the same words in the same order as longest-first alternations
    words = word_trie(_number_words())
    num = rf"(?P<n>\d{{1,3}}|{words})"
    anchors = alt(w for ev in v["events"].values() for w in ev["anchor"])
    anchor = rf"(?P<anchor>(?:(?P<owner>{NAME})['’]s\s+|its\s+|the\s+)(?P<event>{anchors})"
    anchor += rf"(?:\s+of\s+(?P<owner2>{NAME}))?)"
    return re.compile(
        rf"(?<![^\W\d_])(?:(?P<day>{word_trie(map(str, v['relative_days']))})"
        rf"|(?P<rel>{word_trie(map(str, v['relative_years']))})"
        rf"|{num}[\s-]+years?\s+(?:(?P<ago>ago)|(?P<dir>after|before)\s+{anchor})"
        rf"|in\s+(?P<n2>\d{{1,3}}|{words})\s+years?(?:['’]s?\s+time)?)(?![^\W\d_])",
        re.IGNORECASE,
    )


@cache
def _period_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words a relative expression ends on ("year", "month") or is ("today"), and
    the words that may stand one and two places before the period word."""
    phrases = [str(p).split() for p in vocab()["relative_years"]]
    if any(len(p) > 3 for p in phrases):
        raise ValueError("relative_years: _relative_starts reads at most two words back")
    ends = frozenset({"year", *(p[-1] for p in phrases)})
    before1 = frozenset({*_number_words(), *(p[-2] for p in phrases if len(p) > 1)})
    before2 = frozenset({"in", *(p[-3] for p in phrases if len(p) > 2)})
    return ends, before1, before2


@cache
def _period_re() -> re.Pattern[str]:
    """The words where a relative expression ends or starts, in lower-cased text."""
    ends, _, _ = _period_words()
    single = (str(p) for p in vocab()["relative_years"] if " " not in str(p))
    return re.compile(word_trie({*map(str, vocab()["relative_days"]), *single, *ends}))


def _relative_starts(scan: Scan) -> list[int]:
    """Positions where `_relative_re` can match: a relative day word, or the number or
    phrase words before "year"/"month"."""
    ends, before1, before2 = _period_words()
    n = len(scan.text)
    out: list[int] = []
    for m in _period_re().finditer(scan.low):
        a = m.start()
        if m.group() not in ends:
            out.append(a)
            continue
        w = _WORDS_BACK.match(scan.rev, n - a)
        if w is None or not w.group("s1"):
            continue
        t1_end = a - len(w.group("s1"))
        t1_start = n - w.end("t1")
        if _DIGIT.match(scan.low, t1_start):  # up to three digits, wherever the run starts
            out.extend(range(max(t1_start, t1_end - 3), t1_end))
        elif scan.low[t1_start:t1_end] in before1:
            out.append(t1_start)
        if w.group("t2") and scan.low[n - w.end("t2") : n - w.start("t2")] in before2:
            out.append(n - w.end("t2"))
    return out


def relative_claims(
    text: str, claims: list[RawClaim], anchor: str | None, scan: Scan | None = None
) -> list[RawClaim]:
    """Claims for relative expressions, resolved against `anchor` (the dateline ISO)."""
    scan = scan or Scan(text)
    starts = [c.start for c in claims]  # sorted, as find() builds them
    out: list[RawClaim] = []
    for m in matches_at(_relative_re(), text, _relative_starts(scan)):
        k = bisect_left(starts, m.end())
        if k and max(c.end for c in claims[max(0, k - 4) : k]) > m.start():
            continue
        value = _resolve(text, m, claims, anchor)
        if value is not None:
            attribute, subject = event_of(text, m.start(), m.end(), scan)
            out.append(RawClaim("date", m.start(), m.end(), value, subject, attribute))
    return out


def _resolve(
    text: str, m: re.Match[str], claims: list[RawClaim], anchor: str | None
) -> DateValue | None:
    surface = m.group(0)
    if m.group("anchor"):
        return _anchored(m, claims, anchor)
    if anchor is None:
        return None
    year = int(anchor[:4])
    if m.group("day"):
        if anchor.count("-") < 2:
            return None
        iso = add_days(anchor, int(vocab()["relative_days"][m.group("day").lower()]))
        return DateValue(iso=iso, granularity="day", relative=surface)
    if m.group("rel"):
        key = " ".join(m.group("rel").lower().split())
        shift = int(vocab()["relative_years"][key])
        if key.endswith("month"):
            if "-" not in anchor:
                return None
            iso = add_months(anchor[:7], shift)
            return DateValue(iso=iso, granularity="month", bound="in", relative=surface)
        return DateValue(iso=str(year + shift), granularity="year", bound="in", relative=surface)
    n = _n(m.group("n") or m.group("n2") or "")
    if n is None:
        return None
    if m.group("ago"):
        return DateValue(iso=str(year - n), granularity="year", relative=surface)
    lo, hi = clause_span(text, m.start(), m.end())
    if not _FUTURE.search(text, lo, hi):
        return None  # "In two years, X has validated ..." is a duration, not a date
    return DateValue(iso=str(year + n), granularity="year", bound="in", relative=surface)


def _anchored(m: re.Match[str], claims: list[RawClaim], anchor: str | None) -> DateValue | None:
    n = _n(m.group("n"))
    if n is None:
        return None
    sign = -1 if m.group("dir").lower() == "before" else 1
    event_word = m.group("event").lower()
    event = next(k for k, ev in vocab()["events"].items() if event_word in ev["anchor"])
    owner = m.group("owner") or m.group("owner2")
    dated = [c for c in claims if c.attribute == event and not c.value.relative]  # type: ignore[union-attr]
    if owner:
        dated = [c for c in dated if c.subject in (None, owner)] or dated
    anchor_iso = dated[0].value.iso if dated else None  # type: ignore[union-attr]
    if anchor_iso is None and anchor is None:
        return None
    year = int(anchor_iso[:4]) + sign * n if anchor_iso else int(anchor[:4])  # type: ignore[index]
    return DateValue(
        iso=str(year),
        granularity="year",
        relative=m.group(0),
        offset_years=sign * n,
        anchor=m.group("anchor"),
        anchor_iso=anchor_iso,
    )
