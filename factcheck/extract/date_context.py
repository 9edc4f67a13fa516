"""What surrounds a date: its bound, whether it is the dateline, and the event it dates
(relative expressions resolved against the dateline are in `date_relative`).

Lookups work on `Scan.low`, the lower-cased text, with case-sensitive patterns: that
is a case-insensitive match on the text, and the regex engine runs it faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import islice
from typing import Literal

from factcheck.extract.date_forms import Found
from factcheck.extract.date_scan import Scan
from factcheck.model import Segmentation
from factcheck.normalise.dates import to_iso, vocab
from factcheck.patterns import word_trie

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
NAME = r"[A-Z][\w&.’'-]*(?:\s(?:[A-Z][\w&.’'-]*|de|of|du|la))*?"


def _lower(words: object) -> list[str]:
    return [str(w).lower() for w in words]  # type: ignore[attr-defined]


@cache
def _cue_re() -> re.Pattern[str]:
    """Time prepositions ending a window of lower-cased text (see `Scan.low`: matching
    it case-sensitively there is matching the text case-insensitively, and faster).
    A prefix tree tries longer phrases first, as a longest-first alternation does."""
    v = vocab()
    return re.compile(
        rf"(?<![^\W\d_])(?:(?P<cue>{word_trie(_lower(v['bound_cues']))})\s+"
        rf"(?:(?:{word_trie(_lower(v['year_qualifiers']))})\s*)?"
        r"|(?:the\s+)?(?:calendar\s+year|year|cy)(?:\s+is)?(?:\s+(?P<cmp>greater|later|more|less|earlier)"
        r"\s+than)?\s+)$"
    )


_TOKEN_BACK = re.compile(r"\s*(?P<t>[^\W\d_]+|\d+|\S)")
_LETTERS = re.compile(r"[^\W\d_]+")
_TOKENS = re.compile(r"[^\W\d_]+|\d+|\S")


@cache
def _cue_ends() -> frozenset[str]:
    """The last tokens of the phrases a `_cue_re` match can end on."""
    v = vocab()
    phrases = [*_lower(v["bound_cues"]), *_lower(v["year_qualifiers"]), "year", "cy", "is", "than"]
    return frozenset(_TOKENS.findall(p)[-1] for p in phrases)


def _cue_memo(scan: Scan) -> dict[int, str | None]:
    return {}


def cue_before(text: str, start: int, scan: Scan | None = None) -> str | None:
    """The bound given by the words right before `start` ("by", "since the end of"), else None."""
    scan = scan or Scan(text)
    memo = scan.cached(_cue_memo)  # a year is looked at as a candidate, then as a date
    if start not in memo:
        memo[start] = _cue_before(text, start, scan)
    return memo[start]


def _cue_before(text: str, start: int, scan: Scan) -> str | None:
    lo = max(0, start - 48)
    n = len(text)
    last = _TOKEN_BACK.match(scan.rev, n - start)
    if last is None or n - last.start("t") <= lo:
        return None  # nothing but spaces in the window
    if scan.low[max(lo, n - last.end("t")) : n - last.start("t")] not in _cue_ends():
        return None  # the window cannot end with a cue
    m = _cue_re().search(scan.low[lo:start])
    if not m:
        return None
    if m.group("cue") is None:
        return _CMP.get((m.group("cmp") or "").lower(), "on")
    window = text[lo:start]
    cue = " ".join(m.group("cue").lower().split())
    qualified = m.end("cue") < len(window) - 1 and window[m.end("cue") :].strip()
    if cue in ("by", "of", "for") and not qualified:
        before = _LETTERS.findall(window, 0, m.start())
        if before and before[-1].lower() in _guard_words(cue == "by"):
            return None
    return str(vocab()["bound_cues"][cue])


@cache
def _guard_words(after_by: bool) -> frozenset[object]:
    """The words that make "by" (change words) or "of"/"for" (change and quantity
    words) part of an amount rather than a time cue: "grew by 2000"."""
    v = vocab()
    return frozenset(v["change_words"] + ([] if after_by else v["quantity_words"]))


def cue_after(text: str, end: int) -> str | None:
    """ "2012 or after" → since, "2016 and earlier" → until, "2020 onwards" → since."""
    m = _AFTER.match(text, end)
    if not m:
        return None
    return "until" if m.group("until") else "since"


def bound_of(text: str, f: Found, scan: Scan | None = None) -> str:
    """The DateValue bound of a found date: range role, preposition, trailing cue, else "on"."""
    if f.role:
        return f.role
    bound = cue_before(text, f.start, scan) or cue_after(text, f.end) or "on"
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
    blocks = list(islice(_nonblank_blocks(text, seg), 6))
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


def _nonblank_blocks(text: str, seg: Segmentation) -> Iterator[tuple[int, int]]:
    """(start, end) of the blocks with more than whitespace in them, in order."""
    for b in seg.blocks:
        if text[b.start : b.end].strip():
            yield b.start, b.end


@cache
def _event_cues() -> dict[str, tuple[int, ...]]:
    """Every event cue (lower case) → the indexes of the events it names."""
    out: dict[str, tuple[int, ...]] = {}
    for i, ev in enumerate(vocab()["events"].values()):
        for w in ev["cue"]:
            out[str(w)] = (*out.get(str(w), ()), i)
    return out


@cache
def _event_cue_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{word_trie(_event_cues())})(?![^\W\d_])")


# the last sentence stop in a span (greedy `.*` backs off from the end) and the first clause stop
_STOP_BEFORE = re.compile(r".*(\. |\n|! |\? |;)", re.DOTALL)
_STOP_AFTER = re.compile(r"\. |\n|;|,")


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Up to 90 characters of the sentence before the date and its clause after it."""
    # a stop further away than the 90 / 40 characters changes nothing: look no further
    before = _STOP_BEFORE.match(text, max(0, start - 91), start)
    after = _STOP_AFTER.search(text, end, end + 42)
    lo = before.start(1) if before else -1
    hi = after.start() if after else len(text)
    return max(lo + 1, start - 90), min(hi, end + 40)


