"""misquote — words in quotation marks that differ from what the speaker said.

What it checks: each quote in a draft against the quotes of the same speaker in
the reference documents. Typographic quotes and apostrophes, case, punctuation
and elisions marked with "…" are ignored; any other change of words is shown as
a word-level diff.

Why it matters: a quotation promises the speaker's exact words; changing them,
even to tidy them up, is the error a quoted person complains about first.

Fails: « This is a historic day for Porto, Portugal and Europe », said X — when X
said "Today is a historic day for Porto, for Portugal, and for Europe."

Passes: "a historic day for Porto, for Portugal, … for Europe" (elision).

Params: `min_similarity` (0-100, default 60): below it the quote is not taken
as a version of the source quote (see unsupported-quote).
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from factcheck.checks import Hit, kind
from factcheck.checks.common import PAIR_EVIDENCE, pair_evidence, related
from factcheck.checks.quotes import excerpt_diff, verdicts
from factcheck.corpus import Corpus, RunContext
from factcheck.model import QuoteValue

EVIDENCE = (*PAIR_EVIDENCE, "speaker", "source_words", "similarity")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    min_similarity: float = Field(default=60, ge=0, le=100)


@kind("misquote", params=Params, scopes=("cross",), evidence=EVIDENCE)
def run(corpus: Corpus, params: Params, ctx: RunContext) -> Iterator[Hit]:
    """Yield a hit, with a word diff, for each quote that changes the speaker's words."""
    for v in verdicts(corpus, params.min_similarity, 85):
        if v.status != "misquote" or v.source is None or v.source_doc is None:
            continue
        assert isinstance(v.claim.value, QuoteValue)
        theirs = v.excerpt
        evidence = pair_evidence(v.claim, v.source, v.source_doc)
        evidence.update(
            speaker=v.claim.value.speaker or "the speaker",
            source_words=theirs,
            similarity=f"{v.score:.0f}%",
        )
        yield Hit(
            location=v.claim.span,
            sentence=v.claim.sentence,
            evidence=evidence,
            key=(v.claim.value.text, theirs),
            related=(related(v.source, f'{v.source.span.doc} quotes "{theirs}"'),),
            diff=excerpt_diff(v.claim.value.text.rstrip(" ,;:"), theirs),
        )
