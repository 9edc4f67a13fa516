"""Helpers shared by check kinds: evidence for two-sided findings, comparisons by document."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from factcheck.checks import Hit
from factcheck.checks.agreement import any_pair
from factcheck.corpus import Corpus, DocInput
from factcheck.link import BlockKey, candidates, near_score
from factcheck.model import Claim, Related, Span

Predicate = Callable[[Claim, Claim], bool]

# A claim stated exactly by another claim, linked to it this much better, is that
# claim's counterpart (one-to-one); an even link may still be a repeated figure gone wrong.
TAKEN_MARGIN = 0.1
NEAR_WEIGHT = 0.05  # how much the words next to two figures weigh in choosing a counterpart

PAIR_EVIDENCE = ("claim", "claim_where", "other", "other_where", "other_role", "note")


def role_word(doc: DocInput) -> str:
    return {"reference": "the reference", "draft": "the draft"}.get(
        doc.document.role, "the other document"
    )


def shown(claim: Claim, limit: int = 160) -> str:
    text = " ".join(claim.span.text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def pair_evidence(
    claim: Claim, other: Claim, other_doc: DocInput, note: str = ""
) -> dict[str, str]:
    """Both sides of a discrepancy, quoted and located."""
    same_doc = claim.span.doc == other.span.doc
    return {
        "claim": shown(claim),
        "claim_where": claim.span.where,
        "other": shown(other),
        "other_where": other.span.where,
        "other_role": "elsewhere the same document" if same_doc else role_word(other_doc),
        "note": note,
    }


def sentence_at(doc: DocInput, offset: int) -> Span | None:
    """The located sentence holding a text offset, if any."""
    from factcheck.extract import sentence_of

    sentence = sentence_of(doc.segmentation, offset)
    return doc.document.span(sentence.start, sentence.end) if sentence else None


def claim_hit(claim: Claim, key: tuple[str, ...], **evidence: str) -> Hit:
    """A one-sided hit on a claim: quoted and located, plus the kind's own evidence."""
    return Hit(
        location=claim.span,
        sentence=claim.sentence,
        evidence={"claim": shown(claim), "claim_where": claim.span.where, **evidence},
        key=key,
    )


def related(other: Claim, note: str) -> Related:
    return Related(span=other.span, note=note, sentence=other.sentence)


def checked_against(corpus: Corpus) -> Iterator[tuple[DocInput, list[DocInput]]]:
    """Each checked document with the documents it answers to.

    With roles: every non-reference document against all references. Without:
    each peer against the peers before it, so each pair is compared once.
    """
    if corpus.has_roles:
        refs = list(corpus.references)
        if not refs:
            return
        for doc in corpus.docs:
            if doc.document.role != "reference":
                yield doc, refs
    else:
        for i, doc in enumerate(corpus.docs):
            if i:
                yield doc, list(corpus.docs[:i])


