"""Quantity extraction: seeds, classes of input, non-claims, robustness."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.base import ExtractContext
from factcheck.extract.quantities import find
from factcheck.segment import segment

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def quantities(text: str) -> list:  # type: ignore[type-arg]
    return find(text, segment(text), ExtractContext())


def one(text: str):  # type: ignore[no-untyped-def]
    found = quantities(text)
    assert len(found) == 1, [(text[c.start : c.end], c.value) for c in found]
    return found[0]


def seed(name: str) -> str:
    return re.sub(r"\*\*", "", (SEEDS / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def article() -> list:  # type: ignore[type-arg]
    return quantities(seed("verkor-article.txt"))


@pytest.fixture(scope="module")
def release() -> tuple[str, list]:  # type: ignore[type-arg]
    text = seed("verkor-press-release.md")
    return text, quantities(text)


def pick(claims, dimension: str, value: float):  # type: ignore[no-untyped-def]
    return [c for c in claims if c.value.dimension == dimension and c.value.magnitude == value]


def test_seed_capacity_with_and_without_rate(article, release) -> None:  # type: ignore[no-untyped-def]
    a = pick(article, "energy", 16)
    r = pick(release[1], "energy", 16)
    assert a and r
    assert a[0].value.unit == r[0].value.unit == "gigawatt_hour"
    assert a[0].value.rate is None and r[0].value.rate == "year"


def test_seed_jobs(article, release) -> None:  # type: ignore[no-untyped-def]
    for claims in (article, release[1]):
        direct = pick(claims, "count:job", 1200)
        indirect = pick(claims, "count:job", 3000)
        assert direct and direct[0].value.modifier == "direct" and direct[0].value.noun == "job"
        assert indirect and indirect[0].value.modifier == "indirect"
    assert len(pick(article, "count:job", 1200)) == 2  # "(1,200 direct, 3,000 indirect)" too


def test_seed_money(article, release) -> None:  # type: ignore[no-untyped-def]
    assert pick(article, "currency:EUR", 3e9)[0].value.bound == "exact"
    assert pick(release[1], "currency:EUR", 3e9)[0].value.bound == "more_than"
    assert pick(article, "currency:EUR", 11e9)
    assert pick(release[1], "currency:EUR", 60e6)
    assert pick(article, "currency:EUR", 3e9)[0].attribute == "funding"


def test_seed_other_figures(article, release) -> None:  # type: ignore[no-untyped-def]
    assert pick(article, "area", 100_000)
    assert pick(article, "power", 33)
    assert pick(article, "percent", 80)
    assert pick(release[1], "count:resident", 200_000)
    ranged = [c for c in article if c.value.bound == "range"]
    assert ranged and (ranged[0].value.low, ranged[0].value.high) == (200_000, 300_000)
    assert ranged[0].value.rate == "year" and ranged[0].value.noun == "battery"
    target = [
        c for c in pick(article, "energy", 50) + pick(release[1], "energy", 50) if c.time == "2030"
    ]
    assert len(target) == 2


def test_seed_non_claims(release) -> None:  # type: ignore[no-untyped-def]
    text, claims = release
    surfaces = " | ".join(text[c.start : c.end] for c in claims)
    for bad in ("33 7", "48", "A390", "390", "5.0", "24", "2030", "REV3", "2020", "2025", "11"):
        assert not any(text[c.start : c.end] == bad for c in claims), (bad, surfaces)
    assert all(c.value.dimension != "count" for c in claims), surfaces


@pytest.mark.parametrize(
    ("text", "magnitude", "dimension"),
    [
        ("It raised €3 billion.", 3e9, "currency:EUR"),
        ("It raised 3 billion euros.", 3e9, "currency:EUR"),
        ("It raised EUR 3,000 million.", 3e9, "currency:EUR"),
        ("It raised €3bn.", 3e9, "currency:EUR"),
        ("It raised $5m.", 5e6, "currency:USD"),
        ("It cost £2,000.", 2000, "currency:GBP"),
        ("It raised US$ 1.2 bn.", 1.2e9, "currency:USD"),
        ("It paid 3 billion dollars.", 3e9, "currency:USD"),
        ("a 100,000 m² site", 100_000, "area"),
        ("80 per cent of cells", 80, "percent"),
        ("80 percent of cells", 80, "percent"),
        ("he lost 20 million pounds", 2e7, "currency:GBP"),
        ("he lost 25 pounds", 25, "mass"),
        ("a 3-inch gap", 3, "length"),
        ("1,200 direct jobs", 1200, "count:job"),
        ("a 500 MWh battery", 500, "energy"),
        ("2.5 gigawatt-hours", 2.5, "energy"),
    ],
)
def test_values_and_dimensions(text: str, magnitude: float, dimension: str) -> None:
    c = one(text)
    assert c.value.magnitude == pytest.approx(magnitude) and c.value.dimension == dimension


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("over €3 billion", "more_than"),
        ("more than 5 MW", "more_than"),
        ("at least 5 MW", "at_least"),
        ("about 5 MW", "approx"),
        ("nearly 5 MW", "approx"),
        ("up to 5 MW", "at_most"),
        ("no more than 5 MW", "at_most"),
        ("under 5 MW", "less_than"),
        ("fewer than 50 jobs", "less_than"),
        ("5 MW or more", "at_least"),
    ],
)
def test_bounds(text: str, bound: str) -> None:
    assert one(text).value.bound == bound


@pytest.mark.parametrize(
    "text",
    [
        "200,000–300,000 batteries",
        "200,000 to 300,000 batteries",
        "between 200,000 and 300,000 batteries",
        "from 200,000 to 300,000 batteries",
    ],
)
def test_ranges(text: str) -> None:
    v = one(text).value
    assert (v.low, v.high, v.bound, v.dimension) == (200_000, 300_000, "range", "count:battery")


def test_range_shares_scale_and_unit() -> None:
    v = one("between 5 and 10 MW").value
    assert (v.low, v.high, v.unit) == (5, 10, "megawatt")
    v = one("€1.5 to 2 billion").value
    assert (v.low, v.high, v.dimension) == (1.5e9, 2e9, "currency:EUR")


@pytest.mark.parametrize(
    "text",
    [
        "16 GWh/year",
        "16 GWh per year",
        "16 GWh a year",
        "16 GWh annually",
        "16 GWh per annum",
        "16 GWh/yr",
    ],
)
def test_rates(text: str) -> None:
    v = one(text).value
    assert (v.magnitude, v.unit, v.rate) == (16, "gigawatt_hour", "year")


def test_time_and_attribute() -> None:
    c = one("Verkor aims to reach 50 GWh by 2030.")
    assert c.time == "2030" and c.attribute == "target"
    assert one("an initial capacity of 16 GWh").attribute == "capacity"


def test_vague_amount() -> None:
    v = one("it has produced tens of thousands of cells").value
    assert v.vague and v.low == 20_000 and v.high == 90_000 and v.noun == "cell"


@pytest.mark.parametrize(
    "text",
    [
        "Call +33 7 48 10 11 40 now",
        "Call (555) 123-4567 now",
        "Write to claire.stromboni@verkor.com",
        "See https://example.com/page/2030?id=42",
        "It will equip the Alpine A390.",
        "its fully digital 5.0 pilot line",
        "The line operates 24/7.",
        'under the "France 2030" plan',
        "the President of the REV3 mission",
        "LFP-NMC cells and COVID-19",
        "1. First item\n2) Second item",
        "## 3. Results",
        "industrial production starts in 2026",
        "aim for it by 2030",
        "since 2014",
        "December 11, 2025",
        "On 11 December 2025",
        "the 1st and 3rd plants",
        "Europe's third gigafactory",
        "at 2 pm",
        "at 14:30",
        "on 11/12/2025",
        "Section 2 explains",
        "Windows 11 is out",
    ],
)
def test_not_claims(text: str) -> None:
    found = quantities(text)
    assert found == [], [(text[c.start : c.end], c.value) for c in found]


def test_long_digit_runs_are_handled() -> None:
    text = "1," * 20_000
    found = quantities(text)
    assert len(found) == 20_000 and all(c.value.magnitude == 1 for c in found)


_PIECES = [
    *"0123456789,.-–/ €$£%kmMbn()+:@\n",
    "GWh",
    " to ",
    " and ",
    "million",
    "one",
    "a",
    "between ",
    "per ",
    "year",
    "jobs",
    "A",
    "Q",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_never_raises_and_spans_are_sane(text: str) -> None:
    for c in quantities(text):
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end].strip()


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=1, max_value=999_999), st.sampled_from(["million", "billion", "thousand"])
)
def test_formatted_amounts_parse_back(n: int, scale: str) -> None:
    factor = {"thousand": 1e3, "million": 1e6, "billion": 1e9}[scale]
    for text in (
        f"raised €{n:,} {scale} in",
        f"raised {n:,} {scale} euros in",
        f"raised EUR {n:,} {scale} in",
    ):
        c = one(text)
        assert (
            c.value.magnitude == pytest.approx(n * factor) and c.value.dimension == "currency:EUR"
        )
    c = one(f"it employs {n:,} people")
    assert c.value.magnitude == n and c.value.dimension == "count:person"
