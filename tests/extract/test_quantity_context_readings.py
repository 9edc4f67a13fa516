"""Quantity readings that turn on the words after a number: "m" as million before a
counted noun or currency ("3.5m visitors"), block and list boundaries that no reading
crosses, comparatives read as changes ("250 more nurses"), and rates written after an
"of" complement ("40 kt of copper concentrate a year")."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# --- "m" after a number: million or metres -------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from(["m", "M"]),
    st.sampled_from(["visitors", "households", "customers", "passengers"]),
)
def test_m_before_a_plural_counted_noun_is_million(n: int, letter: str, noun: str) -> None:
    [(_, v)] = read(f"The network served {n}{letter} {noun} in the year.")
    assert v.magnitude == pytest.approx(n * 1e6)
    assert v.dimension.startswith("count:")


@pytest.mark.parametrize(
    ("text", "magnitude", "unit"),
    [
        ("The appeal raised 7.5m euros.", 7.5e6, "EUR"),
        ("Builders finished 1.2m new homes.", 1.2e6, "home"),
        ("The mast is 7.5m tall.", 7.5, "meter"),
        ("They laid a 12m pipe.", 12.0, "meter"),
        ("A 10m boat was moored there.", 10.0, "meter"),
        ("Walls 3m high surround it.", 3.0, "meter"),
        ("The ferry is 7.5m.", 7.5, "meter"),
    ],
)
def test_m_is_metres_unless_a_count_or_currency_follows(
    text: str, magnitude: float, unit: str
) -> None:
    [(_, v)] = read(text)
    assert v.magnitude == pytest.approx(magnitude)
    assert v.unit == unit


# --- block and list boundaries ------------------------------------------------------------


@pytest.mark.parametrize("gap", ["\n- ", "\n* ", "\n• ", "\n\n", "\n\n- "])
def test_no_range_across_a_list_item_or_block(gap: str) -> None:
    text = f"Donations rose 9% on 2023{gap}4,800 volunteers trained"
    found = read(text)
    assert all(v.bound != "range" for _, v in found)
    assert ("4,800 volunteers", "volunteer") in [(s, v.noun) for s, v in found]


def test_a_wrapped_line_still_reads_as_one_quantity() -> None:
    [(span, v)] = read("The fund holds 55\nmillion euros of assets.")
    assert v.magnitude == pytest.approx(55e6)
    assert span == "55\nmillion euros"


# --- comparatives -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "noun", "modifier"),
    [
        ("The ward now treats 250 more patients than in 2019.", "patient", "more"),
        ("The depot has 30 fewer staff.", "staff", "fewer"),
    ],
)
def test_comparative_is_read_with_its_noun_as_a_change(text: str, noun: str, modifier: str) -> None:
    [(_, v), *_] = read(text)
    assert (v.noun, v.modifier) == (noun, modifier)
    assert v.dimension.endswith(":change")


def test_more_than_stays_bare() -> None:
    [(span, v), *_] = read("It hired 40 more than planned.")
    assert span == "40"
    assert v.noun is None


# --- rates after an "of" complement ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The mine will ship 40 kt of copper concentrate a year.",
        "The turbines will make 900 GWh of electricity per year.",
        "The scheme avoids 1.4 million tonnes of CO2 emissions annually.",
    ],
)
def test_rate_after_an_of_complement(text: str) -> None:
    [(_, v)] = read(text)
    assert v.rate == "year"


@pytest.mark.parametrize(
    "text",
    [
        "It shipped 40 kt of the copper a year ago.",
        "It shipped 40 kt of copper, a year after opening.",
        "It shipped 40 kt of copper concentrate a year ago.",
    ],
)
def test_no_rate_past_a_function_word_or_a_time_phrase(text: str) -> None:
    assert read(text)[0][1].rate is None


# --- rule behaviour -------------------------------------------------------------------


_findings = finding_lines


_RELEASE = (
    "LEEDS, 2 May 2025 – Harbourline Trust said its clinics treated 3.1 million patients "
    "in 2024, up from 2.8 million in 2023.\n\n"
    "The trust's wind farm generates 120 GWh of electricity a year.\n"
)


def test_a_change_is_not_compared_with_the_total(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = "Harbourline Trust's clinics saw 300,000 more patients in 2024 than a year before.\n"
    assert _findings(tmp_path, monkeypatch, "FC201", _RELEASE, draft) == []


def test_m_million_total_agrees_and_a_wrong_one_fires(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    right = "Harbourline Trust's clinics treated 3.1m patients in 2024.\n"
    wrong = "Harbourline Trust's clinics treated 3.6m patients in 2024.\n"
    assert _findings(tmp_path, monkeypatch, "FC201", _RELEASE, right) == []
    assert _findings(tmp_path, monkeypatch, "FC201", _RELEASE, wrong) == [1]


def test_rate_after_complement_matches_a_rate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    right = "The trust's wind farm generates 120 GWh of clean electricity per year.\n"
    wrong = "The trust's wind farm generates 210 GWh of clean electricity per year.\n"
    assert _findings(tmp_path, monkeypatch, "FC201", _RELEASE, right) == []
    assert _findings(tmp_path, monkeypatch, "FC201", _RELEASE, wrong) == [1]
