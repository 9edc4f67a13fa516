"""title_conflict — one person given two different titles.

What it checks: the titles attached to each person (by full name, ignoring
accents and case). Inside one document (FC104) and across documents (FC206,
draft against reference). Connectors, punctuation, parenthesised acronyms,
place exonyms from the gazetteer (Dunkirk = Dunkerque) and title synonyms
(CEO = Chief Executive Officer) are ignored; a title that merely leaves words out
of the other is not a conflict.

Why it matters: a minister's or chairman's exact title is checked by their
office; getting it wrong is a correction waiting to happen.

Fails: "Jane Doe, Chairman of the Aarhus Urban Community" against
"Jane Doe, President of the Aarhus Urban Community".

Passes: "President of the Dunkerque Urban Community" against "President of the
Dunkirk Urban Community"; "Minister of X" against "minister for X".

Params: none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator

from pydantic import BaseModel, ConfigDict

from factcheck.checks import Hit, kind
from factcheck.checks.common import PAIR_EVIDENCE, checked_against, pair_evidence, related
from factcheck.checks.titles import person_key, titles_conflict, word_diff
from factcheck.corpus import Corpus, DocInput, RunContext
from factcheck.model import Claim, RoleValue

EVIDENCE = (*PAIR_EVIDENCE, "person", "title", "other_title")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


def _by_person(doc: DocInput) -> dict[str, list[Claim]]:
    people: dict[str, list[Claim]] = defaultdict(list)
    for claim in doc.of_kind("role"):
        assert isinstance(claim.value, RoleValue)
        people[person_key(claim.value.person)].append(claim)
    return people


def _hit(claim: Claim, other: Claim, other_doc: DocInput) -> Hit:
    a, b = claim.value, other.value
    assert isinstance(a, RoleValue) and isinstance(b, RoleValue)
    evidence = pair_evidence(claim, other, other_doc)
    evidence.update(person=a.person, title=a.title, other_title=b.title)
    return Hit(
        location=claim.span,
        sentence=claim.sentence,
        evidence=evidence,
        key=(person_key(a.person), a.title, b.title),
        related=(related(other, f'{b.person} is "{b.title}" here'),),
        diff=word_diff(a.title, b.title),
        suggestion=b.title,
    )


@kind("title_conflict", params=Params, scopes=("document", "cross"), evidence=EVIDENCE)
def run(target: DocInput | Corpus, params: Params, ctx: RunContext) -> Iterator[Hit]:
    """Document scope: two titles in one document. Cross scope: draft against reference."""
    alias = ctx.canonical_tokens
    if isinstance(target, DocInput):
        for claims in _by_person(target).values():
            for i, claim in enumerate(claims):
                other = next(
                    (
                        o
                        for o in claims[:i]
                        if not _same_mention(claim, o) and _conflict(claim, o, alias)
                    ),
                    None,
                )
                if other is not None:
                    yield _hit(claim, other, target)
        return
    for doc, authorities in checked_against(target):
        for person, claims in _by_person(doc).items():
            for claim in claims:
                theirs = [(o, a) for a in authorities for o in _by_person(a).get(person, [])]
                if not theirs or any(not _conflict(claim, o, alias) for o, _ in theirs):
                    continue
                other, authority = max(theirs, key=lambda pair: _closeness(claim, pair[0]))
                yield _hit(claim, other, authority)


def _same_mention(a: Claim, b: Claim) -> bool:
    """Two titles of one mention ("Professor Jane Doe, Head of …") overlap in the text."""
    return a.span.start < b.span.end and b.span.start < a.span.end


def _closeness(a: Claim, b: Claim) -> float:
    """How alike two titles read, to quote the reference title closest to the draft's."""
    from rapidfuzz import fuzz

    assert isinstance(a.value, RoleValue) and isinstance(b.value, RoleValue)
    return fuzz.ratio(a.value.title.casefold(), b.value.title.casefold())


def _conflict(a: Claim, b: Claim, alias: Callable[[str], tuple[str, ...]]) -> bool:
    va, vb = a.value, b.value
    assert isinstance(va, RoleValue) and isinstance(vb, RoleValue)
    return titles_conflict(va.title, vb.title, alias)
