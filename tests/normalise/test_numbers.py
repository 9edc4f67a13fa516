"""Numbers: digit strings, number words, vague amounts."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.normalise.numbers import (
    SCALES,
    number_spans,
    parse_fraction,
    parse_number,
    parse_number_words,
    read_vague,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200", 1200),
        ("3.5", 3.5),
        ("1.200", 1.2),
        ("1.200.000", 1_200_000),
        ("1,234,567.89", 1234567.89),
        ("1.234,5", 1234.5),
        ("1,5", 1.5),
        ("5,00", 5.0),
        ("12,34,567", 1234567),
        ("1\u2009234\u2009567", 1234567),
        ("1\u202f200", 1200),
        ("1\u00a0200", 1200),
        (".08", 0.08),
        ("-4", -4),
        ("0,5", 0.5),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["1,2,3", "192.168.1.2", "1\u200912", "abc", "", "1,,2"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_number_spans_splits_lists_and_keeps_codes() -> None:
    assert [v for *_, v in number_spans("22,24,26,31")] == [22, 24, 26, 31]
    assert number_spans("192.168.1.2") == [(0, 11, None)]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("three", 3),
        ("twenty-five", 25),
        ("one hundred and twenty", 120),
        ("a dozen", 12),
        ("two-thirds", 2 / 3),
        ("half", 0.5),
        ("a quarter", 0.25),
        ("a hundred and two", 102),
        ("two and a half", 2.5),
        ("five and a half million", 5.5e6),
        ("3 million", 3e6),
        ("4 thousand 3 hundred and 21", 4321),
        ("nine point nought four", 9.04),
        ("minus five", -5),
        ("half a dozen", 6),
        ("quarter million", 250_000),
    ],
)
def test_parse_number_words(words: str, value: float) -> None:
    tokens = re.findall(r"[\w.,]+|-", words)
    assert parse_number_words(tokens) == pytest.approx(value)


def test_number_words_do_not_run_together() -> None:
    assert parse_number_words(["one", "two"]) is None
    assert parse_number_words(["45", "and", "50"]) is None


@pytest.mark.parametrize(
    ("words", "low", "high"),
    [
        ("tens of thousands", 20_000, 90_000),
        ("several hundred", 300, 900),
        ("dozens of", 24, 108),
        ("hundreds of", 200, 900),
    ],
)
def test_vague(words: str, low: float, high: float) -> None:
    got = read_vague(words.split())
    assert got is not None and got[:2] == (low, high)


def test_fractions() -> None:
    assert parse_fraction("1/4") == 0.25
    assert parse_fraction("½") == 0.5
    assert parse_fraction("24/7") is None
    assert parse_fraction("1/0") is None


def test_scales_table() -> None:
    assert SCALES["bn"] == SCALES["billion"] == 1e9
    assert SCALES["k"] == 1e3 and SCALES["tn"] == 1e12 and SCALES["mn"] == 1e6


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_grouped_integers_round_trip(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse_number(f"{n:,}".replace(",", "\u202f")) == n


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_grouped_decimals_round_trip(d) -> None:  # type: ignore[no-untyped-def]
    assert parse_number(f"{d:,.2f}") == pytest.approx(float(d))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789,. \u2009-", max_size=40))
def test_parse_number_never_raises(s: str) -> None:
    v = parse_number(s)
    assert v is None or isinstance(v, float)
