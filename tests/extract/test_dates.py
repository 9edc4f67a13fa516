"""Date extraction: absolute forms, bare years in context, ranges, datelines, relatives."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.base import ExtractContext, RawClaim
from factcheck.extract.dates import find, parse
from factcheck.model import DateValue
from factcheck.segment import segment

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def run(text: str, dateline: str | None = None) -> list[RawClaim]:
    return find(text, segment(text), ExtractContext(dateline=dateline))


def value(c: RawClaim) -> DateValue:
    assert isinstance(c.value, DateValue)
    return c.value


def isos(text: str, dateline: str | None = None) -> list[str]:
    return [value(c).iso for c in run(text, dateline)]


@cache
def seed(name: str) -> str:
    return re.sub(r"\*\*?", "", (SEEDS / name).read_text(encoding="utf-8"))


def at_line(text: str, claims: list[RawClaim], line: int) -> list[tuple[str, DateValue]]:
    return [
        (text[c.start : c.end], value(c))
        for c in claims
        if text.count("\n", 0, c.start) + 1 == line
    ]


# --- seeds ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def release() -> tuple[str, list[RawClaim]]:
    text = seed("verkor-press-release.md")
    return text, run(text)


@pytest.fixture(scope="module")
def article() -> tuple[str, list[RawClaim]]:
    text = seed("verkor-article.txt")
    return text, run(text)


def test_release_dateline(release: tuple[str, list[RawClaim]]) -> None:
    text, claims = release
    lines = [c for c in claims if value(c).dateline]
    assert len(lines) == 1
    assert text[lines[0].start : lines[0].end] == "December 11, 2025"
    assert value(lines[0]).iso == "2025-12-11"
    assert value(lines[0]).granularity == "day"


def test_article_date_equals_release_dateline(article: tuple[str, list[RawClaim]]) -> None:
    text, claims = article
    found = at_line(text, claims, 3)
    assert ("11 December 2025", "2025-12-11") in [(s, v.iso) for s, v in found]
    assert not any(value(c).dateline for c in claims)  # the article has no dateline


@pytest.mark.parametrize(
    ("doc", "line", "surface", "iso", "bound"),
    [("verkor-article.txt", 12, "April 2025", "2025-04", "in"),
     ("verkor-article.txt", 3, "2026", "2026", "from"),
     ("verkor-article.txt", 3, "2030", "2030", "by"),
     ("verkor-article.txt", 12, "2026", "2026", "until"),
     ("verkor-article.txt", 15, "1 January 2026", "2026-01-01", "from"),
     ("verkor-press-release.md", 59, "July 2020", "2020-07", "in"),
     ("verkor-press-release.md", 11, "2030", "2030", "by"),
     ("verkor-press-release.md", 11, "2026", "2026", "in"),  # planned for 2026
     ("verkor-press-release.md", 33, "2020", "2020", "since"),
     ("verkor-press-release.md", 59, "2023", "2023", "in"),
     ("verkor-press-release.md", 59, "2026", "2026", "in")],  # during 2026
)  # fmt: skip
def test_seed_dates(doc: str, line: int, surface: str, iso: str, bound: str) -> None:
    text = seed(doc)
    found = [(s, v.iso, v.bound) for s, v in at_line(text, run(text), line)]
    assert (surface, iso, bound) in found


def test_founding_date_has_attribute_and_subject(release: tuple[str, list[RawClaim]]) -> None:
    text, claims = release
    july = next(c for c in claims if text[c.start : c.end] == "July 2020")
    assert july.attribute == "founding"
    assert july.subject == "Verkor"


def test_years_after_creation(release: tuple[str, list[RawClaim]]) -> None:
    text, claims = release
    rel = [v for s, v in at_line(text, claims, 43) if v.offset_years is not None]
    assert len(rel) == 1
    v = rel[0]
    assert (v.offset_years, v.anchor, v.anchor_iso, v.iso) == (
        5,
        "Verkor's creation",
        "2020-07",
        "2025",
    )
    assert v.granularity == "year"


def test_france_2030_and_phone_numbers_are_not_dates(release: tuple[str, list[RawClaim]]) -> None:
    text, claims = release
    for m in re.finditer(r"France 2030", text):
        assert not any(c.start < m.end() and m.start() < c.end for c in claims)
    for line in (65, 73):  # +33 7 48 10 11 40, +33 6 02 12 60 69
        assert at_line(text, claims, line) == []


def test_today_inside_a_quote_resolves_to_the_dateline(release: tuple[str, list[RawClaim]]) -> None:
    text, claims = release
    found = at_line(text, claims, 47)
    assert [(s, v.iso, v.relative) for s, v in found] == [("Today", "2025-12-11", "Today")]


def test_in_two_years_as_duration_is_not_a_date(release: tuple[str, list[RawClaim]]) -> None:
    text, claims = release
    assert at_line(text, claims, 15) == []


# --- absolute forms ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("It opened on 11 December 2025.", ["2025-12-11"]),
     ("It opened on December 11, 2025.", ["2025-12-11"]),
     ("It opened on Dec. 11, 2025.", ["2025-12-11"]),
     ("It opened on Sept. 3, 2024.", ["2024-09-03"]),
     ("Thursday, 11 December 2025 was cold.", ["2025-12-11"]),
     ("It opened on the 11th of December 2025.", ["2025-12-11"]),
     ("Pilots began in April 2025.", ["2025-04"]),
     ("Pilots began in april of 2025.", ["2025-04"]),
     ("The class of '16 met again.", ["2016"]),
     ("Shipped Dec '16.", ["2016-12"]),
     ("Filed 2016-12-15 at noon.", ["2016-12-15"]),
     ("Filed 15/12/2016 at noon.", ["2016-12-15"]),
     ("Filed 12/15/2016 at noon.", ["2016-12-15"]),
     ("Filed 15.12.2016 at noon.", ["2016-12-15"]),
     ("Born 05-Aug-1971.", ["1971-08-05"]),
     ("The fourth of July, 1995 was hot.", ["1995-07-04"]),
     ("We met on Easter Monday 2017.", ["2017-04-17"]),
     ("It will open in early 2026.", ["2026"]),
     ("It closes by the end of 2030.", ["2030"]),
     ("Sales in the year 2008 fell.", ["2008"]),
     ("Sales in 2007 and 2009 fell.", ["2007", "2009"]),
     ("He left before 2000 but not in 1998.", ["2000", "1998"]),
     ("It runs until 2027, then stops.", ["2027"]),
     ("It will stop after 2030.", ["2030"]),
     ("It has grown during 2026.", ["2026"]),
     ("Prices held in 2150.", ["2150"]),
     ("Deliveries from 2026 onwards.", ["2026"]),
     ("Capacity will double by mid-2027.", ["2027"]),
     ("The fair drew crowds in summer 2024 and in Q3 2025.", ["2024", "2025"]),
     ("Decree no. 2021-1234 of 22 December 2021.", ["2021-12-22"])],
)  # fmt: skip
def test_dates_found(text: str, expected: list[str]) -> None:
    assert isos(text) == expected


@pytest.mark.parametrize(
    "text",
    ["This may take longer than expected.",
     "May I ask why? You may not!",
     "The French Government under the France 2030 plan.",
     "Vision 2030 is a strategy.",
     "They will deliver 2000 pieces of toys.",
     "The plant will create 2000 jobs in the region.",
     "Revenue grew by 2000 last quarter.",
     "Call +33 7 48 10 11 40 or (206) 555-1212.",
     "Tel: +86 138-2010-2015",
     "The code of this object is 133-03-03-2020.",
     "The ssn is 123-12-1234.",
     "2015-1-32 is a wrong date.",
     "The 30 February 2019 never happened.",
     "Meet at 13:00 or at 6.45 for 2.5 hours.",
     "The ratio was 8/1.5 and 0.8/15.",
     "It costs €2030 and $1999.",
     "There are 10 students and 2000 stars.",
     "The VIC pilot line operates 24/7 on version 5.0.",
     "In the 2020s, output rose 20%.",
     "The 1,200 direct jobs and 3,000 indirect jobs.",
     "Latitude: 40.1693, 1666.90125 BRL",
     "Install version 2.1.2020 of the software.",
     "It grew from 1800 to 2100 units.",
     "Between 2000 and 3000 jobs will be created.",
     "The Airbus A350-1000 and the Boeing 737-800 fleets grew."],
)  # fmt: skip
def test_silent(text: str) -> None:
    assert run(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("from 2014 to 2018", [("2014", "from"), ("2018", "until")]),
     ("The range is 2014–2018.", [("2014", "from"), ("2018", "until")]),
     ("between 2014 and 2018", [("2014", "from"), ("2018", "until")]),
     ("Out Jan-Feb 2017.", [("2017-01", "from"), ("2017-02", "until")]),
     ("Out from 4 to 22 January, 1995.", [("1995-01-04", "from"), ("1995-01-22", "until")]),
     ("Out 26 June to 28 June in 2020.", [("2020-06-26", "from"), ("2020-06-28", "until")]),
     ("Out from 5/1-5/7/2020.", [("2020-05-01", "from"), ("2020-05-07", "until")]),
     ("The 2011-12 season was long.", [("2011", "from"), ("2012", "until")])],
)  # fmt: skip
def test_ranges_give_two_claims(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(value(c).iso, value(c).bound) for c in run(text)] == expected


def test_numeric_order_follows_the_document() -> None:
    text = "Signed on 25/12/2020; delivered on 03/04/2021."
    assert isos(text) == ["2020-12-25", "2021-04-03"]
    assert isos("Delivered on 03/04/2021.") == ["2021-03-04"]


# --- datelines and relative dates ---------------------------------------------------


@pytest.mark.parametrize(
    "head",
    [
        "PARIS, 11 December 2025 — The company said",
        "Paris, Dec. 11, 2025 /PRNewswire/ -- The company said",
        "Bourbourg (Dunkerque), December 11, 2025 – The company said",
        "LONDON, Thursday, 11 December 2025 - The company said",
    ],
)
def test_datelines(head: str) -> None:
    text = f"# Title\n\n{head} that it grew today.\n\nMore text in 2026."
    claims = run(text)
    assert [value(c).iso for c in claims if value(c).dateline] == ["2025-12-11"]
    today = [c for c in claims if text[c.start : c.end] == "today"]
    assert [value(c).iso for c in today] == ["2025-12-11"]


def test_date_inside_a_sentence_is_no_dateline() -> None:
    claims = run("On 11 December 2025, the plant opened today.")
    assert [value(c).dateline for c in claims] == [False]


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [("It grew yesterday.", "2025-12-10"),
     ("It grew last year.", "2024"),
     ("It will grow next year.", "2026"),
     ("It opened 3 years ago.", "2022"),
     ("It will double in two years.", "2027"),
     ("The ceremony on 11 March drew crowds.", "2025-03-11")],
)  # fmt: skip
def test_relative_dates_need_a_dateline(sentence: str, iso: str) -> None:
    text = f"PARIS, 11 December 2025 – News.\n\n{sentence}"
    assert isos(text)[1:] == [iso]
    assert isos(sentence) == []  # nothing to resolve them against


def test_unknown_anchor_takes_the_dateline_year() -> None:
    text = "PARIS, 11 December 2025 – News.\n\nThe plant opened ten years after Acme's launch."
    rel = [value(c) for c in run(text) if value(c).offset_years]
    assert [(v.iso, v.offset_years, v.anchor, v.anchor_iso) for v in rel] == [
        ("2025", 10, "Acme's launch", None)
    ]


def test_anchor_found_from_creation_verb() -> None:
    text = "Acme was created in 2012. Two years after its creation, Acme opened a plant."
    rel = [value(c) for c in run(text) if value(c).offset_years]
    assert [(v.iso, v.anchor_iso) for v in rel] == [("2014", "2012")]


def test_context_dateline_is_used() -> None:
    assert isos("It opened today.", dateline="2025-12-11") == ["2025-12-11"]


def test_parse_whole_strings() -> None:
    assert parse("11 December 2025") == "2025-12-11"
    assert parse(" 2016-12-15 ") == "2016-12-15"
    assert parse("2025") == "2025"
    assert parse("11 December 2025 and more") is None
    assert parse("hello") is None


# --- properties ------------------------------------------------------------------------

days = st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2199, 12, 31))


@settings(max_examples=200, deadline=None)
@given(days, st.sampled_from(["{d:%d %B %Y}", "{d:%B %d, %Y}", "{d:%b. %d, %Y}", "{d:%Y-%m-%d}"]))
def test_formatted_dates_are_found(d: dt.date, fmt: str) -> None:
    surface = fmt.format(d=d)
    text = f"The plant opened on {surface} in the north."
    claims = run(text)
    assert [value(c).iso for c in claims] == [d.isoformat()]
    assert text[claims[0].start : claims[0].end] == surface


date_alphabet = st.sampled_from(
    [*"0123456789 -/.,'–~:", "May ", "Dec. ", "in ", "by ", "2025", "11", "th ", "today", "\n"]
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=120), st.lists(date_alphabet, max_size=40).map("".join)))
def test_find_never_raises_and_spans_are_in_bounds(text: str) -> None:
    for c in run(text, dateline="2025-12-11"):
        assert 0 <= c.start < c.end <= len(text)
        v = value(c)
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v.iso)
