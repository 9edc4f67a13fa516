"""The claims cache (factcheck.cache) and the parallel analysis using it (factcheck.parallel)."""

from __future__ import annotations

import multiprocessing
import shutil
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.api import Source, analyse, run_context
from factcheck.cache import ClaimsCache, cache_key, entry_bytes
from factcheck.config import Settings
from factcheck.corpus import DocInput
from factcheck.ingest import document_from_text, load_document
from factcheck.parallel import analyse_all

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TEXT = (
    "Paris, 3 March 2025 - Acme said on Tuesday it will invest €2.5 billion in its "
    "third plant, creating 1,200 direct jobs by 2030. “We are proud,” said Jane Doe, "
    "CEO of Acme. Partners include BNP Paribas, Société Générale and HSBC."
)


def _doc(doc_id: str = "a.txt", role: str = "draft") -> DocInput:
    return analyse(document_from_text(TEXT, doc_id=doc_id, role=role))  # type: ignore[arg-type]


def _spans_docs(doc: DocInput) -> set[str]:
    docs = {c.span.doc for c in doc.claims} | {c.sentence.doc for c in doc.claims}
    for c in doc.claims:
        docs |= {s.doc for s in getattr(c.value, "items", [])}
    return docs


@pytest.fixture
def cache(tmp_path: Path) -> ClaimsCache:
    return ClaimsCache(tmp_path / "cache", "test-key")


def test_hit_returns_what_was_put(cache: ClaimsCache) -> None:
    doc = _doc()
    assert cache.get(doc.document.sha256, "text", doc_id="a.txt", role="draft") is None
    cache.put(doc)
    assert cache.get(doc.document.sha256, "text", doc_id="a.txt", role="draft") == doc


def test_entry_is_compressed_json_not_pickle(cache: ClaimsCache) -> None:
    doc = _doc()
    cache.put(doc)
    raw = zlib.decompress(cache.path_for(doc.document.sha256, "text").read_bytes())
    assert raw.startswith(b"{") and b'"claims":[' in raw


def test_other_format_or_key_is_a_miss(cache: ClaimsCache, tmp_path: Path) -> None:
    doc = _doc()
    cache.put(doc)
    assert cache.get(doc.document.sha256, "markdown", doc_id="a.txt") is None
    assert (
        ClaimsCache(cache.root, "other-key").get(doc.document.sha256, "text", doc_id="a.txt")
        is None
    )


def test_identity_is_rewritten_for_another_path(cache: ClaimsCache) -> None:
    doc = _doc("first/a.txt", "reference")
    cache.put(doc)
    got = cache.get(doc.document.sha256, "text", doc_id="second/b.txt", role="draft")
    assert got is not None
    assert (got.document.id, got.document.path, got.document.role) == ("second/b.txt",) * 2 + (
        "draft",
    )
    assert _spans_docs(got) == {"second/b.txt"}
    assert [c.id.split("#")[1] for c in got.claims] == [c.id.split("#")[1] for c in doc.claims]
    assert all(c.id.startswith("second/b.txt#") for c in got.claims)
    assert got == _doc("second/b.txt", "draft")  # exactly what a fresh analysis gives


@settings(max_examples=40, deadline=None)
@given(
    old=st.text(min_size=1, max_size=12).filter(lambda s: "\x00" not in s),
    new=st.text(min_size=1, max_size=12).filter(lambda s: "\x00" not in s),
)
def test_rewriting_any_ids(tmp_path_factory: pytest.TempPathFactory, old: str, new: str) -> None:
    cache = ClaimsCache(tmp_path_factory.mktemp("c"), "k")
    doc = _doc(old)
    cache.put(doc)
    got = cache.get(doc.document.sha256, "text", doc_id=new, role="draft")
    assert got is not None and got.document.id == new
    assert _spans_docs(got) == {new}
    assert [c.id for c in got.claims] == [new + c.id[len(old) :] for c in doc.claims]
    assert got.document.text == doc.document.text


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b"not zlib at all",
        lambda b: b[: len(b) // 2],
        lambda b: zlib.compress(b"{}"),
        lambda b: zlib.compress(zlib.decompress(b).replace(b'"claims":[', b'"claims":[1,', 1)),
    ],
    ids=["garbage", "truncated", "empty-object", "invalid-claim"],
)
def test_corrupt_entry_is_a_miss(cache: ClaimsCache, damage) -> None:  # type: ignore[no-untyped-def]
    doc = _doc()
    cache.put(doc)
    path = cache.path_for(doc.document.sha256, "text")
    path.write_bytes(damage(path.read_bytes()))
    assert cache.get(doc.document.sha256, "text", doc_id="a.txt") is None


