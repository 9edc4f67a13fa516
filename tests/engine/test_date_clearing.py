"""Which reference dates clear a draft date: periods inside a year, and one-to-one
matching of agreeing dates (see checks/agreement.py and checks/common.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.checks.agreement import claim_date_given_by, named_months
from factcheck.extract import extract
from factcheck.model import Claim


def only_date(text: str) -> Claim:
    """The one date claim of `text`."""
    [claim] = [c for c in extract(text) if c.kind == "date"]
    return claim


def test_periods_name_their_months() -> None:
    assert named_months("the third quarter of 2027") == (7, 9)
    assert named_months("Q2 2026") == (4, 6)
    assert named_months("the second half of 2025") == (7, 12)
    assert named_months("autumn 2026") == (9, 11)
    assert named_months("by the end of 2027") is None
    assert named_months("winter 2026") is None


@given(st.sampled_from(["first", "second", "third", "fourth"]), st.integers(1990, 2090))
def test_a_quarter_spans_three_months_inside_its_year(ordinal: str, year: int) -> None:
    months = named_months(f"in the {ordinal} quarter of {year}")
    assert months is not None
    low, high = months
    assert 1 <= low <= high <= 12 and high - low == 2


def test_a_year_does_not_give_a_quarter_but_a_quarter_gives_its_year() -> None:
    quarter = only_date("Output starts in the first quarter of 2029.")
    year = only_date("The hall is finished by 2029.")
    assert not claim_date_given_by(quarter, year)
    assert claim_date_given_by(year, quarter)


def test_a_month_gives_the_quarter_it_falls_in_only() -> None:
    quarter = only_date("Output starts in the first quarter of 2029.")
    assert claim_date_given_by(quarter, only_date("Output starts in February 2029."))
    assert not claim_date_given_by(quarter, only_date("Output starts in August 2029."))


def test_a_season_does_not_give_a_half_it_straddles() -> None:
    half = only_date("Power flows in the second half of 2027.")
    assert not claim_date_given_by(half, only_date("Piles go in during summer 2027."))
    assert claim_date_given_by(half, only_date("Piles go in during autumn 2027."))
