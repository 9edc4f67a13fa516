"""Quantity readings that depend on the words around a number: price bases ("2015
prices"), parts of a period ("the second half"), percentage points, rate adjectives
("an annual fee of"), changes ("rose from 3 to 5") and labels ("Pier 4 reopens")."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.base import ExtractContext, RawClaim
from factcheck.extract.quantities import find
from factcheck.model import QuantityValue
from factcheck.segment import segment
from tests.rule_runs import finding_lines


def read(text: str) -> list[tuple[str, QuantityValue, str | None]]:
    claims: list[RawClaim] = find(text, segment(text), ExtractContext())
    out = []
    for c in claims:
        assert isinstance(c.value, QuantityValue)
        out.append((text[c.start : c.end], c.value, c.time))
    return out


def spans(text: str) -> list[str]:
    return [s for s, _, _ in read(text)]


# --- price bases -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("A strike price of £51 per MWh (2014 prices).", ["£51"]),
        ("The bridge costs €1.4bn in 2020 prices.", ["€1.4bn"]),
        ("Spending of $90m in constant 2017 dollars.", ["$90m"]),
        ("Funding fell 4% in real terms, or £200m in 2019 money.", ["4%", "£200m"]),
    ],
)
def test_price_base_year_is_neither_count_nor_time(text: str, figures: list[str]) -> None:
    found = read(text)
    assert [s for s, _, _ in found] == figures
    assert all(time is None for _, _, time in found)


def test_a_real_time_after_a_figure_is_kept() -> None:
    [(_, _, time)] = read("Sales reach €4m in 2027.")
    assert time == "2027"


# --- parts of a period ---------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(
    ordinal=st.sampled_from(["first", "second", "final", "last", "latter", "back", "Third"]),
    part=st.sampled_from(["half", "quarter"]),
)
def test_part_of_a_period_is_no_fraction(ordinal: str, part: str) -> None:
    assert spans(f"Margins improve in the {ordinal} {part}, the board said.") == []


def test_a_fraction_stays_a_fraction() -> None:
    assert spans("Half the staff, and a half of the fleet, moved.") == ["Half", "a half"]


# --- percentage points -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "magnitude", "unit"),
    [
        ("The margin widened 1.3 percentage points.", 1.3, "percentage_point"),
        ("Turnout fell 2 percent points.", 2.0, "percentage_point"),
        ("Yields rose 15 basis points.", 15.0, "basis_point"),
        ("Rates were cut by 50bps.", 50.0, "basis_point"),
        ("Unemployment rose 0.4pp.", 0.4, "percentage_point"),
    ],
)
def test_percentage_points_are_not_percent(text: str, magnitude: float, unit: str) -> None:
    [(_, value, _)] = read(text)
    assert (value.magnitude, value.unit, value.dimension) == (magnitude, unit, "percentage_point")


def test_percent_stays_percent() -> None:
    found = read("Sales rose 3 per cent, a 12% share, and the margin 1.3 percentage points.")
    assert [v.dimension for _, v, _ in found] == ["percent", "percent", "percentage_point"]


# --- rate adjectives -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("Nurses get an annual salary of £41,000.", "year"),
        ("It reports yearly revenue of about €12m.", "year"),
        ("The average annual wage is $52,000.", "year"),
        ("A monthly fee of $15 applies.", "month"),
        ("An hourly rate of €22 is paid.", "hour"),
        ("She earns a €39,000 annual salary.", "year"),
        ("Annual production capacity of 8 GWh.", "year"),
    ],
)
def test_rate_adjective_gives_a_rate(text: str, rate: str) -> None:
    [(_, value, _)] = read(text)
    assert value.rate == rate


@pytest.mark.parametrize(
    "text",
    [
        "The annual meeting drew 400 members.",  # no link word: the meeting is annual
        "The annual report of 120 pages is out.",  # a count: the noun is the annual thing
        "Annual sales rose 5%.",
        "A fee of $15 applies.",
    ],
)
def test_no_rate_without_a_rate_adjective_before_the_noun(text: str) -> None:
    assert all(value.rate is None for _, value, _ in read(text))


# --- changes are two values, ranges one ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("The plant is lifting output from 12 GWh to 30 GWh.", ["12 GWh", "30 GWh"]),
        ("Headcount grew from 240 to 410 people.", ["240", "410 people"]),
        ("The council cut the levy from £90 to £75.", ["£90", "£75"]),
        ("Tickets range from €9 to €14.", ["€9 to €14"]),
        ("The dose was reduced from 40 mg to 60 mg.", ["40 mg to 60 mg"]),  # not a reduction
        ("It grew last year, from 3 to 5 sites at most.", ["3 to 5 sites"]),  # another clause
        ("Sales went from €4m in 2022 to €7m in 2024.", ["€4m", "€7m"]),  # 2022 is a date
    ],
)
def test_change_from_to(text: str, figures: list[str]) -> None:
    assert spans(text) == figures


def test_change_start_takes_the_unit_of_its_end() -> None:
    [(_, first, _), (_, second, _)] = read("Headcount grew from 240 to 410 people.")
    assert first.dimension == second.dimension == "count:person"
    assert first.bound == second.bound == "exact"


@settings(max_examples=80, deadline=None)
@given(a=st.integers(1, 500), b=st.integers(1, 500), verb=st.sampled_from(["rose", "raised"]))
def test_change_or_range_by_direction(a: int, b: int, verb: str) -> None:
    found = read(f"Capacity {verb} from {a} MW to {b} MW.")
    if b > a:
        assert [v.magnitude for _, v, _ in found] == [a, b]
    else:
        assert len(found) == 1 and found[0][1].bound == "range"


# --- labels ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Pier 4 reopens in May.",
        "When Tower 2 rises, the skyline changes.",
        "Building 7 houses the new laboratory.",
        "Runway 3 closes for repairs.",
    ],
)
def test_capitalised_label_before_a_number_is_a_name(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Another 300 recruits joined.", "300 recruits"),
        ("The tower has 2 lifts.", "2 lifts"),
        ("Block 7 contains 40 flats.", "40 flats"),
    ],
)
def test_counts_near_labels_stay(text: str, figure: str) -> None:
    assert spans(text) == [figure]


# --- the figure rules on these readings --------------------------------------------------


_findings = finding_lines


_RELEASE = (
    "BERGEN, 4 June 2025 – Nordlys Cells today announced it is raising the annual output "
    "of its Bergen plant from 12 GWh to 30 GWh.\n\nThe new roles carry an average annual "
    "salary of NOK 640,000. The operating margin improved by 1.5 percentage points.\n"
)


def test_changed_end_value_fires(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = "Nordlys Cells will raise the output of its Bergen plant to 24 GWh a year.\n"
    assert _findings(tmp_path, monkeypatch, "FC201", _RELEASE, draft) == [1]


def test_faithful_change_rate_and_points_stay_silent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = (
        "Nordlys Cells will raise the output of its Bergen plant to 30 GWh a year, up from "
        "12 GWh.\n\nThe jobs pay on average NOK 640,000 a year, and the operating margin "
        "improved by 150 basis points.\n"
    )
    assert _findings(tmp_path, monkeypatch, "FC201", _RELEASE, draft) == []
    assert _findings(tmp_path, monkeypatch, "FC302", _RELEASE, draft) == []


def test_percent_for_percentage_points_has_no_counterpart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = "Nordlys Cells said its operating margin improved by 1.5%.\n"
    assert _findings(tmp_path, monkeypatch, "FC302", _RELEASE, draft) == [1]
    assert _findings(tmp_path, monkeypatch, "FC201", _RELEASE, draft) == []
