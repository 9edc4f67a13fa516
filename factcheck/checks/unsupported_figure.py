"""unsupported_figure — a figure or date in a draft that no reference gives.

What it checks: each quantity and date of a draft for a counterpart in any
reference: a linked claim about the same thing, or an agreeing value in a
similar context. Only runs when documents have roles (a reference is given).

Why it matters: a figure nobody can trace back to the source is either research
the editor must verify or a mistake; either way someone should look.

Fails: draft "a 33 MW contract" when no reference mentions power.

Passes: draft "1,200 direct jobs" when the reference says "1,200 direct jobs".

A count the reference gives with another noun or none ("the remaining 14" for "14
aircraft", "12 jets" for "12 aircraft", "0.8 points" for "0.8 percentage points"), or
a share it gives as a percent ("two in five" for "41%"), counts as given: a figure
the editor can trace is not unsupported.

Params: `min_score` (default 0.55: a link this strong counts as support; the
same value anywhere in the same dimension always does), `kinds` (default
[quantity, date]).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from factcheck.checks import Hit, kind, quantity_mismatch
from factcheck.checks.agreement import any_pair, date_key, dates_equal, interval, quantity_key
from factcheck.checks.common import claim_hit, unsupported
from factcheck.corpus import Corpus, RunContext
from factcheck.link import BlockKey, context_score
from factcheck.model import Claim, ClaimValue, DateValue, QuantityValue

Scorer = Callable[[Claim, Claim], float]
Predicate = Callable[[Claim, Claim], bool]


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    min_score: float = Field(default=0.55, ge=0, le=1)
    kinds: list[Literal["quantity", "date"]] = Field(
        default_factory=lambda: ["quantity", "date"]  # type: ignore[arg-type]
    )


def _dates_equal(a: Claim, b: Claim) -> bool:
    """Support needs the same date; a compatible bound ("by 2035" vs "by 2030") is not enough."""
    assert isinstance(a.value, DateValue) and isinstance(b.value, DateValue)
    return dates_equal(a.value, b.value)


def _vague_or_dateline(value: ClaimValue) -> bool:
    """A vague figure, or the document's own dateline: not reported."""
    if isinstance(value, QuantityValue):
        return value.vague
    return isinstance(value, DateValue) and value.dateline


@kind(
    "unsupported_figure",
    params=Params,
    scopes=("cross",),
    evidence=("claim", "claim_where", "kind"),
)
def run(corpus: Corpus, params: Params, ctx: RunContext) -> Iterator[Hit]:
    """Yield a hit for each draft quantity or date without support in any reference."""
    q_params = quantity_mismatch.Params()
    setups: dict[str, tuple[BlockKey, Scorer, Predicate, Predicate, Predicate | None]] = {
        "quantity": (
            quantity_key,
            quantity_mismatch.shared_score(corpus, q_params),
            quantity_mismatch.shared_same(corpus, q_params),
            quantity_mismatch.linkable(q_params),
            quantity_mismatch.slip,  # a slip is reported by quantity_mismatch, not here
        ),
        "date": (
            date_key,
            corpus.pair_memo("context_score", context_score),
            _dates_equal,
            any_pair,
            None,
        ),
    }
    for claim_kind in params.kinds:
        if claim_kind not in setups:
            continue
        key, score, same, linkable, slip = setups[claim_kind]
        found = unsupported(
            corpus,
            claim_kind,
            key,
            score,
            same,
            params.min_score,
            linkable=linkable,
            slip=slip,
            slip_score=q_params.slip_score,
        )
        counts = _reference_counts(corpus) if claim_kind == "quantity" else []
        for claim, _doc in found:
            if _vague_or_dateline(claim.value) or _count_given(claim.value, counts, q_params):
                continue
            what = "figure" if claim_kind == "quantity" else "date"
            basis = (claim_kind, claim.span.text, " ".join(claim.context[:6]))
            yield claim_hit(claim, basis, kind=what)


def _count_family(value: QuantityValue) -> str | None:
    """Which numbers can stand for one another: counts of anything (any noun or none),
    percentage points and bare "points", shares (a percent, or a fraction word or
    "two in five" as its percent); None for other dimensions."""
    if value.dimension == "count:point" or value.dimension == "percentage_point":
        return "points"
    if value.dimension == "count" or value.dimension.startswith("count:"):
        return "count"
    return "share" if value.dimension in ("percent", "fraction") else None


def _as_stated(value: QuantityValue, approx: float) -> tuple[float, float] | None:
    """The values a figure admits, a fraction as a percent and always approximate
    ("two in five" is said of 41%)."""
    if value.dimension == "fraction" and value.magnitude is not None:
        centre = value.magnitude * 100
        return centre * (1 - approx), centre * (1 + approx)
    return interval(value, approx)


_LOWER = ("at_least", "more_than")


def _reference_counts(corpus: Corpus) -> list[QuantityValue]:
    """The references' stated counts, points and shares (values, and lower bounds)."""
    return [
        c.value
        for doc in corpus.references
        for c in doc.of_kind("quantity")
        if isinstance(c.value, QuantityValue)
        and _count_family(c.value) is not None
        and c.value.bound in ("exact", "approx", *_LOWER)
        and c.value.magnitude is not None
    ]


def _count_given(
    value: ClaimValue, counts: list[QuantityValue], params: quantity_mismatch.Params
) -> bool:
    """Does a reference give this number, whatever it counts? A stated value supports
    a value; a share's lower bound ("at least 35%") supports a lower bound it implies
    ("at least a third")."""
    if not isinstance(value, QuantityValue):
        return False
    family = _count_family(value)
    if family is None or value.bound not in ("exact", "approx", *_LOWER):
        return False
    mine = _as_stated(value, params.approx_tolerance)
    if mine is None:
        return False
    for other in counts:
        if _count_family(other) != family:
            continue
        theirs = _as_stated(other, params.approx_tolerance)
        if theirs is None:
            continue
        if (value.bound in _LOWER) != (other.bound in _LOWER):
            continue  # a value is not given by a bound, nor a bound by a value
        slack = params.rel_tolerance * max(abs(mine[0]), abs(theirs[0]), abs(mine[1]))
        if value.bound in _LOWER:
            if family == "share" and mine[0] <= theirs[0] + slack:
                return True
        elif mine[0] <= theirs[1] + slack and theirs[0] <= mine[1] + slack:
            return True
    return False
