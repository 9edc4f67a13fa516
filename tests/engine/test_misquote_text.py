"""FC204 quotes the reference's words as written: decimal points, thousands
separators, hyphens and commas survive; the diff ignores punctuation and case."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.checks.quotes import (
    display_words,
    excerpt,
    excerpt_diff,
    fragments,
    similarity,
    words,
)


def _shown(quote: str, source: str) -> str:
    _, (start, end) = similarity(fragments(quote), words(source))
    return excerpt(source, start, end)


def test_figures_keep_their_decimal_points_and_separators():
    source = "We fed 3.6 million families and 12,400 schools, and we are not done."
    quote = "We fed 3.6 million families and 12,400 hospitals"
    assert _shown(quote, source) == "We fed 3.6 million families and 12,400 schools"


def test_hyphens_and_commas_inside_the_quote_are_kept():
    source = "It is a short-haul, low-fare route that pays its way."
    assert _shown("It is a short-haul, high-fare route", source) == (
        "It is a short-haul, low-fare route"
    )


def test_diff_ignores_punctuation_and_shows_the_changed_word():
    ops = excerpt_diff("It is a short-haul high-fare route,", "It is a short-haul, low-fare route")
    assert ("delete", "low-fare") in ops and ("insert", "high-fare") in ops
    assert [op for op, _ in ops].count("equal") == 2


def test_diff_leaves_out_elision_marks():
    ops = excerpt_diff("We grew … fast", "We grew very fast")
    assert ("insert", "…") not in ops and ("delete", "very") in ops


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["river", "4.5", "1,200", "well-known", "O'Neil", "—", "bank,", "(new)"]),
        min_size=1,
        max_size=12,
    ),
    st.data(),
)
def test_excerpt_holds_the_same_words_as_the_window(pieces, data):
    text = " ".join(pieces)
    shown = display_words(text)
    if not shown:
        return
    start = data.draw(st.integers(0, len(shown) - 1))
    end = data.draw(st.integers(start + 1, len(shown)))
    verbatim = excerpt(text, start, end)
    assert verbatim in text
    assert display_words(verbatim) == shown[start:end]
