"""The ordinal extractor's shared parts: its vocabulary, the noun phrase after an
ordinal, the phrase's category and scope, and the claim built from them.

`vocab` and `ordinal_re` read `factcheck/data/ordinals.yaml`; `category_key` folds a
category into its family; `scope_of` finds a claim's owner or place (see `ordinals`);
`measure` says what a rank orders by. `ordinals` (plain ordinals) and
`ordinal_readers` (ranking verbs, superlatives, streaks) build their claims from these.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from factcheck.extract.base import RawClaim, singular
from factcheck.model import OrdinalValue
from factcheck.normalise import safe_load
from factcheck.normalise.places import Places
from factcheck.patterns import word_trie

_WORD = re.compile(r"[ \t\u00a0]+(?:\n[ \t]*)?([^\W\d_][\w'’-]*)|\n[ \t]*([^\W\d_][\w'’-]*)")
_POSS = re.compile(
    r"(?:(?P<pron>\b(?:[Ii]ts|[Tt]heir|[Oo]ur|[Hh]is|[Hh]er|[Mm]y|[Yy]our))"
    r"|(?P<poss>(?:\b[Tt]he\s+)?(?:[A-Z][\w-]*\s+){0,3}[\w-]+)['’]s?)\s+(?:very\s+)?$"
)
DETERMINER = re.compile(
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


def phrase_after(text: str, pos: int) -> list[tuple[int, int]]:
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


SELF = "self"
# Possessives that stand for the subject itself: "its", "their" → SELF.
OWNER_PRONOUNS = frozenset(("its", "their", "our", "his", "her", "my", "your"))


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


def place_after(text: str, end: int, places: Places, cands: Sequence[str]):  # type: ignore[no-untyped-def]
    """(place, kind, end) for "in X" / "across X" right after `end`, X a known place."""
    m = _IN.match(text, end)
    if m is None:
        return None
    kind = places.kind(m.group("x"))
    if kind not in _PLACE_KINDS:
        return None
    return places.resolve(m.group("x"), cands) or m.group("x"), kind, m.end()


def scope_of(  # type: ignore[no-untyped-def]
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
    place = place_after(text, end, places, cands)
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


def ordinal_claim(
    start: int, end: int, rank: int, category: str, mods: list[str], scope
) -> RawClaim:  # type: ignore[no-untyped-def]
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


def rank_of(m: re.Match[str]) -> int:
    return vocab().words[m.group("w").lower()] if m.group("w") else int(m.group("d"))


def phrase_category(words: list[str]) -> tuple[str, int, list[str]] | None:
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


def noun_ranks(category: str, head_word: str) -> bool | None:
    """Whether a phrase whose head is `head_word` makes a ranking claim: True for a
    rankable noun, False for a noun that never ranks ("time", "half", "opened"), None
    when it depends on the scope (`scoped_ranks`)."""
    v = vocab()
    if category_key(category) in v.families:
        return True
    head = singular(head_word.lower())
    if head in v.not_rankable or head_word.lower() in v.not_rankable:
        return False
    if head.endswith(("ed", "ly", "ing")):
        return False
    return None


def scoped_ranks(head_word: str, scope_kind: str, before: str) -> bool:
    """Whether a noun outside the families ranks with this scope: an explicit place
    after a determiner ("the first battery passport in Europe"), or an owner's singular
    noun ("the city's third metro line"; not "its first cells")."""
    if scope_kind in _PLACE_KINDS:
        return bool(DETERMINER.search(before) or _POSS.search(before))
    return scope_kind == "owner" and head_word.islower() and singular(head_word) == head_word
