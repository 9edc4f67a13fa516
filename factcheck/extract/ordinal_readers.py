"""The ordinal extractor's extra readers: ranking verbs, bare superlatives, streaks.

A ranking verb ("ranked 9th in the UK and 68th in the world in the X Rankings"):
category "ranking", the qualifier ("in the X Rankings", "for research impact") as its
measure. A bare superlative with a scope ("Scotland's largest wind farm"): rank 1, the
superlative as its measure, silent when hedged ("one of the largest", "the largest
ever", "largest outside X"). A streak ("the fifth consecutive year"): category
`STREAK` and the unit, no scope.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from factcheck.extract.base import RawClaim
from factcheck.extract.ordinal_phrases import (
    DETERMINER,
    noun_ranks,
    ordinal_claim,
    ordinal_re,
    phrase_after,
    phrase_category,
    place_after,
    possessive_before,
    rank_of,
    scope_of,
    scoped_ranks,
    vocab,
)
from factcheck.normalise.places import Places
from factcheck.patterns import word_trie

_RANK_VERB = re.compile(
    r"\b(?:ranked|ranks|rated|placed|came|comes|finished|finishes|is|was|remains|remained)"
    r"\s+(?:as\s+)?$",
    re.I,
)
_RANK_VERB_TAILS = (
    *"ranked ranks rated placed came comes finished finishes is was remains remained".split(),
    "as",
)
_COORDINATE = re.compile(r"(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)")
_QUALIFIER = re.compile(
    r"[ \t]+(?:(?P<prep>for|by)[ \t]+(?:(?:the|its|their|our)[ \t]+)?"
    r"(?P<what>[a-z][\w-]*(?:[ \t]+[a-z][\w-]*){0,3})"
    r"|(?P<prep2>in|on|by)[ \t]+(?:the[ \t]+)?"
    r"(?P<name>(?:\d{4}[ \t]+)?[A-Z][\w&'’-]*(?:[ \t]+(?:[A-Z][\w&'’-]*|\d{4}|of|for|&)){0,7}))"
)
# after a superlative's phrase: it is hedged, bounded in time, or excludes the first
_HEDGED_AFTER = re.compile(
    r"[ \t]*,?[ \t]*(?:ever|yet|to[ \t]+date|so[ \t]+far|on[ \t]+record|since|after|behind|"
    r"outside|except|excluding|other[ \t]+than|apart[ \t]+from|besides|bar|save|"
    r"in[ \t]+(?:(?:its|their|our|the|a|recent|over)[ \t]+)?(?:[\w-]+[ \t]+){0,2}"
    r"(?:history|years?|decades?|generations?|months?|weeks?|memory)|"
    r"(?:this|last|that|next)[ \t]+(?:year|decade|century|month|week|quarter|season)|"
    r"of[ \t]+(?:all[ \t]+time|the[ \t]+year|its[ \t]+kind|their[ \t]+kind)|"
    r"by[ \t]+(?:some|one|many|several|most))\b",
    re.I,
)
# before a superlative's claim: "one of the", "among Europe's", "a list of the"; a bare
# "of" is no hedge ("the operator of the largest fleet")
_HEDGED_BEFORE = re.compile(
    r"\b(?:(?:one|some|few|several|many|any|each|all|most|none|both|two|three|four|five|"
    r"\d+|list|lists|ranking|rankings|table|index|league|handful|number|majority|rest|top"
    r"(?:[ \t]+\w+)?)\s+of|among|amongst|not|nor|second|third)\s+(?:the\s+)?$",
    re.I,
)
_THE = re.compile(r"\bthe\s+(?:very\s+)?$", re.I)
# a streak after an ordinal: "fifth consecutive year", "third year in a row"
_STREAK_UNITS = r"(?:year|season|quarter|month|week|time)"
_STREAK = re.compile(
    rf"[ \t]+(?:(?:consecutive|straight|successive|running)[ \t]+(?P<u1>{_STREAK_UNITS})"
    rf"|(?P<u2>{_STREAK_UNITS})[ \t]+(?:in[ \t]+a[ \t]+row|running(?![ \t]+[\w(])))\b",
    re.I,
)
STREAK = "consecutive"  # a streak's category: "consecutive year", "consecutive quarter"


def streak_claim(text: str, m: re.Match[str], before: str) -> RawClaim | None:
    """A streak's claim: "for the fifth consecutive year", "a third year in a row" →
    category "consecutive year", no scope. It needs a determiner before the ordinal and
    a rank of two or more ("his first year running the firm" is no streak)."""
    s = _STREAK.match(text, m.end())
    if s is None or rank_of(m) < 2 or not DETERMINER.search(before):
        return None
    unit = (s.group("u1") or s.group("u2")).lower()
    return ordinal_claim(
        m.start(), s.end(), rank_of(m), f"{STREAK} {unit}", [], (None, "unknown", 0)
    )


def _qualifier(text: str, pos: int) -> tuple[str, int]:
    """A ranking's qualifier right after `pos` ("for the impact of …" → "for impact",
    "in the QS World Rankings 2025") and where it ends; ("", pos) when there is none."""
    q = _QUALIFIER.match(text, pos)
    if q is None:
        return "", pos
    if q.group("what"):
        words = q.group("what").split()
        cut = next((i for i, w in enumerate(words) if w in vocab().stops), len(words))
        if not cut:
            return "", pos
        return f"{q.group('prep')} {' '.join(words[:cut])}", q.end()
    name = re.sub(r"(?:\s+(?:of|for|&))+$", "", q.group("name"))
    return f"{q.group('prep2')} {' '.join(name.split())}", q.start("name") + len(name)


def _rank_verb_before(text: str, start: int) -> bool:
    """Whether a ranking verb ("ranked", "came", "is") ends the text before `start`;
    the pattern runs only when the window ends with one of the verbs' words."""
    window = text[max(0, start - 30) : start]
    if not window.rstrip().lower().endswith(_RANK_VERB_TAILS):
        return False
    return _RANK_VERB.search(window) is not None


