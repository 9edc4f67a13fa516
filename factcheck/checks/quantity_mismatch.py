"""quantity_mismatch — a figure that disagrees with the same figure in a reference.

What it checks: each quantity in a draft (or peer) against the quantities of the
reference documents that speak of the same thing (same dimension and counted
noun, compatible time and rate, similar context). Bounds ("over €3 billion"),
ranges, unit conversions (16,000 MWh = 16 GWh) and the configurable rate
equivalence ("16 GWh" = "16 GWh/year" for energy) are respected. The end of a
change ("to 60 GWh") is compared with the end of the reference's change, not its
start ("from 20 GWh"); an amount per share is never the counterpart of a total.

Why it matters: a wrong figure is the most common and most embarrassing error in
coverage of an announcement; a million written for a billion is not rounding.

Fails: draft "€3 million raised" against reference "secured over €3 billion".

Passes: draft "€3 billion raised" against "secured over €3 billion".

Params: `rel_tolerance` (default 0.005), `approx_tolerance` for "about"/"nearly"
(default 0.1), `min_score` (link score 0-1, default 0.55), `rate_optional`
(dimensions whose figures match with or without "per year", default [energy]),
`open_bound_factor` (default 1.5: how far "over X" reaches when a figure is
matched by value alone, without a strong context link), `slip_score` (default
0.3: the weaker link enough to report a tell-tale slip: a factor of 1,000, or the
same number in another unit).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from pydantic import BaseModel, ConfigDict, Field

from factcheck.checks import Hit, kind
from factcheck.checks.agreement import (
    is_slip,
    quantities_agree,
    quantity_compatible,
    quantity_key,
    quantity_score,
    scale_note,
)
from factcheck.checks.common import PAIR_EVIDENCE, cross_disagreements, pair_evidence, related
from factcheck.corpus import Corpus, RunContext
from factcheck.link import per_unit, roles_conflict
from factcheck.model import Claim, QuantityValue


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    rel_tolerance: float = Field(default=0.005, ge=0, le=0.5)
    approx_tolerance: float = Field(default=0.1, ge=0, le=0.5)
    min_score: float = Field(default=0.55, ge=0, le=1)
    rate_optional: list[str] = Field(default_factory=lambda: ["energy"])
    open_bound_factor: float = Field(default=1.5, gt=1, le=10)
    slip_score: float = Field(default=0.3, ge=0, le=1)


def agree(params: Params, a: Claim, b: Claim) -> bool:
    """Do two quantity claims admit a common value?"""
    assert isinstance(a.value, QuantityValue) and isinstance(b.value, QuantityValue)
    return quantities_agree(a.value, b.value, params.rel_tolerance, params.approx_tolerance)


def same(params: Params, a: Claim, b: Claim) -> bool:
    """The same figure, open bounds read strictly ("over 3" is not "11")."""
    assert isinstance(a.value, QuantityValue) and isinstance(b.value, QuantityValue)
    return quantities_agree(
        a.value, b.value, params.rel_tolerance, params.approx_tolerance, params.open_bound_factor
    )


def clears(params: Params, a: Claim, b: Claim) -> bool:
    """`same`, read for clearing a figure by value alone, without a strong link.

    A match that holds only thanks to an "about" ("540 permanent jobs" within 10%
    of "about 600 jobs during construction") needs the two figures to carry the
    same modifier: otherwise they are as likely two different counts."""
    assert isinstance(a.value, QuantityValue) and isinstance(b.value, QuantityValue)
    if not same(params, a, b):
        return False
    if a.value.modifier == b.value.modifier:
        return True
    return quantities_agree(a.value, b.value, params.rel_tolerance, 0.0, params.open_bound_factor)


# A figure where a change starts is rarely the counterpart of one where a change ends
# ("up from 20 GWh" / "to 55 GWh"), as an attribute conflict weighs against a link.
CHANGE_ROLE_PENALTY = 0.25
# An amount per share or per unit and a total this many times larger or smaller are
# never one figure (unless the gap is a slip: "$3.87 million" written for "$3.87").
PER_UNIT_RATIO = 100.0


def counterpart_score(a: Claim, b: Claim, rate_optional: frozenset[str]) -> float:
    """`quantity_score`, less what tells two figures apart as counterparts: their roles
    in a change ("from X" / "to Y"), or an amount per share set against a total (0)."""
    score = quantity_score(a, b, rate_optional)
    if score <= 0.0:
        return score
    if per_unit_against_total(a, b):
        return 0.0
    if roles_conflict(a, b):
        score -= CHANGE_ROLE_PENALTY
    return max(0.0, score)


def per_unit_against_total(a: Claim, b: Claim) -> bool:
    """Amounts of money, one per share or unit, the other not and far from it in size."""
    va, vb = a.value, b.value
    assert isinstance(va, QuantityValue) and isinstance(vb, QuantityValue)
    if not (va.dimension.startswith("currency") and vb.dimension.startswith("currency")):
        return False
    if not va.magnitude or not vb.magnitude:
        return False
    ratio = max(va.magnitude, vb.magnitude) / min(va.magnitude, vb.magnitude)
    if ratio < PER_UNIT_RATIO or is_slip(va, vb):
        return False
    return per_unit(a) != per_unit(b)


def shared_score(corpus: Corpus, params: Params) -> Callable[[Claim, Claim], float]:
    """`counterpart_score` with these params, each pair scored once per corpus (FC201
    and FC302 link the same draft figures to the same reference figures)."""
    rate_optional = frozenset(params.rate_optional)
    score = partial(counterpart_score, rate_optional=rate_optional)
    return corpus.pair_memo(("counterpart_score", rate_optional), score)


def linkable(params: Params) -> Callable[[Claim, Claim], bool]:
    """The pairs `quantity_score` scores 0 or more: the compatible ones."""
    return partial(quantity_compatible, rate_optional=frozenset(params.rate_optional))


def shared_same(corpus: Corpus, params: Params) -> Callable[[Claim, Claim], bool]:
    """`same` with these params, each pair compared once per corpus."""
    name = ("quantity_same", params.rel_tolerance, params.approx_tolerance)
    return corpus.pair_memo((*name, params.open_bound_factor), partial(same, params))


def shared_clears(corpus: Corpus, params: Params) -> Callable[[Claim, Claim], bool]:
    """`clears` with these params, each pair compared once per corpus."""
    name = ("quantity_clears", params.rel_tolerance, params.approx_tolerance)
    return corpus.pair_memo((*name, params.open_bound_factor), partial(clears, params))


def slip(a: Claim, b: Claim) -> bool:
    assert isinstance(a.value, QuantityValue) and isinstance(b.value, QuantityValue)
    return is_slip(a.value, b.value)


@kind("quantity_mismatch", params=Params, scopes=("cross",), evidence=PAIR_EVIDENCE)
def run(corpus: Corpus, params: Params, ctx: RunContext) -> Iterator[Hit]:
    """Yield a hit for each draft figure whose best-linked reference figure disagrees."""
    found = cross_disagreements(
        corpus,
        "quantity",
        quantity_key,
        shared_score(corpus, params),
        partial(agree, params),
        params.min_score,
        shared_clears(corpus, params),
        slip=slip,
        slip_score=params.slip_score,
        linkable=linkable(params),
    )
    for claim, other, authority in found:
        assert isinstance(claim.value, QuantityValue) and isinstance(other.value, QuantityValue)
        yield Hit(
            location=claim.span,
            sentence=claim.sentence,
            evidence=pair_evidence(claim, other, authority, scale_note(claim.value, other.value)),
            key=(claim.span.text, other.span.text),
            related=(related(other, f'{other.span.doc} says "{other.span.text}" here'),),
            suggestion=other.span.text,
        )
