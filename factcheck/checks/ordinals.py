"""Shared logic for ordinal_conflict: when two ordinal claims cannot both hold.

Not a check kind itself.
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.extract.ordinals import OWNER_PRONOUNS, SELF, category_key, measure
from factcheck.model import Claim, OrdinalValue

LEVELS = {"region": 1, "country": 2, "continent": 3, "world": 4}
_ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh"}


def rank_word(rank: int) -> str:
    return _ORD.get(rank, f"{rank}th")


def describe(v: OrdinalValue) -> str:
    """'third gigafactory of Europe (a continent)', 'largest farm of Scotland (a region)',
    'first battery plant of its owner in North America', 'ranked 9th in United Kingdom
    (a country) in QS World University Rankings'."""
    how = measure_of(v)
    rank = rank_word(v.rank)
    if how.startswith("ranked"):
        qualifier = v.modifiers[0][len("ranked") :].strip()
        where = f" in {v.scope} (a {v.scope_kind})" if v.scope else ""
        return f"ranked {rank}{where}{f' {qualifier}' if qualifier else ''}"
    if how:
        rank = v.modifiers[0] if v.rank == 1 else f"{rank}-{v.modifiers[0]}"
    if not v.scope:
        return f"{rank} {v.category}"
    if v.scope_kind == "owner":
        owner, place = split_owner(v.scope)
        whose = (
            "its owner"
            if owner == SELF or owner in OWNER_PRONOUNS
            else f"the {owner} (its owner)"
            if owner[:1].islower()
            else f"{owner} (its owner)"
        )
        return f"{rank} {v.category} of {whose}{f' in {place}' if place else ''}"
    kind = "" if v.scope_kind == "unknown" else f" (a {v.scope_kind})"
    return f"{rank} {v.category} of {v.scope}{kind}"


def split_owner(scope: str) -> tuple[str, str | None]:
    """An owner scope's owner and the place that narrows it: "self in Europe" →
    ("self", "Europe"); "Acme" → ("Acme", None). Owner names never hold " in "."""
    owner, sep, place = scope.partition(" in ")
    return owner, (place if sep else None)


def measure_of(v: OrdinalValue) -> str:
    """What the rank orders by ("largest", "ranked for impact"; "" for plain ordinals)."""
    return measure(v.modifiers)


def category_of(claim: Claim) -> str | None:
    """The category an ordinal claim is blocked by; None for any other claim."""
    v = claim.value
    if not isinstance(v, OrdinalValue):
        return None
    return category_key(v.category)


def _same_scope(a: OrdinalValue, b: OrdinalValue, same_place: Callable[[str, str], bool]) -> bool:
    if not a.scope or not b.scope:
        return not a.scope and not b.scope
    return a.scope_kind == b.scope_kind and same_place(a.scope, b.scope)


def _inside(
    inner: OrdinalValue, outer: OrdinalValue, contains: Callable[[str, str], bool | None]
) -> bool:
    if inner.scope_kind not in LEVELS or outer.scope_kind not in LEVELS:
        return False
    if LEVELS[inner.scope_kind] >= LEVELS[outer.scope_kind]:
        return False
    known = contains(outer.scope or "", inner.scope or "")
    return known is not False  # unknown containment of a smaller kind of place: assume inside


def conflict(
    a: OrdinalValue,
    b: OrdinalValue,
    *,
    same_place: Callable[[str, str], bool],
    contains: Callable[[str, str], bool | None],
    restated: bool,
) -> str | None:
    """Why `a` and `b` cannot both hold, or None. `restated`: b is a's source (cross-document).

    Ranks by different measures never conflict: "Europe's largest" and "Europe's third"
    (in time), "largest" and "most efficient", two rankings with different qualifiers.
    """
    if measure_of(a) != measure_of(b):
        return None
    if a.scope_kind == "owner" or b.scope_kind == "owner":
        if a.scope_kind == b.scope_kind == "owner" and _same_owner(a, b, same_place):
            return None if a.rank == b.rank else "the same owner, a different rank"
        return None
    if _same_scope(a, b, same_place):
        return None if a.rank == b.rank else "the same scope, a different rank"
    for inner, outer in ((a, b), (b, a)):
        if _inside(inner, outer, contains) and outer.rank < inner.rank:
            return (
                f"{rank_word(outer.rank)} in {outer.scope} cannot be {rank_word(inner.rank)} "
                f"in {inner.scope}, which lies inside it"
            )
    if restated and a.rank == b.rank and a.scope and b.scope:
        if a.rank == 1 and _inside(a, b, contains):
            return None  # first in Europe is first in each place inside Europe
        if a.rank == 1 and measure_of(a) and not measure_of(a).startswith("ranked"):
            return None  # "Scotland's largest" and "Spain's largest": two largest things
        return "the same rank, but a different scope"
    return None


def _same_owner(a: OrdinalValue, b: OrdinalValue, same_place: Callable[[str, str], bool]) -> bool:
    """The same owner and the same place narrowing its count (or none on both sides)."""
    owner_a, place_a = split_owner(a.scope or "")
    owner_b, place_b = split_owner(b.scope or "")
    if not same_place(owner_a, owner_b):
        return False
    if place_a is None or place_b is None:
        return place_a is None and place_b is None
    return same_place(place_a, place_b)
