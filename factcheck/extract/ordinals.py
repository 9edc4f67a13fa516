"""Ordinals with scope: "Europe's third gigafactory", "the third in this Region".

rank: ordinal words (first … twentieth) and digits (1st, 22nd); "second-largest"
keeps "largest" as a modifier. category: the head noun after the ordinal (the
words between are modifiers); `category_key` folds synonyms into families from
`factcheck/data/ordinals.yaml` (gigafactory, battery plant, factory → "plant").

Only ranking claims count: the head noun must be rankable (a noun of some
family), or the phrase must carry an explicit place scope after a determiner
("the first battery passport in Europe"); nouns such as time, half, deliveries,
lines never count. Elliptical "X, the third in this Region" takes its category
from the noun it stands in apposition to.

scope, strongest first: a possessive owner ("Acme's", "its"), a possessive
place ("Europe's", "the world's"), "in X" / "across X" after the phrase (a known
place only: a town the plant stands in is a location, not a scope), a demonym
among the modifiers ("French" → France). Generic self-references ("the
company's", "the carmaker's", "its", "our") fold into one owner, `SELF`; an
owner's count restricted to a place keeps both ("self in North America"). With
an owner, any singular noun ranks ("the city's third metro line"). Deictic
places ("this Region") resolve against the places named elsewhere in the
document (`Places.resolve` with the document's `mentions`).

Two more forms: a ranking verb ("ranked 9th in the UK and 68th in the world in
the X Rankings"): category "ranking", the qualifier ("in the X Rankings", "for
research impact") as its measure; and a bare superlative with a scope
("Scotland's largest wind farm"): rank 1, the superlative as its measure, silent
when hedged ("one of the largest", "the largest ever", "largest outside X").

The measure (`measure`) is the first modifier when it says what the rank orders
by: a superlative ("largest", "most efficient") or a ranking's qualifier;
plain ordinals ("third gigafactory") have none.

This module holds `find` and its pre-scans; the vocabulary, phrase, scope and claim
helpers live in `ordinal_phrases`, the ranking-verb, superlative and streak readers in
`ordinal_readers`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, cached_property

from factcheck.extract.base import ExtractContext, RawClaim, singular
from factcheck.extract.date_scan import fold_lower, matches_at
from factcheck.extract.ordinal_phrases import (
    DETERMINER,
    OWNER_PRONOUNS,
    SELF,
    category_key,
    measure,
    noun_ranks,
    ordinal_claim,
    ordinal_re,
    owner_key,
    phrase_after,
    phrase_category,
    possessive_before,
    rank_of,
    scope_of,
    scoped_ranks,
    vocab,
)
from factcheck.extract.ordinal_readers import (
    STREAK,
    ranking_claims,
    streak_claim,
    superlative_claim,
)
from factcheck.model import Segmentation
from factcheck.normalise.places import Places, default_places
from factcheck.patterns import word_trie

# `find`, and the names other modules and tests import from here
__all__ = [
    "OWNER_PRONOUNS",
    "SELF",
    "STREAK",
    "category_key",
    "find",
    "fold_lower",
    "matches_at",
    "measure",
    "ordinal_re",
    "ordinal_starts",
    "owner_key",
    "possessive_before",
    "vocab",
]

_APPOSITION = re.compile(r"([^\W\d_][\w-]*)\s*,\s*$")


@cache
def _head_re() -> re.Pattern[str]:
    """An ordinal word, or the suffix of a digit ordinal ("st" of "21st"), in lower-cased
    text (`fold_lower`). Every branch starts with a letter, so the engine skips to
    candidates in C."""
    trie = word_trie(vocab().words)
    if trie.startswith("(?:") and trie.endswith(")"):
        trie = trie[3:-1]  # the words' branches at the top, each starting with a letter
    suffixes = "|".join(rf"{s}(?<=\d{s})" for s in ("st", "nd", "rd", "th"))
    return re.compile(f"{trie}|{suffixes}")


def ordinal_starts(text: str, low: str | None = None) -> list[int]:
    """Where an `ordinal_re` match can start (a superset): where an ordinal word stands
    in the lower-cased text, and the three places before a suffix that follows a digit.

    `ordinal_re` is case-insensitive and starts with a look-behind, so its `finditer`
    tries every character. The matches one `finditer` of `_head_re` skips start inside
    another match, after a letter, where `ordinal_re` cannot start. `low`: the text's
    `fold_lower`, when the caller has it.
    """
    low = fold_lower(text) if low is None else low
    starts: list[int] = []
    for m in _head_re().finditer(low):
        a = m.start()
        starts.append(a)
        if a and low[a - 1].isdecimal():  # "5th": the digits (at most three) start it
            starts.extend(range(max(0, a - 3), a))
    return starts


class _Mentions(Sequence[str]):
    """The places named in a text, found only when a deictic scope asks for them."""

    def __init__(self, places: Places, text: str) -> None:
        self._places = places
        self._text = text

    @cached_property
    def _names(self) -> list[str]:
        return [name for _, _, name in self._places.mentions(self._text)]

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        return self._names[i]

    def __len__(self) -> int:
        return len(self._names)


def _take_superlatives(words: list[str], spans: list[tuple[int, int]], mods: list[str]) -> None:
    """Move leading superlatives from the phrase to `mods`; "most" and "least" take
    the adjective after them ("most efficient")."""
    sup = vocab().superlatives
    while words and words[0].lower() in sup:
        word = words.pop(0).lower()
        spans.pop(0)
        if word in ("most", "least") and len(words) > 1:
            word = f"{word} {words.pop(0).lower()}"
            spans.pop(0)
        mods.append(word)


def _ordinal(text: str, m: re.Match[str], places: Places, cands: Sequence[str]) -> RawClaim | None:
    """The ranking claim an ordinal makes with the noun phrase after it, or None."""
    v = vocab()
    rank = rank_of(m)
    mods: list[str] = []
    suf = (m.group("suf") or "").lower()
    if suf:
        if suf not in v.superlatives and suf != "ever":
            return None  # first-hand, first-class
        mods.append(suf)
    before = text[max(0, m.start() - 60) : m.start()]
    if not suf and (streak := streak_claim(text, m, before)) is not None:
        return streak
    spans = phrase_after(text, m.end())
    words = [text[a:b] for a, b in spans]
    _take_superlatives(words, spans, mods)
    if not words:  # elliptical: "this Gigafactory, the third in this Region"
        the = re.search(r"\bthe\s+$", before, re.I)
        t0 = m.start() - (len(before) - the.start()) if the else m.start()
        app = _APPOSITION.search(text, max(0, t0 - 80), t0)
        if the is None or app is None:
            return None
        scope = scope_of(text, possessive_before(text, m.start()), m.end(), [], places, cands)
        category = singular(app.group(1).lower())
        rankable = category in v.family_of
        if (scope[0] is None or app.group(1)[0].isupper()) and not rankable:
            return None
        return ordinal_claim(t0, m.end(), rank, category, mods, scope)
    found = phrase_category(words)
    if found is None:
        return None
    category, h, lead = found
    mods += lead
    ranks = noun_ranks(category, words[h])
    if ranks is False:
        return None
    end = spans[h][1]
    p = possessive_before(text, m.start())
    if ranks is None and p is None and not DETERMINER.search(before):
        return None  # neither an owner nor an explicit place can follow
    scope = scope_of(text, p, end, mods, places, cands)
    if ranks is None and not scoped_ranks(words[h], scope[1], before):
        return None
    return ordinal_claim(p.start() if p else m.start(), end, rank, category, mods, scope)


def _superlative_starts(low: str) -> list[tuple[int, int]]:
    """(start, end) of each bare superlative word in lower-cased text, not part of a
    longer word or a hyphenated one ("second-largest", "largest-ever")."""
    bare = vocab().bare_superlatives
    out = []
    for pattern in _superlative_res():
        for m in pattern.finditer(low):
            a, b = m.span()
            while a and low[a - 1].isalpha():
                a -= 1
            if low[a:b] not in bare or (a and (low[a - 1].isalnum() or low[a - 1] in "-_'’")):
                continue
            if b < len(low) and (low[b].isalnum() or low[b] in "-_"):
                continue
            out.append((a, b))
    return sorted(out)


@cache
def _superlative_res() -> tuple[re.Pattern[str], ...]:
    """Literal-led patterns (searched in C) for the bare superlatives: "est" checked
    behind for the words that end so, each other word on its own ("most")."""
    words = sorted(vocab().bare_superlatives)
    est = [w for w in words if w.endswith("est")]
    behind = "|".join(f"(?<={re.escape(w)})" for w in est)
    patterns = [re.compile(f"est(?:{behind})")] if est else []
    return (*patterns, *(re.compile(re.escape(w)) for w in words if not w.endswith("est")))


def find(text: str, seg: Segmentation, ctx: ExtractContext) -> list[RawClaim]:
    """Every ranking claim of `text` made with an ordinal or a bare superlative."""
    places = default_places()
    cands = _Mentions(places, text)
    out: list[RawClaim] = []
    done = 0  # the end of the last ranking-verb chain: its coordinates are read
    low = fold_lower(text)
    for m in matches_at(ordinal_re(), text, ordinal_starts(text, low)):
        if m.start() < done:
            continue
        ranking = ranking_claims(text, m, places, cands)
        if ranking is not None:
            out += ranking[0]
            done = ranking[1]
            continue
        claim = _ordinal(text, m, places, cands)
        if claim is not None:
            out.append(claim)
    for a, b in _superlative_starts(low):
        claim = superlative_claim(text, a, b, places, cands)
        if claim is not None:
            out.append(claim)
    return sorted(out, key=lambda c: (c.start, c.end))
