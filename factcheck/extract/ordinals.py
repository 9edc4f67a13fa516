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

scope, strongest first: "in X" / "across X" after the phrase (a known place
only: a town the plant stands in is a location, not a scope), a demonym among
the modifiers ("French" → France), a possessive place ("Europe's", "the
world's"), a possessive owner ("Acme's", "its": owner, pronouns unresolved).
Deictic places ("this Region") resolve against the places named elsewhere in
the document (`Places.resolve` with the document's `mentions`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from factcheck.extract.base import ExtractContext, RawClaim, singular
from factcheck.extract.date_scan import fold_lower, matches_at
from factcheck.model import OrdinalValue, Segmentation
from factcheck.normalise import safe_load
from factcheck.normalise.places import Places, default_places
from factcheck.patterns import word_trie

_WORD = re.compile(r"[ \t\u00a0]+(?:\n[ \t]*)?([^\W\d_][\w'’-]*)|\n[ \t]*([^\W\d_][\w'’-]*)")
_POSS = re.compile(
    r"(?:(?P<pron>\b(?:its|their|our|his|her|my|your))"
    r"|(?P<poss>(?:\b[Tt]he\s+)?(?:[A-Z][\w-]*\s+){0,3}[\w-]+)['’]s?)\s+(?:very\s+)?$"
)
_DET = re.compile(
    r"\b(?:the|this|that|these|those|a|an|its|their|our|his|her)\s+(?:very\s+)?$", re.I
)
_IN = re.compile(
    r"[ \t]+(?:in|across|within|throughout)\s+(?P<x>the\s+world|(?:this|the|our|that)\s+[A-Za-z]+"
    r"|[A-Z][\w'’-]*(?:[ -](?:of\s+)?[A-Z][\w'’-]*){0,3})"
)
# what the text before the trailing whitespace ends with when `_POSS` matches
_POSS_TAILS = ("'", "’", "'s", "’s", "its", "their", "our", "his", "her", "my", "your", "very")
_APPOSITION = re.compile(r"([^\W\d_][\w-]*)\s*,\s*$")
_PLACE_KINDS = ("region", "country", "continent", "world")


@dataclass(frozen=True)
class OrdinalVocab:
    words: dict[str, int]
    superlatives: frozenset[str]
    family_of: dict[str, str]  # noun (or two-word noun) -> family key
    not_rankable: frozenset[str]
    stops: frozenset[str]


@cache
def vocab() -> OrdinalVocab:
    """The ordinal vocabulary, loaded once."""
    data = safe_load(resources.files("factcheck.data").joinpath("ordinals.yaml").read_text("utf-8"))
    family_of = {str(n).lower(): str(k) for k, nouns in data["families"].items() for n in nouns}
    return OrdinalVocab(
        words={str(k).lower(): int(v) for k, v in data["words"].items()},
        superlatives=frozenset(data.get("superlatives", [])),
        family_of=family_of,
        not_rankable=frozenset(data.get("not_rankable", [])),
        stops=frozenset(data.get("phrase_stops", [])),
    )


@cache
def ordinal_re() -> re.Pattern[str]:
    words = word_trie(vocab().words)
    return re.compile(
        rf"(?<![\w-])(?:(?P<w>{words})|(?P<d>\d{{1,3}})(?:st|nd|rd|th))(?:-(?P<suf>[a-z]+))?(?![\w])",
        re.I,
    )


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


def ordinal_starts(text: str) -> list[int]:
    """Where an `ordinal_re` match can start (a superset): where an ordinal word stands
    in the lower-cased text, and the three places before a suffix that follows a digit.

    `ordinal_re` is case-insensitive and starts with a look-behind, so its `finditer`
    tries every character. The matches one `finditer` of `_head_re` skips start inside
    another match, after a letter, where `ordinal_re` cannot start.
    """
    low = fold_lower(text)
    starts: list[int] = []
    for m in _head_re().finditer(low):
        a = m.start()
        starts.append(a)
        if a and low[a - 1].isdecimal():  # "5th": the digits (at most three) start it
            starts.extend(range(max(0, a - 3), a))
    return starts


def possessive_before(text: str, start: int) -> re.Match[str] | None:
    """`_POSS` searched in the 60 characters before `start`; the search runs only when
    the window (trailing whitespace aside) ends as a match of it must."""
    lo = max(0, start - 60)
    if not text[lo:start].rstrip().endswith(_POSS_TAILS):
        return None
    return _POSS.search(text, lo, start)


def category_key(category: str) -> str:
    """The family of a category: "battery plant", "Gigafactory", "factories" → "plant"."""
    fam = vocab().family_of
    words = [w if w in fam else singular(w) for w in category.lower().split()]
    if not words:
        return ""
    if len(words) > 1 and " ".join(words[-2:]) in fam:
        return fam[" ".join(words[-2:])]
    return fam.get(words[-1], words[-1])


def _phrase(text: str, pos: int) -> list[tuple[int, int]]:
    """Word offsets of the noun phrase after the ordinal (at most 6 words)."""
    v = vocab()
    out: list[tuple[int, int]] = []
    while len(out) < 6:
        m = _WORD.match(text, pos)
        if m is None:
            break
        g = 1 if m.group(1) else 2
        word = m.group(g)
        if word.lower() in v.stops or (out and word[0].isupper() and text[out[-1][0]].islower()):
            break
        out.append((m.start(g), m.end(g)))
        pos = m.end()
    return out


def _head(words: list[str]) -> int | None:
    """Index of the head noun: the last rankable word, else the last word."""
    fam = vocab().family_of
    for i in range(len(words) - 1, -1, -1):
        if singular(words[i].lower()) in fam or words[i].lower() in fam:
            return i
    return len(words) - 1 if words else None


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


def _scope(text: str, start: int, end: int, mods: list[str], places: Places, cands: Sequence[str]):  # type: ignore[no-untyped-def]
    """(scope, scope_kind, end of the scope phrase) for an ordinal phrase.

    An owner's possessive wins over a place after the noun: "the company's third
    wind farm in Scotland" counts the company's farms, not Scotland's.
    """
    p = possessive_before(text, start)
    owner = None
    if p and p.group("pron"):
        owner = p.group("pron")
    elif p:
        name = " ".join(p.group("poss").split())
        kind = places.kind(name)
        if kind in _PLACE_KINDS:
            return places.resolve(name, cands) or name, kind, end
        owner = re.sub(r"^[Tt]he\s+", "", name)
    if owner is not None:
        return owner, "owner", end
    m = _IN.match(text, end)
    if m:
        x = m.group("x")
        kind = places.kind(x)
        if kind in _PLACE_KINDS:
            return places.resolve(x, cands) or x, kind, m.end()
    for w in mods:
        place = places.demonym(w)
        if place:
            return place, places.kind(place), end
    return None, "unknown", end


def _claim(start: int, end: int, rank: int, category: str, mods: list[str], scope) -> RawClaim:  # type: ignore[no-untyped-def]
    value = OrdinalValue(
        rank=rank, category=category, scope=scope[0], scope_kind=scope[1], modifiers=mods
    )
    return RawClaim(
        "ordinal",
        start,
        max(end, scope[2]),
        value,
        subject=category_key(category),
        attribute="rank",
        extra_context=tuple(w for w in (category, scope[0] or "") if w),
    )


def find(text: str, seg: Segmentation, ctx: ExtractContext) -> list[RawClaim]:
    """Every ranking claim of `text` made with an ordinal."""
    v, places = vocab(), default_places()
    cands = _Mentions(places, text)
    out: list[RawClaim] = []
    for m in matches_at(ordinal_re(), text, ordinal_starts(text)):
        rank = v.words[m.group("w").lower()] if m.group("w") else int(m.group("d"))
        mods: list[str] = []
        suf = (m.group("suf") or "").lower()
        if suf:
            if suf not in v.superlatives and suf != "ever":
                continue  # first-hand, first-class
            mods.append(suf)
        spans = _phrase(text, m.end())
        words = [text[a:b] for a, b in spans]
        while words and words[0].lower() in v.superlatives:
            mods.append(words.pop(0).lower())
            spans.pop(0)
        before = text[max(0, m.start() - 60) : m.start()]
        if not words:  # elliptical: "this Gigafactory, the third in this Region"
            the = re.search(r"\bthe\s+$", before, re.I)
            t0 = m.start() - (len(before) - the.start()) if the else m.start()
            app = _APPOSITION.search(text, max(0, t0 - 80), t0)
            if the is None or app is None:
                continue
            scope = _scope(text, m.start(), m.end(), [], places, cands)
            category = singular(app.group(1).lower())
            rankable = category in v.family_of
            if (scope[0] is None or app.group(1)[0].isupper()) and not rankable:
                continue
            out.append(_claim(t0, m.end(), rank, category, mods, scope))
            continue
        h = _head(words)
        assert h is not None
        head = singular(words[h].lower())
        cat_start = (
            h - 1
            if h > 0 and words[h - 1].islower() and head in ("plant", "factory", "site", "facility")
            else h
        )
        category = " ".join(w.lower() for w in words[cat_start : h + 1])
        mods += words[:cat_start]
        end = spans[h][1]
        scope = _scope(text, m.start(), end, mods, places, cands)
        rankable = category_key(category) in v.family_of.values()
        if not rankable:
            explicit = scope[1] in _PLACE_KINDS and (_DET.search(before) or _POSS.search(before))
            if not explicit or head in v.not_rankable or words[h].lower() in v.not_rankable:
                continue
            if head.endswith(("ed", "ly", "ing")):
                continue
        p = possessive_before(text, m.start())
        start = p.start() if p else m.start()
        out.append(_claim(start, end, rank, category, mods, scope))
    return out