def ranking_claims(
    text: str, m: re.Match[str], places: Places, cands: Sequence[str]
) -> tuple[list[RawClaim], int] | None:
    """Claims of a ranking verb and where they end: "ranked 9th in the UK and 68th in
    the world in the X Rankings" → two claims, category "ranking", the qualifier as
    their measure. None unless a ranking verb stands before and a place follows."""
    if m.group("suf") or not _rank_verb_before(text, m.start()):
        return None
    items: list[tuple[re.Match[str], tuple[str, str, int]]] = []
    pos = m.end()
    while (place := place_after(text, pos, places, cands)) is not None:
        items.append((m, place))
        pos = place[2]
        c = _COORDINATE.match(text, pos)
        nxt = ordinal_re().match(text, c.end()) if c else None
        if nxt is None or nxt.group("suf"):
            break
        m, pos = nxt, nxt.end()
    if not items or re.match(r"\s+to\b", text[pos : pos + 4]):
        return None  # "first in Europe to do so" ranks an act, not a place in a table
    qualifier, end = _qualifier(text, pos)
    mods = [f"ranked {qualifier}".strip()]
    claims = [
        ordinal_claim(o.start(), place[2], rank_of(o), "ranking", list(mods), place)
        for o, place in items
    ]
    return claims, max(end, pos)


@cache
def _ordinal_before_re() -> re.Pattern[str]:
    words = word_trie(vocab().words)
    return re.compile(rf"(?:\d(?:st|nd|rd|th)|\b{words})[\s-]+$", re.I)


def superlative_claim(
    text: str, a: int, b: int, places: Places, cands: Sequence[str]
) -> RawClaim | None:
    """The rank-1 claim a bare superlative at text[a:b] makes, or None: it needs "the"
    or a possessive before it, a noun that ranks, a scope, and no hedge."""
    window = text[max(0, a - 60) : a]
    if _ordinal_before_re().search(window):
        return None  # "the second largest": the ordinal's claim
    p = possessive_before(text, a)
    the = None if p else _THE.search(window)
    if p is None and the is None:
        return None
    start = p.start() if p else a - (len(window) - the.start())  # type: ignore[union-attr]
    if _HEDGED_BEFORE.search(text, max(0, start - 20), start):
        return None  # "one of the largest", "among Europe's biggest"
    spans = phrase_after(text, b)
    words = [text[x:y] for x, y in spans]
    mods = [text[a:b].lower()]
    if mods[0] in ("most", "least"):
        if len(words) < 2 or not words[0].islower():
            return None
        mods[0] = f"{mods[0]} {words.pop(0).lower()}"
        spans.pop(0)
    found = phrase_category(words) if words else None
    if found is None:
        return None
    category, h, lead = found
    mods += lead
    end = spans[h][1]
    ranks = noun_ranks(category, words[h])
    if ranks is False:
        return None
    scope = scope_of(text, p, end, mods, places, cands)
    if scope[0] is None or (ranks is None and not scoped_ranks(words[h], scope[1], window)):
        return None
    if _HEDGED_AFTER.match(text, end) or _HEDGED_AFTER.match(text, scope[2]):
        return None  # "the largest plant ever", "the largest in Scotland this year"
    return ordinal_claim(p.start() if p else a, end, 1, category, mods, scope)
