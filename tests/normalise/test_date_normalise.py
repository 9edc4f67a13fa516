"""Date normalisation: vocabulary, validity, ISO values, arithmetic, numeric order."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.normalise import dates as nd


@pytest.mark.parametrize(
    ("word", "month"),
    [("January", 1), ("jan", 1), ("Jan.", 1), ("Sept", 9), ("sep.", 9), ("DEC", 12), ("May", 5)],
)
def test_month_names_and_abbreviations(word: str, month: int) -> None:
    assert nd.month_number(word) == month


@pytest.mark.parametrize("word", ["Mayor", "Decimal", "Ju", ""])
def test_not_month_names(word: str) -> None:
    assert nd.month_number(word) is None


@pytest.mark.parametrize(
    ("word", "day"),
    [("1st", 1), ("04th", 4), ("23rd", 23), ("the 2nd", 2), ("31", 31), ("first", 1),
     ("twenty second", 22), ("twenty-second", 22), ("thirty-first", 31), ("twenty two", 22)],
)  # fmt: skip
def test_day_numbers(word: str, day: int) -> None:
    assert nd.day_number(word) == day


@pytest.mark.parametrize("word", ["32", "0", "thirty-second", "fortieth", "Monday"])
def test_not_day_numbers(word: str) -> None:
    assert nd.day_number(word) is None


@pytest.mark.parametrize(
    ("text", "year"), [("2016", 2016), ("'16", 2016), ("’16", 2016), ("71", 1971), ("07", 2007)]
)
def test_two_digit_years(text: str, year: int) -> None:
    assert nd.expand_year(text) == year


@pytest.mark.parametrize(
    ("ymd", "valid"),
    [((2015, 1, 32), False), ((2019, 2, 30), False), ((2019, 2, 29), False), ((2020, 2, 29), True),
     ((2015, 13, None), False), ((2015, 12, None), True), ((2015, None, 3), False),
     ((0, None, None), False)],
)  # fmt: skip
def test_validity(ymd: tuple[int, int | None, int | None], valid: bool) -> None:
    assert nd.is_valid(*ymd) is valid


def test_to_iso_granularities_and_errors() -> None:
    assert nd.to_iso(2025) == "2025"
    assert nd.to_iso(2025, 4) == "2025-04"
    assert nd.to_iso(2025, 12, 11) == "2025-12-11"
    assert nd.granularity("2025-04") == "month"
    with pytest.raises(ValueError):
        nd.to_iso(2019, 2, 30)
    with pytest.raises(ValueError):
        nd.parse_iso("2025-1-5")


def test_add_years_keeps_granularity_and_clamps_leap_day() -> None:
    assert nd.add_years("2020-07", 5) == "2025-07"
    assert nd.add_years("2020", 5) == "2025"
    assert nd.add_years("2020-02-29", 1) == "2021-02-28"
    assert nd.add_days("2025-12-31", 1) == "2026-01-01"
    assert nd.add_months("2025-12", 1) == "2026-01"


def test_compare_and_compatible() -> None:
    assert nd.compare("2025", "2026") == -1
    assert nd.compare("2025-12-11", "2025-12-10") == 1
    assert nd.compare("2025-12", "2025-12") == 0
    assert nd.compare("2025", "2025-12") is None
    assert nd.compatible("2025", "2025-12-11")
    assert nd.compatible("2025-12-11", "2025-12")
    assert not nd.compatible("2025-11", "2025-12-11")
    assert nd.compare("2025-11", "2025-12-11") == -1


@pytest.mark.parametrize(
    ("parts", "sep", "day_first", "expected"),
    [(("15", "12", "2016"), "/", None, (2016, 12, 15)),   # a part > 12 decides
     (("12", "15", "2016"), "/", None, (2016, 12, 15)),
     (("3", "7", "2017"), "/", None, (2017, 3, 7)),      # slashes: month first
     (("3", "7", "2017"), "/", True, (2017, 7, 3)),      # unless told otherwise
     (("13", "5", "2015"), ".", None, (2015, 5, 13)),
     (("3", "7", "2017"), ".", None, (2017, 7, 3)),      # dots: day first
     (("2016", "12", "15"), "-", None, (2016, 12, 15)),
     (("05", "05", "71"), "/", None, (1971, 5, 5)),
     (("2015", "1", "32"), "-", None, None),
     (("2", "30", "2016"), "/", None, None),
     (("123", "12", "1234"), "-", None, None),
     (("3", "2", "1"), "-", None, None)],
)  # fmt: skip
def test_numeric_dates(
    parts: tuple[str, str, str], sep: str, day_first: bool | None, expected: object
) -> None:
    assert nd.numeric_date(parts, sep, day_first) == expected


@pytest.mark.parametrize(
    ("name", "year", "iso"),
    [("Easter", 2018, "2018-04-01"), ("easter", 2019, "2019-04-21"),
     ("Easter Monday", 2017, "2017-04-17"),
     ("Good Friday", 2024, "2024-03-29"), ("black friday", 2010, "2010-11-26"),
     ("Christmas", 2025, "2025-12-25"), ("saint patrick", 2020, "2020-03-17")],
)  # fmt: skip
def test_holidays(name: str, year: int, iso: str) -> None:
    assert nd.holiday(name, year) == iso


def test_unknown_holiday() -> None:
    assert nd.holiday("founders day", 2020) is None


dates = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(2999, 12, 31))


@settings(max_examples=200, deadline=None)
@given(dates, st.sampled_from(["year", "month", "day"]))
def test_to_iso_round_trips(d: dt.date, gran: str) -> None:
    args = {"year": (d.year,), "month": (d.year, d.month), "day": (d.year, d.month, d.day)}[gran]
    iso = nd.to_iso(*args)
    assert nd.granularity(iso) == gran
    y, m, day = nd.parse_iso(iso)
    assert (y, m, day)[: len(args)] == args
    if gran == "day":
        assert iso == d.isoformat()


@settings(max_examples=200, deadline=None)
@given(dates, dates)
def test_compare_is_antisymmetric_and_matches_calendar(a: dt.date, b: dt.date) -> None:
    x, y = a.isoformat(), b.isoformat()
    assert nd.compare(x, y) == (a > b) - (a < b)
    assert nd.compare(y, x) == -nd.compare(x, y)  # type: ignore[operator]
    assert nd.compatible(x[:4], y) is (a.year == b.year)


@settings(max_examples=200, deadline=None)
@given(dates, st.integers(min_value=-500, max_value=500))
def test_add_years_inverts_except_on_leap_day(d: dt.date, n: int) -> None:
    iso = d.isoformat()
    shifted = nd.add_years(iso, n)
    assert int(shifted[:4]) == d.year + n
    if (d.month, d.day) != (2, 29):
        assert nd.add_years(shifted, -n) == iso


@pytest.mark.parametrize("year", [1, 1900, 2000, 2023, 2024, 2100, 9999])
def test_is_valid_knows_the_length_of_every_month(year: int) -> None:
    for month in range(1, 13):
        for day in range(27, 33):
            try:
                exists = dt.date(year, month, day) is not None
            except ValueError:
                exists = False
            assert nd.is_valid(year, month, day) is exists
