"""Work the checks share: per-document memos, per-corpus pair memos, and the
`linkable` shortcut (a `same` value clears a claim before any scoring)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.api import analyse, run_context
from factcheck.checks.agreement import (
    any_pair,
    quantity_compatible,
    quantity_key,
    quantity_score,
)
from factcheck.config import Settings
from factcheck.corpus import Corpus, DocInput
from factcheck.ingest import load_document
from factcheck.link import block, candidates, context_score
from factcheck.model import Claim

ROOT = Path(__file__).resolve().parent.parent.parent
RATE_OPTIONAL = frozenset({"energy"})


@pytest.fixture(scope="module")
def seeds() -> tuple[DocInput, DocInput]:
    gazetteer = run_context(Settings()).gazetteer
    ref = load_document(ROOT / "seeds/verkor-press-release.md", role="reference")
    art = load_document(ROOT / "seeds/verkor-article.txt", role="draft")
    return analyse(ref, gazetteer), analyse(art, gazetteer)


def test_of_kind_and_blocks_match_the_claims(seeds: tuple[DocInput, DocInput]) -> None:
    ref, _ = seeds
    for kind in ("quantity", "date", "quote", "nothing"):
        assert list(ref.of_kind(kind)) == [c for c in ref.claims if c.kind == kind]
    blocks = ref.blocks("quantity", quantity_key)
    assert blocks == dict(block(ref.of_kind("quantity"), quantity_key))
    assert ref.blocks("quantity", quantity_key) is blocks  # worked out once


def test_candidates_take_blocked_or_plain_claims(seeds: tuple[DocInput, DocInput]) -> None:
    ref, art = seeds
    plain = list(candidates(art.of_kind("quantity"), ref.of_kind("quantity"), quantity_key))
    blocked = list(
        candidates(
            art.blocks("quantity", quantity_key), ref.blocks("quantity", quantity_key), quantity_key
        )
    )
    assert plain == blocked and plain


def test_linkable_predicates_match_the_scores(seeds: tuple[DocInput, DocInput]) -> None:
    """`linkable` must hold exactly for the pairs scoring 0 or more."""
    ref, art = seeds
    quantities = [*art.of_kind("quantity"), *ref.of_kind("quantity")]
    pairs = [(a, b) for a in quantities for b in quantities if quantity_key(a) == quantity_key(b)]
    assert any(not quantity_compatible(a, b, RATE_OPTIONAL) for a, b in pairs)
    for a, b in pairs:
        score = quantity_score(a, b, RATE_OPTIONAL)
        assert (score >= 0) == quantity_compatible(a, b, RATE_OPTIONAL)
    dates = [*art.of_kind("date"), *ref.of_kind("date")]
    assert all(context_score(a, b) >= 0 and any_pair(a, b) for a in dates for b in dates)


def test_pair_memo_computes_each_pair_once_with_roles(seeds: tuple[DocInput, DocInput]) -> None:
    ref, art = seeds
    calls: list[tuple[str, str]] = []

    def score(a: Claim, b: Claim) -> float:
        calls.append((a.id, b.id))
        return 0.5

    corpus = Corpus(docs=seeds)
    a, b = art.claims[0], ref.claims[0]
    first = corpus.pair_memo("s", score)
    again = corpus.pair_memo("s", score)  # another rule asking for the same scores
    assert first(a, b) == again(a, b) == again(a, b) == 0.5
    assert calls == [(a.id, b.id)]
    assert again(b, a) == 0.5 and len(calls) == 2  # pairs are ordered


def test_pair_memo_is_off_without_roles(seeds: tuple[DocInput, DocInput]) -> None:
    """Peers are compared pairwise: a memo would grow with the square of the corpus."""
    peers = tuple(
        DocInput(d.document.model_copy(update={"role": "peer"}), d.segmentation, d.claims)
        for d in seeds
    )
    assert Corpus(docs=peers).pair_memo("s", context_score) is context_score


def test_quote_verdicts_are_shared_by_the_quote_rules(seeds: tuple[DocInput, DocInput]) -> None:
    from factcheck.checks.quotes import verdicts

    corpus = Corpus(docs=seeds)
    first = list(verdicts(corpus, 60, 85))
    assert first
    assert all(a is b for a, b in zip(first, verdicts(corpus, 60, 85), strict=True))
    assert list(verdicts(Corpus(docs=seeds), 60, 85)) == first
