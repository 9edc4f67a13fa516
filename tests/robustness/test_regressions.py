"""Regression tests for the crashes and blow-ups found by the robustness work.

Each test names the bug it pins down; cost is checked by counting (comparisons), never
by timing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.api import analyse
from factcheck.extract import extract
from factcheck.ingest import document_from_text, load_document, printable_path
from factcheck.ingest.decode import decode_bytes
from factcheck.link import LinkStats, align

LONG = "1" * 5000  # over Python's 4300-digit limit for int(str)


@pytest.mark.parametrize(
    "text",
    [LONG, f"The plant employs {LONG} people.", f"the {LONG}th gigafactory", f"{LONG} GWh by 2030"],
    ids=["bare", "counted", "ordinal", "unit"],
)
def test_digit_run_longer_than_int_limit(text: str) -> None:
    """quantity_filters._date_part called int() on any digit token: ValueError."""
    analyse(document_from_text(text))


def test_invalid_byte_in_utf8_file_keeps_the_utf8() -> None:
    """One stray byte sent the whole file to charset guessing (read as Shift-JIS)."""
    data = "It raised €3 billion in Région Sud".encode() + b" \xff\x92 today."
    text = decode_bytes(data, "x.txt")
    assert text.startswith("It raised €3 billion in Région Sud")
    assert "ÿ’" in text  # the stray bytes, read as Windows-1252
    claims = extract(text)
    assert any(c.kind == "quantity" and "€3 billion" in c.span.text for c in claims)


def test_legacy_file_still_guessed() -> None:
    data = ("Le café de la Région, déjà célèbre, a coûté 3 millions d’euros. " * 3).encode("cp1252")
    assert decode_bytes(data, "x.txt").startswith("Le café de la Région")


def test_non_utf8_file_name_is_printable(tmp_path: Path) -> None:
    """A non-UTF-8 file name (lone surrogates in Python) crashed JSON and SARIF output."""
    path = tmp_path / "caf\udce9.md"
    path.write_text("The plant will reach 16 GWh.\n", encoding="utf-8")
    doc = load_document(str(path))
    assert doc.id.endswith("caf\ufffd.md")
    doc.id.encode("utf-8")  # no surrogates left
    assert doc.path.encode("utf-8")
    assert printable_path("plain/ascii.md") == "plain/ascii.md"
    assert printable_path("\ud800x") == "?x"


def test_window_bounds_comparisons_in_one_block() -> None:
    """quantity_conflict compared every pair of same-kind figures: quadratic on big documents."""
    doc = document_from_text("The plant will employ 1,200 people in the region. " * 300)
    claims = [c for c in analyse(doc).claims if c.kind == "quantity"]
    assert len(claims) == 300

    def key(_: object) -> str:
        return "one block"

    full, windowed = LinkStats(), LinkStats()
    align(claims, claims, key, stats=full)
    links = align(claims, claims, key, stats=windowed, window=20)
    assert full.comparisons == 300 * 300
    assert windowed.comparisons == 300 * 20
    assert all(len(v) <= 20 for v in links.values())
    first = links[claims[0].id]
    assert {link.other.span.start for link in first} == {c.span.start for c in claims[1:20]}


def test_window_keeps_small_blocks_whole() -> None:
    doc = document_from_text("It has 16 GWh. It has 20 GWh. It has 30 GWh.")
    claims = [c for c in analyse(doc).claims if c.kind == "quantity"]
    stats = LinkStats()
    links = align(claims, claims, lambda c: "k", stats=stats, window=200)
    assert stats.comparisons == len(claims) ** 2
    assert all(len(v) == len(claims) - 1 for v in links.values())


def test_list_items_found_without_scanning_every_claim() -> None:
    """build_claims scanned all raw claims for every list (quadratic); items must not change."""
    text = "The project is financed by banks including BNP Paribas, HSBC and ING. " * 50
    claims = extract(text)
    lists = [c for c in claims if c.kind == "list"]
    assert len(lists) == 50
    for lst in lists:
        items = [s.text for s in lst.value.items]  # type: ignore[union-attr]
        assert items == ["BNP Paribas", "HSBC", "ING"]
        assert all(lst.span.start <= s.start < lst.span.end for s in lst.value.items)  # type: ignore[union-attr]


def test_context_reads_a_bounded_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """build_claims read the whole sentence around every claim: quadratic on a long
    sentence with many claims (found by the atheris fuzzer and bench/redos.py)."""
    import factcheck.extract as extract_pkg

    lengths: list[int] = []
    real = extract_pkg.window_words

    def counting(words: re.Pattern[str], text: str, lo: int, hi: int) -> list[str]:
        lengths.append(hi - lo)
        return real(words, text, lo, hi)

    monkeypatch.setattr(extract_pkg, "window_words", counting)
    sentence = "1,200 jobs, " * 2000  # one sentence of 24,000 characters, 2,000 figures
    claims = extract(sentence)
    assert len(claims) >= 1000
    assert lengths and max(lengths) <= 8 * 40
    middle = claims[len(claims) // 2]
    assert "job" in middle.context


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 15)), max_size=30),
    st.integers(0, 70),
    st.integers(1, 15),
)
def test_taken_ranges_match_a_plain_scan(adds: list[tuple[int, int]], a: int, width: int) -> None:
    """entities.find scanned every claimed range per candidate (quadratic; found by the
    atheris fuzzer): the bisect version answers exactly like the scan."""
    from factcheck.extract.entities import _Taken

    taken, plain = _Taken(), []
    for start, length in adds:
        taken.add(start, start + length)
        plain.append((start, start + length))
    b = a + width
    assert taken.overlaps(a, b) == any(x < b and a < y for x, y in plain)


def test_unclosed_html_comment_tail_is_not_fed_to_html_parser() -> None:
    """html.parser rescans to the end for every "<!--" after the last "-->" (quadratic,
    found by bench/redos.py): the unclosed tail is cut off first, as a browser hides it."""
    from factcheck.ingest import Limits
    from factcheck.ingest.html import _unclosed_comment, parse_html

    page = "<p>a --> b</p><!-- c --><p>Intro 16 GWh.</p>" + "<!--" * 5000
    assert _unclosed_comment(page) == page.index("<!--", page.index("-->", 15) + 3)
    assert _unclosed_comment("<p>x</p>") == len("<p>x</p>")
    assert parse_html(page, "x.html", Limits()).text == "a --> b\n\nIntro 16 GWh."


def test_unclosed_markdown_comments_stay_literal() -> None:
    """Each unclosed "<!--" searched the rest of the file for "-->" (quadratic)."""
    from factcheck.ingest.markdown import parse_markdown

    text = "Intro 16 GWh. " + "<!--" * 5000
    assert parse_markdown(text).text == text
    assert parse_markdown("a <!-- b --> c <!-- d").text.split() == ["a", "c", "<!--", "d"]


def test_claims_keep_a_bounded_sentence() -> None:
    """Every claim stored its whole sentence: a 200 KB run-on block with thousands of
    claims took gigabytes (found by the atheris fuzzer as an out-of-memory)."""
    from factcheck.extract import MAX_SENTENCE

    claims = extract("It has 16 GWh and 1,200 jobs, " * 4000)  # one 120,000-character sentence
    assert len(claims) >= 4000
    assert all(len(c.sentence.text) <= MAX_SENTENCE + len(c.span.text) for c in claims)
    assert all(c.sentence.start <= c.span.start and c.span.end <= c.sentence.end for c in claims)
    short = extract("It has 16 GWh. It employs 1,200 people.")
    assert [c.sentence.text for c in short] == ["It has 16 GWh.", "It employs 1,200 people."]


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("café Région du Sud, 3 millions €.", "cp1252"),
        ("abc \xff def", "latin-1"),
        ("Привет, это текст на русском языке о заводе.", "cp1251"),
    ],
)
def test_short_legacy_texts_decode_right(text: str, encoding: str) -> None:
    """Short Windows-1252 text was read as Arabic presentation forms by the guesser."""
    from factcheck.ingest.decode import decode_bytes

    assert decode_bytes(text.encode(encoding), "x.txt") == text
