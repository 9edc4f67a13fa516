"""Third-round quick rejections of the quantity reader agree with the general code they
guard: the number-word opener test, the two-token unit-surface cut, the clock-suffix
pre-test, and the thousands-group and non-ASCII-digit gates of the tokenizer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import (
    quantity_cues,
    quantity_filters,
    quantity_numerals,
    quantity_tokens,
    quantity_units,
)
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


_PREFIXY = st.lists(
    st.sampled_from(
        [
            *" $.-5",
            "a",
            "A",
            "a$",
            "A$",
            "AU",
            "au$",
            "aud",
            "AUD",
            "u.s.",
            "US",
            "us",
            "hk ",
            "c",
            "C",
            "€",
            "zł",
            "Rs",
            "MUSD",
            "MEUR",
            "Mxyz",
            "year",
            "5m",
            "an",
            "dozen",
            "few",
            "half",
            "two",
            "Ten",
            "minus",
            "SFr",
            "Fr.",
            "UK£",
        ]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_PREFIXY)
def test_currency_openers_are_dropped_only_where_no_prefix_is_read(text: str) -> None:
    v = TokenView(text, segment(text))
    candidates = set(v.candidates())
    for i in range(v.n):
        if i not in candidates and v.kind_of[i] in ("punct", "word"):
            assert quantity_numerals.currency_prefix(v, i) is None, (text, i)


def _reference_openers(text: str) -> list[int]:
    """`opening_tokens` as first written: three plain passes and a direct prefix test."""
    toks = quantity_tokens.tokenize(text)
    n, low = len(toks), toks.low
    prefixes = quantity_cues.currency_prefixes()
    found = {i for i in range(n) if toks.kind[i] in ("num", "frac")}
    for i in range(n):
        t, start = toks.text[i], toks.start[i]
        written = any(text.startswith(sym, start) for sym, _ in prefixes.get(t[0], ()))
        if t in quantity_cues._currency_openers() and (
            written or t in quantity_cues._million_codes()
        ):
            found.add(i)
        if low[i] in quantity_cues._word_starts() and toks.kind[i] == "word":
            if low[i] in ("a", "an") and (i + 1 >= n or low[i + 1] not in quantity_cues._AFTER_A):
                continue
            found.add(i)
    return sorted(found)


@settings(max_examples=500, deadline=None)
@given(_PREFIXY)
def test_opening_tokens_match_the_plain_passes(text: str) -> None:
    toks = quantity_tokens.tokenize(text)
    assert quantity_cues.opening_tokens(toks, text) == _reference_openers(text)


@settings(max_examples=300, deadline=None)
@given(_texts)
def test_opening_tokens_match_the_plain_passes_on_unit_texts(text: str) -> None:
    toks = quantity_tokens.tokenize(text)
    assert quantity_cues.opening_tokens(toks, text) == _reference_openers(text)


_PROTECT_ATOMS = [
    *" .-/()+:@\n",
    "http",
    "https://a.io/5",
    "www.x.fr",
    "ww",
    "+33 1 23 45 67 89",
    "(555) 123-4567",
    "(55)",
    "555-123-4567",
    "11/12/2025",
    "14:30",
    "a@b.io",
    "5",
    "123",
    "4567",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PROTECT_ATOMS), max_size=12).map("".join))
def test_protected_spans_skip_only_patterns_that_cannot_match(text: str) -> None:
    from factcheck.extract import quantity_protect as qp

    every = [m.span() for p in qp._patterns() for m in p.finditer(text)]
    runs = qp._separated_runs(text)
    every += [
        m.span() for p in qp._number_patterns() for a, b in runs for m in p.finditer(text, a, b)
    ]
    assert qp.protected_spans(text) == sorted(every + qp._email_spans(text))
