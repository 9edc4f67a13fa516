"""What surrounds a date: its bound, whether it is the dateline, the event it dates,
and the relative expressions ("today", "five years after X's creation") resolved
against the dateline.

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
from typing import Literal

from factcheck.extract.base import RawClaim
from factcheck.extract.date_forms import Found
from factcheck.model import DateValue, Segmentation
from factcheck.normalise.dates import add_days, add_months, to_iso, vocab

_CMP = {"greater": "after", "later": "after", "more": "after", "less": "before"}
_CMP["earlier"] = "before"
_AFTER = re.compile(
    r"\s*,?\s*(?:(?:or|and)\s+(?P<since>after|later|beyond|greater|thereafter)\b"
    r"|(?:or|and)\s+(?P<until>before|earlier)\b|(?P<on>onwards?)\b)",
    re.IGNORECASE,
)
_DATELINE_TAIL = re.compile(r"[*_\s]*(?:[-–—|(/]|$)")
_CLEAN = re.compile(r"[*_#>\s]+")
_LABEL = re.compile(r"(?:published|updated|posted|dated?|issued|released)\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|shall|would|'ll|’ll|going to)\b", re.IGNORECASE)
_NAME = r"[A-Z][\w&.’'-]*(?:\s(?:[A-Z][\w&.’'-]*|de|of|du|la))*?"


def _alt(words: object) -> str:
    return "|".join(sorted({re.escape(str(w)) for w in words}, key=len, reverse=True))  # type: ignore[attr-defined]


@cache
def _cue_re() -> re.Pattern[str]:
    v = vocab()
    return re.compile(
        rf"(?<![^\W\d_])(?:(?P<cue>{_alt(v['bound_cues'])})\s+(?:(?:{_alt(v['year_qualifiers'])})\s*)?"
        r"|(?:the\s+)?(?:calendar\s+year|year|cy)(?:\s+is)?(?:\s+(?P<cmp>greater|later|more|less|earlier)"
        r"\s+than)?\s+)$",
        re.IGNORECASE,
    )


def cue_before(text: str, start: int) -> str | None:
    """The bound given by the words right before `start` ("by", "since the end of"), else None."""
    window = text[max(0, start - 48) : start]
    m = _cue_re().search(window)
    if not m:
        return None
    if m.group("cue") is None:
        return _CMP.get((m.group("cmp") or "").lower(), "on")
    cue = " ".join(m.group("cue").lower().split())
    qualified = m.end("cue") < len(window) - 1 and window[m.end("cue") :].strip()
    if cue in ("by", "of", "for") and not qualified:
        before = re.findall(r"[^\W\d_]+", window[: m.start()])
        guard = vocab()["change_words"] + ([] if cue == "by" else vocab()["quantity_words"])
        if before and before[-1].lower() in guard:
            return None
    return str(vocab()["bound_cues"][cue])


def cue_after(text: str, end: int) -> str | None:
    """ "2012 or after" → since, "2016 and earlier" → until, "2020 onwards" → since."""
    m = _AFTER.match(text, end)
    if not m:
        return None
    return "until" if m.group("until") else "since"


def bound_of(text: str, f: Found) -> str:
    """The DateValue bound of a found date: range role, preposition, trailing cue, else "on"."""
    if f.role:
        return f.role
    bound = cue_before(text, f.start) or cue_after(text, f.end) or "on"
    return "on" if bound == "in" and f.day is not None else bound


def iso_of(f: Found) -> str:
    assert f.year is not None
    return to_iso(f.year, f.month, f.day)


def granularity_of(f: Found) -> Literal["day", "month", "year"]:
    return "day" if f.day is not None else ("month" if f.month is not None else "year")


def find_dateline(text: str, seg: Segmentation, found: list[Found]) -> int | None:
    """Index in `found` of the document's dateline: a full date near the top, after at most
    a place ("PARIS, ", "Bourbourg (Dunkerque), ") and before a dash, a slash or the end
    of its block."""
    blocks = [(b.start, b.end) for b in seg.blocks if text[b.start : b.end].strip()][:6]
    if not blocks:
        blocks = [(0, min(len(text), 1000))]
    for i, f in enumerate(found):
        if f.start >= blocks[-1][1]:
            break
        if f.day is None or f.year is None or f.role:
            continue
        block = next(((s, e) for s, e in blocks if s <= f.start < e), None)
        if block is None or f.start - block[0] > 160:
            continue
        prefix = _CLEAN.sub(" ", text[block[0] : f.start]).strip()
        place_ok = not prefix or (len(prefix) <= 80 and prefix[-1] in ",:–-|")
        if not (place_ok or _LABEL.match(prefix)) or ". " in prefix:
            continue
        if _DATELINE_TAIL.match(text[f.end : block[1]]):
            return i
    return None


@cache
def _event_cues() -> list[tuple[re.Pattern[str], str]]:
    return [
        (re.compile(rf"(?<![^\W\d_])(?:{_alt(ev['cue'])})(?![^\W\d_])", re.IGNORECASE), name)
        for name, ev in vocab()["events"].items()
    ]


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Up to 90 characters of the sentence before the date and its clause after it."""
    lo = max(text.rfind(c, 0, start) for c in (". ", "\n", "! ", "? ", ";"))
    stops = (text.find(c, end) for c in (". ", "\n", ";", ","))
    hi = min((i for i in stops if i >= 0), default=len(text))
    return max(lo + 1, start - 90), min(hi, end + 40)


