"""misattribution — a quote that the reference gives to somebody else.

What it checks: each quote in a draft whose words match (closely or exactly) a
quote of a different speaker in the reference documents, better than any quote
of the named speaker.

Why it matters: putting one person's words in another's mouth is worse than a
misquote: both people have grounds to complain.

Fails: draft quotes X saying words that the press release gives to Y.

Passes: the same words attributed to Y; a quote whose speaker is unknown.

When the words are changed as well, the finding carries the word diff and the
reference's words.

Params: `min_similarity` (0-100, default 85).
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from factcheck.checks import Hit, kind
from factcheck.checks.common import PAIR_EVIDENCE, pair_evidence, related
from factcheck.checks.quotes import contains_in_order, excerpt_diff, fragments, verdicts, words
from factcheck.corpus import Corpus, RunContext
from factcheck.model import QuoteValue

EVIDENCE = (*PAIR_EVIDENCE, "speaker", "other_speaker")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    min_similarity: float = Field(default=85, ge=0, le=100)


@kind("misattribution", params=Params, scopes=("cross",), evidence=EVIDENCE)
def run(corpus: Corpus, params: Params, ctx: RunContext) -> Iterator[Hit]:
    """Yield a hit for each quote whose words belong to another speaker."""
    for v in verdicts(corpus, 60, params.min_similarity):
        if v.status != "misattributed" or v.source is None or v.source_doc is None:
            continue
        assert isinstance(v.claim.value, QuoteValue) and isinstance(v.source.value, QuoteValue)
        other_speaker = v.source.value.speaker or "another speaker"
        evidence = pair_evidence(v.claim, v.source, v.source_doc)
        evidence.update(speaker=v.claim.value.speaker or "unknown", other_speaker=other_speaker)
        theirs = v.excerpt
        altered = not contains_in_order(words(v.source.value.text), fragments(v.claim.value.text))
        said = f'says "{theirs}"' if altered else "says this"
        note = f"{other_speaker} {said} here"
        yield Hit(
            location=v.claim.span,
            sentence=v.claim.sentence,
            evidence=evidence,
            key=(v.claim.value.text, v.claim.value.speaker or "", other_speaker),
            related=(related(v.source, note),),
            suggestion=other_speaker,
            diff=excerpt_diff(v.claim.value.text.rstrip(" ,;:"), theirs) if altered else None,
        )
