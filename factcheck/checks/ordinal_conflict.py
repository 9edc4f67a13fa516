"""ordinal_conflict — "first", "third" claims that cannot all be true.

What it checks: ordinal claims of the same category (plant, gigafactory, battery
factory… share one family) with their scope. Inside one document: the same scope
with different ranks, or a better rank in a larger scope than in a place inside
it ("first in France" but "third in this Region"). Across documents also a
restated claim whose scope changed ("Europe's third" where the source says "the
third in this Region").

Why it matters: "first", "largest", "third" are the claims readers repeat; a
changed scope turns a true claim into a false one.

Fails: "the first French battery plant" and "the third in this Region" in one
release; draft "Europe's third gigafactory" against "the third in this Region".

Passes: "its first gigafactory" (owner scope) beside "Europe's third
gigafactory"; "first in France" beside "third in Europe"; ranks by different
measures ("Europe's largest" beside "Europe's third"); in one document,
superlative ranks of differently named subjects ("Harbour Point is Scotland's
largest…", "Gull Rock will be Scotland's second-largest…"). Inside one
document an owner's rank of a noun outside the families ("its first attempt",
"its second attempt") counts different things and is not compared; across
documents it is.

Streaks ("for the fifth consecutive year", "a fourth year in a row") compare only
with streaks of the same unit, and only across documents.

Params: `scope` handling needs no params; `min_category_match` is reserved.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache

from pydantic import BaseModel, ConfigDict

from factcheck.checks import Hit, kind
from factcheck.checks.common import PAIR_EVIDENCE, checked_against, pair_evidence, related
from factcheck.checks.ordinals import category_of, conflict, describe, measure_of
from factcheck.corpus import Corpus, DocInput, RunContext
from factcheck.extract.ordinals import STREAK, vocab
from factcheck.link import block
from factcheck.model import Claim, OrdinalValue

EVIDENCE = (*PAIR_EVIDENCE, "reason", "claim_reading", "other_reading")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


@cache
def _places() -> tuple[Callable[[str, str], bool], Callable[[str, str], bool | None]]:
    from factcheck.normalise.places import _key, default_places

    places = default_places()

    def same_place(a: str, b: str) -> bool:
        pa, pb = places.lookup(a), places.lookup(b)
        if pa is not None and pb is not None:
            return pa.name == pb.name
        return _key(a) == _key(b)

    return same_place, places.contains


def _hit(claim: Claim, other: Claim, other_doc: DocInput, reason: str) -> Hit:
    a, b = claim.value, other.value
    assert isinstance(a, OrdinalValue) and isinstance(b, OrdinalValue)
    evidence = pair_evidence(claim, other, other_doc)
    evidence.update(reason=reason, claim_reading=describe(a), other_reading=describe(b))
    return Hit(
        location=claim.span,
        sentence=claim.sentence,
        evidence=evidence,
        key=(claim.span.text, other.span.text),
        related=(related(other, f'"{other.span.text}": {describe(b)}'),),
    )


_NAME = re.compile(r"\b[A-Z][\w&'’-]*")
_CLAUSE_BREAK = re.compile(r"[,;:—–(]|\b(?:and|but|while|whereas)\b")
# capitalised words that do not name a subject
_NOT_NAMES = frozenset(
    "The A An It Its This That These Those They Their He She His Her We Our When Once "
    "After Before In On At By With And But According As If While Now Today".split()
)


# a name and the comma of an appositive right before a claim: "…, after Mount Carrow, "
_APPOSITIVE = re.compile(
    r"(?<=[\w,;:—–(] )((?:[A-Z][\w&'’-]*[ \t]+){0,3}[A-Z][\w&'’-]*)[ \t]*,[ \t]*(?:the[ \t]+)?$"
)


def _names_before(claim: Claim) -> frozenset[str]:
    """The capitalised words of the claim's clause before it, its likely subject
    ("Fosen is Norway's largest …, and Tarn Ridge will be its second-largest …" →
    {Tarn, Ridge} for the second claim). A claim in apposition to a name inside the
    sentence ranks that name: "…, after Mount Carrow, the world's largest mine" →
    {Mount, Carrow}."""
    sentence = claim.sentence
    return _names_before_offset(sentence.text, max(0, claim.span.start - sentence.start))


@lru_cache(maxsize=4096)
def _names_before_offset(sentence: str, offset: int) -> frozenset[str]:
    """The likely subject names in `sentence` before `offset` (see `_names_before`);
    memoised: each claim is paired with many others."""
    head = sentence[:offset]
    appositive = _APPOSITIVE.search(head, max(0, len(head) - 80))
    if appositive:
        names = frozenset(w for w in _NAME.findall(appositive.group(1)) if w not in _NOT_NAMES)
        if names:
            return names
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(head)), default=0)
    return frozenset(w for w in _NAME.findall(head, cut) if w not in _NOT_NAMES)


def _other_subjects(a: Claim, b: Claim) -> bool:
    """Superlative ranks whose sentences name different subjects before them: "Harbour
    Point is Scotland's largest" and "Gull Rock is its second-largest" both hold."""
    va, vb = a.value, b.value
    assert isinstance(va, OrdinalValue) and isinstance(vb, OrdinalValue)
    if not measure_of(va) or measure_of(va).startswith("ranked"):
        return False
    names_a, names_b = _names_before(a), _names_before(b)
    return bool(names_a) and bool(names_b) and names_a != names_b


