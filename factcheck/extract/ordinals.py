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
    r"(?:(?P<pron>\b(?:[Ii]ts|[Tt]heir|[Oo]ur|[Hh]is|[Hh]er|[Mm]y|[Yy]our))"
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
_POSS_TAILS = (
    *("'", "’", "'s", "’s", "very"),
    *(p for w in ("its", "their", "our", "his", "her", "my", "your") for p in (w, w.title())),
)
_APPOSITION = re.compile(r"([^\W\d_][\w-]*)\s*,\s*$")
_PLACE_KINDS = ("region", "country", "continent", "world")


@dataclass(frozen=True)
class OrdinalVocab:
    words: dict[str, int]
    superlatives: frozenset[str]
    family_of: dict[str, str]  # noun (or two-word noun) -> family key
    families: frozenset[str]  # the family keys
    not_rankable: frozenset[str]
    stops: frozenset[str]
    self_owners: frozenset[str]
    bare_superlatives: frozenset[str]
    synonyms: dict[str, str]
    cardinals: frozenset[str]


@cache
def vocab() -> OrdinalVocab:
    """The ordinal vocabulary, loaded once."""
    data = safe_load(resources.files("factcheck.data").joinpath("ordinals.yaml").read_text("utf-8"))
    family_of = {str(n).lower(): str(k) for k, nouns in data["families"].items() for n in nouns}
    return OrdinalVocab(
        words={str(k).lower(): int(v) for k, v in data["words"].items()},
        superlatives=frozenset(data.get("superlatives", [])),
        family_of=family_of,
        families=frozenset(family_of.values()),
        not_rankable=frozenset(data.get("not_rankable", [])),
        stops=frozenset(data.get("phrase_stops", [])),
        self_owners=frozenset(data.get("self_owners", [])),
        bare_superlatives=frozenset(data.get("bare_superlatives", [])),
        synonyms={str(k): str(v) for k, v in data.get("superlative_synonyms", {}).items()},
        cardinals=frozenset(data.get("cardinals", [])),
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
    """Index of the head noun: the last rankable word, else the last word that does not
    look like a verb or an adverb ("the city's first tram line opened": "line")."""
    fam = vocab().family_of
    for i in range(len(words) - 1, -1, -1):
        if singular(words[i].lower()) in fam or words[i].lower() in fam:
            return i
    last = len(words) - 1
    while last > 0 and words[last].endswith(("ed", "ly")):
        last -= 1
    return last if words else None


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


SELF = "self"
# Possessives that stand for the subject itself: "its", "their" → SELF.
OWNER_PRONOUNS = frozenset(("its", "their", "our", "his", "her", "my", "your"))
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


def owner_key(name: str) -> str:
    """The owner a possessive names: "the company", "its", "the carmaker", any
    "…maker" ("the steelmaker") → `SELF`; other pronouns lower-cased; names without
    their article ("the city" → "city")."""
    bare = re.sub(r"^[Tt]he\s+", "", " ".join(name.split()))
    low = bare.lower()
    v = vocab()
    if low in v.self_owners or (low.endswith("maker") and low.isalpha()):
        return SELF
    return low if low in OWNER_PRONOUNS else bare


def measure(modifiers: Sequence[str]) -> str:
    """What a rank orders by, from a claim's modifiers: the superlative ("largest",
    "most efficient"), a ranking's qualifier ("ranked in the qs rankings 2025"), or ""
    for a plain ordinal ("third gigafactory", ranked by time)."""
    if not modifiers:
        return ""
    first = " ".join(modifiers[0].casefold().split())
    if first == "ranked" or first.startswith("ranked "):
        return first
    v = vocab()
    if first.split()[0] in v.superlatives:
        return v.synonyms.get(first, first)
    return ""


def _place_after(text: str, end: int, places: Places, cands: Sequence[str]):  # type: ignore[no-untyped-def]
    """(place, kind, end) for "in X" / "across X" right after `end`, X a known place."""
    m = _IN.match(text, end)
    if m is None:
        return None
    kind = places.kind(m.group("x"))
    if kind not in _PLACE_KINDS:
        return None
    return places.resolve(m.group("x"), cands) or m.group("x"), kind, m.end()


def _scope(  # type: ignore[no-untyped-def]
    text: str,
    p: re.Match[str] | None,
    end: int,
    mods: list[str],
    places: Places,
    cands: Sequence[str],
):
    """(scope, scope_kind, end of the scope phrase) for an ordinal phrase; `p` is the
    possessive before it (`possessive_before`), if any.

    An owner's possessive counts the owner's things; a place after the noun (or a
    demonym) narrows that count and stays part of the scope: "the company's third
    wind farm in Scotland" → "self in Scotland".
    """
    if p and p.group("poss"):
        name = " ".join(p.group("poss").split())
        kind = places.kind(name)
        if kind in _PLACE_KINDS:
            return places.resolve(name, cands) or name, kind, end
    place = _place_after(text, end, places, cands)
    demonym = next((d for d in map(places.demonym, mods) if d), None)
    if p:
        owner = owner_key(p.group("pron") or p.group("poss"))
        where = place[0] if place else demonym
        return (f"{owner} in {where}" if where else owner), "owner", place[2] if place else end
    if place:
        return place
    if demonym:
        return demonym, places.kind(demonym), end
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


def _rank_of(m: re.Match[str]) -> int:
    return vocab().words[m.group("w").lower()] if m.group("w") else int(m.group("d"))


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


def _category(words: list[str]) -> tuple[str, int, list[str]] | None:
    """(category, index of its head, the modifier words before it) of a noun phrase."""
    h = _head(words)
    if h is None or words[0].lower() in vocab().cardinals:
        return None  # "the first three programmes" counts, it does not rank
    head = singular(words[h].lower())
    cat_start = (
        h - 1
        if h > 0 and words[h - 1].islower() and head in ("plant", "factory", "site", "facility")
        else h
    )
    return " ".join(w.lower() for w in words[cat_start : h + 1]), h, words[:cat_start]


def _noun_ranks(category: str, head_word: str) -> bool | None:
    """Whether a phrase whose head is `head_word` makes a ranking claim: True for a
    rankable noun, False for a noun that never ranks ("time", "half", "opened"), None
    when it depends on the scope (`_scoped_ranks`)."""
    v = vocab()
    if category_key(category) in v.families:
        return True
    head = singular(head_word.lower())
    if head in v.not_rankable or head_word.lower() in v.not_rankable:
        return False
    if head.endswith(("ed", "ly", "ing")):
        return False
    return None


def _scoped_ranks(head_word: str, scope_kind: str, before: str) -> bool:
    """Whether a noun outside the families ranks with this scope: an explicit place
    after a determiner ("the first battery passport in Europe"), or an owner's singular
    noun ("the city's third metro line"; not "its first cells")."""
    if scope_kind in _PLACE_KINDS:
        return bool(_DET.search(before) or _POSS.search(before))
    return scope_kind == "owner" and head_word.islower() and singular(head_word) == head_word


def _ordinal(text: str, m: re.Match[str], places: Places, cands: Sequence[str]) -> RawClaim | None:
    """The ranking claim an ordinal makes with the noun phrase after it, or None."""
    v = vocab()
    rank = _rank_of(m)
    mods: list[str] = []
    suf = (m.group("suf") or "").lower()
    if suf:
        if suf not in v.superlatives and suf != "ever":
            return None  # first-hand, first-class
        mods.append(suf)
    before = text[max(0, m.start() - 60) : m.start()]
    if not suf and (streak := _streak(text, m, before)) is not None:
        return streak
    spans = _phrase(text, m.end())
    words = [text[a:b] for a, b in spans]
    _take_superlatives(words, spans, mods)
    if not words:  # elliptical: "this Gigafactory, the third in this Region"
        the = re.search(r"\bthe\s+$", before, re.I)
        t0 = m.start() - (len(before) - the.start()) if the else m.start()
        app = _APPOSITION.search(text, max(0, t0 - 80), t0)
        if the is None or app is None:
            return None
        scope = _scope(text, possessive_before(text, m.start()), m.end(), [], places, cands)
        category = singular(app.group(1).lower())
        rankable = category in v.family_of
        if (scope[0] is None or app.group(1)[0].isupper()) and not rankable:
            return None
        return _claim(t0, m.end(), rank, category, mods, scope)
    found = _category(words)
    if found is None:
        return None
    category, h, lead = found
    mods += lead
    ranks = _noun_ranks(category, words[h])
    if ranks is False:
        return None
    end = spans[h][1]
    p = possessive_before(text, m.start())
    if ranks is None and p is None and not _DET.search(before):
        return None  # neither an owner nor an explicit place can follow
    scope = _scope(text, p, end, mods, places, cands)
    if ranks is None and not _scoped_ranks(words[h], scope[1], before):
        return None
    return _claim(p.start() if p else m.start(), end, rank, category, mods, scope)


def _streak(text: str, m: re.Match[str], before: str) -> RawClaim | None:
    """A streak's claim: "for the fifth consecutive year", "a third year in a row" →
    category "consecutive year", no scope. It needs a determiner before the ordinal and
    a rank of two or more ("his first year running the firm" is no streak)."""
    s = _STREAK.match(text, m.end())
    if s is None or _rank_of(m) < 2 or not _DET.search(before):
        return None
    unit = (s.group("u1") or s.group("u2")).lower()
    return _claim(m.start(), s.end(), _rank_of(m), f"{STREAK} {unit}", [], (None, "unknown", 0))


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


def _ranking(
    text: str, m: re.Match[str], places: Places, cands: Sequence[str]
) -> tuple[list[RawClaim], int] | None:
    """Claims of a ranking verb and where they end: "ranked 9th in the UK and 68th in
    the world in the X Rankings" → two claims, category "ranking", the qualifier as
    their measure. None unless a ranking verb stands before and a place follows."""
    if m.group("suf") or not _rank_verb_before(text, m.start()):
        return None
    items: list[tuple[re.Match[str], tuple[str, str, int]]] = []
    pos = m.end()
    while (place := _place_after(text, pos, places, cands)) is not None:
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
        _claim(o.start(), place[2], _rank_of(o), "ranking", list(mods), place) for o, place in items
    ]
    return claims, max(end, pos)


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