def _cues_in(scan: Scan, lo: int, hi: int) -> list[tuple[int, int, tuple[int, ...]]]:
    """(start, end, events) of the event cues in text[lo:hi], as a case-insensitive scan of
    that span finds them (a word cut at `hi` ends there)."""
    cues = _event_cues()
    search = _event_cue_re().search
    low = scan.low
    out = []
    while (m := search(low, lo, hi)) is not None:  # `word_matches`, inlined: hot
        if scan.letter_before(m.start()):
            lo = m.start() + 1
            continue
        out.append((m.start(), m.end(), cues[m.group()]))
        lo = m.end()
    return out


def event_of(
    text: str, start: int, end: int, scan: Scan | None = None
) -> tuple[str | None, str | None]:
    """(attribute, subject): the event a date dates ("founding", "opening", ...) from cue
    words nearest to it in its clause, and the company named with a founding date."""
    scan = scan or Scan(text)
    lo, hi = clause_span(text, start, end)
    best: tuple[int, int, int] | None = None  # distance, event, position: first event wins ties
    for s, e, events in _cues_in(scan, lo, hi):
        if e > start and s < end:
            continue
        dist = start - e if e <= start else s - end + 20
        for ev in events:
            best = min(best or (dist, ev, s), (dist, ev, s))
    if best is None:
        return None, None
    name = list(vocab()["events"])[best[1]]
    return name, _founding_subject(text, lo, start, end) if name == "founding" else None


@cache
def _subject_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    return (
        re.compile(rf",\s*({NAME})\s+(?:is|was|has|had|became)\b"),
        re.compile(rf"({NAME})\s+(?:was|has been|had been|is)\s+\w+\s+\w*\s*$"),
    )


def _founding_subject(text: str, lo: int, start: int, end: int) -> str | None:
    """ "Founded in 2020, X is ..." / "X was created in 2020": the X."""
    named_after, named_before = _subject_res()
    after = named_after.match(text, end, end + 80)  # as on text[end : end + 80]
    if after:
        return after.group(1)
    before = named_before.search(text[lo:start])
    return before.group(1) if before else None
