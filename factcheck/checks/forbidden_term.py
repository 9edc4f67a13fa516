"""forbidden_term — a word, phrase or pattern that must not appear.

What it checks: every occurrence of the configured terms (literal, whole-word,
case-insensitive by default) or regular expressions.

Why it matters: house style bans some words outright (superlatives nobody can
prove, embargoed names, internal code names).

Fails: with `terms: [world-class]`, "a world-class plant".

Passes: "a large plant".

Params: `terms` (literal words or phrases), `patterns` (regular expressions,
refused when they could backtrack catastrophically), `ignore_case` (default true),
`whole_word` (default true, for `terms`).
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field, field_validator

from factcheck.checks import Hit, kind
from factcheck.checks.terms import literal_pattern, term_matches
from factcheck.corpus import DocInput, RunContext
from factcheck.safe_regex import UnsafePattern, compile_safe


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    terms: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    ignore_case: bool = True
    whole_word: bool = True

    @field_validator("patterns")
    @classmethod
    def _safe(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                compile_safe(pattern)
            except UnsafePattern as exc:
                raise ValueError(f"pattern {pattern!r} refused: {exc}") from None
        return patterns


@kind("forbidden_term", params=Params, scopes=("document",), evidence=("term", "match"))
def run(doc: DocInput, params: Params, ctx: RunContext) -> Iterator[Hit]:
    """Yield a hit for each occurrence of a forbidden term or pattern."""
    sources = [(t, literal_pattern(t, params.whole_word)) for t in params.terms if t.strip()]
    sources += [(p, p) for p in params.patterns]
    for term, pattern in sources:
        for start, end in term_matches(doc, pattern, params.ignore_case):
            span = doc.document.span(start, end)
            yield Hit(
                location=span, evidence={"term": term, "match": span.text}, key=(term, span.text)
            )
