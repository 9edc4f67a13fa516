"""Quarters, halves and seasons before a year ("Q3 2031", "the second half of 2029",
"autumn 2030"), and years that name a price base ("in 2015 prices")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.base import ExtractContext, RawClaim
from factcheck.extract.date_periods import _LAST_WORD_BACK, _lead_words
from factcheck.extract.dates import find
from factcheck.model import DateValue
from factcheck.segment import segment
from tests.rule_runs import check_article


def run(text: str) -> list[tuple[str, DateValue]]:
    claims: list[RawClaim] = find(text, segment(text), ExtractContext())
    out = []
    for c in claims:
        assert isinstance(c.value, DateValue)
        out.append((text[c.start : c.end], c.value))
    return out


@pytest.mark.parametrize(
    ("text", "span", "iso", "bound"),
    [
        ("Deliveries resume in Q3 2031.", "Q3 2031", "2031", "in"),
        ("Trials end during the third quarter of 2029.", "the third quarter of 2029", "2029", "in"),
        ("Handover: 4th quarter 2030, after tests.", "4th quarter 2030", "2030", "on"),
        (
            "The pier reopens in the final quarter of 2028.",
            "the final quarter of 2028",
            "2028",
            "in",
        ),
        ("Target date: H2 2032.", "H2 2032", "2032", "on"),
        ("Sales start by the first half of 2030.", "the first half of 2030", "2030", "by"),
        ("Grid connection, second half 2029.", "second half 2029", "2029", "on"),
        ("Piling: autumn 2030", "autumn 2030", "2030", "on"),
        ("The museum reopens in late spring 2027.", "late spring 2027", "2027", "in"),
        ("Works run until winter of 2031.", "winter of 2031", "2031", "until"),
        ("Trading results for 2Q 2026 were weak.", "2Q 2026", "2026", "in"),
    ],
)
def test_period_before_a_year_is_a_year_date(text: str, span: str, iso: str, bound: str) -> None:
    found = run(text)
    assert [(s, v.iso, v.granularity, v.bound) for s, v in found] == [(span, iso, "year", bound)]


@pytest.mark.parametrize(
    "text",
    [
        "Orders in the third half of the season grew.",  # no year, and no "third half"
        "The third quarter was weak.",  # no year
        "Revenue in fiscal Q4 2026 fell.",  # a fiscal part: left to the bare-year reading
        "The winter 2030/31 timetable is out.",  # a season across two years
    ],
)
def test_not_period_dates(text: str) -> None:
    assert [s for s, _ in run(text) if s[:1].isalpha()] == []


def test_fiscal_quarter_keeps_the_bare_year_reading() -> None:
    assert [(s, v.iso) for s, v in run("Revenue fell in the fourth quarter of fiscal 2026.")] == [
        ("2026", "2026")
    ]


_PERIODS = st.sampled_from(
    [
        "Q1",
        "Q4",
        "H1",
        "H2",
        "first quarter of",
        "fourth-quarter",
        "second half of",
        "the first half of",
        "summer",
        "Autumn",
        "early winter",
        "spring of",
    ]
)
_LEADS = st.sampled_from(["", "in ", "by ", "since ", "Completion: ", "The pilot, "])


@settings(max_examples=150, deadline=None)
@given(lead=_LEADS, period=_PERIODS, year=st.integers(1850, 2150))
def test_periods_give_their_year(lead: str, period: str, year: int) -> None:
    text = f"{lead}{period} {year} was set."
    found = run(text)
    assert len(found) == 1, found
    span, value = found[0]
    assert value.iso == str(year) and value.granularity == "year"
    assert span.endswith(str(year)) and span.split()[-2].lower().rstrip("-") in text.lower()


@pytest.mark.parametrize(
    "text",
    [
        "The toll is £3 (2015 prices) per car.",
        "The scheme costs £2bn in 2019 prices.",
        "Spending rose in 2021 terms and in 2018 money.",
        "Output values are in 2010 values.",
    ],
)
def test_price_base_year_is_no_date(text: str) -> None:
    assert run(text) == []


# --- the date rule on these readings --------------------------------------------


def _findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ref: str, draft: str) -> list[int]:
    return [f.location.line for f in check_article(tmp_path, monkeypatch, ref, draft, ["FC202"])]


_RELEASE = (
    "OSLO, 3 March 2025 – Fjord Cable today confirmed its timetable.\n\n"
    "The landfall works are planned for spring 2026. The first electricity will flow in the "
    "third quarter of 2028. The tariff is 40 euros per MWh in 2015 prices, set in 2024.\n"
)


def test_wrong_year_of_a_quarter_fires(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = "Fjord Cable says the first electricity will flow in Q3 2029.\n"
    assert _findings(tmp_path, monkeypatch, _RELEASE, draft) == [1]


def test_faithful_periods_and_price_base_stay_silent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = (
        "Fjord Cable starts landfall works in spring 2026, and the first electricity is due "
        "in the third quarter of 2028.\n\nThe tariff, set in 2024, is 40 euros per MWh in "
        "2015 prices.\n"
    )
    assert _findings(tmp_path, monkeypatch, _RELEASE, draft) == []


def test_a_season_without_preposition_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The release's "summer 2027" was invisible without "in": the article's "summer
    2027" then had only the other date of the release to be compared with."""
    ref = "Timeline:\n\n- Foundations: summer 2027\n- First power: the second half of 2028\n"
    draft = "Foundations go in during summer 2027, and first power follows in H2 2028.\n"
    assert _findings(tmp_path, monkeypatch, ref, draft) == []


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "quarter",
                "q4",
                "summer",
                "midsummer",
                "1",
                "x",
                " ",
                ",",
                "fo",
                "of",
                "headquarter",
                "é",
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_the_bounded_last_word_rejects_what_the_whole_word_rejects(before: str) -> None:
    """`_LAST_WORD_BACK` reads at most 8 characters back (a long run is not read again
    at every year inside it); every lead word is shorter, so the verdict is the same."""
    rev = before[::-1]
    whole = re.compile(r"[\s,]*(?:fo\s+)?([^\W_]+)").match(rev)
    bounded = _LAST_WORD_BACK.match(rev)
    expected = whole is not None and whole.group(1)[::-1] in _lead_words()
    assert (bounded is not None and bounded.group(1)[::-1] in _lead_words()) == expected