def cross_disagreements(
    corpus: Corpus,
    claim_kind: str,
    key: BlockKey,
    score: Callable[[Claim, Claim], float],
    agree: Callable[[Claim, Claim], bool],
    min_score: float,
    same: Callable[[Claim, Claim], bool] | None = None,
    slip: Callable[[Claim, Claim], bool] | None = None,
    slip_score: float = 1.0,
    *,
    linkable: Callable[[Claim, Claim], bool] | None = None,
    paired_agreement: bool = False,
) -> Iterator[tuple[Claim, Claim, DocInput]]:
    """(claim, best-linked other claim, its document) for claims no linked claim agrees with.

    A disagreement needs a strong link (score >= min_score) with which the claim
    does not `agree`. A claim is cleared by any claim of its block at all that
    gives the `same` value (a figure the reference gives somewhere is never
    reported as contradicting another figure), or by a strongly linked claim it
    agrees with that links at least as well as the best disagreeing one (an open
    "after December 2024" does not clear "14 June" when "15 June" links better).
    A weaker link (score >= slip_score) is enough when `slip` says the two differ
    in a tell-tale way (a factor of 1,000; the same number in another unit).
    Links scoring below 0 do not count at all.

    Matching is one-to-one where it is known: a claim that another claim of the
    document states exactly, and links clearly better (by TAKEN_MARGIN) or stands
    in the same sentence ("an 8% discount rate and a return of 31 per cent"
    against "a return of 31%"), is that claim's counterpart, not a disagreeing
    counterpart of this one, unless the two differ by a slip. (With even links in
    different sentences both may be about one thing: a draft that gives a figure
    right, then wrong.) Among disagreeing links a strongly linked
    slip comes first, then the best score (the words right next to the figures
    count a little: `near_score`; a claim stated exactly by another claim linking
    at least as well counts TAKEN_MARGIN less), then a slip, then the first in the
    text, then the first in the first authority.

    `linkable`, when given, must hold exactly for the pairs scoring 0 or more:
    then a candidate giving the `same` value clears a claim before any scoring.

    With `paired_agreement` the one-to-one matching holds for agreeing claims too:
    one that another claim of the draft states exactly, in the claim's sentence or
    linking clearly better, is that claim's counterpart and clears nothing ("from
    2028 to 2030" against "from 2027 to 2030": the shared end does not clear the
    wrong start).
    """
    same = same or agree
    for doc, authorities in checked_against(corpus):
        claims = doc.blocks(claim_kind, key)
        best: dict[str, tuple[float, Claim, Claim, DocInput]] = {}
        agreed: set[str] = set()
        for authority in authorities:
            theirs = authority.blocks(claim_kind, key)
            pairs = list(candidates(claims, theirs, key))
            taken = _taken(pairs, score, same, linkable)
            for claim, near in pairs:
                cid = claim.id
                if cid in agreed:
                    continue  # cleared: nothing this claim links to can be reported
                if linkable is not None and _gives_same(claim, near, linkable, same):
                    agreed.add(cid)
                    continue
                checks = (agree, None if linkable else same, slip)
                top = _best_disagreement(
                    claim,
                    near,
                    score,
                    checks,
                    (min_score, slip_score),
                    taken,
                    paired_agreement=paired_agreement,
                )
                if top is None:
                    agreed.add(cid)
                elif top[1] is not None and (cid not in best or top[0] > best[cid][0]):
                    best[cid] = (top[0], claim, top[1], authority)
        for claim_id, (_, claim, other, authority) in sorted(best.items()):
            if claim_id not in agreed:
                yield claim, other, authority


@dataclass(frozen=True)
class Stated:
    """How a claim of the other document is stated exactly by checked claims."""

    score: float  # the best link score of a checked claim giving the same value
    sentences: frozenset[tuple[str, int]]  # (doc, sentence start) of those claims


def _sentence_key(claim: Claim) -> tuple[str, int]:
    return claim.span.doc, claim.sentence.start


def _taken(
    pairs: Iterable[tuple[Claim, list[Claim]]],
    score: Callable[[Claim, Claim], float],
    same: Predicate,
    linkable: Predicate | None,
) -> dict[str, Stated]:
    """Other claims stated exactly by some checked claim: id -> best link score and
    the sentences stating it.

    Only pairs giving the `same` value are scored (few), so this costs what the
    clearing by value costs."""
    best: dict[str, float] = {}
    sentences: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for claim, near in pairs:
        cid = claim.id
        for other in near:
            if other.id == cid or (linkable is not None and not linkable(claim, other)):
                continue
            if same(claim, other):
                sentences[other.id].add(_sentence_key(claim))
                if (s := score(claim, other)) > best.get(other.id, -1.0):
                    best[other.id] = s
    return {oid: Stated(s, frozenset(sentences[oid])) for oid, s in best.items()}


def _best_disagreement(
    claim: Claim,
    near: list[Claim],
    score: Callable[[Claim, Claim], float],
    checks: tuple[Predicate, Predicate | None, Predicate | None],
    thresholds: tuple[float, float],
    taken: dict[str, Stated],
    *,
    paired_agreement: bool = False,
) -> tuple[float, Claim | None] | None:
    """None when a candidate clears the claim; else the best disagreeing candidate
    and its score, or (0, None) when there is none.

    `checks` are agree, same (None when already asked) and slip; `thresholds` are
    min_score and slip_score; `taken` as `_taken` gives it; `paired_agreement` as
    for `cross_disagreements`."""
    agree, same, slip = checks
    min_score, slip_score = thresholds
    best_agreeing = -1.0
    top_rank: tuple[bool, float, bool, int] | None = None
    top_score, top = 0.0, None
    for other, s in _scored(claim, near, score):
        if same is not None and same(claim, other):
            return None
        strong = s >= min_score
        if strong and agree(claim, other):
            if not (paired_agreement and _paired_elsewhere(claim, taken.get(other.id), s)):
                best_agreeing = max(best_agreeing, s)
            continue
        slipped = slip is not None and s >= slip_score and slip(claim, other)
        if not (strong or slipped):
            continue
        stated = taken.get(other.id)
        stated_by = stated.score if stated else -1.0
        if not slipped and stated is not None:
            if stated_by >= s + TAKEN_MARGIN:
                continue  # another claim states this one exactly and links clearly better
            if _sentence_key(claim) in stated.sentences:
                continue  # one-to-one within a sentence: a neighbour figure states it exactly
        # Stated exactly by a claim linking at least as well, it yields to a figure
        # nobody states that links about as well (one-to-one: "to 60 GWh, up from 20
        # GWh" against "from 20 GWh to 55 GWh").
        paired = stated_by >= s and not slipped
        # A strongly linked slip (the same digits a factor of 1,000 apart) is rarely
        # a coincidence: it is the counterpart even when another figure links better.
        rank = (
            strong and slipped,
            s + NEAR_WEIGHT * near_score(claim, other) - (TAKEN_MARGIN if paired else 0.0),
            slipped,
            -other.span.start,
        )
        if top_rank is None or rank > top_rank:
            top_rank, top_score, top = rank, s, other
    if best_agreeing >= 0.0 and (top is None or best_agreeing >= top_score):
        return None
    return top_score, top


