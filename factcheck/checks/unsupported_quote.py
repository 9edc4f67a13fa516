"""unsupported_quote — a quote in a draft that no reference contains.

What it checks: each quote (not a scare-quoted term) of a draft that matches no
quote of any reference, neither verbatim nor closely enough to be a misquote or
a misattribution. Only runs when documents have roles.

Why it matters: a quote the editor cannot trace to the source must come from an
interview or another source, and should be checked with the speaker.

Fails: a draft quote whose words appear nowhere in the press release.

Passes: a verbatim quote; a term in quotation marks (« battery valley »).

Params: `min_similarity` (0-100, default 60): the misquote threshold.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from factcheck.checks import Hit, kind
from factcheck.checks.common import claim_hit
from factcheck.checks.quotes import verdicts
from factcheck.corpus import Corpus, RunContext
from factcheck.model import QuoteValue


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    min_similarity: float = Field(default=60, ge=0, le=100)


@kind(
    "unsupported_quote",
    params=Params,
    scopes=("cross",),
    evidence=("claim", "claim_where", "speaker"),
)
def run(corpus: Corpus, params: Params, ctx: RunContext) -> Iterator[Hit]:
    """Yield a hit for each draft quote no reference supports."""
    if not corpus.has_roles:
        return
    for v in verdicts(corpus, params.min_similarity, 85):
        if v.status != "unsupported":
            continue
        assert isinstance(v.claim.value, QuoteValue)
        speaker = v.claim.value.speaker or "an unnamed speaker"
        yield claim_hit(v.claim, (v.claim.value.text,), speaker=speaker)