def test_entry_for_other_content_is_not_trusted(cache: ClaimsCache) -> None:
    doc = _doc()
    other = analyse(document_from_text("Revenue rose 5% to €3 million.", doc_id="a.txt"))
    # an entry whose stored sha256 does not match the file name it sits under
    cache.path_for(doc.document.sha256, "text").parent.mkdir(parents=True)
    cache.path_for(doc.document.sha256, "text").write_bytes(entry_bytes(other, cache.key))
    assert cache.get(doc.document.sha256, "text", doc_id="a.txt") is None


def test_unwritable_cache_is_not_an_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = ClaimsCache(blocker / "cache", "k")  # a directory under a regular file
    cache.put(_doc())
    assert cache.get(_doc().document.sha256, "text", doc_id="a.txt") is None


def _hammer(root: str, rounds: int) -> None:
    cache = ClaimsCache(root, "k")
    doc = _doc()
    for _ in range(rounds):
        cache.put(doc)


def test_concurrent_writers_leave_a_valid_entry(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_hammer, args=(str(tmp_path), 30)) for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0]
    cache = ClaimsCache(tmp_path, "k")
    assert cache.get(_doc().document.sha256, "text", doc_id="a.txt", role="draft") == _doc()
    assert not [p for p in cache.dir.iterdir() if p.name.startswith(".tmp-")]


# --- analyse_all -----------------------------------------------------------------


@pytest.fixture
def corpus(tmp_path: Path) -> list[Source]:
    shutil.copy(SEEDS / "verkor-press-release.md", tmp_path / "release.md")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")  # same bytes, other path
    (tmp_path / "c.txt").write_text("Sales rose 12% to 40,000 units in 2024.", encoding="utf-8")
    names = ["release.md", "a.txt", "missing.txt", "b.txt", "c.txt"]
    return [Source(str(tmp_path / n), "reference" if n == "release.md" else None) for n in names]


@pytest.mark.parametrize("jobs", [1, 2])
def test_pool_and_cache_match_plain_analysis(
    corpus: list[Source], tmp_path: Path, jobs: int
) -> None:
    settings = Settings()
    gazetteer = run_context(settings).gazetteer
    expected = analyse_all(corpus, settings, jobs=1, gazetteer=gazetteer)  # no pool, no cache
    cache = ClaimsCache(tmp_path / "cache", cache_key())
    seen: list[tuple[int, int]] = []
    for _ in range(2):  # the first run fills the cache, the second reads it
        got = analyse_all(
            corpus,
            settings,
            jobs=jobs,
            cache=cache,
            gazetteer=gazetteer,
            progress=lambda done, total, path: seen.append((done, total)),
        )
        assert got == expected
    assert seen[-1] == (5, 5)
    assert len(list(cache.dir.iterdir())) == 3  # a.txt and b.txt share an entry


def test_changed_file_is_reanalysed(corpus: list[Source], tmp_path: Path) -> None:
    settings = Settings()
    cache = ClaimsCache(tmp_path / "cache", cache_key())
    analyse_all(corpus, settings, cache=cache)
    Path(corpus[4].path).write_text("Sales fell 3% to 9,000 units in 2023.", encoding="utf-8")
    docs, _ = analyse_all(corpus, settings, cache=cache)
    assert "9,000 units" in {c.span.text for c in docs[-1].claims}
    assert docs[-1] == analyse(load_document(corpus[4].path, role="draft"))


@pytest.mark.parametrize("jobs", [1, 2])
def test_corrupt_entry_is_recomputed_and_repaired(
    corpus: list[Source], tmp_path: Path, jobs: int
) -> None:
    settings = Settings()
    cache = ClaimsCache(tmp_path / "cache", cache_key())
    first, _ = analyse_all(corpus, settings, cache=cache)
    for entry in cache.dir.iterdir():
        entry.write_bytes(zlib.compress(b'{"version": 1, "key": "x"'))
    again, _ = analyse_all(corpus, settings, jobs=jobs, cache=cache)
    assert again == first
    sha = first[0].document.sha256
    assert cache.get(sha, "markdown", doc_id=corpus[0].path, role="reference") == first[0]