def _why(a: Claim, b: Claim, *, restated: bool) -> str | None:
    """Why two ordinal claims cannot both hold, or None."""
    same_place, contains = _places()
    va, vb = a.value, b.value
    assert isinstance(va, OrdinalValue) and isinstance(vb, OrdinalValue)
    if not restated and va.scope_kind == "owner" and not _family(a):
        return None  # "its first attempt", "its second attempt": two attempts
    if _streak(va) or _streak(vb):
        return _streak_conflict(va, vb, restated=restated)
    if not restated and _other_subjects(a, b):
        return None
    return conflict(va, vb, same_place=same_place, contains=contains, restated=restated)


def _streak(v: OrdinalValue) -> bool:
    """Whether the claim counts a streak ("the fifth consecutive year")."""
    return v.category.startswith(f"{STREAK} ")


def _streak_conflict(a: OrdinalValue, b: OrdinalValue, *, restated: bool) -> str | None:
    """Streaks compare only with streaks of the same unit, and only across documents:
    one document's streaks count different things ("sales grew for a fifth consecutive
    year and dividends for a third")."""
    if not restated or a.category != b.category or a.rank == b.rank:
        return None
    unit = a.category.split()[-1]
    return f"{a.rank} {unit}s in a row, not {b.rank}"


def _family(claim: Claim) -> bool:
    """Whether the claim's category belongs to a family of rankable nouns."""
    return category_of(claim) in vocab().families


@kind("ordinal_conflict", params=Params, scopes=("document", "cross"), evidence=EVIDENCE)
def run(target: DocInput | Corpus, params: Params, ctx: RunContext) -> Iterator[Hit]:
    """Document scope: conflicts inside one document. Cross scope: draft against reference."""
    if isinstance(target, DocInput):
        for claims in block(target.of_kind("ordinal"), category_of).values():
            for i, claim in enumerate(claims):
                for other in claims[:i]:
                    reason = _why(claim, other, restated=False)
                    if reason:
                        yield _hit(claim, other, target, reason)
                        break
        return
    for doc, authorities in checked_against(target):
        mine = block(doc.of_kind("ordinal"), category_of)
        for authority in authorities:
            theirs = block(authority.of_kind("ordinal"), category_of)
            for cat, claims in mine.items():
                for claim in claims:
                    reasons = [(o, _why(claim, o, restated=True)) for o in theirs.get(cat, [])]
                    if any(r is None and _comparable(claim, o) for o, r in reasons):
                        continue
                    hit = next(((o, r) for o, r in reasons if r), None)
                    if hit:
                        yield _hit(claim, hit[0], authority, hit[1])


def _comparable(a: Claim, b: Claim) -> bool:
    """Two ordinals that restate each other (same rank, measure and kind of scope)."""
    va, vb = a.value, b.value
    assert isinstance(va, OrdinalValue) and isinstance(vb, OrdinalValue)
    return (
        va.rank == vb.rank and va.scope_kind == vb.scope_kind and measure_of(va) == measure_of(vb)
    )