@cache
def _ordinal_before_re() -> re.Pattern[str]:
    words = word_trie(vocab().words)
    return re.compile(rf"(?:\d(?:st|nd|rd|th)|\b{words})[\s-]+$", re.I)


def _superlative(
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
    spans = _phrase(text, b)
    words = [text[x:y] for x, y in spans]
    mods = [text[a:b].lower()]
    if mods[0] in ("most", "least"):
        if len(words) < 2 or not words[0].islower():
            return None
        mods[0] = f"{mods[0]} {words.pop(0).lower()}"
        spans.pop(0)
    found = _category(words) if words else None
    if found is None:
        return None
    category, h, lead = found
    mods += lead
    end = spans[h][1]
    ranks = _noun_ranks(category, words[h])
    if ranks is False:
        return None
    scope = _scope(text, p, end, mods, places, cands)
    if scope[0] is None or (ranks is None and not _scoped_ranks(words[h], scope[1], window)):
        return None
    if _HEDGED_AFTER.match(text, end) or _HEDGED_AFTER.match(text, scope[2]):
        return None  # "the largest plant ever", "the largest in Scotland this year"
    return _claim(p.start() if p else a, end, 1, category, mods, scope)


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
        ranking = _ranking(text, m, places, cands)
        if ranking is not None:
            out += ranking[0]
            done = ranking[1]
            continue
        claim = _ordinal(text, m, places, cands)
        if claim is not None:
            out.append(claim)
    for a, b in _superlative_starts(low):
        claim = _superlative(text, a, b, places, cands)
        if claim is not None:
            out.append(claim)
    return sorted(out, key=lambda c: (c.start, c.end))
