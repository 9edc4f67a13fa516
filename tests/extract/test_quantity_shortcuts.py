"""Second-round shortcuts of the quantity reader agree with what they stand for: the cue
search on lower-cased ASCII windows, the unit-prefix rejection, the backwards list-marker
walk and the tokenizer's number classification."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import (
    quantities,
    quantity_context,
    quantity_filters,
    quantity_shortcut,
    quantity_units,
)
from factcheck.extract.quantity_cues import cues, unit_lookup
from factcheck.extract.quantity_draft import Draft
from factcheck.extract.quantity_tokens import tokenize
from factcheck.extract.quantity_view import TokenView
from factcheck.normalise import numbers
from factcheck.segment import segment

_ATOMS = [
    *" .,-()#>*\t\n_'’",
    "Capacity",
    "CAPACITY",
    "capacity",
    "investment",
    "jobs",
    "JOBS",
    "market share",
    "share",
    "Stake",
    "ſ",  # matches "s" under IGNORECASE
    "ı",  # matches "i" under IGNORECASE
    "\u212a",  # Kelvin sign: matches "k"
    "İ",  # lower-cases to two characters
    "é",
    "5",
    "1,200",
    ".5",
    "½",
    "١٢",
    "GWh",
    "MW",
    "€",
    "(kWh)",
    "per",
    "in",
    "x",
    "2.",
    "3)",
]
_texts = st.lists(st.sampled_from(_ATOMS), max_size=25).map("".join)


@settings(max_examples=400, deadline=None)
@given(_texts, st.integers(0, 40), st.integers(0, 40), st.sampled_from(["percent", "currency:EUR"]))
def test_cue_search_on_lower_cased_windows_finds_what_the_ignorecase_search_finds(
    text: str, a: int, b: int, dimension: str
) -> None:
    attr, only = cues()["attr"], cues()["attribute_dimensions"]
    found = [
        m.group(0).lower()
        for m in quantity_context._cue_pattern().finditer(text, a, b)
        if dimension in only.get(attr[m.group(0).lower()], (dimension,))
    ]
    expect_last = found[-1] if found else None
    expect_first = found[0] if found else None
    assert quantity_context._cues_between(text, a, b, False, dimension) == expect_last
    assert quantity_context._cues_between(text, a, b, True, dimension) == expect_first


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_no_unit_is_found_where_the_prefix_test_rejects(text: str) -> None:
    v = TokenView(text, segment(text))
    for k in range(v.n):
        if quantity_units._no_unit_at(v, k):
            for last in range(k, min(k + 4, v.n)):
                assert unit_lookup(v.text[v.start_of[k] : v.end_of[last]]) is None


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_list_marker_walk_agrees_with_stripping_the_line_lead(text: str) -> None:
    v = TokenView(text, segment(text))
    for j in range(v.n):
        for first in (j, max(j - 1, 0)):
            q = Draft(v.start_of[j], v.end_of[j], 1.0)
            q.first, q.j, q.kn = first, j, j + 1
            lead = v.text[v.line_start(v.start_of[j]) : v.start_of[first]]
            expected = not lead.strip(quantity_filters._LIST_MARKERS)
            assert quantity_filters._marks_only_before(v, q) == expected


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_number_tokens_are_classified_as_number_spans_reads_them(text: str) -> None:
    toks = tokenize(text)
    for kind, tok, value in zip(toks.kind, toks.text, toks.value, strict=True):
        if tok[0].isdigit() or (tok[0] == "." and len(tok) > 1 and kind != "punct"):
            spans = numbers.number_spans(tok)
            assert kind in ("num", "code")
            if len(spans) == 1 and spans[0][:2] == (0, len(tok)):
                assert value == spans[0][2]
        elif tok in numbers.VULGAR:
            assert (kind, value) == ("frac", numbers.VULGAR[tok])


def test_cue_search_falls_back_for_non_ascii_windows() -> None:
    text = "Capacité: the CAPACITY of 5 GW"
    assert quantity_context._cues_between(text, 0, 26, False, "power") == "capacity"
    assert re.search("capacity", text.lower())


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.booleans())
def test_number_initials_are_the_texts_digits_and_fractions(text: str, dotted: bool) -> None:
    # Regression: this set used to be a table of all 1.1 million code points, built at
    # start-up (100 ms of every cold check); it must still hold the same characters.
    from factcheck.extract.quantity_tokens import _FRACTION_CHARS, _number_initials

    expected = {c for c in text if c.isdigit() or c in _FRACTION_CHARS or (dotted and c == ".")}
    assert _number_initials(text, dotted) & set(text) == expected


_YEAR_ATOMS = [
    *" .,;:)(!?-−/\n",
    "2025",
    "1799",
    "1800",
    "2100",
    "2101",
    "in",
    "by",
    "before",
    "over",
    "more than",
    "up to",
    "May",
    "may",
    "MAY",
    "June",
    "Mar",
    "Dec",
    "March",
    "Septembre",
    "September",
    "31",
    "32",
    "0",
    "07",
    "between",
    "and",
    "to",
    "=>",
    ">",
    "<=",
    "€",
    "US$",
    "GWh",
    "jobs",
    "M",
    "b",
    "Section",
    "France",
    "5",
    "a",
    "pm",
    "½",
    "+33 1 23 45 67 89",
    "07 48 10 11 40",
    "555-123-4567",
    "11/12/2025",
    "14:30",
    "http://x.io/5",
    "www.a.io/.5",
    "1/2",
    "١٢",
    "٣",
    ".5",
]
_year_pieces = st.lists(st.sampled_from(_YEAR_ATOMS), max_size=8).map("".join)
# Text around a year-like number, so that every kind of neighbour meets one often.
_year_texts = st.tuples(
    _year_pieces,
    st.sampled_from(["", " ", "  ", "\n"]),
    st.sampled_from(
        [
            *("2025", "1800", "2100", "2101", "1799", "5", "07", "+33 1", "11/12/", "٣"),
            *("www.a.io/.5", "31", "32", "0", "1", "²"),
        ]
    ),
    st.sampled_from(
        [
            *(*".,;:)!?/-(", "”", " ", "M", "b", " GWh", " jobs", "pm", " 23", " 1/2", "/4"),
            *("½", "5", " May", " may", "May", " June", " JUNE", "  March", " Mar", " Dec"),
            *(" September 2024", " June batteries", " May jobs", "\nJune", " Mayor"),
        ]
    ),
    _year_pieces,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(_year_texts)
def test_a_dropped_number_is_what_the_general_reading_drops(text: str) -> None:
    v = TokenView(text, segment(text))
    for i in range(v.n):
        if quantity_shortcut.dropped_number(v, i):
            assert quantities._step(v, i) == (None, i + 1), (text, i)


def test_dropped_numbers_are_found_and_bounded_years_kept() -> None:
    for text, expected in (
        ("Built in 2025. The site", True),
        ("since 2019,” said", True),
        ("over 2025.", False),
        ("-2025.", False),
        ("2025 GWh.", False),
        ("2101.", False),
        ("Call +33 1 23 45 67 89.", True),
        ("on 11/12/2025 at", False),
        ("at 14:30 today", True),
        ("5.", False),
        ("Grenoble, 2 September 2024", True),
        ("on 12 June.", True),
        ("5 MAY", False),
        ("May 5 June", False),
        ("45 June", False),
        ("5 Dec", False),
    ):
        v = TokenView(text, segment(text))
        i = next(k for k in range(v.n) if v.kind_of[k] == "num")
        assert quantity_shortcut.dropped_number(v, i) is expected, text


# Text around a day number and a month name: every neighbour `_day_before_month` must
# look at (a month or "." before, case, units starting like a month) meets one often.
_day_texts = st.tuples(
    st.sampled_from(
        ["", "may ", "May ", "MAY ", "may. ", "June.", ".", "in ", "-", "−", "(", "A", "on", "by"]
    ),
    st.sampled_from(["", " ", "\n", "  "]),
    st.sampled_from(["1", "5", "31", "32", "0", "05", "٣", "2024", "2.5"]),
    st.sampled_from(["", " ", "  ", "   ", "\n", "-"]),
    st.sampled_from(
        ["May", "may", "MAY", "June", "june", "JUNE", "Mar", "Dec", "March", "Mayor", "Ju"]
    ),
    st.sampled_from(["", " 2024", ".", ",", " batteries", " jobs", "-5", " and", " to 7", "s"]),
).map("".join)


@settings(max_examples=600, deadline=None)
@given(_day_texts)
def test_a_dropped_day_number_is_what_the_general_reading_drops(text: str) -> None:
    v = TokenView(text, segment(text))
    for i in range(v.n):
        if quantity_shortcut.dropped_number(v, i):
            assert quantities._step(v, i) == (None, i + 1), (text, i)
