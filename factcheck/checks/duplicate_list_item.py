"""duplicate_list_item — the same organisation twice in one list.

What it checks: every list of names inside a sentence ("including A, B, C and D")
for two items that are the same name after normalisation (case, punctuation,
accents, legal suffixes such as N.V. or S.A.), exactly or near-exactly.

Why it matters: a doubled name in a list of partners or financiers is a copy-paste
slip that readers notice and that undermines the whole list.

Fails: "banks including Nordbank AG, Banco Rial, Banco Rial and Credit Mutuel Ouest"

Passes: "including ING BANK N.V and ING Sustainable Investments" (distinct names)

Params: `min_similarity` (0-100, default 97): how close two normalised names must
be to count as the same.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz

from factcheck.checks import Hit, kind
from factcheck.checks.common import sentence_at
from factcheck.corpus import DocInput, RunContext
from factcheck.model import Related
from factcheck.normalise.acronyms import defined_acronyms
from factcheck.normalise.gazetteer import Gazetteer, default_gazetteer
from factcheck.normalise.names import same_entity

# An acronym that the text does not define stands for a list item with the same
# initials only from three letters up: two-letter initials coincide too often.
_MIN_GUESSED_ACRONYM = 3


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    min_similarity: float = Field(default=97, ge=50, le=100)


def _normalise(name: str) -> str:
    from factcheck.normalise.names import normalise_name

    return normalise_name(name)


@kind(
    "duplicate_list_item",
    params=Params,
    scopes=("document",),
    evidence=("item", "first", "lead_in", "first_line"),
)
def run(doc: DocInput, params: Params, ctx: RunContext) -> Iterator[Hit]:
    """Yield one hit per repeated item, at the repeat, pointing back to the first."""
    document = doc.document
    gazetteer = ctx.gazetteer if ctx.gazetteer is not None else default_gazetteer()
    acronyms: dict[str, str] | None = None
    for name_list in doc.segmentation.lists:
        kept: list[tuple[str, int, int]] = []
        for start, end in name_list.items:
            key = _normalise(document.text[start:end])
            if not key:
                continue
            if acronyms is None:
                acronyms = defined_acronyms(document.text)
            name = document.text[start:end]
            first = next(
                (
                    k
                    for k in kept
                    if k[0] == key
                    or fuzz.ratio(k[0], key) >= params.min_similarity
                    or _same(document.text[k[1] : k[2]], name, gazetteer, acronyms)
                ),
                None,
            )
            if first is None:
                kept.append((key, start, end))
                continue
            here = document.span(start, end)
            there = document.span(first[1], first[2])
            yield Hit(
                location=here,
                evidence={
                    "item": here.text,
                    "first": there.text,
                    "lead_in": name_list.lead_in,
                    "first_line": there.where,
                },
                key=(key, name_list.lead_in),
                sentence=sentence_at(doc, start),
                related=(
                    Related(
                        span=there,
                        note=f'first listed here as "{there.text}"',
                        sentence=sentence_at(doc, first[1]),
                    ),
                ),
                suggestion="",
            )


def _same(a: str, b: str, gazetteer: Gazetteer, acronyms: dict[str, str]) -> bool:
    """Whether list items `a` and `b` name the same organisation (names.same_entity):
    an acronym and its expansion ("the NIB", "Nordic Investment Bank"), a short form
    ("Lloyds", "Lloyds Banking Group"), the same letters spaced apart ("J.P. Morgan",
    "JPMorgan"), gazetteer aliases."""
    return same_entity(a, b, gazetteer, acronyms=acronyms, min_guessed_acronym=_MIN_GUESSED_ACRONYM)
