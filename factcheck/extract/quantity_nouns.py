"""Counted nouns: "1,200 direct jobs", "300,000 EV batteries", "45 new ones" (the noun
implied by the sentence). A noun that only modifies another ("battery cells") is not one."""

from __future__ import annotations

import functools
import re

from factcheck.extract.base import STOPWORDS, singular
from factcheck.extract.quantity_cues import unit_lookup
from factcheck.extract.quantity_draft import Draft
from factcheck.extract.quantity_view import TokenView
from factcheck.normalise import units

_MAX_MODIFIERS = 4
# Words ending in "s" that are not plural nouns.
_NOT_PLURAL_NOUNS = frozenset(
    {
        "times",
        "is",
        "was",
        "has",
        "does",
        "this",
        "thus",
        "plus",
        "minus",
        "bonus",
        "status",
        "less",
    }
)
_LIST_END = (",", ")", "and", ";")
_COMPARATIVES = frozenset({"more", "fewer"})


@functools.cache
def _letters_re() -> re.Pattern[str]:
    return re.compile(r"[^\W\d_]+")


def counted_noun(v: TokenView, q: Draft, k: int) -> int:
    """Read a counted noun (with up to four modifiers) at token k into q; the next token."""
    if k < v.n and v.glued(k - 1, k) and v.kind_of[k] == "word":
        return k
    if _comparative_noun(v, q, k):
        return k + 2
    mods: list[str] = []
    j = k
    while j < v.n and len(mods) < _MAX_MODIFIERS and v.kind_of[j] == "word" and v.linked(j - 1, j):
        info = unit_lookup(v.text_of[j])
        if info and info.kind == "noun" and not noun_compound(v, j):
            q.set_unit(info.name, info.dimension, noun=info.name)
            q.modifier = " ".join(mods).replace("- ", "-") or None
            return j + 1
        joins = v.low[j] in ("and", "or") and mods and v.kind_of[j - 1] == "word"
        if (v.low[j] in STOPWORDS and not joins) or capitalised(v.text_of[j]):
            break
        mods.append(v.text_of[j])
        j += 1
        if j < v.n and v.low[j] == "-" and v.glued(j - 1, j):
            mods[-1] += "-"
            j += 1
    if mods and q.value != 1 and _plural_word(v, k):
        noun = singular(v.low[k])
        q.set_unit(noun, f"count:{noun}", noun=noun)
        return k + 1
    if mods and units.is_modifier(mods[0]) and (k + 1 >= v.n or v.low[k + 1] in _LIST_END):
        implied = _implied_noun(v, q.start)
        if implied:
            q.set_unit(implied, f"count:{implied}", noun=implied)
            q.modifier = mods[0]
            return k + 1
    return k


def _comparative_noun(v: TokenView, q: Draft, k: int) -> bool:
    """ "600,000 more people", "40 fewer staff": a comparative right before a counted
    noun of the lexicon, read with it into q as a change of that count ("5 more than"
    stays bare)."""
    if not (k + 1 < v.n and v.low[k] in _COMPARATIVES):
        return False
    if not (v.linked(k - 1, k) and v.near(k, k + 1) and v.kind_of[k + 1] == "word"):
        return False
    info = unit_lookup(v.text_of[k + 1])
    if info is None or info.kind != "noun" or noun_compound(v, k + 1):
        return False
    # A change, not a total: compared only with other changes ("600,000 more people"
    # says nothing against "4.2 million people"); the modifier keeps more and fewer apart.
    q.set_unit(info.name, f"{info.dimension}:change", noun=info.name)
    q.modifier = v.low[k]
    return True


def capitalised(word: str) -> bool:
    """The word starts with a capital and is not all capitals ("May", not "MAY")."""
    return word[0].isupper() and not word.isupper()


def _plural_word(v: TokenView, k: int) -> bool:
    """Token k looks like an unknown plural noun ("widgets")."""
    w = v.low[k] if k < v.n else ""
    return (
        w.isalpha()
        and len(w) > 3
        and w.endswith("s")
        and not w.endswith("ss")
        and w not in STOPWORDS
        and w not in _NOT_PLURAL_NOUNS
        and v.text_of[k].islower()
    )


def noun_compound(v: TokenView, j: int) -> bool:
    """The noun at token j only modifies what follows ("battery-electric trains", "EV
    battery cells"): it is glued to a hyphen, or another counted noun follows it."""
    if j + 1 >= v.n:
        return False
    if v.low[j + 1] == "-" and v.glued(j, j + 1):
        return True
    nxt = unit_lookup(v.text_of[j + 1]) if v.near(j, j + 1) else None
    return bool(nxt and nxt.kind == "noun")


def _implied_noun(v: TokenView, pos: int) -> str | None:
    """The counted noun written in the plural nearest to `pos` in its sentence."""
    a, b = v.sentence_window(pos)
    best: tuple[int, str] | None = None
    for m in _letters_re().finditer(v.text[a:b]):
        info = unit_lookup(m.group(0))
        if info and info.kind == "noun" and m.group(0).lower() != singular(m.group(0).lower()):
            d = abs(a + m.start() - pos)
            if best is None or d < best[0]:
                best = (d, info.name)
    return best[1] if best else None
