"""Linking cost grows with block sizes, never with the square of the corpus.

Comparisons are counted (factcheck.link.LinkStats), not timed: one reference
checked against N generated drafts, then against 2N.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck import link
from factcheck.api import analyse, run_context
from factcheck.cache import ClaimsCache
from factcheck.checks import default_registry
from factcheck.config import Settings
from factcheck.corpus import Corpus, DocInput
from factcheck.engine import load_rules, run_rules
from factcheck.ingest import document_from_text

REFERENCE = (
    "Lyon, 4 June 2025 - Norvia today opened its second battery plant in Europe, a €1.2 billion "
    "site with 8 GWh of annual capacity that will employ 900 people by 2027. Production starts "
    "in March 2026. “This is a milestone,” said Ana Ruiz, chief executive of Norvia. The "
    "project is financed by banks including BNP Paribas, Crédit Agricole and ING."
)
DRAFTS = [
    "Norvia opened its second battery plant on 4 June 2025. The €1.5 billion site has 8 GWh "
    "of capacity and will employ 1,000 people by 2027. “This is a milestone,” said Ana Ruiz.",
    "The 10 GWh Norvia factory, its third in Europe, cost €1.2 billion. Production starts in "
    "April 2026, with 900 jobs. Lenders include BNP Paribas and HSBC.",
    "Ana Ruiz, CEO of Norvia, said the plant would reach 8 GWh. About 900 people will work "
    "there by 2028, and output begins in March 2026.",
]


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> tuple[DocInput, ClaimsCache, list[str]]:
    """The analysed reference, and a cache holding the analysed draft templates."""
    gazetteer = run_context(Settings()).gazetteer
    ref = analyse(document_from_text(REFERENCE, doc_id="ref.txt", role="reference"), gazetteer)
    cache = ClaimsCache(tmp_path_factory.mktemp("templates"), "k")
    shas = []
    for i, text in enumerate(DRAFTS):
        doc = analyse(document_from_text(text, doc_id=f"t{i}.txt", role="draft"), gazetteer)
        cache.put(doc)
        shas.append(doc.document.sha256)
    return ref, cache, shas


def corpus_of(n: int, templates: tuple[DocInput, ClaimsCache, list[str]]) -> Corpus:
    """The reference and n drafts (the templates in turn, each under its own id)."""
    ref, cache, shas = templates
    drafts = []
    for i in range(n):
        doc = cache.get(shas[i % len(shas)], "text", doc_id=f"draft-{i:05d}.txt", role="draft")
        assert doc is not None
        drafts.append(doc)
    return Corpus(docs=(ref, *drafts))


def _checks_modules() -> Iterator[str]:
    """Check modules that pair claims through `link.candidates` (which `align` uses too)."""
    return (
        name
        for name, mod in list(sys.modules.items())
        if name.startswith("factcheck.checks")
        and getattr(mod, "candidates", None) is link.candidates
    )


def engine_comparisons(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> link.LinkStats:
    """Run every core rule over the corpus, counting the comparisons of every pairing."""
    settings = Settings()
    registry = default_registry()
    rules = load_rules(settings, registry)
    stats = link.LinkStats()
    real = link.candidates

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        return real(*args, **{**kwargs, "stats": stats})

    modules = list(_checks_modules())
    assert modules, "no check module links claims through factcheck.link.candidates"
    for name in modules:
        monkeypatch.setattr(sys.modules[name], "candidates", counted)
    run_rules(rules, corpus, registry, run_context(settings))
    monkeypatch.undo()
    return stats


def test_align_counts_only_pairs_inside_blocks(templates) -> None:  # type: ignore[no-untyped-def]
    from factcheck.checks.agreement import quantity_key

    corpus = corpus_of(6, templates)
    ref = corpus.docs[0]
    stats = link.LinkStats()
    all_pairs = 0
    for draft in corpus.drafts:
        link.align(draft.claims, ref.claims, quantity_key, stats=stats)
        all_pairs += len(draft.claims) * len(ref.claims)
    expected = 0
    for draft in corpus.drafts:
        mine = link.block(draft.claims, quantity_key)
        theirs = link.block(ref.claims, quantity_key)
        expected += sum(len(g) * len(theirs.get(k, [])) for k, g in mine.items())
    assert stats.comparisons == expected
    assert 0 < stats.comparisons < all_pairs


def test_doubling_drafts_doubles_align_comparisons(templates) -> None:  # type: ignore[no-untyped-def]
    from factcheck.checks.agreement import quantity_key

    counts = []
    for n in (30, 60, 120):
        corpus = corpus_of(n, templates)
        stats = link.LinkStats()
        for draft in corpus.drafts:
            link.align(draft.claims, corpus.docs[0].claims, quantity_key, stats=stats)
        counts.append(stats.comparisons)
    assert counts[0] > 0
    assert counts[1] == 2 * counts[0] and counts[2] == 2 * counts[1]


def test_doubling_drafts_doubles_engine_comparisons(templates, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    small = engine_comparisons(corpus_of(15, templates), monkeypatch)
    large = engine_comparisons(corpus_of(30, templates), monkeypatch)
    huge = engine_comparisons(corpus_of(60, templates), monkeypatch)
    assert small.comparisons > 0
    # cost = fixed (the reference checked on its own) + per-draft: each 15 more drafts add
    # the same, so 30 more add twice that (all pairs of the corpus would add 3x then 5x)
    added_15, added_30 = large.comparisons - small.comparisons, huge.comparisons - large.comparisons
    assert added_15 > 0 and added_30 == 2 * added_15
    assert large.comparisons <= 2 * small.comparisons
    # and the largest block does not grow with the number of drafts
    assert huge.largest_block == small.largest_block


def test_repo_seeds_link_within_blocks() -> None:
    """On the real seed pair, linking compares far fewer than all pairs."""
    from factcheck.checks.agreement import quantity_key
    from factcheck.ingest import load_document

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    ref = analyse(load_document(seeds / "verkor-press-release.md", role="reference"))
    art = analyse(load_document(seeds / "verkor-article.txt", role="draft"))
    stats = link.LinkStats()
    link.align(art.claims, ref.claims, quantity_key, stats=stats)
    assert 0 < stats.comparisons < len(art.claims) * len(ref.claims) / 2
