"""date_arithmetic — "N years after X" that does not add up.

What it checks: relative dates such as "five years after the company's creation"
against the dates the document itself gives: the date of X (e.g. "Founded in
July 2020") and the document's dateline. The years elapsed between the two must
match N within the tolerance.

Why it matters: anniversaries and "N years after" phrases are computed by hand
and go stale when a draft is reused.

Fails: "ten years after its founding" in a release dated 2025 that says "founded
in 2020".

Passes: "five years after the company's creation" with "Founded in July 2020" and a
December 2025 dateline.

Params: `tolerance_years` (default 1.0).
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from factcheck.checks import Hit, kind
from factcheck.checks.common import claim_hit
from factcheck.corpus import DocInput, RunContext
from factcheck.model import DateValue

EVIDENCE = ("claim", "claim_where", "years", "anchor", "anchor_date", "dateline", "elapsed")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    tolerance_years: float = Field(default=1.0, gt=0, le=10)


def years_between(start_iso: str, end_iso: str) -> float:
    """Years from one ISO date to another, at month precision (mid-year/month when unknown)."""

    def as_months(iso: str) -> float:
        parts = iso.split("-")
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 6.5
        return year * 12 + float(month)

    return (as_months(end_iso) - as_months(start_iso)) / 12


@kind("date_arithmetic", params=Params, scopes=("document",), evidence=EVIDENCE)
def run(doc: DocInput, params: Params, ctx: RunContext) -> Iterator[Hit]:
    """Yield a hit for each relative date whose arithmetic is off by the tolerance or more."""
    dateline = doc.document.dateline or next(
        (
            c.value.iso
            for c in doc.of_kind("date")
            if isinstance(c.value, DateValue) and c.value.dateline
        ),
        None,
    )
    if not dateline:
        return
    for claim in doc.of_kind("date"):
        v = claim.value
        if not isinstance(v, DateValue) or v.offset_years is None or not v.anchor_iso:
            continue
        elapsed = years_between(v.anchor_iso, dateline)
        if abs(elapsed - v.offset_years) < params.tolerance_years:
            continue
        yield claim_hit(
            claim,
            (claim.span.text, v.anchor_iso, dateline[:4]),
            years=str(v.offset_years),
            anchor=v.anchor or "the event",
            anchor_date=v.anchor_iso,
            dateline=dateline,
            elapsed=f"{elapsed:.1f}",
        )