def _paired_elsewhere(claim: Claim, stated: Stated | None, score: float) -> bool:
    """Another checked claim states this candidate exactly, in the claim's sentence
    or linking clearly better: the candidate is that claim's counterpart."""
    if stated is None:
        return False
    return stated.score >= score + TAKEN_MARGIN or _sentence_key(claim) in stated.sentences


def unsupported(
    corpus: Corpus,
    claim_kind: str,
    key: BlockKey,
    score: Callable[[Claim, Claim], float],
    same: Callable[[Claim, Claim], bool],
    min_score: float,
    *,
    linkable: Callable[[Claim, Claim], bool] | None = None,
    slip: Callable[[Claim, Claim], bool] | None = None,
    slip_score: float = 1.0,
) -> Iterator[tuple[Claim, DocInput]]:
    """Claims of non-reference documents that no reference supports.

    A claim is supported by a strongly linked claim (score >= min_score, agreeing
    or not: disagreement is another rule's business), by any claim of its block
    that gives the `same` value, or by a weaker link (score >= slip_score) that
    `slip` says it differs from in a tell-tale way: that claim has a counterpart,
    and `cross_disagreements` reports it as contradicted, so it is not also reported
    as having none. Only runs when documents have roles.
    `linkable` as for `cross_disagreements`.
    """
    if not corpus.has_roles:
        return
    for doc, authorities in checked_against(corpus):
        blocks = doc.blocks(claim_kind, key)
        blocked = {c.id for group in blocks.values() for c in group}
        claims = [c for c in doc.of_kind(claim_kind) if c.id in blocked]
        supported: set[str] = set()
        for i, authority in enumerate(authorities):
            theirs = authority.blocks(claim_kind, key)
            pending = blocks if not i else [c for c in claims if c.id not in supported]
            for claim, near in candidates(pending, theirs, key):
                if (linkable is not None and _gives_same(claim, near, linkable, same)) or (
                    _supported(
                        claim,
                        near,
                        score,
                        (None if linkable else same, slip),
                        (min_score, slip_score),
                    )
                ):
                    supported.add(claim.id)
        for claim in claims:
            if claim.id not in supported:
                yield claim, doc


def _scored(
    claim: Claim, near: list[Claim], score: Callable[[Claim, Claim], float]
) -> Iterator[tuple[Claim, float]]:
    """The other candidates with their link scores, those the scorer rules out
    (a negative score) left out."""
    for other in near:
        if other.id != claim.id and (s := score(claim, other)) >= 0.0:
            yield other, s


def _supported(
    claim: Claim,
    near: list[Claim],
    score: Callable[[Claim, Claim], float],
    checks: tuple[Predicate | None, Predicate | None],
    thresholds: tuple[float, float],
) -> bool:
    """Some candidate (scoring 0 or more) links strongly, gives the `same` value, or
    is a `slip` away with a link of at least slip_score.

    `checks` are same and slip, `thresholds` min_score and slip_score."""
    same, slip = checks
    min_score, slip_score = thresholds
    for other, s in _scored(claim, near, score):
        if s >= min_score or (same is not None and same(claim, other)):
            return True
        if slip is not None and s >= slip_score and slip(claim, other):
            return True
    return False


def _gives_same(claim: Claim, near: list[Claim], linkable: Predicate, same: Predicate) -> bool:
    """Some candidate that links at all gives the same value (no scoring needed)."""
    cid = claim.id
    if linkable is any_pair:
        return any(same(claim, o) for o in near if o.id != cid)
    return any(same(claim, o) for o in near if o.id != cid and linkable(claim, o))
