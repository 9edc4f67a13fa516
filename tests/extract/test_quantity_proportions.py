"""Proportions ("a third of the depots", "one in four riders") are shares, never counts;
a bare "in" after a number is inches only where a measure follows; shops are stores and
positions are jobs; a krone named without its country takes the one the text names."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract import extract
from factcheck.extract.base import ExtractContext
from factcheck.extract.quantities import find
from factcheck.model import QuantityValue
from factcheck.segment import segment
from tests.rule_runs import finding_lines


def read(text: str) -> list[tuple[str, QuantityValue]]:
    out = []
    for c in find(text, segment(text), ExtractContext()):
        assert isinstance(c.value, QuantityValue)
        out.append((text[c.start : c.end], c.value))
    return out


# --- fractions standing for a share ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "share"),
    [
        ("The bakery chain will shut nearly a third of its outlets.", "a third", 1 / 3),
        ("Two-thirds of the drivers voted for the strike.", "Two-thirds", 2 / 3),
        ("About half of the budget goes on fuel.", "half", 0.5),
        ("Some 3/4 of members backed the merger.", "3/4", 0.75),
        ("Roughly ½ of the fleet is electric.", "½", 0.5),
    ],
)
def test_a_fraction_without_a_unit_is_a_share(text: str, span: str, share: float) -> None:
    [(found, value)] = read(text)
    assert found == span
    assert value.dimension == "fraction"
    assert value.magnitude == pytest.approx(share)


@pytest.mark.parametrize(
    ("text", "span", "dimension"),
    [
        ("The track is a quarter mile long.", "a quarter mile", "length"),
        ("Half a dozen depots will close.", "Half a dozen depots", "count:depot"),
        ("A quarter of a million riders use it.", "A quarter of a million riders", "count:rider"),
        ("The index rose 0.5 points.", "0.5 points", "count:point"),
    ],
)
def test_fractions_of_a_unit_or_scale_keep_their_reading(
    text: str, span: str, dimension: str
) -> None:
    [(found, value)] = read(text)
    assert (found, value.dimension) == (span, dimension)


# --- "N in M" ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "share"),
    [
        ("Around one in four riders now pays by phone.", "one in four", 0.25),
        ("Just 1 in 20 claims was rejected.", "1 in 20", 0.05),
        ("Three in 10 tenants said rents rose.", "Three in 10", 0.3),
        ("One in every eight homes has a heat pump.", "One in every eight", 0.125),
    ],
)
def test_n_in_m_is_one_share(text: str, span: str, share: float) -> None:
    [(found, value)] = read(text)
    assert found == span
    assert value.dimension == "fraction"
    assert value.magnitude == pytest.approx(share)


@settings(max_examples=80, deadline=None)
@given(n=st.integers(1, 98), extra=st.integers(1, 900))
def test_n_in_m_digits_give_n_over_m(n: int, extra: int) -> None:
    m = n + extra
    if 1800 <= m <= 2100:
        m += 300  # a year after "in" is a date, tested below
    [(found, value)] = read(f"The survey found {n} in {m} households agree.")
    assert found == f"{n} in {m}"
    assert value.magnitude == pytest.approx(n / m)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Sales reached 40 in 2024.", ["40"]),  # a year
        ("The score was 8 in 5 rounds.", ["8", "5 rounds"]),  # not a share: 8 > 5
        ("It happens 1 in 10 years.", ["1", "10 years"]),  # a measure after M
    ],
)
def test_n_in_m_that_is_no_share(text: str, spans: list[str]) -> None:
    assert [s for s, _ in read(text)] == spans


# --- "in" after a number ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The firm raised 7 million in new funding.", "7 million"),
        ("There were 12 in total.", "12"),
        ("They kept 30 in reserve.", "30"),
        ("The ferry leaves at 6 in the evening.", "6"),
    ],
)
def test_in_before_a_word_is_the_preposition(text: str, span: str) -> None:
    [(found, value)] = read(text)
    assert found == span
    assert value.dimension == "count"


@pytest.mark.parametrize(
    ("text", "span", "inches"),
    [
        ("The slab is 3 in thick.", "3 in", 3.0),
        ("The gap measured 4 in.", "4 in", 4.0),
        ("She is 5 ft 4 in tall.", "5 ft 4 in", 5 + 4 / 12),
    ],
)
def test_in_as_inches_where_a_measure_follows(text: str, span: str, inches: float) -> None:
    [(found, value)] = read(text)
    assert found == span
    assert value.dimension == "length"
    assert value.magnitude == pytest.approx(inches)


# --- vocabulary ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dimension"),
    [
        ("The grocer will sell 12 of its 210 shops.", "count:store"),
        ("The grocer runs 210 shops.", "count:store"),
        ("The grocer runs 210 stores.", "count:store"),
        ("The mill will add 60 new positions.", "count:job"),
        ("The study recruited 900 adults.", "count:adult"),
        ("The study recruited 900 patients.", "count:patient"),
    ],
)
def test_counted_noun_vocabulary(text: str, dimension: str) -> None:
    assert {value.dimension for _, value in read(text)} == {dimension}


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("The city pays NOK 40m, and the state 12 million kroner.", "currency:NOK"),
        ("The city pays DKK 40m, and the state 12 million kroner.", "currency:DKK"),
        ("The city pays SEK 40m, and the state 12 million kronor.", "currency:SEK"),
        ("The state pays 12 million kroner.", "currency:KRONE"),
        ("It pays NOK 4m and DKK 3m, and 12 million kroner.", "currency:KRONE"),
    ],
)
def test_krone_without_country_takes_the_named_one(text: str, currency: str) -> None:
    assert read(text)[-1][1].dimension == currency


# --- the figure rules on these readings --------------------------------------------------


_findings = finding_lines


_RELEASE = (
    "YORK, 2 May 2025 – Fenwick Bakeries today said it will close 38 of its 160 "
    "outlets this year, and that one in three of its bakers will be retrained.\n\n"
    "The group will refit 40 of its remaining 122 shops. The city of Aarhus is lending "
    "DKK 60 million to its Danish arm.\n"
)


_COUNTS_ONLY = (
    "LEEDS, 9 June 2025 – Marlow Books will close 31 of its 140 branches and cut 410 jobs.\n"
)


def test_a_share_is_not_compared_with_a_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = "Marlow Books will shut 31 branches, nearly a quarter of the chain.\n"
    assert _findings(tmp_path, monkeypatch, "FC201", _COUNTS_ONLY, draft) == []


def test_a_changed_part_of_a_whole_fires(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = "Marlow Books will shut 35 branches and cut 410 jobs.\n"
    assert _findings(tmp_path, monkeypatch, "FC201", _COUNTS_ONLY, draft) == [1]


def test_n_in_m_is_not_read_as_inches_nor_a_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = "One in three bakers will be retrained; 38 outlets will close.\n"
    assert _findings(tmp_path, monkeypatch, "FC201", _RELEASE, draft) == []


def test_a_changed_share_still_fires(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = "Fenwick Bakeries said one in five of its bakers will be retrained.\n"
    assert _findings(tmp_path, monkeypatch, "FC201", _RELEASE, draft) == [1]


def test_shops_and_kroner_find_their_counterparts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = (
        "Fenwick will refit 40 of the 122 stores it keeps. Aarhus lends it 60 million "
        "kroner (DKK 60m).\n"
    )
    assert _findings(tmp_path, monkeypatch, "FC302", _RELEASE, draft) == []


def test_a_changed_shop_count_fires(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = "The group will refit 40 of its remaining 132 stores.\n"
    assert _findings(tmp_path, monkeypatch, "FC201", _RELEASE, draft) == [1]


def test_a_decimal_in_words_is_no_share() -> None:
    [(_, value)] = read("The rate is nought point five.")
    assert value.dimension == "count"


@pytest.mark.parametrize(
    ("text", "surface", "percent"),
    [
        ("91 cents of every euro goes to programmes.", "91 cents of every euro", 91.0),
        ("Some 85 cents in every dollar reaches the field.", "85 cents in every dollar", 85.0),
        ("20 pence of every pound is tax.", "20 pence of every pound", 20.0),
    ],
)
def test_cents_of_every_unit_of_money_are_a_percent(
    text: str, surface: str, percent: float
) -> None:
    [claim] = [c for c in extract(text) if c.kind == "quantity"]
    assert claim.span.text == surface
    assert isinstance(claim.value, QuantityValue)
    assert (claim.value.dimension, claim.value.magnitude) == ("percent", percent)


@pytest.mark.parametrize("text", ["It costs 50 cents.", "30 cents of every donation is kept."])
def test_other_cents_stay_money(text: str) -> None:
    [claim] = [c for c in extract(text) if c.kind == "quantity"]
    assert isinstance(claim.value, QuantityValue)
    assert claim.value.dimension.startswith("currency:")
