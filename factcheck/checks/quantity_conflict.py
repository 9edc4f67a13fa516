"""quantity_conflict — one document gives two different values for the same thing.

What it checks: pairs of quantities inside one document with the same dimension
and counted noun, the same attribute (capacity, funding, jobs…), compatible time
and rate, and closely similar context, whose values cannot both be true.

Why it matters: a press release that says "1,200 jobs" in the lead and "1,500
jobs" in the body will be quoted both ways.

Fails: "The plant will employ 1,200 people. … Its 1,500 employees …" (same
attribute and context).

Passes: "16 GWh today … 50 GWh by 2030" (different time), "1,200 direct and
3,000 indirect jobs" (different modifiers).

Two figures in one sentence are never compared ("2.2 GW in all, of which 1.4 GW
…" gives two different things), and the two contexts must share at least
`min_overlap` of their words: totals of a group and figures of one project, in
different paragraphs, usually do not.

A figure of a named part is not compared with the whole's, nor with another
part's: "Dairy net sales", "International revenue", "the Beverages segment, where
net sales rose…" each have a qualifier (see `qualifier`), and two figures are
compared only when their qualifiers are both empty or share a word. And a figure
under a heading or a list lead that names years ("## Fiscal 2025 highlights",
"For fiscal 2026 the company expects:") is not compared with one whose years
(its own time, else its heading's or lead's) are all different.

Params: `min_score` (default 0.75: stricter than across documents),
`min_overlap` (default 0.3),
`rel_tolerance`, `approx_tolerance`, `rate_optional` as for quantity_mismatch,
`window` (default 200: a figure is compared with at most this many figures of its
kind nearest to it, which keeps huge documents linear).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from functools import partial

from pydantic import BaseModel, ConfigDict, Field

from factcheck.checks import Hit, kind
from factcheck.checks.agreement import (
    exact_quantity_key,
    quantities_agree,
    quantity_score,
    scale_note,
)
from factcheck.checks.common import PAIR_EVIDENCE, pair_evidence, related
from factcheck.checks.figure_scope import FigureScope
from factcheck.corpus import DocInput, RunContext
from factcheck.link import candidates
from factcheck.model import Claim, QuantityValue


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    min_score: float = Field(default=0.75, ge=0, le=1)
    min_overlap: float = Field(default=0.3, ge=0, le=1)
    rel_tolerance: float = Field(default=0.005, ge=0, le=0.5)
    approx_tolerance: float = Field(default=0.1, ge=0, le=0.5)
    rate_optional: list[str] = Field(default_factory=lambda: ["energy"])
    window: int = Field(default=200, ge=2)


def overlap(a: Claim, b: Claim) -> float:
    """Share of context words the two claims have in common (Jaccard)."""
    wa, wb = set(a.context), set(b.context)
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def _key(claim: Claim) -> Hashable | None:
    """Only figures of one attribute and one counted noun are compared, so they share a
    block (inside one document "people" and "jobs" are told apart on purpose)."""
    key = exact_quantity_key(claim)
    return None if key is None else (key, claim.attribute)


@kind("quantity_conflict", params=Params, scopes=("document",), evidence=PAIR_EVIDENCE)
def run(doc: DocInput, params: Params, ctx: RunContext) -> Iterator[Hit]:
    """Yield a hit at the later of two conflicting figures."""
    claims = [c for c in doc.of_kind("quantity") if c.attribute]
    score = partial(quantity_score, rate_optional=frozenset(params.rate_optional))
    scope = FigureScope(doc)
    conflicts = {
        claim.id: other
        for claim, near in candidates(claims, claims, _key, window=params.window)
        if (other := _best_conflict(claim, near, score, params, scope)) is not None
    }
    for claim in claims:
        other = conflicts.get(claim.id)
        if other is None:
            continue
        a, b = claim.value, other.value
        assert isinstance(a, QuantityValue) and isinstance(b, QuantityValue)
        yield Hit(
            location=claim.span,
            sentence=claim.sentence,
            evidence=pair_evidence(claim, other, doc, scale_note(a, b)),
            key=(claim.span.text, other.span.text),
            related=(related(other, f'the document says "{other.span.text}" here'),),
        )


def _best_conflict(
    claim: Claim,
    near: list[Claim],
    score: Callable[[Claim, Claim], float],
    params: Params,
    scope: FigureScope,
) -> Claim | None:
    """The best-linked earlier figure (score >= min_score) that conflicts with `claim`.

    Best is the highest score, then the earliest in the text. Only the figures
    that would conflict are scored: the other tests do not depend on the score.
    """
    top_score, top = 0.0, None
    for other in near:
        if other.id == claim.id or not _could_conflict(claim, other, params):
            continue
        s = score(claim, other)
        if s < params.min_score or not scope.same_subject(claim, other):
            continue
        if top is None or s > top_score or (s == top_score and other.span.start < top.span.start):
            top_score, top = s, other
    return top


def _could_conflict(claim: Claim, other: Claim, params: Params) -> bool:
    """An earlier figure of the same attribute, in another sentence, in a similar
    context, whose value cannot be the same."""
    if other.span.start >= claim.span.start or other.attribute != claim.attribute:
        return False
    if other.sentence.start == claim.sentence.start or overlap(claim, other) < params.min_overlap:
        return False
    a, b = claim.value, other.value
    assert isinstance(a, QuantityValue) and isinstance(b, QuantityValue)
    return not quantities_agree(a, b, params.rel_tolerance, params.approx_tolerance)
