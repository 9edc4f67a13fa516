"""unsupported_figure — a figure or date in a draft that no reference gives.

What it checks: each quantity and date of a draft for a counterpart in any
reference: a linked claim about the same thing, or an agreeing value in a
similar context. Only runs when documents have roles (a reference is given).

Why it matters: a figure nobody can trace back to the source is either research
the editor must verify or a mistake; either way someone should look.

Fails: draft "a 33 MW contract" when no reference mentions power.

Passes: draft "1,200 direct jobs" when the reference says "1,200 direct jobs".

Params: `min_score` (default 0.55: a link this strong counts as support; the
same value anywhere in the same dimension always does), `kinds` (default
[quantity, date]).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from factcheck.checks import Hit, kind, quantity_mismatch
from factcheck.checks.agreement import any_pair, date_key, dates_equal, quantity_key
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
        for claim, _doc in found:
            if _vague_or_dateline(claim.value):
                continue
            what = "figure" if claim_kind == "quantity" else "date"
            basis = (claim_kind, claim.span.text, " ".join(claim.context[:6]))
            yield claim_hit(claim, basis, kind=what)
