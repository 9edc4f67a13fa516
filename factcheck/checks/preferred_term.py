"""preferred_term — use X, not Y.

What it checks: occurrences of a discouraged spelling or word that has a
preferred replacement (literal, whole-word, case-insensitive by default).

Why it matters: consistent names and spellings ("Dunkirk", not "Dunkerque", in an
English text; "e-mail", not "email") are part of a house style.

Fails: with `swap: {Dunkerque: Dunkirk}`, "the plant in Dunkerque".

Passes: "the plant in Dunkirk".

Params: `swap` (mapping from the discouraged term to the preferred one),
`ignore_case` (default true).
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field

from factcheck.checks import Hit, kind
from factcheck.checks.terms import literal_pattern, term_matches
from factcheck.corpus import DocInput, RunContext


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    swap: dict[str, str] = Field(default_factory=dict)
    ignore_case: bool = True


@kind("preferred_term", params=Params, scopes=("document",), evidence=("found", "preferred"))
def run(doc: DocInput, params: Params, ctx: RunContext) -> Iterator[Hit]:
    """Yield a hit, with the preferred term as suggestion, for each discouraged term."""
    for found, preferred in params.swap.items():
        if not found.strip() or found.casefold() == preferred.casefold():
            continue
        for start, end in term_matches(doc, literal_pattern(found, True), params.ignore_case):
            span = doc.document.span(start, end)
            yield Hit(
                location=span,
                evidence={"found": span.text, "preferred": preferred},
                key=(found, preferred),
                suggestion=preferred,
            )
