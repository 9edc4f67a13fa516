"""ordinal_conflict — "first", "third" claims that cannot all be true.

What it checks: ordinal claims of the same category (plant, gigafactory, battery
factory… share one family) with their scope. Inside one document: the same scope
with different ranks, or a better rank in a larger scope than in a place inside
it ("first in France" but "third in this Region"). Across documents also a
restated claim whose scope changed ("Europe's third" where the source says "the
third in this Region").

Why it matters: "first", "largest", "third" are the claims readers repeat; a
changed scope turns a true claim into a false one.

Fails: "the first French battery plant" and "the third in this Region" in one
release; draft "Europe's third gigafactory" against "the third in this Region".

Passes: "its first gigafactory" (owner scope) beside "Europe's third
gigafactory"; "first in France" beside "third in Europe".

Params: `scope` handling needs no params; `min_category_match` is reserved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache

from pydantic import BaseModel, ConfigDict

from factcheck.checks import Hit, kind
from factcheck.checks.common import PAIR_EVIDENCE, checked_against, pair_evidence, related
from factcheck.checks.ordinals import category_of, conflict, describe
from factcheck.corpus import Corpus, DocInput, RunContext
from factcheck.link import block
from factcheck.model import Claim, OrdinalValue

EVIDENCE = (*PAIR_EVIDENCE, "reason", "claim_reading", "other_reading")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


@cache
def _places() -> tuple[Callable[[str, str], bool], Callable[[str, str], bool | None]]:
    from factcheck.normalise.places import _key, default_places

    places = default_places()

    def same_place(a: str, b: str) -> bool:
        pa, pb = places.lookup(a), places.lookup(b)
        if pa is not None and pb is not None:
            return pa.name == pb.name
        return _key(a) == _key(b)

    return same_place, places.contains


def _hit(claim: Claim, other: Claim, other_doc: DocInput, reason: str) -> Hit:
    a, b = claim.value, other.value
    assert isinstance(a, OrdinalValue) and isinstance(b, OrdinalValue)
    evidence = pair_evidence(claim, other, other_doc)
    evidence.update(reason=reason, claim_reading=describe(a), other_reading=describe(b))
    return Hit(
        location=claim.span,
        sentence=claim.sentence,
        evidence=evidence,
        key=(claim.span.text, other.span.text),
        related=(related(other, f'"{other.span.text}": {describe(b)}'),),
    )


def _why(a: Claim, b: Claim, *, restated: bool) -> str | None:
    """Why two ordinal claims cannot both hold, or None."""
    same_place, contains = _places()
    va, vb = a.value, b.value
    assert isinstance(va, OrdinalValue) and isinstance(vb, OrdinalValue)
    return conflict(va, vb, same_place=same_place, contains=contains, restated=restated)


@kind("ordinal_conflict", params=Params, scopes=("document", "cross"), evidence=EVIDENCE)
def run(target: DocInput | Corpus, params: Params, ctx: RunContext) -> Iterator[Hit]:
    """Document scope: conflicts inside one document. Cross scope: draft against reference."""
    if isinstance(target, DocInput):
        for claims in block(target.of_kind("ordinal"), category_of).values():
            for i, claim in enumerate(claims):
                for other in claims[:i]:
                    reason = _why(claim, other, restated=False)
                    if reason:
                        yield _hit(claim, other, target, reason)
                        break
        return
    for doc, authorities in checked_against(target):
        mine = block(doc.of_kind("ordinal"), category_of)
        for authority in authorities:
            theirs = block(authority.of_kind("ordinal"), category_of)
            for cat, claims in mine.items():
                for claim in claims:
                    reasons = [(o, _why(claim, o, restated=True)) for o in theirs.get(cat, [])]
                    if any(r is None and _comparable(claim, o) for o, r in reasons):
                        continue
                    hit = next(((o, r) for o, r in reasons if r), None)
                    if hit:
                        yield _hit(claim, hit[0], authority, hit[1])


def _comparable(a: Claim, b: Claim) -> bool:
    """Two ordinals that restate each other (same rank and same kind of scope)."""
    va, vb = a.value, b.value
    assert isinstance(va, OrdinalValue) and isinstance(vb, OrdinalValue)
    return va.rank == vb.rank and va.scope_kind == vb.scope_kind
