"""Shared logic for ordinal_conflict: when two ordinal claims cannot both hold.

Not a check kind itself.
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.model import Claim, OrdinalValue

LEVELS = {"region": 1, "country": 2, "continent": 3, "world": 4}
_ORD = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh"}


def rank_word(rank: int) -> str:
    return _ORD.get(rank, f"{rank}th")


def describe(v: OrdinalValue) -> str:
    """'third in Europe (a continent)'."""
    if not v.scope:
        return f"{rank_word(v.rank)} {v.category}"
    kind = (
        ""
        if v.scope_kind == "unknown"
        else f" (a {v.scope_kind})"
        if v.scope_kind != "owner"
        else " (its owner)"
    )
    return f"{rank_word(v.rank)} {v.category} of {v.scope}{kind}"


def category_of(claim: Claim) -> str | None:
    v = claim.value
    if not isinstance(v, OrdinalValue):
        return None
    try:
        from factcheck.extract.ordinals import category_key

        return category_key(v.category)
    except ImportError:  # pragma: no cover - extractor module always present in releases
        return v.category.lower()


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
    """Why `a` and `b` cannot both hold, or None. `restated`: b is a's source (cross-document)."""
    if a.scope_kind == "owner" or b.scope_kind == "owner":
        if a.scope_kind == b.scope_kind == "owner" and same_place(a.scope or "", b.scope or ""):
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
        return "the same rank, but a different scope"
    return None