def event_of(text: str, start: int, end: int) -> tuple[str | None, str | None]:
    """(attribute, subject): the event a date dates ("founding", "opening", ...) from cue
    words nearest to it in its clause, and the company named with a founding date."""
    lo, hi = _clause(text, start, end)
    best: tuple[int, str] | None = None
    for pattern, name in _event_cues():
        for m in pattern.finditer(text, lo, hi):
            if m.end() > start and m.start() < end:
                continue
            dist = start - m.end() if m.end() <= start else m.start() - end + 20
            if best is None or dist < best[0]:
                best = (dist, name)
    if best is None:
        return None, None
    return best[1], _founding_subject(text, lo, start, end) if best[1] == "founding" else None


def _founding_subject(text: str, lo: int, start: int, end: int) -> str | None:
    """ "Founded in 2020, X is ..." / "X was created in 2020": the X."""
    after = re.match(rf",\s*({_NAME})\s+(?:is|was|has|had|became)\b", text[end : end + 80])
    if after:
        return after.group(1)
    before = re.search(rf"({_NAME})\s+(?:was|has been|had been|is)\s+\w+\s+\w*\s*$", text[lo:start])
    return before.group(1) if before else None


@cache
def _number_words() -> dict[str, int]:
    return {str(k): int(v) for k, v in vocab()["cardinal_words"].items()}


def _n(word: str) -> int | None:
    w = word.lower()
    return int(w) if w.isdigit() else _number_words().get(w)


@cache
def _relative_re() -> re.Pattern[str]:
    v = vocab()
    num = rf"(?P<n>\d{{1,3}}|{_alt(_number_words())})"
    anchors = _alt(w for ev in v["events"].values() for w in ev["anchor"])
    anchor = rf"(?P<anchor>(?:(?P<owner>{_NAME})['’]s\s+|its\s+|the\s+)(?P<event>{anchors})"
    anchor += rf"(?:\s+of\s+(?P<owner2>{_NAME}))?)"
    return re.compile(
        rf"(?<![^\W\d_])(?:(?P<day>{_alt(v['relative_days'])})"
        rf"|(?P<rel>{_alt(v['relative_years'])})"
        rf"|{num}[\s-]+years?\s+(?:(?P<ago>ago)|(?P<dir>after|before)\s+{anchor})"
        rf"|in\s+(?P<n2>\d{{1,3}}|{_alt(_number_words())})\s+years?(?:['’]s?\s+time)?)(?![^\W\d_])",
        re.IGNORECASE,
    )


def relative_claims(text: str, claims: list[RawClaim], anchor: str | None) -> list[RawClaim]:
    """Claims for relative expressions, resolved against `anchor` (the dateline ISO)."""
    starts = [c.start for c in claims]  # sorted, as find() builds them
    out: list[RawClaim] = []
    for m in _relative_re().finditer(text):
        k = bisect_left(starts, m.end())
        if k and max(c.end for c in claims[max(0, k - 4) : k]) > m.start():
            continue
        value = _resolve(text, m, claims, anchor)
        if value is not None:
            attribute, subject = event_of(text, m.start(), m.end())
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
    lo, hi = _clause(text, m.start(), m.end())
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
