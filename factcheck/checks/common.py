"""Helpers shared by check kinds: evidence for two-sided findings, comparisons by document."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from factcheck.checks import Hit
from factcheck.corpus import Corpus, DocInput
from factcheck.link import BlockKey, Link, align
from factcheck.model import Claim, Related, Span

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
) -> Iterator[tuple[Claim, Claim, DocInput]]:
    """(claim, best-linked other claim, its document) for claims no linked claim agrees with.

    A disagreement needs a strong link (score >= min_score) with which the claim
    does not `agree`. A claim is cleared by any strongly linked claim it agrees
    with, or by any claim of its block at all that gives the `same` value: a
    figure the reference gives somewhere is never reported as contradicting
    another figure. A weaker link (score >= slip_score) is enough when `slip`
    says the two differ in a tell-tale way (a factor of 1,000; the same number in
    another unit).
    """
    same = same or agree
    for doc, authorities in checked_against(corpus):
        claims = list(doc.of_kind(claim_kind))
        best: dict[str, tuple[float, Link, DocInput]] = {}
        agreed: set[str] = set()
        for authority in authorities:
            links = align(claims, authority.of_kind(claim_kind), key, threshold=0.0, score=score)
            for claim_id, found in links.items():
                for link in found:
                    strong = link.score >= min_score
                    if (strong and agree(link.claim, link.other)) or same(link.claim, link.other):
                        agreed.add(claim_id)
                    elif _strong_enough(link, min_score, slip, slip_score) and (
                        claim_id not in best or link.score > best[claim_id][0]
                    ):
                        best[claim_id] = (link.score, link, authority)
        for claim_id, (_, link, authority) in sorted(best.items()):
            if claim_id not in agreed:
                yield link.claim, link.other, authority


def _strong_enough(
    link: Link, min_score: float, slip: Callable[[Claim, Claim], bool] | None, slip_score: float
) -> bool:
    if link.score >= min_score:
        return True
    return slip is not None and link.score >= slip_score and slip(link.claim, link.other)


def unsupported(
    corpus: Corpus,
    claim_kind: str,
    key: BlockKey,
    score: Callable[[Claim, Claim], float],
    same: Callable[[Claim, Claim], bool],
    min_score: float,
) -> Iterator[tuple[Claim, DocInput]]:
    """Claims of non-reference documents that no reference supports.

    A claim is supported by a strongly linked claim (score >= min_score, agreeing
    or not: disagreement is another rule's business) or by any claim of its block
    that gives the `same` value. Only runs when documents have roles.
    """
    if not corpus.has_roles:
        return
    for doc, authorities in checked_against(corpus):
        claims = [c for c in doc.of_kind(claim_kind) if key(c) is not None]
        supported: set[str] = set()
        for authority in authorities:
            links = align(claims, authority.of_kind(claim_kind), key, threshold=0.0, score=score)
            for claim_id, found in links.items():
                if any(link.score >= min_score or same(link.claim, link.other) for link in found):
                    supported.add(claim_id)
        for claim in claims:
            if claim.id not in supported:
                yield claim, doc
