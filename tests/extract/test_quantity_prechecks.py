"""Third-round quick rejections of the quantity reader agree with the general code they
guard: the number-word opener test, the two-token unit-surface cut, the clock-suffix
pre-test, and the thousands-group and non-ASCII-digit gates of the tokenizer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import quantity_filters, quantity_tokens, quantity_units
from factcheck.extract.quantity_cues import unit_lookup
from factcheck.extract.quantity_view import TokenView
from factcheck.normalise import numbers
from factcheck.segment import segment

_WORDS = [
    *numbers.UNITS,
    *numbers.TENS,
    *numbers.SCALES,
    *numbers.FRACTIONS,
    "a",
    "an",
    "and",
    "&",
    "-",
    "point",
    "minus",
    "negative",
    "of",
    "the",
    "dozen",
    "dozens",
    "5",
    "1,200",
    "3.5",
    "٣",
    "jobs",
    "x",
]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8))
def test_number_words_are_read_only_after_an_opener(tokens: list[str]) -> None:
    if not numbers.may_start_number_words(tokens[0]):
        assert numbers.read_number_words(tokens) is None


_ATOMS = [
    *" \t\n\u00a0.,-/()[]",
    "GWh",
    "gwh",
    "MW",
    "kWh",
    "square",
    "metres",
    "sq",
    "m",
    "km",
    "per",
    "year",
    "in",
    "jobs",
    "EV",
    "batteries",
    "€",
    "$",
    "US",
    "5",
    "1,200",
    "a",
    "p",
    "am",
    "P.M.",
    "İ",
    "of",
    "the",
]
_texts = st.lists(st.sampled_from(_ATOMS), max_size=25).map("".join)


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_unit_surfaces_beyond_the_cut_are_not_in_the_lexicon(text: str) -> None:
    v = TokenView(text, segment(text))
    for k in range(v.n):
        longest = v.chain(k, quantity_units._LONGEST_UNIT - 1) + 1
        for length in range(quantity_units._longest_surface(v, k) + 1, longest + 1):
            assert unit_lookup(v.text[v.start_of[k] : v.end_of[k + length - 1]]) is None


@settings(max_examples=400, deadline=None)
@given(_texts)
def test_clock_suffix_pre_test_never_hides_a_match(text: str) -> None:
    for end in range(len(text) + 1):
        if quantity_filters._clock_suffix_re().match(text[end : end + 5]):
            assert quantity_filters._clock_suffix_may_follow(text, end)


_NUMBERY = st.lists(
    st.sampled_from([*" 0123456789.,/\u2009\u00a0", "١٢", "²", "½", "000", "1 000", "x"]),
    max_size=20,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_NUMBERY)
def test_thousands_groups_are_merged_only_where_the_gate_lets_them(text: str) -> None:
    toks = quantity_tokens.tokenize(text)
    if quantity_tokens._group_gap_re().search(text) is None:
        # The suffix opens the gate; it lies past every token, so the merge steps see
        # what they would see in `text` itself.
        assert quantity_tokens._space_groups(text + "0 0000", toks) == {}


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_non_ascii_digits_are_found_by_the_regex(text: str) -> None:
    found = quantity_tokens._number_initials(text, dotted=False)
    assert {c for c in text if c.isdigit()} <= found
