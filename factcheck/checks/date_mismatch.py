"""date_mismatch — a date that disagrees with the same date in a reference.

What it checks: each date in a draft against the reference dates that speak of
the same event (similar context), at the coarser of the two granularities
("11 December 2025" agrees with "December 11, 2025" and with "2025"), with open
bounds respected ("by 2030" admits 2028). A reference date elsewhere clears a
draft date only when it gives it at least as precisely (the "2025" of "fiscal
year 2025" says nothing of "1 November 2025"), and an agreeing open bound only
when it links at least as well as the best disagreeing date.

Why it matters: a wrong date of an opening, a launch or a deadline misleads
readers and is easy to check.

Fails: draft "inaugurated on 12 December 2025" against reference "December 11,
2025 – X today inaugurates".

Passes: "On 11 December 2025, X inaugurated" against the same reference.

Params: `min_score` (link score 0-1, default 0.6).
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from factcheck.checks import Hit, kind
from factcheck.checks.agreement import any_pair, claim_date_given_by, date_key, dates_agree
from factcheck.checks.common import PAIR_EVIDENCE, cross_disagreements, pair_evidence, related
from factcheck.corpus import Corpus, RunContext
from factcheck.link import context_score
from factcheck.model import Claim, DateValue


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    min_score: float = Field(default=0.6, ge=0, le=1)


def agree(a: Claim, b: Claim) -> bool:
    assert isinstance(a.value, DateValue) and isinstance(b.value, DateValue)
    return dates_agree(a.value, b.value)


def same(a: Claim, b: Claim) -> bool:
    """`b` gives the date `a` states, at least as precisely: only then does a
    reference date clear a draft date wherever it stands. A period inside a year
    counts: "by 2027" does not give "the fourth quarter of 2027"."""
    return claim_date_given_by(a, b)


@kind("date_mismatch", params=Params, scopes=("cross",), evidence=PAIR_EVIDENCE)
def run(corpus: Corpus, params: Params, ctx: RunContext) -> Iterator[Hit]:
    """Yield a hit for each draft date whose best-linked reference date disagrees."""
    for claim, other, authority in cross_disagreements(
        corpus,
        "date",
        date_key,
        corpus.pair_memo("context_score", context_score),
        agree,
        params.min_score,
        same,
        linkable=any_pair,
        paired_agreement=True,
    ):
        yield Hit(
            location=claim.span,
            sentence=claim.sentence,
            evidence=pair_evidence(claim, other, authority),
            key=(claim.span.text, other.span.text),
            related=(related(other, f'{other.span.doc} says "{other.span.text}" here'),),
            suggestion=other.span.text,
        )
