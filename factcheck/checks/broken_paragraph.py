"""broken_paragraph — a paragraph that stops mid-sentence and goes on after a blank line.

What it checks: two consecutive blocks separated by a blank line where the first
ends without closing punctuation and the second begins in lower case.

Why it matters: a stray blank line splits a sentence in two; in print and on the
web it shows as a broken paragraph, and extraction of lists across it fails.

Fails: "… the Hauts-de-France\\n\\nregion, the urban community, …"

Passes: a heading followed by a paragraph; "… as follows:\\n\\n- item".

Params: `max_gap_lines` (default 3): blank lines allowed between the two halves.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from pydantic import BaseModel, ConfigDict, Field

from factcheck.checks import Hit, kind
from factcheck.checks.common import sentence_at
from factcheck.corpus import DocInput, RunContext
from factcheck.model import Related

_CLOSING = ".!?:;…»”\"')]*"


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    max_gap_lines: int = Field(default=3, ge=1, le=20)


def _tail(text: str, words: int = 6) -> str:
    return " ".join(text.split()[-words:])


def _head(text: str, words: int = 6) -> str:
    return " ".join(text.split()[:words])


@kind(
    "broken_paragraph",
    params=Params,
    scopes=("document",),
    evidence=("end", "start", "next_line"),
)
def run(doc: DocInput, params: Params, ctx: RunContext) -> Iterator[Hit]:
    """Yield a hit at the end of each paragraph that continues after a blank line."""
    text = doc.document.text
    blocks = doc.segmentation.blocks
    for before, after in pairwise(blocks):
        if before.kind != "paragraph" or after.kind == "list_item":
            continue
        gap = text[before.end : after.start]
        newlines = gap.count("\n")
        if newlines < 2 or newlines > params.max_gap_lines + 1 or gap.strip():
            continue
        first = text[before.start : before.end].rstrip()
        second = text[after.start : after.end].lstrip()
        if not first or not second or first[-1] in _CLOSING:
            continue
        if not (second[0].isalpha() and second[0].islower()):
            continue
        if not re.search(r"[^\W\d_]", first[-1]) and first[-1] not in ",-–":
            continue
        tail_start = (
            before.start + len(text[before.start : before.end].rstrip()) - len(_tail(first))
        )
        location = doc.document.span(max(before.start, tail_start), before.start + len(first))
        head_end = (
            after.start + (len(text[after.start : after.end]) - len(second)) + len(_head(second))
        )
        continuation = doc.document.span(after.start, min(after.end, head_end))
        yield Hit(
            location=location,
            evidence={"end": _tail(first), "start": _head(second), "next_line": continuation.where},
            key=(_tail(first), _head(second)),
            sentence=sentence_at(doc, location.start),
            related=(
                Related(
                    span=continuation,
                    note="the sentence goes on here",
                    sentence=sentence_at(doc, continuation.start),
                ),
            ),
        )
