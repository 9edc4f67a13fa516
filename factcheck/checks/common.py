"""Helpers shared by check kinds: evidence for two-sided findings, comparisons by document."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from factcheck.checks import Hit
from factcheck.checks.agreement import any_pair
from factcheck.corpus import Corpus, DocInput
from factcheck.link import BlockKey, candidates
from factcheck.model import Claim, Related, Span

Predicate = Callable[[Claim, Claim], bool]

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
) -> Iterator[tuple[Claim, Claim, DocInput]]:
    """(claim, best-linked other claim, its document) for claims no linked claim agrees with.

    A disagreement needs a strong link (score >= min_score) with which the claim
    does not `agree`. A claim is cleared by any strongly linked claim it agrees
    with, or by any claim of its block at all that gives the `same` value: a
    figure the reference gives somewhere is never reported as contradicting
    another figure. A weaker link (score >= slip_score) is enough when `slip`
    says the two differ in a tell-tale way (a factor of 1,000; the same number in
    another unit). Links scoring below 0 do not count at all. Among disagreeing
    links the best scores highest, then stands first in the text, then first in
    the first authority.

    `linkable`, when given, must hold exactly for the pairs scoring 0 or more:
    then a candidate giving the `same` value clears a claim before any scoring.
    """
    same = same or agree
    for doc, authorities in checked_against(corpus):
        claims = doc.blocks(claim_kind, key)
        best: dict[str, tuple[float, Claim, Claim, DocInput]] = {}
        agreed: set[str] = set()
        for authority in authorities:
            theirs = authority.blocks(claim_kind, key)
            for claim, near in candidates(claims, theirs, key):
                cid = claim.id
                if cid in agreed:
                    continue  # cleared: nothing this claim links to can be reported
                if linkable is not None and _gives_same(claim, near, linkable, same):
                    agreed.add(cid)
                    continue
                checks = (agree, None if linkable else same, slip)
                top = _best_disagreement(claim, near, score, checks, min_score, slip_score)
                if top is None:
                    agreed.add(cid)
                elif top[1] is not None and (cid not in best or top[0] > best[cid][0]):
                    best[cid] = (top[0], claim, top[1], authority)
        for claim_id, (_, claim, other, authority) in sorted(best.items()):
            if claim_id not in agreed:
                yield claim, other, authority


def _best_disagreement(
    claim: Claim,
    near: list[Claim],
    score: Callable[[Claim, Claim], float],
    checks: tuple[Predicate, Predicate | None, Predicate | None],
    min_score: float,
    slip_score: float,
) -> tuple[float, Claim | None] | None:
    """None when a candidate clears the claim; else the best disagreeing candidate
    (highest score, then earliest in the text), or (0, None) when there is none.

    `checks` are agree, same (None when already asked) and slip."""
    agree, same, slip = checks
    cid = claim.id
    top_score, top = 0.0, None
    for other in near:
        if other.id == cid:
            continue
        s = score(claim, other)
        if s < 0.0:
            continue
        strong = s >= min_score
        if (strong and agree(claim, other)) or (same is not None and same(claim, other)):
            return None
        if not (strong or (slip is not None and s >= slip_score and slip(claim, other))):
            continue
        if top is None or s > top_score or (s == top_score and other.span.start < top.span.start):
            top_score, top = s, other
    return top_score, top


def unsupported(
    corpus: Corpus,
    claim_kind: str,
    key: BlockKey,
    score: Callable[[Claim, Claim], float],
    same: Callable[[Claim, Claim], bool],
    min_score: float,
    *,
    linkable: Callable[[Claim, Claim], bool] | None = None,
) -> Iterator[tuple[Claim, DocInput]]:
    """Claims of non-reference documents that no reference supports.

    A claim is supported by a strongly linked claim (score >= min_score, agreeing
    or not: disagreement is another rule's business) or by any claim of its block
    that gives the `same` value. Only runs when documents have roles.
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
                    _supported(claim, near, score, None if linkable else same, min_score)
                ):
                    supported.add(claim.id)
        for claim in claims:
            if claim.id not in supported:
                yield claim, doc


def _supported(
    claim: Claim,
    near: list[Claim],
    score: Callable[[Claim, Claim], float],
    same: Predicate | None,
    min_score: float,
) -> bool:
    """Some candidate (scoring 0 or more) links strongly or gives the `same` value."""
    cid = claim.id
    for other in near:
        if other.id == cid:
            continue
        s = score(claim, other)
        if s >= 0.0 and (s >= min_score or (same is not None and same(claim, other))):
            return True
    return False


def _gives_same(claim: Claim, near: list[Claim], linkable: Predicate, same: Predicate) -> bool:
    """Some candidate that links at all gives the same value (no scoring needed)."""
    cid = claim.id
    if linkable is any_pair:
        return any(same(claim, o) for o in near if o.id != cid)
    return any(same(claim, o) for o in near if o.id != cid and linkable(claim, o))
